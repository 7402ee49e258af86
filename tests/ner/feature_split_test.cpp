// The features of a token as training computes them (static_features: its word
// features, then context_features) are part of the model format: a template or
// hash that changes without a new kFeatureSetVersion would tag with weights
// trained for other keys. The keys of real sentences (every token, gazetteer
// bits cut at several counts) are pinned here by one checksum, taken with
// feature set 2 and the gazetteer lists as committed with the model (a change
// to those lists changes the keys too, as ner_training_test.cpp would find). The tagger's cached split of them is checked
// against this path in cached_scores_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/gazetteer.hpp"
#include "ontology/hashing.hpp"

namespace {

using kgraph::Span;
using kgraph::extract::ner::FeatureExtractor;
using kgraph::extract::ner::Gazetteer;
using kgraph::extract::ner::SentenceFeatures;

std::vector<Span> tokens_of(const std::string& text) {
  std::vector<Span> out;
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == ' ') {
      if (i > start) out.push_back(Span{start, i});
      start = i + 1;
    }
  return out;
}

// Folds the sorted keys of every token of `text` (word features plus context
// features with `room` slots) into `sum`.
void fold_keys(const FeatureExtractor& fx, const std::string& text, std::size_t room, std::uint64_t& sum,
               std::size_t& count) {
  SentenceFeatures sf;
  const auto toks = tokens_of(text);
  fx.prepare(text, toks, sf);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::vector<std::uint64_t> keys(FeatureExtractor::kMaxStaticFeatures);
    std::size_t n = FeatureExtractor::word_features(sf.tokens[i], keys.data());
    n += fx.context_features(sf, i, room, keys.data() + n);
    keys.resize(n);
    std::sort(keys.begin(), keys.end());
    for (std::uint64_t k : keys) sum = kgraph::mix64(sum ^ k);
    count += n;
  }
}

TEST(NerFeatureSplit, TrainingFeaturesArePinnedToTheFeatureSet) {
  static_assert(kgraph::extract::ner::kFeatureSetVersion == 2, "a new feature set: pin its keys anew");
  const FeatureExtractor fx(std::make_shared<const Gazetteer>(Gazetteer::load(KGRAPH_ONTOLOGY)));
  std::uint64_t sum = 0;
  std::size_t count = 0;
  for (std::size_t room : {std::size_t{83}, std::size_t{20}, std::size_t{15}}) {
    fold_keys(fx, "Angela Merkel met officials from France , Germany and Italy in Brussels on Monday .", room, sum, count);
    fold_keys(fx, "FRANCE BEATS GERMANY IN PARIS", room, sum, count);  // all capitals: the case features
    fold_keys(fx, "Hello", room, sum, count);                           // START and END on both sides
    fold_keys(fx, "United States of America United Kingdom New Zealand South Africa", room, sum, count);
  }
  EXPECT_EQ(count, 2865u);
  EXPECT_EQ(sum, 7503537915572491249u);
}

// prepare() keeps each token's facts per text, compared in full: a repeated token
// (here within the sentence and in a second preparation) gets the facts of its own text,
// and tokens of the same length but other letters or case do not share them.
TEST(NerFeatureSplit, RepeatedTokensGetTheFactsOfTheirOwnText) {
  const FeatureExtractor fx(std::make_shared<const Gazetteer>(Gazetteer::load(KGRAPH_ONTOLOGY)));
  const std::string text = "Merkel merkel MERKEL Merkel Merkez Nordrhein-Westfalen-Landesregierung Merkel";
  const auto toks = tokens_of(text);
  SentenceFeatures first, second;
  fx.prepare(text, toks, first);
  fx.prepare(text, toks, second);
  auto facts = [](const kgraph::extract::ner::TokenInfo& t) {
    std::vector<std::uint64_t> f = {t.raw, t.norm, t.shape, t.short_shape, t.affixes};
    for (std::uint32_t k = 0; k < t.affixes; ++k) f.insert(f.end(), {t.prefix[k], t.suffix[k]});
    return f;
  };
  for (std::size_t i = 0; i < toks.size(); ++i) EXPECT_EQ(facts(first.tokens[i]), facts(second.tokens[i])) << i;
  EXPECT_EQ(facts(first.tokens[0]), facts(first.tokens[3]));
  EXPECT_EQ(facts(first.tokens[0]), facts(first.tokens[6]));
  EXPECT_NE(first.tokens[0].raw, first.tokens[1].raw);
  EXPECT_EQ(first.tokens[0].norm, first.tokens[1].norm);  // the same word, lower-cased
  EXPECT_NE(first.tokens[0].shape, first.tokens[2].shape);
  EXPECT_NE(first.tokens[0].raw, first.tokens[4].raw);
  EXPECT_NE(first.tokens[0].suffix[0], first.tokens[4].suffix[0]);
}

}  // namespace
