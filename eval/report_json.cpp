#include <cmath>
#include <cstdio>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "eval/report_writers.hpp"

namespace kgraph::eval {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void put(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void put_key(Writer& w, std::string_view s) { w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// Ratios with 4 decimals through one fixed format: the bytes do not depend on
// floating-point printing details.
void put_ratio(Writer& w, double value, bool defined) {
  if (!defined) {
    w.Null();
    return;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4f", std::round(value * 10000.0) / 10000.0);
  w.RawValue(buf, std::char_traits<char>::length(buf), rapidjson::kNumberType);
}

void put_count(Writer& w, const char* key, std::size_t n) {
  w.Key(key);
  w.Uint64(n);
}

void entity_counts(Writer& w, const EntityCounts& c) {
  w.StartObject();
  w.Key("precision");
  put_ratio(w, c.precision(), c.tp + c.fp > 0);
  w.Key("recall");
  put_ratio(w, c.recall(), c.tp + c.missed > 0);
  w.Key("f1");
  put_ratio(w, c.f1(), c.tp + c.fp > 0 && c.tp + c.missed > 0);
  put_count(w, "tp", c.tp);
  put_count(w, "fp", c.fp);
  put_count(w, "missed", c.missed);
  put_count(w, "neutral", c.neutral);
  put_count(w, "duplicates", c.duplicates);
  w.EndObject();
}

void relation_counts(Writer& w, const RelationCounts& c) {
  w.StartObject();
  w.Key("precision");
  put_ratio(w, c.precision(), c.tp + c.fp > 0);
  w.Key("recall_required");
  put_ratio(w, c.recall(), c.required > 0);
  put_count(w, "tp", c.tp);
  put_count(w, "fp", c.fp);
  put_count(w, "neutral", c.neutral);
  put_count(w, "required", c.required);
  put_count(w, "found", c.found);
  w.EndObject();
}

void entity_items(Writer& w, const char* key, const std::vector<EntityItem>& items) {
  w.Key(key);
  w.StartArray();
  for (const EntityItem& e : items) {
    w.StartObject();
    w.Key("doc");
    put(w, e.doc);
    w.Key("name");
    put(w, e.name);
    w.Key("type");
    put(w, to_string(e.type));
    if (!e.detail.empty()) {
      w.Key("detail");
      put(w, e.detail);
    }
    w.EndObject();
  }
  w.EndArray();
}

void relation_items(Writer& w, const char* key, const std::vector<RelationItem>& items) {
  w.Key(key);
  w.StartArray();
  for (const RelationItem& r : items) {
    w.StartObject();
    w.Key("doc");
    put(w, r.doc);
    w.Key("type");
    put(w, to_string(r.type));
    w.Key("head");
    put(w, r.head);
    w.Key("tail");
    put(w, r.tail);
    if (!r.evidence.empty()) {
      w.Key("evidence");
      put(w, r.evidence);
    }
    w.EndObject();
  }
  w.EndArray();
}

void strings(Writer& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : items) put(w, s);
  w.EndArray();
}

}  // namespace

void write_json_report(std::ostream& out, const EvalReport& r) {
  rapidjson::OStreamWrapper os(out);
  Writer w(os);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("entities");
  entity_counts(w, r.entities);
  w.Key("relations");
  relation_counts(w, r.relations);
  w.Key("entities_by_type");
  w.StartObject();
  for (int t = 0; t < kEntityTypeCount; ++t) {
    put_key(w, to_string(static_cast<EntityType>(t)));
    entity_counts(w, r.entities_by_type[static_cast<std::size_t>(t)]);
  }
  w.EndObject();
  w.Key("relations_by_type");
  w.StartObject();
  for (int t = 0; t < kRelationTypeCount; ++t) {
    put_key(w, to_string(static_cast<RelationType>(t)));
    relation_counts(w, r.relations_by_type[static_cast<std::size_t>(t)]);
  }
  w.EndObject();
  put_count(w, "documents_scored", r.documents_scored);
  entity_items(w, "missed_entities", r.missed_entities);
  entity_items(w, "false_entities", r.false_entities);
  entity_items(w, "forbidden_entities", r.forbidden_entities);
  entity_items(w, "type_mismatches", r.type_mismatches);
  relation_items(w, "missed_relations", r.missed_relations);
  relation_items(w, "false_relations", r.false_relations);
  strings(w, "documents_without_extraction", r.documents_without_extraction);
  strings(w, "extractions_not_scored", r.extractions_not_scored);
  w.EndObject();
  os.Flush();
  out << "\n";
}

}  // namespace kgraph::eval
