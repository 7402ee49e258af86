// What the reports say, computed once from the graph so that the Markdown and
// HTML reports cannot drift apart: counts, outlets per edge, offices held,
// neighbours, and disagreements between outlets. No formatting here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <span>
#include <stdexcept>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// The outlet an article counts under: its source name, else "unknown outlet"
// (never its file name or id: that stays the document). Like outlet_count,
// all articles of unknown outlet are one outlet here.
inline constexpr const char* kUnknownOutlet = "unknown outlet";
std::string outlet_of(const DocumentMeta& meta);
std::string outlet_of(std::string_view source);  // DocumentMeta::source

struct ReportSummary {
  int documents = 0;
  std::array<int, kEntityTypeCount> entities{};         // nodes per EntityType
  std::array<int, kRelationTypeCount> relations{};      // edges per RelationType
  std::array<int, kRelationTypeCount> mentions{};       // supporting mentions per RelationType
};
ReportSummary summarize(const graph::KnowledgeGraph& graph);

// Distinct outlets of an edge's support, sorted.
std::vector<std::string> edge_outlets(const graph::KnowledgeGraph& graph, const graph::Edge& edge);

// Indices of the edges of one relation type, in graph order.
std::vector<int> edges_of_type(const graph::KnowledgeGraph& graph, RelationType type);

// The edges touching each node (indexed like graph.nodes()), as edge indices
// in graph order; an edge from a node to itself is listed once. Built in one
// pass so that a report asking about every node costs O(nodes + edges), not
// O(nodes * edges).
// One array of edge indices and where each node's run starts in it (a vector
// per node cost 24 bytes for each of the many nodes without an edge, issue 16).
class Incidence {
 public:
  // The edges touching `node`; throws std::out_of_range for no such node.
  std::span<const int> at(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) + 1 >= first_.size()) throw std::out_of_range("Incidence::at: no such node");
    const auto n = static_cast<std::size_t>(node);
    return std::span<const int>(edges_).subspan(first_[n], first_[n + 1] - first_[n]);
  }

 private:
  friend Incidence incident_edges(const graph::KnowledgeGraph& graph);
  std::vector<std::uint32_t> first_;  // node i's edges are edges_[first_[i], first_[i + 1])
  std::vector<int> edges_;
};
Incidence incident_edges(const graph::KnowledgeGraph& graph);

struct Office {
  int organisation = -1;            // node the office belongs to
  std::vector<std::string> titles;  // distinct "title" attributes of the support, sorted
  Modality modality = Modality::Asserted;
};
// holds_position edges whose head is `node`, in graph order. `incidence` is
// incident_edges(graph).
std::vector<Office> offices_of(const graph::KnowledgeGraph& graph, int node, const Incidence& incidence);

struct Neighbour {
  int edge = -1;
  int other = -1;
  bool outgoing = true;  // node is the edge's head
};
// Every edge touching `node`, in graph order. `incidence` is incident_edges(graph).
std::vector<Neighbour> neighbours_of(const graph::KnowledgeGraph& graph, int node, const Incidence& incidence);

// One pair of entities that outlets describe differently: two or more
// distinct (relation type, modality) readings of the pair, from at least two
// outlets. Each reading lists the outlets that gave it.
struct Reading {
  RelationType type = RelationType::MetWith;
  Modality modality = Modality::Asserted;
  bool forward = true;               // head is `a` (matters for directed types)
  std::vector<std::string> outlets;  // sorted, distinct
};
struct Disagreement {
  int a = -1, b = -1;  // nodes, a < b
  std::vector<Reading> readings;  // sorted by (type, modality, forward)
};
std::vector<Disagreement> disagreements(const graph::KnowledgeGraph& graph);

// "2024-03-01" or "" when the source has no date.
std::string support_date(const graph::KnowledgeGraph& graph, const graph::Support& support);

}  // namespace kgraph::exports
