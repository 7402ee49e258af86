#include "extract/relations/parse_relations.hpp"

#include "extract/match/modality_scope.hpp"
#include "extract/match/rule_matcher.hpp"
#include "extract/match/sentence_parses.hpp"

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
    default:
      return true;
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
    auto emit = [&](std::uint32_t h, std::uint32_t t) {
      ParsedRelation r;
      r.type = m.rule->relation;
      r.head = match::entity_at(a, tree, h);
      r.tail = match::entity_at(a, tree, t);
      if (!fits(a, r.type, r.head, r.tail)) return;
      r.trigger = m.trigger;
      r.modality = modality;
      r.confidence = m.rule->confidence;
      r.rule = "parse:" + m.rule->id;
      out.push_back(std::move(r));
    };
    if (m.rule->pairs) {
      for (std::size_t i = 0; i < m.heads.size(); ++i)
        for (std::size_t j = i + 1; j < m.heads.size(); ++j) emit(m.heads[i], m.heads[j]);
    } else {
      for (std::uint32_t h : m.heads)
        for (std::uint32_t t : m.tails) emit(h, t);
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

}  // namespace kgraph::extract
