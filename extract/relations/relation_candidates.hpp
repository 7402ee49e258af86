// Relation candidates for the learned scorer (relation_scorer.hpp): within one parsed
// sentence that holds a trigger word of an interaction relation (met_with, spoke_with,
// deployed_to; a word some parse rule of that relation is triggered by), every pair of
// entities of the types the relation joins, with the trigger nearest to both in the tree. Left out:
// a deployment ending at a demonym ("Russian threat" says whose, not where) or at the owner of another
// place the sentence names ("sent to Country A's Region B" goes to Region B), a sender named as where
// someone goes or is ("a trip to Country A"), and an argument the
// trigger reaches only through another clause (up a conj or parataxis arc to anything but the
// subject the clauses share).
// Each candidate carries the features the scorer weighs: the dependency paths from the
// trigger to each argument (labels and directions, with and without the trigger lemma),
// the path between the arguments, each argument's grammatical role (its arc with the case
// word, through conj and appos), the words between them, entity types, distance, the
// modality the trigger's scope gives, and whether a rule found the pair in this sentence.
//
// One code path computes the features for training (kgraph extract --relation-candidates
// writes them out; scripts/train-relation-scorer labels and fits them) and for scoring,
// so the weights mean at extraction what they meant in training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/analysis.hpp"
#include "extract/relations/arguments.hpp"

namespace kgraph::extract {

struct RelationCandidate {
  RelationType type = RelationType::MetWith;
  Argument head, tail;  // symmetric types: head is the one written first
  std::uint32_t trigger = 0;
  Modality modality = Modality::Asserted;  // from the trigger's scope (a deployment's: deployment_modality.hpp); asserted when no cue
  bool by_rule = false;                    // a rule gave this relation between the two in this sentence
  std::vector<std::string> features;
};

// Whether sentence s could give a candidate: it is selected for parsing and holds a trigger of
// an interaction relation and two arguments (names or pronouns) that relation could join.
// Cheap (no parse); candidates_in parses only sentences that pass.
bool may_have_candidates(const Analysis& a, int s);

// The candidates of sentence s (parsing it on first need); empty when may_have_candidates is
// false. `found` are the relations the rules gave in this sentence (a feature, and how the
// scorer learns to keep them). Requires: a.rules set, select_trigger_sentences has run.
std::vector<RelationCandidate> candidates_in(Analysis& a, int s, const std::vector<const Relation*>& found);

}  // namespace kgraph::extract
