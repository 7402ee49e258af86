// Sparse multi-class perceptron weights for the tagger and the parser. Each
// feature hash has a short row of (class, weight) entries: an update touches
// only the gold and the predicted class, so rows stay short even with the
// parser's ~100 transition classes, and scoring costs one lookup per feature.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner/flat_hash_map.hpp"
#include "ontology/hashing.hpp"
#include "ontology/huge_page_array.hpp"

namespace kgraph::extract::syntax {

// Key of template `tmpl` over values a, b, c; never 0 (0 marks an empty slot).
[[gnu::always_inline]] inline std::uint64_t fkey(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
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
//
// Scoring is bound by memory loads: the parser looks up ~100 keys per
// transition in a table of ~700k rows, and most keys miss the cache. So a
// lookup touches one slot of 8 bytes where it can: a 32-bit fingerprint of the
// key and the row itself when it has one entry, else where its entries are (an
// array of (class, weight) pairs, or a dense row of every class); score()
// prefetches the slots of the keys ahead of the one it reads, so the misses
// overlap. (With the whole 64-bit key the slots took twice the bytes, 16 MB for
// the parser; the fingerprint is the key's high half, the slot's position its
// low bits, so a key the model lacks matches a slot of its probe run about once
// in 4e9 tries, and two of the model's keys that would share a fingerprint in
// one run are counted at load: fingerprint_clashes(), 0 for the committed model.)
// The weights are summed as the file's i16 integers, exactly, and each class's sum is
// scaled once at the end: a score is the exact sum rounded once to float, whatever
// the order of the additions.
class WeightTable {
 public:
  // Whether a table read from a file keeps what entries() needs: every row's key and the
  // entries of its dense rows as written. Scoring never reads them, and for the parser
  // they are 7 MB written at every start-up (extraction drops them; re-pruning keeps them).
  enum class Entries { dropped, kept };

  // Adds the rows of `keys` to scores[0..classes()): the exact sum of each class's
  // weights, times the file's scale. Requires classes() <= kMaxClasses.
  void score(std::span<const std::uint64_t> keys, float* scores) const;
  static constexpr int kMaxClasses = 512;
  // Adds the i16 weights of the rows of `keys` to sums[0..sum_width()), which may
  // hold a partial sum already: scores are sums times scale(), so a caller can keep
  // the sum of keys that did not change and add only the others.
  void add_sums(std::span<const std::uint64_t> keys, std::int32_t* sums) const;
  // As add_sums, but the row of keys[i] goes to sums targets[i]: a caller summing
  // several groups of keys at once lets the cache misses of all of them overlap,
  // where one add_sums call per group waits for the last misses of each.
  void add_sums_to(std::span<const std::uint64_t> keys, std::int32_t* const* targets) const;
  std::size_t sum_width() const { return stride_; }
  // Tells this table from any other read in the process (a moved-from table keeps
  // it, but is empty): a cache of sums of its rows belongs to the table it names.
  std::uint64_t serial() const { return serial_; }
  float scale() const { return scale_; }
  int classes() const { return classes_; }
  std::size_t features() const { return rows_; }
  // Rows whose key shares its fingerprint with a row before it in the same probe run
  // (a lookup of it would find the other's weights).
  std::size_t fingerprint_clashes() const { return clashes_; }

  // The (dequantised) weights, keys ascending, to write again with other pruning.
  // Requires a table read with Entries::kept (throws std::logic_error otherwise).
  std::vector<AveragedPerceptron::Entry> entries() const;

  // Appends the table's bytes; entries with |w| < prune are dropped.
  static void write(std::string& out, const std::vector<AveragedPerceptron::Entry>& entries, int classes, float prune);
  // Reads from bytes[pos..end), advancing pos; `fail(msg)` must throw.
  template <class Fail>
  static WeightTable read(std::string_view bytes, std::size_t& pos, std::size_t end, Fail&& fail,
                          Entries entries = Entries::dropped);

 private:
  // Keys prefetched ahead of the one read: enough to overlap several misses,
  // few enough that the prefetches do not wait for free miss buffers.
  static constexpr std::size_t kPrefetchAhead = 12;
  // Rows of at least this many entries are kept dense. The parser's tag-pair and
  // tag-triple features have rows over most of its ~100 classes, looked up at every
  // transition: added one class at a time they were most of score()'s instructions,
  // while a dense row of i16 is added to the i32 sums in a loop the compiler
  // vectorises. The classes a row lacks add 0, so the sums are the same.
  static constexpr std::size_t kDenseMin = 16;

  struct Pair {
    std::uint16_t cls;
    std::int16_t w;
  };
  // A slot's data, by its top two bits: kOne, a row of one entry (class in bits
  // 16..29, the i16 weight in bits 0..15); kSpilled, a row of 2..kDenseMin-1
  // entries (their count in bits 24..29, the first's index in spill_ in bits
  // 0..23); kDense, a row of kDenseMin or more (its number r in bits 0..29: the
  // weights of every class at dense_[r * stride_], 0 for the classes it lacks).
  static constexpr std::uint32_t kOne = 0, kSpilled = 1, kDense = 2;
  static constexpr std::uint32_t kind(std::uint32_t data) { return data >> 30; }
  static constexpr std::uint32_t kSpillIndexBits = 24;
  struct Slot {
    std::uint32_t print = 0;  // fingerprint(key); 0: empty
    std::uint32_t data = 0;
  };
  static std::uint32_t fingerprint(std::uint64_t key) {
    const auto f = static_cast<std::uint32_t>(key >> 32);
    return f == 0 ? 1 : f;
  }

  const Slot* find(std::uint64_t key) const {
    const std::uint32_t print = fingerprint(key);
    std::size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.print == print) return &s;
      if (s.print == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }
  template <class Target>
  void sum_rows(std::span<const std::uint64_t> keys, Target target) const;  // weights.cpp
  void add_row(std::uint32_t data, std::int32_t* sums) const {
    switch (kind(data)) {
      case kOne:
        sums[data >> 16] += static_cast<std::int16_t>(data & 0xffffu);
        return;
      case kSpilled: {
        const Pair* e = spill_.get() + (data & ((1u << kSpillIndexBits) - 1));
        const std::uint32_t count = (data >> kSpillIndexBits) & 0x3fu;
        for (std::uint32_t j = 0; j < count; ++j) sums[e[j].cls] += e[j].w;
        return;
      }
      default: {
        const std::int16_t* w = dense_.get() + std::size_t{data & 0x3fffffffu} * stride_;
        const int n = static_cast<int>(stride_);  // the padding adds 0 to sums the caller ignores
        for (int c = 0; c < n; ++c) sums[c] += w[c];
      }
    }
  }
  void allocate(std::size_t rows);
  template <class Fail>
  void insert(std::uint64_t key, const Pair* row, std::size_t count, Fail&& fail);

  int classes_ = 0;
  float scale_ = 1;
  HugePageArray<Slot> slots_;
  std::size_t mask_ = 0;
  // The entries of the spilled rows, back to back, on huge pages: about a third of the
  // parser's lookups read a row here, at random in 5 MB, and on 4 KB pages most of those
  // reads also missed the TLB. Sized at load to the most entries the file's bytes can hold
  // (pages that are never written stay unmapped).
  HugePageArray<Pair> spill_;
  std::size_t spill_size_ = 0, spill_room_ = 0;
  std::vector<Pair> dense_entries_;  // the entries of each dense row as written (for entries(); never read by a lookup)
  std::size_t stride_ = 0;            // classes_ rounded up to 16 (32-byte rows)
  HugePageArray<std::int16_t> dense_;  // dense rows, stride_ weights each (also on huge pages)
  std::vector<std::int16_t> dense_build_;  // the same while the file is read
  struct DenseRow {
    std::uint32_t spill;  // first entry in dense_entries_
    std::uint16_t count;
  };
  std::vector<DenseRow> dense_rows_;  // the entries of each dense row as written (for entries())
  std::vector<std::uint64_t> keys_;   // every row's key, ascending (for entries(); never read by a lookup)
  bool keep_entries_ = false;         // whether keys_, dense_rows_ and dense_entries_ are filled
  std::size_t rows_ = 0;
  std::size_t clashes_ = 0;
  std::uint64_t serial_ = 0;
};

std::uint64_t next_table_serial();  // 1, 2, ...: for WeightTable::read

// Little-endian helpers shared by the model file code.
void put_u32(std::string& out, std::uint32_t v);
void put_varint(std::string& out, std::uint64_t v);
// Inline: loading the parser reads some 10 million of them.
inline bool get_fixed(std::string_view b, std::size_t& pos, std::size_t end, int n, std::uint64_t& v) {
  if (end - pos < static_cast<std::size_t>(n)) return false;
  v = 0;
  for (int i = 0; i < n; ++i) v |= std::uint64_t{static_cast<unsigned char>(b[pos + i])} << (8 * i);
  pos += static_cast<std::size_t>(n);
  return true;
}

inline bool get_varint(std::string_view b, std::size_t& pos, std::size_t end, std::uint64_t& v) {
  v = 0;
  if (end - pos >= 10) {  // room for the longest varint: no bounds test per byte (same result)
    const auto* p = reinterpret_cast<const unsigned char*>(b.data()) + pos;
    for (int i = 0; i < 10; ++i) {
      v |= std::uint64_t{p[i] & 0x7fu} << (7 * i);
      if (!(p[i] & 0x80)) {
        pos += static_cast<std::size_t>(i) + 1;
        return true;
      }
    }
    pos += 10;
    return false;
  }
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= end) return false;
    auto c = static_cast<unsigned char>(b[pos++]);
    v |= std::uint64_t{c & 0x7fu} << shift;
    if (!(c & 0x80)) return true;
  }
  return false;
}

