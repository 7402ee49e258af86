// A graph built under a memory budget (merge --memory: relation mentions
// sorted out of core, kept on disk) must give every output byte for byte as
// the graph held in memory, whether the sort fitted in one buffer or needed
// many runs.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "export/graph_outputs.hpp"
#include "tests/export/client_tools.hpp"
#include "tests/export/news_fixture.hpp"

namespace kgraph::exports {
namespace {

namespace fs = std::filesystem;

TEST(OutOfCore, EveryOutputIsTheSameUnderAnyBudget) {
  ExportOptions options;
  options.generated_at = "2024-03-05T12:00:00Z";
  options.ontology_dir = KGRAPH_ONTOLOGY;
  for (const bool nasty : {false, true}) {
    SCOPED_TRACE(nasty ? "nasty names" : "plain names");
    const std::vector<Extraction> docs =
        nasty ? testing::news_extractions(testing::nasty_names()) : testing::news_extractions();
    const graph::KnowledgeGraph held = testing::build_graph(docs);
    std::size_t mentions = 0;
    for (const graph::Edge& e : held.edges()) mentions += e.support.size();
    ASSERT_GT(mentions, 4u);
    const fs::path expected = testing::scratch_dir("out-of-core-held");
    write_graph_outputs(held, expected, parse_formats("graphml,gexf,ttl,nt,nq,trig,md,html,csv"), options, 2);
    // A sort buffer of one mention (a run per mention), of two, and one that holds them all.
    for (const std::size_t per_run : {std::size_t{1}, std::size_t{2}, mentions + 1}) {
      for (const bool reverse : {false, true}) {
        SCOPED_TRACE("mentions per run " + std::to_string(per_run) + (reverse ? ", documents reversed" : ""));
        const graph::KnowledgeGraph g = testing::build_graph(docs, reverse, per_run * sizeof(graph::Support) * 8);
        ASSERT_EQ(g.edges().size(), held.edges().size());
        const fs::path dir = testing::scratch_dir("out-of-core-budget");
        const std::vector<fs::path> files =
            write_graph_outputs(g, dir, parse_formats("graphml,gexf,ttl,nt,nq,trig,md,html,csv"), options, 2);
        ASSERT_EQ(files.size(), 10u);
        for (const fs::path& file : files) {
          const std::string bytes = testing::read_file(file);
          EXPECT_GT(bytes.size(), 100u) << file;
          EXPECT_EQ(bytes, testing::read_file(expected / file.filename())) << file.filename();
        }
        fs::remove_all(dir);
      }
    }
    fs::remove_all(expected);
  }
}

TEST(OutOfCore, MentionsComeBackWithEveryFieldAndInOrder) {
  const std::vector<Extraction> docs = testing::news_extractions();
  const graph::KnowledgeGraph held = testing::build_graph(docs);
  const graph::KnowledgeGraph g = testing::build_graph(docs, false, sizeof(graph::Support) * 8);
  ASSERT_EQ(g.edges().size(), held.edges().size());
  for (std::size_t i = 0; i < g.edges().size(); ++i) {
    const graph::SupportList& a = held.edges()[i].support;
    const graph::SupportList& b = g.edges()[i].support;
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(held.edges()[i].weight, g.edges()[i].weight);
    EXPECT_EQ(held.edges()[i].outlet_count, g.edges()[i].outlet_count);
    for (std::size_t k = 0; k < a.size(); ++k) {
      const graph::Support x = a[k], y = b[k];
      EXPECT_EQ(x.source, y.source);
      EXPECT_EQ(y.edge, static_cast<int>(i));
      EXPECT_EQ(x.modality, y.modality);
      EXPECT_EQ(x.confidence, y.confidence);
      EXPECT_EQ(x.evidence.text.str(), y.evidence.text.str());
      EXPECT_EQ(x.evidence.rule, y.evidence.rule);
      EXPECT_TRUE(x.attributes == y.attributes);
      EXPECT_EQ(g.mention(b.first() + k).evidence.span.begin, y.evidence.span.begin);
    }
  }
}

}  // namespace
}  // namespace kgraph::exports
