// The picture in the HTML report: the connected part is drawn and entities
// without relations are listed under it instead of stacked in the drawing;
// a key names the entity types drawn and the three edge styles; and the
// labels stay readable when Chromium renders the page at 1000 px.
#include "export/report_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "export/graph_picture.hpp"  // graph_dot
#include "tests/export/client_tools.hpp"
#include "tests/export/news_fixture.hpp"

namespace kgraph::exports {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string html(const graph::KnowledgeGraph& g) {
  ExportOptions o;
  o.ontology_dir = KGRAPH_ONTOLOGY;
  std::ostringstream out;
  write_html_report(g, out, o);
  return out.str();
}

// The Graphviz drawing: the first <svg> element whose width is in points.
std::string picture_of(const std::string& page) {
  const std::size_t figure = page.find("<figure>");
  const std::size_t begin = page.find("<svg", figure == std::string::npos ? 0 : figure);
  const std::size_t end = page.find("</svg>", begin);
  if (figure == std::string::npos || begin == std::string::npos || end == std::string::npos) return {};
  return page.substr(begin, end + 6 - begin);
}

// A number attribute of the root element of `svg`: height="464pt" -> 464.
double svg_number(const std::string& svg, const std::string& attribute) {
  const std::size_t at = svg.find(" " + attribute + "=\"");
  if (at == std::string::npos) return -1;
  return std::strtod(svg.c_str() + at + attribute.size() + 3, nullptr);
}

// The text between `<ul class="NAME">` and its `</ul>`, or "".
std::string list_of(const std::string& page, const std::string& name) {
  const std::size_t begin = page.find("<ul class=\"" + name + "\">");
  if (begin == std::string::npos) return {};
  return page.substr(begin, page.find("</ul>", begin) - begin);
}

// A NATO ministers' meeting as one article: each minister holds office in a
// country whose troops deployed to a place in another country, so the
// relations form chains four deep -- the shape that made the old left-to-right
// drawing wider than the page and shrank its labels.
Extraction summit_article() {
  testing::DocBuilder d("nato/2024-04-04-ministers.txt", "NATO foreign ministers meet in Brussels", "2024-04-04",
                        "Reuters", "https://www.reuters.com/world/nato-ministers-2024-04-04/");
  struct Branch {
    const char* minister;
    const char* country;
    const char* place;
    const char* host;
  };
  const std::vector<Branch> branches = {{"Espen Barth Eide", "Norway", "Rukla", "Lithuania"},
                                        {"Lars Løkke Rasmussen", "Denmark", "Tapa", "Estonia"},
                                        {"Mélanie Joly", "Canada", "Ādaži", "Latvia"}};
  for (const Branch& b : branches) {
    const int s = d.sentence(std::string("Jens Stoltenberg met ") + b.country + "'s foreign minister " + b.minister +
                             ", whose country has deployed troops to " + b.place + " in " + b.host + ".");
    const int sg = d.entity("Jens Stoltenberg", EntityType::Person, s, "Jens Stoltenberg");
    const int minister = d.entity(b.minister, EntityType::Person, s, b.minister);
    const int country = d.entity(b.country, EntityType::Country, s, b.country);
    const int place = d.entity(b.place, EntityType::Location, s, b.place);
    const int host = d.entity(b.host, EntityType::Country, s, b.host);
    d.relation(RelationType::MetWith, sg, minister, Modality::Asserted, 0.9, s, "trigger:met_with/met");
    d.relation(RelationType::HoldsPosition, minister, country, Modality::Asserted, 0.9, s, "title:before-name",
               {{"title", "Foreign Minister"}});
    d.relation(RelationType::DeployedTo, country, place, Modality::Asserted, 0.85, s, "trigger:deployed_to/deploy");
    d.relation(RelationType::PartOf, place, host, Modality::Asserted, 0.8, s, "pattern:in");
  }
  return d.done();
}

// Places a correspondent lists without saying anything about them: entities
// with no relation at all.
const std::vector<std::string> kUnrelated = {"Ankara", "Tbilisi", "Chisinau", "Yerevan", "Baku",
                                             "Minsk",  "Vilnius", "Riga",     "Tallinn", "Helsinki"};

Extraction unrelated_article() {
  testing::DocBuilder d("dw/2024-04-05-correspondents.txt", "Our correspondents", "2024-04-05", "DW", "");
  std::string list;
  for (const auto& name : kUnrelated) list += (list.empty() ? "" : ", ") + name;
  const int s = d.sentence("Correspondents filed from " + list + ".");
  for (const auto& name : kUnrelated) d.entity(name, EntityType::Location, s, name);
  return d.done();
}

class ReportPictureTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/dot", "graphviz")); }
  graph::KnowledgeGraph news_ = testing::build_graph(testing::news_extractions());
};

