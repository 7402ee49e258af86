#include "extract/match/sentence_parses.hpp"

#include <algorithm>

#include "extract/entities/name_rules.hpp"
#include "extract/entities/quote_attribution.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/profile/stage_profile.hpp"
#include "extract/syntax/syntax_model.hpp"

namespace kgraph::extract::match {
namespace {

// Whether token i is a pronoun the resolver may bind to a person: "he", "she", or "I"/"you" in a quote.
bool bindable_pronoun(const Analysis& a, std::uint32_t i) {
  return a.in_list("person_pronoun", i) ||
         (a.tokens[i].quote >= 0 && (a.in_list("first_person", i) || a.in_list("second_person", i)));
}

// Whether token i may be a relation argument: a name, or a pronoun the resolver may bind.
bool may_be_argument(const Analysis& a, std::uint32_t i) { return a.tokens[i].mention >= 0 || bindable_pronoun(a, i); }

// Whether a mention of an entity of type t is a capital the entity stage kept as a city, which a meeting
// or conversation rule may read as its country (parse_relations' country_of_capital_party).
bool capital_kept_as_city(const MentionDraft& md, EntityType t) {
  return t == EntityType::Location && md.source == MentionSource::Gazetteer && md.kind == LexKind::Capital;
}

// Whether the sentence has a word that a need of a rule asks for.
bool has_need(const Analysis& a, const NodeTest& need, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t i = first; i < last; ++i) {
    const std::string& lemma = rule_lemma(a, i);
    for (const std::string& l : need.lemmas)
      if (l == lemma) return true;
    for (const std::string& list : need.lists)
      if (a.in_list(list, i) || a.lex.in_list(list, lemma)) return true;
  }
  return false;
}

// The possible arguments of a sentence, by what they can be: a party to a meeting or call
// (a person, organisation or country, or a person pronoun), an owner of forces (a country or
// organisation), a place forces go to (a country or location).
struct Candidates {
  int parties = 0, owners = 0, places = 0;
  int forces = 0;  // force words (word list force) outside names, which may stand for an owner named before
  int capitals = 0;  // capitals kept as cities: parties of a meeting or conversation only (SentenceEntities::capitals)
};

Candidates candidates_in(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  Candidates c;
  for (std::uint32_t i = first; i < last; ++i) {
    const int m = a.tokens[i].mention;
    if (m < 0) {
      if (may_be_argument(a, i)) ++c.parties;
      if (a.in_list("force", i)) ++c.forces;
      if (a.in_list("plural_reference", i)) c.parties += 2;  // "they", "the two": a pair named before
      continue;
    }
    const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
    const EntityType t = md.entity >= 0 ? a.entities[static_cast<std::size_t>(md.entity)].type : md.type;
    c.parties += t == EntityType::Person || t == EntityType::Organisation || t == EntityType::Country;
    c.owners += t == EntityType::Organisation || t == EntityType::Country;
    c.places += t == EntityType::Location || t == EntityType::Country;
    c.capitals += capital_kept_as_city(md, t);
    i = std::max(i, md.last - 1);
  }
  return c;
}

// Whether a head path of the rule ends on a force word with no type test: the owner of forces
// that name none is read from the sentences before (parse_relations, owner_of_forces_before).
bool heads_on_forces(const Rule& rule) {
  for (const Path& p : rule.head) {
    const NodeTest& last = p.back().test;
    if (last.types.empty() && std::find(last.lists.begin(), last.lists.end(), "force") != last.lists.end()) return true;
  }
  return false;
}

bool enough_for(const Rule& rule, const Candidates& c) {
  if (rule.relation == RelationType::DeployedTo) {
    if (heads_on_forces(rule)) return c.forces >= 1 && c.places >= 1;
    return c.owners >= 1 && c.places >= 1 && c.owners + c.places >= 2;
  }
  if (rule.relation == RelationType::MetWith || rule.relation == RelationType::SpokeWith) return c.parties + c.capitals >= 2;
  return c.parties >= 2;
}

// The entities a parse rule's arguments could stand for in a sentence (match::entity_at):
// the entity of each mention, and "wildcards", tokens that may stand for an entity found
// elsewhere (a person pronoun, "I" in a quote: any type, to be safe). A relative pronoun
// or a title stands for a name of the same sentence, which is counted already.
struct SentenceEntities {
  std::vector<int> ids;  // distinct entity indices
  int wildcards = 0;
  // capitals kept as cities, which a meeting or conversation rule may read as their country
  // (parse_relations' country_of_capital_party)
  int capitals = 0;
};

SentenceEntities entities_in(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  SentenceEntities e;
  for (std::uint32_t i = first; i < last; ++i) {
    const int m = a.tokens[i].mention;
    if (m < 0) {
      if (bindable_pronoun(a, i)) ++e.wildcards;
      if (a.in_list("plural_reference", i)) e.wildcards += 2;  // "they", "the two": a pair named before
      continue;
    }
    const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
    const int id = md.entity;
    if (id >= 0 && std::find(e.ids.begin(), e.ids.end(), id) == e.ids.end()) {
      e.ids.push_back(id);
      e.capitals += capital_kept_as_city(md, a.entities[static_cast<std::size_t>(id)].type);
    }
  }
  return e;
}

// Whether the sentence has two distinct entities that parse_relations' type check (fits)
// lets the relation join: a head and a tail, wildcards standing for any entity.
bool can_join(const Analysis& a, RelationType relation, const SentenceEntities& e) {
  auto type = [&](int id) { return a.entities[static_cast<std::size_t>(id)].type; };
  const int w = e.wildcards;
  if (w >= 2) return true;
  if (relation == RelationType::MetWith || relation == RelationType::SpokeWith) {
    int parties = w + e.capitals;
    for (int id : e.ids)
      parties += type(id) == EntityType::Person || type(id) == EntityType::Organisation || type(id) == EntityType::Country;
    return parties >= 2;
  }
  if (relation == RelationType::DeployedTo) {
    bool owner = false, place = false;
    int either = w;
    for (int id : e.ids) {
      const EntityType t = type(id);
      const bool o = t == EntityType::Country || t == EntityType::Organisation;
      const bool p = t == EntityType::Country || t == EntityType::Location;
      owner = owner || o;
      place = place || p;
      either += o || p;
    }
    // one wildcard joins any owner or place; without one, an owner and a place that differ
    return w == 1 ? either >= 2 : owner && place && either >= 2;
  }
  if (relation == RelationType::HoldsPosition) {
    // a person and the organisation or country whose office it holds; a wildcard may be either
    bool person = false, office = false;
    for (int id : e.ids) {
      person = person || type(id) == EntityType::Person;
      office = office || type(id) == EntityType::Organisation || type(id) == EntityType::Country;
    }
    return w == 1 ? person || office : person && office;
  }
  return static_cast<int>(e.ids.size()) + w >= 2;
}

// Whether the sentence has a place forces may go to (a country or location, or a wildcard).
bool has_place(const Analysis& a, const SentenceEntities& e) {
  if (e.wildcards > 0) return true;
  for (int id : e.ids) {
    const EntityType t = a.entities[static_cast<std::size_t>(id)].type;
    if (t == EntityType::Country || t == EntityType::Location) return true;
  }
  return false;
}

// Whether token i passes the word tests of `test` (lemmas, word lists) as a parsed token
// would (passes() in rule_matcher.cpp reads the same lemma and lists).
bool passes_words(const Analysis& a, const NodeTest& test, std::uint32_t i) {
  const std::string& lemma = rule_lemma(a, i);
  if (!test.lemmas.empty() && std::find(test.lemmas.begin(), test.lemmas.end(), lemma) == test.lemmas.end()) return false;
  for (const std::string& list : test.lists)
    if (!a.in_list(list, i) && !a.lex.in_list(list, lemma)) return false;
  return true;
}

// Whether the sentence has an entity of one of `types` for a token to stand for (entity_at
// gives a mention's entity, or a pronoun's, of any type to be safe); true when there is no type test.
bool has_type(const Analysis& a, const std::vector<EntityType>& types, const SentenceEntities& e) {
  if (types.empty() || e.wildcards > 0) return true;
  for (int id : e.ids)
    if (std::find(types.begin(), types.end(), a.entities[static_cast<std::size_t>(id)].type) != types.end()) return true;
  return false;
}

// Whether the sentence has an organisation of one of `kinds` (an outlet for "said on CNN"): a
// rule on a frequent trigger ("say") parses only the sentences that name one. A pronoun stands
// for no outlet, so wildcards do not count.
bool has_kind(const Analysis& a, const std::vector<std::string>& kinds, const SentenceEntities& e) {
  if (kinds.empty()) return true;
  for (int id : e.ids)
    if (std::find(kinds.begin(), kinds.end(), a.entities[static_cast<std::size_t>(id)].org_kind) != kinds.end()) return true;
  return false;
}

// Whether some token of the sentence could pass `test` whatever the tree: one with its
// lemma and lists, a token that is one of its case words (the case child it needs), and
// an entity of its types.
bool could_pass(const Analysis& a, const NodeTest& test, std::uint32_t first, std::uint32_t last, const SentenceEntities& e) {
  if (!has_type(a, test.types, e)) return false;
  if (!has_kind(a, test.kinds, e)) return false;
  if (!test.cases.empty()) {
    bool found = false;
    for (std::uint32_t i = first; i < last && !found; ++i)
      found = std::find(test.cases.begin(), test.cases.end(), a.key(i)) != test.cases.end();
    if (!found) return false;
  }
  if (test.lemmas.empty() && test.lists.empty()) return true;
  for (std::uint32_t i = first; i < last; ++i)
    if (passes_words(a, test, i)) return true;
  return false;
}

// Whether a path could reach a token: every step lands on a token of the sentence that
// passes the step's test, so each step's words must be in the sentence.
bool could_reach(const Analysis& a, const Path& path, std::uint32_t first, std::uint32_t last, const SentenceEntities& e) {
  for (const Step& step : path)
    if (!could_pass(a, step.test, first, last, e)) return false;
  return true;
}

bool could_reach_any(const Analysis& a, const std::vector<Path>& paths, std::uint32_t first, std::uint32_t last,
                     const SentenceEntities& e) {
  for (const Path& p : paths)
    if (could_reach(a, p, first, last, e)) return true;
  return false;
}

// Whether `rule` could match at trigger token i in any parse (match_sentence): the trigger's
// word tests, every required path, a path to a head and (unless pairs) to a tail.
bool could_match(const Analysis& a, const Rule& rule, std::uint32_t i, std::uint32_t first, std::uint32_t last,
                 const SentenceEntities& e) {
  if (!passes_words(a, rule.trigger, i)) return false;
  if (!rule.trigger.cases.empty() || !rule.trigger.types.empty()) {
    NodeTest rest;
    rest.cases = rule.trigger.cases;
    rest.types = rule.trigger.types;
    if (!could_pass(a, rest, first, last, e)) return false;
  }
  for (const Path& p : rule.require)
    if (!could_reach(a, p, first, last, e)) return false;
  return could_reach_any(a, rule.head, first, last, e) && (rule.pairs || could_reach_any(a, rule.tail, first, last, e));
}

// Whether the holds_position trigger at token i could join a holder and an office. The rules
// take the office from the title's own dependents (nmod "of", nmod:poss, compound, amod) or
// from those of the name the title is a compound of, and the holder from the title's head or
// dependents (appos, compound, nsubj of a copula), which the parser puts within a few words of
// the title: an organisation or country mention lies within kOfficeBefore words before the
// trigger or kOfficeAfter after it, and a person mention within kHolderBefore before or
// kHolderAfter after (a pronoun may stand for either). On realnews-train every office the
// parse rules found lies within 6 words before and 9 after the title, every holder within 15
// before and 5 after.
constexpr std::uint32_t kOfficeBefore = 8, kOfficeAfter = 12, kHolderBefore = 20, kHolderAfter = 8;

bool near_title(const Analysis& a, std::uint32_t i, std::uint32_t first, std::uint32_t last, std::uint32_t before,
                std::uint32_t after, bool office) {
  const std::uint32_t from = i > first + before ? i - before : first;
  const std::uint32_t to = std::min(last, i + after + 1);
  for (std::uint32_t k = from; k < to; ++k) {
    const int m = a.tokens[k].mention;
    if (m < 0) {
      if (may_be_argument(a, k) || a.in_list("plural_reference", k)) return true;
      continue;
    }
    const int id = a.mentions[static_cast<std::size_t>(m)].entity;
    if (id < 0) continue;
    const EntityType t = a.entities[static_cast<std::size_t>(id)].type;
    if (office ? t == EntityType::Organisation || t == EntityType::Country : t == EntityType::Person) return true;
  }
  return false;
}

bool holder_and_office_near(const Analysis& a, std::uint32_t i, std::uint32_t first, std::uint32_t last) {
  return near_title(a, i, first, last, kOfficeBefore, kOfficeAfter, true) &&
         near_title(a, i, first, last, kHolderBefore, kHolderAfter, false);
}

// Whether some rule triggered in the sentence has its required words and the arguments
// its relation needs (counted by tokens); with `entities`, also distinct entities it can join,
// the words its trigger and paths test for (could_match) and, for holds_position, a holder
// and an office near the title (holder_and_office_near).
bool worth_parsing(const Analysis& a, int s, const SentenceEntities* entities = nullptr) {
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  // most sentences trigger no rule: that answers before the arguments are counted
  bool triggered = false;
  for (std::uint32_t i = first; i < last && !triggered; ++i)
    triggered = a.tokens[i].mention < 0 && !trigger_rules(a, i).empty();
  if (!triggered) return false;
  const Candidates c = candidates_in(a, first, last);
  if (c.parties + c.capitals < 2 && c.owners + c.places < 2 && !(c.forces >= 1 && c.places >= 1)) return false;
  for (std::uint32_t i = first; i < last; ++i) {
    if (a.tokens[i].mention >= 0) continue;
    for (const Rule* rule : trigger_rules(a, i)) {
      if (!enough_for(*rule, c)) continue;
      if (entities && !(heads_on_forces(*rule) ? has_place(a, *entities) : can_join(a, rule->relation, *entities))) continue;
      if (entities && !could_match(a, *rule, i, first, last, *entities)) continue;
      if (entities && rule->relation == RelationType::HoldsPosition && !holder_and_office_near(a, i, first, last)) continue;
      bool ok = true;
      for (const NodeTest& need : rule->needs) ok = ok && has_need(a, need, first, last);
      if (ok) return true;
    }
  }
  return false;
}

// A place, organisation or demonym mention that may qualify a title before a person.
bool qualifier_mention(const MentionDraft& m) {
  return m.type == EntityType::Organisation || m.type == EntityType::Country || m.type == EntityType::Location;
}

// A token folded into the parser word of the person after it, with the head and label it gets.
struct Folded {
  std::uint32_t head = 0;
  int label = -1;
};

// The run of title words and place/organisation/demonym mentions right before each person
// mention that has a title in it ("Ukrainian President Petro Poroshenko", "Guam Gov. Eddie
// Calvo", "State Councilor Yang Jiechi"). The parser often takes such a chain for a name of
// its own and heads it with the place, which cuts the path from a verb to the person; folded
// into the person's word, the chain is read back the way the title rules read it: each title
// word a compound of the person, each qualifier an amod (demonym) or compound of the title
// that follows it.
std::vector<Folded> fold_title_chains(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  std::vector<Folded> folded(last - first);
  const int compound = a.rules->label("compound"), amod = a.rules->label("amod");
  for (std::uint32_t i = first; i < last; ++i) {
    const int pm = a.tokens[i].mention;
    if (pm < 0) continue;
    const MentionDraft& person = a.mentions[static_cast<std::size_t>(pm)];
    if (person.first != i || person.type != EntityType::Person || person.last > last) continue;
    const std::uint32_t word = person.last - 1;
    // walk back over the chain; `next_head` is where a qualifier met next hangs
    std::uint32_t k = i, next_head = word;
    bool titled = false;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces;  // [first, last) title or mention, nearest first
    std::vector<bool> is_title;
    while (k > first) {
      const std::uint32_t e = k - 1;
      const TitleEntry* te = nullptr;
      const int len = title_ending_at(a, e, &te);
      // a form of address ("Mr.") the parser reads well on its own, and folding it moved the
      // parse of what follows the name (realnews-train)
      if (len > 0 && te->kind != "honorific" && e + 1 - static_cast<std::uint32_t>(len) >= first) {
        bool plain = true;
        for (std::uint32_t t = e + 1 - static_cast<std::uint32_t>(len); t <= e; ++t) plain = plain && a.tokens[t].mention < 0;
        if (plain) {
          pieces.emplace_back(e + 1 - static_cast<std::uint32_t>(len), e + 1);
          is_title.push_back(true);
          titled = true;
          k = e + 1 - static_cast<std::uint32_t>(len);
          continue;
        }
      }
      const int qm = a.tokens[e].mention;
      if (qm < 0) break;
      const MentionDraft& q = a.mentions[static_cast<std::size_t>(qm)];
      if (!qualifier_mention(q) || q.last != e + 1 || q.first < first) break;
      pieces.emplace_back(q.first, q.last);
      is_title.push_back(false);
      k = q.first;
    }
    if (!titled) continue;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      const auto [pf, pl] = pieces[p];
      if (is_title[p]) {
        for (std::uint32_t t = pf; t < pl; ++t) folded[t - first] = {word, compound};
        next_head = pl - 1;
        continue;
      }
      const MentionDraft& q = a.mentions[static_cast<std::size_t>(a.tokens[pl - 1].mention)];
      const bool demonym = q.source == MentionSource::Gazetteer && q.kind == LexKind::Demonym;
      folded[pl - 1 - first] = {next_head, demonym ? amod : compound};
      for (std::uint32_t t = pf; t + 1 < pl; ++t) folded[t - first] = {pl - 1, -2};  // flat, as any name
      next_head = pl - 1;
    }
  }
  return folded;
}

