// The modality of a deployment the learned scorer proposes (relation_candidates.hpp), from the
// same modality-by-scope code the parse rules use (match/modality_scope.hpp), read at the node
// that says whether the forces went:
//   - the trigger itself, as for any rule;
//   - forces named where they are (a trigger of the cue table's kind own-only: "troops") decide
//     by their own words only; but when the place is reached through the forces' own clause, a
//     verb they are the subject of ("X's troops will stay in Y", "troops could deploy into Y") or a
//     clause on the noun ("troops going into Y"), that verb's scope is the deployment's;
//   - a conditional clause above that node ("if Country A keeps sending troops to Y, ...") makes
//     what is asserted in it hypothetical (the mark cue table: "if", "unless", "whether");
//   - forces named where they are whose own clause says they stay past a year later than the
//     document's ("troops staying in Y beyond 2030", "who remain in Y after the end of 2030"; word
//     list later_case) are still to be there: planned, when nothing else is in scope.
#pragma once

#include <cstdint>
#include <optional>

#include "extract/analysis.hpp"
#include "extract/match/rule_matcher.hpp"

namespace kgraph::extract {

// The modality of a deployment with this trigger and destination token; nullopt when no cue is in
// scope (asserted).
std::optional<Modality> deployment_modality(const Analysis& a, const match::SentenceTree& tree, std::uint32_t trigger,
                                            std::uint32_t destination);

// The same for a deployment a token-window rule found: nullopt also when the trigger's sentence is not
// selected for parsing (parses it on first need). A destination outside the sentence reads the trigger
// alone.
std::optional<Modality> parsed_deployment_modality(Analysis& a, std::uint32_t trigger, std::uint32_t destination);

}  // namespace kgraph::extract
