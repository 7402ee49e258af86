// Exact and near-duplicate documents: the same story published by several
// outlets (syndicated wire copy), or the same file given twice.
//
// A document's text is normalised to its words (letters and digits, ASCII
// lower-cased; any other UTF-8 character counts as a letter), cut into word
// 5-grams (shingles), and summarised by a one-permutation MinHash signature of
// 128 bins with fixed seeds (each shingle hashed once; empty bins densified;
// 32 bits kept per bin, ontology/text_signature.hpp).
// The share of equal bins estimates the Jaccard similarity of
// two documents' shingle sets. Candidates are found by locality-sensitive
// hashing (32 bands of 4 hashes), so adding a document does not compare it with
// every earlier one. Everything is deterministic: same texts in the same order,
// same answers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "ontology/text_signature.hpp"

namespace kgraph::extract::dedupe {

using kgraph::kMinHashes;
using kgraph::TextSignature;
constexpr std::size_t kBands = 32;
constexpr std::size_t kShingleWords = 5;

// A text with fewer than 5 words is one shingle of all its words; a text
// without words gets words == 0 and never matches anything.
TextSignature sign_text(std::string_view text);

// 1.0 for identical normalised texts, else the MinHash estimate in [0, 1].
double similarity(const TextSignature& a, const TextSignature& b);

class DuplicateFinder {
 public:
  // Documents at or above `threshold` similarity are duplicates.
  explicit DuplicateFinder(double threshold = 0.8) : threshold_(threshold) {}

  struct Match {
    std::size_t original = 0;  // the ordinal `add` gave the first copy
    double similarity = 0;
    bool exact = false;
  };

  // Registers the next document (ordinals count from 0 in call order) and
  // returns the earlier document it duplicates, if any: the most similar one,
  // ties going to the earliest. Only first copies are remembered, so a chain
  // of small edits does not drift away from the original.
  std::optional<Match> add(const TextSignature& signature);

 private:
  // An open-addressing hash table of indices into originals_ and nothing
  // else: the key of an entry is worked out again from the signature it points
  // to. A map of keys to vectors of indices cost about 2.8 KB per document over
  // 32 bands, most of what a large merge held (issue 16); this costs about
  // 8 bytes per band and document.
  struct IndexTable {
    std::vector<std::uint32_t> slots;  // kNone or an index into originals_; size a power of two
    std::size_t used = 0;
  };
  static constexpr std::uint32_t kNone = 0xffffffffu;
  // Calls `fn(index)` for each entry of `t` under `key`; `key_of(index)` gives an entry's key.
  template <typename KeyOf, typename Fn>
  static void each_match(const IndexTable& t, std::uint64_t key, const KeyOf& key_of, const Fn& fn);
  template <typename KeyOf>
  static void insert(IndexTable& t, std::uint64_t key, std::uint32_t index, const KeyOf& key_of);

  double threshold_;
  std::size_t next_ = 0;
  // A deque, not a vector: a vector of a million 0.5 KB signatures, grown by
  // doubling, held the old and the new copy at once (issue 16).
  std::deque<std::pair<std::size_t, TextSignature>> originals_;
  IndexTable by_exact_;                    // keyed by the exact hash
  std::array<IndexTable, kBands> bands_;   // keyed by band_key
};

}  // namespace kgraph::extract::dedupe
