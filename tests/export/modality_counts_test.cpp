// Per-modality mention counts of an edge, in every output format, each read
// back by the client its users load it with: networkx (GraphML), graphology
// (GEXF, as Gephi Lite), Python's csv module (Neo4j CSV), rdflib and Oxigraph
// (RDF, by SPARQL), and the text of the Markdown and HTML reports.
//
// The graph: Ann Able met Ben Baker, said once as a fact and twice as a plan
// (1 asserted + 2 planned), so the edge is drawn asserted with those counts;
// and Ann Able planned to meet Cy Cole (2 planned), which stays planned.
#include <gtest/gtest.h>

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

graph::KnowledgeGraph mixed_graph() {
  ExtractionBuilder d1("doc1", "2024-03-01", "Outlet A");
  int ann = d1.entity("Ann Able", EntityType::Person);
  int ben = d1.entity("Ben Baker", EntityType::Person);
  d1.relation(RelationType::MetWith, ann, ben, Modality::Asserted, 0, "Ann Able met Ben Baker.");
  d1.relation(RelationType::MetWith, ann, ben, Modality::Planned, 30, "They will meet again.");
  ExtractionBuilder d2("doc2", "2024-03-02", "Outlet B");
  ann = d2.entity("Ann Able", EntityType::Person);
  ben = d2.entity("Ben Baker", EntityType::Person);
  const int cy = d2.entity("Cy Cole", EntityType::Person);
  d2.relation(RelationType::MetWith, ben, ann, Modality::Planned, 0, "Ben Baker plans to meet Ann Able.");
  d2.relation(RelationType::MetWith, ann, cy, Modality::Planned, 40, "Ann Able is to meet Cy Cole.");
  d2.relation(RelationType::MetWith, cy, ann, Modality::Planned, 80, "Cy Cole and Ann Able will meet.");
  graph::KnowledgeGraph g;
  g.add(d1.get());
  g.add(d2.get());
  g.finalize();
  return g;
}

// Node ids are n0 Ann Able, n1 Ben Baker, n2 Cy Cole (name order).
const std::vector<std::string> kExpected = {
    "n0 met_with n1: mentions_asserted=1 mentions_hypothetical=0 mentions_negated=0 mentions_planned=2 "
    "mentions_reported=0 modality=asserted",
    "n0 met_with n2: mentions_asserted=0 mentions_hypothetical=0 mentions_negated=0 mentions_planned=2 "
    "mentions_reported=0 modality=planned",
};

class ModalityCounts : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::scratch_dir("modality-counts");
    graph_ = mixed_graph();
    options_.ontology_dir = KGRAPH_ONTOLOGY;
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  fs::path dir_;
  graph::KnowledgeGraph graph_;
  ExportOptions options_;
};

TEST_F(ModalityCounts, TheGraphCountsMentionsPerModality) {
  ASSERT_EQ(graph_.edges().size(), 2u);
  const graph::Edge& met = graph_.edges()[0];
  EXPECT_EQ(met.modality, Modality::Asserted);
  EXPECT_EQ(met.mentions(Modality::Asserted), 1);
  EXPECT_EQ(met.mentions(Modality::Planned), 2);
  EXPECT_EQ(met.mentions(Modality::Reported) + met.mentions(Modality::Hypothetical) + met.mentions(Modality::Negated),
            0);
  const graph::Edge& plan = graph_.edges()[1];
  EXPECT_EQ(plan.modality, Modality::Planned);  // no mention asserts it
  EXPECT_EQ(plan.mentions(Modality::Planned), 2);
}

