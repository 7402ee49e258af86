#include "extract/syntax/weights.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <new>
#include <stdexcept>


namespace kgraph::extract::syntax {

void AveragedPerceptron::score(std::span<const std::uint64_t> keys, float* scores) const {
  for (std::uint64_t k : keys) {
    std::uint32_t r = index_.find(k);
    if (r == ner::FlatHashMap::kMissing) continue;
    for (const Cell& c : rows_[r]) scores[c.cls] += c.w;
  }
}

void AveragedPerceptron::update(std::span<const std::uint64_t> keys, int gold, int guess) {
  if (gold == guess) return;
  for (std::uint64_t k : keys) {
    std::uint32_t r = index_.insert(k, static_cast<std::uint32_t>(rows_.size()));
    if (r == rows_.size()) {
      rows_.emplace_back();
      keys_.push_back(k);
    }
    for (int cls : {gold, guess}) {
      auto& row = rows_[r];
      auto it = std::find_if(row.begin(), row.end(), [&](const Cell& c) { return c.cls == cls; });
      if (it == row.end()) {
        row.push_back(Cell{static_cast<std::uint16_t>(cls), 0.0f, 0.0, clock_});
        it = row.end() - 1;
      }
      it->total += static_cast<double>(clock_ - it->stamp) * it->w;
      it->stamp = clock_;
      it->w += cls == gold ? 1.0f : -1.0f;
    }
  }
}

std::vector<AveragedPerceptron::Entry> AveragedPerceptron::averaged() const {
  std::vector<std::uint32_t> order(rows_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
  std::vector<Entry> out;
  for (std::uint32_t r : order) {
    std::vector<Cell> row = rows_[r];
    std::sort(row.begin(), row.end(), [](const Cell& a, const Cell& b) { return a.cls < b.cls; });
    for (const Cell& c : row) {
      double total = c.total + static_cast<double>(clock_ - c.stamp) * c.w;
      out.push_back(Entry{keys_[r], c.cls, static_cast<float>(total / static_cast<double>(clock_))});
    }
  }
  return out;
}

std::uint64_t next_table_serial() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Most of add_sums()'s instructions are the dense rows' additions (a hundred
// classes each, dozens of rows per parser transition). Where the CPU has AVX2
// a clone of add_sums() adds them sixteen classes at a time instead of eight; the
// clone is picked once, at program load. Integer sums: any order gives the same.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define KGRAPH_SCORE_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define KGRAPH_SCORE_CLONES
#endif

void WeightTable::score(std::span<const std::uint64_t> keys, float* scores) const {
  alignas(64) std::int32_t sums[kMaxClasses];
  std::fill_n(sums, stride_, 0);
  add_sums(keys, sums);
  for (int c = 0; c < classes_; ++c) scores[c] += static_cast<float>(sums[c]) * scale_;
}

// The walk add_sums() and add_sums_to() share, in chunks: first find every key's
// slot (prefetching the slots ahead and the spilled or dense rows found), then add
// the rows, so the misses of a chunk overlap. target(i) is where the row of keys[i]
// goes. Always inlined, so each clone below adds the rows with its own instructions.
template <class Target>
[[gnu::always_inline]] inline void WeightTable::sum_rows(std::span<const std::uint64_t> keys, Target target) const {
  constexpr std::size_t kChunk = 128;
  const Slot* found[kChunk];
  const std::size_t n = keys.size();
  for (std::size_t i = 0; i < n && i < kPrefetchAhead; ++i) prefetch(keys[i]);
  for (std::size_t base = 0; base < n; base += kChunk) {
    const std::size_t m = n - base < kChunk ? n - base : kChunk;
    for (std::size_t i = 0; i < m; ++i) {
      if (base + i + kPrefetchAhead < n) prefetch(keys[base + i + kPrefetchAhead]);
      found[i] = find(keys[base + i]);
      if (!found[i]) continue;
      const std::uint32_t data = found[i]->data;
      if (kind(data) == kSpilled) __builtin_prefetch(spill_.get() + (data & ((1u << kSpillIndexBits) - 1)));
      if (kind(data) == kDense) __builtin_prefetch(dense_.get() + std::size_t{data & 0x3fffffffu} * stride_);
    }
    for (std::size_t i = 0; i < m; ++i)
      if (found[i]) add_row(found[i]->data, target(base + i));
  }
}

KGRAPH_SCORE_CLONES
void WeightTable::add_sums(std::span<const std::uint64_t> keys, std::int32_t* sums) const {
  sum_rows(keys, [sums](std::size_t) { return sums; });
}

KGRAPH_SCORE_CLONES
void WeightTable::add_sums_to(std::span<const std::uint64_t> keys, std::int32_t* const* targets) const {
  sum_rows(keys, [targets](std::size_t i) { return targets[i]; });
}

// The table is read at random ~200 times per word: on 2 MB pages (where the
// kernel allows) those reads do not also miss the TLB.
void WeightTable::allocate(std::size_t rows) {
  std::size_t cap = 16;
  while (cap < rows + rows / 2) cap *= 2;  // load factor at most 2/3
  slots_ = make_huge_page_array<Slot>(cap);
  mask_ = cap - 1;
}

std::vector<AveragedPerceptron::Entry> WeightTable::entries() const {
  if (!keep_entries_ && rows_ > 0) throw std::logic_error("weight table read without its entries (WeightTable::Entries::kept)");
  std::vector<AveragedPerceptron::Entry> out;
  auto add = [&](std::uint64_t key, std::uint16_t cls, std::int16_t w) {
    out.push_back({key, cls, static_cast<float>(w) * scale_});
  };
  for (std::uint64_t key : keys_) {
    const std::uint32_t data = find(key)->data;
    if (kind(data) == kDense) {
      const DenseRow& r = dense_rows_[data & 0x3fffffffu];
      for (std::uint32_t j = 0; j < r.count; ++j) add(key, dense_entries_[r.spill + j].cls, dense_entries_[r.spill + j].w);
    } else if (kind(data) == kOne) {
      add(key, static_cast<std::uint16_t>(data >> 16 & 0x3fffu), static_cast<std::int16_t>(data & 0xffffu));
    } else {
      const std::uint32_t first = data & ((1u << kSpillIndexBits) - 1), count = (data >> kSpillIndexBits) & 0x3fu;
      for (std::uint32_t j = 0; j < count; ++j) add(key, spill_[first + j].cls, spill_[first + j].w);
    }
  }
  return out;
}

void WeightTable::write(std::string& out, const std::vector<AveragedPerceptron::Entry>& entries, int classes, float prune) {
  float max_abs = 0;
  for (const auto& e : entries) max_abs = std::max(max_abs, std::fabs(e.weight));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::string body;
  std::uint32_t rows = 0;
  std::uint64_t prev = 0;
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i;
    std::vector<std::pair<std::uint16_t, std::int16_t>> kept;
    for (; j < entries.size() && entries[j].key == entries[i].key; ++j) {
      if (std::fabs(entries[j].weight) < prune) continue;
      auto q = static_cast<std::int16_t>(std::lround(entries[j].weight / scale));
      if (q != 0) kept.emplace_back(entries[j].cls, q);
    }
    if (!kept.empty()) {
      put_varint(body, entries[i].key - prev);
      prev = entries[i].key;
      put_varint(body, kept.size());
      for (auto [c, q] : kept) {
        put_varint(body, c);
        auto u = static_cast<std::uint16_t>(q);
        body.push_back(static_cast<char>(u & 0xff));
        body.push_back(static_cast<char>(u >> 8));
      }
      ++rows;
    }
    i = j;
  }
  put_u32(out, static_cast<std::uint32_t>(classes));
  put_u32(out, rows);
  put_u32(out, std::bit_cast<std::uint32_t>(scale));
  out += body;
}

}  // namespace kgraph::extract::syntax
