#include "extract/relations/with_frame_check.hpp"

#include <string>

#include "extract/match/rule_matcher.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/match/sentence_parses.hpp"

namespace kgraph::extract {
namespace {

using match::SentenceTree;

const std::string& label_of(const Analysis& a, std::uint32_t i) { return a.rules->labels()[a.deps[i].label]; }

// The word of the phrase [first, last) that the rest hangs from.
std::uint32_t phrase_head(const SentenceTree& tree, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t i = first; i < last; ++i) {
    const int h = tree.head(i);
    if (h < static_cast<int>(first) || h >= static_cast<int>(last)) return i;
  }
  return first;
}

// Whether token i, or a conjunct of it ("Kerry and Lavrov met with ..."), stands for entity e.
bool stands_for(const Analysis& a, const SentenceTree& tree, std::uint32_t i, int e, int depth = 0) {
  if (match::entity_at(a, tree, i).entity == e) return true;
  if (depth > 4) return false;
  for (std::uint32_t c : tree.children(i))
    if (label_of(a, c) == "conj" && stands_for(a, tree, c, e, depth + 1)) return true;
  return false;
}

// Whether token i is a clause's subject, or a conjunct or a part of a name of one.
bool is_subject(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  for (int k = 0; k < 4; ++k) {
    const std::string& l = label_of(a, i);
    if (l == "nsubj" || l == "nsubj:pass") return true;
    if ((l != "conj" && l != "flat" && l != "compound") || tree.head(i) < 0) return false;
    i = static_cast<std::uint32_t>(tree.head(i));
  }
  return false;
}

// Arcs along which the clause of a trigger continues upward: the trigger noun is an object or an
// oblique of a verb ("held talks with", "at a meeting with"), a clause is controlled by or
// coordinated with another ("agreed to meet with", "arrived and met with", "flew there to meet
// with"). A complement clause, a relative clause or a noun's modifier has a subject of its own.
bool continues_clause(const Analysis& a, std::uint32_t i) {
  const std::string& l = label_of(a, i);
  return l == "obj" || l == "xcomp" || l == "advcl" || l == "conj" || l.rfind("obl", 0) == 0;
}

// Whether token i lies in the subtree of token top.
bool under(const SentenceTree& tree, std::uint32_t i, std::uint32_t top) {
  for (std::uint32_t steps = 0; steps <= tree.last() - tree.first(); ++steps) {
    if (i == top) return true;
    if (tree.head(i) < 0) return false;
    i = static_cast<std::uint32_t>(tree.head(i));
  }
  return false;
}

// Whether token i stands in a clause that modifies token noun ("investigators working for X"): a
// name inside such a clause is not the noun. A compound or adjective ("White House officials",
// "Russian officials") may speak for the noun, and a nominal modifier is too often a misparse of a
// clause of its own ("a week before X is scheduled to meet with Y").
bool in_clause_modifying(const Analysis& a, const SentenceTree& tree, std::uint32_t i, std::uint32_t noun) {
  bool clausal = false;
  for (std::uint32_t steps = 0; steps <= tree.last() - tree.first() && i != noun; ++steps) {
    const std::string& l = label_of(a, i);
    if (l == "acl" || l == "acl:relcl") clausal = true;
    if (l == "appos" || l == "conj" || l == "nmod:poss" || tree.head(i) < 0) return false;
    i = static_cast<std::uint32_t>(tree.head(i));
  }
  return i == noun && clausal;
}

// Whether the head is itself the party of another "with" ("his planned meeting with Kim is going well
// after speaking with Moon"): an oblique or nominal modifier with the case word "with" is no subject,
// unless the trigger's clause hangs from it ("a discussion with X, who met with Y").
bool party_of_another_with(const Analysis& a, const SentenceTree& tree, std::uint32_t i, std::uint32_t trigger) {
  for (int k = 0; k < 4 && tree.head(i) >= 0; ++k) {
    const std::string& l = label_of(a, i);
    if (l != "flat" && l != "compound") break;
    i = static_cast<std::uint32_t>(tree.head(i));
  }
  if (under(tree, trigger, i)) return false;
  // the parse may hang the relative clause elsewhere ("with X, who met with Y" read as parataxis)
  const int rel = tree.child(trigger, "nsubj");
  if (rel >= 0 && (a.key(static_cast<std::uint32_t>(rel)) == "who" || a.key(static_cast<std::uint32_t>(rel)) == "which"))
    return false;
  const std::string& l = label_of(a, i);
  if (l != "nmod" && l != "obl") return false;
  for (std::uint32_t c : tree.children(i))
    if (label_of(a, c) == "case" && a.key(c) == "with") return true;
  return false;
}

bool is_party_type(EntityType t) {
  return t == EntityType::Person || t == EntityType::Organisation || t == EntityType::Country;
}

// Whether the head only reports the trigger's clause: the trigger stands in the complement of a
// speech verb ("X said the summit did not improve Y's hand ahead of the meeting with Z", "X said
// five investigators were brought in to meet with Z") whose subject is the head, and no subject or
// possessor on the way up from the trigger names anyone or is a pronoun ("X said he would meet with
// Z" is X's meeting).
bool head_only_reports(Analysis& a, const SentenceTree& tree, std::uint32_t trigger, const Argument& head) {
  if (a.tokens[head.token].sentence != a.tokens[trigger].sentence) return false;
  // "X said talks with Y are dead": the talks of the reported clause's subject are often X's own
  const std::string& tl = label_of(a, trigger);
  if (tl == "nsubj" || tl == "nsubj:pass") return false;
  std::uint32_t c = trigger;
  for (std::uint32_t steps = 0; steps <= tree.last() - tree.first(); ++steps) {
    for (const char* l : {"nsubj", "nsubj:pass", "nmod:poss"}) {
      const int who = tree.child(c, l);
      if (who < 0) continue;
      const auto w = static_cast<std::uint32_t>(who);
      // a named possessor other than the speaker owns what the trigger hangs from: "X said the summit
      // did not improve Y's hand ahead of the meeting with Z" (Y's, not X's)
      const int e = match::entity_at(a, tree, w).entity;
      const bool party = e >= 0 && is_party_type(a.entities[static_cast<std::size_t>(e)].type);
      if (std::string(l) == "nmod:poss" && party && !stands_for(a, tree, w, head.entity)) continue;
      // a named party in the reported clause may act for the speaker ("X said the United States was
      // having talks about a summit with Y"), a possessive may be the speaker's ("its position in
      // talks with Y"): only an unnamed clause is surely someone else's. A named event or place acts for
      // no one ("X said the Y summit did not improve Z's hand ahead of the meeting with W").
      if (party || a.in_list("reported_pronoun", w)) return false;
    }
    const int up = tree.head(c);
    if (up < 0) return false;
    const auto g = static_cast<std::uint32_t>(up);
    if (label_of(a, c) == "ccomp" && a.in_list("speech_verb", g)) {
      const int who = tree.child(g, "nsubj");
      return who >= 0 && stands_for(a, tree, static_cast<std::uint32_t>(who), head.entity) && !under(tree, head.token, c);
    }
    c = g;
  }
  return false;
}

}  // namespace

