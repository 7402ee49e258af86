// The closed vocabularies of the model: entity types, relation types, modality.
// Their spelling is part of the extraction contract (shared formats/EXTRACTION.md),
// so the to/from-string functions here are the only place those spellings live.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kgraph {

enum class EntityType : std::uint8_t { Person, Organisation, Country, Location, Operation, Event };
inline constexpr int kEntityTypeCount = 6;

enum class RelationType : std::uint8_t {
  MetWith,
  SpokeWith,
  DeployedTo,
  HoldsPosition,
  MemberOf,
  PartOf,
  LocatedIn,
  Annexed
};
inline constexpr int kRelationTypeCount = 8;

// How the text presents a relation. Only `Asserted` and `Reported` describe
// something the text says happened; the others must never be drawn as fact.
enum class Modality : std::uint8_t { Asserted, Planned, Negated, Hypothetical, Reported };
inline constexpr int kModalityCount = 5;

std::string_view to_string(EntityType t);
std::string_view to_string(RelationType t);
std::string_view to_string(Modality m);

std::optional<EntityType> parse_entity_type(std::string_view s);
std::optional<RelationType> parse_relation_type(std::string_view s);
std::optional<Modality> parse_modality(std::string_view s);

// met_with and spoke_with hold in both directions; the graph stores them once
// with the endpoints in canonical (sorted) order.
bool is_symmetric(RelationType t);

}  // namespace kgraph
