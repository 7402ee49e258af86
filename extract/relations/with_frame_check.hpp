// A check of the token-window "with" frame ("X met with Y", "his talks with Y") against the
// dependency parse of its sentence. The frame takes the nearest name before the trigger as the
// head, which in a long sentence is often the subject of another clause ("Turnbull was the fifth
// call after conversations with Abe", "senators who met with Morell" read as the CIA's meeting).
// The parse says whose meeting it is; where it names someone else, the relation is dropped.
#pragma once

#include <cstdint>

#include "extract/analysis.hpp"
#include "extract/relations/arguments.hpp"

namespace kgraph::extract {

// Whether the parse contradicts a "with" frame relation whose head is `head`, at the trigger
// phrase [first, last): the trigger noun's possessor, or the subject of the trigger's clause
// (followed up through objects, obliques, controlled and coordinated clauses), is a named entity
// other than the head, and the head is no clause's subject itself (the parse may have attached
// the trigger too high). False when the sentence is not parsed or no subject is named there.
bool parse_contradicts_with_frame(Analysis& a, std::uint32_t first, std::uint32_t last, const Argument& head);

}  // namespace kgraph::extract
