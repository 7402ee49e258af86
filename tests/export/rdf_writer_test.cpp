// The RDF writer, read back by real parsers: rapper (Raptor), serdi, rdflib and
// Oxigraph must all accept every syntax and agree on the number of statements;
// the SPARQL queries users get in scripts/queries/ must answer correctly.
#include "export/rdf_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "export/slugs.hpp"
#include "tests/export/client_tools.hpp"
#include "tests/export/news_fixture.hpp"

namespace kgraph::exports {
namespace {

namespace fs = std::filesystem;
using testing::lines_of;
using testing::run_tool;
using testing::shell_quote;

const std::string kPython = "/usr/bin/python3";
const std::string kClients = std::string(KGRAPH_SOURCE_DIR) + "/tests/clients/";
const std::string kQueries = std::string(KGRAPH_SOURCE_DIR) + "/scripts/queries/";

struct SyntaxInfo {
  RdfSyntax syntax;
  std::string ext, rapper, serdi, rdflib, oxigraph;
};
const std::vector<SyntaxInfo> kSyntaxes = {
    {RdfSyntax::Turtle, "ttl", "turtle", "turtle", "turtle", "turtle"},
    {RdfSyntax::NTriples, "nt", "ntriples", "ntriples", "nt", "ntriples"},
    {RdfSyntax::NQuads, "nq", "nquads", "nquads", "nquads", "nquads"},
    {RdfSyntax::TriG, "trig", "trig", "trig", "trig", "trig"},
};

std::string to_rdf(const graph::KnowledgeGraph& g, RdfSyntax syntax, const ExportOptions& options = {}) {
  std::ostringstream out;
  write_rdf(g, out, syntax, options);
  return out.str();
}

void require_clients() {
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/rapper", "raptor2-utils"));
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/serdi", "serdi"));
  ASSERT_NO_FATAL_FAILURE(testing::require_tool(kPython, "python3"));
  const auto rdflib = run_tool(kPython + " -c 'import rdflib' 2>&1");
  ASSERT_EQ(rdflib.status, 0) << "python3-rdflib is missing (scripts/setup --clients): " << rdflib.output;
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/node", "nodejs"));
  ASSERT_NO_FATAL_FAILURE(testing::require_node_module("oxigraph"));
}

// Statement counts from each parser; a parse error fails the test with the
// parser's message.
struct Counts {
  long rapper = -1, serdi = -1, rdflib = -1, oxigraph = -1;
};

long parse_count(const std::string& what, const testing::ToolRun& run, const std::regex& number) {
  std::smatch m;
  EXPECT_EQ(run.status, 0) << what << " failed:\n" << run.output;
  if (run.status != 0 || !std::regex_search(run.output, m, number)) {
    ADD_FAILURE() << what << " printed no count:\n" << run.output;
    return -1;
  }
  return std::stol(m[1]);
}

Counts count_with_all_parsers(const fs::path& file, const SyntaxInfo& s) {
  Counts c;
  const std::string f = shell_quote(file.string());
  const auto rapper = run_tool("/usr/bin/rapper -i " + s.rapper + " -c " + f + " 2>&1");
  c.rapper = parse_count("rapper -i " + s.rapper, rapper, std::regex(R"(returned (\d+) (triples|statements))"));
  EXPECT_EQ(rapper.output.find("Warning"), std::string::npos) << rapper.output;
  EXPECT_EQ(rapper.output.find("Error"), std::string::npos) << rapper.output;
  const auto serdi = run_tool("/usr/bin/serdi -i " + s.serdi + " -o nquads " + f + " 2>&1");
  EXPECT_EQ(serdi.status, 0) << "serdi -i " << s.serdi << " failed:\n" << serdi.output.substr(0, 2000);
  EXPECT_EQ(serdi.output.find("error"), std::string::npos) << serdi.output.substr(0, 2000);
  c.serdi = static_cast<long>(lines_of(serdi.output).size());
  c.rdflib = parse_count("rdflib " + s.rdflib,
                         run_tool(kPython + " " + kClients + "rdf_count.py " + f + " " + s.rdflib + " 2>&1"),
                         std::regex(R"(^(\d+)\s*$)"));
  c.oxigraph = parse_count("oxigraph " + s.oxigraph,
                           run_tool("/usr/bin/node " + kClients + "oxigraph_query.js " +
                                    shell_quote(file.string() + ":" + s.oxigraph) + " 2>&1"),
                           std::regex(R"(^(\d+)\s*$)"));
  return c;
}

// Rows of a SPARQL query file run by rdflib over `files` (path:format).
std::vector<std::string> rdflib_rows(const std::string& query_file, const std::vector<std::string>& files) {
  std::string cmd = kPython + " " + kClients + "sparql_select.py " + shell_quote(query_file);
  for (const auto& f : files) cmd += " " + shell_quote(f);
  const auto r = run_tool(cmd + " 2>&1");
  EXPECT_EQ(r.status, 0) << query_file << ":\n" << r.output;
  return lines_of(r.output);
}

std::vector<std::string> oxigraph_rows(const std::string& query_file, const std::vector<std::string>& files) {
  std::string cmd = "/usr/bin/node " + kClients + "oxigraph_query.js --query " + shell_quote(query_file);
  for (const auto& f : files) cmd += " " + shell_quote(f);
  const auto r = run_tool(cmd + " 2>&1");
  EXPECT_EQ(r.status, 0) << query_file << ":\n" << r.output;
  return lines_of(r.output);
}

class RdfWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(require_clients());
    dir_ = testing::scratch_dir("rdf");
    graph_ = testing::build_graph(testing::news_extractions());
    options_.generated_at = "2024-03-05T12:00:00Z";
    for (const auto& s : kSyntaxes) {
      testing::write_file(file(s), to_rdf(graph_, s.syntax, options_));
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path file(const SyntaxInfo& s) const { return dir_ / ("graph." + s.ext); }
  std::string turtle() const { return file(kSyntaxes[0]).string() + ":turtle"; }
  std::string query(const std::string& text) {
    const fs::path q = dir_ / ("q" + std::to_string(++queries_) + ".rq");
    testing::write_file(q, text);
    return q.string();
  }

  fs::path dir_;
  graph::KnowledgeGraph graph_;
  ExportOptions options_;
  int queries_ = 0;
};

constexpr const char* kPrefixes =
    "PREFIX kg: <https://kgraph.example.org/ontology#>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX entity: <https://kgraph.example.org/entity/>\n";

TEST_F(RdfWriterTest, EverySyntaxParsesAndAllParsersAgreeOnTheCount) {
  long expected = -1;
  for (const auto& s : kSyntaxes) {
    SCOPED_TRACE(s.ext);
    const Counts c = count_with_all_parsers(file(s), s);
    if (expected < 0) expected = c.rapper;
    EXPECT_GT(c.rapper, 50);
    EXPECT_EQ(c.rapper, expected);
    EXPECT_EQ(c.serdi, expected);
    EXPECT_EQ(c.rdflib, expected);
    EXPECT_EQ(c.oxigraph, expected);
  }
}

TEST_F(RdfWriterTest, OutputIsDeterministicAndIndependentOfInputOrder) {
  const auto reversed = testing::build_graph(testing::news_extractions(), /*reverse=*/true);
  for (const auto& s : kSyntaxes) {
    EXPECT_EQ(to_rdf(graph_, s.syntax, options_), to_rdf(reversed, s.syntax, options_)) << s.ext;
    EXPECT_EQ(to_rdf(graph_, s.syntax, options_), testing::read_file(file(s))) << s.ext;
  }
}

TEST_F(RdfWriterTest, TurtleUsesPrefixesAndStableEntityIris) {
  const std::string ttl = testing::read_file(file(kSyntaxes[0]));
  EXPECT_NE(ttl.find("@prefix kg: <https://kgraph.example.org/ontology#> ."), std::string::npos);
  const std::string nt = testing::read_file(file(kSyntaxes[1]));
  EXPECT_NE(nt.find("<https://kgraph.example.org/entity/annalena-baerbock>"), std::string::npos);
  EXPECT_NE(nt.find("<https://kgraph.example.org/entity/radoslaw-sikorski>"), std::string::npos);
  EXPECT_NE(nt.find("<https://kgraph.example.org/article/reuters-2024-03-01-baerbock-txt>"), std::string::npos);
}

TEST_F(RdfWriterTest, OntologyParsesAndDeclaresEveryTermTheWriterUses) {
  const fs::path onto = fs::path(KGRAPH_ONTOLOGY) / "kgraph.ttl";
  const SyntaxInfo& ttl = kSyntaxes[0];
  const Counts c = count_with_all_parsers(onto, ttl);
  EXPECT_GT(c.rapper, 100);
  EXPECT_EQ(c.rdflib, c.rapper);
  EXPECT_EQ(c.oxigraph, c.rapper);
  // Every kg: predicate and class in the data is declared in the ontology.
  const auto rows = rdflib_rows(query(std::string(kPrefixes) +
                                      "SELECT DISTINCT ?t WHERE {\n"
                                      "  { ?s ?t ?o } UNION { ?s a ?t }\n"
                                      "  FILTER (STRSTARTS(STR(?t), STR(kg:)))\n"
                                      "  FILTER NOT EXISTS { ?t a ?kind . ?t rdfs:label ?l . ?t rdfs:comment ?c }\n"
                                      "} ORDER BY ?t\n"),
                                {turtle(), onto.string() + ":turtle"});
  EXPECT_TRUE(rows.empty()) << "undeclared terms: " << ::testing::PrintToString(rows);
}

TEST_F(RdfWriterTest, PlannedAndNegatedMeetingsAreNotStatedAsFact) {
  const auto ask = [&](const std::string& pattern) {
    const auto rows = rdflib_rows(query(std::string(kPrefixes) + "ASK { " + pattern + " }"), {turtle()});
    return rows.size() == 1 ? rows[0] : std::string("no answer");
  };
  // Asserted by two outlets: stated, in both directions.
  EXPECT_EQ(ask("entity:annalena-baerbock kg:met_with entity:volodymyr-zelensky"), "true");
  EXPECT_EQ(ask("entity:volodymyr-zelensky kg:met_with entity:annalena-baerbock"), "true");
  // Reported deployment: stated, one direction only.
  EXPECT_EQ(ask("entity:germany kg:deployed_to entity:poland"), "true");
  EXPECT_EQ(ask("entity:poland kg:deployed_to entity:germany"), "false");
  // Planned and negated: only as assertions.
  EXPECT_EQ(ask("entity:annalena-baerbock kg:met_with entity:radoslaw-sikorski"), "false");
  EXPECT_EQ(ask("entity:radoslaw-sikorski kg:met_with entity:annalena-baerbock"), "false");
  EXPECT_EQ(ask("entity:joe-biden kg:met_with entity:volodymyr-zelensky"), "false");
  EXPECT_EQ(ask("?a kg:modality \"planned\" ; rdf:subject entity:annalena-baerbock ; "
                "rdf:predicate kg:met_with ; rdf:object entity:radoslaw-sikorski ; kg:evidenceText ?t"),
            "true");
  EXPECT_EQ(ask("?a kg:modality \"negated\" ; rdf:predicate kg:met_with ; kg:evidenceText ?t"), "true");
}

TEST_F(RdfWriterTest, MeetingReportedByTwoOutletsListsBothOutletsAndSentences) {
  const testing::NewsNames names;
  const std::string q = query(std::string(kPrefixes) +
                              "SELECT ?outlet ?sentence ?start WHERE {\n"
                              "  ?r a kg:Relation ; rdf:predicate kg:met_with ;\n"
                              "     rdf:subject entity:annalena-baerbock ; rdf:object entity:volodymyr-zelensky .\n"
                              "  ?a kg:assertionOf ?r ; kg:evidenceText ?sentence ; kg:evidenceStart ?start ;\n"
                              "     prov:wasDerivedFrom ?art .\n"
                              "  ?art kg:outlet ?outlet .\n"
                              "} ORDER BY ?outlet\n");
  const std::vector<std::string> expected = {"AP | " + names.ap_sentence + " | 0",
                                             "Reuters | " + names.reuters_sentence + " | 0"};
  EXPECT_EQ(rdflib_rows(q, {turtle()}), expected);
  // The same through the named graphs of N-Quads and TriG, in Oxigraph.
  EXPECT_EQ(oxigraph_rows(q, {file(kSyntaxes[2]).string() + ":nquads"}), expected);
  EXPECT_EQ(oxigraph_rows(q, {file(kSyntaxes[3]).string() + ":trig"}), expected);
}

TEST_F(RdfWriterTest, EachArticleHasItsOwnNamedGraph) {
  const std::string q = query(std::string(kPrefixes) +
                              "SELECT ?g (COUNT(?a) AS ?n) WHERE {\n"
                              "  GRAPH ?g { ?a a kg:RelationAssertion ; prov:wasDerivedFrom ?art .\n"
                              "             ?art a kg:Article } } GROUP BY ?g ORDER BY ?g\n");
  const std::vector<std::string> expected = {
      "https://kgraph.example.org/graph/ap-baerbock-kyiv-txt | 3",
      "https://kgraph.example.org/graph/dw-2024-03-02-patriot-txt | 4",
      "https://kgraph.example.org/graph/reuters-2024-03-01-baerbock-txt | 3",
  };
  EXPECT_EQ(oxigraph_rows(q, {file(kSyntaxes[2]).string() + ":nquads"}), expected);
  EXPECT_EQ(oxigraph_rows(q, {file(kSyntaxes[3]).string() + ":trig"}), expected);
  // Entities stay in the default graph, so dropping an article's graph keeps them.
  const auto outside = oxigraph_rows(
      query(std::string(kPrefixes) + "ASK { GRAPH ?g { entity:annalena-baerbock rdfs:label ?l } }"),
      {file(kSyntaxes[2]).string() + ":nquads"});
  EXPECT_EQ(outside, std::vector<std::string>{"false"});
}

TEST_F(RdfWriterTest, ProvenanceValuesAreTyped) {
  const std::string nt = testing::read_file(file(kSyntaxes[1]));
  EXPECT_NE(nt.find("<https://kgraph.example.org/ontology#confidence> "
                    "\"0.930\"^^<http://www.w3.org/2001/XMLSchema#decimal>"),
            std::string::npos);
  EXPECT_NE(nt.find("<http://purl.org/dc/terms/date> \"2024-03-01\"^^<http://www.w3.org/2001/XMLSchema#date>"),
            std::string::npos);
  EXPECT_NE(nt.find("<http://www.w3.org/ns/prov#generatedAtTime> "
                    "\"2024-03-05T12:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"),
            std::string::npos);
  EXPECT_NE(nt.find("<https://kgraph.example.org/ontology#title> \"Foreign Minister\""), std::string::npos);
  // No generated_at: no timestamp anywhere (output must not depend on the clock).
  EXPECT_EQ(to_rdf(graph_, RdfSyntax::NTriples).find("generatedAtTime"), std::string::npos);
}

// ---------------------------------------------------------------- scripts/queries

TEST_F(RdfWriterTest, QueryWhoMetWhom) {
  EXPECT_EQ(rdflib_rows(kQueries + "who-met-whom.rq", {turtle()}),
            std::vector<std::string>{"Annalena Baerbock | Volodymyr Zelensky | 2 | 2 | 2024-03-01"});
}

TEST_F(RdfWriterTest, QueryEntityEverything) {
  const auto rows = rdflib_rows(kQueries + "entity-everything.rq", {turtle()});
  ASSERT_EQ(rows.size(), 4u) << ::testing::PrintToString(rows);
  EXPECT_EQ(rows[0].rfind("Person | holds_position | subject | Germany | asserted | Foreign Minister | Reuters", 0), 0u)
      << rows[0];
  EXPECT_EQ(rows[1].rfind("Person | met_with | subject | Radosław Sikorski | planned | - | DW", 0), 0u) << rows[1];
  EXPECT_EQ(rows[2].rfind("Person | met_with | subject | Volodymyr Zelensky | asserted | - | AP", 0), 0u) << rows[2];
  EXPECT_EQ(rows[3].rfind("Person | met_with | subject | Volodymyr Zelensky | asserted | - | Reuters", 0), 0u)
      << rows[3];
}

TEST_F(RdfWriterTest, QueryMultiOutletRelations) {
  const auto rows = rdflib_rows(kQueries + "multi-outlet-relations.rq", {turtle()});
  ASSERT_EQ(rows.size(), 1u) << ::testing::PrintToString(rows);
  EXPECT_EQ(rows[0].rfind("Annalena Baerbock | met_with | Volodymyr Zelensky | 2 | ", 0), 0u) << rows[0];
  EXPECT_NE(rows[0].find("AP"), std::string::npos);
  EXPECT_NE(rows[0].find("Reuters"), std::string::npos);
}

TEST_F(RdfWriterTest, QuerySingleOutletRelations) {
  const auto rows = rdflib_rows(kQueries + "single-outlet-relations.rq", {turtle()});
  std::vector<std::string> heads;
  for (const auto& r : rows) heads.push_back(r.substr(0, r.find(" | ", r.find(" | ", r.find(" | ") + 3) + 3)));
  EXPECT_EQ(heads, (std::vector<std::string>{
                       "Germany | deployed_to | Poland",
                       "Annalena Baerbock | holds_position | Germany",
                       "Joe Biden | holds_position | United States",
                       "Kyiv | located_in | Ukraine",
                       "Poland | member_of | NATO",
                       "Joe Biden | spoke_with | Volodymyr Zelensky",
                   }))
      << ::testing::PrintToString(rows);
}

TEST_F(RdfWriterTest, QueryDeploymentsByDate) {
  EXPECT_EQ(rdflib_rows(kQueries + "deployments-by-date.rq", {turtle()}),
            std::vector<std::string>{
                "2024-03-02 | Germany | Poland | reported | DW | "
                "Germany deployed Patriot air-defence systems to Poland, the defence ministry said."});
}

TEST_F(RdfWriterTest, QueryWhoDidXMeetOrSpeakWith) {
  const testing::NewsNames n;
  const std::vector<std::string> expected = {
      "Annalena Baerbock | met_with | asserted | AP | 2024-03-01 | " + n.ap_sentence,
      "Annalena Baerbock | met_with | asserted | Reuters | 2024-03-01 | " + n.reuters_sentence,
      "Joe Biden | spoke_with | asserted | AP | 2024-03-01 | "
      "Zelensky later spoke by phone with U.S. President Joe Biden.",
  };
  EXPECT_EQ(rdflib_rows(kQueries + "who-did-X-meet-or-speak-with.rq", {turtle()}), expected);
}

TEST_F(RdfWriterTest, EveryShippedQueryRunsInOxigraphToo) {
  for (const auto& entry : fs::directory_iterator(kQueries)) {
    if (entry.path().extension() != ".rq") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const auto rows = oxigraph_rows(entry.path().string(), {file(kSyntaxes[3]).string() + ":trig"});
    EXPECT_FALSE(rows.empty());
  }
}

// ---------------------------------------------------------------- hostile input

TEST_F(RdfWriterTest, HostileTextStillGivesParseableOutputInEverySyntax) {
  const auto g = testing::build_graph(testing::news_extractions(testing::nasty_names()));
  ExportOptions options;
  options.base_iri = "https://example.org/kg data/<x>";  // not a valid IRI as given
  for (const auto& s : kSyntaxes) {
    SCOPED_TRACE(s.ext);
    const fs::path f = dir_ / ("nasty." + s.ext);
    testing::write_file(f, to_rdf(g, s.syntax, options));
    const Counts c = count_with_all_parsers(f, s);
    EXPECT_GT(c.rapper, 50);
    EXPECT_EQ(c.serdi, c.rapper);
    EXPECT_EQ(c.rdflib, c.rapper);
    EXPECT_EQ(c.oxigraph, c.rapper);
  }
  // The label survives the round trip (invalid bytes as U+FFFD, the rest exact).
  const std::string q = query(
      "PREFIX kg: <https://kgraph.example.org/ontology#>\n"
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
      "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l } ORDER BY ?l\n");
  const auto rows = rdflib_rows(q, {(dir_ / "nasty.nt").string() + ":nt"});
  EXPECT_NE(std::find(rows.begin(), rows.end(),
                      "Volodymyr <script>alert(1)</script> Zelensky\\nJr. \xEF\xBF\xBD\xEF\xBF\xBD bad"),
            rows.end())
      << ::testing::PrintToString(rows);
}

TEST(RdfWriter, RejectsARelativeBaseIri) {
  const auto g = testing::build_graph(testing::news_extractions());
  ExportOptions options;
  options.base_iri = "kgraph/";
  std::ostringstream out;
  EXPECT_THROW(write_rdf(g, out, RdfSyntax::Turtle, options), std::invalid_argument);
}

// ---------------------------------------------------------------- slugs

TEST(Slugs, FoldToLowerCaseAsciiWords) {
  EXPECT_EQ(slugify("Radosław Sikorski"), "radoslaw-sikorski");
  EXPECT_EQ(slugify("  Łódź — Ørsted & Søn  "), "lodz-orsted-son");
  EXPECT_EQ(slugify("Straße"), "strasse");
  EXPECT_EQ(slugify("U.S. Army"), "u-s-army");
  EXPECT_EQ(slugify("ap/baerbock-kyiv.txt"), "ap-baerbock-kyiv-txt");
}

TEST(Slugs, NamesWithoutLatinLettersGetAStableHash) {
  const std::string s = slugify("Владимир Путин");
  EXPECT_EQ(s.rfind("x-", 0), 0u);
  EXPECT_EQ(s.size(), 10u);
  EXPECT_EQ(s, slugify("Владимир Путин"));
  EXPECT_NE(s, slugify("Сергей Лавров"));
  EXPECT_EQ(slugify("").rfind("x-", 0), 0u);
}

TEST(Slugs, CollisionsGetNumberedInOrder) {
  EXPECT_EQ(unique_slugs({"NATO", "Nato", "N.A.T.O.", "nato-2", "NATO"}),
            (std::vector<std::string>{"nato", "nato-2", "n-a-t-o", "nato-2-2", "nato-3"}));
}

}  // namespace
}  // namespace kgraph::exports
