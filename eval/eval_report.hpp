// The result of scoring extractions against a gold standard: micro-averaged
// counts overall and per type, and the itemised misses, false positives and
// forbidden entities, in gold document order, so a report reads like a to-do
// list. Produced by Scorer, printed by the report writers.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "ontology/types.hpp"

namespace kgraph::eval {

// Entity counts. `neutral` are predictions of optional entities, `duplicates`
// further predicted entities resolving to an already matched gold entity (a
// resolution miss, not a wrong entity): neither counts for or against.
struct EntityCounts {
  std::size_t tp = 0, fp = 0, missed = 0, neutral = 0, duplicates = 0;
  // 0 when undefined (nothing predicted / nothing to find); the writers show "-".
  double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + missed == 0 ? 0.0 : double(tp) / double(tp + missed); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  EntityCounts& operator+=(const EntityCounts& o);
};

// Relation counts, each distinct (type, head, tail) of a document once.
// tp: predictions matching a required gold relation; neutral: matching only
// optional ones; fp: the rest. Recall is over required gold relations only.
struct RelationCounts {
  std::size_t tp = 0, fp = 0, neutral = 0, required = 0, found = 0;
  double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / double(tp + fp); }
  double recall() const { return required == 0 ? 0.0 : double(found) / double(required); }
  RelationCounts& operator+=(const RelationCounts& o);
};

struct EntityItem {
  std::string doc;  // the gold document id (an extraction may say "dir/ID")
  std::string name;
  EntityType type = EntityType::Organisation;
  std::string detail;  // mentions of a false positive, the forbidden name matched, the gold type ...
};

struct RelationItem {
  std::string doc;
  RelationType type = RelationType::MetWith;
  std::string head;  // gold canonical name when the entity matched, else the predicted name
  std::string tail;
  std::string evidence;  // of a false positive
};

struct EvalReport {
  EntityCounts entities;
  std::array<EntityCounts, kEntityTypeCount> entities_by_type{};  // by gold type (tp, missed) or predicted type
  RelationCounts relations;
  std::array<RelationCounts, kRelationTypeCount> relations_by_type{};

  std::vector<EntityItem> missed_entities;
  std::vector<EntityItem> false_entities;
  std::vector<EntityItem> forbidden_entities;  // predicted entities named like forbidden ones
  std::vector<EntityItem> type_mismatches;     // matched by name, predicted with another type
  std::vector<RelationItem> missed_relations;  // required ones only
  std::vector<RelationItem> false_relations;

  std::size_t documents_scored = 0;
  std::vector<std::string> documents_without_extraction;  // gold docs nobody extracted: all missed
  // Ids not scored: not in the gold standard, or a second extraction of a gold document.
  std::vector<std::string> extractions_not_scored;

  void merge(const EvalReport& o);
};

}  // namespace kgraph::eval