// The tag of the parser word that stands for mention m, its token i: a name is a proper
// noun whatever its last word looks like on its own ("Liu He", "Moon Jae-in", "Kim Jong Un"
// read as a pronoun, a preposition, a verb), so the tagger is not asked; a description
// ("the NATO chief") or a name written in lower case is left to the tagger (-1).
int name_tag(const Analysis& a, std::size_t m, std::uint32_t i) {
  const MentionDraft& md = a.mentions[m];
  if (md.source == MentionSource::Description || !a.tokens[i].upper) return -1;
  return a.rules->tag("PROPN");
}

// The treebank the parser learnt from writes apostrophes straight; news on the web writes them
// curly ("Russia\u2019s foray into Syria"), which the tagger then reads as an unknown word, and
// "foray" after it as a verb. The parser sees a clitic's apostrophe straight ("\u2019s", "n\u2019t").
// A lone apostrophe stays: after a plural's possessive ("Fox News\u2019 analyst") the model reads
// the curly one better, and quotation marks too.
void plain_apostrophes(std::string& word) {
  static constexpr std::string_view kCurly = "\u2019";
  if (word.size() == kCurly.size()) return;
  for (std::size_t at = word.find(kCurly); at != std::string::npos; at = word.find(kCurly, at + 1))
    word.replace(at, kCurly.size(), "'");
}

