#include "extract/ner/ner_tagger.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>

#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_model.hpp"

namespace kgraph::extract::ner {

// The summed weights of the features that depend on one token's text alone,
// kept per word text: its own word features (FeatureExtractor::word_features)
// and the features it gives the tokens around it as their neighbour at -2, -1,
// +1 and +2 (FeatureExtractor::role_features). News repeats its words: most
// tokens find their sums cached and skip more than half of the lookups in the
// weight table. The sums are integers, so a cached sum gives the same scores as
// the lookups, in any order.
constexpr int kSelf = 0;   // row of the word features
constexpr int kRoles = 4;  // then one row per FeatureExtractor::Role
constexpr int kRows = 1 + kRoles;
using Sums = std::array<std::array<std::int32_t, kNumTags>, kRows>;

struct NerTagger::Impl {
  std::shared_ptr<const NerModel> model;
  FeatureExtractor extractor;
  std::uint64_t serial;  // tells this tagger's cached word sums from another's (see WordRow)
  Sums boundary{};       // role rows of the START token (M2, M1) and the END token (P1, P2)
};

namespace {

std::atomic<std::uint64_t> next_serial{1};

struct WordRow {
  std::uint64_t raw = 0, norm = 0;  // two 64-bit hashes of the token text (TokenInfo); a row matches when both do
  std::uint64_t owner = 0;          // serial of the tagger whose weights these are; 0: empty
  Sums sum{};
};
constexpr std::size_t kWordRows = 4096;  // direct-mapped by the raw hash; ~800 KB per thread

// Per-thread buffers: they grow to the longest sentence seen and are then reused.
struct Scratch {
  SentenceFeatures sentence;
  std::vector<Sums> rows;                // per token: its word's sums (a copy: the cache may evict them)
  std::vector<std::int32_t> static_sum;  // kNumTags per token: the tag-independent scores, then the whole ones
  std::vector<Tag> tags;
  std::vector<float> prob;
  std::vector<WordRow> words = std::vector<WordRow>(kWordRows);
};

void add_row(const NerModel& model, std::uint64_t key, std::int32_t* sum) {
  if (const std::int16_t* w = model.row(key))
    for (int t = 0; t < kNumTags; ++t) sum[t] += w[t];
}

constexpr FeatureExtractor::Role kRoleOrder[kRoles] = {FeatureExtractor::Role::M2, FeatureExtractor::Role::M1,
                                                       FeatureExtractor::Role::P1, FeatureExtractor::Role::P2};

// The keys of one word's sums, each with the row it adds to.
struct WordKeys {
  static constexpr std::size_t kMax = FeatureExtractor::kMaxWordFeatures + FeatureExtractor::kAllRoleFeatures;
  std::uint64_t keys[kMax];
  std::uint8_t row[kMax];
  std::size_t count = 0;
  std::size_t token = 0;
  bool pending = false;
};

// Keys of the sums of token info `t`, prefetched. Word features are few and
// mostly in the model; role features the model certainly lacks are dropped.
void word_keys(const NerModel& model, const TokenInfo& t, WordKeys& out) {
  out.count = FeatureExtractor::word_features(t, out.keys);
  for (std::size_t f = 0; f < out.count; ++f) out.row[f] = kSelf;
  for (int r = 0; r < kRoles; ++r) {
    std::uint64_t role[FeatureExtractor::kRoleFeatures];
    const std::size_t nr = FeatureExtractor::role_features(t, kRoleOrder[r], role);
    for (std::size_t f = 0; f < nr; ++f)
      if (model.may_have(role[f])) {
        out.keys[out.count] = role[f];
        out.row[out.count++] = static_cast<std::uint8_t>(1 + r);
      }
  }
  for (std::size_t f = 0; f < out.count; ++f) model.prefetch(out.keys[f]);
}

void sum_word(const NerModel& model, const WordKeys& k, Sums& out) {
  for (auto& r : out) r.fill(0);
  for (std::size_t f = 0; f < k.count; ++f) add_row(model, k.keys[f], out[k.row[f]].data());
}

bool holds(const WordRow& row, const TokenInfo& t, std::uint64_t serial) {
  return row.owner == serial && row.raw == t.raw && row.norm == t.norm;
}

// Fills s.rows with the sums of every token's word, from the cache or the
// weight table. The lookups of one missing word are prefetched while the
// previous missing word's are summed.
void word_sums(const NerModel& model, std::uint64_t serial, Scratch& s) {
  const std::size_t n = s.sentence.tokens.size();
  s.rows.resize(n);
  WordKeys keys[2];
  std::size_t cur = 0;
  auto finish = [&](WordKeys& k) {
    if (!k.pending) return;
    const TokenInfo& t = s.sentence.tokens[k.token];
    WordRow& row = s.words[t.raw & (kWordRows - 1)];
    sum_word(model, k, row.sum);
    row.raw = t.raw;
    row.norm = t.norm;
    row.owner = serial;
    s.rows[k.token] = row.sum;
    k.pending = false;
  };
  for (std::size_t j = 0; j < n; ++j) {
    const TokenInfo& t = s.sentence.tokens[j];
    const WordRow& row = s.words[t.raw & (kWordRows - 1)];
    if (holds(row, t, serial)) {
      s.rows[j] = row.sum;
      continue;
    }
    word_keys(model, t, keys[cur]);
    keys[cur].token = j;
    keys[cur].pending = true;
    cur ^= 1;
    finish(keys[cur]);
  }
  finish(keys[cur ^ 1]);
}

// The features of token i that are not in word sums, to look up.
struct TokenKeys {
  std::uint64_t keys[FeatureExtractor::kMaxStaticFeatures];
  std::size_t count = 0;
};

void pair_keys(const FeatureExtractor& fx, const NerModel& model, const SentenceFeatures& sf, std::size_t i,
               TokenKeys& out) {
  const TokenInfo& t = sf.tokens[i];
  // The gazetteer bits get the room the word features leave, as in static_features().
  const std::size_t room = FeatureExtractor::kMaxStaticFeatures - FeatureExtractor::word_feature_count(t);
  const std::size_t all = fx.pair_features(sf, i, room, out.keys);
  // Keys the model certainly lacks add nothing: drop them before they are
  // prefetched and looked up.
  std::size_t kept = 0;
  for (std::size_t f = 0; f < all; ++f)
    if (model.may_have(out.keys[f])) {
      out.keys[kept++] = out.keys[f];
      model.prefetch(out.keys[f]);
    }
  out.count = kept;
}

}  // namespace

NerTagger NerTagger::load(const std::filesystem::path& model_file, const std::filesystem::path& ontology_dir) {
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load(ontology_dir));
  return from_model(std::make_shared<const NerModel>(NerModel::read(model_file)), std::move(gazetteer));
}

