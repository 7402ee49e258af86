#include "eval/scorer.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "eval/name_key.hpp"

namespace kgraph::eval {

EntityCounts& EntityCounts::operator+=(const EntityCounts& o) {
  tp += o.tp;
  fp += o.fp;
  missed += o.missed;
  neutral += o.neutral;
  duplicates += o.duplicates;
  return *this;
}

RelationCounts& RelationCounts::operator+=(const RelationCounts& o) {
  tp += o.tp;
  fp += o.fp;
  neutral += o.neutral;
  required += o.required;
  found += o.found;
  return *this;
}

void EvalReport::merge(const EvalReport& o) {
  auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  entities += o.entities;
  relations += o.relations;
  for (std::size_t i = 0; i < entities_by_type.size(); ++i) entities_by_type[i] += o.entities_by_type[i];
  for (std::size_t i = 0; i < relations_by_type.size(); ++i) relations_by_type[i] += o.relations_by_type[i];
  append(missed_entities, o.missed_entities);
  append(false_entities, o.false_entities);
  append(forbidden_entities, o.forbidden_entities);
  append(type_mismatches, o.type_mismatches);
  append(missed_relations, o.missed_relations);
  append(false_relations, o.false_relations);
  documents_scored += o.documents_scored;
  append(documents_without_extraction, o.documents_without_extraction);
  append(extractions_not_scored, o.extractions_not_scored);
}

namespace {

std::size_t at(EntityType t) { return static_cast<std::size_t>(t); }
std::size_t at(RelationType t) { return static_cast<std::size_t>(t); }

// (type, head key, tail key); symmetric types with the keys sorted.
using RelationKey = std::tuple<RelationType, std::string, std::string>;

RelationKey relation_key(RelationType type, std::string head, std::string tail) {
  if (is_symmetric(type) && tail < head) std::swap(head, tail);
  return {type, std::move(head), std::move(tail)};
}

std::string quoted_mentions(const Entity& e) {
  std::string out;
  std::set<std::string> seen;
  for (const Mention& m : e.mentions) {
    if (!seen.insert(m.text).second) continue;
    if (seen.size() > 3) {
      out += ", ...";
      break;
    }
    out += (out.empty() ? "mentions: \"" : ", \"") + m.text + "\"";
  }
  return out;
}

// The gold side of one document, keyed for matching.
struct GoldIndex {
  std::unordered_map<std::string, std::size_t> entity_of;  // key of name or alias -> gold entity
  std::unordered_set<std::string> optional;
  std::unordered_map<std::string, std::string> forbidden;  // key -> name as written in the gold

  explicit GoldIndex(const GoldDocument& g) {
    // Canonical names first, so an alias never steals another entity's name.
    for (std::size_t i = 0; i < g.entities.size(); ++i) entity_of.emplace(name_key(g.entities[i].name), i);
    for (std::size_t i = 0; i < g.entities.size(); ++i)
      for (const std::string& a : g.entities[i].aliases) entity_of.emplace(name_key(a), i);
    for (const std::string& o : g.optional_entities) optional.insert(name_key(o));
    for (const std::string& f : g.forbidden_entities) forbidden.emplace(name_key(f), f);
  }

  // The canonical key of a gold relation argument, which may be written as an alias.
  std::string canonical_key(const GoldDocument& g, const std::string& name) const {
    auto it = entity_of.find(name_key(name));
    return it == entity_of.end() ? name_key(name) : name_key(g.entities[it->second].name);
  }
};

}  // namespace

EvalReport score_document(const GoldDocument& gold, const Extraction& x) {
  EvalReport r;
  r.documents_scored = 1;
  const GoldIndex index(gold);

  // Entities. `display` is what relations will be reported and matched with.
  std::vector<bool> matched(gold.entities.size(), false);
  std::vector<std::string> display(x.entities.size());
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    const std::string key = name_key(e.name);
    display[i] = e.name;

    auto forbidden = index.forbidden.find(key);
    std::string via;
    for (std::size_t m = 0; forbidden == index.forbidden.end() && m < e.mentions.size(); ++m) {
      forbidden = index.forbidden.find(name_key(e.mentions[m].text));
      via = " (mention \"" + e.mentions[m].text + "\")";
    }
    if (forbidden != index.forbidden.end())
      r.forbidden_entities.push_back({gold.doc, e.name, e.type, "forbidden '" + forbidden->second + "'" + via});

    if (auto g = index.entity_of.find(key); g != index.entity_of.end()) {
      const GoldEntity& ge = gold.entities[g->second];
      display[i] = ge.name;
      if (matched[g->second]) {
        ++r.entities.duplicates;
        ++r.entities_by_type[at(ge.type)].duplicates;
        continue;
      }
      matched[g->second] = true;
      ++r.entities.tp;
      ++r.entities_by_type[at(ge.type)].tp;
      if (ge.type != e.type)
        r.type_mismatches.push_back({gold.doc, ge.name, e.type, "gold type " + std::string(to_string(ge.type))});
    } else if (index.optional.contains(key)) {
      ++r.entities.neutral;
      ++r.entities_by_type[at(e.type)].neutral;
    } else {
      ++r.entities.fp;
      ++r.entities_by_type[at(e.type)].fp;
      r.false_entities.push_back({gold.doc, e.name, e.type, quoted_mentions(e)});
    }
  }
  for (std::size_t g = 0; g < gold.entities.size(); ++g) {
    if (matched[g]) continue;
    const GoldEntity& ge = gold.entities[g];
    ++r.entities.missed;
    ++r.entities_by_type[at(ge.type)].missed;
    r.missed_entities.push_back({gold.doc, ge.name, ge.type, {}});
  }

