#include "extract/entities/quote_addressee.hpp"

#include <algorithm>

namespace kgraph::extract {
namespace {

constexpr int kAddresseeSentences = 10;

// The person sentence s says the speaker wrote to, or -1: "to" after an address word, and the first
// mention after it within four words a person other than the speaker.
int addressee_in(const Analysis& a, int s, int speaker, std::uint32_t before) {
  const std::uint32_t first = a.sentence_first(s), last = std::min(a.sentence_last(s), before);
  bool names_speaker = false;
  for (std::uint32_t i = first; i < last; ++i)
    if (const int m = a.tokens[i].mention; m >= 0 && a.mentions[static_cast<std::size_t>(m)].entity == speaker)
      names_speaker = true;
  if (!names_speaker) return -1;
  int found = -1;
  for (std::uint32_t i = first; i < last; ++i) {
    if (a.key(i) != "to" || a.tokens[i].quote >= 0) continue;
    bool addressed = false;
    for (std::uint32_t k = i; k-- > first && k + 6 > i;)
      if (a.in_list("address_word", k)) addressed = true;
    if (!addressed) continue;
    for (std::uint32_t k = i + 1; k < last && k < i + 5; ++k) {
      const int m = a.tokens[k].mention;
      if (m < 0) continue;
      const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
      if (md.entity < 0) break;
      if (md.type != EntityType::Person) {  // the country or body of a title ("to Country-A President Y")
        k = std::max(k, md.last - 1);
        continue;
      }
      if (md.entity != speaker) {
        if (found >= 0 && found != md.entity) return -1;
        found = md.entity;
      }
      break;
    }
  }
  return found;
}

}  // namespace

int quote_addressee(const Analysis& a, int q) {
  if (q < 0) return -1;
  const Quote& quote = a.quotes[static_cast<std::size_t>(q)];
  if (quote.speaker < 0) return -1;
  const int s = a.tokens[quote.first].sentence;
  for (int back = s; back >= 0 && back > s - kAddresseeSentences; --back)
    if (const int e = addressee_in(a, back, quote.speaker, back == s ? quote.first : a.sentence_last(back)); e >= 0)
      return e;
  return -1;
}

}  // namespace kgraph::extract
