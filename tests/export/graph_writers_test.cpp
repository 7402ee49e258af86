// The GraphML, GEXF and Neo4j CSV writers, each read back by the real tools
// their users load them with: xmllint against the GraphML XSD, networkx,
// igraph, graphology (Gephi Lite's parsers) and Python's csv module. A missing
// tool fails the test with the command that installs it.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::exports {
namespace {

namespace fs = std::filesystem;
using kgraph::testing::ExtractionBuilder;

const fs::path kClients = fs::path(KGRAPH_SOURCE_DIR) / "tests" / "clients";

struct ToolRun {
  int status = -1;
  std::string output;
};

ToolRun run(const std::string& command) {
  ToolRun r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) r.output.append(buf.data(), n);
  int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

// Fails (fatally, to be wrapped in ASSERT_NO_FATAL_FAILURE) when a client is missing.
void require_clients() {
  ASSERT_TRUE(fs::exists("/usr/bin/xmllint")) << "xmllint missing: run scripts/setup --clients (libxml2-utils)";
  ASSERT_TRUE(fs::exists(kClients / "xsd" / "graphml.xsd")) << "GraphML XSD missing: run scripts/setup --clients";
  ToolRun py = run("/usr/bin/python3 -c 'import networkx, igraph'");
  ASSERT_EQ(py.status, 0) << "python3-networkx / python3-igraph missing: run scripts/setup --clients\n" << py.output;
  ASSERT_EQ(run("node --version").status, 0) << "node missing: install Node.js 20 and run scripts/setup --clients";
  for (const char* m : {"graphology", "graphology-graphml", "graphology-gexf"})
    ASSERT_TRUE(fs::exists(kClients / "node_modules" / m)) << "npm module " << m << " missing: run scripts/setup --clients";
}

// "nodes=N edges=M" from a client, or the client's complaint.
std::string read_with(const std::string& tool, const std::string& kind, const fs::path& file) {
  std::string cmd = tool == "node" ? "node " + quote(kClients / "read_graph.js") + " " + kind + " " + quote(file)
                                   : "/usr/bin/python3 " + quote(kClients / "read_graph.py") + " " + kind + " " + quote(file);
  ToolRun r = run(cmd);
  std::string out = r.output;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return r.status == 0 ? out : "FAILED(" + std::to_string(r.status) + "): " + out;
}

std::string counts(std::size_t nodes, std::size_t edges) {
  return "nodes=" + std::to_string(nodes) + " edges=" + std::to_string(edges);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Two people who met (reported both ways round), one of them deployed to and
// member of (parallel edges) the same pair, an organisation, and a lone node.
std::vector<Extraction> corpus(bool hostile) {
  const std::string a = hostile ? "Ann <b>&amp; \"Q\" ]]> \x01\x02 \xE2\x80\x8F\xD7\x90 \xFF\xC0\xAF" : "Ann Able";
  const std::string b = hostile ? "Ben, \"Bee\"\r\nBar;Baz \xED\xA0\x80" : "Ben Baker";
  const std::string sentence = hostile ? "He said: \"<met>\" & left ]]> \x0B\n(\xE2\x80\xAE reversed)" : "They met.";
  std::vector<Extraction> out;
  ExtractionBuilder d1("doc1", "2024-03-01", "Outlet A");
  int ann = d1.entity(a, EntityType::Person, {a, hostile ? "A;nn\x07" : "Ann"});
  int ben = d1.entity(b, EntityType::Person);
  int org = d1.entity("Org & Co", EntityType::Organisation);
  d1.relation(RelationType::MetWith, ben, ann, Modality::Asserted, 0, sentence);
  d1.relation(RelationType::MemberOf, ann, org, Modality::Reported, 40, sentence);
  d1.relation(RelationType::PartOf, ann, org, Modality::Planned, 80, sentence);
  out.push_back(d1.get());
  ExtractionBuilder d2("doc2", "2024-03-04T08:00:00Z", "Outlet B");
  ann = d2.entity(a, EntityType::Person);
  ben = d2.entity(b, EntityType::Person);
  d2.entity("Lonely Place", EntityType::Location);
  d2.relation(RelationType::MetWith, ann, ben, Modality::Reported, 5, sentence);
  d2.relation(RelationType::SpokeWith, ann, ben, Modality::Asserted, 9, sentence);
  out.push_back(d2.get());
  return out;
}

graph::KnowledgeGraph build(const std::vector<Extraction>& docs) {
  graph::KnowledgeGraph g;
  for (const Extraction& x : docs) g.add(x);
  g.finalize();
  return g;
}

ExportOptions options(bool strict = false) {
  ExportOptions o;
  o.ontology_dir = KGRAPH_ONTOLOGY;
  o.graphml_strict = strict;
  return o;
}

class GraphWriters : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-graph-writers-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);  // keep the files of a failed test for a look
  }

  // Writes all formats of `g` into dir_/name.*; returns the base path.
  fs::path write_all(const graph::KnowledgeGraph& g, const std::string& name) {
    fs::path base = dir_ / name;
    {
      std::ofstream out(fs::path(base).concat(".graphml"), std::ios::binary);
      write_graphml(g, out, options(false));
      std::ofstream strict(fs::path(base).concat(".strict.graphml"), std::ios::binary);
      write_graphml(g, strict, options(true));
      std::ofstream gexf(fs::path(base).concat(".gexf"), std::ios::binary);
      write_gexf(g, gexf, options());
    }
    write_neo4j_csv(g, fs::path(base).concat(".neo4j"), options());
    return base;
  }

  // Every client reads every file and sees exactly the nodes and edges written.
  void read_back_everywhere(const graph::KnowledgeGraph& g, const fs::path& base) {
    const std::string want = counts(g.nodes().size(), g.edges().size());
    const fs::path graphml = fs::path(base).concat(".graphml");
    const fs::path strict = fs::path(base).concat(".strict.graphml");
    const fs::path gexf = fs::path(base).concat(".gexf");

    ToolRun lint = run("/usr/bin/xmllint --noout --schema " + quote(kClients / "xsd" / "graphml.xsd") + " " + quote(strict));
    EXPECT_EQ(lint.status, 0) << lint.output;
    for (const fs::path& f : {graphml, gexf}) {
      ToolRun wf = run("/usr/bin/xmllint --noout " + quote(f));
      EXPECT_EQ(wf.status, 0) << f << ": " << wf.output;
    }
    // networkx refuses mixed graphs, so only the strict flavour is for it
    // (see graphml_writer.hpp); it reads parallel edges into a MultiDiGraph.
    EXPECT_EQ(read_with("python", "networkx-graphml", strict), want);
    EXPECT_EQ(read_with("python", "igraph-graphml", graphml), want);
    EXPECT_EQ(read_with("python", "igraph-graphml", strict), want);
    EXPECT_EQ(read_with("node", "graphml", graphml), want);
    EXPECT_EQ(read_with("node", "graphml", strict), want);
    // GEXF 1.3 has no usable XSD (the published one does not compile; Debian
    // has only a 1.2draft one with the viz elements in the wrong namespace),
    // networkx reads GEXF only up to 1.2draft and igraph not at all: GEXF is
    // checked by well-formedness and graphology-gexf (Gephi Lite's parser).
    EXPECT_EQ(read_with("node", "gexf", gexf), want);
    EXPECT_EQ(read_with("python", "csv-nodes", fs::path(base).concat(".neo4j") / "nodes.csv"),
              counts(g.nodes().size(), 0));
    EXPECT_EQ(read_with("python", "csv-edges", fs::path(base).concat(".neo4j") / "relationships.csv"),
              counts(0, g.edges().size()));
  }

  fs::path dir_;
};

