#include "extract/dedupe/duplicate_finder.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>

#include "ontology/hashing.hpp"

namespace kgraph::extract::dedupe {
namespace {

// Fixed seeds: the signature of a text never changes between runs or builds.
const std::array<std::uint64_t, kMinHashes>& seeds() {
  static const std::array<std::uint64_t, kMinHashes> s = [] {
    std::array<std::uint64_t, kMinHashes> out{};
    for (std::size_t i = 0; i < kMinHashes; ++i) out[i] = mix64(0x6b67726170680000ull + i);  // "kgraph"
    return out;
  }();
  return s;
}

constexpr bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Per byte: 0 if it is not part of a word, else the byte as hashed (ASCII
// capitals lower-cased). One load per byte instead of the range tests: this
// runs over every byte of every document.
struct WordBytes {
  unsigned char of[256];
  constexpr WordBytes() : of() {
    for (unsigned c = 0; c < 256; ++c)
      of[c] = !word_byte(static_cast<unsigned char>(c)) ? 0
              : (c >= 'A' && c <= 'Z')                 ? static_cast<unsigned char>(c - 'A' + 'a')
                                                       : static_cast<unsigned char>(c);
  }
};
constexpr WordBytes kWordBytes{};

std::vector<std::uint64_t> word_hashes(std::string_view text) {
  std::vector<std::uint64_t> words;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    while (i < n && kWordBytes.of[p[i]] == 0) ++i;
    if (i >= n) break;
    std::uint64_t h = kFnvOffset;
    for (unsigned char c; i < n && (c = kWordBytes.of[p[i]]) != 0; ++i) h = (h ^ c) * kFnvPrime;
    words.push_back(h);
  }
  return words;
}

std::uint64_t band_key(const TextSignature& s, std::size_t band) {
  constexpr std::size_t rows = kMinHashes / kBands;
  std::uint64_t h = kFnvOffset ^ band;
  for (std::size_t r = 0; r < rows; ++r) h = mix64(h ^ s.minhash[band * rows + r]);
  return h;
}

}  // namespace

TextSignature sign_text(std::string_view text) {
  TextSignature s;
  const std::vector<std::uint64_t> words = word_hashes(text);
  s.words = words.size();
  std::uint64_t exact = kFnvOffset;
  for (std::uint64_t w : words) exact = mix64(exact ^ w);
  s.exact = exact;
  if (words.empty()) return s;

  // One permutation hashing: each shingle is hashed once, its top bits pick
  // one of the kMinHashes bins and the rest compete for that bin's minimum.
  // Classic MinHash hashed every shingle kMinHashes times, which cost as much
  // as the whole entity stage; the estimate of the Jaccard similarity is as
  // good (Li, Owen & Zhang 2012).
  constexpr int kBinBits = std::bit_width(kMinHashes) - 1;
  static_assert(std::size_t{1} << kBinBits == kMinHashes, "kMinHashes must be a power of two");
  constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();
  constexpr std::uint64_t kValueMask = (std::uint64_t{1} << (64 - kBinBits)) - 1;
  std::array<std::uint64_t, kMinHashes> filled;  // the full minima; 32 bits of each are kept
  filled.fill(kEmpty);
  // The shingle hash rolls over the word hashes: a polynomial in kBase,
  // updated in O(1) per word, then mixed so its bits are uniform.
  constexpr std::uint64_t kBase = kFnvPrime * 2 + 1;
  const std::size_t width = std::min(words.size(), kShingleWords);
  std::uint64_t top_power = 1;  // kBase^(width-1): the weight of the word leaving the window
  for (std::size_t k = 1; k < width; ++k) top_power *= kBase;
  std::uint64_t rolling = 0;
  for (std::size_t k = 0; k < width; ++k) rolling = rolling * kBase + words[k];
  for (std::size_t i = 0;; ++i) {
    const std::uint64_t h = mix64(rolling ^ kFnvOffset);
    const std::size_t bin = static_cast<std::size_t>(h >> (64 - kBinBits));
    filled[bin] = std::min(filled[bin], h & kValueMask);
    if (i + width >= words.size()) break;
    rolling = (rolling - words[i] * top_power) * kBase + words[i + width];
  }
  // Densification (Shrivastava 2017): an empty bin takes the value of the
  // first filled bin along its own fixed pseudo-random probe sequence. The
  // sequence depends only on the bin, so two texts with the same shingles
  // fill their empty bins alike, and short texts still compare on every bin.
  const auto& seed = seeds();
  for (std::size_t j = 0; j < kMinHashes; ++j) {
    if (filled[j] != kEmpty) {
      s.minhash[j] = static_cast<std::uint32_t>(filled[j]);
      continue;
    }
    std::uint64_t probe = seed[j];
    std::size_t from = j;
    for (std::uint64_t attempt = 1; filled[from] == kEmpty; ++attempt) {
      probe = mix64(probe + attempt);
      from = static_cast<std::size_t>(probe >> (64 - kBinBits));
    }
    s.minhash[j] = static_cast<std::uint32_t>(filled[from]);
  }
  return s;
}

double similarity(const TextSignature& a, const TextSignature& b) {
  if (a.words == 0 || b.words == 0) return 0;
  if (a.exact == b.exact && a.words == b.words) return 1.0;
  std::size_t same = 0;
  for (std::size_t j = 0; j < kMinHashes; ++j) same += a.minhash[j] == b.minhash[j];
  return static_cast<double>(same) / static_cast<double>(kMinHashes);
}

template <typename KeyOf, typename Fn>
void DuplicateFinder::each_match(const IndexTable& t, std::uint64_t key, const KeyOf& key_of, const Fn& fn) {
  if (t.slots.empty()) return;
  const std::size_t mask = t.slots.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(mix64(key)) & mask; t.slots[i] != kNone; i = (i + 1) & mask)
    if (key_of(t.slots[i]) == key) fn(t.slots[i]);
}

