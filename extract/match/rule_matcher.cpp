#include "extract/match/rule_matcher.hpp"

#include <algorithm>

#include "extract/entities/quote_attribution.hpp"

namespace kgraph::extract::match {

SentenceTree::SentenceTree(const Analysis& a, int sentence)
    : a_(a), first_(a.sentence_first(sentence)), last_(a.sentence_last(sentence)), children_(last_ - first_) {
  for (std::uint32_t i = first_; i < last_; ++i) {
    const int h = a.deps[i].head;
    if (h >= static_cast<int>(first_) && h < static_cast<int>(last_)) children_[static_cast<std::uint32_t>(h) - first_].push_back(i);
  }
}

std::vector<std::uint32_t> SentenceTree::heads_up(std::uint32_t token) const {
  std::vector<std::uint32_t> out{token};
  for (int h = head(token); h >= 0 && out.size() <= last_ - first_; h = head(static_cast<std::uint32_t>(h)))
    out.push_back(static_cast<std::uint32_t>(h));
  return out;
}

int SentenceTree::child(std::uint32_t token, std::string_view label) const {
  for (std::uint32_t c : children(token))
    if (a_.rules->labels()[a_.deps[c].label] == label) return static_cast<int>(c);
  return -1;
}

namespace {

bool is_label(const Analysis& a, std::uint32_t i, std::string_view label) { return a.rules->labels()[a.deps[i].label] == label; }

// The person a pronoun is bound to by the clause it stands in: "his meeting with X" in a clause
// whose subject is a person is that person's ("Trump shared secrets at his meeting with X"), and so
// is the subject of a clause that modifies it ("Trump will not be boxed in when he meets Kim").
// A phrase put before the subject binds to the subject after it ("In his interview with Cooper,
// Parnas described ...", "As he prepares to meet Putin, Mr. Trump said ..."). -1 when the clause
// has no person subject: then the pronoun looks back to earlier sentences.
int clause_subject_person(const Analysis& a, const SentenceTree& tree, std::uint32_t pronoun) {
  std::uint32_t below = pronoun;  // the child of h on the way up from the pronoun
  for (int h = tree.head(pronoun); h >= 0; below = static_cast<std::uint32_t>(h), h = tree.head(below)) {
    int subj = tree.child(static_cast<std::uint32_t>(h), "nsubj");
    if (subj < 0) subj = tree.child(static_cast<std::uint32_t>(h), "nsubj:pass");
    const std::string& arc = a.rules->labels()[a.deps[below].label];
    const bool fronted = subj >= 0 && below < static_cast<std::uint32_t>(subj) &&
                         (arc.rfind("obl", 0) == 0 || arc == "advcl");
    if (subj >= 0 && static_cast<std::uint32_t>(subj) != pronoun &&
        (static_cast<std::uint32_t>(subj) < pronoun || fronted)) {
      const Argument arg = argument_at(a, static_cast<std::uint32_t>(subj));
      if (arg.entity >= 0 && a.entities[static_cast<std::size_t>(arg.entity)].type == EntityType::Person) return arg.entity;
      return -1;
    }
    const std::string& l = a.rules->labels()[a.deps[static_cast<std::uint32_t>(h)].label];
    if (l == "acl:relcl" || l == "ccomp" || l == "parataxis") break;  // another clause's subject is not bound to it
  }
  return -1;
}

// A subject pronoun in a clause that modifies another ("when he meets Kim"), as against one that
// heads its sentence or is said ("He met Kim", "Trump said he met Kim").
bool in_modifying_clause(const Analysis& a, const SentenceTree& tree, std::uint32_t pronoun) {
  const int h = tree.head(pronoun);
  const std::string& arc = a.rules->labels()[a.deps[pronoun].label];
  return h >= 0 && (arc == "nsubj" || arc == "nsubj:pass") &&
         a.rules->labels()[a.deps[static_cast<std::uint32_t>(h)].label] == "advcl";
}

}  // namespace

Argument entity_at(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  if (a.tokens[i].mention < 0 && a.in_list("person_pronoun", i) && in_modifying_clause(a, tree, i))
    if (const int bound = clause_subject_person(a, tree, i); bound >= 0) {
      Argument arg;
      arg.token = i;
      arg.entity = bound;
      arg.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(bound)].name;
      return arg;
    }
  Argument arg = argument_at(a, i);
  // "met with Org-A envoy X Y" parsed as one flat name headed by the body: the person whose title follows the
  // body is the party ("Org-A" only qualifies the title)
  if (arg.entity >= 0 && (a.entities[static_cast<std::size_t>(arg.entity)].type == EntityType::Organisation ||
                          a.entities[static_cast<std::size_t>(arg.entity)].type == EntityType::Country))
    for (std::uint32_t c : tree.children(i)) {
      if (c <= i || !is_label(a, c, "flat") || a.tokens[c].mention < 0) continue;
      bool titled = false;
      for (std::uint32_t k = i + 1; k < c && !titled; ++k) titled = a.tokens[k].vocab.title_word;
      if (!titled) continue;
      Argument named = argument_at(a, c);
      if (named.entity < 0 || named.entity == arg.entity ||
          a.entities[static_cast<std::size_t>(named.entity)].type != EntityType::Person)
        continue;
      named.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(named.entity)].name;
      return named;
    }
  if (arg.entity >= 0) return arg;
  if ((a.key(i) == "his" || a.key(i) == "her") && a.in_list("person_pronoun", i)) {
    arg.entity = clause_subject_person(a, tree, i);
    if (arg.entity < 0) arg.entity = resolve_person_pronoun(a, i);
    if (arg.entity >= 0)
      arg.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(arg.entity)].name;
    return arg;
  }
  // "X, who met Y": the relative pronoun stands for the noun the clause modifies
  if ((a.key(i) == "who" || a.key(i) == "which" || a.key(i) == "that") && tree.head(i) >= 0) {
    const auto clause = static_cast<std::uint32_t>(tree.head(i));
    if (is_label(a, clause, "acl:relcl") && tree.head(clause) >= 0) {
      Argument named = argument_at(a, static_cast<std::uint32_t>(tree.head(clause)));
      if (named.entity >= 0) named.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(named.entity)].name;
      return named;
    }
  }
  // "Y province", "the Y region": a kind of place (word list place_class) named by the
  // place before it, which the parse hangs from the kind
  if (a.in_list("place_class", i))
    for (const char* label : {"compound", "flat"}) {
      const int c = tree.child(i, label);
      if (c < 0 || static_cast<std::uint32_t>(c) + 1 != i || a.tokens[static_cast<std::uint32_t>(c)].mention < 0) continue;
      Argument named = argument_at(a, static_cast<std::uint32_t>(c));
      if (named.entity >= 0 && (a.entities[static_cast<std::size_t>(named.entity)].type == EntityType::Location ||
                                a.entities[static_cast<std::size_t>(named.entity)].type == EntityType::Country))
        return named;
    }
  // "the foreign minister, X", "his counterpart X": the name stands in apposition
  for (const char* label : {"appos", "flat", "compound"}) {
    const int c = tree.child(i, label);
    if (c < 0 || a.tokens[static_cast<std::uint32_t>(c)].mention < 0) continue;
    Argument named = argument_at(a, static_cast<std::uint32_t>(c));
    if (named.entity >= 0 && a.entities[static_cast<std::size_t>(named.entity)].type == EntityType::Person &&
        (std::string_view(label) == "appos" || a.tokens[i].vocab.title_word))
      return named;
  }
  // "the speaker of the House, X": a title with the body it serves, and the holder's name after a comma
  // (the parse often hangs the name elsewhere); not a source named after it ("..., X said")
  if (a.tokens[i].vocab.title_word && a.tokens[i].mention < 0)
    for (std::uint32_t c : tree.children(i)) {
      if (c < i || !is_label(a, c, "nmod") || tree.child(c, "case") < 0 ||
          a.key(static_cast<std::uint32_t>(tree.child(c, "case"))) != "of")
        continue;
      const int cm = a.tokens[c].mention;
      const std::uint32_t e = cm >= 0 ? a.mentions[static_cast<std::size_t>(cm)].last : c + 1;
      const std::uint32_t slast = a.sentence_last(a.tokens[i].sentence);
      if (e + 1 >= slast || a.token_text(e) != "," || a.tokens[e + 1].mention < 0) continue;
      const MentionDraft& pm = a.mentions[static_cast<std::size_t>(a.tokens[e + 1].mention)];
      if (pm.first != e + 1 || pm.type != EntityType::Person || pm.entity < 0) continue;
      if (pm.last < slast && (a.in_list("speech_verb", pm.last) || a.in_list("report_verb", pm.last))) continue;
      Argument named = argument_at(a, e + 1);
      if (named.entity >= 0) return named;
    }
  // "The former senator from State A spoke to X": a description opening its sentence, bound to no one
  if (const int described = opening_description_person(a, i); described >= 0) {
    arg.entity = described;
    arg.note = std::string(a.span_of(a.sentence_first(a.tokens[i].sentence), i + 1).of(a.doc.text)) + " -> " +
               a.entities[static_cast<std::size_t>(described)].name;
  }
  return arg;
}

