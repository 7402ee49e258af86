// The names of known organisations (ontology/lexicon/organisations.tsv): its canonical name and
// aliases. An extraction names a known body as its document writes it in full ("U.N. Security
// Council", "Central Intelligence Agency"; extract/entities/written_name.hpp); the graph keys every
// listed name of one row as the row's canonical name, so those are one node.
// An alias made of the canonical name's last words ("Security Council" of "United Nations Security
// Council") is left out: alone it is a generic body name that other countries' bodies share
// (Russia's Security Council), so it merges only with itself.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kgraph::graph {

class OrganisationNames {
 public:
  OrganisationNames() = default;  // empty: every organisation is keyed as written
  // Throws DataFileError naming file:line (E204 wrong columns, E207 an empty name).
  static OrganisationNames load(const std::filesystem::path& file);

  // The key of the row whose name or alias has the organisation merge key `key` (ASCII lower case,
  // hyphens read as spaces, no dots); otherwise `key` itself. A name two rows list keys as itself.
  std::string_view key_of(std::string_view key) const;

 private:
  std::unordered_map<std::string, std::string> canonical_;  // "" where two rows list the name
};

// The graph's merge key of an organisation's name: fold_name() without the dots of abbreviations
// ("U.S. Central Command" and "US Central Command", "U.N." and "UN").
std::string organisation_key(std::string_view name);

}  // namespace kgraph::graph
