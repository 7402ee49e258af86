// Wikidata ids from the extractions to every output: the graph node keeps
// one (the same whatever the document order), GraphML/GEXF/Neo4j CSV carry a
// `wikidata` attribute or column (read back by networkx, graphology and
// Python's csv), the RDF says owl:sameAs <http://www.wikidata.org/entity/Q..>
// and a SPARQL query joins the graph to Wikidata data through it in rdflib and
// Oxigraph, and the reports link the item.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/rdf_writer.hpp"
#include "export/report_writer.hpp"
#include "tests/export/client_tools.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::exports {
namespace {

namespace fs = std::filesystem;
using kgraph::testing::ExtractionBuilder;
using kgraph::testing::lines_of;
using kgraph::testing::run_tool;
using kgraph::testing::shell_quote;

const std::string kClients = std::string(KGRAPH_SOURCE_DIR) + "/tests/clients/";

// Sergey Lavrov (Q58217) met NATO (Q7184) officials; Russia (Q159) in both
// documents; Ann Able has no id.
std::vector<Extraction> docs() {
  ExtractionBuilder d1("doc1", "2024-03-01", "Outlet A");
  int lavrov = d1.entity("Sergey Lavrov", EntityType::Person);
  int ann = d1.entity("Ann Able", EntityType::Person);
  int russia = d1.entity("Russia", EntityType::Country);
  d1.mut().entities[lavrov].wikidata = "Q58217";
  d1.mut().entities[russia].wikidata = "Q159";
  d1.relation(RelationType::MetWith, lavrov, ann, Modality::Asserted, 0, "Lavrov met Ann Able.");
  d1.relation(RelationType::HoldsPosition, lavrov, russia, Modality::Asserted, 30, "Russia's Lavrov.");
  ExtractionBuilder d2("doc2", "2024-03-02", "Outlet B");
  russia = d2.entity("Russia", EntityType::Country);
  int nato = d2.entity("NATO", EntityType::Organisation);
  d2.mut().entities[russia].wikidata = "Q159";
  d2.mut().entities[nato].wikidata = "Q7184";
  d2.relation(RelationType::SpokeWith, nato, russia, Modality::Reported, 0, "NATO spoke with Russia.");
  return {d1.get(), d2.get()};
}

graph::KnowledgeGraph build(std::vector<Extraction> in, bool reverse = false) {
  if (reverse) std::reverse(in.begin(), in.end());
  graph::KnowledgeGraph g;
  for (const Extraction& x : in) g.add(x);
  g.finalize();
  return g;
}

// Node ids in name order: n0 Ann Able, n1 NATO, n2 Russia, n3 Sergey Lavrov.
const std::vector<std::string> kNodes = {"n0 Ann Able: ", "n1 NATO: wikidata=Q7184", "n2 Russia: wikidata=Q159",
                                         "n3 Sergey Lavrov: wikidata=Q58217"};

class WikidataIds : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::scratch_dir("wikidata");
    graph_ = build(docs());
    options_.ontology_dir = KGRAPH_ONTOLOGY;
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  std::vector<std::string> run_lines(const std::string& command) {
    const auto r = run_tool(command + " 2>&1");
    EXPECT_EQ(r.status, 0) << command << "\n" << r.output;
    return lines_of(r.output);
  }
  fs::path dir_;
  graph::KnowledgeGraph graph_;
  ExportOptions options_;
};

TEST_F(WikidataIds, TheNodeKeepsTheLowestIdWhateverTheDocumentOrder) {
  ASSERT_EQ(graph_.nodes().size(), 4u);
  EXPECT_EQ(graph_.nodes()[static_cast<std::size_t>(graph_.find("Russia"))].wikidata, "Q159");
  EXPECT_EQ(graph_.nodes()[static_cast<std::size_t>(graph_.find("Ann Able"))].wikidata, "");
  // Two documents that disagree: Q9 is before Q10 by number, in either order.
  std::vector<Extraction> two = docs();
  two[0].entities[2].wikidata = "Q10";
  two[1].entities[0].wikidata = "Q9";
  for (bool reverse : {false, true}) {
    const graph::KnowledgeGraph g = build(two, reverse);
    EXPECT_EQ(g.nodes()[static_cast<std::size_t>(g.find("Russia"))].wikidata, "Q9") << reverse;
  }
}

TEST_F(WikidataIds, GraphmlGexfAndNeo4jCarryTheIdReadBackByTheirClients) {
  const fs::path graphml = dir_ / "g.graphml", gexf = dir_ / "g.gexf";
  {
    std::ofstream a(graphml, std::ios::binary), b(gexf, std::ios::binary);
    ExportOptions strict = options_;
    strict.graphml_strict = true;
    write_graphml(graph_, a, strict);
    write_gexf(graph_, b, options_);
  }
  write_neo4j_csv(graph_, dir_ / "neo4j", options_);
  EXPECT_EQ(run_lines("/usr/bin/python3 " + kClients + "read_graph.py networkx-graphml-nodes " +
                      shell_quote(graphml.string()) + " wikidata"),
            kNodes);
  ASSERT_NO_FATAL_FAILURE(testing::require_node_module("graphology-gexf"));
  EXPECT_EQ(run_lines("node " + kClients + "read_graph.js gexf " + shell_quote(gexf.string()) + " --nodes wikidata"),
            kNodes);
  EXPECT_EQ(run_lines("node " + kClients + "read_graph.js graphml " + shell_quote(graphml.string()) +
                      " --nodes wikidata"),
            kNodes);
  EXPECT_EQ(run_lines("/usr/bin/python3 " + kClients + "read_graph.py csv-nodes-attributes " +
                      shell_quote((dir_ / "neo4j" / "nodes.csv").string()) + " wikidata"),
            kNodes);
}