namespace {

bool has_label(const std::vector<std::uint8_t>& labels, std::uint8_t l) {
  return labels.empty() || std::find(labels.begin(), labels.end(), l) != labels.end();
}

bool in_lists(const Analysis& a, const NodeTest& test, std::uint32_t i) {
  for (const std::string& list : test.lists)
    if (!a.in_list(list, i) && !a.lex.in_list(list, a.deps[i].lemma)) return false;
  return true;
}

bool entity_passes(const Analysis& a, const NodeTest& test, int entity) {
  const auto& e = a.entities[static_cast<std::size_t>(entity)];
  if (!test.types.empty() && std::find(test.types.begin(), test.types.end(), e.type) == test.types.end()) return false;
  // kind=: an organisation the gazetteer knows as one of these kinds ("media": an outlet spoken to)
  return test.kinds.empty() || std::find(test.kinds.begin(), test.kinds.end(), e.org_kind) != test.kinds.end();
}

bool type_ok(const Analysis& a, const SentenceTree& tree, const NodeTest& test, std::uint32_t i) {
  if (test.types.empty() && test.kinds.empty()) return true;
  const Argument arg = entity_at(a, tree, i);
  if (arg.entity >= 0) return entity_passes(a, test, arg.entity);
  // "they were greeted by X": the pair "they" stands for, both of the types asked
  const std::vector<Argument> pair = pair_at(a, tree, i);
  return !pair.empty() && entity_passes(a, test, pair[0].entity) && entity_passes(a, test, pair[1].entity);
}

// Whether token c, a nominal modifier of a name, brings another party as "and" would: "A, along
// with B, will attend", "A, together with B, met ..." (word list accompanying_case).
bool accompanying(const Analysis& a, const SentenceTree& tree, std::uint32_t c) {
  const int nmod = a.rules->label("nmod");
  if (a.deps[c].label != nmod) return false;
  for (std::uint32_t k : tree.children(c))
    if (a.rules->labels()[a.deps[k].label] == "case" && a.in_list("accompanying_case", k)) return true;
  return false;
}

// Whether a speech verb directly follows the name at token c ("will meet A and B, C told reporters",
// "..., C said"): a list the parser runs on past its last comma into the sentence's speaker.
bool speaker_after_list(const Analysis& a, std::uint32_t c) {
  const int m = a.tokens[c].mention;
  if (m < 0) return false;
  std::size_t j = c;
  while (j + 1 < a.token_count() && a.tokens[j + 1].mention == m) ++j;
  return j + 1 < a.token_count() && a.in_list("speech_verb", j + 1);
}

// Whether the name at token c is a possessor: the possessive clitic follows it ("met A and B's envoy":
// B owns the party met and is none). The parser may hang the clitic from the first conjunct and the
// owned noun elsewhere; the clitic right after the name says whose it is.
bool possessor_in_list(const Analysis& a, const SentenceTree& tree, std::uint32_t c) {
  const int m = a.tokens[c].mention;
  if (m < 0) return false;
  std::uint32_t j = c;
  while (j + 1 < tree.last() && a.tokens[j + 1].mention == m) ++j;
  if (j + 1 >= tree.last()) return false;
  const DepInfo& d = a.deps[j + 1];
  return a.rules->labels()[d.label] == "case" && a.rules->tags()[d.upos] == "PART";
}

// Conjuncts of a reached token: "with A, B and C" reaches A; B and C hang from it by conj.
// They pass the type and list tests of the step (they have no case word of their own).
// A list is joined by a conjunction somewhere ("and", "or"): conj arcs without one are
// usually appositions or a misparse ("X, an adviser to Y"). A party added by "along with"
// is a conjunct too.
void add_with_conjuncts(const Analysis& a, const SentenceTree& tree, const NodeTest& test, std::uint32_t i,
                        std::vector<std::uint32_t>& out) {
  out.push_back(i);
  const int conj = a.rules->label("conj");
  bool joined = false;
  for (std::uint32_t c : tree.children(i))
    if (a.deps[c].label == conj && tree.child(c, "cc") >= 0) joined = true;
  for (std::uint32_t c : tree.children(i))
    if (((joined && a.deps[c].label == conj) || (a.tokens[i].mention >= 0 && accompanying(a, tree, c))) &&
        type_ok(a, tree, test, c) && in_lists(a, test, c) && !speaker_after_list(a, c) &&
        !possessor_in_list(a, tree, c))
      add_with_conjuncts(a, tree, test, c, out);
}

}  // namespace

