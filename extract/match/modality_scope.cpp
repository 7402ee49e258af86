#include "extract/match/modality_scope.hpp"

namespace kgraph::extract::match {
namespace {

// A cue of `kind` for the word at token i (its key, else its lemma).
std::optional<Modality> cue_at(const Analysis& a, std::uint32_t i, CueKind kind) {
  for (const std::string* word : {&a.key(i), &a.deps[i].lemma})
    if (const auto* cues = a.rules->cues(*word))
      for (const ModalityCue& c : *cues)
        if (c.kind == kind) return c.modality;
  return std::nullopt;
}

// Cues among the dependents of `node`; negation wins over the rest.
std::optional<Modality> own_cues(const Analysis& a, const SentenceTree& tree, std::uint32_t node) {
  std::optional<Modality> found;
  for (std::uint32_t c : tree.children(node)) {
    const std::string& label = a.rules->labels()[a.deps[c].label];
    std::optional<Modality> m;
    if (label == "aux" || label == "aux:pass") m = cue_at(a, c, CueKind::Aux);
    if (!m && (label == "advmod" || label == "det" || label == "neg")) m = cue_at(a, c, CueKind::Neg);
    if (!m && label == "mark") m = cue_at(a, c, CueKind::Mark);
    if (!m && (label == "amod" || label == "advmod" || label == "compound" || label == "nmod:tmod" || label == "obl:tmod"))
      m = cue_at(a, c, CueKind::Modifier);
    if (!m && label == "case") m = cue_at(a, c, CueKind::Case);
    if (!m) continue;
    if (*m == Modality::Negated) return m;
    if (!found) found = m;
  }
  return found;
}

}  // namespace

std::optional<Modality> scope_modality(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger) {
  std::uint32_t node = trigger;
  if (auto m = own_cues(a, tree, node)) return m;
  for (int depth = 0; depth < 8; ++depth) {
    const int h = tree.head(node);
    if (h < 0) break;
    const std::string& arc = a.rules->labels()[a.deps[node].label];
    // An oblique or nominal modifier says when or where, not whether: "in a call, X agreed to ...",
    // "after talks with X, Y will travel". Only "for" ties it to a plan ("set for his meeting").
    const bool oblique = arc.rfind("obl", 0) == 0 || arc.rfind("nmod", 0) == 0;
    const bool core = arc == "xcomp" || arc == "ccomp" || arc == "obj" || arc == "nsubj" || arc == "nsubj:pass" ||
                      arc == "csubj" || arc == "acl";
    // "rushing to New York to meet X": a purpose is intended, not yet done
    if (arc == "advcl") {
      const int mark = tree.child(node, "mark");
      if (mark >= 0 && a.key(static_cast<std::uint32_t>(mark)) == "to") return Modality::Planned;
    }
    if (!core && !oblique) break;  // a relative clause, conjunct, adverbial clause ... keeps its own modality
    const std::uint32_t governor = static_cast<std::uint32_t>(h);
    // The head's own cues come before its lemma: "should cancel his meeting" is not yet
    // decided, "cancelled his meeting" is negated. A saying's cues are not the meeting's.
    if (oblique) {
      const int c = tree.child(node, "case");
      if (c < 0 || a.key(static_cast<std::uint32_t>(c)) != "for") break;
      if (auto m = cue_at(a, governor, CueKind::Governor)) {
        if (auto own = own_cues(a, tree, governor)) return own;
        return m;
      }
      break;
    }
    if (arc == "ccomp") return cue_at(a, governor, CueKind::Governor);  // "said (that) they met": no change
    if (auto own = own_cues(a, tree, governor)) return own;
    if (auto m = cue_at(a, governor, CueKind::Governor)) return m;
    node = governor;
  }
  return std::nullopt;
}

}  // namespace kgraph::extract::match