TEST_F(ReportPictureTest, LegendNamesTheTypesDrawnAndTheThreeEdgeStyles) {
  const std::string page = html(news_);
  const std::string types = list_of(page, "legend-types");
  ASSERT_FALSE(types.empty()) << "no legend of entity types";
  // The fixture has people, countries, a city and NATO; no operation or event.
  for (const char* type : {"Person", "Organisation", "Country", "Location"}) {
    EXPECT_TRUE(contains(types, std::string(">") + type + "</li>")) << type << " in " << types;
  }
  EXPECT_FALSE(contains(types, "Operation"));
  EXPECT_FALSE(contains(types, "Event"));
  // Each swatch has the palette's colour (ontology/lexicon/entity_types.tsv: Person 31 119 180).
  EXPECT_TRUE(contains(types, "background:#1f77b4\"></span>Person</li>")) << types;

  const std::string edges = list_of(page, "legend-edges");
  ASSERT_FALSE(edges.empty()) << "no legend of edge styles";
  const std::string svg = picture_of(page);
  // Each sample line in the key is stroked as the drawing strokes that kind
  // of relation; the fixture has one of each (a planned and a negated meeting).
  std::vector<std::string> strokes;
  for (const char* kind : {"solid\">", "dashed\">", "dotted\">"}) {
    SCOPED_TRACE(kind);
    const std::size_t item = edges.find(std::string("<li class=\"edge-") + kind);
    ASSERT_NE(item, std::string::npos) << edges;
    const std::string entry = edges.substr(item, edges.find("</li>", item) - item);
    const std::size_t colour = entry.find(" stroke=\"");
    ASSERT_NE(colour, std::string::npos) << entry;
    const std::string stroke = entry.substr(colour, entry.find('"', colour + 9) + 1 - colour);
    EXPECT_TRUE(contains(svg, stroke)) << "no edge drawn with" << stroke;
    std::string dashes;
    if (const std::size_t d = entry.find(" stroke-dasharray=\""); d != std::string::npos) {
      dashes = entry.substr(d, entry.find('"', d + 19) + 1 - d);
      // Graphviz writes the edge's width between its colour and its dashes.
      const std::regex drawn("<path fill=\"none\"" + stroke + " stroke-width=\"[0-9.]+\"" + dashes + " d=");
      EXPECT_TRUE(std::regex_search(svg, drawn)) << "no edge drawn with" << stroke << dashes;
    }
    EXPECT_EQ(dashes.empty(), std::string(kind) == "solid\">") << entry;
    strokes.push_back(stroke + dashes);
  }
  EXPECT_TRUE(contains(edges, ">asserted or reported (solid)</li>")) << edges;
  EXPECT_TRUE(contains(edges, ">planned or hypothetical (dashed)</li>")) << edges;
  EXPECT_TRUE(contains(edges, ">negated (dotted)</li>")) << edges;
  ASSERT_EQ(strokes.size(), 3u);
  EXPECT_NE(strokes[0], strokes[1]);
  EXPECT_NE(strokes[1], strokes[2]);
  EXPECT_NE(strokes[0], strokes[2]);
}

TEST_F(ReportPictureTest, UnrelatedEntitiesAreListedNotStackedInThePicture) {
  auto docs = testing::news_extractions();
  const std::string connected_page = html(testing::build_graph(docs));
  docs.push_back(unrelated_article());
  const auto with_unrelated = testing::build_graph(docs);
  const std::string page = html(with_unrelated);

  const std::string connected_svg = picture_of(connected_page), svg = picture_of(page);
  ASSERT_FALSE(connected_svg.empty());
  ASSERT_FALSE(svg.empty());
  const double connected_height = svg_number(connected_svg, "height");
  const double height = svg_number(svg, "height");
  ASSERT_GT(connected_height, 0);
  // Ten lone boxes stacked would add ten rows (some 360 pt); packed beside
  // the rest they would add at most one. They are left out, so nothing.
  EXPECT_LE(height, connected_height * 1.1) << "connected-only " << connected_height << " pt, with "
                                            << kUnrelated.size() << " unrelated entities " << height << " pt";
  EXPECT_LE(svg_number(svg, "width"), svg_number(connected_svg, "width") * 1.1);

  const std::string list = list_of(page, "unrelated");
  ASSERT_FALSE(list.empty()) << "the unrelated entities are not listed under the picture";
  EXPECT_TRUE(contains(page, "<p class=\"note\">10 entities have no relation and are not drawn:</p>"));
  for (const auto& name : kUnrelated) {
    EXPECT_TRUE(contains(list, "\">" + name + "</a></li>")) << name << " not in " << list;
    EXPECT_FALSE(contains(svg, ">" + name + "</text>")) << name << " is drawn";
  }
  // Entities with relations are drawn, not listed.
  EXPECT_TRUE(contains(svg, ">Annalena Baerbock</text>"));
  EXPECT_FALSE(contains(list, "Annalena Baerbock"));
  EXPECT_FALSE(contains(connected_page, "<ul class=\"unrelated\">"));
  EXPECT_EQ(page, html(with_unrelated)) << "output must be deterministic";
}