bool plural_reference(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  if (a.tokens[i].mention >= 0) return false;
  if (a.in_list("plural_reference", i)) return true;
  // "the two leaders", "both men": the noun with "two" or "both" before it
  for (std::uint32_t c : tree.children(i))
    if (c < i && a.in_list("plural_reference", c)) return true;
  return false;
}

std::vector<Argument> pair_at(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  if (!plural_reference(a, tree, i)) return {};
  std::vector<Argument> pair = pair_named_earlier_in_sentence(a, i);
  if (pair.size() != 2) pair = pair_named_before(a, a.tokens[i].sentence, a.span_of(i, i + 1).of(a.doc.text));
  if (pair.size() != 2) return {};
  return pair;
}

std::vector<Argument> group_at(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  if (a.tokens[i].mention >= 0) return {};
  bool group = a.in_list("group_reference", i);
  for (std::uint32_t c : tree.children(i))
    if (c < i && a.in_list("group_reference", c)) group = true;
  if (!group) return {};
  return group_named_earlier_in_sentence(a, i);
}

bool passes(const Analysis& a, const SentenceTree& tree, const NodeTest& test, std::uint32_t i) {
  const DepInfo& d = a.deps[i];
  if (!test.lemmas.empty() && std::find(test.lemmas.begin(), test.lemmas.end(), d.lemma) == test.lemmas.end()) return false;
  if (!test.upos.empty() && std::find(test.upos.begin(), test.upos.end(), d.upos) == test.upos.end()) return false;
  if (!in_lists(a, test, i)) return false;
  if (!test.cases.empty()) {
    bool found = false;
    for (std::uint32_t c : tree.children(i)) {
      const std::string& l = a.rules->labels()[a.deps[c].label];
      if ((l == "case" || l == "mark") && std::find(test.cases.begin(), test.cases.end(), a.key(c)) != test.cases.end())
        found = true;
    }
    if (!found) return false;
  }
  for (std::uint32_t c : tree.children(i))
    if (std::find(test.without.begin(), test.without.end(), a.deps[c].label) != test.without.end()) return false;
  return type_ok(a, tree, test, i);
}

