// Gazetteer: phrase lists the tagger uses as features ("this token starts a
// country name", "this is a common first name"). Matching is on normalised
// tokens (token_text.hpp), so it works in ALL-CAPS headlines too; the tagger
// learns how much to trust each list from the training data. Lists come from
// ontology/lexicon/countries.tsv (names, capitals, demonyms, regions) and the
// general-knowledge lists in ontology/ner/*.tsv, so they can grow without code
// changes -- but the committed model was trained with the lists as they were,
// so retrain after large edits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "extract/ner/flat_hash_map.hpp"
#include "extract/ner/hashing.hpp"

namespace kgraph::extract::ner {

enum class GazetteerList : std::uint8_t {
  Country, Capital, Demonym, Region, Place, FirstName, PersonTitle, OrgWord, Organisation, Count
};

class Gazetteer {
 public:
  // Loads the lists under `ontology_dir`; throws DataFileError naming the file.
  static Gazetteer load(const std::filesystem::path& ontology_dir);

  // Adds `phrase` (words separated by spaces) to `list`.
  void add(std::string_view phrase, GazetteerList list);

  // Hash of one normalised token, as match() expects it.
  static std::uint64_t token_hash(std::string_view normalised) { return fnv1a(normalised); }

  // For every token, the lists of the phrases that cover it: bit k of out[i]
  // means a phrase of list k starts at token i, bit 16+k that one covers i but
  // starts earlier. `out` has the size of `token_hashes`.
  void match(std::span<const std::uint64_t> token_hashes, std::span<std::uint32_t> out) const;

  std::size_t size() const { return phrases_; }

 private:
  static constexpr std::uint32_t kPrefixBit = 1u << 31;  // a longer phrase continues from here
  static constexpr std::size_t kMaxWords = 8;
  static std::uint64_t extend(std::uint64_t h, std::uint64_t token) { return mix64(h * 31 + token) | 1; }

  FlatHashMap map_;  // phrase hash -> list bits | kPrefixBit
  std::size_t phrases_ = 0;
};

}  // namespace kgraph::extract::ner
