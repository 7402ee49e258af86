#include "extract/entities/written_name.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace kgraph::extract {
namespace {

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// A list's form written with its article ("the Mediterranean") is named without it.
std::string_view without_the(std::string_view s) {
  for (std::string_view the : {"the ", "The "})
    if (s.substr(0, the.size()) == the) return s.substr(the.size());
  return s;
}

bool same_letters(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::string written_name(const Analysis& a, const EntityDraft& e) {
  LexKind kind;
  if (e.type == EntityType::Organisation) kind = LexKind::Organisation;
  else if (e.type == EntityType::Location) kind = LexKind::Place;
  else return e.name;
  // Only the list's own forms count (a rule may have grown a gazetteer mention: "NATO allies"); the
  // canonical name written anywhere wins, as the name the document itself uses for the row.
  std::string_view best;
  std::size_t best_words = kind == LexKind::Place ? word_count(e.name) : 0;
  for (int mi : e.mentions) {
    const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
    if (m.source != MentionSource::Gazetteer || m.kind != kind || m.name != e.name) continue;
    std::string key;
    for (std::uint32_t i = m.first; i < m.last; ++i) key += (key.empty() ? "" : " ") + a.key(i);
    const auto* entries = a.lex.phrase(key);
    if (!entries || std::none_of(entries->begin(), entries->end(),
                                 [&](const LexEntry& x) { return x.kind == kind && x.name == e.name; }))
      continue;
    const std::string_view text = without_the(a.span_of(m.first, m.last).of(a.doc.text));
    if (same_letters(text, e.name)) return e.name;  // ("USA TODAY" in capitals is USA Today)
    const std::size_t words = word_count(text);
    if (words > best_words || (words == best_words && !best.empty() && text.size() > best.size())) {
      best = text;
      best_words = words;
    }
  }
  return best.empty() ? e.name : std::string(best);
}

}  // namespace kgraph::extract