  // Relations. A key is required if any gold relation with it is.
  std::map<RelationKey, bool> gold_required;
  for (const GoldRelation& gr : gold.relations) {
    bool& required = gold_required[relation_key(gr.type, index.canonical_key(gold, gr.head),
                                                index.canonical_key(gold, gr.tail))];
    required = required || gr.required;
  }
  std::set<RelationKey> found;
  for (const Relation& pr : x.relations) {
    if (pr.head < 0 || pr.tail < 0 || std::size_t(pr.head) >= display.size() || std::size_t(pr.tail) >= display.size())
      continue;  // the codec never yields these; guard anyway
    const std::string& head = display[std::size_t(pr.head)];
    const std::string& tail = display[std::size_t(pr.tail)];
    RelationKey key = relation_key(pr.type, name_key(head), name_key(tail));
    if (!found.insert(key).second) continue;  // the same relation predicted again counts once
    RelationCounts& by_type = r.relations_by_type[at(pr.type)];
    auto g = gold_required.find(key);
    if (g == gold_required.end()) {
      ++r.relations.fp;
      ++by_type.fp;
      r.false_relations.push_back({gold.doc, pr.type, head, tail, pr.evidence.text});
    } else if (g->second) {
      ++r.relations.tp;
      ++by_type.tp;
    } else {
      ++r.relations.neutral;
      ++by_type.neutral;
    }
  }
  std::set<RelationKey> counted;  // a required relation listed twice in the gold counts once
  for (const GoldRelation& gr : gold.relations) {
    RelationKey key = relation_key(gr.type, index.canonical_key(gold, gr.head), index.canonical_key(gold, gr.tail));
    if (!gold_required[key] || !counted.insert(key).second) continue;
    RelationCounts& by_type = r.relations_by_type[at(gr.type)];
    ++r.relations.required;
    ++by_type.required;
    if (found.contains(key)) {
      ++r.relations.found;
      ++by_type.found;
    } else {
      r.missed_relations.push_back({gold.doc, gr.type, gr.head, gr.tail, {}});
    }
  }
  return r;
}

Scorer::Scorer(GoldStandard gold) : gold_(std::move(gold)), scored_(gold_.documents.size()) {
  for (std::size_t i = 0; i < gold_.documents.size(); ++i) index_.emplace(gold_.documents[i].doc, i);
}

std::optional<std::size_t> Scorer::find_document(const std::string& id) const {
  if (auto it = index_.find(id); it != index_.end()) return it->second;
  const std::size_t slash = id.find_last_of('/');
  if (slash != std::string::npos)
    if (auto it = index_.find(id.substr(slash + 1)); it != index_.end()) return it->second;
  return std::nullopt;
}

void Scorer::add(const Extraction& x) {
  std::optional<std::size_t> doc = find_document(x.meta.id);
  if (!doc || scored_[*doc]) {
    without_gold_.push_back(x.meta.id);
    return;
  }
  scored_[*doc] = score_document(gold_.documents[*doc], x);
}

EvalReport Scorer::report() const {
  EvalReport total;
  for (std::size_t i = 0; i < gold_.documents.size(); ++i) {
    if (scored_[i]) {
      total.merge(*scored_[i]);
      continue;
    }
    Extraction nothing;
    nothing.meta.id = gold_.documents[i].doc;
    EvalReport empty = score_document(gold_.documents[i], nothing);
    empty.documents_scored = 0;
    empty.documents_without_extraction.push_back(gold_.documents[i].doc);
    total.merge(empty);
  }
  total.extractions_not_scored = without_gold_;
  return total;
}

}  // namespace kgraph::eval
