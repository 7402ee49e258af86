// FlatHashMap: open-addressing map from a non-zero 64-bit key (a feature hash)
// to a 32-bit value, with linear probing in one flat array. The tagger asks it
// about ~40 features per token, so lookups must not allocate or chase pointers;
// std::unordered_map would do both. Key 0 is reserved for empty slots.
#pragma once

#include <cstdint>
#include <vector>

namespace kgraph::extract::ner {

class FlatHashMap {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  FlatHashMap() { rehash(16); }

  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    if (cap > slots_.size()) rehash(cap);
  }

  std::size_t size() const { return size_; }

  // The value stored under `key`, or kMissing.
  std::uint32_t find(std::uint64_t key) const {
    std::size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) return kMissing;
      i = (i + 1) & mask_;
    }
  }

  // Insert-or-get: the value under `key`, storing `value` first if absent.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    std::size_t i = key & mask_;
    while (true) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        s.value = value;
        ++size_;
        return value;
      }
      i = (i + 1) & mask_;
    }
  }

  // Replaces the value under an existing key or inserts it.
  void set(std::uint64_t key, std::uint32_t value) {
    insert(key, value);
    std::size_t i = key & mask_;
    while (slots_[i].key != key) i = (i + 1) & mask_;
    slots_[i].value = value;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
  };

  void rehash(std::size_t cap) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) insert(s.key, s.value);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace kgraph::extract::ner