NerTagger NerTagger::from_model(std::shared_ptr<const NerModel> model, std::shared_ptr<const Gazetteer> gazetteer) {
  auto impl = std::make_shared<Impl>(Impl{std::move(model), FeatureExtractor(std::move(gazetteer)), next_serial++, {}});
  const SentenceFeatures empty;  // beyond it on both sides: the START and END tokens
  for (int r = 0; r < kRoles; ++r) {
    std::uint64_t keys[FeatureExtractor::kRoleFeatures];
    const TokenInfo& b = FeatureExtractor::neighbour(empty, 0, kRoleOrder[r]);
    const std::size_t nr = FeatureExtractor::role_features(b, kRoleOrder[r], keys);
    for (std::size_t f = 0; f < nr; ++f) add_row(*impl->model, keys[f], impl->boundary[1 + r].data());
  }
  NerTagger t;
  t.impl_ = std::move(impl);
  return t;
}

namespace {

// Tags one sentence into the calling thread's scratch: s.tags, s.prob (for tokens
// tagged outside a name, 0: no caller reads it), and in s.static_sum every token's
// final tag scores. `serial` and `boundary` are the
// tagger's (NerTagger::Impl).
const Scratch& run(const FeatureExtractor& fx, const NerModel& model, std::uint64_t serial, const Sums& boundary,
                   std::string_view text, std::span<const Span> tokens) {
  thread_local Scratch s;
  const std::size_t n = tokens.size();
  fx.prepare(text, tokens, s.sentence);
  s.tags.resize(n);
  s.prob.resize(n);

  // Pass 1: the tag-independent part of every token's scores: its word's
  // sums, its neighbours' role sums, and the lookups of the rest. Most of the
  // time goes into memory loads from the weight table, so the keys of token
  // i+1 are computed and prefetched before the rows of token i are read.
  word_sums(model, serial, s);
  s.static_sum.assign(n * kNumTags, 0);
  TokenKeys keys[2];
  if (n > 0) pair_keys(fx, model, s.sentence, 0, keys[0]);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t cur = i & 1, next = cur ^ 1;
    if (i + 1 < n) pair_keys(fx, model, s.sentence, i + 1, keys[next]);
    std::int32_t* sum = &s.static_sum[i * kNumTags];
    const auto& self = s.rows[i][kSelf];
    std::copy(self.begin(), self.end(), sum);
    constexpr std::ptrdiff_t offset[kRoles] = {-2, -1, 1, 2};
    for (int r = 0; r < kRoles; ++r) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset[r];
      const auto& role = j >= 0 && j < static_cast<std::ptrdiff_t>(n) ? s.rows[static_cast<std::size_t>(j)][1 + r]
                                                                        : boundary[1 + r];
      for (int t = 0; t < kNumTags; ++t) sum[t] += role[t];
    }
    const TokenKeys& k = keys[cur];
    for (std::size_t f = 0; f < k.count; ++f) add_row(model, k.keys[f], sum);
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
    std::int32_t* const sum = &s.static_sum[i * kNumTags];  // from here on the token's whole score
    for (std::size_t f = 0; f < tag_count[cur]; ++f) add_row(model, tag_feats[cur][f], sum);
    Tag best = kOutside;
    for (Tag t = 1; t < kNumTags; ++t)
      if (tag_allowed(prev1, t) && sum[t] > sum[best]) best = t;
    s.tags[i] = best;
    if (i + 1 < n) tag_count[next] = tag_keys(i + 1, best, prev1, tag_feats[next]);
    // Softmax over the allowed tags: a probability-like confidence for the choice. Only a
    // name's tokens have theirs read (tag() averages it over the span), and most tokens
    // are outside any name: theirs is not computed.
    if (best == kOutside) {
      s.prob[i] = 0;
      continue;
    }
    float score[kNumTags];
    for (int t = 0; t < kNumTags; ++t) score[t] = static_cast<float>(sum[t]) * model.scale();
    float z = 0;
    for (Tag t = 0; t < kNumTags; ++t)
      // exp(-30) is below float precision next to the 1 of the best tag: skip it.
      if (tag_allowed(prev1, t) && score[t] - score[best] > -30.0f) z += std::exp(score[t] - score[best]);
    s.prob[i] = 1.0f / z;
  }
  return s;
}

}  // namespace

std::vector<NerSpan> NerTagger::tag(std::string_view text, std::span<const Span> tokens) const {
  const Scratch& s = run(impl_->extractor, *impl_->model, impl_->serial, impl_->boundary, text, tokens);
  const std::size_t n = tokens.size();
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

NerTagger::TokenScores NerTagger::scores(std::string_view text, std::span<const Span> tokens) const {
  const Scratch& s = run(impl_->extractor, *impl_->model, impl_->serial, impl_->boundary, text, tokens);
  return TokenScores{s.static_sum, s.tags};
}

}  // namespace kgraph::extract::ner
