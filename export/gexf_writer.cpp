#include "export/gexf_writer.hpp"

#include <string>
#include <vector>

#include "export/entity_palette.hpp"
#include "export/field_text.hpp"
#include "export/graph_values.hpp"
#include "export/xml_stream.hpp"

namespace kgraph::exports {
namespace {

struct Column {
  const char* id;
  const char* type;  // GEXF attribute type
};

constexpr Column kNodeColumns[] = {
    {"type", "string"},      {"aliases", "string"},     {"mentions", "integer"},
    {"degree", "integer"},   {"weighted_degree", "double"}, {"pagerank", "double"},
    {"betweenness", "double"}, {"component", "integer"}, {"first_seen", "string"},
    {"last_seen", "string"},   {"wikidata", "string"},
};
constexpr Column kEdgeColumns[] = {
    {"relation", "string"}, {"sources", "integer"}, {"outlets", "integer"}, {"modality", "string"},
    // Mentions per modality (graph_values.hpp names them), strongest first.
    {"mentions_asserted", "integer"}, {"mentions_reported", "integer"}, {"mentions_planned", "integer"},
    {"mentions_hypothetical", "integer"}, {"mentions_negated", "integer"},
    {"first_seen", "string"}, {"last_seen", "string"}, {"evidence", "string"},
};

void declare(XmlStream& xml, const char* cls, const auto& columns) {
  xml.start("attributes");
  xml.attribute("class", cls);
  xml.attribute("mode", "static");
  for (const Column& c : columns) {
    xml.start("attribute");
    xml.attribute("id", c.id);
    xml.attribute("title", c.id);
    xml.attribute("type", c.type);
    xml.end();
  }
  xml.end();
}

// Values in column order; empty ones are left out.
void attvalues(XmlStream& xml, const auto& columns, const std::vector<std::string>& values) {
  xml.start("attvalues");
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    xml.start("attvalue");
    xml.attribute("for", columns[i].id);
    xml.attribute("value", values[i]);
    xml.end();
  }
  xml.end();
}

void spells(XmlStream& xml, const std::vector<std::string>& dates) {
  if (dates.empty()) return;
  xml.start("spells");
  for (const std::string& d : dates) {
    xml.start("spell");
    xml.attribute("start", d);
    xml.attribute("end", d);
    xml.end();
  }
  xml.end();
}

void write_node(XmlStream& xml, const graph::KnowledgeGraph& g, std::size_t i, double size, Rgb color) {
  const graph::Node n = g.nodes()[i];
  xml.start("node");
  xml.attribute("id", element_id('n', i));
  xml.attribute("label", n.name);
  attvalues(xml, kNodeColumns,
            {std::string(to_string(n.type)), join(n.aliases, " | "), std::to_string(n.mentions),
             std::to_string(n.degree), format_number(n.weighted_degree), format_number(n.pagerank),
             format_number(n.betweenness), std::to_string(n.component), n.first_seen, n.last_seen, n.wikidata});
  spells(xml, distinct_dates(g, n.sources));
  xml.start("viz:color");
  xml.attribute("r", std::to_string(color.r));
  xml.attribute("g", std::to_string(color.g));
  xml.attribute("b", std::to_string(color.b));
  xml.end();
  xml.start("viz:position");
  xml.attribute("x", format_number(n.x));
  xml.attribute("y", format_number(n.y));
  xml.attribute("z", "0");
  xml.end();
  xml.start("viz:size");
  xml.attribute("value", format_number(size));
  xml.end();
  xml.end();
}

void write_edge(XmlStream& xml, const graph::KnowledgeGraph& g, std::size_t i) {
  const graph::Edge& e = g.edges()[i];
  const std::string relation(to_string(e.type));
  xml.start("edge");
  xml.attribute("id", element_id('e', i));
  xml.attribute("source", element_id('n', static_cast<std::size_t>(e.head)));
  xml.attribute("target", element_id('n', static_cast<std::size_t>(e.tail)));
  if (is_symmetric(e.type)) xml.attribute("type", "undirected");
  xml.attribute("kind", relation);
  xml.attribute("label", relation);
  xml.attribute("weight", format_number(e.weight));
  std::vector<std::string> values = {relation, std::to_string(e.source_count), std::to_string(e.outlet_count),
                                     std::string(to_string(e.modality))};
  for (const Modality m : graph::kModalityStrength) values.push_back(std::to_string(e.mentions(m)));
  values.insert(values.end(), {e.first_seen, e.last_seen, first_evidence(e)});
  attvalues(xml, kEdgeColumns, values);
  spells(xml, distinct_dates(g, edge_sources(e)));
  xml.end();
}

// The "last modified" date: the caller's timestamp if given, else the newest
// article date, else none -- never the clock, so output stays reproducible.
std::string modified_date(const graph::KnowledgeGraph& g, const ExportOptions& opts) {
  if (!opts.generated_at.empty()) return opts.generated_at.substr(0, 10);
  std::string newest;
  for (std::size_t i = 0; i < g.sources().size(); ++i) {
    const std::string_view date = g.sources().date(i);
    newest = std::max(newest, std::string(date.substr(0, std::min<std::size_t>(10, date.size()))));
  }
  return newest;
}

}  // namespace

void write_gexf(const graph::KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
  const EntityPalette palette = EntityPalette::load(opts.ontology_dir);
  const std::vector<double> sizes = node_sizes(g);
  bool dated = false;
  for (std::size_t i = 0; i < g.sources().size(); ++i) dated = dated || !g.sources().date(i).empty();

  XmlStream xml(out);
  xml.start("gexf");
  xml.attribute("xmlns", "http://gexf.net/1.3");
  xml.attribute("xmlns:viz", "http://gexf.net/1.3/viz");
  xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml.attribute("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
  xml.attribute("version", "1.3");
  xml.start("meta");
  if (std::string date = modified_date(g, opts); !date.empty()) xml.attribute("lastmodifieddate", date);
  xml.element("creator", opts.generator);
  xml.element("description", "knowledge graph of news articles");
  xml.end();

  xml.start("graph");
  xml.attribute("defaultedgetype", "directed");
  // A static graph when nothing is dated: there is no timeline to show.
  xml.attribute("mode", dated ? "dynamic" : "static");
  if (dated) xml.attribute("timeformat", "date");
  declare(xml, "node", kNodeColumns);
  declare(xml, "edge", kEdgeColumns);
  xml.start("nodes");
  for (std::size_t i = 0; i < g.nodes().size(); ++i) write_node(xml, g, i, sizes[i], palette.color(g.nodes().type(i)));
  xml.end();
  xml.start("edges");
  for (std::size_t i = 0; i < g.edges().size(); ++i) write_edge(xml, g, i);
  xml.end();
  xml.finish();
}

}  // namespace kgraph::exports
