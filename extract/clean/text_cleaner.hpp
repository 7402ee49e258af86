// Finds the article in a plain-text dump: keeps prose blocks and the title line,
// drops page debris (navigation, share buttons, "See also" lists, comment forms,
// disclaimers, embedded-tweet lines). Works on lines and keeps byte offsets into
// the original text, so nothing is copied or rewritten.
#pragma once

#include <string>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/document.hpp"

namespace kgraph::extract {

struct CleanResult {
  Span title;                    // the title line, empty if none found
  std::string date_line;         // text of a line labelled as the date ("Date" then "2017.01.31 / 16:24")
  std::string author_line;       // text of a line labelled as the author or source
};

// Fills doc.content (the title line and the prose blocks, in text order) and
// doc.tokens (the tokens of those blocks, as Lexicon::tokenizer() cuts them).
// Requires: doc.text is valid UTF-8.
CleanResult clean_text(Document& doc, const Lexicon& lexicon);

}  // namespace kgraph::extract
