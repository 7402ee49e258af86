#include <cstdio>
#include <string>

#include "eval/report_writers.hpp"

namespace kgraph::eval {
namespace {

std::string ratio(double value, bool defined) {
  if (!defined) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  return buf;
}

std::string fraction(std::size_t a, std::size_t b) { return std::to_string(a) + "/" + std::to_string(b); }

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
std::string rpad(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// Evidence on one line and of bounded length, cut on a UTF-8 boundary.
std::string one_line(std::string s, std::size_t max = 200) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

std::string relation_text(const RelationItem& r) {
  return std::string(to_string(r.type)) + "(" + r.head + ", " + r.tail + ")";
}

void entity_list(std::ostream& out, const char* title, const std::vector<EntityItem>& items) {
  if (items.empty()) return;
  out << "\n" << title << " (" << items.size() << ")\n";
  for (const EntityItem& e : items) {
    out << "  " << e.doc << "  " << e.name << " [" << to_string(e.type) << "]";
    if (!e.detail.empty()) out << "  " << e.detail;
    out << "\n";
  }
}

void relation_list(std::ostream& out, const char* title, const std::vector<RelationItem>& items) {
  if (items.empty()) return;
  out << "\n" << title << " (" << items.size() << ")\n";
  for (const RelationItem& r : items) {
    out << "  " << r.doc << "  " << relation_text(r);
    if (!r.evidence.empty()) out << "  \"" << one_line(r.evidence) << "\"";
    out << "\n";
  }
}

void name_list(std::ostream& out, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << "\n" << title << " (" << items.size() << ")\n";
  for (const std::string& s : items) out << "  " << s << "\n";
}

}  // namespace

void write_text_report(std::ostream& out, const EvalReport& r) {
  const EntityCounts& e = r.entities;
  const RelationCounts& rel = r.relations;
  out << "entities: P=" << ratio(e.precision(), e.tp + e.fp > 0) << " R=" << ratio(e.recall(), e.tp + e.missed > 0)
      << " F1=" << ratio(e.f1(), e.tp + e.fp > 0 && e.tp + e.missed > 0) << " (tp=" << e.tp << " fp=" << e.fp
      << " missed=" << e.missed << " neutral=" << e.neutral << " duplicates=" << e.duplicates << ")\n";
  out << "relations: precision=" << ratio(rel.precision(), rel.tp + rel.fp > 0) << " ("
      << fraction(rel.tp, rel.tp + rel.fp) << ") recall(required)=" << ratio(rel.recall(), rel.required > 0) << " ("
      << fraction(rel.found, rel.required) << ") neutral=" << rel.neutral << "\n";
  out << "forbidden entities: " << r.forbidden_entities.size() << "\n";
  out << "documents: " << r.documents_scored << " scored, " << r.documents_without_extraction.size()
      << " without extraction, " << r.extractions_not_scored.size() << " extractions not scored\n";

  out << "\n" << pad("entity type", 16) << rpad("tp", 5) << rpad("fp", 5) << rpad("missed", 8) << rpad("neutral", 9)
      << rpad("P", 7) << rpad("R", 7) << rpad("F1", 7) << "\n";
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const EntityCounts& c = r.entities_by_type[static_cast<std::size_t>(t)];
    if (c.tp + c.fp + c.missed + c.neutral + c.duplicates == 0) continue;
    out << pad(std::string(to_string(static_cast<EntityType>(t))), 16) << rpad(std::to_string(c.tp), 5)
        << rpad(std::to_string(c.fp), 5) << rpad(std::to_string(c.missed), 8) << rpad(std::to_string(c.neutral), 9)
        << rpad(ratio(c.precision(), c.tp + c.fp > 0), 7) << rpad(ratio(c.recall(), c.tp + c.missed > 0), 7)
        << rpad(ratio(c.f1(), c.tp + c.fp > 0 && c.tp + c.missed > 0), 7) << "\n";
  }

  out << "\n" << pad("relation type", 16) << rpad("tp", 5) << rpad("fp", 5) << rpad("neutral", 9)
      << rpad("required", 10) << rpad("P", 7) << rpad("R", 7) << "\n";
  for (int t = 0; t < kRelationTypeCount; ++t) {
    const RelationCounts& c = r.relations_by_type[static_cast<std::size_t>(t)];
    if (c.tp + c.fp + c.neutral + c.required == 0) continue;
    out << pad(std::string(to_string(static_cast<RelationType>(t))), 16) << rpad(std::to_string(c.tp), 5)
        << rpad(std::to_string(c.fp), 5) << rpad(std::to_string(c.neutral), 9)
        << rpad(fraction(c.found, c.required), 10) << rpad(ratio(c.precision(), c.tp + c.fp > 0), 7)
        << rpad(ratio(c.recall(), c.required > 0), 7) << "\n";
  }

  entity_list(out, "missed entities", r.missed_entities);
  entity_list(out, "false positive entities", r.false_entities);
  entity_list(out, "forbidden entities", r.forbidden_entities);
  entity_list(out, "type mismatches (matched by name)", r.type_mismatches);
  relation_list(out, "missed required relations", r.missed_relations);
  relation_list(out, "false positive relations", r.false_relations);
  name_list(out, "gold documents without extraction", r.documents_without_extraction);
  name_list(out, "extractions not scored (no gold document, or already scored)", r.extractions_not_scored);
}

}  // namespace kgraph::eval
