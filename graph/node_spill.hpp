// Nodes parked in a scratch file while the accumulation they are made from is
// freed (KnowledgeGraph::finalize).
//
// Made in memory, the nodes were taken from the system while the accumulation
// was still held, and the freed accumulation, scattered between what stays,
// could not be given back: a merge's peak was about the two together (issue
// 16). Written here one by one as each entity's accumulation goes, and read
// back once it is all freed (into a deque, whose small pieces fit the holes it
// left), the nodes reuse that memory instead.
#pragma once

#include <cstddef>
#include <deque>
#include <filesystem>
#include <vector>

#include "graph/spill_file.hpp"

namespace kgraph::graph {

struct Node;

class NodeSpill {
 public:
  // The file is made in `dir` (the system's temporary folder when empty).
  explicit NodeSpill(const std::filesystem::path& dir);
  // Appends what a node holds before the analytics: name, type, mentions,
  // aliases, sources, first and last seen, Wikidata id.
  void write(const Node& node);
  // Every node written, in order, appended to `nodes`.
  void read_all(std::deque<Node>& nodes);

 private:
  SpillFile file_;
  std::size_t count_ = 0;
};

}  // namespace kgraph::graph