template <class Fail>
WeightTable WeightTable::read(std::string_view b, std::size_t& pos, std::size_t end, Fail&& fail, Entries entries) {
  WeightTable t;
  t.keep_entries_ = entries == Entries::kept;
  std::uint64_t classes = 0, n = 0, scale_bits = 0;
  if (!get_fixed(b, pos, end, 4, classes) || !get_fixed(b, pos, end, 4, n) || !get_fixed(b, pos, end, 4, scale_bits))
    fail("truncated model file");
  if (classes == 0 || classes > kMaxClasses) fail("corrupt model file (class count)");
  if (n > (end - pos) / 2) fail("corrupt model file (feature count cannot fit)");
  t.classes_ = static_cast<int>(classes);
  // A multiple of 16 classes: whole AVX2 steps of the row loop. (Rounded up to 32
  // the parser's 104 classes took 128, a fifth of every dense row's additions wasted.)
  t.stride_ = (static_cast<std::size_t>(classes) + 15) / 16 * 16;
  t.scale_ = std::bit_cast<float>(static_cast<std::uint32_t>(scale_bits));
  t.serial_ = next_table_serial();
  t.allocate(n);
  if (t.keep_entries_) t.keys_.reserve(static_cast<std::size_t>(n));
  // An entry takes at least 3 bytes of the file (a class varint and the i16 weight).
  t.spill_room_ = std::min((end - pos) / 3, std::size_t{1} << kSpillIndexBits);
  t.spill_ = make_huge_page_room<Pair>(t.spill_room_);
  // The rows are read in key order, which scatters them over the table: to
  // overlap those cache misses, a batch of rows is read first and each row's
  // slot is prefetched before the batch is inserted.
  constexpr std::size_t kBatch = 32;
  // Room for a whole batch of the longest rows: entries are written by index.
  std::vector<Pair> pairs(kBatch * static_cast<std::size_t>(classes));
  std::size_t row_end[kBatch];
  std::uint64_t row_key[kBatch];
  std::uint64_t key = 0;
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  for (std::uint64_t first = 0; first < n; first += kBatch) {
    const std::size_t rows = static_cast<std::size_t>(n - first < kBatch ? n - first : kBatch);
    std::size_t used = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      std::uint64_t delta = 0, count = 0;
      if (!get_varint(b, pos, end, delta) || !get_varint(b, pos, end, count)) fail("truncated model file");
      if (delta == 0 || key + delta < key) fail("corrupt model file (keys not ascending)");
      if (count == 0 || count > classes) fail("corrupt model file (row length)");
      key += delta;
      for (std::uint64_t j = 0; j < count; ++j) {
        std::uint64_t c = 0, w = 0;
        // Most entries are a one- or two-byte class and the i16, with bytes to spare
        // before `end`: decoded here without a bounds test per byte (~10 million of
        // them at every start-up); any other form goes the checked way, as before.
        const unsigned char* p = u + pos;
        if (end - pos >= 4 && p[0] < 0x80) {
          c = p[0];
          w = std::uint64_t{p[1]} | std::uint64_t{p[2]} << 8;
          pos += 3;
        } else if (end - pos >= 4 && p[1] < 0x80) {
          c = std::uint64_t{p[0] & 0x7fu} | std::uint64_t{p[1]} << 7;
          w = std::uint64_t{p[2]} | std::uint64_t{p[3]} << 8;
          pos += 4;
        } else if (!get_varint(b, pos, end, c) || !get_fixed(b, pos, end, 2, w)) {
          fail("truncated model file");
        }
        if (c >= classes) fail("corrupt model file (class out of range)");
        pairs[used++] = Pair{static_cast<std::uint16_t>(c), static_cast<std::int16_t>(static_cast<std::uint16_t>(w))};
      }
      row_key[r] = key;
      row_end[r] = used;
      t.prefetch(key);
    }
    for (std::size_t r = 0; r < rows; ++r) {
      const std::size_t begin = r == 0 ? 0 : row_end[r - 1];
      t.insert(row_key[r], pairs.data() + begin, row_end[r] - begin, fail);
    }
  }
  t.dense_ = make_huge_page_room<std::int16_t>(t.dense_build_.size());
  std::copy(t.dense_build_.begin(), t.dense_build_.end(), t.dense_.get());
  t.dense_build_ = {};
  return t;
}

