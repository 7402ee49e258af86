// Finds the entity a person means by a name typed on the command line
// (`kgraph report --entity`): the canonical name, an alias or a surname, with
// case and accents ignored; and, when nothing matches, the closest names.
#pragma once

#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

struct EntityLookup {
  int node = -1;                 // the one entity meant, or -1
  std::vector<int> candidates;   // several entities match as well as each other: the caller asks to choose
  std::vector<int> suggestions;  // nothing matched: the closest names, best first (at most kMaxSuggestions)
};

inline constexpr std::size_t kMaxSuggestions = 5;

// Tries, in order, and stops at the first step that finds something:
//   1. the canonical name exactly;
//   2. the canonical name or an alias, ignoring case and accents ("jane doe", "Dae" no);
//   3. the last word of a canonical name ("Doe" -> Jane Doe).
// One node found is the answer; several at the same step are candidates.
// Otherwise suggestions: names, aliases or last words within a small edit
// distance of the query (a third of its length, at least 1), or sharing a word
// with it; ordered by distance, then mentions (more first), then name.
// Candidates are ordered by mentions (more first), then name.
EntityLookup lookup_entity(const graph::KnowledgeGraph& graph, std::string_view query);

}  // namespace kgraph::exports
