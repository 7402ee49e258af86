// Relation rules as data over a dependency parse: what a rule is, and the
// tables the engine reads (rules, lemmas, modality cues, rule confidences).
//
// A rule names a trigger (lemmas and tests on the trigger token), a dependency
// path from the trigger to each argument, and paths that must (or must not)
// lead somewhere. The engine (rule_matcher.hpp) runs every rule on every parsed
// sentence; an argument is the entity at the token a path reaches, and every
// conjunct of it ("with A, B and C" gives three). Names in the data (labels,
// POS tags, entity types, word lists) are resolved when the file loads, so a typo
// is an error naming file:line, not a rule that never fires.
//
// Files (ontology/relations/, TSV with the usual "# kgraph-data <kind> v1" header):
//   rules.tsv            id, relation, trigger, head, tail, require
//   lemmas.tsv           form, lemma
//   modality_scope.tsv   cue, kind, modality
//   rule_confidence.tsv  rule, fired, right, confidence (written by scripts/rule-confidence)
//   relation_filter.tsv  kind, key, fired, right: kinds of relation whose counted precision on
//                        the training articles is too low to keep (written by scripts/relation-filter)
//   vetoes.tsv           id, relation, rules, trigger, condition: readings that are no relation of
//                        the type whichever rule proposed them (a fixture "meeting", a withdrawal)
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ontology/types.hpp"

namespace kgraph::extract {
class Lexicon;
}

namespace kgraph::extract::match {

// Tests on one token. Every non-empty field must hold.
struct NodeTest {
  std::vector<std::string> lemmas;         // the token's lemma is one of these
  std::vector<std::uint8_t> upos;          // its tag is one of these
  std::vector<EntityType> types;           // the entity found at it has one of these types
  std::vector<std::string> kinds;          // ... and is an organisation of one of these kinds (organisations.tsv)
  std::vector<std::string> lists;          // its key or lemma is in each of these word lists
  std::vector<std::string> cases;          // it has a case or mark child with one of these keys
  std::vector<std::uint8_t> without;       // it has no child by any of these labels
  bool empty() const {
    return lemmas.empty() && upos.empty() && types.empty() && kinds.empty() && lists.empty() && cases.empty() && without.empty();
  }
};

// One move along the tree: down to a child, or up to the head, by one of `labels` (any when empty).
struct Step {
  bool up = false;
  std::vector<std::uint8_t> labels;
  NodeTest test;
};
using Path = std::vector<Step>;

struct Rule {
  std::string id;
  RelationType relation = RelationType::MetWith;
  NodeTest trigger;
  std::vector<Path> head;     // alternatives; the first that reaches an argument is taken
  std::vector<Path> tail;     // alternatives, all taken
  bool pairs = false;         // tail "=": every pair of head arguments ("A and B met")
  std::vector<Path> require;  // each must reach a token
  std::vector<Path> forbid;   // none may reach a token
  double confidence = 0.7;    // from rule_confidence.tsv when it has the rule
  // Words the sentence must have for the rule to match, from the last step of each required
  // path (its lemmas or word lists): lets the parser skip sentences no rule can match.
  std::vector<NodeTest> needs;
  std::string where;          // file:line, for messages
};

// One condition of a veto: a path from the trigger or from an argument's tree node that must
// reach a token (or, negated, none); a test the anchor itself must pass (an empty path); or a test
// some token of the sentence outside the names must pass (anchor Sentence).
struct VetoCondition {
  enum class Anchor : std::uint8_t { Trigger, Head, Tail, Sentence };
  Anchor anchor = Anchor::Trigger;
  bool negate = false;
  Path path;      // empty: `test` on the anchor (or on any token of the sentence)
  NodeTest test;
};

// A reading that is no relation of its type, whichever rule proposed it: the relation stage drops
// a relation when its trigger passes `trigger` and every condition holds. The token-window rules
// and the learned scorer have no tree of their own, so a veto is how the parse corrects them.
struct Veto {
  std::string id;
  RelationType relation = RelationType::MetWith;
  std::string rules;  // prefix of the evidence's rule id it applies to; empty for every rule
  NodeTest trigger;   // lemmas empty: any trigger
  std::vector<VetoCondition> conditions;
  std::string where;  // file:line
};

enum class CueKind : std::uint8_t { Aux, Neg, Mark, Governor, Modifier, Case, TimeClause, OwnOnly, Mover, Infinitive, AgentGoal, InfinitiveSubject };

struct ModalityCue {
  CueKind kind = CueKind::Aux;
  Modality modality = Modality::Planned;
};

class RuleSet {
 public:
  // Loads the four files from dir (ontology/relations). Throws DataFileError naming
  // file:line (E340 rule syntax, E341 unknown name in a rule, E342 cue table,
  // E343 confidence table naming an unknown rule, E344 relation filter table, E346 veto table).
  static RuleSet load(const std::filesystem::path& dir, const Lexicon& lex, const std::vector<std::string>& labels,
                      const std::vector<std::string>& tags);

  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<std::string>& tags() const { return tags_; }
  int label(std::string_view name) const;  // -1 when the parser has no such relation
  int tag(std::string_view name) const;

