// The Markdown and HTML reports: sections and facts are there, input text is
// escaped (markup in an article never becomes markup in the report), the HTML
// embeds Graphviz's SVG and says so plainly when Graphviz is missing.
#include "export/report_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tests/export/client_tools.hpp"
#include "tests/export/news_fixture.hpp"

namespace kgraph::exports {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

ExportOptions report_options() {
  ExportOptions o;
  o.ontology_dir = KGRAPH_ONTOLOGY;
  return o;
}

std::string markdown(const graph::KnowledgeGraph& g) {
  std::ostringstream out;
  write_markdown_report(g, out, report_options());
  return out.str();
}

std::string html(const graph::KnowledgeGraph& g) {
  std::ostringstream out;
  write_html_report(g, out, report_options());
  return out.str();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class ReportTest : public ::testing::Test {
 protected:
  graph::KnowledgeGraph graph_ = testing::build_graph(testing::news_extractions());
};

TEST_F(ReportTest, MarkdownHasEverySection) {
  const std::string md = markdown(graph_);
  for (const char* heading : {"# Knowledge graph report\n", "## Summary\n", "## Sources\n", "## Relations\n",
                              "### met\\_with (3)\n", "### deployed\\_to (1)\n", "## Entities\n",
                              "## Disagreements between outlets\n"}) {
    EXPECT_TRUE(contains(md, heading)) << heading;
  }
  EXPECT_TRUE(contains(md, "| Documents | 3 |"));
  EXPECT_TRUE(contains(md, "| Person | 4 |"));
  EXPECT_TRUE(contains(md, "| met\\_with | 3 | 4 |"));
  // The meeting two outlets reported: both quotes, each with its source.
  EXPECT_TRUE(contains(md, "#### Annalena Baerbock — met with — Volodymyr Zelensky\n"));
  EXPECT_TRUE(contains(md, "Modality: **asserted** (2 asserted) · weight 2 · 2 documents · outlets: AP, Reuters"));
  EXPECT_TRUE(contains(md, "- *AP*, “German minister holds talks in Kyiv” (ap/baerbock-kyiv.txt), 2024-03-01 — "
                           "asserted, confidence 0.880  \n  > Baerbock held talks with Zelensky in the Ukrainian "
                           "capital, officials said.\n"))
      << md;
  EXPECT_TRUE(contains(md, "- *Reuters*, “Baerbock visits Kyiv”"));
  // Where outlets differ: AP has a phone call, DW says they did not meet.
  EXPECT_TRUE(contains(md, "- **Joe Biden** and **Volodymyr Zelensky**:\n"
                           "  - Joe Biden met with Volodymyr Zelensky (negated) according to DW\n"
                           "  - Joe Biden spoke with Volodymyr Zelensky (asserted) according to AP\n"))
      << md;
}

TEST_F(ReportTest, EntityProfileListsTypeOfficesAndNeighbours) {
  const int node = graph_.find("Annalena Baerbock");
  ASSERT_GE(node, 0);
  const std::string p = entity_profile_markdown(graph_, node);
  EXPECT_TRUE(contains(p, "### Annalena Baerbock\n")) << p;
  EXPECT_TRUE(contains(p, "- Type: Person\n")) << p;
  EXPECT_TRUE(contains(p, "- Also called: Baerbock\n")) << p;
  EXPECT_TRUE(contains(p, "- Offices:\n  - Foreign Minister, Germany\n")) << p;
  EXPECT_TRUE(contains(p, "  - met with Volodymyr Zelensky (asserted, 2 mentions)\n")) << p;
  EXPECT_TRUE(contains(p, "  - met with Radosław Sikorski (planned, 1 mention)\n")) << p;
  const std::string germany = entity_profile_markdown(graph_, graph_.find("Germany"));
  EXPECT_TRUE(contains(germany, "  - Annalena Baerbock holds position Germany (asserted, 1 mention)\n")) << germany;
  EXPECT_TRUE(contains(germany, "  - deployed to Poland (reported, 1 mention)\n")) << germany;
}

TEST_F(ReportTest, MarkdownEscapesInputText) {
  const auto g = testing::build_graph(testing::news_extractions(testing::nasty_names()));
  const std::string md = markdown(g);
  EXPECT_FALSE(contains(md, "<script>"));
  EXPECT_FALSE(contains(md, "<b>"));
  EXPECT_FALSE(contains(md, "[link](javascript"));
  EXPECT_TRUE(contains(md, "Volodymyr \\<script\\>alert\\(1\\)\\</script\\> Zelensky Jr."));
  EXPECT_FALSE(contains(md, "\xFF"));
  EXPECT_FALSE(contains(md, "\x01"));
  // Table rows keep their cell count: a '|' in a title is escaped.
  EXPECT_TRUE(contains(md, "\\| \\*star\\*"));
}

TEST_F(ReportTest, HtmlHasInlineSvgAndRelationTables) {
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/dot", "graphviz"));
  const std::string page = html(graph_);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_TRUE(contains(page, "<figure>\n<svg"));
  EXPECT_FALSE(contains(page, "<?xml"));
  EXPECT_FALSE(contains(page, "<!DOCTYPE svg"));
  EXPECT_TRUE(contains(page, "<table class=\"relations\">"));
  EXPECT_TRUE(contains(page, "<h3 id=\"relation-met_with\">met_with (3)</h3>"));
  EXPECT_TRUE(contains(page, "<article class=\"entity\" id=\"entity-annalena-baerbock\">"));
  EXPECT_TRUE(contains(page, "<h2>Disagreements between outlets</h2>"));
  EXPECT_TRUE(contains(page, ">Annalena Baerbock</text>")) << "the SVG draws the node labels";
  // Nothing external: no script, stylesheet link, image or font URL.
  EXPECT_FALSE(contains(lower(page), "<script"));
  EXPECT_FALSE(contains(lower(page), "<link"));
  EXPECT_FALSE(contains(lower(page), "src=\"http"));
  EXPECT_EQ(page, html(graph_)) << "output must be deterministic";
}

TEST_F(ReportTest, HtmlEscapesInputMarkup) {
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/dot", "graphviz"));
  const auto g = testing::build_graph(testing::news_extractions(testing::nasty_names()));
  const std::string page = html(g);
  EXPECT_TRUE(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(contains(lower(page), "<script"));
  EXPECT_FALSE(contains(page, "<b>\"B"));
  EXPECT_FALSE(contains(page, "<i>Foreign"));
  EXPECT_FALSE(contains(page, "\xFF"));
  EXPECT_TRUE(contains(page, "<svg")) << "Graphviz must cope with hostile labels too";
}

TEST_F(ReportTest, HtmlSaysSoWhenGraphvizIsMissing) {
  const std::string saved = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
  ::setenv("PATH", "/nonexistent-kgraph-test", 1);
  const std::string page = html(graph_);
  ::setenv("PATH", saved.c_str(), 1);
  EXPECT_FALSE(contains(page, "<svg"));
  EXPECT_TRUE(contains(page, "No picture: Graphviz (dot) was not found on PATH")) << page.substr(0, 3000);
  EXPECT_TRUE(contains(page, "<table class=\"relations\">"));
}

// The page as a browser sees it: headless Chromium renders a screenshot and
// dumps the DOM after parsing, which must hold the picture and the tables and
// no script element even for hostile input.
TEST_F(ReportTest, ChromiumRendersTheHtmlReport) {
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/chromium", "chromium"));
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/dot", "graphviz"));
  const auto dir = testing::scratch_dir("report-chromium");
  const auto nasty = testing::build_graph(testing::news_extractions(testing::nasty_names()));
  testing::write_file(dir / "report.html", html(graph_));
  testing::write_file(dir / "nasty.html", html(nasty));
  const std::string chromium = "/usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
                               "--user-data-dir=" + testing::shell_quote((dir / "profile").string()) + " ";
  const auto shot = testing::run_tool(chromium + "--window-size=1200,1600 --screenshot=" +
                                      testing::shell_quote((dir / "report.png").string()) + " " +
                                      testing::shell_quote("file://" + (dir / "report.html").string()) + " 2>&1");
  EXPECT_EQ(shot.status, 0) << shot.output;
  const std::string png = testing::read_file(dir / "report.png");
  ASSERT_GT(png.size(), 10000u) << shot.output;
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  for (const char* page : {"report.html", "nasty.html"}) {
    SCOPED_TRACE(page);
    const auto dom = testing::run_tool(chromium + "--dump-dom " +
                                       testing::shell_quote("file://" + (dir / page).string()) + " 2>/dev/null");
    EXPECT_EQ(dom.status, 0);
    EXPECT_TRUE(contains(dom.output, "<svg")) << dom.output.substr(0, 2000);
    EXPECT_TRUE(contains(dom.output, "<table class=\"relations\">"));
    EXPECT_TRUE(contains(dom.output, "<h2>Disagreements between outlets</h2>"));
    EXPECT_FALSE(contains(lower(dom.output), "<script"));
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::exports
