// The report's picture is the same bytes every time the same graph is drawn.
// The fixture is the DOT text graph_dot wrote for a 150-node graph built from
// a synthetic bench corpus (scripts/bench-scale --sizes 20 --dense
// --distinct). Laid out by sfdp, it came out differently in some runs (an
// arrowhead on a rounding tie printed as .62 or .63), and how often depended
// on the size of the environment handed to Graphviz; so the drawing is
// repeated under a small and a large environment.
#include "export/graph_picture.hpp"
#include "export/picture_layout.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <string>

#include "tests/export/client_tools.hpp"

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

// Every node gets a whole-point position, the same each time, and the
// positions are spread out: no two boxes share a row and a column.
TEST(PictureRepeatTest, FixedPositionsAreWholePointsAndRepeat) {
  const std::string dot = fixture();
  const std::string placed = with_fixed_positions(dot);
  EXPECT_EQ(with_fixed_positions(dot), placed);
  const std::regex pos(R"(\n  n\d+ \[pos="(\d+),(\d+)!", label=)");
  std::vector<std::pair<long, long>> points;
  for (auto it = std::sregex_iterator(placed.begin(), placed.end(), pos); it != std::sregex_iterator(); ++it) {
    points.emplace_back(std::stol((*it)[1]), std::stol((*it)[2]));
  }
  EXPECT_EQ(points.size(), 150u);
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t j = i + 1; j < points.size(); ++j) {
      const bool same_row = std::labs(points[i].second - points[j].second) < 36;
      const bool same_column = std::labs(points[i].first - points[j].first) < 54;
      EXPECT_FALSE(same_row && same_column) << "nodes " << i << " and " << j << " overlap";
    }
  }
}

}  // namespace
}  // namespace kgraph::exports