// The y coordinate of the label `name` in the drawing (smaller is higher), or NaN.
double label_y(const std::string& svg, const std::string& name) {
  const std::size_t at = svg.find(">" + name + "</text>");
  if (at == std::string::npos) return std::nan("");
  const std::size_t y = svg.rfind(" y=\"", at);
  return y == std::string::npos ? std::nan("") : std::strtod(svg.c_str() + y + 4, nullptr);
}

TEST_F(ReportPictureTest, LargestComponentIsDrawnFirstAndAboveTheOthers) {
  // The news graph's main component (8 nodes) and the summit chains (13).
  auto docs = testing::news_extractions();
  docs.push_back(summit_article());
  const auto g = testing::build_graph(docs);
  TypeColours colours;
  colours.fill("#777777");
  const DotGraph dot = graph_dot(g, colours);
  EXPECT_EQ(dot.nodes_drawn, static_cast<int>(g.nodes().size()));
  const std::size_t summit = dot.dot.find("label=\"Jens Stoltenberg\"");
  const std::size_t news = dot.dot.find("label=\"Annalena Baerbock\"");
  ASSERT_NE(summit, std::string::npos);
  ASSERT_NE(news, std::string::npos);
  EXPECT_LT(summit, news) << dot.dot;
  // Stacked, not side by side: every summit label lies above every news label.
  const std::string svg = picture_of(html(g));
  double lowest_summit = -1e9, highest_news = 1e9;
  for (const char* name : {"Jens Stoltenberg", "Espen Barth Eide", "Norway", "Rukla", "Lithuania", "Latvia"})
    lowest_summit = std::max(lowest_summit, label_y(svg, name));
  for (const char* name : {"Annalena Baerbock", "Joe Biden", "Germany", "Poland", "NATO"})
    highest_news = std::min(highest_news, label_y(svg, name));
  EXPECT_LT(lowest_summit, highest_news) << svg;
}

// Chromium renders the page 1000 px wide and a script measures each label of
// the picture as drawn: its font size times the SVG's scale on screen. The
// report itself forbids scripts (Content-Security-Policy), so the measuring
// copy drops that one meta element.
TEST_F(ReportPictureTest, ChromiumDrawsEveryLabelAtLeastElevenPixelsHigh) {
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/chromium", "chromium"));
  auto docs = testing::news_extractions();
  docs.push_back(summit_article());
  docs.push_back(unrelated_article());
  std::string page = html(testing::build_graph(docs));
  const std::size_t csp = page.find("<meta http-equiv=\"Content-Security-Policy\"");
  ASSERT_NE(csp, std::string::npos);
  page.erase(csp, page.find('>', csp) + 1 - csp);
  const std::string script = R"(<script>
const texts = document.querySelectorAll('figure svg text');
let smallest = 1e9, node = 1e9, edge = 1e9;
for (const t of texts) {
  const px = parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a;
  smallest = Math.min(smallest, px);
  if (t.closest('g.node')) node = Math.min(node, px); else if (t.closest('g.edge')) edge = Math.min(edge, px);
}
const figure = document.querySelector('figure').getBoundingClientRect();
const out = document.createElement('pre');
out.id = 'measure';
out.textContent = 'labels=' + texts.length + ' smallest=' + smallest.toFixed(2) + ' node=' + node.toFixed(2) +
    ' edge=' + edge.toFixed(2) + ' figure-width=' + figure.width.toFixed(0) + ' end';
document.body.appendChild(out);
</script>
)";
  page.insert(page.rfind("</body>"), script);
  const auto dir = testing::scratch_dir("report-picture");
  testing::write_file(dir / "measure.html", page);
  const std::string chromium = "/usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
                               "--no-first-run --disable-background-networking --window-size=1000,1400 "
                               "--user-data-dir=" + testing::shell_quote((dir / "profile").string()) + " ";
  const auto dom = testing::run_tool(chromium + "--dump-dom " +
                                     testing::shell_quote("file://" + (dir / "measure.html").string()) + " 2>/dev/null");
  ASSERT_EQ(dom.status, 0);
  const std::size_t at = dom.output.find("<pre id=\"measure\">");
  ASSERT_NE(at, std::string::npos) << "the measuring script did not run";
  const std::string measure = dom.output.substr(at, dom.output.find("end", at) - at);
  const auto value = [&](const std::string& key) {
    const std::size_t k = measure.find(key + "=");
    return k == std::string::npos ? -1.0 : std::strtod(measure.c_str() + k + key.size() + 1, nullptr);
  };
  EXPECT_GE(value("labels"), 40) << measure;  // 23 node and 21 edge labels
  EXPECT_GE(value("smallest"), 11.0) << measure;
  EXPECT_GE(value("node"), 11.0) << measure;
  EXPECT_GE(value("edge"), 11.0) << measure;
  // KEEP=1 leaves measure.html behind, to open or screenshot by hand.
  if (std::getenv("KEEP") == nullptr) std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::exports
