#include "extract/relations/deployment_modality.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/match/modality_scope.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/match/sentence_parses.hpp"

namespace kgraph::extract {
namespace {

const std::string& label(const Analysis& a, std::uint32_t i) { return a.rules->labels()[a.deps[i].label]; }

bool is_verb(const Analysis& a, std::uint32_t i) { return a.rules->tags()[a.deps[i].upos] == "VERB"; }

// For forces named where they are, the verb of their own clause through which the destination
// hangs, or -1: the lowest common head of the two when the forces are its subject ("troops will
// remain in X"), or a clause on the forces noun that leads down to it ("troops going into X").
// A verb the forces are the object of acts on them ("to visit troops in X") and is not theirs.
// A verb of leaving says where the forces are now, whatever it plans ("troops would withdraw from X",
// "would leave X": they are in X), so it gives nothing (word list leaving_verb; nor does a
// destination reached through "from" or "out", word list leaving_case).
int forces_clause(const Analysis& a, const match::SentenceTree& tree, std::uint32_t trigger, std::uint32_t destination) {
  const std::vector<std::uint32_t> up = tree.heads_up(trigger), down = tree.heads_up(destination);
  for (std::size_t i = 0; i < up.size(); ++i) {
    const auto j = std::find(down.begin(), down.end(), up[i]);
    if (j == down.end()) continue;
    int verb = -1;
    if (i == 0 && j != down.begin()) {
      // the destination below the trigger: through a verb that hangs from it
      const std::uint32_t below = *(j - 1);
      if (is_verb(a, below) && label(a, below).rfind("acl", 0) == 0 && label(a, below) != "acl:relcl")
        verb = static_cast<int>(below);
    } else if (i == 1 && is_verb(a, up[i]) && (label(a, trigger) == "nsubj" || label(a, trigger) == "nsubj:pass")) {
      verb = static_cast<int>(up[i]);
    }
    if (verb < 0) return -1;
    const auto v = static_cast<std::uint32_t>(verb);
    if (a.in_list("leaving_verb", v) || a.lex.in_list("leaving_verb", a.deps[v].lemma)) return -1;
    for (std::uint32_t n : down) {
      if (n == v) break;
      const int c = tree.child(n, "case");
      if (c >= 0 && a.in_list("leaving_case", static_cast<std::uint32_t>(c))) return -1;
    }
    return verb;
  }
  return -1;
}

// Whether the clause headed by n is a condition told by inversion: its auxiliary before its subject
// ("had Country A sent troops to X, ..."; word list inversion_aux), in a sentence that asks nothing
// (the parse may hang the condition as the root, the main clause below it).
bool inverted_condition(const Analysis& a, const match::SentenceTree& tree, std::uint32_t n) {
  if (a.token_text(tree.last() - 1) == "?") return false;
  const int subject = tree.child(n, "nsubj") >= 0 ? tree.child(n, "nsubj") : tree.child(n, "nsubj:pass");
  if (subject < 0) return false;
  for (std::uint32_t c : tree.children(n))
    if ((label(a, c) == "aux" || label(a, c) == "aux:pass") && static_cast<int>(c) < subject && a.in_list("inversion_aux", c))
      return true;
  // the auxiliary read as the verb, the clause its complement ("Had" -xcomp-> "sent")
  const int h = tree.head(n);
  return h >= 0 && h < subject && label(a, n) == "xcomp" && a.in_list("inversion_aux", static_cast<std::uint32_t>(h));
}

// Whether `node` stands in a condition: a clause above it with a mark of the cue table ("if", "unless",
// "whether"), or its own or a clause above told by inversion. Climbs every arc but a relative clause's
// and a parataxis (they say their own).
bool under_condition(const Analysis& a, const match::SentenceTree& tree, std::uint32_t node) {
  for (std::uint32_t n : tree.heads_up(node)) {
    if (n != node)
      for (std::uint32_t c : tree.children(n))
        if (label(a, c) == "mark" && match::cue_at(a, c, match::CueKind::Mark) == Modality::Hypothetical) return true;
    if (inverted_condition(a, tree, n)) return true;
    const std::string& arc = label(a, n);
    if (arc == "acl:relcl" || arc == "parataxis") return false;
  }
  return false;
}

// A year written as four digits, or -1.
int year_at(const Analysis& a, std::uint32_t i) {
  const std::string& k = a.key(i);
  if (k.size() != 4) return -1;
  int v = 0;
  for (char c : k) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The verb of the forces' own clause on the way to the destination, relative clauses included ("troops
// who remain in Y", "forces staying in Y", "troops will stay in Y"), or -1. Only to read a stay's time by.
int forces_own_verb(const Analysis& a, const match::SentenceTree& tree, std::uint32_t trigger, std::uint32_t destination) {
  const std::vector<std::uint32_t> down = tree.heads_up(destination);
  const auto j = std::find(down.begin(), down.end(), trigger);
  if (j != down.end() && j != down.begin() && is_verb(a, *(j - 1)) && label(a, *(j - 1)).rfind("acl", 0) == 0)
    return static_cast<int>(*(j - 1));
  const int h = tree.head(trigger);
  if (h >= 0 && is_verb(a, static_cast<std::uint32_t>(h)) && label(a, trigger).rfind("nsubj", 0) == 0 &&
      std::find(down.begin(), down.end(), static_cast<std::uint32_t>(h)) != down.end())
    return h;
  // "troops who remain in Y" with the relative clause hung on a noun before them ("the status of troops who ...")
  const std::uint32_t rel = trigger + 1;
  if (rel < tree.last() && label(a, rel) == "nsubj" && a.rules->tags()[a.deps[rel].upos] == "PRON" && tree.head(rel) >= 0) {
    const auto v = static_cast<std::uint32_t>(tree.head(rel));
    if (is_verb(a, v) && label(a, v) == "acl:relcl" && std::find(down.begin(), down.end(), v) != down.end())
      return static_cast<int>(v);
  }
  return -1;
}

// Whether the verb at v is said to last past a year later than the document's ("staying in Y beyond
// 2030", "remain in Y after the end of 2030"; word list later_case): forces still to be there.
bool lasts_past_later_year(const Analysis& a, const match::SentenceTree& tree, std::uint32_t v) {
  const std::string& date = a.doc.meta.date;
  if (date.size() < 4) return false;
  const int doc_year = std::atoi(date.substr(0, 4).c_str());
  for (std::uint32_t c : tree.children(v)) {
    if (label(a, c).rfind("obl", 0) != 0) continue;
    const int k = tree.child(c, "case");
    if (k < 0 || !a.in_list("later_case", static_cast<std::uint32_t>(k))) continue;
    int year = year_at(a, c);
    for (std::uint32_t g : tree.children(c))
      if (year < 0 && label(a, g).rfind("nmod", 0) == 0) year = year_at(a, g);
    if (year > doc_year) return true;
  }
  return false;
}

}  // namespace

std::optional<Modality> deployment_modality(const Analysis& a, const match::SentenceTree& tree, std::uint32_t trigger,
                                            std::uint32_t destination) {
  std::optional<Modality> m = match::scope_modality(a, tree, trigger);
  std::uint32_t scope = trigger;
  const bool own_only = match::cue_at(a, trigger, match::CueKind::OwnOnly).has_value();
  // forces said to stay past a later year are still to be there, whatever their clause's tense
  auto stays_later = [&] {
    const int verb = forces_own_verb(a, tree, trigger, destination);
    return verb >= 0 && lasts_past_later_year(a, tree, static_cast<std::uint32_t>(verb));
  };
  if (own_only) {
    if (m) return m;
    const int verb = forces_clause(a, tree, trigger, destination);
    if (verb < 0) return stays_later() ? std::optional<Modality>(Modality::Planned) : m;
    scope = static_cast<std::uint32_t>(verb);
    m = match::scope_modality(a, tree, scope);
  }
  if ((!m || *m == Modality::Asserted || *m == Modality::Reported) && under_condition(a, tree, scope))
    return Modality::Hypothetical;
  if ((!m || *m == Modality::Asserted) && own_only && stays_later()) return Modality::Planned;
  return m;
}

std::optional<Modality> parsed_deployment_modality(Analysis& a, std::uint32_t trigger, std::uint32_t destination) {
  const int s = a.tokens[trigger].sentence;
  if (!a.rules || !match::ensure_parsed(a, s)) return std::nullopt;
  const match::SentenceTree tree(a, s);
  return deployment_modality(a, tree, trigger, a.tokens[destination].sentence == s ? destination : trigger);
}

}  // namespace kgraph::extract
