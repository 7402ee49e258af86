#include "extract/ner/feature_extractor.hpp"

#include <cstring>

#include "extract/ner/hashing.hpp"
#include "extract/ner/token_text.hpp"

namespace kgraph::extract::ner {
namespace {

// Feature templates. The numbers are part of the model format: append, never renumber.
enum Template : std::uint32_t {
  kBias, kNorm, kRaw, kShape, kShortShape, kPrefix, kSuffix = kPrefix + 4,
  kNormM2 = kSuffix + 4, kNormM1, kNormP1, kNormP2,
  kShapeM1, kShapeP1, kShortShapeM2, kShortShapeP2,
  kBigramM1, kBigramP1, kShapeTrigram, kFirstShape, kCapsShape, kCapsNorm,
  kGaz, kGazM1, kGazP1, kGazM2, kGazP2,
  kPrev1, kPrev2, kPrev1Norm, kPrev1Shape, kSuffixM1, kNormShapeP1, kShapeM1Norm,
  kNormM1Shape, kShapeNormP1, kNormM2M1Shape,
};

TokenInfo boundary(std::uint64_t salt) {
  TokenInfo t;
  t.raw = t.norm = t.shape = t.short_shape = mix64(salt);
  return t;
}
const TokenInfo kStart = boundary(0x5354415254);  // "START"
const TokenInfo kEnd = boundary(0x454e44);        // "END"

const TokenInfo& at(const SentenceFeatures& s, std::ptrdiff_t i) {
  if (i < 0) return kStart;
  if (i >= static_cast<std::ptrdiff_t>(s.tokens.size())) return kEnd;
  return s.tokens[static_cast<std::size_t>(i)];
}

void describe(std::string_view tok, TokenInfo& t) {
  char norm[kMaxTokenBytes], shape[kMaxTokenBytes], short_shape[kMaxTokenBytes];
  std::size_t n = normalise_token(tok, norm);
  std::size_t short_len = 0;
  std::size_t sn = token_shape(tok, shape, short_shape, &short_len);
  t.raw = fnv1a(tok);
  t.norm = Gazetteer::token_hash(std::string_view(norm, n));
  t.shape = fnv1a(std::string_view(shape, sn));
  t.short_shape = fnv1a(std::string_view(short_shape, short_len));
  t.affixes = static_cast<std::uint32_t>(n < 4 ? n : 4);
  for (std::size_t k = 1; k <= t.affixes; ++k) {
    t.prefix[k - 1] = fnv1a(std::string_view(norm, k));
    t.suffix[k - 1] = fnv1a(std::string_view(norm + n - k, k));
  }
}

// describe() reads the token's text alone, and news repeats its words: its results
// are kept per thread by text, compared in full (a hit is exact, never a hash match).
// A hit costs a hash, a compare and a copy, where describe() normalises, shapes and
// hashes the token a dozen times.
struct DescribedToken {
  static constexpr std::size_t kMaxBytes = 24;  // longer tokens are rare: described each time
  std::uint8_t size = 0;                        // 0: empty entry (an empty token is never kept)
  char text[kMaxBytes];
  TokenInfo info;
};

void describe_cached(std::string_view tok, TokenInfo& t) {
  if (tok.empty() || tok.size() > DescribedToken::kMaxBytes) return describe(tok, t);
  constexpr std::size_t kEntries = 4096;  // direct-mapped by the text's hash; ~600 KB per thread
  thread_local std::vector<DescribedToken> cache(kEntries);
  DescribedToken& e = cache[mix64(fnv1a(tok)) & (kEntries - 1)];
  if (e.size == tok.size() && std::memcmp(e.text, tok.data(), tok.size()) == 0) {
    t = e.info;  // its gazetteer bits are the caller's to set
    return;
  }
  describe(tok, t);
  e.size = static_cast<std::uint8_t>(tok.size());
  std::memcpy(e.text, tok.data(), tok.size());
  e.info = t;
}

}  // namespace

void FeatureExtractor::prepare(std::string_view text, std::span<const Span> tokens, SentenceFeatures& out) const {
  const std::size_t n = tokens.size();
  out.tokens.resize(n);
  out.norm_hashes.resize(n);
  out.gazetteer.resize(n);
  bool has_lower = false;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view tok = tokens[i].of(text);
    for (char c : tok) has_lower |= c >= 'a' && c <= 'z';
    describe_cached(tok, out.tokens[i]);
    out.norm_hashes[i] = out.tokens[i].norm;
  }
  out.all_caps = !has_lower;
  gazetteer_->match(out.norm_hashes, out.gazetteer);
  for (std::size_t i = 0; i < n; ++i) out.tokens[i].gazetteer = out.gazetteer[i];
}

std::size_t FeatureExtractor::static_features(const SentenceFeatures& s, std::size_t i, std::uint64_t* out) const {
  const std::size_t n = word_features(s.tokens[i], out);
  return n + context_features(s, i, kMaxStaticFeatures - n, out + n);
}