// The rule set's index of each of the parser's relations and tags, as RuleSet::label and
// RuleSet::tag give them for its names (0 for a name the rule set lacks), worked out once
// per rule set and parser rather than by name for every parsed word. The parser is told by
// the serial of its weights (unique per model read in the process), not by its address.
struct NameMaps {
  const RuleSet* rules = nullptr;
  std::uint64_t model = 0;
  std::vector<std::uint8_t> label, tag;
};

const NameMaps& name_maps(const RuleSet& rules, const syntax::SyntaxModel& model) {
  thread_local NameMaps maps;
  if (maps.rules != &rules || maps.model != model.parser_weights().serial()) {
    maps.label.clear();
    maps.tag.clear();
    for (const std::string& l : model.label_names()) maps.label.push_back(static_cast<std::uint8_t>(std::max(rules.label(l), 0)));
    for (const std::string& t : model.tag_names()) maps.tag.push_back(static_cast<std::uint8_t>(std::max(rules.tag(t), 0)));
    maps.rules = &rules;
    maps.model = model.parser_weights().serial();
  }
  return maps;
}

int index_in(const std::vector<std::string>& names, std::string_view name) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

// A person named after a common noun in the second member of a coordination ("the summit
// between X and [the country's] dictator Y", "the minister and spouse Y"): the parser often
// ends the coordination at the noun and reads the name as the start of a new clause (the
// subject of the main verb) or a loose dependent. The name, not the noun, is the conjunct:
// it takes the noun's place (conj of the first member, with the noun's "and"), and the noun
// becomes a compound of the name, as a title before a name is.
void coordinated_title_names(const syntax::SyntaxModel& model, const std::vector<std::uint32_t>& token_of,
                             const std::vector<std::size_t>& person_words, const Analysis& a,
                             syntax::SyntaxModel::ParseIds& p) {
  const int conj = index_in(model.label_names(), "conj"), compound = index_in(model.label_names(), "compound");
  const int cc = index_in(model.label_names(), "cc"), noun = index_in(model.tag_names(), "NOUN");
  if (conj < 0 || compound < 0 || cc < 0 || noun < 0) return;
  for (std::size_t w : person_words) {
    if (w == 0) continue;
    const std::size_t n = w - 1;  // the word before the name
    const int nw = static_cast<int>(n) + 1, ww = static_cast<int>(w) + 1;  // 1-based, as heads are
    if (p.tags[n] != noun || p.labels[n] != conj || a.tokens[token_of[n]].mention >= 0 || a.tokens[token_of[n]].upper) continue;
    if (p.heads[w] == nw || p.heads[n] == ww) continue;
    const int first = p.heads[n];
    bool below = false;  // the first member is under the name: moving the name would make a cycle
    for (int h = first, steps = 0; h > 0 && steps <= static_cast<int>(p.heads.size()); h = p.heads[static_cast<std::size_t>(h - 1)], ++steps)
      below = below || h == ww;
    if (below) continue;
    p.heads[w] = first;
    p.labels[w] = conj;
    p.heads[n] = ww;
    p.labels[n] = compound;
    for (std::size_t d = 0; d < n; ++d)
      if (p.heads[d] == nw && p.labels[d] == cc) p.heads[d] = ww;
  }
}

