// Relations from the parse rules (ontology/relations/rules.tsv, run by
// extract/match/): each rule match becomes relation candidates between the
// entities at its argument tokens, with the modality the trigger's scope gives.
// The relation stage adds them like its own (one per type, pair and sentence).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/analysis.hpp"
#include "extract/relations/arguments.hpp"

namespace kgraph::extract {

struct ParsedRelation {
  RelationType type = RelationType::MetWith;
  Argument head, tail;
  std::uint32_t trigger = 0;
  Modality modality = Modality::Asserted;  // asserted when no cue is in scope
  double confidence = 0;
  std::string rule;  // "parse:<rule id>"
  std::string title;  // holds_position: the title phrase at the trigger ("foreign minister"), normalised when known
};

// "the A-B summit": two parties the text names elsewhere, written as one hyphenated word before a
// noun of the rule met.noun.compound-pair (its confidence and id); the modality is the parse's when the
// sentence is parsed. Every such pair of the document, in text order (relation_finder adds those of a pair
// it found nothing else for).
std::vector<ParsedRelation> hyphenated_pairs(Analysis& a);

// Candidates from sentence s; empty when it is not selected for parsing
// (match/sentence_parses.hpp). Parses s on first need.
std::vector<ParsedRelation> parse_relations(Analysis& a, int s);

// The modality the parse gives a trigger token; nullopt when its sentence is not
// selected for parsing or no cue is in scope. Parses the sentence on first need.
std::optional<Modality> parsed_modality(Analysis& a, std::uint32_t trigger);

}  // namespace kgraph::extract
