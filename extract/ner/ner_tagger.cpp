#include "extract/ner/ner_tagger.hpp"

#include <cmath>

#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_model.hpp"

namespace kgraph::extract::ner {

struct NerTagger::Impl {
  std::shared_ptr<const NerModel> model;
  FeatureExtractor extractor;
};

namespace {

// Per-thread buffers: they grow to the longest sentence seen and are then reused.
struct Scratch {
  SentenceFeatures sentence;
  std::vector<std::int32_t> static_sum;  // kNumTags per token: the scores of the tag-independent features
  std::vector<Tag> tags;
  std::vector<float> prob;
};

void add_row(const NerModel& model, std::uint64_t key, std::int32_t* sum) {
  if (const std::int16_t* w = model.row(key))
    for (int t = 0; t < kNumTags; ++t) sum[t] += w[t];
}

}  // namespace

NerTagger NerTagger::load(const std::filesystem::path& model_file, const std::filesystem::path& ontology_dir) {
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load(ontology_dir));
  return from_model(std::make_shared<const NerModel>(NerModel::read(model_file)), std::move(gazetteer));
}

NerTagger NerTagger::from_model(std::shared_ptr<const NerModel> model, std::shared_ptr<const Gazetteer> gazetteer) {
  NerTagger t;
  t.impl_ = std::make_shared<const Impl>(Impl{std::move(model), FeatureExtractor(std::move(gazetteer))});
  return t;
}

std::vector<NerSpan> NerTagger::tag(std::string_view text, std::span<const Span> tokens) const {
  thread_local Scratch s;
  const FeatureExtractor& fx = impl_->extractor;
  const NerModel& model = *impl_->model;
  const std::size_t n = tokens.size();
  fx.prepare(text, tokens, s.sentence);
  s.tags.resize(n);
  s.prob.resize(n);

  // Pass 1: the tag-independent part of every token's scores. Most of the time
  // goes into memory loads from the weight table, so the features of token i+1
  // are computed and prefetched before the rows of token i are read.
  s.static_sum.assign(n * kNumTags, 0);
  std::uint64_t feats[2][FeatureExtractor::kMaxStaticFeatures];
  std::size_t count[2] = {0, 0};
  if (n > 0) count[0] = fx.static_features(s.sentence, 0, feats[0]);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t cur = i & 1, next = cur ^ 1;
    if (i + 1 < n) {
      count[next] = fx.static_features(s.sentence, i + 1, feats[next]);
      for (std::size_t f = 0; f < count[next]; ++f) model.prefetch(feats[next][f]);
    }
    for (std::size_t f = 0; f < count[cur]; ++f) add_row(model, feats[cur][f], &s.static_sum[i * kNumTags]);
  }

  // Pass 2: greedy left to right, adding the features of the tags chosen so far.
  for (std::size_t i = 0; i < n; ++i) {
    Tag prev1 = i >= 1 ? s.tags[i - 1] : kOutside, prev2 = i >= 2 ? s.tags[i - 2] : kOutside;
    std::uint64_t tag_feats[FeatureExtractor::kMaxTagFeatures];
    const std::size_t nt = FeatureExtractor::tag_features(s.sentence.tokens[i], prev1, prev2, tag_feats);
    std::int32_t sum[kNumTags];
    for (int t = 0; t < kNumTags; ++t) sum[t] = s.static_sum[i * kNumTags + t];
    for (std::size_t f = 0; f < nt; ++f) add_row(model, tag_feats[f], sum);
    Tag best = kOutside;
    for (Tag t = 1; t < kNumTags; ++t)
      if (tag_allowed(prev1, t) && sum[t] > sum[best]) best = t;
    // Softmax over the allowed tags: a probability-like confidence for the choice.
    float score[kNumTags];
    for (int t = 0; t < kNumTags; ++t) score[t] = static_cast<float>(sum[t]) * model.scale();
    float z = 0;
    for (Tag t = 0; t < kNumTags; ++t)
      // exp(-30) is below float precision next to the 1 of the best tag: skip it.
      if (tag_allowed(prev1, t) && score[t] - score[best] > -30.0f) z += std::exp(score[t] - score[best]);
    s.tags[i] = best;
    s.prob[i] = 1.0f / z;
  }

  std::vector<NerSpan> spans;
  for (std::size_t i = 0; i < n;) {
    if (s.tags[i] == kOutside) {
      ++i;
      continue;
    }
    NerLabel label = label_of(s.tags[i]);
    std::size_t j = i + 1;
    float sum = s.prob[i];
    while (j < n && is_inside(s.tags[j]) && label_of(s.tags[j]) == label) sum += s.prob[j++];
    spans.push_back(NerSpan{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), label,
                            sum / static_cast<float>(j - i)});
    i = j;
  }
  return spans;
}

}  // namespace kgraph::extract::ner