void parse_sentence(Analysis& a, int s, const syntax::SyntaxModel& model) {
  profile::StageTimer timer(profile::Stage::Parse);  // tagging and parsing, out of the relation stage's time
  const std::uint32_t last = a.sentence_last(s);
  // A dateline ("(CNN) -", "KYIV (Reuters) -") is no part of the sentence's grammar: given to the
  // parser, its outlet became the head of the name after it ("CNN" over "John Kerry") and the
  // verb a loose dependent. Its tokens stay unattached, the sentence is parsed from after it.
  const std::uint32_t first = after_dateline(a, a.sentence_first(s), last);
  if (a.deps.empty()) a.deps.resize(a.token_count());
  for (std::uint32_t i = a.sentence_first(s); i < first; ++i) {
    a.deps[i] = DepInfo{};
    a.deps[i].label = static_cast<std::uint8_t>(std::max(a.rules->label("dep"), 0));
    a.deps[i].upos = static_cast<std::uint8_t>(std::max(a.rules->tag("X"), 0));
    a.deps[i].lemma = rule_lemma(a, i);
  }
  std::vector<std::string> words;
  std::vector<std::uint32_t> token_of;  // parser word -> the kgraph token it stands for
  std::vector<int> fixed_tags;          // per parser word: the tag a name is known to have, or -1
  std::vector<std::size_t> person_words;  // parser words that stand for a person's name
  const std::uint8_t flat = static_cast<std::uint8_t>(std::max(a.rules->label("flat"), 0));
  const std::vector<Folded> folded = fold_title_chains(a, first, last);
  // A name of several tokens is one word to the parser, its last token ("Scholz" for
  // "Olaf Scholz"): the parser then sees a plain proper noun where it would often
  // misread a run of unknown capitalised words. The other tokens hang from it by flat.
  std::vector<int> word_of(last - first, -1);
  for (std::uint32_t i = first; i < last; ++i) {
    if (folded[i - first].label != -1) continue;  // part of a person's title chain
    const int m = a.tokens[i].mention;
    if (m >= 0) {
      const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
      if (i + 1 < std::min(md.last, last)) continue;  // not the mention's last token
    }
    word_of[i - first] = static_cast<int>(words.size());
    // A demonym ("North Korean", "Russian") modifies a noun like any adjective of nationality;
    // the parser knows the common one far better than rare ones, which it takes for names.
    const bool demonym = m >= 0 && a.mentions[static_cast<std::size_t>(m)].source == MentionSource::Gazetteer &&
                         a.mentions[static_cast<std::size_t>(m)].kind == LexKind::Demonym;
    const int fixed = m >= 0 && !demonym ? name_tag(a, static_cast<std::size_t>(m), i) : -1;
    if (fixed >= 0 && a.mentions[static_cast<std::size_t>(m)].type == EntityType::Person) person_words.push_back(words.size());
    words.emplace_back(demonym ? std::string_view("American") : a.token_text(i));
    plain_apostrophes(words.back());
    fixed_tags.push_back(fixed);
    token_of.push_back(i);
  }
  if (words.size() < 2) return;
  if (profile::enabled()) profile::count_parse(static_cast<std::int64_t>(words.size()));
  syntax::SyntaxModel::ParseIds p = model.parse_ids(words, fixed_tags);
  coordinated_title_names(model, token_of, person_words, a, p);
  const NameMaps& maps = name_maps(*a.rules, model);
  for (std::size_t w = 0; w < words.size(); ++w) {
    DepInfo& d = a.deps[token_of[w]];
    d.head = p.heads[w] == 0 ? -1 : static_cast<int>(token_of[static_cast<std::size_t>(p.heads[w] - 1)]);
    d.label = maps.label[static_cast<std::size_t>(p.labels[w])];
    d.upos = maps.tag[static_cast<std::size_t>(p.tags[w])];
  }
  for (std::uint32_t i = last; i-- > first;) {
    DepInfo& d = a.deps[i];
    d.lemma = rule_lemma(a, i);
    if (word_of[i - first] >= 0) continue;
    if (const Folded& f = folded[i - first]; f.label != -1) {
      d.head = static_cast<int>(f.head);
      d.label = f.label == -2 ? flat : static_cast<std::uint8_t>(std::max(f.label, 0));
      d.upos = a.deps[f.head].upos;
      continue;
    }
    // a name's earlier token: its head is the name's parsed token (the next one that has a word)
    std::uint32_t h = i + 1;
    while (word_of[h - first] < 0) ++h;
    d.head = static_cast<int>(h);
    d.label = flat;
    d.upos = a.deps[h].upos;
  }
  a.parsed[static_cast<std::size_t>(s)] = kParsed;
}

}  // namespace

