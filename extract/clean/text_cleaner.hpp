// Finds the article in a plain-text dump: keeps prose blocks and the title line,
// drops page debris (navigation, share buttons, "See also" lists, comment forms,
// disclaimers, embedded-tweet lines, headlines of other stories glued to the end of
// a paragraph or set in capitals between paragraphs, relative-time stamps, news
// sites' name cards run into a sentence). Works on lines and keeps byte offsets
// into the original text, so nothing is copied or rewritten: a name card leaves
// the line's block whole and only its tokens out of doc.tokens.
#pragma once

#include <string>
#include <vector>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/document.hpp"

namespace kgraph::extract {

// A piece of the text the cleaner left out and the rule that did it, so a user
// can see why a sentence is gone (kgraph text --explain).
struct CleanRemoval {
  Span span;         // the line, the tail of a line (a glued-in teaser) or a name card inside it
  std::string rule;  // "drop_line 'Photo'", "glued teaser", "end matter after 'Related'" ...
};

struct CleanResult {
  Span title;                    // the title line, empty if none found
  std::string date_line;         // text of a line labelled as the date ("Date" then "2017.01.31 / 16:24")
  std::string author_line;       // text of a line labelled as the author or source
  std::vector<CleanRemoval> removed;  // in text order
};

// Fills doc.content (the title line and the prose blocks, in text order) and
// doc.tokens (the tokens of those blocks, as Lexicon::tokenizer() cuts them, less
// those of name cards: a block may hold bytes that no token covers).
// Requires: doc.text is valid UTF-8.
CleanResult clean_text(Document& doc, const Lexicon& lexicon);

}  // namespace kgraph::extract
