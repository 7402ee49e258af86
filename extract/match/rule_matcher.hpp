// The pattern engine: runs the rules of a RuleSet over one parsed sentence of an
// Analysis and returns what each rule found, as tokens; the relation stage turns
// the tokens into entities (extract/relations/parse_relations.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "extract/analysis.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/relations/arguments.hpp"

namespace kgraph::extract::match {

struct RuleMatch {
  const Rule* rule = nullptr;
  std::uint32_t trigger = 0;
  std::vector<std::uint32_t> heads;  // argument tokens, conjuncts included, in text order; one
                                     // plural_reference token for a pair rule ("they met")
  std::vector<std::uint32_t> tails;  // empty when rule->pairs
};

// The tree of one parsed sentence: children by token, built once per sentence.
class SentenceTree {
 public:
  SentenceTree(const Analysis& a, int sentence);
  std::uint32_t first() const { return first_; }
  std::uint32_t last() const { return last_; }
  const std::vector<std::uint32_t>& children(std::uint32_t token) const { return children_[token - first_]; }
  int head(std::uint32_t token) const { return a_.deps[token].head; }
  std::uint8_t label(std::uint32_t token) const { return a_.deps[token].label; }
  // The child of `token` with this label, or -1.
  int child(std::uint32_t token, std::string_view label) const;
  // The chain of heads from `token` up to the root of the sentence, the token first.
  std::vector<std::uint32_t> heads_up(std::uint32_t token) const;

 private:
  const Analysis& a_;
  std::uint32_t first_, last_;
  std::vector<std::vector<std::uint32_t>> children_;
};

// The entity a token stands for: a mention's, a resolved pronoun's ("his" too), the
// quote speaker's for "I"; for a title or description without a name, the name in
// apposition to it ("the foreign minister, X"). entity -1 when none.
Argument entity_at(const Analysis& a, const SentenceTree& tree, std::uint32_t i);

// Whether token i stands for two people named together before it: "they", "the two", "the
// pair", a noun with "two" or "both" ("the two leaders") (word list plural_reference).
bool plural_reference(const Analysis& a, const SentenceTree& tree, std::uint32_t i);

// The two people a plural reference at token i stands for ("they", "the two leaders"; plural_reference):
// the "A and B" (or the two people) named before it in its sentence, else the nearest "A and B" of
// the two sentences before. Empty when i is no plural reference or no pair is named.
std::vector<Argument> pair_at(const Analysis& a, const SentenceTree& tree, std::uint32_t i);

// The three or more people a group reference at token i stands for ("A, B and C shook hands as they
// met", "the three leaders"; word list group_reference, on i or a word before it that it governs): the
// last list of three or more people its sentence names before it. Empty otherwise (then pair_at).
std::vector<Argument> group_at(const Analysis& a, const SentenceTree& tree, std::uint32_t i);

// Whether token i passes the test.
bool passes(const Analysis& a, const SentenceTree& tree, const NodeTest& test, std::uint32_t i);

// The tokens a path reaches from `from`.
std::vector<std::uint32_t> follow(const Analysis& a, const SentenceTree& tree, const Path& path, std::uint32_t from);

// The veto (vetoes.tsv) that drops a relation of `type` found by `rule` (the evidence's rule id) at
// `trigger` between the arguments at tokens `head` and `tail` (any token of each mention; -1 when
// the argument stands in no token of this sentence), or nullptr. The sentence must have been parsed.
const Veto* veto_of(const Analysis& a, const SentenceTree& tree, RelationType type, const std::string& rule,
                    std::uint32_t trigger, int head, int tail);

// Every match of every rule in the sentence (it must have been parsed).
// Requires: a.rules, a.deps filled for the sentence.
std::vector<RuleMatch> match_sentence(const Analysis& a, int sentence);

}  // namespace kgraph::extract::match
