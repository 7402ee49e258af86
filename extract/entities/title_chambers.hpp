// The chamber a legislator's title names in its own words ("House Speaker X", "Senate Majority
// Leader Y"): a mention of that chamber, so that the title's office (ontology/lexicon/title_offices.tsv)
// is named in the text even where no other sentence names the chamber.
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract {

// Runs after index_mentions and before find_office_context; keeps the mentions sorted and indexed,
// except the chamber mentions it adds, which no token points to.
void find_title_chambers(Analysis& a);

}  // namespace kgraph::extract
