// The greedy averaged-perceptron UPOS tagger: features of a word in context
// (word, affixes, shape, neighbours, the two previous predicted tags), shared by
// training and tagging so the two can never disagree.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kgraph::extract::syntax {

// Per-word hashes computed once per sentence.
struct TaggerWords {
  std::vector<std::uint64_t> lower, form, shape, suf1, suf2, suf3, suf4, pre1, pre2, pre3;
  std::size_t size() const { return lower.size(); }
};
TaggerWords prepare_words(std::span<const std::string> words);
std::uint64_t lower_hash(const std::string& w);

// Feature keys of word i given the two previous tags (-1 before the start):
// kTaggerKeys of them, appended to `out`.
void tagger_features(const TaggerWords& s, std::size_t i, int prev, int prev2, std::vector<std::uint64_t>& out);

// tagger_features() in two parts, for a tagger that looks up the keys of the
// words before it knows any tag: at keys[t] for t in kTaggerWordKeys, the keys of
// word i and its neighbours; at keys[t] for t in kTaggerTagKeys, those that also
// depend on the previous tags. `keys` has kTaggerKeys slots.
inline constexpr std::size_t kTaggerKeys = 28;
inline constexpr std::array<std::size_t, 5> kTaggerTagKeys = {10, 11, 12, 13, 26};
inline constexpr std::array<std::size_t, 23> kTaggerWordKeys = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  14, 15,
                                                               16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27};
void tagger_word_keys(const TaggerWords& s, std::size_t i, std::uint64_t* keys);
void tagger_tag_keys(const TaggerWords& s, std::size_t i, int prev, int prev2, std::uint64_t* keys);

class WeightTable;
// Greedy tagging with the quantised weights: the word keys of the whole sentence
// are looked up first, in one pass, then each word's tag keys. The same tags as
// the template below (its integer sums are the same).
std::vector<int> tag_words(const WeightTable& m, const TaggerWords& s);

// Greedy tagging with any scorer that has score(keys, float*) and classes() (the
// trainer's, whose float sums depend on the order of the keys).
template <class Scorer>
std::vector<int> tag_words(const Scorer& m, const TaggerWords& s) {
  std::vector<int> tags(s.size());
  std::vector<std::uint64_t> keys;
  std::vector<float> scores(static_cast<std::size_t>(m.classes()));
  for (std::size_t i = 0; i < s.size(); ++i) {
    keys.clear();
    tagger_features(s, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, keys);
    std::fill(scores.begin(), scores.end(), 0.0f);
    m.score(keys, scores.data());
    int best = 0;
    for (int c = 1; c < m.classes(); ++c)
      if (scores[c] > scores[best]) best = c;
    tags[i] = best;
  }
  return tags;
}

}  // namespace kgraph::extract::syntax
