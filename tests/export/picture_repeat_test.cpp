// The report's picture is the same bytes every time the same graph is drawn.
// The fixture is the DOT text graph_dot wrote for a 150-node graph built from
// a synthetic bench corpus (scripts/bench-scale --sizes 20 --dense
// --distinct), with the positions graph_dot now gives a large picture's
// nodes. Laid out by sfdp, it came out differently in some runs (an
// arrowhead on a rounding tie printed as .62 or .63), and how often depended
// on the size of the environment handed to Graphviz; so the drawing is
// repeated under a small and a large environment.
#include "export/graph_picture.hpp"
#include "export/picture_layout.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "tests/export/client_tools.hpp"
#include "tests/export/news_fixture.hpp"

namespace kgraph::exports {
namespace {

constexpr const char* kPadVariable = "KGRAPH_PICTURE_TEST_PAD";

std::string fixture() {
  return testing::read_file(std::string(KGRAPH_TEST_DATA) + "/picture/sfdp-rounding-tie.dot");
}

TEST(PictureRepeatTest, LargeGraphIsTheSameBytesWhateverTheEnvironment) {
  ASSERT_NO_FATAL_FAILURE(testing::require_tool("/usr/bin/neato", "graphviz"));
  DotGraph graph;
  graph.dot = fixture();
  ASSERT_FALSE(graph.dot.empty());
  graph.nodes_drawn = 150;  // above the size at which render_svg lays the graph out itself

  std::string first;
  for (const std::size_t pad : {97, 100'000}) {
    // Graphviz inherits this variable; only its length changes between runs.
    ::setenv(kPadVariable, std::string(pad, 'a').c_str(), 1);
    const Picture picture = render_svg(graph);
    ASSERT_FALSE(picture.svg.empty()) << picture.problem;
    if (first.empty()) {
      first = picture.svg;
    } else {
      EXPECT_EQ(picture.svg, first) << "a " << pad << "-byte variable drew different bytes";
    }
  }
  ::unsetenv(kPadVariable);
}

// No two boxes of `points` share a row and a column.
void expect_apart(const std::vector<PicturePoint>& points) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t j = i + 1; j < points.size(); ++j) {
      const bool same_row = std::labs(points[i].y - points[j].y) < 36;
      const bool same_column = std::labs(points[i].x - points[j].x) < 54;
      EXPECT_FALSE(same_row && same_column) << "nodes " << i << " and " << j << " overlap";
    }
  }
}

// Every node gets a whole-point position, the same each time, and the
// positions are spread out. The labels and links are the fixture's shape:
// 150 names of 5 to 24 characters, a dense centre and a sparse rim.
TEST(PictureRepeatTest, FixedPositionsRepeatAndKeepBoxesApart) {
  std::vector<std::size_t> label_chars;
  std::vector<std::pair<int, int>> edges;
  for (int i = 0; i < 150; ++i) {
    label_chars.push_back(5 + static_cast<std::size_t>(i * 7 % 20));
    if (i > 0) edges.emplace_back(i, i < 30 ? 0 : (i * 13) % i);
  }
  const auto points = fixed_positions(label_chars, edges);
  ASSERT_EQ(points.size(), 150u);
  const auto again = fixed_positions(label_chars, edges);
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].x, again[i].x);
    EXPECT_EQ(points[i].y, again[i].y);
  }
  expect_apart(points);
  EXPECT_TRUE(fixed_positions({}, {}).empty());
}

// graph_dot places the nodes of a picture of more than 60 nodes itself (each
// node line carries pos="x,y!") and leaves a smaller one to dot.
TEST(PictureRepeatTest, GraphDotPlacesTheNodesOfALargePictureOnly) {
  TypeColours colours;
  colours.fill("#777777");
  const std::regex pos(R"(\n  n\d+ \[pos="(\d+),(\d+)!", label=)");

  const auto small = graph_dot(testing::build_graph(testing::news_extractions()), colours);
  ASSERT_GT(small.nodes_drawn, 0);
  EXPECT_FALSE(std::regex_search(small.dot, pos)) << small.dot;

  // Seventy ministers each met by one envoy: 71 related nodes.
  testing::DocBuilder d("wire/2024-05-01-envoy.txt", "Envoy's tour", "2024-05-01", "Wire", "");
  for (int i = 0; i < 70; ++i) {
    const std::string minister = "Minister Number" + std::to_string(i);
    const int s = d.sentence("The envoy met " + minister + ".");
    const int envoy = d.entity("Envoy Person", EntityType::Person, s, "Envoy Person");
    const int other = d.entity(minister, EntityType::Person, s, minister);
    d.relation(RelationType::MetWith, envoy, other, Modality::Asserted, 0.9, s, "trigger:met_with/met");
  }
  const auto large = graph_dot(testing::build_graph({d.done()}), colours);
  ASSERT_EQ(large.nodes_drawn, 71);
  std::vector<PicturePoint> points;
  for (auto it = std::sregex_iterator(large.dot.begin(), large.dot.end(), pos); it != std::sregex_iterator(); ++it) {
    points.push_back({std::stol((*it)[1]), std::stol((*it)[2])});
  }
  EXPECT_EQ(points.size(), 71u) << large.dot;
  expect_apart(points);
  EXPECT_NE(large.dot.find("splines=line"), std::string::npos);
}

}  // namespace
}  // namespace kgraph::exports
