#include "export/graphml_writer.hpp"

#include <string>

#include "export/entity_palette.hpp"
#include "export/field_text.hpp"
#include "export/graph_values.hpp"
#include "export/xml_stream.hpp"

namespace kgraph::exports {
namespace {

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;    // attr.name; Gephi matches its properties on this
  const char* type;
};

// Key ids must be unique across domains, so edge keys get an "e_" prefix
// where a node key already uses the name.
constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"r", "node", "r", "int"},
    {"g", "node", "g", "int"},
    {"b", "node", "b", "int"},
    {"size", "node", "size", "double"},
    {"x", "node", "x", "double"},
    {"y", "node", "y", "double"},
    {"mentions", "node", "mentions", "int"},
    {"degree", "node", "degree", "int"},
    {"weighted_degree", "node", "weighted_degree", "double"},
    {"pagerank", "node", "pagerank", "double"},
    {"betweenness", "node", "betweenness", "double"},
    {"component", "node", "component", "int"},
    {"first_seen", "node", "first_seen", "string"},
    {"last_seen", "node", "last_seen", "string"},
    {"wikidata", "node", "wikidata", "string"},
    {"e_label", "edge", "label", "string"},
    {"relation", "edge", "relation", "string"},
    {"weight", "edge", "weight", "double"},
    {"sources", "edge", "sources", "int"},
    {"outlets", "edge", "outlets", "int"},
    {"modality", "edge", "modality", "string"},
    // Mentions per modality (graph_values.hpp names them), strongest first.
    {"mentions_asserted", "edge", "mentions_asserted", "int"},
    {"mentions_reported", "edge", "mentions_reported", "int"},
    {"mentions_planned", "edge", "mentions_planned", "int"},
    {"mentions_hypothetical", "edge", "mentions_hypothetical", "int"},
    {"mentions_negated", "edge", "mentions_negated", "int"},
    {"symmetric", "edge", "symmetric", "boolean"},
    {"e_first_seen", "edge", "first_seen", "string"},
    {"e_last_seen", "edge", "last_seen", "string"},
    {"evidence", "edge", "evidence", "string"},
};

void data(XmlStream& xml, const char* key, std::string_view value) {
  if (value.empty()) return;
  xml.start("data");
  xml.attribute("key", key);
  xml.text(value);
  xml.end();
}

void write_node(XmlStream& xml, const graph::Node& n, std::size_t index, double size, Rgb color) {
  xml.start("node");
  xml.attribute("id", element_id('n', index));
  data(xml, "label", n.name);
  data(xml, "type", to_string(n.type));
  data(xml, "aliases", join(n.aliases, " | "));
  data(xml, "r", std::to_string(color.r));
  data(xml, "g", std::to_string(color.g));
  data(xml, "b", std::to_string(color.b));
  data(xml, "size", format_number(size));
  data(xml, "x", format_number(n.x));
  data(xml, "y", format_number(n.y));
  data(xml, "mentions", std::to_string(n.mentions));
  data(xml, "degree", std::to_string(n.degree));
  data(xml, "weighted_degree", format_number(n.weighted_degree));
  data(xml, "pagerank", format_number(n.pagerank));
  data(xml, "betweenness", format_number(n.betweenness));
  data(xml, "component", std::to_string(n.component));
  data(xml, "first_seen", n.first_seen);
  data(xml, "last_seen", n.last_seen);
  data(xml, "wikidata", n.wikidata);
  xml.end();
}

void write_edge(XmlStream& xml, const graph::Edge& e, std::size_t index, bool strict, bool mixed) {
  const std::string relation(to_string(e.type));
  const bool symmetric = is_symmetric(e.type);
  xml.start("edge");
  xml.attribute("id", element_id('e', index));
  xml.attribute("source", element_id('n', static_cast<std::size_t>(e.head)));
  xml.attribute("target", element_id('n', static_cast<std::size_t>(e.tail)));
  if (!strict) {
    if (symmetric && mixed) xml.attribute("directed", "false");
    xml.attribute("label", relation);
  }
  data(xml, "e_label", relation);
  data(xml, "relation", relation);
  data(xml, "weight", format_number(e.weight));
  data(xml, "sources", std::to_string(e.source_count));
  data(xml, "outlets", std::to_string(e.outlet_count));
  data(xml, "modality", to_string(e.modality));
  for (const Modality m : graph::kModalityStrength) data(xml, modality_mentions_name(m), std::to_string(e.mentions(m)));
  data(xml, "symmetric", symmetric ? "true" : "false");
  data(xml, "e_first_seen", e.first_seen);
  data(xml, "e_last_seen", e.last_seen);
  data(xml, "evidence", first_evidence(e));
  xml.end();
}

}  // namespace

void write_graphml(const graph::KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
  const EntityPalette palette = EntityPalette::load(opts.ontology_dir);
  const std::vector<double> sizes = node_sizes(g);

  XmlStream xml(out);
  xml.start("graphml");
  xml.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml.attribute("xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const Key& k : kKeys) {
    xml.start("key");
    xml.attribute("id", k.id);
    xml.attribute("for", k.domain);
    xml.attribute("attr.name", k.name);
    xml.attribute("attr.type", k.type);
    xml.end();
  }
  xml.start("graph");
  xml.attribute("id", "G");
  xml.attribute("edgedefault", "directed");
  const auto& nodes = g.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) write_node(xml, nodes[i], i, sizes[i], palette.color(nodes.type(i)));
  const auto& edges = g.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) write_edge(xml, edges[i], i, opts.graphml_strict, opts.graphml_mixed);
  xml.finish();
}

}  // namespace kgraph::exports
