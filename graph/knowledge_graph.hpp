// The knowledge graph of a corpus: one node per canonical entity, one edge per
// (head, relation, tail), each carrying every mention that supports it.
//
// Built by adding Extractions one document at a time, then finalize(). Each
// relation mention is held once (one store for the whole graph, texts in a
// TextStore), from add() to the writers. The
// result does not depend on the order documents were added in: finalize() sorts
// nodes by name, edges by (head name, relation, tail name), support by
// (document id, evidence offset). This is what makes `kgraph merge` of shards
// byte-identical to one `kgraph build`.
//
// Boost.Graph runs the analytics inside graph/; exporters see only the plain
// structs below.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/evidence_file.hpp"
#include "graph/given_names.hpp"
#include "graph/place_spellings.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::graph {

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

// The mentions supporting one edge: a range of the graph's one store of
// mentions (which never moves once the graph is final).
class SupportList {
 public:
  using Store = std::deque<Support>;
  using const_iterator = Store::const_iterator;
  SupportList() = default;
  SupportList(const Store* store, std::size_t first, std::size_t count) : store_(store), first_(first), count_(count) {}
  const_iterator begin() const { return store_ ? store_->begin() + static_cast<std::ptrdiff_t>(first_) : const_iterator(); }
  const_iterator end() const { return store_ ? begin() + static_cast<std::ptrdiff_t>(count_) : const_iterator(); }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const Support& front() const { return (*store_)[first_]; }
  const Support& operator[](std::size_t i) const { return (*store_)[first_ + i]; }

 private:
  const Store* store_ = nullptr;
  std::size_t first_ = 0, count_ = 0;
};

struct Node {
  std::string name;  // canonical name; unique in the graph
  EntityType type = EntityType::Organisation;  // the most frequent type across documents (ties: enum order)
  // (Fields of four bytes go in pairs: a large graph holds one Node per entity.)
  int mentions = 0;                  // total mentions across documents
  std::vector<std::string> aliases;  // distinct mention texts other than name, sorted
  std::vector<int> sources;          // sorted indices into sources() of documents mentioning it
  std::string first_seen, last_seen; // ISO dates from sources' dates; empty when none known
  // Wikidata item of the entity ("Q159"), from the extractions; "" when none.
  // Should documents disagree, the lowest-numbered id wins, whatever the order.
  std::string wikidata;
  // Analytics, filled by finalize():
  int degree = 0;
  int component = 0;
  double weighted_degree = 0;
  double pagerank = 0;
  double betweenness = 0;
  double x = 0, y = 0;  // deterministic layout
};

struct Edge {
  int head = -1, tail = -1;  // indices into nodes(); for symmetric types head.name < tail.name
  RelationType type = RelationType::MetWith;
  SupportList support;  // sorted by (source doc id, evidence.span.begin, .end, rule)
  double weight = 0;             // number of supporting mentions (support.size())
  int source_count = 0;          // distinct documents
  int outlet_count = 0;          // distinct outlets (meta.source); documents without one count together as one
  std::string first_seen, last_seen;
  // The strongest modality among its support, in kModalityStrength order, so
  // an edge is asserted only when some mention asserts it, and "reported"
  // (happened, but said by a third party) outranks anything not yet or never
  // happened.
  Modality modality = Modality::Asserted;
  // Supporting mentions per modality, indexed by Modality; they sum to weight.
  std::array<int, kModalityCount> modality_mentions{};
  int mentions(Modality m) const { return modality_mentions[static_cast<std::size_t>(m)]; }
};

// Modalities from strongest to weakest: the order Edge::modality is chosen by
// and the order the exporters list per-modality counts in.
inline constexpr std::array<Modality, kModalityCount> kModalityStrength = {
    Modality::Asserted, Modality::Reported, Modality::Planned, Modality::Hypothetical, Modality::Negated};

class KnowledgeGraph {
 public:
  // Evidence sentences go to a temporary file in `evidence_dir` (the
  // system's temporary folder when empty), graph/evidence_file.hpp.
  explicit KnowledgeGraph(std::filesystem::path evidence_dir = {});
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Merge one document's extraction. Entities merge by canonical name, except a
  // person named by one word only ("Kim"), which never merges across documents:
  // its node is named "Kim (<document id>)", with "Kim" as an alias.
  // A document whose id was added before is ignored (the first one wins), so
  // a duplicated input never double-counts support.
  void add(const Extraction& x);
  // People whose full names differ only in a short or formal first name ("Joe Biden", "Joseph
  // Biden") merge by these forms; without it, only as written. Before the first add().
  void use_given_names(GivenNames names);
  // Places written two ways ("Kiev", "Kyiv") merge by these spellings. Before the first add().
  void use_place_spellings(PlaceSpellings spellings);
  // A hint: about this many documents will be added (no spare room is kept for more).
  void reserve(std::size_t documents);
  // Sort deterministically and compute analytics, once all add()s are done:
  // what only the accumulation needed is freed, so add() after finalize()
  // throws std::logic_error. Calling finalize() again changes nothing.
  void finalize();

  const std::vector<DocumentMeta>& sources() const;  // sorted by id after finalize()
  const std::vector<Node>& nodes() const;
  const std::vector<Edge>& edges() const;
  // Index of the node with this canonical name, or -1.
  int find(std::string_view name) const;
  // Relations add() skipped: an endpoint outside the entity list, or both
  // endpoints the same canonical entity.
  int dropped_relations() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgraph::graph
