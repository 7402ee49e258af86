// The Markdown report. Every piece of input text goes through
// markdown_escape(); numbers are formatted with fixed precision.
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

#include "export/graph_values.hpp"
#include "export/report_facts.hpp"
#include "export/report_writer.hpp"
#include "export/slugs.hpp"
#include "export/text_escape.hpp"

namespace kgraph::exports {
namespace {

std::string fixed3(double v) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 3);
  return std::string(buf.data(), r.ptr);
}

std::string md(std::string_view text) { return markdown_escape(text); }

std::string join_escaped(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += md(item);
  }
  return out;
}

std::string relation_phrase(RelationType t) {
  std::string s(to_string(t));
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

void summary(std::ostream& out, const graph::KnowledgeGraph& graph) {
  const ReportSummary s = summarize(graph);
  out << "## Summary\n\n"
      << "| What | Count |\n|---|---:|\n"
      << "| Documents | " << s.documents << " |\n"
      << "| Entities | " << graph.nodes().size() << " |\n"
      << "| Relations | " << graph.edges().size() << " |\n\n";
  out << "| Entity type | Entities |\n|---|---:|\n";
  for (int t = 0; t < kEntityTypeCount; ++t) {
    out << "| " << to_string(static_cast<EntityType>(t)) << " | " << s.entities[t] << " |\n";
  }
  out << "\n| Relation type | Relations | Mentions |\n|---|---:|---:|\n";
  for (int t = 0; t < kRelationTypeCount; ++t) {
    out << "| " << md(to_string(static_cast<RelationType>(t))) << " | " << s.relations[t] << " | " << s.mentions[t]
        << " |\n";
  }
  out << "\n";
}

void sources(std::ostream& out, const graph::KnowledgeGraph& graph) {
  out << "## Sources\n\n| Document | Outlet | Date | Title |\n|---|---|---|---|\n";
  for (const DocumentMeta& m : graph.sources()) {
    out << "| " << md(m.id) << " | " << md(outlet_of(m)) << " | " << md(m.date) << " | " << md(m.title) << " |\n";
  }
  out << "\n";
}

// "Reuters, “Title” (doc-id), 2024-03-01"
std::string source_line(const DocumentMeta& m) {
  // Appends rather than "literal" + string: GCC 12 warns falsely (-Wrestrict) on that.
  std::string s = "*";
  s.append(md(outlet_of(m))).append("*");
  if (!m.title.empty()) s.append(", “").append(md(m.title)).append("”");
  s.append(" (").append(md(m.id)).append(")");
  if (!m.date.empty()) s.append(", ").append(md(m.date));
  return s;
}

// ": 3 asserted, 1 planned" when an edge's mentions differ in modality, else
// "" (the edge's modality then says it all).
std::string mixed_modalities(const graph::Edge& e) {
  return e.mentions(e.modality) == static_cast<int>(e.support.size()) ? "" : ": " + modality_mentions_text(e);
}

void relations(std::ostream& out, const graph::KnowledgeGraph& graph) {
  out << "## Relations\n\n"
      << "Modality says how the text presents a relation; only *asserted* and *reported* ones describe "
         "something said to have happened.\n\n";
  for (int t = 0; t < kRelationTypeCount; ++t) {
    const auto type = static_cast<RelationType>(t);
    const std::vector<int> edges = edges_of_type(graph, type);
    if (edges.empty()) continue;
    out << "### " << md(to_string(type)) << " (" << edges.size() << ")\n\n";
    for (const int i : edges) {
      const graph::Edge& e = graph.edges()[i];
      out << "#### " << md(graph.nodes().name(static_cast<std::size_t>(e.head))) << " — " << md(relation_phrase(e.type)) << " — "
          << md(graph.nodes().name(static_cast<std::size_t>(e.tail))) << "\n\n"
          << "Modality: **" << to_string(e.modality) << "** (" << modality_mentions_text(e) << ") · weight "
          << std::llround(e.weight)
          << " · " << e.source_count << (e.source_count == 1 ? " document" : " documents") << " · outlets: "
          << join_escaped(edge_outlets(graph, e)) << "\n\n";
      for (const graph::Support& s : e.support) {
        out << "- " << source_line(graph.sources().at(s.source)) << " — " << to_string(s.modality)
            << ", confidence " << fixed3(s.confidence);
        if (auto it = s.attributes.find("title"); it != s.attributes.end() && !it->second.empty()) {
          out << ", title “" << md(it->second) << "”";
        }
        out << "  \n  > " << md(s.evidence.text.str()) << "\n";
      }
      out << "\n";
    }
  }
}

void disagreement_section(std::ostream& out, const graph::KnowledgeGraph& graph) {
  out << "## Disagreements between outlets\n\n";
  const auto list = disagreements(graph);
  if (list.empty()) {
    out << "No pair of entities is described differently by different outlets.\n\n";
    return;
  }
  for (const Disagreement& d : list) {
    const std::string_view a = graph.nodes().name(static_cast<std::size_t>(d.a));
    const std::string_view b = graph.nodes().name(static_cast<std::size_t>(d.b));
    out << "- **" << md(a) << "** and **" << md(b) << "**:\n";
    for (const Reading& r : d.readings) {
      const std::string_view head = r.forward ? a : b;
      const std::string_view tail = r.forward ? b : a;
      out << "  - " << md(head) << " " << md(relation_phrase(r.type)) << " " << md(tail) << " (" << to_string(r.modality)
          << ") according to " << join_escaped(r.outlets) << "\n";
    }
  }
  out << "\n";
}

std::string profile(const graph::KnowledgeGraph& graph, int node, const Incidence& incidence) {
  const graph::Node n = graph.nodes().at(static_cast<std::size_t>(node));
  std::ostringstream out;
  out << "### " << md(n.name) << "\n\n";
  out << "- Type: " << to_string(n.type) << "\n";
  if (!n.aliases.empty()) out << "- Also called: " << join_escaped(n.aliases) << "\n";
  if (is_wikidata_id(n.wikidata))
    out << "- Wikidata: [" << n.wikidata << "](https://www.wikidata.org/wiki/" << n.wikidata << ")\n";
  out << "- Mentions: " << n.mentions << " in " << n.sources.size()
      << (n.sources.size() == 1 ? " document" : " documents");
  if (!n.first_seen.empty()) {
    out << ", " << md(n.first_seen);
    if (n.last_seen != n.first_seen) out << " to " << md(n.last_seen);
  }
  out << "\n";
  const auto offices = offices_of(graph, node, incidence);
  if (!offices.empty()) {
    out << "- Offices:\n";
    for (const Office& o : offices) {
      out << "  - " << (o.titles.empty() ? std::string("position") : join_escaped(o.titles, " / ")) << ", "
          << md(graph.nodes().name(static_cast<std::size_t>(o.organisation)));
      if (o.modality != Modality::Asserted) out << " (" << to_string(o.modality) << ")";
      out << "\n";
    }
  }
  const auto neighbours = neighbours_of(graph, node, incidence);
  if (!neighbours.empty()) {
    out << "- Relations:\n";
    for (const Neighbour& nb : neighbours) {
      const graph::Edge& e = graph.edges()[nb.edge];
      const std::string other = md(graph.nodes().name(static_cast<std::size_t>(nb.other)));
      out << "  - " << (nb.outgoing || is_symmetric(e.type) ? relation_phrase(e.type) + " " + other
                                                             : other + " " + relation_phrase(e.type) + " " + md(n.name))
          << " (" << to_string(e.modality) << ", " << e.support.size()
          << (e.support.size() == 1 ? " mention" : " mentions") << mixed_modalities(e) << ")\n";
    }
  }
  return out.str();
}

}  // namespace

std::string entity_profile_markdown(const graph::KnowledgeGraph& graph, int node) {
  return profile(graph, node, incident_edges(graph));
}

void write_markdown_report(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options) {
  out << "# Knowledge graph report\n\n"
      << "Built by " << md(options.generator) << " from " << graph.sources().size()
      << (graph.sources().size() == 1 ? " document" : " documents");
  if (!options.generated_at.empty()) out << " on " << md(options.generated_at);
  out << ".\n\n";
  summary(out, graph);
  sources(out, graph);
  relations(out, graph);
  out << "## Entities\n\n";
  const Incidence incidence = incident_edges(graph);
  for (std::size_t i = 0; i < graph.nodes().size(); ++i) {
    out << profile(graph, static_cast<int>(i), incidence) << "\n";
  }
  disagreement_section(out, graph);
}

}  // namespace kgraph::exports
