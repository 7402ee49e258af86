#include "export/report_facts.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kgraph::exports {

std::string outlet_of(const DocumentMeta& meta) { return outlet_of(std::string_view(meta.source)); }
std::string outlet_of(std::string_view source) { return source.empty() ? kUnknownOutlet : std::string(source); }

ReportSummary summarize(const graph::KnowledgeGraph& graph) {
  ReportSummary s;
  s.documents = static_cast<int>(graph.sources().size());
  for (std::size_t i = 0; i < graph.nodes().size(); ++i) ++s.entities[static_cast<std::size_t>(graph.nodes().type(i))];
  for (const graph::Edge& e : graph.edges()) {
    ++s.relations[static_cast<std::size_t>(e.type)];
    s.mentions[static_cast<std::size_t>(e.type)] += static_cast<int>(e.support.size());
  }
  return s;
}

std::vector<std::string> edge_outlets(const graph::KnowledgeGraph& graph, const graph::Edge& edge) {
  if (edge.support.size() == 1) return {outlet_of(graph.sources().outlet(edge.support.front().source))};
  std::set<std::string> outlets;
  for (const graph::Support& s : edge.support) outlets.insert(outlet_of(graph.sources().outlet(s.source)));
  return {outlets.begin(), outlets.end()};
}

std::vector<int> edges_of_type(const graph::KnowledgeGraph& graph, RelationType type) {
  std::vector<int> out;
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    if (graph.edges()[i].type == type) out.push_back(static_cast<int>(i));
  }
  return out;
}

Incidence incident_edges(const graph::KnowledgeGraph& graph) {
  Incidence out;
  const auto& edges = graph.edges();
  out.first_.assign(graph.nodes().size() + 1, 0);
  for (const graph::Edge& e : edges) {
    ++out.first_.at(static_cast<std::size_t>(e.head) + 1);
    if (e.tail != e.head) ++out.first_.at(static_cast<std::size_t>(e.tail) + 1);
  }
  for (std::size_t i = 1; i < out.first_.size(); ++i) out.first_[i] += out.first_[i - 1];
  out.edges_.resize(out.first_.back());
  std::vector<std::uint32_t> next(out.first_.begin(), out.first_.end() - 1);  // edges in graph order within each node
  for (std::size_t i = 0; i < edges.size(); ++i) {
    out.edges_[next[static_cast<std::size_t>(edges[i].head)]++] = static_cast<int>(i);
    if (edges[i].tail != edges[i].head) out.edges_[next[static_cast<std::size_t>(edges[i].tail)]++] = static_cast<int>(i);
  }
  return out;
}

std::vector<Office> offices_of(const graph::KnowledgeGraph& graph, int node, const Incidence& incidence) {
  std::vector<Office> out;
  for (const int i : incidence.at(node)) {
    const graph::Edge& e = graph.edges()[i];
    if (e.type != RelationType::HoldsPosition || e.head != node) continue;
    std::set<std::string> titles;
    for (const graph::Support& s : e.support) {
      if (auto it = s.attributes.find("title"); it != s.attributes.end() && !it->second.empty()) {
        titles.emplace(it->second);
      }
    }
    out.push_back(Office{e.tail, {titles.begin(), titles.end()}, e.modality});
  }
  return out;
}

std::vector<Neighbour> neighbours_of(const graph::KnowledgeGraph& graph, int node, const Incidence& incidence) {
  std::vector<Neighbour> out;
  for (const int i : incidence.at(node)) {
    const graph::Edge& e = graph.edges()[i];
    if (e.head == node) out.push_back(Neighbour{i, e.tail, true});
    if (e.tail == node && e.head != node) out.push_back(Neighbour{i, e.head, false});
  }
  return out;
}

std::vector<Disagreement> disagreements(const graph::KnowledgeGraph& graph) {
  // Edges grouped by their unordered pair of nodes, pairs in ascending order.
  struct PairEdge {
    int a, b, edge;
  };
  std::vector<PairEdge> by_pair;
  by_pair.reserve(graph.edges().size());
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    const graph::Edge& e = graph.edges()[i];
    by_pair.push_back(PairEdge{std::min(e.head, e.tail), std::max(e.head, e.tail), static_cast<int>(i)});
  }
  std::sort(by_pair.begin(), by_pair.end(),
            [](const PairEdge& x, const PairEdge& y) { return std::tie(x.a, x.b, x.edge) < std::tie(y.a, y.b, y.edge); });

  using Key = std::tuple<RelationType, Modality, bool>;  // (type, modality, forward)
  std::vector<Disagreement> out;
  for (std::size_t first = 0, last = 0; first < by_pair.size(); first = last) {
    while (last < by_pair.size() && by_pair[last].a == by_pair[first].a && by_pair[last].b == by_pair[first].b) ++last;
    // Most pairs have one edge read one way by everyone: nothing to compare.
    if (last - first == 1) {
      const auto& support = graph.edges()[static_cast<std::size_t>(by_pair[first].edge)].support;
      const bool one_modality = std::all_of(support.begin(), support.end(), [&](const graph::Support& s) {
        return s.modality == support.front().modality;
      });
      if (one_modality) continue;
    }
    std::map<Key, std::set<std::string>> readings;  // -> outlets
    for (std::size_t k = first; k < last; ++k) {
      const graph::Edge& e = graph.edges()[static_cast<std::size_t>(by_pair[k].edge)];
      // Symmetric types have no direction to disagree about.
      const bool forward = is_symmetric(e.type) || e.head == by_pair[k].a;
      for (const graph::Support& s : e.support) {
        readings[Key{e.type, s.modality, forward}].insert(outlet_of(graph.sources().outlet(s.source)));
      }
    }
    if (readings.size() < 2) continue;
    std::set<std::string> outlets;
    for (const auto& [key, names] : readings) outlets.insert(names.begin(), names.end());
    if (outlets.size() < 2) continue;
    Disagreement d{by_pair[first].a, by_pair[first].b, {}};
    for (const auto& [key, names] : readings) {
      d.readings.push_back(Reading{std::get<0>(key), std::get<1>(key), std::get<2>(key), {names.begin(), names.end()}});
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::string support_date(const graph::KnowledgeGraph& graph, const graph::Support& support) {
  return std::string(graph.sources().date(static_cast<std::size_t>(support.source)));
}

}  // namespace kgraph::exports
