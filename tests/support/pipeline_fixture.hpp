// Runs the whole extract pipeline on one short text and looks up entities and
// relations by name, so the stages are tested as a user's run uses them.
#pragma once

#include <optional>
#include <string>

#include "extract/extractor.hpp"

namespace kgraph::extract::test {

inline const Extractor& extractor() {
  static const Extractor x(KGRAPH_ONTOLOGY);
  return x;
}

inline Extraction run(const std::string& text, const std::string& date = "2023-05-10",
                      const std::string& id = "test") {
  Document doc;
  doc.meta.id = id;
  doc.meta.date = date;
  doc.text = text;
  return extractor().extract(std::move(doc));
}

// The relation of `type` between entities named `head` and `tail` (either order for symmetric types).
inline const Relation* find(const Extraction& x, RelationType type, const std::string& head, const std::string& tail) {
  for (const Relation& r : x.relations) {
    if (r.type != type) continue;
    const std::string& h = x.entities[static_cast<std::size_t>(r.head)].name;
    const std::string& t = x.entities[static_cast<std::size_t>(r.tail)].name;
    if ((h == head && t == tail) || (is_symmetric(type) && h == tail && t == head)) return &r;
  }
  return nullptr;
}

// Whether the person named `person` holds an office of the body or country named `office`.
inline bool holds(const Extraction& x, const std::string& person, const std::string& office) {
  return find(x, RelationType::HoldsPosition, person, office) != nullptr;
}

// The extractor in training mode: every candidate written out with its features, nothing added.
inline const Extractor& candidate_writer() {
  static const Extractor x(KGRAPH_ONTOLOGY, [] {
    ExtractorOptions o;
    o.write_candidates = true;
    return o;
  }());
  return x;
}

// The entity with a mention of exactly this text, or nullptr.
inline const Entity* by_mention(const Extraction& x, const std::string& mention) {
  for (const Entity& e : x.entities)
    for (const Mention& m : e.mentions)
      if (m.text == mention) return &e;
  return nullptr;
}

// The entity with this canonical name, or nullptr.
inline const Entity* by_name(const Extraction& x, const std::string& name) {
  for (const Entity& e : x.entities)
    if (e.name == name) return &e;
  return nullptr;
}

// Every entity with its type and mention texts, one a line: the message of a failed check.
inline std::string listing(const Extraction& x) {
  std::string out;
  for (const Entity& e : x.entities) {
    out += e.name + " [" + std::string(to_string(e.type)) + "]:";
    for (const Mention& m : e.mentions) out += " '" + m.text + "'";
    out += "\n";
  }
  return out;
}

inline int count(const Extraction& x, RelationType type) {
  int n = 0;
  for (const Relation& r : x.relations) n += r.type == type;
  return n;
}

}  // namespace kgraph::extract::test
