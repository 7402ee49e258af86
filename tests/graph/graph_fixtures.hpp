// Small builders for Extractions, shared by the graph and export tests.
#pragma once

#include <string>
#include <vector>

#include "ontology/extraction.hpp"

namespace kgraph::testing {

class ExtractionBuilder {
 public:
  explicit ExtractionBuilder(std::string id, std::string date = "", std::string outlet = "") {
    x_.meta.id = std::move(id);
    x_.meta.date = std::move(date);
    x_.meta.source = std::move(outlet);
  }

  // Adds an entity with one mention per text; returns its index.
  int entity(const std::string& name, EntityType type, const std::vector<std::string>& texts = {}) {
    Entity e;
    e.id = "e";  // appended, not "e" + ...: GCC 12 gives a false -Wrestrict on that
    e.id += std::to_string(x_.entities.size() + 1);
    e.name = name;
    e.type = type;
    std::uint32_t at = 0;
    for (const std::string& t : (texts.empty() ? std::vector<std::string>{name} : texts)) {
      e.mentions.push_back(Mention{Span{at, at + static_cast<std::uint32_t>(t.size())}, t});
      at += static_cast<std::uint32_t>(t.size()) + 1;
    }
    x_.entities.push_back(std::move(e));
    return static_cast<int>(x_.entities.size()) - 1;
  }

  Relation& relation(RelationType type, int head, int tail, Modality m = Modality::Asserted,
                     std::uint32_t begin = 0, std::string sentence = "A sentence.") {
    Relation r;
    r.type = type;
    r.head = head;
    r.tail = tail;
    r.modality = m;
    r.confidence = 0.9;
    r.evidence.span = Span{begin, begin + static_cast<std::uint32_t>(sentence.size())};
    r.evidence.text = std::move(sentence);
    r.evidence.rule = "test:" + std::string(to_string(type));
    x_.relations.push_back(std::move(r));
    return x_.relations.back();
  }

  const Extraction& get() const { return x_; }
  Extraction& mut() { return x_; }

 private:
  Extraction x_;
};

}  // namespace kgraph::testing
