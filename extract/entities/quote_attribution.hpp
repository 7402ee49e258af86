// Stage "quotes": finds quotations and who said them, and resolves the personal
// pronouns the relation rules need ("he said", "I spoke with ..." inside a quote).
// A quote's speaker is the person next to a speech verb after it (`," he said`)
// or before it (`X said: "`, `X, NATO Secretary-General: «`); a quote with no
// attribution continues the previous quote's speaker in the same paragraph.
// Requires: entities. Adds: Analysis::quotes, TokenInfo::quote.
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract {

void attribute_quotes(Analysis& a);

// The person entity a third-person pronoun at `token` refers to: the most recent
// person who was the subject of a speech verb nearby, else the most recent
// person outside quotes, looking back at most three sentences. -1 when none.
int resolve_person_pronoun(const Analysis& a, std::uint32_t token);

// The person a description that opens its sentence as its subject stands for, when `token` is its
// head noun ("The former senator from State A spoke to X", "The top Country-A diplomat returned"):
// news writes such a second reference for the person the sentence before opened with, who is
// returned; -1 when the token is in no such description, the resolver bound it (a mention), or the
// sentence before opens with no person.
int opening_description_person(const Analysis& a, std::uint32_t token);

// True when the mention is followed (or preceded) by a speech verb: "X said", "said X".
bool is_speech_agent(const Analysis& a, const MentionDraft& m);

// The first token after a dateline that ends in a parenthesis and a dash ("(CNN) - Secretary of State
// John Kerry spoke ...", "KYIV (Reuters) - ..."): the sentence proper starts there. `first` when none.
std::uint32_t after_dateline(const Analysis& a, std::uint32_t first, std::uint32_t last);

}  // namespace kgraph::extract
