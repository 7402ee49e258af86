// The nodes of a finished graph: in memory what writers read of every node
// many times over (name, type, mention count, the analytics), on disk the rest
// (aliases, documents, first and last seen, Wikidata id), read back when a
// writer asks for the whole node.
//
// Held as a Node each (about 330 bytes with the name, aliases and document
// list on the heap), the nodes were most of what a merge held while writing,
// and a news corpus adds several new entities per article (issue 16). Here a
// node costs a row of 80 bytes and its name: the rest is one record of a
// scratch file (graph/spill_file.hpp), written when the node is made and read
// with one pread() when a writer takes the node, which each writer does once
// per node. The nodes come by value with the same fields either way, so the
// outputs cannot tell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/by_index_iterator.hpp"
#include "graph/spill_file.hpp"
#include "graph/text_store.hpp"
#include "ontology/types.hpp"

namespace kgraph::graph {

struct Node;

// A node's analytics, filled by finalize() (graph/analytics.hpp).
struct NodeMeasures {
  int degree = 0;
  int component = 0;
  double weighted_degree = 0;
  double pagerank = 0;
  double betweenness = 0;
  double x = 0, y = 0;  // deterministic layout
};

// What a node's record holds: aliases, sources, first and last seen, Wikidata id.
std::string node_record(const Node& node);
// Fills those fields of `node` from `record`; throws std::runtime_error
// starting with `what` when the record is cut short or has bytes left over.
void read_node_record(std::string_view record, Node& node, const std::string& what);

class NodeTable {
 public:
  using const_iterator = ByIndexIterator<NodeTable, Node>;

  // Records go to a scratch file in `dir` (the system's temporary folder when empty), made on the first one.
  explicit NodeTable(std::filesystem::path dir = {});
  ~NodeTable();
  NodeTable(NodeTable&&) noexcept;
  NodeTable& operator=(NodeTable&&) noexcept;

  void reserve(std::size_t nodes) { rows_.reserve(nodes); }
  // Appends `node` (its analytics are not kept: finalize() computes them here).
  void push_back(const Node& node);
  // Puts node order[i] at i for every i (order a permutation of the indices).
  void permute(const std::vector<std::uint32_t>& order);
  // Once the last push_back() and permute() are done, before reads from
  // several threads: puts the records in row order on disk.
  void seal();
  void clear();

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // Node i (i < size()) with every field, its record read back from disk;
  // throws std::runtime_error on an I/O error or a damaged record. at() also
  // throws std::out_of_range.
  Node operator[](std::size_t i) const;
  Node at(std::size_t i) const;
  // Held in memory; the views are valid as long as the table.
  std::string_view name(std::size_t i) const { return rows_[i].name; }
  EntityType type(std::size_t i) const { return rows_[i].type; }
  int mentions(std::size_t i) const { return rows_[i].mentions; }
  const NodeMeasures& measures(std::size_t i) const { return rows_[i].measures; }
  NodeMeasures& measures(std::size_t i) { return rows_[i].measures; }

  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }

 private:
  struct Row {
    std::string_view name;            // in names_
    std::uint64_t record = 0;         // offset of the record in file_
    std::uint32_t record_bytes = 0;   // 0: no record (no aliases, sources, dates or Wikidata id)
    std::int32_t mentions = 0;
    EntityType type = EntityType::Organisation;
    NodeMeasures measures;
  };

  std::uint64_t id_;  // tells tables apart in the threads' read windows
  bool permuted_ = false;
  std::filesystem::path dir_;
  std::string what_;  // names the file in errors
  std::vector<Row> rows_;
  TextStore names_;
  std::unique_ptr<SpillFile> file_;
};

}  // namespace kgraph::graph
