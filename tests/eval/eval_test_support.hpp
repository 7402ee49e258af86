// Builds extractions by hand for the scorer tests.
#pragma once

#include <string>
#include <vector>

#include "ontology/extraction.hpp"

namespace kgraph::eval::testing {

class ExtractionBuilder {
 public:
  explicit ExtractionBuilder(std::string id) { x_.meta.id = std::move(id); }

  // Adds an entity with one mention per text; returns its index.
  int entity(const std::string& name, EntityType type, std::vector<std::string> mentions = {}) {
    Entity e;
    e.id = "e";  // appended, not "e" + ...: GCC 12 warns falsely on that (-Wrestrict, bug 105329)
    e.id += std::to_string(x_.entities.size() + 1);
    e.name = name;
    e.type = type;
    if (mentions.empty()) mentions.push_back(name);
    for (auto& m : mentions) e.mentions.push_back(Mention{Span{0, static_cast<std::uint32_t>(m.size())}, m});
    x_.entities.push_back(std::move(e));
    return static_cast<int>(x_.entities.size()) - 1;
  }

  ExtractionBuilder& relation(RelationType type, int head, int tail, std::string evidence = "some sentence") {
    Relation r;
    r.type = type;
    r.head = head;
    r.tail = tail;
    r.evidence.text = std::move(evidence);
    x_.relations.push_back(std::move(r));
    return *this;
  }

  const Extraction& get() const { return x_; }

 private:
  Extraction x_;
};

}  // namespace kgraph::eval::testing