// Whether a down step by `label` from a verb reached by "^xcomp" names the controller of the
// open complement: the verb's subject, active or passive ("He is scheduled to speak with X", "Y is
// expected to meet Z": the passive subject of "scheduled" is who speaks). Only the step right
// after "^xcomp" reads nsubj:pass as nsubj; elsewhere a passive subject is a different role.
bool controller_label(const Analysis& a, const Step& step, const Step* previous, std::uint8_t label) {
  if (!previous || !previous->up || previous->labels.size() != 1 || step.up) return false;
  const int xcomp = a.rules->label("xcomp"), nsubj = a.rules->label("nsubj"), pass = a.rules->label("nsubj:pass");
  return previous->labels[0] == xcomp && label == pass && step.labels.size() == 1 && step.labels[0] == nsubj;
}

std::vector<std::uint32_t> follow(const Analysis& a, const SentenceTree& tree, const Path& path, std::uint32_t from) {
  std::vector<std::uint32_t> here{from};
  const Step* previous = nullptr;
  for (const Step& step : path) {
    std::vector<std::uint32_t> next;
    for (std::uint32_t t : here) {
      if (step.up) {
        const int h = tree.head(t);
        if (h >= 0 && has_label(step.labels, tree.label(t)) && passes(a, tree, step.test, static_cast<std::uint32_t>(h)))
          next.push_back(static_cast<std::uint32_t>(h));
      } else {
        for (std::uint32_t c : tree.children(t))
          if ((has_label(step.labels, tree.label(c)) || controller_label(a, step, previous, tree.label(c))) &&
              passes(a, tree, step.test, c))
            next.push_back(c);
      }
    }
    here = std::move(next);
    previous = &step;
    if (here.empty()) break;
  }
  return here;
}

