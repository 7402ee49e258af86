// FeatureExtractor: turns one tokenised sentence into the hashed features the
// perceptron scores. Per-token facts (normalised word, shapes, affixes,
// gazetteer hits) are computed once per sentence into SentenceFeatures; the
// features of token i are then combinations of the facts of tokens i-2..i+2.
// Training and tagging share this code, so a model always sees the features it
// was trained on -- and kFeatureSetVersion, stored in every model file, must be
// bumped whenever a template or a hash changes.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_label.hpp"
#include "ontology/span.hpp"

namespace kgraph::extract::ner {

inline constexpr std::uint32_t kFeatureSetVersion = 2;

struct TokenInfo {
  std::uint64_t raw = 0, norm = 0, shape = 0, short_shape = 0;
  std::uint64_t prefix[4] = {}, suffix[4] = {};
  std::uint32_t affixes = 0;  // how many of prefix/suffix are set (the token's length, up to 4)
  std::uint32_t gazetteer = 0;  // Gazetteer::match bits
};

// Reused across sentences (one per thread), so steady-state tagging does not allocate.
struct SentenceFeatures {
  std::vector<TokenInfo> tokens;
  std::vector<std::uint64_t> norm_hashes;
  std::vector<std::uint32_t> gazetteer;
  bool all_caps = false;  // a headline or table: no lower-case letter in the sentence
};

class FeatureExtractor {
 public:
  static constexpr std::size_t kMaxStaticFeatures = 96;
  static constexpr std::size_t kMaxTagFeatures = 8;
  static constexpr std::size_t kMaxFeatures = kMaxStaticFeatures + kMaxTagFeatures;

  explicit FeatureExtractor(std::shared_ptr<const Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}

  void prepare(std::string_view text, std::span<const Span> tokens, SentenceFeatures& out) const;

  // Writes the features of token i that do not depend on tags into `out`
  // (kMaxStaticFeatures slots); returns how many. They are word_features()
  // followed by context_features().
  std::size_t static_features(const SentenceFeatures& s, std::size_t i, std::uint64_t* out) const;

  // The features of the token alone (its text: word, shape, affixes), at most
  // kMaxWordFeatures; the same for every occurrence of the same token text, so
  // a tagger may keep their summed weights per word.
  static constexpr std::size_t kMaxWordFeatures = 13;
  static std::size_t word_features(const TokenInfo& t, std::uint64_t* out);
  // How many word_features() writes, without computing them.
  static std::size_t word_feature_count(const TokenInfo& t) { return 5 + 2 * std::size_t{t.affixes}; }
  // The rest: neighbours, sentence position and case, gazetteer bits; at most
  // `room` keys (kMaxStaticFeatures less the token's word features). They are
  // the four role_features() and then pair_features(): a tagger that caches sums
  // per word keeps the first and looks up the second.
  std::size_t context_features(const SentenceFeatures& s, std::size_t i, std::size_t room, std::uint64_t* out) const;

  // The features of a neighbour that depend on that neighbour's text alone
  // (its word at -2, its shape at -1, ...): `role` is its offset from the
  // token being scored. The same for every occurrence of the same text.
  enum class Role : std::uint8_t { M2, M1, P1, P2 };
  static constexpr std::size_t kRoleFeatures = 3;  // at most, per role
  static constexpr std::size_t kAllRoleFeatures = 9;  // over the four roles, exactly
  static std::size_t role_features(const TokenInfo& neighbour, Role role, std::uint64_t* out);
  // The neighbour in `role` of token i, or the START/END token beyond the sentence.
  static const TokenInfo& neighbour(const SentenceFeatures& s, std::size_t i, Role role);
  // The rest of context_features(): pairs of tokens, sentence position and
  // case, gazetteer bits. `room` is as for context_features() (the role
  // features count against it), so the gazetteer bits are cut at the same count.
  std::size_t pair_features(const SentenceFeatures& s, std::size_t i, std::size_t room, std::uint64_t* out) const;

  // Writes the features that depend on the two tags to the left (kMaxTagFeatures slots).
  static std::size_t tag_features(const TokenInfo& tok, Tag prev1, Tag prev2, std::uint64_t* out);

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace kgraph::extract::ner
