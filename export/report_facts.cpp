#include "export/report_facts.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kgraph::exports {

std::string outlet_of(const DocumentMeta& meta) { return meta.source.empty() ? meta.id : meta.source; }

ReportSummary summarize(const graph::KnowledgeGraph& graph) {
  ReportSummary s;
  s.documents = static_cast<int>(graph.sources().size());
  for (const graph::Node& n : graph.nodes()) ++s.entities[static_cast<std::size_t>(n.type)];
  for (const graph::Edge& e : graph.edges()) {
    ++s.relations[static_cast<std::size_t>(e.type)];
    s.mentions[static_cast<std::size_t>(e.type)] += static_cast<int>(e.support.size());
  }
  return s;
}

std::vector<std::string> edge_outlets(const graph::KnowledgeGraph& graph, const graph::Edge& edge) {
  std::set<std::string> outlets;
  for (const graph::Support& s : edge.support) outlets.insert(outlet_of(graph.sources().at(s.source)));
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
  Incidence out(graph.nodes().size());
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    const graph::Edge& e = graph.edges()[i];
    out.at(e.head).push_back(static_cast<int>(i));
    if (e.tail != e.head) out.at(e.tail).push_back(static_cast<int>(i));
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
        titles.insert(it->second);
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
  // (a, b) -> (type, modality, forward) -> outlets
  using Key = std::tuple<RelationType, Modality, bool>;
  std::map<std::pair<int, int>, std::map<Key, std::set<std::string>>> pairs;
  for (const graph::Edge& e : graph.edges()) {
    const int a = std::min(e.head, e.tail), b = std::max(e.head, e.tail);
    // Symmetric types have no direction to disagree about.
    const bool forward = is_symmetric(e.type) || e.head == a;
    for (const graph::Support& s : e.support) {
      pairs[{a, b}][Key{e.type, s.modality, forward}].insert(outlet_of(graph.sources().at(s.source)));
    }
  }
  std::vector<Disagreement> out;
  for (const auto& [pair, readings] : pairs) {
    if (readings.size() < 2) continue;
    std::set<std::string> outlets;
    for (const auto& [key, names] : readings) outlets.insert(names.begin(), names.end());
    if (outlets.size() < 2) continue;
    Disagreement d{pair.first, pair.second, {}};
    for (const auto& [key, names] : readings) {
      d.readings.push_back(Reading{std::get<0>(key), std::get<1>(key), std::get<2>(key), {names.begin(), names.end()}});
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::string support_date(const graph::KnowledgeGraph& graph, const graph::Support& support) {
  return graph.sources().at(support.source).date;
}

}  // namespace kgraph::exports