template <typename KeyOf>
void DuplicateFinder::insert(IndexTable& t, std::uint64_t key, std::uint32_t index, const KeyOf& key_of) {
  // Grown at 3/4 full: linear probing stays short, and the table costs 5 to 11 bytes per entry.
  if ((t.used + 1) * 4 > t.slots.size() * 3) {
    std::vector<std::uint32_t> old(std::max<std::size_t>(16, t.slots.size() * 2), kNone);
    old.swap(t.slots);
    const std::size_t mask = t.slots.size() - 1;
    for (std::uint32_t held : old) {
      if (held == kNone) continue;
      std::size_t i = static_cast<std::size_t>(mix64(key_of(held))) & mask;
      while (t.slots[i] != kNone) i = (i + 1) & mask;
      t.slots[i] = held;
    }
  }
  const std::size_t mask = t.slots.size() - 1;
  std::size_t i = static_cast<std::size_t>(mix64(key)) & mask;
  while (t.slots[i] != kNone) i = (i + 1) & mask;
  t.slots[i] = index;
  ++t.used;
}

std::optional<DuplicateFinder::Match> DuplicateFinder::add(const TextSignature& signature) {
  const std::size_t ordinal = next_++;
  if (signature.words == 0) return std::nullopt;
  auto exact_of = [&](std::uint32_t i) { return originals_[i].second.exact; };
  std::optional<std::uint32_t> exact;
  each_match(by_exact_, signature.exact, exact_of, [&](std::uint32_t i) {
    if (originals_[i].second.words == signature.words) exact = i;  // one at most: a second copy is never stored
  });
  if (exact) return Match{originals_[*exact].first, 1.0, true};

  std::vector<std::uint32_t> candidates;
  std::array<std::uint64_t, kBands> keys{};
  for (std::size_t b = 0; b < kBands; ++b) {
    keys[b] = band_key(signature, b);
    each_match(bands_[b], keys[b], [&](std::uint32_t i) { return band_key(originals_[i].second, b); },
               [&](std::uint32_t i) { candidates.push_back(i); });
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::optional<Match> best;
  for (std::uint32_t c : candidates) {  // ascending: ties keep the earliest
    const double sim = similarity(signature, originals_[c].second);
    if (sim >= threshold_ && (!best || sim > best->similarity)) best = Match{originals_[c].first, sim, false};
  }
  if (best) return best;

  if (originals_.size() >= kNone) throw std::length_error("duplicate finder: more than 4 billion distinct texts");
  const auto index = static_cast<std::uint32_t>(originals_.size());
  originals_.emplace_back(ordinal, signature);
  insert(by_exact_, signature.exact, index, exact_of);
  for (std::size_t b = 0; b < kBands; ++b)
    insert(bands_[b], keys[b], index, [&](std::uint32_t i) { return band_key(originals_[i].second, b); });
  return std::nullopt;
}

}  // namespace kgraph::extract::dedupe
