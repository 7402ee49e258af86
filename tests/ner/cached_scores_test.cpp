// The tagger does not score a token from the features the model was trained on
// (FeatureExtractor::static_features and tag_features) but from sums it caches per
// word text, the neighbours' role sums and lookups of the rest. On real sentences
// (the CoNLL-2003 dev copy in tests/data/ner, some thousand of them, so the word
// cache both hits and is overwritten) every tag's score must be exactly the sum
// of the trained features' weights, and the tags the same as greedy decoding of
// those sums.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/ner/conll_reader.hpp"
#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_label.hpp"
#include "extract/ner/ner_model.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace {

using namespace kgraph::extract::ner;

// Greedy decoding as the trainer scores a token: every key of static_features()
// and tag_features(), each row looked up in the model.
NerTagger::TokenScores training_path(const FeatureExtractor& fx, const NerModel& model, const LabelledSentence& s) {
  SentenceFeatures sf;
  fx.prepare(s.text, s.tokens, sf);
  NerTagger::TokenScores out;
  Tag prev1 = kOutside, prev2 = kOutside;
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    std::uint64_t keys[FeatureExtractor::kMaxFeatures];
    std::size_t n = fx.static_features(sf, i, keys);
    n += FeatureExtractor::tag_features(sf.tokens[i], prev1, prev2, keys + n);
    std::int32_t sum[kNumTags] = {};
    for (std::size_t f = 0; f < n; ++f)
      if (const std::int16_t* w = model.row(keys[f]))
        for (int t = 0; t < kNumTags; ++t) sum[t] += w[t];
    Tag best = kOutside;
    for (Tag t = 1; t < kNumTags; ++t)
      if (tag_allowed(prev1, t) && sum[t] > sum[best]) best = t;
    out.sums.insert(out.sums.end(), sum, sum + kNumTags);
    out.tags.push_back(best);
    prev2 = prev1;
    prev1 = best;
  }
  return out;
}

TEST(NerCachedScores, EqualTheTrainingFeatureScores) {
  const std::string model_file = std::string(KGRAPH_ONTOLOGY) + "/models/ner-conll2003.model";
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load(KGRAPH_ONTOLOGY));
  auto model = std::make_shared<const NerModel>(NerModel::read(model_file));
  const NerTagger tagger = NerTagger::from_model(model, gazetteer);
  const FeatureExtractor fx(gazetteer);
  const ConllData dev = read_conll_jsonl(std::string(KGRAPH_TEST_DATA) + "/ner/conll2003_dev.jsonl", 1500);
  ASSERT_EQ(dev.sentences.size(), 1500u);
  std::size_t tokens = 0, named = 0;
  for (const LabelledSentence& s : dev.sentences) {
    const NerTagger::TokenScores cached = tagger.scores(s.text, s.tokens);
    const NerTagger::TokenScores trained = training_path(fx, *model, s);
    ASSERT_EQ(cached.sums, trained.sums) << s.text;
    ASSERT_EQ(cached.tags, trained.tags) << s.text;
    tokens += s.tokens.size();
    for (std::uint8_t t : cached.tags) named += t != kOutside;
  }
  EXPECT_GT(tokens, 20000u);
  EXPECT_GT(named, 2000u);  // real names among them, not only O
}

}  // namespace
