// The name an entity of the knowledge base goes by in one document's extraction.
//
// The lists in ontology/ give each known body and place one canonical name ("United Nations
// Security Council", "New York"), which finds its Wikidata id. A reader of the document, and the
// annotators who follow GUIDELINES.md, name an entity by the fullest name its text writes: "U.N.
// Security Council" where that is all the text says, "Central Intelligence Agency" where the text
// spells out "CIA", "New York City" where the text says the city in full. On realnews-train, of the
// organisations whose canonical name the text never writes, the annotator used a written form 35
// times and the canonical name 10 times; countries keep the canonical name (145 to 1).
//
// Where the text writes the canonical name itself ("North Atlantic Treaty Organization (NATO)"), that
// stays the name. Otherwise organisations take their fullest written form: the graph keys every name of a row of
// organisations.tsv as the row (graph/organisation_names.hpp), so one body written two ways stays
// one node. A place takes a written form only when that has more words than the canonical name
// ("New York City" of the row "New York", "Crimean Peninsula" of "Crimea"): such a form names a
// place of its own, which must not merge with the shorter one; a respelling ("Odessa" of "Odesa",
// "Mideast") keeps the canonical name, so that it still merges with the other spelling.
#pragma once

#include <string>

#include "extract/analysis.hpp"

namespace kgraph::extract {

// Requires: a resolved entity `e` of `a` with canonical name e.name.
// Returns the name the extraction shows (e.name when no written form is fuller).
std::string written_name(const Analysis& a, const EntityDraft& e);

}  // namespace kgraph::extract
