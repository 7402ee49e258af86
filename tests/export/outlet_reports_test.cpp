// Documents whose outlet is unknown: the reports say "unknown outlet", the RDF
// leaves kg:outlet out, and no file name is ever shown as an outlet. Documents
// with an outlet keep it everywhere.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "export/rdf_writer.hpp"
#include "export/report_writer.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::exports {
namespace {

using testing::ExtractionBuilder;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// One meeting reported by a Reuters story and by two plain-text dumps whose
// outlet nobody knows.
graph::KnowledgeGraph meeting_graph() {
  graph::KnowledgeGraph g;
  for (const auto& [id, outlet] : {std::pair<std::string, std::string>{"reuters-17.txt", "Reuters"},
                                   {"dump-0001.txt", ""},
                                   {"dump-0002.txt", ""}}) {
    ExtractionBuilder b(id, "2024-03-01", outlet);
    const int radev = b.entity("Rumen Radev", EntityType::Person);
    const int stoltenberg = b.entity("Jens Stoltenberg", EntityType::Person);
    b.relation(RelationType::MetWith, radev, stoltenberg, Modality::Asserted, 0,
               "Rumen Radev met Jens Stoltenberg in Brussels on Tuesday.");
    g.add(b.get());
  }
  g.finalize();
  return g;
}

ExportOptions options() {
  ExportOptions o;
  o.ontology_dir = KGRAPH_ONTOLOGY;
  return o;
}

TEST(UnknownOutlet, MarkdownReportSaysUnknownOutletNotTheFileName) {
  std::ostringstream out;
  write_markdown_report(meeting_graph(), out, options());
  const std::string md = out.str();
  EXPECT_TRUE(contains(md, "| dump-0001.txt | unknown outlet |")) << md;
  EXPECT_TRUE(contains(md, "| reuters-17.txt | Reuters |")) << md;
  EXPECT_TRUE(contains(md, "outlets: Reuters, unknown outlet\n")) << md;
  EXPECT_TRUE(contains(md, "*unknown outlet* (dump-0002.txt)")) << md;
  // The file stays the document; it is never the outlet.
  EXPECT_FALSE(contains(md, "| dump-0001.txt | dump-0001.txt |")) << md;
  EXPECT_FALSE(contains(md, "*dump-0001.txt*")) << md;
  EXPECT_FALSE(contains(md, "outlets: Reuters, dump")) << md;
}

TEST(UnknownOutlet, HtmlReportSaysUnknownOutletNotTheFileName) {
  std::ostringstream out;
  write_html_report(meeting_graph(), out, options());
  const std::string page = out.str();
  EXPECT_TRUE(contains(page, "<td>dump-0001.txt</td><td>unknown outlet</td>")) << page;
  EXPECT_TRUE(contains(page, "<td>reuters-17.txt</td><td>Reuters</td>")) << page;
  EXPECT_TRUE(contains(page, "<div class=\"src\">unknown outlet (<a href=")) << page;
  EXPECT_FALSE(contains(page, "<td>dump-0001.txt</td><td>dump-0001.txt</td>")) << page;
  EXPECT_FALSE(contains(page, "<div class=\"src\">dump-0001.txt")) << page;
}

TEST(UnknownOutlet, RdfNamesOnlyKnownOutlets) {
  std::ostringstream out;
  write_rdf(meeting_graph(), out, RdfSyntax::NTriples, options());
  const std::string nt = out.str();
  int outlet_triples = 0;
  std::istringstream lines(nt);
  for (std::string line; std::getline(lines, line);) {
    if (!contains(line, "#outlet>")) continue;
    ++outlet_triples;
    EXPECT_TRUE(contains(line, "\"Reuters\"")) << line;
  }
  EXPECT_EQ(outlet_triples, 1) << nt;
}

}  // namespace
}  // namespace kgraph::exports
