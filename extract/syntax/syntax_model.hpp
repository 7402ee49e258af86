// Part-of-speech tagging and labelled dependency parsing of a tokenised
// sentence, with a model trained on Universal Dependencies (English-EWT; see
// ontology/models/README.md). A greedy averaged-perceptron tagger assigns UPOS
// tags, then a greedy arc-eager transition parser builds the tree.
//
// Model file (ontology/models/syntax-en-ewt.model), little-endian:
//   "KGSYNMDL", u32 format version, u32 feature-set version,
//   tag names, relation names (varint count, then varint length + bytes each),
//   tagger weights, parser weights (u32 classes, u32 rows, f32 scale, then per
//   row: varint key delta, varint entry count, per entry varint class + i16),
//   u64 FNV-1a of every byte before it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/syntax/weights.hpp"

namespace kgraph::extract::syntax {

inline constexpr std::uint32_t kSyntaxFormatVersion = 1;
// Bump whenever a feature template or hashing changes: old weights then mean nothing.
inline constexpr std::uint32_t kSyntaxFeatureSet = 2;

struct Parse {
  std::vector<std::string> upos;     // one per word
  std::vector<int> heads;            // 1-based head per word, 0 = root
  std::vector<std::string> deprels;  // UD relation (with subtype) per word
};

class SyntaxModel {
 public:
  // Throw DataFileError naming the file (E330 cannot open, E331 not a model,
  // E332 other format version, E333 other feature set, E334 corrupt).
  // `entries`: kept only for serialise_pruned() (see WeightTable::Entries).
  static SyntaxModel read(const std::filesystem::path& path, WeightTable::Entries entries = WeightTable::Entries::dropped);
  static SyntaxModel parse_bytes(std::string_view bytes, const std::string& where,
                                 WeightTable::Entries entries = WeightTable::Entries::dropped);

  // Tags and parses `words` (one sentence, already tokenised into UD words). `fixed_tags`,
  // when not empty, gives one tag index (into tag_names) per word or -1 to let the tagger
  // choose: words whose class the caller knows (a name found by the entity layer).
  Parse parse(std::span<const std::string> words, std::span<const int> fixed_tags = {}) const;
  // The same parse as indices: per word its tag (into tag_names), 1-based head (0 = root)
  // and relation (into label_names); parse() names them. No string per word.
  struct ParseIds {
    std::vector<int> tags, heads, labels;
  };
  ParseIds parse_ids(std::span<const std::string> words, std::span<const int> fixed_tags = {}) const;

  const std::vector<std::string>& tag_names() const { return tags_; }
  const std::vector<std::string>& label_names() const { return labels_; }
  std::size_t tagger_features() const { return tagger_.features(); }
  std::size_t parser_features() const { return parser_.features(); }

  // Bytes of a model file (the trainer writes with this).
  static std::string serialise(const std::vector<std::string>& tags, const std::vector<std::string>& labels,
                               const AveragedPerceptron& tagger, const AveragedPerceptron& parser, float prune);

  // The same model with tagger and parser weights smaller than the given
  // magnitudes dropped (a smaller file; the tagger's weights are smaller).
  // Requires a model read with WeightTable::Entries::kept.
  std::string serialise_pruned(float tagger_prune, float parser_prune) const;

  SyntaxModel() = default;
  SyntaxModel(std::vector<std::string> tags, std::vector<std::string> labels, WeightTable tagger, WeightTable parser);

  const WeightTable& tagger_weights() const { return tagger_; }
  const WeightTable& parser_weights() const { return parser_; }

 private:
  std::vector<std::string> tags_, labels_;
  WeightTable tagger_, parser_;
};

}  // namespace kgraph::extract::syntax
