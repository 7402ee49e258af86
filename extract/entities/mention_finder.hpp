// Stage "mentions": finds the stretches of text that name an entity.
//   1. gazetteer phrases (countries, capitals, demonyms, organisations, places),
//      longest match first, with case rules (acronyms must match exactly);
//   2. capitalised names typed by their context: a title before ("Defense
//      Secretary X"), an apposition after ("X, NATO Secretary General"), a speech
//      verb ("X said"), an organisation or event suffix, "Operation X";
//   3. names the statistical tagger found that no rule typed (when a tagger is given);
//   4. repeats of a person already found (the surname alone);
//   5. descriptions that stand for an entity ("the alliance", "the NATO chief").
// Requires: tokens and sentences. Adds: Analysis::mentions (sorted, non-overlapping).
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract {

namespace ner {
class NerTagger;
}

void find_mentions(Analysis& a, const ner::NerTagger* tagger);

}  // namespace kgraph::extract
