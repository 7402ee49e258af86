// Dependency parses for the relation stage: only the sentences that hold a word
// some parse rule is triggered by are tagged and parsed (parsing is the costly
// part; most sentences of a news text have no trigger). Each kgraph token is one
// parser word, so parse heads map back to token indices one to one.
//
// Which sentences count as parsed is decided up front (select_trigger_sentences),
// but a sentence is parsed only when the relation stage first needs its tree
// (ensure_parsed): for the parse rules only if they could give a relation there at
// all (may_yield_relation: entities the rule's relation can join), for the
// token-window rules when one of their triggers in it gives a relation and asks for
// the scope modality. Most selected sentences need neither, and parsing one later
// gives the same tree as parsing it at once (it depends on the sentence's tokens and
// mentions alone, which the relation stage does not change), so the output is the
// same as parsing every selected sentence.
#pragma once

#include "extract/analysis.hpp"
#include "extract/match/rule_set.hpp"

namespace kgraph::extract::syntax {
class SyntaxModel;
}

namespace kgraph::extract::match {

// Sentences longer than this are left unparsed (lists, tables, run-on debris).
inline constexpr std::uint32_t kMaxParsedTokens = 120;

// Values of Analysis::parsed.
inline constexpr char kWorthParsing = 2;  // selected, not parsed yet
inline constexpr char kParsed = 1;

// Fills a.parsed (kWorthParsing or 0), a.rule_lemmas and a.token_rules, and sets a.syntax.
// Requires: a.rules set, sentences split.
void select_trigger_sentences(Analysis& a, const syntax::SyntaxModel& model);

// Token i's lemma for the rules (RuleSet::lemma of its key) and the rules it triggers, from the
// document's memo once select_trigger_sentences has filled it (the same values). Requires: a.rules set.
inline const std::string& rule_lemma(const Analysis& a, std::uint32_t i) {
  return i < a.rule_lemmas.size() ? *a.rule_lemmas[i] : a.rules->lemma(a.key(i));
}
inline const std::vector<const Rule*>& trigger_rules(const Analysis& a, std::uint32_t i) {
  return i < a.token_rules.size() ? *a.token_rules[i] : a.rules->rules_of(a.rules->lemma(a.key(i)));
}

// Whether sentence s counts as parsed (selected), parsed already or not.
inline bool selected(const Analysis& a, int s) {
  return s >= 0 && static_cast<std::size_t>(s) < a.parsed.size() && a.parsed[static_cast<std::size_t>(s)] != 0;
}

// Parses sentence s if it is selected and not parsed yet: fills a.deps for its tokens.
// Returns whether s is parsed now. Requires: select_trigger_sentences has run.
bool ensure_parsed(Analysis& a, int s);

// Parses sentence s for a relation a token-window rule gives there, selected or not (a sentence too short or
// too long stays unparsed): its modality and the vetoes read the parse. Returns whether s is parsed now.
bool ensure_parsed_for_token_rule(Analysis& a, int s);

// Whether some parse rule could give a relation in selected sentence s: false only when
// for every rule the sentence triggers, whatever the parse, it lacks two distinct entities
// (or pronouns that may stand for one) of the types the rule's relation joins, or an
// entity of a type that the trigger or some step of the rule's paths tests for.
bool may_yield_relation(const Analysis& a, int s);

}  // namespace kgraph::extract::match
