#include "cli/graph_outputs.hpp"

#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "export/atomic_file.hpp"
#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/rdf_writer.hpp"
#include "export/report_writer.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::cli {

const std::vector<std::string>& all_formats() {
  static const std::vector<std::string> kFormats = {"graphml", "gexf", "ttl", "nt", "nq", "trig", "md", "html", "csv"};
  return kFormats;
}

std::set<std::string> parse_formats(const std::string& list) {
  std::set<std::string> out;
  for (const std::string& f : split_nonempty(list, ',')) {
    bool known = false;
    for (const std::string& k : all_formats()) known = known || k == f;
    if (!known) throw std::invalid_argument("unknown output format '" + f + "' (known: graphml,gexf,ttl,nt,nq,trig,md,html,csv)");
    out.insert(f);
  }
  return out;
}

std::vector<std::filesystem::path> write_graph_outputs(const graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                                                       const std::set<std::string>& formats,
                                                       const exports::ExportOptions& options) {
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> written;
  auto emit = [&](const std::string& format, const std::string& file, auto&& writer) {
    if (!formats.count(format)) return;
    exports::write_atomically(dir / file, writer);
    written.push_back(dir / file);
  };
  using exports::RdfSyntax;
  emit("graphml", "graph.graphml", [&](std::ostream& o) { exports::write_graphml(g, o, options); });
  emit("gexf", "graph.gexf", [&](std::ostream& o) { exports::write_gexf(g, o, options); });
  emit("ttl", "graph.ttl", [&](std::ostream& o) { exports::write_rdf(g, o, RdfSyntax::Turtle, options); });
  emit("nt", "graph.nt", [&](std::ostream& o) { exports::write_rdf(g, o, RdfSyntax::NTriples, options); });
  emit("nq", "graph.nq", [&](std::ostream& o) { exports::write_rdf(g, o, RdfSyntax::NQuads, options); });
  emit("trig", "graph.trig", [&](std::ostream& o) { exports::write_rdf(g, o, RdfSyntax::TriG, options); });
  emit("md", "report.md", [&](std::ostream& o) { exports::write_markdown_report(g, o, options); });
  emit("html", "report.html", [&](std::ostream& o) { exports::write_html_report(g, o, options); });
  if (formats.count("csv")) {
    exports::write_neo4j_csv(g, dir, options);
    written.push_back(dir / "nodes.csv");
    written.push_back(dir / "relationships.csv");
  }
  return written;
}

std::string generated_at_from_environment() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return {};
  std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace kgraph::cli
