// One relation mention as the graph holds it (Support), with its evidence and
// attributes. A plain record of fixed size whose strings are views into the
// graph that holds it, so the graph's mention store can keep it in memory or
// write its bytes to a scratch file (graph/mention_store.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/evidence_file.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::graph {

class KnowledgeGraph;

// The attributes of one relation mention ("title", "date", "place"; Relation
// says what they mean), sorted by key. "place" holds an entity *name* here.
// The strings belong to the graph; one list is shared by every mention that
// has the same attributes.
class SupportAttributes {
 public:
  using Entry = std::pair<std::string_view, std::string_view>;
  using const_iterator = const Entry*;
  const_iterator begin() const { return entries_ ? entries_->data() : nullptr; }
  const_iterator end() const { return entries_ ? entries_->data() + entries_->size() : nullptr; }
  std::size_t size() const { return entries_ ? entries_->size() : 0; }
  bool empty() const { return size() == 0; }
  const_iterator find(std::string_view key) const;
  std::size_t count(std::string_view key) const { return find(key) == end() ? 0 : 1; }
  // The value of `key`; throws std::out_of_range when there is none.
  std::string_view at(std::string_view key) const;
  bool operator<(const SupportAttributes& o) const;
  bool operator==(const SupportAttributes& o) const;

 private:
  friend class KnowledgeGraph;
  const std::vector<Entry>* entries_ = nullptr;
};

// Where a relation mention was read (as Evidence, with the text held by the graph).
struct SupportEvidence {
  Span span;               // byte offsets of the sentence(s) in the document text
  EvidenceText text;       // the sentence(s), read back from the graph's evidence file
  std::string_view rule;   // the extractor rule that produced the relation
  std::string_view note;   // how arguments were resolved; often empty
};

// One mention of a relation in one document. Its strings are views into the
// graph that holds it: valid as long as that graph.
struct Support {
  int source = -1;  // index into KnowledgeGraph::sources()
  int edge = -1;    // index into KnowledgeGraph::edges(): the edge it supports
  Modality modality = Modality::Asserted;
  double confidence = 0.0;
  SupportEvidence evidence;
  SupportAttributes attributes;
};

}  // namespace kgraph::graph
