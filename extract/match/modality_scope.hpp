// Modality by scope: whether a trigger is said to have happened, to be planned,
// to be hypothetical, or not to have happened, read from the parse rather than
// from words near it. From the trigger up through its heads:
//   - cues on each node's own dependents: modal and future auxiliaries ("will meet"),
//     negation ("did not meet", "no talks"), conditional marks ("if they meet"),
//     modifiers of a trigger noun ("the upcoming summit", "reportedly met"),
//     "ahead of talks" (two words of one preposition);
//   - the lemma of the head the path climbs to: "agreed to meet", "set for his
//     meeting", "cancelled the talks", "plans to send troops".
// A purpose clause ("flew to Paris to meet X") is planned; so is a time clause in the
// present under a planned main clause ("when Trump meets Kim, he will ..."), and a trigger
// with a time noun that says so ("meets Kim next week"). A governor may be a phrase: the
// lemma with its particle ("called off the talks"), or with the oblique's preposition
// ("the lead-up to the summit").
// A meeting before or after what a planned head does is planned too ("will speak after meeting X",
// "plans to hold a news conference after the talks"); a to-infinitive with a subject of its own
// ("it is right for X to meet Y") is hypothetical.
// The climb goes through complements, objects and subjects; it stops at clause
// boundaries that do not pass modality down (a relative clause, a conjunct, an
// adverbial clause: "if" is read as the clause's own mark), after an oblique
// (only "for" lets its head count: "set for his meeting"; so do "at" and "during" under a
// future auxiliary: "will end the day at a dinner with X"), and after a reported-speech
// clause's head ("hopes that they meet" counts, "said they met" does not).
// The cue words are data: ontology/relations/modality_scope.tsv.
#pragma once

#include <optional>

#include "extract/match/rule_matcher.hpp"

namespace kgraph::extract::match {

// A cue of `kind` (modality_scope.tsv) for the word at token i: its key's, else its lemma's.
std::optional<Modality> cue_at(const Analysis& a, std::uint32_t i, CueKind kind);

// The modality the scope gives the trigger; nullopt when no cue is in scope
// (the caller then keeps its own default, asserted).
std::optional<Modality> scope_modality(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger);

}  // namespace kgraph::extract::match
