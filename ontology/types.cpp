#include "ontology/types.hpp"

#include <array>

namespace kgraph {
namespace {

constexpr std::array<std::string_view, kEntityTypeCount> kEntityNames = {
    "Person", "Organisation", "Country", "Location", "Operation", "Event"};
constexpr std::array<std::string_view, kRelationTypeCount> kRelationNames = {
    "met_with", "spoke_with", "deployed_to", "holds_position",
    "member_of", "part_of", "located_in", "annexed"};
constexpr std::array<std::string_view, kModalityCount> kModalityNames = {
    "asserted", "planned", "negated", "hypothetical", "reported"};

template <typename E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(EntityType t) { return kEntityNames[static_cast<std::size_t>(t)]; }
std::string_view to_string(RelationType t) { return kRelationNames[static_cast<std::size_t>(t)]; }
std::string_view to_string(Modality m) { return kModalityNames[static_cast<std::size_t>(m)]; }

std::optional<EntityType> parse_entity_type(std::string_view s) {
  return find_name<EntityType>(kEntityNames, s);
}
std::optional<RelationType> parse_relation_type(std::string_view s) {
  return find_name<RelationType>(kRelationNames, s);
}
std::optional<Modality> parse_modality(std::string_view s) {
  return find_name<Modality>(kModalityNames, s);
}

bool is_symmetric(RelationType t) {
  return t == RelationType::MetWith || t == RelationType::SpokeWith;
}

}  // namespace kgraph