  // The lemma of a lower-cased token key: the table's, else the key itself.
  const std::string& lemma(const std::string& key) const;
  // Whether some rule is triggered by this lemma.
  bool is_trigger_lemma(const std::string& lemma) const { return trigger_lemmas_.count(lemma) != 0; }
  // The rules a lemma triggers (empty when none).
  const std::vector<const Rule*>& rules_of(const std::string& lemma) const;
  // Both of the above for a token key at once, found by the key's hash (Lexicon's key_hash)
  // with one probe: lemma(key) and rules_of(lemma(key)), the same objects.
  struct KeyWords {
    const std::string* lemma;
    const std::vector<const Rule*>* rules;
  };
  KeyWords words_of(std::uint64_t hash, const std::string& key) const;
  // Cues by word (key or lemma) and kind.
  const std::vector<ModalityCue>* cues(const std::string& word) const;
  // Whether relation_filter.tsv drops a relation of this type between entities of these types,
  // of this rule, or of this rule (the evidence's rule id) with an argument resolved from a pronoun (not a
  // first person inside a quote). Any rule, parse or token-window, may be named. The argument-type
  // cells do not apply to a rule whose id ends in "-group" (a party read through its representatives).
  bool filtered(RelationType type, EntityType head, EntityType tail, const std::string& rule, bool resolved) const;
  const std::vector<Veto>& vetoes() const { return vetoes_; }

 private:
  std::vector<Rule> rules_;
  std::vector<std::string> labels_, tags_;
  std::unordered_map<std::string, std::string> lemmas_;
  std::unordered_map<std::string, std::vector<const Rule*>> trigger_lemmas_;
  // For words_of: every key with a lemma of its own or that is a trigger lemma, in an
  // open-addressing table by key hash (at most half full); any other key is its own lemma and
  // triggers nothing.
  struct KeyEntry {
    std::string key;
    const std::string* lemma;  // nullptr: the key itself
    const std::vector<const Rule*>* rules;
  };
  struct KeySlot {
    std::uint64_t hash = 0;
    std::uint32_t entry = 0;  // index in key_entries_ + 1; 0: free
  };
  void index_keys();
  std::vector<KeyEntry> key_entries_;
  std::vector<KeySlot> key_slots_;
  std::unordered_map<std::string, std::vector<ModalityCue>> cues_;
  std::unordered_set<std::string> filtered_types_;     // "met_with Country Person" (symmetric: sorted)
  std::unordered_set<std::string> filtered_resolved_;  // rule ids
  std::unordered_set<std::string> filtered_rules_;     // rule ids dropped whatever their arguments
  std::vector<Veto> vetoes_;
};

}  // namespace kgraph::extract::match
