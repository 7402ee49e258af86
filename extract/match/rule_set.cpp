#include "extract/match/rule_set.hpp"

#include <algorithm>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::match {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// Whether a rule id ("parse:met.verb.with-group") names a rule that reads a party through its
// representatives (rules.tsv: ids ending in "-group").
bool is_group_rule(const std::string& rule) {
  static constexpr std::string_view kSuffix = "-group";
  return rule.size() >= kSuffix.size() && rule.compare(rule.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

// The key of a types row: symmetric relations list the two types in name order.
std::string types_key(RelationType type, EntityType head, EntityType tail) {
  std::string h(to_string(head)), t(to_string(tail));
  if (is_symmetric(type) && t < h) std::swap(h, t);
  return std::string(to_string(type)) + " " + h + " " + t;
}

// Pieces of `text` between top-level `sep`s (not inside [...]).
std::vector<std::string> split_top(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : text) {
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (c == sep && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(trim(cur));
  return out;
}

// Reads one rule cell; every problem is a DataFileError at `where`.
class RuleReader {
 public:
  RuleReader(const RuleSet& set, const Lexicon& lex, std::string where) : set_(set), lex_(lex), where_(std::move(where)) {}

  [[noreturn]] void fail(const std::string& code, const std::string& message) const {
    throw DataFileError(make_error(code, where_, message));
  }

  // "obl*" (obl and its subtypes), "nsubj:pass", "*" (any), alternatives with '|'.
  std::vector<std::uint8_t> labels(const std::string& spec) const {
    std::vector<std::uint8_t> out;
    if (spec == "*") return out;
    for (const std::string& one : split_nonempty(spec, '|')) {
      const bool family = one.back() == '*';
      const std::string base = family ? one.substr(0, one.size() - 1) : one;
      bool found = false;
      for (std::size_t i = 0; i < set_.labels().size(); ++i) {
        const std::string& l = set_.labels()[i];
        if (l == base || (family && l.rfind(base + ":", 0) == 0)) {
          out.push_back(static_cast<std::uint8_t>(i));
          found = true;
        }
      }
      if (!found) fail("E341", "unknown dependency relation '" + base + "' (the parser's labels are UD relations)");
    }
    return out;
  }

  // "pos=VERB|NOUN,type=Person,kind=media,list=force,case=with,lemma=meet,!obj"
  NodeTest tests(const std::string& spec) const {
    NodeTest t;
    for (const std::string& item : split_nonempty(spec, ',')) {
      const std::string it = trim(item);
      if (it.empty()) continue;
      if (it[0] == '!') {
        auto l = labels(it.substr(1));
        t.without.insert(t.without.end(), l.begin(), l.end());
        continue;
      }
      const auto eq = it.find('=');
      if (eq == std::string::npos) fail("E340", "test '" + it + "' is not key=value or !label");
      const std::string key = it.substr(0, eq);
      const std::vector<std::string> values = split_nonempty(it.substr(eq + 1), '|');
      if (values.empty()) fail("E340", "test '" + it + "' has no value");
      for (const std::string& v : values) {
        if (key == "pos") {
          const int tag = set_.tag(v);
          if (tag < 0) fail("E341", "unknown part-of-speech tag '" + v + "' (UPOS)");
          t.upos.push_back(static_cast<std::uint8_t>(tag));
        } else if (key == "type") {
          auto type = parse_entity_type(v);
          if (!type) fail("E341", "unknown entity type '" + v + "'");
          t.types.push_back(*type);
        } else if (key == "kind") {
          if (!lex_.is_organisation_kind(v)) fail("E341", "unknown organisation kind '" + v + "' (organisations.tsv `kind`)");
          t.kinds.push_back(v);
        } else if (key == "list") {
          if (!lex_.list_bit(v)) fail("E341", "unknown word list '" + v + "' (ontology/lexicon/word_lists.tsv)");
          t.lists.push_back(v);
        } else if (key == "case") {
          t.cases.push_back(v);
        } else if (key == "lemma") {
          t.lemmas.push_back(v);
        } else {
          fail("E340", "unknown test '" + key + "' (pos, type, kind, list, case, lemma, !label)");
        }
      }
    }
    return t;
  }

  // "label[tests]" or "^label[tests]".
  Step step(const std::string& spec) const {
    Step s;
    std::string rest = spec;
    if (!rest.empty() && rest[0] == '^') {
      s.up = true;
      rest.erase(0, 1);
    }
    std::string label = rest, test;
    if (auto open = rest.find('['); open != std::string::npos) {
      if (rest.back() != ']') fail("E340", "step '" + spec + "' has '[' without a closing ']'");
      label = rest.substr(0, open);
      test = rest.substr(open + 1, rest.size() - open - 2);
    }
    if (label.empty()) fail("E340", "step '" + spec + "' names no relation (use * for any)");
    s.labels = labels(label);
    s.test = tests(test);
    return s;
  }

  Path path(const std::string& spec) const {
    Path p;
    for (const std::string& st : split_top(spec, '/')) {
      if (st.empty()) fail("E340", "empty step in path '" + spec + "'");
      p.push_back(step(st));
    }
    return p;
  }

  std::vector<Path> paths(const std::string& spec) const {
    std::vector<Path> out;
    for (const std::string& alt : split_top(spec, ';')) {
      if (alt.empty()) fail("E340", "empty path in '" + spec + "'");
      out.push_back(path(alt));
    }
    return out;
  }

  // "meet|host[pos=VERB,!obj]"; with `any`, "*" or "*[tests]" too: every lemma
  NodeTest trigger(const std::string& spec, bool any = false) const {
    std::string words = spec, test;
    if (auto open = spec.find('['); open != std::string::npos) {
      if (spec.back() != ']') fail("E340", "trigger '" + spec + "' has '[' without a closing ']'");
      words = spec.substr(0, open);
      test = spec.substr(open + 1, spec.size() - open - 2);
    }
    NodeTest t = tests(test);
    if (any && words == "*") return t;
    t.lemmas = split_nonempty(words, '|');
    if (t.lemmas.empty()) fail("E340", "trigger '" + spec + "' names no lemma");
    return t;
  }

  // "head:^obl[lemma=pull]" (a path from the anchor), "head[pos=VERB]" (a test of the anchor),
  // "sentence[list=sports_context]" (a test some token passes); "!" before any of them negates it
  VetoCondition condition(const std::string& spec) const {
    VetoCondition c;
    std::string rest = spec;
    if (!rest.empty() && rest[0] == '!') {
      c.negate = true;
      rest = trim(rest.substr(1));
    }
    static const std::pair<const char*, VetoCondition::Anchor> kAnchors[] = {
        {"trigger", VetoCondition::Anchor::Trigger}, {"head", VetoCondition::Anchor::Head},
        {"tail", VetoCondition::Anchor::Tail}, {"sentence", VetoCondition::Anchor::Sentence}};
    for (const auto& [name, anchor] : kAnchors) {
      const std::size_t n = std::string_view(name).size();
      if (rest.compare(0, n, name) != 0 || rest.size() == n) continue;
      c.anchor = anchor;
      if (rest[n] == '[') {
        if (rest.back() != ']') fail("E346", "condition '" + spec + "' has '[' without a closing ']'");
        c.test = tests(rest.substr(n + 1, rest.size() - n - 2));
        if (c.test.empty()) fail("E346", "condition '" + spec + "' tests nothing");
        return c;
      }
      if (rest[n] == ':' && anchor != VetoCondition::Anchor::Sentence) {
        c.path = path(rest.substr(n + 1));
        return c;
      }
    }
    fail("E346", "condition '" + spec + "' is none of anchor:path, anchor[tests], sentence[tests] (anchors: trigger, head, tail)");
  }

 private:
  const RuleSet& set_;
  const Lexicon& lex_;
  std::string where_;
};

}  // namespace

int RuleSet::label(std::string_view name) const {
  for (std::size_t i = 0; i < labels_.size(); ++i)
    if (labels_[i] == name) return static_cast<int>(i);
  return -1;
}

int RuleSet::tag(std::string_view name) const {
  for (std::size_t i = 0; i < tags_.size(); ++i)
    if (tags_[i] == name) return static_cast<int>(i);
  return -1;
}

const std::string& RuleSet::lemma(const std::string& key) const {
  auto it = lemmas_.find(key);
  return it == lemmas_.end() ? key : it->second;
}

namespace {
const std::vector<const Rule*> kNoRules;
}  // namespace

const std::vector<const Rule*>& RuleSet::rules_of(const std::string& lemma) const {
  auto it = trigger_lemmas_.find(lemma);
  return it == trigger_lemmas_.end() ? kNoRules : it->second;
}

void RuleSet::index_keys() {
  key_entries_.clear();
  for (const auto& [key, lemma] : lemmas_) key_entries_.push_back({key, &lemma, &rules_of(lemma)});
  for (const auto& [lemma, rules] : trigger_lemmas_)
    if (!lemmas_.count(lemma)) key_entries_.push_back({lemma, nullptr, &rules});
  std::size_t size = 16;
  while (size < 2 * key_entries_.size()) size *= 2;
  key_slots_.assign(size, KeySlot{});
  for (std::size_t e = 0; e < key_entries_.size(); ++e) {
    const std::uint64_t h = key_hash(key_entries_[e].key);
    std::size_t i = static_cast<std::size_t>(h) & (size - 1);
    while (key_slots_[i].entry != 0) i = (i + 1) & (size - 1);
    key_slots_[i] = {h, static_cast<std::uint32_t>(e + 1)};
  }
}

RuleSet::KeyWords RuleSet::words_of(std::uint64_t hash, const std::string& key) const {
  const std::size_t mask = key_slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask; key_slots_[i].entry != 0; i = (i + 1) & mask) {
    if (key_slots_[i].hash != hash) continue;
    const KeyEntry& e = key_entries_[key_slots_[i].entry - 1];
    if (e.key == key) return {e.lemma ? e.lemma : &key, e.rules};
  }
  return {&key, &kNoRules};
}

const std::vector<ModalityCue>* RuleSet::cues(const std::string& word) const {
  auto it = cues_.find(word);
  return it == cues_.end() ? nullptr : &it->second;
}

RuleSet RuleSet::load(const std::filesystem::path& dir, const Lexicon& lex, const std::vector<std::string>& labels,
                      const std::vector<std::string>& tags) {
  RuleSet set;
  set.labels_ = labels;
  set.tags_ = tags;
  if (set.labels_.size() > 255 || set.tags_.size() > 255)
    throw DataFileError(make_error("E341", dir.string(), "the parser has more than 255 labels or tags"));

  const TsvTable lemmas = load_tsv(dir / "lemmas.tsv", "lemmas");
  for (const TsvRow& r : lemmas.rows) {
    if (r.cells.size() != 2) throw DataFileError(make_error("E340", lemmas.where(r), "expected form and lemma"));
    if (!set.lemmas_.emplace(normalize_key(r[0]), normalize_key(r[1])).second)
      throw DataFileError(make_error("E340", lemmas.where(r), "form '" + r[0] + "' listed twice"));
  }

  const TsvTable cues = load_tsv(dir / "modality_scope.tsv", "modality-scope");
  for (const TsvRow& r : cues.rows) {
    static const std::pair<const char*, CueKind> kKinds[] = {{"aux", CueKind::Aux},           {"neg", CueKind::Neg},
                                                             {"mark", CueKind::Mark},         {"governor", CueKind::Governor},
                                                             {"modifier", CueKind::Modifier}, {"case", CueKind::Case},
                                                             {"time-clause", CueKind::TimeClause}, {"own-only", CueKind::OwnOnly},
                                                             {"mover", CueKind::Mover}, {"infinitive", CueKind::Infinitive},
                                                             {"agent-goal", CueKind::AgentGoal},
                                                             {"infinitive-subject", CueKind::InfinitiveSubject}};
    ModalityCue cue;
    bool kind_found = false;
    for (const auto& [name, kind] : kKinds)
      if (r[1] == name) {
        cue.kind = kind;
        kind_found = true;
      }
    if (!kind_found)
      throw DataFileError(make_error("E342", cues.where(r), "unknown cue kind '" + r[1] + "' (aux, neg, mark, governor, modifier, case, time-clause, own-only, mover, infinitive, agent-goal, infinitive-subject)"));
    auto modality = parse_modality(r[2]);
    if (!modality) throw DataFileError(make_error("E342", cues.where(r), "unknown modality '" + r[2] + "'"));
    cue.modality = *modality;
    set.cues_[normalize_key(r[0])].push_back(cue);
  }

  const TsvTable rules = load_tsv(dir / "rules.tsv", "relation-rules");
  for (const TsvRow& r : rules.rows) {
    RuleReader read(set, lex, rules.where(r));
    Rule rule;
    rule.where = rules.where(r);
    rule.id = r[0];
    for (const Rule& other : set.rules_)
      if (other.id == rule.id) read.fail("E340", "rule id '" + rule.id + "' used before, at " + other.where);
    auto relation = parse_relation_type(r[1]);
    if (!relation) read.fail("E341", "unknown relation type '" + r[1] + "'");
    rule.relation = *relation;
    rule.trigger = read.trigger(r[2]);
    rule.head = read.paths(r[3]);
    if (r[4] == "=") {
      rule.pairs = true;
    } else {
      rule.tail = read.paths(r[4]);
    }
    if (r[5] != "-")
      for (const std::string& req : split_top(r[5], '&')) {
        if (!req.empty() && req[0] == '!')
          rule.forbid.push_back(read.path(trim(req.substr(1))));
        else
          rule.require.push_back(read.path(req));
      }
    for (const Path& p : rule.require) {
      NodeTest need;
      need.lemmas = p.back().test.lemmas;
      need.lists = p.back().test.lists;
      if (!need.lemmas.empty() || !need.lists.empty()) rule.needs.push_back(std::move(need));
    }
    set.rules_.push_back(std::move(rule));
  }
  // after the vector stops growing: pointers into it stay valid
  for (const Rule& rule : set.rules_)
    for (const std::string& l : rule.trigger.lemmas) set.trigger_lemmas_[l].push_back(&rule);

  const auto confidence_file = dir / "rule_confidence.tsv";
  if (std::filesystem::exists(confidence_file)) {
    const TsvTable conf = load_tsv(confidence_file, "rule-confidence");
    for (const TsvRow& r : conf.rows) {
      auto it = std::find_if(set.rules_.begin(), set.rules_.end(), [&](const Rule& x) { return x.id == r[0]; });
      if (it == set.rules_.end()) throw DataFileError(make_error("E343", conf.where(r), "no rule '" + r[0] + "' in rules.tsv"));
      try {
        it->confidence = std::stod(r[3]);
      } catch (const std::exception&) {
        throw DataFileError(make_error("E343", conf.where(r), "confidence '" + r[3] + "' is not a number"));
      }
    }
  }

  // Optional, like the confidences: without it nothing is dropped.
  const auto filter_file = dir / "relation_filter.tsv";
  if (std::filesystem::exists(filter_file)) {
    const TsvTable filter = load_tsv(filter_file, "relation-filter");
    for (const TsvRow& r : filter.rows) {
      if (r.cells.size() != 4) throw DataFileError(make_error("E344", filter.where(r), "expected kind, key, fired, right"));
      if (r[0] == "types") {
        const auto words = split_top(r[1], ' ');
        if (words.size() != 3) throw DataFileError(make_error("E344", filter.where(r), "types key is 'relation HeadType TailType'"));
        const auto relation = parse_relation_type(words[0]);
        const auto head = parse_entity_type(words[1]);
        const auto tail = parse_entity_type(words[2]);
        if (!relation || !head || !tail)
          throw DataFileError(make_error("E344", filter.where(r), "unknown relation or entity type in '" + r[1] + "'"));
        set.filtered_types_.insert(types_key(*relation, *head, *tail));
      } else if (r[0] == "resolved") {
        set.filtered_resolved_.insert(r[1]);
      } else if (r[0] == "rule") {
        set.filtered_rules_.insert(r[1]);
      } else {
        throw DataFileError(make_error("E344", filter.where(r), "unknown kind '" + r[0] + "' (types, resolved, rule)"));
      }
    }
  }
  // Optional too: without it nothing is vetoed.
  const auto veto_file = dir / "vetoes.tsv";
  if (std::filesystem::exists(veto_file)) {
    const TsvTable vetoes = load_tsv(veto_file, "relation-vetoes");
    for (const TsvRow& r : vetoes.rows) {
      RuleReader read(set, lex, vetoes.where(r));
      if (r.cells.size() != 5) read.fail("E346", "expected id, relation, rules, trigger, condition");
      Veto v;
      v.where = vetoes.where(r);
      v.id = r[0];
      for (const Veto& other : set.vetoes_)
        if (other.id == v.id) read.fail("E346", "veto id '" + v.id + "' used before, at " + other.where);
      auto relation = parse_relation_type(r[1]);
      if (!relation) read.fail("E346", "unknown relation type '" + r[1] + "'");
      v.relation = *relation;
      if (r[2] != "*") v.rules = r[2];
      v.trigger = read.trigger(r[3], true);
      if (r[4] != "-")
        for (const std::string& c : split_top(r[4], '&')) v.conditions.push_back(read.condition(c));
      set.vetoes_.push_back(std::move(v));
    }
  }
  set.index_keys();
  return set;
}

bool RuleSet::filtered(RelationType type, EntityType head, EntityType tail, const std::string& rule, bool resolved) const {
  if (filtered_rules_.count(rule) || (resolved && filtered_resolved_.count(rule))) return true;
  // A rule that reads a country or body through its representatives ("met with the leaders of
  // Egypt and Japan", ids ending in "-group") names a party by its people: the argument-type cells,
  // counted on countries standing alone ("Russia met Trump"), do not judge it.
  if (is_group_rule(rule)) return false;
  return !filtered_types_.empty() && filtered_types_.count(types_key(type, head, tail));
}

}  // namespace kgraph::extract::match