TEST_F(GraphWriters, ClientsReadBackWhatWasWritten) {
  ASSERT_NO_FATAL_FAILURE(require_clients());
  graph::KnowledgeGraph g = build(corpus(false));
  ASSERT_EQ(g.nodes().size(), 4u);
  ASSERT_EQ(g.edges().size(), 4u);
  read_back_everywhere(g, write_all(g, "plain"));
}

TEST_F(GraphWriters, HostileStringsStillParseEverywhere) {
  ASSERT_NO_FATAL_FAILURE(require_clients());
  graph::KnowledgeGraph g = build(corpus(true));
  fs::path base = write_all(g, "hostile");
  read_back_everywhere(g, base);
  const std::string graphml = slurp(fs::path(base).concat(".graphml"));
  EXPECT_NE(graphml.find("&lt;b&gt;&amp;amp;"), std::string::npos);  // escaped by libxml2, not dropped
  EXPECT_NE(graphml.find("\xE2\x80\x8F"), std::string::npos);         // the RTL mark survives
  const std::string nodes = slurp(fs::path(base).concat(".neo4j") / "nodes.csv");
  EXPECT_NE(nodes.find("\"Ben, \"\"Bee\"\"  Bar;Baz \""), std::string::npos) << nodes;
}

TEST_F(GraphWriters, GraphmlCarriesGephiKeysAndEdgeLabelsUnlessStrict) {
  graph::KnowledgeGraph g = build(corpus(false));
  std::ostringstream gephi, strict;
  write_graphml(g, gephi, options(false));
  write_graphml(g, strict, options(true));
  for (const char* key : {"label", "x", "y", "size", "r", "g", "b"})
    EXPECT_NE(gephi.str().find("for=\"node\" attr.name=\"" + std::string(key) + "\""), std::string::npos) << key;
  for (const char* key : {"label", "weight"})
    EXPECT_NE(gephi.str().find("for=\"edge\" attr.name=\"" + std::string(key) + "\""), std::string::npos) << key;
  // by default no mixed directedness (networkx refuses it); --graphml-mixed marks symmetric edges
  EXPECT_NE(gephi.str().find("<edge id=\"e0\""), std::string::npos);
  EXPECT_EQ(gephi.str().find("directed=\"false\""), std::string::npos);
  EXPECT_NE(gephi.str().find("label=\"met_with\""), std::string::npos);
  std::ostringstream mixed;
  ExportOptions mixed_options = options(false);
  mixed_options.graphml_mixed = true;
  write_graphml(g, mixed, mixed_options);
  EXPECT_NE(mixed.str().find("directed=\"false\" label=\"met_with\""), std::string::npos);
  EXPECT_NE(gephi.str().find("label=\"member_of\""), std::string::npos);
  EXPECT_EQ(strict.str().find("label=\"met_with\""), std::string::npos);
  EXPECT_EQ(strict.str().find("directed=\"false\""), std::string::npos);
  EXPECT_NE(strict.str().find("edgedefault=\"directed\""), std::string::npos);
}

