#include "extract/entities/title_chambers.hpp"

#include <algorithm>

#include "extract/entities/name_rules.hpp"

namespace kgraph::extract {

namespace {

// Whether the title phrase [first, last) opens with the chamber word that names its first office in
// the title data (by the title as written, else as titles.tsv normalises it): "House Speaker" (Speaker:
// the House of Representatives, also named "House"), not "Treasury Secretary" nor "Speaker" alone.
bool opens_with_its_chamber(const Analysis& a, std::uint32_t first, std::uint32_t last, const TitleEntry& te) {
  if (last - first < 2 || !a.in_list("chamber_word", first) || !a.tokens[first].upper) return false;
  const std::vector<TitleOffice>* offices = a.lex.title_offices(a.span_of(first, last).of(a.doc.text));
  if (!offices) offices = a.lex.title_offices(te.title);
  if (!offices || offices->empty()) return false;
  const std::string word = normalize_key(a.token_text(first));
  for (const std::string& n : offices->front().names)
    if (normalize_key(n) == word) return true;
  return false;
}

}  // namespace

void find_title_chambers(Analysis& a) {
  std::vector<MentionDraft> chambers;
  for (const MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || m.source == MentionSource::Description || m.first == 0) continue;
    const std::uint32_t p = m.first - 1;
    if (a.tokens[p].sentence != a.tokens[m.first].sentence) continue;
    const TitleEntry* te = nullptr;
    const int len = title_ending_at(a, p, &te);
    if (len < 2) continue;
    const std::uint32_t first = p + 1 - static_cast<std::uint32_t>(len);
    if (a.tokens[first].mention >= 0 || !opens_with_its_chamber(a, first, p + 1, *te)) continue;
    MentionDraft c;
    c.first = first;
    c.last = first + 1;
    c.type = EntityType::Organisation;
    c.source = MentionSource::Name;
    c.name = std::string(a.token_text(first));
    chambers.push_back(std::move(c));
  }
  if (chambers.empty()) return;
  std::vector<std::uint32_t> tokens;
  for (MentionDraft& c : chambers) {
    tokens.push_back(c.first);
    a.mentions.push_back(std::move(c));
  }
  std::stable_sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
  // The chamber stands for the title's office only: no token points to it, so the rules that read
  // the words (a title before a name, the parties of a meeting) read "House Speaker X" as before.
  for (std::uint32_t k : tokens) a.tokens[k].mention = -1;
}

}  // namespace kgraph::extract