void select_trigger_sentences(Analysis& a, const syntax::SyntaxModel& model) {
  a.syntax = &model;
  a.rule_lemmas.resize(a.token_count());
  a.token_rules.resize(a.token_count());
  for (std::uint32_t i = 0; i < a.token_count(); ++i) {
    const RuleSet::KeyWords w = a.rules->words_of(a.tokens[i].key_hash, a.key(i));
    a.rule_lemmas[i] = w.lemma;
    a.token_rules[i] = w.rules;
  }
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  a.parsed.assign(static_cast<std::size_t>(std::max(sentences, 0)), 0);
  for (int s = 0; s < sentences; ++s) {
    const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
    if (last - first < 2 || last - first > kMaxParsedTokens || !worth_parsing(a, s)) continue;
    // A sentence whose parse would have fewer than two words (one long name) stays unparsed.
    std::uint32_t words = 0;
    for (std::uint32_t i = first; i < last && words < 2; ++i) {
      const int m = a.tokens[i].mention;
      words += m < 0 || i + 1 >= std::min(a.mentions[static_cast<std::size_t>(m)].last, last);
    }
    if (words >= 2) a.parsed[static_cast<std::size_t>(s)] = kWorthParsing;
  }
}

bool ensure_parsed(Analysis& a, int s) {
  if (!selected(a, s)) return false;
  if (a.parsed[static_cast<std::size_t>(s)] == kWorthParsing) parse_sentence(a, s, *a.syntax);
  return true;
}

bool ensure_parsed_for_token_rule(Analysis& a, int s) {
  if (s < 0 || static_cast<std::size_t>(s) >= a.parsed.size() || !a.syntax) return false;
  if (a.parsed[static_cast<std::size_t>(s)] == 0) {
    const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
    if (last - first < 2 || last - first > kMaxParsedTokens) return false;
    std::uint32_t words = 0;
    for (std::uint32_t i = first; i < last && words < 2; ++i) {
      const int m = a.tokens[i].mention;
      words += m < 0 || i + 1 >= std::min(a.mentions[static_cast<std::size_t>(m)].last, last);
    }
    if (words < 2) return false;
    a.parsed[static_cast<std::size_t>(s)] = kWorthParsing;
  }
  return ensure_parsed(a, s);
}

bool may_yield_relation(const Analysis& a, int s) {
  const SentenceEntities e = entities_in(a, a.sentence_first(s), a.sentence_last(s));
  return worth_parsing(a, s, &e);
}

}  // namespace kgraph::extract::match
