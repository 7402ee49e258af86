// Runs the whole extract pipeline on one short text and looks up relations by
// entity names: the engine is tested as the relation stage uses it.
#pragma once

#include <optional>
#include <string>

#include "extract/extractor.hpp"

namespace kgraph::extract::test {

inline const Extractor& extractor() {
  static const Extractor x(KGRAPH_ONTOLOGY);
  return x;
}

inline Extraction run(const std::string& text) {
  Document doc;
  doc.meta.id = "test";
  doc.meta.date = "2023-05-10";
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

inline int count(const Extraction& x, RelationType type) {
  int n = 0;
  for (const Relation& r : x.relations) n += r.type == type;
  return n;
}

}  // namespace kgraph::extract::test
