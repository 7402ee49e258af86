// Stage "entities": groups the mentions of one document into entities, each
// with one canonical name that is the same in every document:
//   - a surname joins the full name it ends ("Merkel" -> "Angela Merkel");
//     a surname with no full form in the text takes the unique office holder of
//     that surname from ontology/ ("president Putin" -> "Vladimir Putin");
//   - demonyms, metonyms and capitals used as actors name the country
//     ("Bulgarian" -> Bulgaria, "the Kremlin" -> Russia, "Washington is ..." -> United States),
//     while a capital after "in"/"at" stays a place ("talks in Geneva");
//   - descriptions resolve to the entity they stand for ("the alliance" -> the
//     alliance named in the text; "the NATO chief" -> the person holding that office,
//     from the text or from the office-holder table at the article's date).
// Requires: mentions. Adds: Analysis::entities, MentionDraft::entity.
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract {

void resolve_entities(Analysis& a);

}  // namespace kgraph::extract
