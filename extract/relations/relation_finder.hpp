// Stage "relations": typed relations between the document's entities, each with
// its evidence sentence, modality and confidence.
//   - first the parse rules (ontology/relations/rules.tsv over the dependency parse of
//     the sentences worth parsing; parse_relations.hpp): a trigger they read gives no
//     token-window relation of the same type, and in a parsed sentence the trigger's
//     scope decides the modality of the token-window relations too;
//   - met_with / spoke_with from trigger families kept in ontology/lexicon/triggers.tsv:
//     "X met (with) Y", "after talks with Y", "in an interview with Y",
//     "X and Y will hold talks", with coordinated parties ("with A and B");
//   - deployed_to from movement verbs and nouns with a destination and a military
//     force nearby: "NATO began to deploy battalions to Poland and the Baltic states",
//     "US troops began arriving in Europe", "the deployment of US troops to Poland";
//   - holds_position from titles next to names ("US Defense Secretary X",
//     "X, NATO Secretary-General") and from resolved descriptions ("the NATO chief");
//   - met_with also from attendance: "X, Y and Z (also) attended (the meeting)" -> all pairs,
//     with "also" joined by the persons of the sentence before that names the meeting;
//   - deployed_to also from forces where they are ("Russian soldiers near the city of X",
//     "On <date> in X, ... NATO service members"), "the republic" as the place named before,
//     and "French soldiers were deployed to secure the area" (a purpose where the destination
//     would stand: the place the text is set in, its most named location);
//   - holds_position for a national office with no country beside it ("the interior minister,
//     X", "lawmaker X"): the country the sentence names, else the one the document is about;
//   - annexed from "the annexation of X (by Y)" and "Y annexed X";
//   - last in each sentence, the learned candidate scorer (relation_scorer.hpp, when its model is
//     in ontology/models/): met_with, spoke_with and deployed_to candidates (relation_candidates.hpp)
//     the rules did not find there, kept when they score at or above their type's threshold.
// Arguments may be pronouns or first person inside a quote, resolved to the
// speaker; the resolution is kept in Evidence::note. Modality comes from cues
// before the trigger (ontology/lexicon/modality.tsv): "will meet" is planned,
// "did not meet" negated; hearsay from a third party is reported.
// Requires: entities, quotes. Adds: Analysis::relations.
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract {

void find_relations(Analysis& a);

}  // namespace kgraph::extract
