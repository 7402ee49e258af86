// Other spellings of capitals ("Kiev" for Kyiv), from ontology/lexicon/capital_spellings.tsv.
// An extraction keeps the spelling its article writes; the graph keys both spellings as one place,
// so they are one node.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kgraph::graph {

class PlaceSpellings {
 public:
  PlaceSpellings() = default;  // empty: every place is keyed as written
  // Throws DataFileError naming file:line (E204 wrong columns, E207 an empty cell or a spelling
  // listed twice). That the capital is one countries.tsv reads is the lexicon's check.
  static PlaceSpellings load(const std::filesystem::path& file);

  // The key of the capital `key` (a merge key: ASCII lower case, hyphens read as spaces) is
  // another spelling of; otherwise `key` itself.
  std::string_view key_of(std::string_view key) const;

 private:
  std::unordered_map<std::string, std::string> capital_;
};

// The graph's merge key of a name: ASCII letter case folded, a hyphen read as a space.
std::string fold_name(std::string_view name);

}  // namespace kgraph::graph