bool parse_contradicts_with_frame(Analysis& a, std::uint32_t first, std::uint32_t last, const Argument& head) {
  if (!a.rules) return false;
  const int s = a.tokens[first].sentence;
  if (!match::ensure_parsed(a, s)) return false;
  const SentenceTree tree(a, s);
  const std::uint32_t trigger = phrase_head(tree, first, last);
  if (head_only_reports(a, tree, trigger, head)) return true;
  if (a.tokens[head.token].sentence == s && party_of_another_with(a, tree, head.token, trigger)) return true;
  std::uint32_t c = trigger;
  for (std::uint32_t steps = 0; steps <= tree.last() - tree.first(); ++steps) {
    // a possessor speaks for the trigger noun only: "worries about North Korea's weapons, and a
    // meeting with Putin" is no meeting of North Korea's
    int who = c == trigger ? tree.child(c, "nmod:poss") : -1;
    const bool possessor = who >= 0;
    if (who < 0) who = tree.child(c, "nsubj");
    if (who < 0) who = tree.child(c, "nsubj:pass");
    if (who >= 0) {
      const auto w = static_cast<std::uint32_t>(who);
      if (stands_for(a, tree, w, head.entity)) return false;
      // an unnamed subject ("the lawmakers who met with Kerry") may be the head under another
      // name; only a named one says the meeting is someone else's, or one the head only modifies
      // and is no subject in ("investigators working for X had met with Y")
      if (match::entity_at(a, tree, w).entity < 0)
        return !possessor && in_clause_modifying(a, tree, head.token, w) && !is_subject(a, tree, head.token);
      // the head is itself the subject of a clause: the parse may have hung the trigger's clause
      // one level too high ("X told reporters that Y did Z when meeting with W")
      if (!possessor && is_subject(a, tree, head.token)) return false;
      return true;
    }
    // a relative or participial clause without a subject belongs to the noun it modifies
    const std::string& l = label_of(a, c);
    if ((l == "acl:relcl" || l == "acl") && tree.head(c) >= 0 &&
        stands_for(a, tree, static_cast<std::uint32_t>(tree.head(c)), head.entity))
      return false;
    if (!continues_clause(a, c) || tree.head(c) < 0) break;
    c = static_cast<std::uint32_t>(tree.head(c));
  }
  return false;  // no subject or possessor the parse is sure of: the token rule stands
}

}  // namespace kgraph::extract
