#include "extract/text/sentence_splitter.hpp"

#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

bool is_terminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\u2026" || t == "?!" || t == "!!";
}

bool is_closing(std::string_view t, bool straight_quote_open) {
  if (t == "\"") return straight_quote_open;
  return t == "\u201D" || t == "\u2019" || t == "\u00BB" || t == ")" || t == "]" || t == "'";
}

bool can_start_sentence(std::string_view t) {
  if (t.empty()) return false;
  char32_t c = decode_utf8(t, 0).value;
  if (is_upper(c)) return true;
  CharClass k = classify(c);
  if (k == CharClass::Digit || k == CharClass::Quote) return true;
  return t == "(" || t == "[" || t == "\u2014" || t == "\u2013" || t == "-" || t == "'" || t == "\u2018";
}

}  // namespace

void split_sentences(std::string_view text, const std::vector<Span>& tokens, std::size_t first, std::size_t last,
                     std::vector<std::uint32_t>& sentence_starts) {
  if (first >= last) return;
  sentence_starts.push_back(static_cast<std::uint32_t>(first));
  bool quote_open = false;  // parity of straight double quotes seen so far
  for (std::size_t i = first; i < last; ++i) {
    std::string_view t = tokens[i].of(text);
    if (t == "\"") quote_open = !quote_open;
    if (!is_terminal(t)) continue;
    std::size_t j = i + 1;
    while (j < last && is_closing(tokens[j].of(text), quote_open)) {
      if (tokens[j].of(text) == "\"") quote_open = false;
      ++j;
    }
    if (j >= last) break;
    if (!can_start_sentence(tokens[j].of(text))) continue;
    sentence_starts.push_back(static_cast<std::uint32_t>(j));
    i = j - 1;
  }
}

}  // namespace kgraph::extract
