// What the extractor knows about page furniture, loaded from ontology/html/:
// class/id words (class_words.tsv) and boilerplate phrases (boilerplate_phrases.tsv).
// Kept as data so that new site conventions are a data change, not a code change.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph::extract::html {

// Lead: an article's lead paragraph ("intro", "standfirst"), taken with the article
// when it stands just before it; never returned by classify_attribute.
enum class ClassWord { None, Remove, Comments, Box, Short, Negative, Positive, Lead };

// What the words of one class or id value say, from one pass over its tokens.
struct AttributeWords {
  ClassWord kind = ClassWord::None;   // as classify_attribute
  ClassWord first = ClassWord::None;  // the kind of the first token
  bool short_word = false;            // a token of kind Short
  bool lead_word = false;             // a token of kind Lead
  bool author_word = false;           // a token of kind Short that names an author ("author-bio", "autor")
};

class HtmlRules {
 public:
  // Throws kgraph::DataFileError naming file:line on a malformed file (setup error).
  static HtmlRules load(const std::filesystem::path& ontology_dir);

  // Classifies a class or id attribute value. Remove wins ("comment-reply-link"),
  // then Comments ("post-comments" is comments), then Box, then Positive, then
  // Short, then Negative. The extractor itself spares wrappers that hold most of
  // the page, like "content-with-sidebar".
  ClassWord classify_attribute(std::string_view value) const;

  // classify_attribute, the kind of the first token ("entry share" -> Positive) and
  // whether any token is a byline or lead word ("entry-meta" names a byline although
  // "entry" is a content word), in one pass.
  AttributeWords words(std::string_view value) const;

  // True when `lower_text` (block text through text_lower) is short enough and contains
  // one of the boilerplate phrases.
  bool is_boilerplate(std::string_view lower_text, std::size_t chars) const;

 private:
  struct Word {
    std::string word;
    ClassWord kind = ClassWord::None;
    bool prefix = false;
    bool author = false;  // kind "author": Short, and names the author's box too
  };
  struct Phrase {
    std::string phrase;
    std::size_t max_chars = 0;
  };
  const Word* find_word(std::string_view token) const;

  std::vector<Word> words_;
  std::vector<Phrase> phrases_;
};

}  // namespace kgraph::extract::html
