// The knowledge graph of a corpus: one node per canonical entity, one edge per
// (head, relation, tail), each carrying every mention that supports it.
//
// Built by adding Extractions one document at a time, then finalize(). The
// result does not depend on the order documents were added in: finalize() sorts
// nodes by name, edges by (head name, relation, tail name), support by
// (document id, evidence offset). This is what makes `kgraph merge` of shards
// byte-identical to one `kgraph build`.
//
// Boost.Graph (adjacency_list with bundled properties) lives inside the .cpp;
// exporters see only the plain structs below.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ontology/extraction.hpp"

namespace kgraph::graph {

// One mention of a relation in one document.
struct Support {
  int source = -1;  // index into KnowledgeGraph::sources()
  Modality modality = Modality::Asserted;
  double confidence = 0.0;
  Evidence evidence;
  std::map<std::string, std::string> attributes;  // as in Relation; "place" holds an entity *name* here
};

struct Node {
  std::string name;  // canonical name; unique in the graph
  EntityType type = EntityType::Organisation;  // the most frequent type across documents (ties: enum order)
  std::vector<std::string> aliases;  // distinct mention texts other than name, sorted
  int mentions = 0;                  // total mentions across documents
  std::vector<int> sources;          // sorted indices into sources() of documents mentioning it
  std::string first_seen, last_seen; // ISO dates from sources' dates; empty when none known
  // Wikidata item of the entity ("Q159"), from the extractions; "" when none.
  // Should documents disagree, the lowest-numbered id wins, whatever the order.
  std::string wikidata;
  // Analytics, filled by finalize():
  int degree = 0;
  double weighted_degree = 0;
  double pagerank = 0;
  double betweenness = 0;
  int component = 0;
  double x = 0, y = 0;  // deterministic layout
};

struct Edge {
  int head = -1, tail = -1;  // indices into nodes(); for symmetric types head.name < tail.name
  RelationType type = RelationType::MetWith;
  std::vector<Support> support;  // sorted by (source doc id, evidence.span.begin, .end, rule)
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
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Merge one document's extraction. Entities merge by canonical name, except a
  // person named by one word only ("Kim"), which never merges across documents:
  // its node is named "Kim (<document id>)", with "Kim" as an alias.
  // A document whose id was added before is ignored (the first one wins), so
  // a duplicated input never double-counts support.
  void add(const Extraction& x);
  // Sort deterministically and compute analytics. Call once after all add()s.
  void finalize();

  const std::vector<DocumentMeta>& sources() const;  // sorted by id after finalize()
  const std::vector<Node>& nodes() const;
  const std::vector<Edge>& edges() const;
  // Index of the node with this canonical name, or -1.
  int find(const std::string& name) const;
  // Relations add() skipped: an endpoint outside the entity list, or both
  // endpoints the same canonical entity.
  int dropped_relations() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgraph::graph