namespace {

std::vector<std::uint32_t> arguments(const Analysis& a, const SentenceTree& tree, const std::vector<Path>& paths,
                                     std::uint32_t trigger, bool first_only, bool conjuncts = true) {
  std::vector<std::uint32_t> out;
  for (const Path& p : paths) {
    for (std::uint32_t t : follow(a, tree, p, trigger)) {
      if (conjuncts)
        add_with_conjuncts(a, tree, p.back().test, t, out);
      else
        out.push_back(t);
    }
    if (first_only && !out.empty()) break;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

namespace {

// The tree node of the mention at token i: its token whose head lies outside the mention.
std::uint32_t mention_node(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  const int m = a.tokens[i].mention;
  if (m < 0) return i;
  const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
  const std::uint32_t first = std::max(md.first, tree.first()), last = std::min(md.last, tree.last());
  for (std::uint32_t k = first; k < last; ++k) {
    const int h = tree.head(k);
    if (h < static_cast<int>(first) || h >= static_cast<int>(last)) return k;
  }
  return i;
}

bool holds(const Analysis& a, const SentenceTree& tree, const VetoCondition& c, std::uint32_t trigger, int head, int tail) {
  bool reached = false;
  if (c.anchor == VetoCondition::Anchor::Sentence) {
    // a word of the sentence's own, not of a name in it ("the Arab League" is no league match)
    for (std::uint32_t i = tree.first(); i < tree.last() && !reached; ++i)
      reached = a.tokens[i].mention < 0 && passes(a, tree, c.test, i);
  } else {
    const int from = c.anchor == VetoCondition::Anchor::Trigger ? static_cast<int>(trigger)
                     : c.anchor == VetoCondition::Anchor::Head  ? head
                                                                : tail;
    if (from >= static_cast<int>(tree.first()) && from < static_cast<int>(tree.last())) {
      const std::uint32_t node = c.anchor == VetoCondition::Anchor::Trigger
                                     ? static_cast<std::uint32_t>(from)
                                     : mention_node(a, tree, static_cast<std::uint32_t>(from));
      reached = c.path.empty() ? passes(a, tree, c.test, node) : !follow(a, tree, c.path, node).empty();
    }
  }
  return reached != c.negate;
}

}  // namespace

const Veto* veto_of(const Analysis& a, const SentenceTree& tree, RelationType type, const std::string& rule,
                    std::uint32_t trigger, int head, int tail) {
  for (const Veto& v : a.rules->vetoes()) {
    if (v.relation != type || rule.compare(0, v.rules.size(), v.rules) != 0) continue;
    if (trigger < tree.first() || trigger >= tree.last() || !passes(a, tree, v.trigger, trigger)) continue;
    bool all = true;
    for (const VetoCondition& c : v.conditions) all = all && holds(a, tree, c, trigger, head, tail);
    if (all) return &v;
  }
  return nullptr;
}

std::vector<RuleMatch> match_sentence(const Analysis& a, int sentence) {
  std::vector<RuleMatch> out;
  const SentenceTree tree(a, sentence);
  for (std::uint32_t i = tree.first(); i < tree.last(); ++i) {
    if (!a.rules->is_trigger_lemma(a.deps[i].lemma) || a.tokens[i].mention >= 0) continue;
    for (const Rule& rule : a.rules->rules()) {
      if (!passes(a, tree, rule.trigger, i)) continue;
      bool ok = true;
      for (const Path& p : rule.require) ok = ok && !follow(a, tree, p, i).empty();
      for (const Path& p : rule.forbid) ok = ok && follow(a, tree, p, i).empty();
      if (!ok) continue;
      RuleMatch m;
      m.rule = &rule;
      m.trigger = i;
      // a title holds for the name it qualifies, not for the names joined to it ("British Prime
      // Minister A and French President B": B is not British)
      m.heads = arguments(a, tree, rule.head, i, true, rule.relation != RelationType::HoldsPosition);
      if (m.heads.empty()) continue;
      if (!rule.pairs) {
        m.tails = arguments(a, tree, rule.tail, i, false);
        if (m.tails.empty()) continue;
      } else if (m.heads.size() < 2 && !(m.heads.size() == 1 && (plural_reference(a, tree, m.heads[0]) ||
                                                                  !group_at(a, tree, m.heads[0]).empty()))) {
        continue;
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace kgraph::extract::match
