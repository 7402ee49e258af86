// World knowledge with identifiers, built by scripts/build-world-data from
// public sources (each file names its source and licence in its header):
//   ontology/world/places.tsv        GeoNames cities of 15,000+ people, with country
//   ontology/world/office_terms.tsv  people in office with dates and Wikidata ids
//   the `wikidata` columns of ontology/lexicon/countries.tsv, organisations.tsv
//   and office_holders.tsv
//
// What it represents: facts about the world to attach to entities the
// extractor has already found and named. It types nothing and resolves
// nothing by itself; callers ask about a canonical name.
//
// Loading cost is kept small: places.tsv (50,000 lines) is read into one
// buffer and checked in one pass; it is sorted by key, so a lookup is a binary
// search over its line offsets, with no per-row allocation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicon/term_dates.hpp"
#include "ontology/types.hpp"

namespace kgraph::extract {

// One GeoNames city; the views point into the WorldKnowledge that returned it.
struct Place {
  std::string_view name;     // GeoNames name, e.g. "Kyiv"
  std::string_view country;  // countries.tsv name, e.g. "Ukraine"
  std::uint64_t population = 0;
  std::uint64_t geonameid = 0;
};

// One person's term in one office. Dates are ISO 8601 at the source's
// precision ("2017" or "2017-01-01"); `to` is empty while in office.
struct WorldTerm {
  std::string office_of, title, person, from, to, person_wikidata, position_wikidata, group;
  bool holds_on(std::string_view date) const { return date_within(date, from, to); }
};

class WorldKnowledge {
 public:
  // Reads ontology_dir/world/ and the wikidata columns of ontology_dir/lexicon/.
  // Without a world/ folder the result is empty (a custom ontology may have
  // none). Throws DataFileError naming file:line: E204 wrong columns, E205 a
  // country not in countries.tsv, E207 a malformed value (a number, a Wikidata
  // id, a key that is not normalised or out of order).
  static WorldKnowledge load(const std::filesystem::path& ontology_dir);

  // The Wikidata id of the country, organisation or person with this
  // canonical name ("Q159"), or "" when none is known or the name is shared by
  // two items of that type.
  std::string_view wikidata(std::string_view name, EntityType type) const;

  // The most populous city whose name, ASCII name or listed alternate name is
  // `name` (compared as normalize_key does). For typing places and located_in.
  std::optional<Place> place(std::string_view name) const;
  std::size_t place_keys() const { return place_lines_.size(); }

  // Terms of a person (by canonical name), in file order.
  std::vector<const WorldTerm*> terms_of(std::string_view person) const;
  // Who held an office of `office_of` on `date` (ISO; a year-precision term
  // counts for its whole years).
  std::vector<const WorldTerm*> holders(std::string_view office_of, std::string_view date) const;
  const std::vector<WorldTerm>& terms() const { return terms_; }

 private:
  std::string_view place_key(std::uint32_t line) const;

  std::string places_;                     // places.tsv as read
  std::vector<std::uint32_t> place_lines_;  // offsets of its data lines, in key order
  std::vector<WorldTerm> terms_;
  // (type, canonical name) -> id; "" marks a name two items share.
  std::unordered_map<std::string, std::string> ids_;
};

}  // namespace kgraph::extract
