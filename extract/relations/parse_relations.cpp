#include "extract/relations/parse_relations.hpp"

#include <algorithm>
#include <cctype>

#include "extract/match/modality_scope.hpp"
#include "extract/match/rule_matcher.hpp"
#include "extract/match/sentence_parses.hpp"
#include "extract/relations/deployment_modality.hpp"

namespace kgraph::extract {
namespace {

bool is_party(EntityType t) { return t == EntityType::Person || t == EntityType::Organisation || t == EntityType::Country; }

// The argument types a relation allows, whatever the rule says.
bool fits(const Analysis& a, RelationType type, const Argument& head, const Argument& tail) {
  if (head.entity < 0 || tail.entity < 0 || head.entity == tail.entity) return false;
  const EntityType h = a.entities[static_cast<std::size_t>(head.entity)].type;
  const EntityType t = a.entities[static_cast<std::size_t>(tail.entity)].type;
  switch (type) {
    case RelationType::MetWith:
    case RelationType::SpokeWith:
      return is_party(h) && is_party(t);
    case RelationType::DeployedTo:
      return (h == EntityType::Country || h == EntityType::Organisation) &&
             (t == EntityType::Country || t == EntityType::Location);
    case RelationType::HoldsPosition:
      return h == EntityType::Person && (t == EntityType::Country || t == EntityType::Organisation);
    default:
      return true;
  }
}

// The title phrase of a holds_position trigger: the title noun with the words before it that
// modify it and name no entity ("top leader", "deputy national security adviser"), as the
// titles table writes it when it knows the phrase.
std::string title_at(const Analysis& a, const match::SentenceTree& tree, std::uint32_t trigger) {
  // a verb of leading ("X, who heads the IAEA") gives the generic title of its lemma
  if (a.rules->tags()[a.deps[trigger].upos] == "VERB") {
    const TitleEntry* t = a.lex.title(a.deps[trigger].lemma);
    return t ? t->title : "head";
  }
  std::uint32_t first = trigger;
  for (bool grew = true; grew;) {
    grew = false;
    for (std::uint32_t c : tree.children(trigger)) {
      const std::string& l = a.rules->labels()[a.deps[c].label];
      if (c + 1 == first && a.tokens[c].mention < 0 && (l == "amod" || l == "compound" || l == "flat")) {
        first = c;
        grew = true;
      }
    }
  }
  std::string key, text;
  for (std::uint32_t i = first; i <= trigger; ++i) {
    if (i > first) key.push_back(' '), text.push_back(' ');
    key += a.key(i);
    text += a.token_text(i);
  }
  if (const TitleEntry* t = a.lex.title(key)) return t->title;
  return text;
}

// Whether token i is a force word (word list force) that names no owner of its own: no name hangs
// from it and no possessor ("the extra troops", not "X's troops", "troops of the Nth Division",
// "its forces").
bool unowned_force(const Analysis& a, const match::SentenceTree& tree, std::uint32_t i) {
  if (a.tokens[i].mention >= 0 || !a.in_list("force", i)) return false;
  // a modifier that makes them no state's own or of a group ("rebel forces", "U.S.-backed Kurdish forces")
  auto irregular = [&](std::uint32_t k) {
    return a.tokens[k].upper || a.in_list("irregular_force", k) || a.in_list("group_word", k);
  };
  for (std::uint32_t c : tree.children(i)) {
    const std::string& label = a.rules->labels()[a.deps[c].label];
    if (label == "nmod:poss") return false;
    if (c < i && (label == "amod" || label == "compound")) {
      if (irregular(c)) return false;
      for (std::uint32_t k : tree.children(c))
        if (k < c && irregular(k)) return false;
    }
    if (a.tokens[c].mention < 0) continue;
    if (label == "amod" || label == "compound" || label == "flat" || label == "appos") return false;
    if (label == "nmod")  // "troops of the 82nd Airborne", "soldiers from the Army"; not "troops in Iraq"
      for (std::uint32_t k : tree.children(c))
        if (a.rules->labels()[a.deps[k].label] == "case" && (a.key(k) == "of" || a.key(k) == "from")) return false;
  }
  return true;
}

// The person whose clause holds forces with no owner ("President X left office with 500 troops in Y",
// "X came into office and raised the number of troops in Y"): the subject of the first verb above the
// force word, or of the verb that one is joined to or completes ("conj", "xcomp"); entity -1 when the
// forces or a phrase holding them are the subject of a clause on the way, or the subject is no person.
Argument person_holding_forces(const Analysis& a, const match::SentenceTree& tree, std::uint32_t force) {
  const std::vector<std::uint32_t> up = tree.heads_up(force);
  for (std::size_t i = 1; i < up.size(); ++i) {
    const std::string& below = a.rules->labels()[a.deps[up[i - 1]].label];
    if (below.rfind("nsubj", 0) == 0 || below.rfind("csubj", 0) == 0) return {};  // "troops in Y were ready"
    if (a.rules->tags()[a.deps[up[i]].upos] != "VERB") continue;
    std::uint32_t verb = up[i];
    for (int step = 0; step < 3; ++step) {
      const int subject = tree.child(verb, "nsubj");
      if (subject >= 0) {
        const Argument person = match::entity_at(a, tree, static_cast<std::uint32_t>(subject));
        if (person.entity >= 0 && a.entities[static_cast<std::size_t>(person.entity)].type == EntityType::Person)
          return person;
        return {};
      }
      const std::string& l = a.rules->labels()[a.deps[verb].label];
      if ((l != "conj" && l != "xcomp") || tree.head(verb) < 0) return {};
      verb = static_cast<std::uint32_t>(tree.head(verb));
    }
    return {};
  }
  return {};
}

// The places of forces counted again with their number only, after "forces in X": "500 troops in X and
// 5,000 in Y", "troops in X, 200 in Y" (a number joined to the force word or to the place X, "in" and a
// name right after it; word list forces_place_case). Empty unless `place`, after the force word `force`, is one
// under such a case word.
std::vector<std::uint32_t> elided_force_places(const Analysis& a, const match::SentenceTree& tree, std::uint32_t force,
                                               std::uint32_t place) {
  std::vector<std::uint32_t> out;
  auto label_is = [&](std::uint32_t k, std::string_view l) { return a.rules->labels()[a.deps[k].label] == l; };
  auto in_case = [&](std::uint32_t k) {
    const int c = tree.child(k, "case");
    return c >= 0 && a.in_list("forces_place_case", static_cast<std::uint32_t>(c));
  };
  if (!a.in_list("force", force) || place < force || !in_case(place)) return out;
  for (std::uint32_t joined_to : {force, place})
    for (std::uint32_t c : tree.children(joined_to)) {
      if (c < place || !label_is(c, "conj") || a.rules->tags()[a.deps[c].upos] != "NUM") continue;
      // the place right after it, wherever the parse hangs it ("5,000 in Y" is often read as the verb's)
      if (c + 2 < tree.last() && a.in_list("forces_place_case", c + 1) && a.tokens[c + 2].mention >= 0)
        out.push_back(c + 2);
    }
  return out;
}

// The leader of the country at token k that a leader word qualified by it stands for ("the leaders of
// France", "French and Canadian leaders", "Russia's leader"; word list leader_noun): the person the
// text names with that country and a leader's title (country_leader_named); entity -1 otherwise.
Argument leader_of(const Analysis& a, const match::SentenceTree& tree, std::uint32_t k, const Argument& country) {
  Argument out;
  if (country.entity < 0 || a.entities[static_cast<std::size_t>(country.entity)].type != EntityType::Country) return out;
  // a conjunct hangs from the first of the list ("the leaders of Egypt, France and Japan")
  while (tree.head(k) >= 0 && a.rules->labels()[a.deps[k].label] == "conj") k = static_cast<std::uint32_t>(tree.head(k));
  const int h = tree.head(k);
  if (h < 0 || a.tokens[static_cast<std::uint32_t>(h)].mention >= 0 || !a.in_list("leader_noun", static_cast<std::uint32_t>(h)))
    return out;
  const std::string& label = a.rules->labels()[a.deps[k].label];
  if (label != "nmod" && label != "amod" && label != "compound" && label != "nmod:poss") return out;
  out.entity = country_leader_named(a, country.entity);
  out.token = k;
  if (out.entity >= 0)
    out.note = std::string(a.token_text(static_cast<std::uint32_t>(h))) + " of " +
               a.entities[static_cast<std::size_t>(country.entity)].name + " -> " +
               a.entities[static_cast<std::size_t>(out.entity)].name;
  return out;
}

// A capital that a meeting or conversation rule reached as a party ("Y engaged in talks with X",
// "Y's meetings with X"): the rule's path makes it an actor, so it names its government, the
// country's entity of this text; the entity stage may have kept it a city (its own cues did not
// see an actor there). The argument unchanged when it is no capital or the text has no entity of
// its country.
Argument country_of_capital_party(const Analysis& a, const Argument& arg) {
  if (arg.entity < 0 || a.entities[static_cast<std::size_t>(arg.entity)].type != EntityType::Location) return arg;
  const int mi = a.tokens[arg.token].mention;
  if (mi < 0) return arg;
  const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
  if (m.source != MentionSource::Gazetteer || m.kind != LexKind::Capital) return arg;
  std::string key;
  for (std::uint32_t i = m.first; i < m.last; ++i) key += (i > m.first ? " " : "") + a.key(i);
  const std::vector<LexEntry>* entries = a.lex.phrase(key);
  if (!entries) return arg;
  for (const LexEntry& e : *entries) {
    if (e.kind != LexKind::Capital) continue;
    for (std::size_t k = 0; k < a.entities.size(); ++k)
      if (a.entities[k].type == EntityType::Country && a.entities[k].name == e.country) {
        Argument out = arg;
        out.entity = static_cast<int>(k);
        out.note = m.name + " -> " + e.country;
        return out;
      }
  }
  return arg;
}

// The one party of the text written `part` in a hyphenated pair: the entity (a person, body or
// country) of every mention with exactly that text, else the one person whose name ends in it;
// entity -1 when none or several.
Argument party_written(const Analysis& a, std::string_view part) {
  Argument out;
  for (const MentionDraft& m : a.mentions) {
    if (m.entity < 0 || !is_party(a.entities[static_cast<std::size_t>(m.entity)].type)) continue;
    if (a.span_of(m.first, m.last).of(a.doc.text) != part) continue;
    if (out.entity >= 0 && out.entity != m.entity) return Argument{};
    out.entity = m.entity;
  }
  if (out.entity >= 0) return out;
  const std::string suffix = " " + std::string(part);
  for (std::size_t k = 0; k < a.entities.size(); ++k) {
    const std::string& name = a.entities[k].name;
    if (a.entities[k].type != EntityType::Person || name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    if (out.entity >= 0) return Argument{};
    out.entity = static_cast<int>(k);
  }
  return out;
}

// "the A-B summit", "a planned A-B meeting": two parties written as one hyphenated word before a
// noun of the compound-pair rule (met.noun.compound-pair), which the parser cannot split into the
// two compounds that rule reads; each part is a party the text names elsewhere (party_written).
// The modality is the parse's when the sentence is parsed.
void hyphenated_pairs_in(Analysis& a, const match::Rule* rule, int s, std::vector<ParsedRelation>& out) {
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  for (std::uint32_t i = first; i + 1 < last; ++i) {
    const std::string& lemma = match::rule_lemma(a, i + 1);
    if (std::find(rule->trigger.lemmas.begin(), rule->trigger.lemmas.end(), lemma) == rule->trigger.lemmas.end()) continue;
    const std::string_view w = a.token_text(i);
    std::size_t cut = w.find('-'), width = 1;
    if (cut == std::string_view::npos) {
      cut = w.find("\xE2\x80\x93");  // en dash
      width = 3;
    }
    if (cut == std::string_view::npos || cut == 0 || cut + width >= w.size()) continue;
    const std::string_view x = w.substr(0, cut), y = w.substr(cut + width);
    if (y.find('-') != std::string_view::npos || !std::isupper(static_cast<unsigned char>(x[0])) ||
        !std::isupper(static_cast<unsigned char>(y[0])))
      continue;
    Argument head = party_written(a, x), tail = party_written(a, y);
    if (head.entity < 0 || tail.entity < 0) continue;
    head.token = tail.token = i;
    ParsedRelation r;
    r.type = RelationType::MetWith;
    r.head = head;
    r.tail = tail;
    if (!fits(a, r.type, r.head, r.tail)) continue;
    r.trigger = i + 1;
    r.modality = Modality::Asserted;
    if (match::selected(a, s) && match::ensure_parsed(a, s))
      r.modality = match::scope_modality(a, match::SentenceTree(a, s), i + 1).value_or(Modality::Asserted);
    r.confidence = rule->confidence;
    r.rule = "parse:" + rule->id;
    out.push_back(std::move(r));
  }
}

}  // namespace

std::vector<ParsedRelation> parse_relations(Analysis& a, int s) {
  std::vector<ParsedRelation> out;
  if (!a.rules || !match::selected(a, s)) return out;
  // Parsing is most of the stage's time: a sentence whose entities no rule it triggers
  // can join gives nothing here, so it is parsed only if a token-window rule asks.
  if (a.parsed[static_cast<std::size_t>(s)] != match::kParsed && !match::may_yield_relation(a, s)) return out;
  match::ensure_parsed(a, s);
  const match::SentenceTree tree(a, s);
  for (const match::RuleMatch& m : match::match_sentence(a, s)) {
    const Modality modality = match::scope_modality(a, tree, m.trigger).value_or(Modality::Asserted);
    auto emit_arguments = [&](const Argument& head, const Argument& tail) {
      ParsedRelation r;
      r.type = m.rule->relation;
      r.head = head;
      r.tail = tail;
      if (!fits(a, r.type, r.head, r.tail)) return;
      r.trigger = m.trigger;
      r.modality = modality;
      // a deployment's may be that of the forces' own clause (deployment_modality.hpp)
      if (r.type == RelationType::DeployedTo && a.tokens[tail.token].sentence == s)
        r.modality = deployment_modality(a, tree, m.trigger, tail.token).value_or(Modality::Asserted);
      r.confidence = m.rule->confidence;
      r.rule = "parse:" + m.rule->id;
      if (r.type == RelationType::HoldsPosition) r.title = title_at(a, tree, m.trigger);
      out.push_back(std::move(r));
    };
    auto emit = [&](std::uint32_t h, std::uint32_t t) {
      Argument head = match::entity_at(a, tree, h);
      // forces with no owner in the sentence: those of the owner named with forces just before
      if (head.entity < 0 && m.rule->relation == RelationType::DeployedTo && unowned_force(a, tree, h))
        head = owner_of_forces_before(a, h);
      // nor named before: those of the country whose office the person holding them holds
      if (head.entity < 0 && m.rule->relation == RelationType::DeployedTo && unowned_force(a, tree, h))
        head = person_holding_forces(a, tree, h);
      // a person who sends forces sends them for the country whose office they hold
      if (head.entity >= 0 && m.rule->relation == RelationType::DeployedTo &&
          a.entities[static_cast<std::size_t>(head.entity)].type == EntityType::Person)
        head = sender_country(a, head);
      const Argument tail = match::entity_at(a, tree, t);
      // "met with the leaders of France and Britain": the leader the text names for a country, else
      // the country (the leaders were met, not the country beside them)
      Argument hl, tl;
      if (m.rule->relation == RelationType::MetWith || m.rule->relation == RelationType::SpokeWith) {
        hl = leader_of(a, tree, h, head);
        tl = leader_of(a, tree, t, tail);
      }
      if (m.rule->relation == RelationType::MetWith || m.rule->relation == RelationType::SpokeWith) {
        emit_arguments(hl.entity >= 0 ? hl : country_of_capital_party(a, head),
                       tl.entity >= 0 ? tl : country_of_capital_party(a, tail));
        return;
      }
      emit_arguments(hl.entity >= 0 ? hl : head, tl.entity >= 0 ? tl : tail);
    };
    if (m.rule->relation == RelationType::HoldsPosition) {
      // The office is what the title names, not a building or capital standing for a country
      // ("Kremlin spokesman X" is not Russia's); and an organisation named with the title is the
      // office over the country that owns it ("Russia's Foreign Ministry spokesman X").
      std::vector<std::uint32_t> tails;
      bool organisation = false;
      for (std::uint32_t t : m.tails) {
        const int mi = a.tokens[t].mention;
        if (mi >= 0 && a.mentions[static_cast<std::size_t>(mi)].source == MentionSource::Gazetteer &&
            (a.mentions[static_cast<std::size_t>(mi)].kind == LexKind::Metonym ||
             a.mentions[static_cast<std::size_t>(mi)].kind == LexKind::Capital))
          continue;
        const Argument arg = match::entity_at(a, tree, t);
        if (arg.entity >= 0 && a.entities[static_cast<std::size_t>(arg.entity)].type == EntityType::Organisation) organisation = true;
        tails.push_back(t);
      }
      for (std::uint32_t h : m.heads)
        for (std::uint32_t t : tails) {
          const Argument arg = match::entity_at(a, tree, t);
          if (organisation && arg.entity >= 0 && a.entities[static_cast<std::size_t>(arg.entity)].type == EntityType::Country) continue;
          emit(h, t);
        }
    } else if (m.rule->pairs && m.heads.size() == 1) {
      // "they met", "the two leaders spoke": the two named together just before; "A, B and C ... as
      // they met", "the three leaders met": every pair of the list
      std::vector<Argument> group = match::group_at(a, tree, m.heads[0]);
      if (group.empty()) group = match::pair_at(a, tree, m.heads[0]);
      for (std::size_t i = 0; i < group.size(); ++i)
        for (std::size_t j = i + 1; j < group.size(); ++j) emit_arguments(group[i], group[j]);
    } else if (m.rule->pairs) {
      for (std::size_t i = 0; i < m.heads.size(); ++i)
        for (std::size_t j = i + 1; j < m.heads.size(); ++j) emit(m.heads[i], m.heads[j]);
    } else {
      // "they were greeted by X", "they met with X": each of the pair "they" stands for is a party
      auto parties = [&](std::uint32_t k) {
        std::vector<Argument> pair;
        if (m.rule->relation != RelationType::DeployedTo && match::entity_at(a, tree, k).entity < 0) {
          pair = match::group_at(a, tree, k);
          if (pair.empty()) pair = match::pair_at(a, tree, k);
        }
        return pair;
      };
      for (std::uint32_t h : m.heads)
        for (std::uint32_t t : m.tails) {
          const std::vector<Argument> hs = parties(h), ts = parties(t);
          if (hs.empty() && ts.empty()) {
            emit(h, t);
            if (m.rule->relation == RelationType::DeployedTo)
              for (std::uint32_t more : elided_force_places(a, tree, m.trigger, t)) emit(h, more);
            continue;
          }
          for (const Argument& ha : hs.empty() ? std::vector<Argument>{match::entity_at(a, tree, h)} : hs)
            for (const Argument& ta : ts.empty() ? std::vector<Argument>{match::entity_at(a, tree, t)} : ts)
              emit_arguments(ha, ta);
        }
    }
  }
  return out;
}

std::optional<Modality> parsed_modality(Analysis& a, std::uint32_t trigger) {
  const int s = a.tokens[trigger].sentence;
  if (!a.rules || !match::ensure_parsed(a, s)) return std::nullopt;
  const match::SentenceTree tree(a, s);
  return match::scope_modality(a, tree, trigger);
}

std::vector<ParsedRelation> hyphenated_pairs(Analysis& a) {
  std::vector<ParsedRelation> out;
  if (!a.rules) return out;
  const match::Rule* rule = nullptr;
  for (const match::Rule& r : a.rules->rules())
    if (r.id == "met.noun.compound-pair") rule = &r;
  if (!rule) return out;
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  for (int s = 0; s < sentences; ++s) hyphenated_pairs_in(a, rule, s, out);
  return out;
}

}  // namespace kgraph::extract