std::size_t FeatureExtractor::word_features(const TokenInfo& t, std::uint64_t* out) {
  std::size_t n = 0;
  out[n++] = feature_key(kBias, 0);
  out[n++] = feature_key(kNorm, t.norm);
  out[n++] = feature_key(kRaw, t.raw);
  out[n++] = feature_key(kShape, t.shape);
  out[n++] = feature_key(kShortShape, t.short_shape);
  for (std::uint32_t k = 0; k < t.affixes; ++k) {
    out[n++] = feature_key(kPrefix + k, t.prefix[k]);
    out[n++] = feature_key(kSuffix + k, t.suffix[k]);
  }
  return n;
}

// The role features of the four neighbours, then pair_features(): the tagger
// caches the first per word and looks up the second, so this one definition of
// each is what training and tagging both use.
std::size_t FeatureExtractor::context_features(const SentenceFeatures& s, std::size_t i, std::size_t room,
                                              std::uint64_t* out) const {
  std::size_t n = 0;
  for (Role r : {Role::M2, Role::M1, Role::P1, Role::P2}) n += role_features(neighbour(s, i, r), r, out + n);
  return n + pair_features(s, i, room, out + n);
}

std::size_t FeatureExtractor::role_features(const TokenInfo& t, Role role, std::uint64_t* out) {
  switch (role) {
    case Role::M2:
      out[0] = feature_key(kNormM2, t.norm);
      out[1] = feature_key(kShortShapeM2, t.short_shape);
      return 2;
    case Role::M1:
      out[0] = feature_key(kNormM1, t.norm);
      out[1] = feature_key(kShapeM1, t.shape);
      out[2] = feature_key(kSuffixM1, t.affixes >= 3 ? t.suffix[2] : t.norm);
      return 3;
    case Role::P1:
      out[0] = feature_key(kNormP1, t.norm);
      out[1] = feature_key(kShapeP1, t.shape);
      return 2;
    case Role::P2:
      out[0] = feature_key(kNormP2, t.norm);
      out[1] = feature_key(kShortShapeP2, t.short_shape);
      return 2;
  }
  return 0;
}

const TokenInfo& FeatureExtractor::neighbour(const SentenceFeatures& s, std::size_t i, Role role) {
  constexpr std::ptrdiff_t offset[] = {-2, -1, 1, 2};
  return at(s, static_cast<std::ptrdiff_t>(i) + offset[static_cast<int>(role)]);
}

std::size_t FeatureExtractor::pair_features(const SentenceFeatures& s, std::size_t i, std::size_t room,
                                           std::uint64_t* out) const {
  const auto ii = static_cast<std::ptrdiff_t>(i);
  const TokenInfo& t = s.tokens[i];
  const TokenInfo &m2 = at(s, ii - 2), &m1 = at(s, ii - 1), &p1 = at(s, ii + 1), &p2 = at(s, ii + 2);
  // context_features() writes the kAllRoleFeatures role features first: they
  // count against the room the gazetteer bits are cut at.
  room = room > kAllRoleFeatures ? room - kAllRoleFeatures : 0;
  std::size_t n = 0;
  out[n++] = feature_key(kBigramM1, m1.norm, t.norm);
  out[n++] = feature_key(kBigramP1, t.norm, p1.norm);
  out[n++] = feature_key(kShapeTrigram, m1.short_shape, mix64(t.short_shape) ^ p1.short_shape);
  if (i == 0) out[n++] = feature_key(kFirstShape, t.shape);
  if (s.all_caps) {
    out[n++] = feature_key(kCapsShape, t.short_shape);
    out[n++] = feature_key(kCapsNorm, t.norm);
  }
  out[n++] = feature_key(kNormShapeP1, t.norm, p1.short_shape);
  out[n++] = feature_key(kShapeM1Norm, m1.short_shape, t.norm);
  // Context words around a capitalised shape ("Mr. Xx", "Xx said", "Xx Inc"): what
  // marks a name no list contains.
  out[n++] = feature_key(kNormM1Shape, m1.norm, t.short_shape);
  out[n++] = feature_key(kShapeNormP1, t.short_shape, p1.norm);
  out[n++] = feature_key(kNormM2M1Shape, m2.norm, mix64(m1.norm) ^ t.short_shape);
  // Gazetteer bits, each its own feature; at most 18 set bits per token, in practice far fewer.
  auto gaz = [&](std::uint32_t tmpl, std::uint32_t bits) {
    while (bits && n < room) {
      std::uint32_t b = static_cast<std::uint32_t>(__builtin_ctz(bits));
      out[n++] = feature_key(tmpl, b);
      bits &= bits - 1;
    }
  };
  gaz(kGaz, t.gazetteer);
  gaz(kGazM1, m1.gazetteer);
  gaz(kGazP1, p1.gazetteer);
  gaz(kGazM2, m2.gazetteer & 0xffffu);
  gaz(kGazP2, p2.gazetteer & 0xffffu);
  return n;
}

std::size_t FeatureExtractor::tag_features(const TokenInfo& tok, Tag prev1, Tag prev2, std::uint64_t* out) {
  std::size_t n = 0;
  out[n++] = feature_key(kPrev1, prev1);
  out[n++] = feature_key(kPrev2, prev1, prev2);
  out[n++] = feature_key(kPrev1Norm, prev1, tok.norm);
  out[n++] = feature_key(kPrev1Shape, prev1, tok.short_shape);
  return n;
}

}  // namespace kgraph::extract::ner
