// Splits text into tokens the way news NER data (CoNLL / Penn Treebank) does:
// punctuation apart, possessive 's and n't apart, hyphenated words whole
// ("1,500-strong"), abbreviations and initials with their period ("U.S.",
// "Jan.", "J."), numbers with their separators ("1,500", "3.5"), URLs, domain
// names and @handles whole.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ontology/span.hpp"

namespace kgraph::extract {

class Tokenizer {
 public:
  // `abbreviations` are tokens that keep their final period, e.g. "Mr.", "Jan.".
  explicit Tokenizer(std::unordered_set<std::string> abbreviations);

  // Appends the tokens of text[range] to `out`, in order.
  void tokenize(std::string_view text, Span range, std::vector<Span>& out) const;

 private:
  std::uint32_t word_end(std::string_view text, std::uint32_t pos, std::uint32_t end) const;
  // Looked up with string_views of the text, without making a string per period.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> abbreviations_;
};

}  // namespace kgraph::extract