TEST_F(GraphWriters, GexfHasTimelineVizAndKinds) {
  graph::KnowledgeGraph g = build(corpus(false));
  std::ostringstream out;
  write_gexf(g, out, options());
  const std::string s = out.str();
  EXPECT_NE(s.find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_NE(s.find("xmlns:viz=\"http://gexf.net/1.3/viz\""), std::string::npos);
  EXPECT_NE(s.find("mode=\"dynamic\" timeformat=\"date\""), std::string::npos);
  EXPECT_NE(s.find("<spell start=\"2024-03-04\" end=\"2024-03-04\"/>"), std::string::npos);
  EXPECT_NE(s.find("type=\"undirected\" kind=\"met_with\""), std::string::npos);
  EXPECT_NE(s.find("<viz:color r="), std::string::npos);
  EXPECT_NE(s.find("lastmodifieddate=\"2024-03-04\""), std::string::npos);
}

TEST_F(GraphWriters, Neo4jCsvHeadersAndTypes) {
  graph::KnowledgeGraph g = build(corpus(false));
  write_neo4j_csv(g, dir_ / "csv", options());
  const std::string nodes = slurp(dir_ / "csv" / "nodes.csv");
  const std::string rels = slurp(dir_ / "csv" / "relationships.csv");
  EXPECT_EQ(nodes.rfind("id:ID,name,:LABEL,aliases:string[],mentions:int,", 0), 0u) << nodes;
  EXPECT_EQ(rels.rfind(":START_ID,:END_ID,:TYPE,weight:double,sources:int,", 0), 0u) << rels;
  EXPECT_NE(rels.find(",MET_WITH,2,2,2,asserted,1,1,0,0,0,2024-03-01,2024-03-04,They met.\n"), std::string::npos) << rels;
  EXPECT_NE(nodes.find(",Person,Ann,"), std::string::npos) << nodes;
  for (const auto& e : fs::directory_iterator(dir_ / "csv"))  // no temporary left
    EXPECT_EQ(e.path().filename().string().find(".kgraph-tmp."), std::string::npos) << e.path();
}

TEST_F(GraphWriters, OutputIsByteIdenticalWhateverTheInputOrder) {
  std::vector<Extraction> docs = corpus(true);
  auto render = [](const graph::KnowledgeGraph& g) {
    std::ostringstream a, b;
    write_graphml(g, a, options());
    write_gexf(g, b, options());
    return a.str() + b.str();
  };
  const std::string expected = render(build(docs));
  std::reverse(docs.begin(), docs.end());
  EXPECT_EQ(render(build(docs)), expected);
}

}  // namespace
}  // namespace kgraph::exports