// Requires: `key` non-zero and not in the table yet; count >= 1.
template <class Fail>
void WeightTable::insert(std::uint64_t key, const Pair* row, std::size_t count, Fail&& fail) {
  const std::uint32_t print = fingerprint(key);
  std::size_t i = key & mask_;
  for (; slots_[i].print != 0; i = (i + 1) & mask_) clashes_ += slots_[i].print == print;
  Slot& s = slots_[i];
  s.print = print;
  ++rows_;
  if (keep_entries_) keys_.push_back(key);
  if (count >= kDenseMin) {
    const std::size_t dense_row = dense_build_.size() / stride_;
    if (dense_row >= (std::size_t{1} << 30)) fail("corrupt model file (too many rows)");
    s.data = kDense << 30 | static_cast<std::uint32_t>(dense_row);
    if (keep_entries_) {
      dense_rows_.push_back({static_cast<std::uint32_t>(dense_entries_.size()), static_cast<std::uint16_t>(count)});
      dense_entries_.insert(dense_entries_.end(), row, row + count);
    }
    const std::size_t at = dense_build_.size();
    dense_build_.resize(at + stride_, 0);
    for (std::size_t j = 0; j < count; ++j) dense_build_[at + row[j].cls] = row[j].w;
  } else if (count == 1) {
    s.data = kOne << 30 | std::uint32_t{row[0].cls} << 16 | static_cast<std::uint16_t>(row[0].w);
  } else {
    if (spill_size_ + count > std::min(spill_room_, std::size_t{1} << kSpillIndexBits)) fail("corrupt model file (too many entries)");
    s.data = kSpilled << 30 | static_cast<std::uint32_t>(count) << kSpillIndexBits | static_cast<std::uint32_t>(spill_size_);
    std::copy(row, row + count, spill_.get() + spill_size_);
    spill_size_ += count;
  }
}

}  // namespace kgraph::extract::syntax
