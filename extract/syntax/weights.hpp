// Sparse multi-class perceptron weights for the tagger and the parser. Each
// feature hash has a short row of (class, weight) entries: an update touches
// only the gold and the predicted class, so rows stay short even with the
// parser's ~100 transition classes, and scoring costs one lookup per feature.
#pragma once

#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "extract/ner/flat_hash_map.hpp"
#include "ontology/hashing.hpp"

namespace kgraph::extract::syntax {

// Key of template `tmpl` over values a, b, c; never 0 (0 marks an empty slot).
inline std::uint64_t fkey(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t h = mix64(a * 0x9e3779b97f4a7c15ULL + (tmpl + 1) * 0xc2b2ae3d27d4eb4fULL);
  h = mix64(h ^ (b * 0xff51afd7ed558ccdULL));
  h = mix64(h ^ (c * 0xc4ceb9fe1a85ec53ULL));
  return h == 0 ? 1 : h;
}

// Averaged perceptron under training (weights averaged lazily, per entry).
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int classes) : classes_(classes) {}
  int classes() const { return classes_; }
  // Adds the current (not averaged) weights of `keys` to scores[0..classes).
  void score(std::span<const std::uint64_t> keys, float* scores) const;
  // One update: +1 to `gold`, -1 to `guess` for every key.
  void update(std::span<const std::uint64_t> keys, int gold, int guess);
  // Call once per training instance (the averaging clock).
  void tick() { ++clock_; }
  // Averaged weights as (key, class, weight) rows, keys ascending, for writing.
  struct Entry {
    std::uint64_t key;
    std::uint16_t cls;
    float weight;
  };
  std::vector<Entry> averaged() const;

 private:
  struct Cell {
    std::uint16_t cls;
    float w;
    double total;
    std::uint64_t stamp;
  };
  int classes_;
  std::uint64_t clock_ = 1;
  ner::FlatHashMap index_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::vector<Cell>> rows_;
};

// Quantised weights for tagging and parsing: key -> run of (class, i16) pairs.
class WeightTable {
 public:
  void score(std::span<const std::uint64_t> keys, float* scores) const {
    for (std::uint64_t k : keys) {
      std::uint32_t r = index_.find(k);
      if (r == ner::FlatHashMap::kMissing) continue;
      for (std::uint32_t i = start_[r]; i < start_[r + 1]; ++i) scores[cls_[i]] += static_cast<float>(w_[i]) * scale_;
    }
  }
  int classes() const { return classes_; }
  std::size_t features() const { return start_.empty() ? 0 : start_.size() - 1; }

  // The (dequantised) weights, keys ascending, to write again with other pruning.
  std::vector<AveragedPerceptron::Entry> entries() const;

  // Appends the table's bytes; entries with |w| < prune are dropped.
  static void write(std::string& out, const std::vector<AveragedPerceptron::Entry>& entries, int classes, float prune);
  // Reads from bytes[pos..end), advancing pos; `fail(msg)` must throw.
  template <class Fail>
  static WeightTable read(const std::string& bytes, std::size_t& pos, std::size_t end, Fail&& fail);

 private:
  int classes_ = 0;
  float scale_ = 1;
  ner::FlatHashMap index_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> start_;
  std::vector<std::uint16_t> cls_;
  std::vector<std::int16_t> w_;
};

// Little-endian helpers shared by the model file code.
void put_u32(std::string& out, std::uint32_t v);
void put_varint(std::string& out, std::uint64_t v);
bool get_fixed(const std::string& b, std::size_t& pos, std::size_t end, int n, std::uint64_t& v);
bool get_varint(const std::string& b, std::size_t& pos, std::size_t end, std::uint64_t& v);

template <class Fail>
WeightTable WeightTable::read(const std::string& b, std::size_t& pos, std::size_t end, Fail&& fail) {
  WeightTable t;
  std::uint64_t classes = 0, n = 0, scale_bits = 0;
  if (!get_fixed(b, pos, end, 4, classes) || !get_fixed(b, pos, end, 4, n) || !get_fixed(b, pos, end, 4, scale_bits))
    fail("truncated model file");
  if (classes == 0 || classes > 4096) fail("corrupt model file (class count)");
  if (n > (end - pos) / 2) fail("corrupt model file (feature count cannot fit)");
  t.classes_ = static_cast<int>(classes);
  t.scale_ = std::bit_cast<float>(static_cast<std::uint32_t>(scale_bits));
  t.index_.reserve(n);
  t.start_.reserve(n + 1);
  t.start_.push_back(0);
  std::uint64_t key = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t delta = 0, count = 0;
    if (!get_varint(b, pos, end, delta) || !get_varint(b, pos, end, count)) fail("truncated model file");
    if (delta == 0 || key + delta < key) fail("corrupt model file (keys not ascending)");
    if (count == 0 || count > classes) fail("corrupt model file (row length)");
    key += delta;
    for (std::uint64_t j = 0; j < count; ++j) {
      std::uint64_t c = 0, w = 0;
      if (!get_varint(b, pos, end, c) || !get_fixed(b, pos, end, 2, w)) fail("truncated model file");
      if (c >= classes) fail("corrupt model file (class out of range)");
      t.cls_.push_back(static_cast<std::uint16_t>(c));
      t.w_.push_back(static_cast<std::int16_t>(static_cast<std::uint16_t>(w)));
    }
    t.index_.insert(key, static_cast<std::uint32_t>(i));
    t.keys_.push_back(key);
    t.start_.push_back(static_cast<std::uint32_t>(t.cls_.size()));
  }
  return t;
}

}  // namespace kgraph::extract::syntax
