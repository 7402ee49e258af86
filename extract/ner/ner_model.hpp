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
#include <filesystem>
#include <string>
#include <vector>

#include "extract/ner/flat_hash_map.hpp"
#include "extract/ner/ner_label.hpp"

namespace kgraph::extract::ner {

inline constexpr std::uint32_t kModelFormatVersion = 1;

class NerModel {
 public:
  NerModel() = default;
  // Takes rows in any order; keys must be distinct and non-zero.
  NerModel(std::vector<std::uint64_t> keys, std::vector<float> weights);

  // Throws DataFileError naming `path`.
  static NerModel read(const std::filesystem::path& path);
  // `where` names the source in error messages.
  static NerModel parse(const std::string& bytes, const std::string& where);

  // Quantises to 16 bits, dropping rows whose largest |weight| is below
  // `prune_below` (as a fraction of the largest weight in the model).
  std::string serialise(float prune_below) const;
  // Throws DataFileError if the file cannot be written.
  void write(const std::filesystem::path& path, float prune_below) const;

  std::size_t features() const { return keys_.size(); }
  // The weight row of feature `key`, or nullptr.
  const float* row(std::uint64_t key) const {
    std::uint32_t r = index_.find(key);
    return r == FlatHashMap::kMissing ? nullptr : weights_.data() + std::size_t{r} * kNumTags;
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<float> weights_;  // keys_.size() * kNumTags
  FlatHashMap index_;
};

}  // namespace kgraph::extract::ner
