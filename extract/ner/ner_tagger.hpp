// NerTagger: finds person, organisation, location and other (MISC) names in one
// tokenised sentence. It is a greedy left-to-right averaged-perceptron tagger over
// BIO tags: each token is scored from hashed features of its word, shape, affixes,
// a +-2 token window, gazetteer membership and the tags already assigned to its
// left. The weights come from a model file (see ner_model.hpp) trained by
// `kgraph train-ner`; the gazetteers come from the ontology directory.
//
// A tagger is immutable after load(); tag() may be called from several threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "ontology/span.hpp"

namespace kgraph::extract::ner {

enum class NerLabel : std::uint8_t { Person, Organisation, Location, Misc };

struct NerSpan {
  std::uint32_t first = 0, last = 0;  // token indices into the given sentence's tokens, half-open
  NerLabel label = NerLabel::Misc;
  float confidence = 0;  // in [0,1]: mean over the span's tokens of the softmax probability of their tag
};

class NerModel;
class Gazetteer;

class NerTagger {
 public:
  // Throws DataFileError (ontology/tsv_table.hpp) naming the file that is
  // missing, malformed, of an unknown version, or of another feature set.
  static NerTagger load(const std::filesystem::path& model_file, const std::filesystem::path& ontology_dir);

  // For the trainer: a tagger over an in-memory model.
  static NerTagger from_model(std::shared_ptr<const NerModel> model, std::shared_ptr<const Gazetteer> gazetteer);

  // `tokens` are the spans of one sentence's tokens in `text` (UTF-8), in order.
  // Returns non-overlapping spans in token order. No heap allocation per token in
  // steady state (per-thread scratch buffers are reused); the result vector is the
  // only allocation per call.
  std::vector<NerSpan> tag(std::string_view text, std::span<const Span> tokens) const;

  // What tag() decides from, for tests: per token the score of every tag (the sum of
  // the model's quantised weights, before scaling) and the tag chosen.
  struct TokenScores {
    std::vector<std::int32_t> sums;  // kNumTags (ner_label.hpp) per token
    std::vector<std::uint8_t> tags;
  };
  TokenScores scores(std::string_view text, std::span<const Span> tokens) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace kgraph::extract::ner
