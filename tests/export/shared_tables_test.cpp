// write_graph_outputs builds the slugs, IRIs and mentions-by-source once and
// hands them to every RDF writer and the HTML report (issue 16): the files must
// be the bytes each writer gives on its own.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "export/graph_outputs.hpp"
#include "export/rdf_writer.hpp"
#include "export/report_writer.hpp"
#include "tests/export/client_tools.hpp"
#include "tests/export/news_fixture.hpp"

namespace kgraph::exports {
namespace {

namespace fs = std::filesystem;

TEST(SharedTables, OutputsMatchEachWriterAlone) {
  for (const bool nasty : {false, true}) {
    SCOPED_TRACE(nasty ? "nasty names" : "plain names");
    const graph::KnowledgeGraph g =
        testing::build_graph(nasty ? testing::news_extractions(testing::nasty_names()) : testing::news_extractions());
    ExportOptions options;
    options.generated_at = "2024-03-05T12:00:00Z";
    options.ontology_dir = KGRAPH_ONTOLOGY;
    const fs::path dir = testing::scratch_dir("shared-tables");
    write_graph_outputs(g, dir, parse_formats("ttl,nt,nq,trig,html"), options, 2);
    const std::pair<const char*, RdfSyntax> files[] = {{"graph.ttl", RdfSyntax::Turtle},
                                                       {"graph.nt", RdfSyntax::NTriples},
                                                       {"graph.nq", RdfSyntax::NQuads},
                                                       {"graph.trig", RdfSyntax::TriG}};
    for (const auto& [name, syntax] : files) {
      std::ostringstream alone;
      write_rdf(g, alone, syntax, options);
      EXPECT_GT(alone.str().size(), 1000u) << name;
      EXPECT_EQ(testing::read_file(dir / name), alone.str()) << name;
    }
    std::ostringstream html;
    write_html_report(g, html, options);
    EXPECT_EQ(testing::read_file(dir / "report.html"), html.str());
    fs::remove_all(dir);
  }
}

TEST(SharedTables, MentionsBySourceKeepEdgeOrderWithinEachSource) {
  const graph::KnowledgeGraph g = testing::build_graph(testing::news_extractions());
  const RdfShared shared(g, ExportOptions{});
  ASSERT_EQ(shared.source_first.size(), g.sources().size() + 1);
  std::size_t total = 0;
  for (const graph::Edge& e : g.edges()) total += e.support.size();
  ASSERT_EQ(shared.by_source.size(), total);
  for (std::size_t s = 0; s < g.sources().size(); ++s) {
    for (std::uint32_t i = shared.source_first[s]; i < shared.source_first[s + 1]; ++i) {
      EXPECT_EQ(g.mention(shared.by_source[i]).source, static_cast<int>(s));
      if (i > shared.source_first[s]) {
        EXPECT_LE(g.mention(shared.by_source[i - 1]).edge, g.mention(shared.by_source[i]).edge);
      }
    }
  }
}

}  // namespace
}  // namespace kgraph::exports
