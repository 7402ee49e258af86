// NerModel: the perceptron's weights, one row of kNumTags weights per feature
// hash. On disk (ontology/models/*.model) it is a small binary file:
//
//   "KGNERMDL"  magic, 8 bytes
//   u32 format version (kModelFormatVersion), u32 feature-set version
//   (kFeatureSetVersion), u32 tag count, u32 feature count, f32 scale
//   per feature, keys ascending: varint key delta, u16 mask of non-zero tags,
//     one i16 per set bit (weight = i16 * scale)
//   u64 FNV-1a of all bytes before it
//
// All integers little-endian. Weights are quantised to 16 bits and rows whose
// weights all round to small values are pruned by the trainer, which keeps the
// committed file a few MB. A reader refuses other magic, versions or feature sets
// with a message naming the file, rather than tag with meaningless weights.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner/ner_label.hpp"
#include "ontology/huge_page_array.hpp"

namespace kgraph::extract::ner {

inline constexpr std::uint32_t kModelFormatVersion = 1;

class NerModel {
 public:
  // Writes a model file's bytes from float weights (`weights` holds kNumTags per
  // key; keys distinct and non-zero), quantising to 16 bits and dropping rows
  // whose largest |weight| is below `prune_below` times the largest in the model.
  static std::string serialise(std::span<const std::uint64_t> keys, std::span<const float> weights, float prune_below);

  // Throw DataFileError naming the file (`where` for parse).
  static NerModel read(const std::filesystem::path& path);
  static NerModel parse(std::string_view bytes, const std::string& where);

  std::size_t features() const { return features_; }
  // Weight = stored value * scale().
  float scale() const { return scale_; }

  // The kNumTags quantised weights of feature `key`, or nullptr. Weights sit in
  // the hash slot itself, so a lookup touches one cache line.
  const std::int16_t* row(std::uint64_t key) const {
    std::size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.weights;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }

  // False if the model certainly has no row for `key` (a one-bit-per-key
  // filter of a few hundred KB that stays in the cache); true if it may. About
  // a quarter of the tagger's lookups are of features the model does not have:
  // the filter spares most of them a read (and a prefetch) of the big table.
  bool may_have(std::uint64_t key) const {
    const std::uint64_t bit = (key >> 32) & filter_mask_;  // bits the table's index does not use
    return (filter_[bit >> 6] >> (bit & 63)) & 1u;
  }

  NerModel() = default;
  NerModel(NerModel&&) noexcept = default;
  NerModel& operator=(NerModel&&) noexcept = default;

 private:
  struct alignas(32) Slot {
    std::uint64_t key = 0;
    std::int16_t weights[kNumTags] = {};
  };
  void allocate(std::size_t capacity);
  void insert(std::uint64_t key, const std::int16_t* weights);

  HugePageArray<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> filter_;  // may_have() bits
  std::uint64_t filter_mask_ = 0;
  std::size_t features_ = 0;
  float scale_ = 1;
};

}  // namespace kgraph::extract::ner