TEST_F(WikidataIds, SparqlJoinsTheGraphToWikidataThroughOwlSameAs) {
  std::ostringstream ttl, trig;
  write_rdf(graph_, ttl, RdfSyntax::Turtle, options_);
  write_rdf(graph_, trig, RdfSyntax::TriG, options_);
  testing::write_file(dir_ / "g.ttl", ttl.str());
  testing::write_file(dir_ / "g.trig", trig.str());
  EXPECT_NE(ttl.str().find("owl:sameAs wd:Q159"), std::string::npos) << ttl.str().substr(0, 3000);
  // A few statements as Wikidata's own RDF dump gives them.
  testing::write_file(dir_ / "wikidata.ttl",
                      "@prefix wd: <http://www.wikidata.org/entity/> .\n"
                      "@prefix wdt: <http://www.wikidata.org/prop/direct/> .\n"
                      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                      "wd:Q159 wdt:P36 wd:Q649 . wd:Q649 rdfs:label \"Moscow\"@en .\n"
                      "wd:Q7184 wdt:P159 wd:Q239 . wd:Q239 rdfs:label \"Brussels\"@en .\n"
                      "wd:Q58217 wdt:P569 \"1950-03-21\" .\n");
  const fs::path q = dir_ / "join.rq";
  testing::write_file(q,
                      "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
                      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                      "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
                      "PREFIX kg: <https://kgraph.example.org/ontology#>\n"
                      "SELECT ?name ?item ?place WHERE {\n"
                      "  ?entity a ?class ; rdfs:label ?name ; owl:sameAs ?item .\n"
                      "  ?item (wdt:P36|wdt:P159)/rdfs:label ?place .\n"
                      "} ORDER BY ?name\n");
  const std::vector<std::string> expected = {"NATO | http://www.wikidata.org/entity/Q7184 | Brussels",
                                             "Russia | http://www.wikidata.org/entity/Q159 | Moscow"};
  EXPECT_EQ(run_lines("/usr/bin/python3 " + kClients + "sparql_select.py " + shell_quote(q.string()) + " " +
                      shell_quote((dir_ / "g.ttl").string() + ":turtle") + " " +
                      shell_quote((dir_ / "wikidata.ttl").string() + ":turtle")),
            expected);
  ASSERT_NO_FATAL_FAILURE(testing::require_node_module("oxigraph"));
  EXPECT_EQ(run_lines("/usr/bin/node " + kClients + "oxigraph_query.js --query " + shell_quote(q.string()) + " " +
                      shell_quote((dir_ / "g.trig").string() + ":trig") + " " +
                      shell_quote((dir_ / "wikidata.ttl").string() + ":turtle")),
            expected);
}

TEST_F(WikidataIds, ReportsLinkTheItem) {
  std::ostringstream md, html;
  write_markdown_report(graph_, md, options_);
  write_html_report(graph_, html, options_);
  EXPECT_NE(md.str().find("- Wikidata: [Q159](https://www.wikidata.org/wiki/Q159)\n"), std::string::npos) << md.str();
  EXPECT_NE(html.str().find("<li>Wikidata: <a href=\"https://www.wikidata.org/wiki/Q58217\">Q58217</a></li>"),
            std::string::npos);
  EXPECT_NE(entity_profile_markdown(graph_, graph_.find("NATO")).find("- Wikidata: [Q7184]"), std::string::npos);
}

// The whole way, as a user runs it: `kgraph build` on the example corpus, then
// a SPARQL query over the Turtle it wrote, in Oxigraph.
TEST_F(WikidataIds, BuildOnTheExampleCorpusJoinsEntitiesToWikidata) {
  ASSERT_NO_FATAL_FAILURE(testing::require_node_module("oxigraph"));
  const fs::path out = dir_ / "out";
  run_lines(std::string(KGRAPH_BINARY) + " build -q " + shell_quote(KGRAPH_EXAMPLES) + " -o " +
            shell_quote(out.string()) + " --formats ttl,csv,md");
  const fs::path q = dir_ / "ids.rq";
  testing::write_file(q,
                      "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
                      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                      "SELECT ?name ?item WHERE { ?e rdfs:label ?name ; owl:sameAs ?item .\n"
                      "  FILTER(?name IN (\"Russia\", \"NATO\", \"Vladimir Putin\")) } ORDER BY ?name\n");
  EXPECT_EQ(run_lines("/usr/bin/node " + kClients + "oxigraph_query.js --query " + shell_quote(q.string()) + " " +
                      shell_quote((out / "graph.ttl").string() + ":turtle")),
            (std::vector<std::string>{"NATO | http://www.wikidata.org/entity/Q7184",
                                      "Russia | http://www.wikidata.org/entity/Q159",
                                      "Vladimir Putin | http://www.wikidata.org/entity/Q7747"}));
  const std::string nodes = testing::read_file(out / "nodes.csv");
  EXPECT_NE(nodes.find(",Russia,Country,"), std::string::npos);
  EXPECT_NE(nodes.find(",Q159\n"), std::string::npos) << nodes.substr(0, 400);
}

TEST_F(WikidataIds, AMalformedIdNeverReachesAnIriOrALink) {
  std::vector<Extraction> bad = docs();
  bad[1].entities[1].wikidata = "Q1> <http://evil.example/x";  // a caller that skipped the JSON reader's check
  const graph::KnowledgeGraph g = build(bad);
  std::ostringstream ttl, md;
  write_rdf(g, ttl, RdfSyntax::Turtle, options_);
  write_markdown_report(g, md, options_);
  EXPECT_EQ(ttl.str().find("evil"), std::string::npos);
  EXPECT_EQ(md.str().find("evil"), std::string::npos);
}

}  // namespace
}  // namespace kgraph::exports
