// The greedy averaged-perceptron UPOS tagger: features of a word in context
// (word, affixes, shape, neighbours, the two previous predicted tags), shared by
// training and tagging so the two can never disagree.
#pragma once

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

// Feature keys of word i given the two previous tags (-1 before the start).
void tagger_features(const TaggerWords& s, std::size_t i, int prev, int prev2, std::vector<std::uint64_t>& out);

// Greedy tagging with any scorer that has score(keys, float*) and classes().
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

class WeightTable;

// Greedy tagging with quantised weights: the same tags as tag_words. The weights of
// the features of one word's text alone (its own: form, affixes, shape; and those it
// gives the words up to two away as their neighbour) are summed once per word text
// and kept per thread from sentence to sentence; the rest (tags, word pairs, position)
// are looked up per word. Exact: the sums are integers, scaled once.
// `fixed`, when not empty, holds one tag per word or -1: a word with a tag there takes it
// unscored (a name the caller knows to be a proper noun), and the words after it see it as
// their previous tag.
std::vector<int> tag_words_table(const WeightTable& m, const TaggerWords& s, std::span<const int> fixed = {});

}  // namespace kgraph::extract::syntax