TEST_F(ModalityCounts, GraphmlReadByNetworkx) {
  const fs::path f = dir_ / "g.graphml";
  {
    std::ofstream out(f, std::ios::binary);
    ExportOptions strict = options_;
    strict.graphml_strict = true;  // networkx refuses mixed directedness
    write_graphml(graph_, out, strict);
  }
  const auto r = run_tool("/usr/bin/python3 " + kClients + "read_graph.py networkx-graphml-edges " +
                          shell_quote(f.string()) + " mentions_ modality 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(lines_of(r.output), kExpected);
}

TEST_F(ModalityCounts, GexfAndGraphmlReadByGraphology) {
  ASSERT_NO_FATAL_FAILURE(testing::require_node_module("graphology-gexf"));
  const fs::path gexf = dir_ / "g.gexf", graphml = dir_ / "g.graphml";
  {
    std::ofstream a(gexf, std::ios::binary), b(graphml, std::ios::binary);
    write_gexf(graph_, a, options_);
    write_graphml(graph_, b, options_);
  }
  for (const auto& [kind, f] : {std::pair{"gexf", gexf}, {"graphml", graphml}}) {
    const auto r = run_tool("node " + kClients + "read_graph.js " + kind + " " + shell_quote(f.string()) +
                            " mentions_ modality 2>&1");
    ASSERT_EQ(r.status, 0) << kind << ": " << r.output;
    EXPECT_EQ(lines_of(r.output), kExpected) << kind;
  }
}

TEST_F(ModalityCounts, Neo4jCsvReadByPythonCsv) {
  write_neo4j_csv(graph_, dir_ / "neo4j", options_);
  const auto r = run_tool("/usr/bin/python3 " + kClients + "read_graph.py csv-edges-attributes " +
                          shell_quote((dir_ / "neo4j" / "relationships.csv").string()) + " mentions_ modality 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(lines_of(r.output), kExpected);
  const std::string header = testing::read_file(dir_ / "neo4j" / "relationships.csv").substr(0, 200);
  EXPECT_NE(header.find(",modality,mentions_asserted:int,mentions_reported:int,mentions_planned:int,"
                        "mentions_hypothetical:int,mentions_negated:int,"),
            std::string::npos)
      << header;
}

TEST_F(ModalityCounts, RdfCountsQueriedWithRdflibAndOxigraph) {
  std::ostringstream ttl, nq;
  write_rdf(graph_, ttl, RdfSyntax::Turtle, options_);
  write_rdf(graph_, nq, RdfSyntax::NQuads, options_);
  testing::write_file(dir_ / "g.ttl", ttl.str());
  testing::write_file(dir_ / "g.nq", nq.str());
  const fs::path q = dir_ / "counts.rq";
  testing::write_file(q,
                      "PREFIX kg: <https://kgraph.example.org/ontology#>\n"
                      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                      "SELECT ?head ?tail ?modality ?a ?r ?p ?h ?n (COUNT(?assertion) AS ?assertions) WHERE {\n"
                      "  ?rel a kg:Relation ; rdf:subject/rdfs:label ?head ; rdf:object/rdfs:label ?tail ;\n"
                      "       kg:modality ?modality ; kg:mentionsAsserted ?a ; kg:mentionsReported ?r ;\n"
                      "       kg:mentionsPlanned ?p ; kg:mentionsHypothetical ?h ; kg:mentionsNegated ?n .\n"
                      "  ?assertion kg:assertionOf ?rel .\n"
                      "} GROUP BY ?head ?tail ?modality ?a ?r ?p ?h ?n ORDER BY ?tail\n");
  // Provenance is unchanged: one assertion per mention, beside the counts.
  const std::vector<std::string> expected = {"Ann Able | Ben Baker | asserted | 1 | 0 | 2 | 0 | 0 | 3",
                                             "Ann Able | Cy Cole | planned | 0 | 0 | 2 | 0 | 0 | 2"};
  const auto rdflib = run_tool("/usr/bin/python3 " + kClients + "sparql_select.py " + shell_quote(q.string()) + " " +
                               shell_quote((dir_ / "g.ttl").string() + ":turtle") + " 2>&1");
  EXPECT_EQ(rdflib.status, 0) << rdflib.output;
  EXPECT_EQ(lines_of(rdflib.output), expected);
  ASSERT_NO_FATAL_FAILURE(testing::require_node_module("oxigraph"));
  const auto oxigraph = run_tool("/usr/bin/node " + kClients + "oxigraph_query.js --query " + shell_quote(q.string()) +
                                 " " + shell_quote((dir_ / "g.nq").string() + ":nquads") + " 2>&1");
  EXPECT_EQ(oxigraph.status, 0) << oxigraph.output;
  EXPECT_EQ(lines_of(oxigraph.output), expected);
}

TEST_F(ModalityCounts, ReportsSayHowManyMentionsOfEachKind) {
  std::ostringstream md, html;
  write_markdown_report(graph_, md, options_);
  write_html_report(graph_, html, options_);
  EXPECT_NE(md.str().find("Modality: **asserted** (1 asserted, 2 planned)"), std::string::npos) << md.str();
  EXPECT_NE(md.str().find("Modality: **planned** (2 planned)"), std::string::npos) << md.str();
  EXPECT_NE(md.str().find("(asserted, 3 mentions: 1 asserted, 2 planned)"), std::string::npos) << md.str();
  EXPECT_NE(html.str().find("<div class=\"counts\">1 asserted, 2 planned</div>"), std::string::npos);
  EXPECT_NE(html.str().find("3 mentions: 1 asserted, 2 planned)"), std::string::npos);
}

}  // namespace
}  // namespace kgraph::exports
