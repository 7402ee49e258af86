#include "extract/relations/relation_candidates.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "extract/match/modality_scope.hpp"
#include "extract/match/rule_matcher.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/match/sentence_parses.hpp"
#include "extract/relations/deployment_modality.hpp"

namespace kgraph::extract {
namespace {

constexpr std::array<RelationType, 3> kScored = {RelationType::MetWith, RelationType::SpokeWith, RelationType::DeployedTo};

bool is_party(EntityType t) { return t == EntityType::Person || t == EntityType::Organisation || t == EntityType::Country; }
bool is_owner(EntityType t) { return t == EntityType::Country || t == EntityType::Organisation; }
bool is_place(EntityType t) { return t == EntityType::Country || t == EntityType::Location; }

bool fits(RelationType r, EntityType head, EntityType tail) {
  if (r == RelationType::DeployedTo) return is_owner(head) && is_place(tail);
  return is_party(head) && is_party(tail);
}

// Whether token i (not part of a name) is a trigger word of relation r: a rule of r reads its lemma.
bool triggers(const Analysis& a, std::uint32_t i, RelationType r) {
  if (a.tokens[i].mention >= 0) return false;
  for (const match::Rule* rule : match::trigger_rules(a, i))
    if (rule->relation == r) return true;
  return false;
}

bool may_stand_for_person(const Analysis& a, std::uint32_t i) {
  return a.in_list("person_pronoun", i) || (a.tokens[i].quote >= 0 && a.in_list("first_person", i));
}

// An argument position: a name (its tree head: the token of the mention whose head lies outside
// it) or a pronoun.
struct Unit {
  std::uint32_t token = 0;        // tree node standing for the argument
  std::uint32_t first = 0, last = 0;  // its tokens
  Argument arg;
};

std::vector<Unit> units_in(const Analysis& a, const match::SentenceTree& tree, std::uint32_t first, std::uint32_t last) {
  std::vector<Unit> out;
  for (std::uint32_t i = first; i < last; ++i) {
    Unit u;
    const int m = a.tokens[i].mention;
    if (m >= 0) {
      const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
      u.first = i;
      u.last = std::min(md.last, last);
      u.token = u.last - 1;
      for (std::uint32_t k = u.first; k < u.last; ++k) {
        const int h = tree.head(k);
        if (h < static_cast<int>(u.first) || h >= static_cast<int>(u.last)) {
          u.token = k;
          break;
        }
      }
      i = u.last - 1;
    } else if (may_stand_for_person(a, i)) {
      u.first = i;
      u.last = i + 1;
      u.token = i;
    } else {
      continue;
    }
    u.arg = match::entity_at(a, tree, u.token);
    if (u.arg.entity >= 0) out.push_back(std::move(u));
  }
  return out;
}

// Whether a place argument is named as the owner of another place of the sentence ("Country A's Region B",
// "Country A's B province"): forces sent there go to the smaller place, the owner only says whose it is.
bool owner_of_named_place(const Analysis& a, const match::SentenceTree& tree, const std::vector<Unit>& units, const Unit& u) {
  if (a.rules->labels()[a.deps[u.token].label] != "nmod:poss") return false;
  const int h = tree.head(u.token);
  if (h < 0) return false;
  for (const Unit& v : units) {
    if (v.arg.entity == u.arg.entity || !is_place(a.entities[static_cast<std::size_t>(v.arg.entity)].type)) continue;
    // the possessed word is the other place's head, one of its words, or the noun it modifies ("B region")
    if ((h >= static_cast<int>(v.first) && h < static_cast<int>(v.last)) || tree.head(v.token) == h) return true;
  }
  return false;
}

// Whether a deployment trigger names what it deploys and that is no force ("the deployment of aid
// workers to X"): the rules want forces or equipment as the theme (word list force), and so do the
// scorer's candidates.
bool deploys_no_force(const Analysis& a, const match::SentenceTree& tree, std::uint32_t trigger) {
  for (std::uint32_t c : tree.children(trigger)) {
    if (a.rules->labels()[a.deps[c].label] != "nmod") continue;
    const int k = tree.child(c, "case");
    if (k < 0 || a.key(static_cast<std::uint32_t>(k)) != "of") continue;
    return a.tokens[c].mention < 0 && !a.lex.in_list("force", a.key(c));
  }
  return false;
}

// Whether a place argument's case word puts the forces outside it (outside_place: "around" a country).
bool outside_named_place(const Analysis& a, const match::SentenceTree& tree, const Unit& u) {
  const int k = tree.child(u.token, "case");
  return k >= 0 && outside_place(a.key(static_cast<std::uint32_t>(k)), a.entities[static_cast<std::size_t>(u.arg.entity)].type);
}

// Whether a place argument is the doer of a clause whose object is the forces ("Country A bombed
// Country B's soldiers": A acts on the forces, it does not host them); a destination is where they go or are.
bool doer_on_forces(const Analysis& a, const match::SentenceTree& tree, const Unit& u, std::uint32_t trigger) {
  return a.rules->labels()[a.deps[u.token].label] == "nsubj" && tree.head(trigger) == tree.head(u.token) &&
         a.rules->labels()[a.deps[trigger].label] == "obj";
}

struct TreePath {
  int length = -1;  // -1: no path (the tokens hang from different roots)
  std::string text;
};

// The dependency path between two tokens: "^label" for each step up from `from` to the
// lowest common head, then "label" for each step down to `to`; "long" past five steps.
TreePath tree_path(const Analysis& a, const match::SentenceTree& tree, std::uint32_t from, std::uint32_t to) {
  const std::vector<std::uint32_t> up = tree.heads_up(from), down = tree.heads_up(to);
  TreePath p;
  for (std::size_t i = 0; i < up.size(); ++i) {
    const auto j = std::find(down.begin(), down.end(), up[i]);
    if (j == down.end()) continue;
    const auto d = static_cast<std::size_t>(j - down.begin());
    p.length = static_cast<int>(i + d);
    if (p.length > 5) {
      p.text = "long";
      return p;
    }
    for (std::size_t k = 0; k < i; ++k) p.text += "^" + a.rules->labels()[a.deps[up[k]].label] + "/";
    for (std::size_t k = d; k-- > 0;) p.text += a.rules->labels()[a.deps[down[k]].label] + "/";
    if (p.text.empty()) p.text = "=";
    return p;
  }
  p.text = "none";
  return p;
}

// How an argument hangs in its clause: its arc, with its case word ("obl_with"); a conjunct or
// apposition takes the role of what it is joined to ("conj<obl_with").
std::string role(const Analysis& a, const match::SentenceTree& tree, std::uint32_t u, int depth = 0) {
  const std::string& label = a.rules->labels()[a.deps[u].label];
  std::string out = label;
  const int c = tree.child(u, "case");
  if (c >= 0) out += "_" + a.key(static_cast<std::uint32_t>(c));
  if ((label == "conj" || label == "appos") && depth == 0 && tree.head(u) >= 0)
    out += "<" + role(a, tree, static_cast<std::uint32_t>(tree.head(u)), 1);
  return out;
}

// What kind of mention stands at a token: a gazetteer kind ("demonym": "Russian forces" names
// the owner, never the place), a name, a description, a tagger name, or a pronoun.
std::string mention_kind(const Analysis& a, std::uint32_t token) {
  static const char* const kLex[] = {"country", "capital", "demonym", "organisation", "place", "metonym", "event"};
  static const char* const kSource[] = {"gazetteer", "name", "description", "ner"};
  const int m = a.tokens[token].mention;
  if (m < 0) return "pronoun";
  const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
  if (md.source == MentionSource::Gazetteer) return kLex[static_cast<int>(md.kind)];
  return kSource[static_cast<int>(md.source)];
}

// Whether a place argument can be where the forces of a deployment trigger go or are. Not: a
// demonym ("Russian" threat or forces says whose, not where), the owner of another place named
// ("Country A's Region B"), a place the case word puts the forces outside of ("around" a country),
// nor the doer of a clause whose object is the forces ("Country A bombed Country B's soldiers").
bool may_be_destination(const Analysis& a, const match::SentenceTree& tree, const std::vector<Unit>& units, const Unit& u,
                        std::uint32_t trigger) {
  return mention_kind(a, u.token) != "demonym" && !owner_of_named_place(a, tree, units, u) &&
         !outside_named_place(a, tree, u) && !doer_on_forces(a, tree, u, trigger);
}

// Whether an owner argument can be the sender of a deployment: not a place named as where someone goes
// or is ("on a trip to Country A, X defended the withdrawal of forces from B"; word list place_case); a
// conjunct takes the case word of what it is joined to.
bool may_be_sender(const Analysis& a, const match::SentenceTree& tree, const Unit& u) {
  int k = tree.child(u.token, "case");
  if (k < 0 && a.rules->labels()[a.deps[u.token].label] == "conj" && tree.head(u.token) >= 0)
    k = tree.child(static_cast<std::uint32_t>(tree.head(u.token)), "case");
  return k < 0 || !a.in_list("place_case", static_cast<std::uint32_t>(k));
}

// Whether a path from the trigger leaves its clause for another: up a conjunct or parataxis arc and
// down to anything but the subject the two clauses share ("Britain has trainers in Ukraine, and
// Canada deployed troops to Latvia": from "deployed", Ukraine lies in the other clause).
bool other_clause(const std::string& path) {
  for (const char* up : {"^conj/", "^parataxis/"}) {
    const std::size_t at = path.find(up);
    if (at == std::string::npos) continue;
    const std::string rest = path.substr(at + std::string(up).size());
    if (!rest.empty() && rest[0] != '^' && rest.rfind("nsubj", 0) != 0) return true;
  }
  return false;
}

const char* bucket(int n) {
  if (n <= 2) return "0-2";
  if (n <= 5) return "3-5";
  if (n <= 10) return "6-10";
  if (n <= 20) return "11-20";
  return "20+";
}

// Which rule found the pair in this sentence: "parse", "trigger", ... (the evidence's rule kind), or "none".
std::string found_by(const std::vector<const Relation*>& found, RelationType type, int head, int tail, bool symmetric) {
  for (const Relation* r : found) {
    if (r->type != type) continue;
    if ((r->head == head && r->tail == tail) || (symmetric && r->head == tail && r->tail == head)) {
      const std::string& rule = r->evidence.rule;
      return rule.substr(0, rule.find(':'));
    }
  }
  return "none";
}

bool any_found(const std::vector<const Relation*>& found, int x, int y) {
  for (const Relation* r : found)
    if ((r->head == x && r->tail == y) || (r->head == y && r->tail == x)) return true;
  return false;
}

std::vector<std::string> features_of(const Analysis& a, const match::SentenceTree& tree, const std::vector<Unit>& units,
                                     const RelationCandidate& c, const Unit& h, const Unit& t,
                                     const std::vector<const Relation*>& found, bool scoped) {
  std::vector<std::string> f;
  const std::string lemma = a.deps[c.trigger].lemma;
  const TreePath p1 = tree_path(a, tree, c.trigger, h.token), p2 = tree_path(a, tree, c.trigger, t.token);
  const TreePath p12 = tree_path(a, tree, h.token, t.token);
  const EntityType ht = a.entities[static_cast<std::size_t>(h.arg.entity)].type;
  const EntityType tt = a.entities[static_cast<std::size_t>(t.arg.entity)].type;
  const std::string r1 = role(a, tree, h.token), r2 = role(a, tree, t.token);
  f.push_back("b");
  f.push_back("tl=" + lemma);
  f.push_back("tu=" + a.rules->tags()[a.deps[c.trigger].upos]);
  f.push_back("p1=" + p1.text);
  f.push_back("p2=" + p2.text);
  f.push_back("tl+p1=" + lemma + "|" + p1.text);
  f.push_back("tl+p2=" + lemma + "|" + p2.text);
  f.push_back("p1+p2=" + p1.text + "|" + p2.text);
  f.push_back("p12=" + p12.text);
  f.push_back("r1=" + r1);
  f.push_back("r2=" + r2);
  f.push_back("r1+r2=" + r1 + "|" + r2);
  f.push_back("tl+r2=" + lemma + "|" + r2);
  f.push_back("ty=" + std::string(to_string(ht)) + "," + std::string(to_string(tt)));
  const std::uint32_t lo = std::min(h.last, t.last), hi = std::max(h.first, t.first);
  const std::uint32_t begin = std::min(h.first, t.first), end = std::max(h.last, t.last);
  f.push_back(std::string("tw=") + (c.trigger < begin ? "before" : c.trigger >= end ? "after" : "between"));
  const int gap = hi > lo ? static_cast<int>(hi - lo) : 0;
  f.push_back(std::string("d=") + bucket(gap));
  f.push_back(std::string("td=") + bucket(p1.length + p2.length));
  if (gap <= 8) {
    for (std::uint32_t i = lo; i < hi; ++i)
      if (a.tokens[i].mention < 0) f.push_back("bw=" + a.deps[i].lemma);
  } else {
    f.push_back("bw=far");
  }
  int between = 0;
  for (const Unit& u : units)
    if (u.first >= lo && u.last <= hi) ++between;
  f.push_back(std::string("nb=") + (between == 0 ? "0" : between == 1 ? "1" : "2+"));
  f.push_back(std::string("mod=") + (scoped ? std::string(to_string(c.modality)) : "none"));
  if (h.arg.note.size() && a.tokens[h.token].mention < 0) f.push_back("pron1");
  if (t.arg.note.size() && a.tokens[t.token].mention < 0) f.push_back("pron2");
  if (a.tokens[c.trigger].quote >= 0) f.push_back("inquote");
  const std::string rule = found_by(found, c.type, h.arg.entity, t.arg.entity, c.type != RelationType::DeployedTo);
  f.push_back("rule=" + rule);
  if (rule == "none" && any_found(found, h.arg.entity, t.arg.entity)) f.push_back("rule=other-type");
  // every feature once alone (shared by the relations) and once with the relation's name
  const std::size_t n = f.size();
  const std::string prefix = std::string(to_string(c.type)) + "|";
  for (std::size_t i = 0; i < n; ++i) f.push_back(prefix + f[i]);
  return f;
}

}  // namespace

bool may_have_candidates(const Analysis& a, int s) {
  if (!a.rules || !match::selected(a, s)) return false;
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  bool trigger[kScored.size()] = {};
  // distinct entities by what they can be (a candidate joins two different ones), and pronouns
  std::vector<int> parties, owners, places;
  int wildcards = 0;
  auto note = [](std::vector<int>& v, int id) {
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
  };
  for (std::uint32_t i = first; i < last; ++i) {
    const int m = a.tokens[i].mention;
    if (m < 0) {
      for (std::size_t r = 0; r < kScored.size(); ++r) trigger[r] = trigger[r] || triggers(a, i, kScored[r]);
      wildcards += may_stand_for_person(a, i);
      continue;
    }
    const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
    i = std::max(i, md.last - 1);
    if (md.entity < 0) continue;
    const EntityType t = a.entities[static_cast<std::size_t>(md.entity)].type;
    if (is_party(t)) note(parties, md.entity);
    if (is_owner(t)) note(owners, md.entity);
    if (is_place(t)) note(places, md.entity);
  }
  if ((trigger[0] || trigger[1]) && static_cast<int>(parties.size()) + wildcards >= 2) return true;
  if (!trigger[2] || owners.empty() || places.empty()) return false;
  std::vector<int> either = owners;
  for (int id : places) note(either, id);
  return either.size() >= 2;
}

std::vector<RelationCandidate> candidates_in(Analysis& a, int s, const std::vector<const Relation*>& found) {
  std::vector<RelationCandidate> out;
  if (!may_have_candidates(a, s) || !match::ensure_parsed(a, s)) return out;
  const match::SentenceTree tree(a, s);
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  const std::vector<Unit> units = units_in(a, tree, first, last);
  if (units.size() < 2) return out;
  for (RelationType r : kScored) {
    const bool symmetric = r != RelationType::DeployedTo;
    // per entity pair, the closest (trigger, head unit, tail unit): fewest tree steps through the trigger
    std::map<std::pair<int, int>, std::tuple<int, std::uint32_t, std::size_t, std::size_t>> best;
    for (std::uint32_t t = first; t < last; ++t) {
      if (!triggers(a, t, r)) continue;
      if (r == RelationType::DeployedTo && deploys_no_force(a, tree, t)) continue;
      for (std::size_t i = 0; i < units.size(); ++i)
        for (std::size_t j = 0; j < units.size(); ++j) {
          if (i == j || (symmetric && j < i)) continue;
          const Unit& h = units[i];
          const Unit& u = units[j];
          if (h.arg.entity == u.arg.entity) continue;
          if (!fits(r, a.entities[static_cast<std::size_t>(h.arg.entity)].type, a.entities[static_cast<std::size_t>(u.arg.entity)].type))
            continue;
          if (r == RelationType::DeployedTo && (!may_be_sender(a, tree, h) || !may_be_destination(a, tree, units, u, t))) continue;
          const TreePath to_head = tree_path(a, tree, t, h.token), to_tail = tree_path(a, tree, t, u.token);
          const int d1 = to_head.length, d2 = to_tail.length;
          if (d1 < 0 || d2 < 0 || other_clause(to_head.text) || other_clause(to_tail.text)) continue;
          std::pair<int, int> key{h.arg.entity, u.arg.entity};
          if (symmetric && key.first > key.second) std::swap(key.first, key.second);
          auto it = best.find(key);
          if (it == best.end() || d1 + d2 < std::get<0>(it->second)) best[key] = {d1 + d2, t, i, j};
        }
    }
    for (const auto& [key, choice] : best) {
      const auto& [cost, t, i, j] = choice;
      RelationCandidate c;
      c.type = r;
      c.head = units[i].arg;
      c.tail = units[j].arg;
      c.trigger = t;
      const std::optional<Modality> scoped = match::scope_modality(a, tree, t);
      // (the feature "mod" stays the trigger's own scope; the relation's modality reads a deployment's clause)
      c.modality = (r == RelationType::DeployedTo ? deployment_modality(a, tree, t, units[j].token) : scoped)
                       .value_or(Modality::Asserted);
      c.features = features_of(a, tree, units, c, units[i], units[j], found, scoped.has_value());
      c.by_rule = found_by(found, r, c.head.entity, c.tail.entity, symmetric) != "none";
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace kgraph::extract
