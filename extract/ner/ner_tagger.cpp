#include "extract/ner/ner_tagger.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_model.hpp"

namespace kgraph::extract::ner {

struct NerTagger::Impl {
  std::shared_ptr<const NerModel> model;
  FeatureExtractor extractor;
  std::uint64_t serial;  // tells this tagger's cached word rows from another's (see WordRow)
};

namespace {

std::atomic<std::uint64_t> next_serial{1};

// The summed weights of a token's word features (FeatureExtractor::word_features),
// which depend on its text alone. News repeats its words: most tokens find their
// row here and skip a third of their lookups in the weight table. The sums are
// integers, so a cached row gives the same scores as the lookups.
struct WordRow {
  std::uint64_t raw = 0, norm = 0;  // two 64-bit hashes of the token text (TokenInfo); a row matches when both do
  std::uint64_t owner = 0;          // serial of the tagger whose weights these are; 0: empty
  std::int32_t sum[kNumTags] = {};
};
constexpr std::size_t kWordRows = 4096;  // direct-mapped by the raw hash; ~260 KB per thread

// Per-thread buffers: they grow to the longest sentence seen and are then reused.
struct Scratch {
  SentenceFeatures sentence;
  std::vector<std::int32_t> static_sum;  // kNumTags per token: the scores of the tag-independent features
  std::vector<Tag> tags;
  std::vector<float> prob;
  std::vector<WordRow> words = std::vector<WordRow>(kWordRows);
};

void add_row(const NerModel& model, std::uint64_t key, std::int32_t* sum) {
  if (const std::int16_t* w = model.row(key))
    for (int t = 0; t < kNumTags; ++t) sum[t] += w[t];
}

// The features of token i to look up: its context features, and its word
// features unless its word row is cached (`row` then points at it).
struct TokenKeys {
  std::uint64_t keys[FeatureExtractor::kMaxStaticFeatures];
  std::size_t count = 0;
  std::size_t word_count = 0;  // keys[0, word_count) are word features, to be summed into the word row
  WordRow* row = nullptr;
};

bool holds(const WordRow& row, const TokenInfo& t, std::uint64_t serial) {
  return row.owner == serial && row.raw == t.raw && row.norm == t.norm;
}

void collect_keys(const FeatureExtractor& fx, const NerModel& model, const SentenceFeatures& sf, std::size_t i,
                  std::uint64_t serial, std::vector<WordRow>& words, TokenKeys& out) {
  const TokenInfo& t = sf.tokens[i];
  WordRow& row = words[t.raw & (kWordRows - 1)];
  out.row = &row;
  out.word_count = 0;
  if (!holds(row, t, serial)) out.word_count = FeatureExtractor::word_features(t, out.keys);
  // The gazetteer bits get the room the word features leave, cached or not.
  const std::size_t room = FeatureExtractor::kMaxStaticFeatures - FeatureExtractor::word_feature_count(t);
  out.count = out.word_count + fx.context_features(sf, i, room, out.keys + out.word_count);
  // Keys the model certainly lacks add nothing: drop them before they are
  // prefetched and looked up (the word features are few and mostly present).
  std::size_t kept = out.word_count;
  for (std::size_t f = out.word_count; f < out.count; ++f)
    if (model.may_have(out.keys[f])) out.keys[kept++] = out.keys[f];
  out.count = kept;
}

}  // namespace

NerTagger NerTagger::load(const std::filesystem::path& model_file, const std::filesystem::path& ontology_dir) {
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load(ontology_dir));
  return from_model(std::make_shared<const NerModel>(NerModel::read(model_file)), std::move(gazetteer));
}

NerTagger NerTagger::from_model(std::shared_ptr<const NerModel> model, std::shared_ptr<const Gazetteer> gazetteer) {
  NerTagger t;
  t.impl_ = std::make_shared<const Impl>(Impl{std::move(model), FeatureExtractor(std::move(gazetteer)), next_serial++});
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
  TokenKeys keys[2];
  if (n > 0) collect_keys(fx, model, s.sentence, 0, impl_->serial, s.words, keys[0]);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t cur = i & 1, next = cur ^ 1;
    if (i + 1 < n) {
      collect_keys(fx, model, s.sentence, i + 1, impl_->serial, s.words, keys[next]);
      for (std::size_t f = 0; f < keys[next].count; ++f) model.prefetch(keys[next].keys[f]);
    }
    const TokenKeys& k = keys[cur];
    const TokenInfo& t = s.sentence.tokens[i];
    WordRow& row = *k.row;
    if (!holds(row, t, impl_->serial)) {  // sum the word features into the token's row
      const std::uint64_t* word_keys = k.keys;
      std::size_t nw = k.word_count;
      std::uint64_t again[FeatureExtractor::kMaxWordFeatures];
      if (nw == 0) {  // the row was cached when collected, and token i-1 (another word) has taken it since
        nw = FeatureExtractor::word_features(t, again);
        word_keys = again;
      }
      std::fill(row.sum, row.sum + kNumTags, 0);
      for (std::size_t f = 0; f < nw; ++f) add_row(model, word_keys[f], row.sum);
      row.raw = t.raw;
      row.norm = t.norm;
      row.owner = impl_->serial;
    }
    std::int32_t* sum = &s.static_sum[i * kNumTags];
    std::copy(row.sum, row.sum + kNumTags, sum);
    for (std::size_t f = k.word_count; f < k.count; ++f) add_row(model, k.keys[f], sum);
  }

  // Pass 2: greedy left to right, adding the features of the tags chosen so far.
  // Token i+1's tag features are known once token i's tag is chosen: they are
  // computed and prefetched then, so their misses overlap token i's softmax; those
  // the model certainly lacks are dropped first, as in pass 1.
  std::uint64_t tag_feats[2][FeatureExtractor::kMaxTagFeatures];
  std::size_t tag_count[2] = {0, 0};
  auto tag_keys = [&](std::size_t i, Tag prev1, Tag prev2, std::uint64_t* out) {
    const std::size_t all = FeatureExtractor::tag_features(s.sentence.tokens[i], prev1, prev2, out);
    std::size_t kept = 0;
    for (std::size_t f = 0; f < all; ++f)
      if (model.may_have(out[f])) {
        out[kept++] = out[f];
        model.prefetch(out[f]);
      }
    return kept;
  };
  if (n > 0) tag_count[0] = tag_keys(0, kOutside, kOutside, tag_feats[0]);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t cur = i & 1, next = cur ^ 1;
    Tag prev1 = i >= 1 ? s.tags[i - 1] : kOutside;
    std::int32_t sum[kNumTags];
    for (int t = 0; t < kNumTags; ++t) sum[t] = s.static_sum[i * kNumTags + t];
    for (std::size_t f = 0; f < tag_count[cur]; ++f) add_row(model, tag_feats[cur][f], sum);
    Tag best = kOutside;
    for (Tag t = 1; t < kNumTags; ++t)
      if (tag_allowed(prev1, t) && sum[t] > sum[best]) best = t;
    s.tags[i] = best;
    if (i + 1 < n) tag_count[next] = tag_keys(i + 1, best, prev1, tag_feats[next]);
    // Softmax over the allowed tags: a probability-like confidence for the choice.
    float score[kNumTags];
    for (int t = 0; t < kNumTags; ++t) score[t] = static_cast<float>(sum[t]) * model.scale();
    float z = 0;
    for (Tag t = 0; t < kNumTags; ++t)
      // exp(-30) is below float precision next to the 1 of the best tag: skip it.
      if (tag_allowed(prev1, t) && score[t] - score[best] > -30.0f) z += std::exp(score[t] - score[best]);
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
