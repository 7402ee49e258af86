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
#include <iterator>
#include <filesystem>
#include <functional>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/by_index_iterator.hpp"
#include "graph/document_table.hpp"
#include "graph/evidence_file.hpp"
#include "graph/mention_store.hpp"
#include "graph/node_table.hpp"
#include "graph/support.hpp"
#include "graph/given_names.hpp"
#include "graph/organisation_names.hpp"
#include "graph/place_spellings.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::graph {

// The mentions supporting one edge: a range of the graph's one store of
// mentions (which never moves once the graph is final). Mentions come by
// value: the store may keep them on disk (merge --memory).
class SupportList {
 public:
  using const_iterator = ByIndexIterator<MentionStore, Support>;
  SupportList() = default;
  SupportList(const MentionStore* store, std::size_t first, std::size_t count) : store_(store), first_(first), count_(count) {}
  const_iterator begin() const { return const_iterator(store_, first_); }
  const_iterator end() const { return const_iterator(store_, first_ + count_); }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  Support front() const { return (*store_)[first_]; }
  Support operator[](std::size_t i) const { return (*store_)[first_ + i]; }
  // Where the range starts in the store: mention first() + i is (*this)[i].
  std::size_t first() const { return first_; }

 private:
  const MentionStore* store_ = nullptr;
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

struct EdgeSummary;  // graph/edge_summary.hpp

// The nodes of a finished graph as a partition that did not sum its entities up
// needs them (`kgraph merge --mpi`): which node each vertex became, vertices
// numbered in the order add() first met their merge keys (the same on every
// rank that adds the same documents in the same order), and the nodes' names in
// node order.
struct NodeOrder {
  std::uint64_t keys_digest = 0;  // of the vertices' merge keys in that order: both graphs must have met the same keys
  std::vector<std::uint32_t> node_of_vertex;
  std::vector<std::string> names;
};

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
  // Known organisations written two ways ("U.N. Security Council", "United Nations Security
  // Council") merge by the names of their row. Before the first add().
  void use_organisation_names(OrganisationNames names);
  // Keep the relation mentions out of memory: add() writes them to a scratch
  // file and finalize() sorts them in runs of at most an eighth of `bytes`
  // (graph/external_sort.hpp) into a store on disk (graph/mention_store.hpp).
  // The graph, and so every output, is the same as without. 0: in memory.
  // Before the first add().
  void use_memory_budget(std::size_t bytes);
  // Keep only partition `part` of `parts` of the relation mentions (`kgraph merge --mpi`): those
  // whose edge key (the head's and tail's merge keys, the relation type) hashes to `part`
  // (edge_partition below). Every entity and document is still added, so the nodes and sources,
  // and their indices, are the same in every partition, and an edge is in exactly one.
  // Before the first add().
  void use_partition(unsigned part, unsigned parts);
  // Take the nodes' names and order from `fetch`, called once by finalize(),
  // instead of summing the entities up here: add() then keeps of an entity only
  // its merge key (no spellings, aliases, type votes, document lists), and the
  // nodes carry only their names. For the partitions of `kgraph merge --mpi`
  // other than the one that writes the entities: their edges, sources and node
  // indices are those of a graph that summed everything up. `fetch` returns
  // what take_node_order() of such a graph returned, built from the same
  // documents added in the same order; finalize() throws std::runtime_error
  // when its merge keys differ. Before the first add().
  void use_node_order(std::function<NodeOrder()> fetch);
  // After finalize() of a partition (use_partition) that summed its entities
  // up: its NodeOrder (the vertex map is kept from finalize() for it, then
  // freed). Throws std::logic_error elsewhere and when called a second time.
  NodeOrder take_node_order();
  // A hint: about this many documents will be added (no spare room is kept for more).
  void reserve(std::size_t documents);
  // Sort deterministically and compute analytics, once all add()s are done:
  // what only the accumulation needed is freed, so add() after finalize()
  // throws std::logic_error. Calling finalize() again changes nothing.
  void finalize();

  // The edges summed up without their mentions (graph/edge_summary.hpp), in edge order. After finalize().
  std::vector<EdgeSummary> edge_summaries() const;
  // Fills the nodes' analytics from `all` (every edge of the whole graph, in
  // edge order) instead of this graph's edges: a partition's nodes then carry
  // the whole graph's degree, PageRank, layout. After finalize().
  void analyse(const std::vector<EdgeSummary>& all);
  // Makes `all` (every edge of the whole graph, in edge order) this graph's
  // edges and computes the analytics over them. Each edge's support becomes one
  // mention per supporting document, the first carrying the edge's first
  // evidence sentence, the others only their document: enough for the
  // aggregated writers (GraphML, GEXF, Neo4j CSV), not for those that list
  // every mention (RDF, the reports). After finalize().
  void adopt_summaries(std::vector<EdgeSummary> all);

  // Sorted by id after finalize(); on disk under a memory budget (graph/document_table.hpp).
  const DocumentTable& sources() const;
  // Nodes by value, their aliases, documents, dates and Wikidata ids read
  // back from disk; names, types, mention counts and analytics held in memory
  // (graph/node_table.hpp).
  const NodeTable& nodes() const;
  const std::vector<Edge>& edges() const;
  // Mention i of the graph's one store (SupportList::first() + k is the k-th of an edge).
  Support mention(std::size_t i) const;
  // Index of the node with this canonical name, or -1.
  int find(std::string_view name) const;
  // Relations add() skipped: an endpoint outside the entity list, or both
  // endpoints the same canonical entity.
  int dropped_relations() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Which of `parts` partitions an edge belongs to, from its endpoints' merge
// keys and its type (FNV-1a: the same on every host and in every process).
unsigned edge_partition(std::string_view head_key, RelationType type, std::string_view tail_key, unsigned parts);

}  // namespace kgraph::graph
