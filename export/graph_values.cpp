#include "export/graph_values.hpp"

#include <algorithm>
#include <set>

namespace kgraph::exports {

std::string element_id(char prefix, std::size_t index) {
  std::string id(1, prefix);  // appended rather than prefix + ...: GCC 12 warns falsely (-Wrestrict) on that
  id += std::to_string(index);
  return id;
}

std::vector<double> node_sizes(const graph::KnowledgeGraph& g) {
  constexpr double kMin = 10, kMax = 50;
  const auto& nodes = g.nodes();
  std::vector<double> sizes(nodes.size(), (kMin + kMax) / 2);
  if (nodes.empty()) return sizes;
  double lo = nodes.measures(0).pagerank, hi = lo;
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    lo = std::min(lo, nodes.measures(i).pagerank);
    hi = std::max(hi, nodes.measures(i).pagerank);
  }
  const double range = hi - lo;
  if (range <= 0) return sizes;
  for (std::size_t i = 0; i < nodes.size(); ++i) sizes[i] = kMin + (kMax - kMin) * (nodes.measures(i).pagerank - lo) / range;
  return sizes;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string first_evidence(const graph::Edge& e) { return e.support.empty() ? "" : e.support.front().evidence.text.str(); }

std::vector<std::string> distinct_dates(const graph::KnowledgeGraph& g, const std::vector<int>& sources) {
  std::set<std::string> dates;
  for (int s : sources) {
    const std::string_view d = g.sources().date(static_cast<std::size_t>(s));
    if (!d.empty()) dates.emplace(d.substr(0, std::min<std::size_t>(10, d.size())));
  }
  return {dates.begin(), dates.end()};
}

const char* modality_mentions_name(Modality m) {
  switch (m) {
    case Modality::Asserted: return "mentions_asserted";
    case Modality::Reported: return "mentions_reported";
    case Modality::Planned: return "mentions_planned";
    case Modality::Hypothetical: return "mentions_hypothetical";
    case Modality::Negated: return "mentions_negated";
  }
  return "mentions_unknown";
}

std::string modality_mentions_text(const graph::Edge& e) {
  std::string out;
  for (const Modality m : graph::kModalityStrength) {
    if (e.mentions(m) == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(e.mentions(m));
    out += ' ';
    out += to_string(m);
  }
  return out;
}

std::vector<int> edge_sources(const graph::Edge& e) {
  std::vector<int> out;
  for (const graph::Support& s : e.support)
    if (out.empty() || out.back() != s.source) out.push_back(s.source);  // support is sorted by source
  return out;
}

}  // namespace kgraph::exports
