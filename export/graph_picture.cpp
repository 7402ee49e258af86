#include "export/graph_picture.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <sstream>
#include <tuple>
#include <utility>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "export/picture_layout.hpp"
#include "export/text_escape.hpp"

namespace kgraph::exports {
namespace {

// A DOT double-quoted string. Backslashes are doubled as well as quotes
// escaped, because in labels Graphviz reads \N, \G, \l ... as escapes.
std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : one_line(text)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string phrase(RelationType t) {
  std::string s(to_string(t));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::filesystem::path find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::stringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const auto candidate = std::filesystem::path(dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// UTF-8 code points in `text`: the characters of a label.
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Above 60 nodes dot's ranks grow too wide to read; a force layout suits.
bool large_picture(int nodes_drawn) { return nodes_drawn > 60; }

// The root of `v` in a union-find forest, halving paths on the way.
int find_root(std::vector<int>& parent, int v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

// The width Graphviz wrote on the root element (width="NNNpt"), or 0. The
// viewBox has as many units.
double svg_width(const std::string& svg) {
  const std::size_t at = svg.find(" width=\"");
  if (at == std::string::npos) return 0;
  double width = 0;
  const auto [end, ec] = std::from_chars(svg.data() + at + 8, svg.data() + svg.size(), width);
  return ec == std::errc{} && width > 0 ? width : 0;
}

// A picture this wide (in points) fits the report's column at natural size.
constexpr double kFitWidth = 700;

// `svg` with a min-width style on its root element, so that a narrow page
// scrolls the picture instead of shrinking its smallest labels below
// kMinLabelPixels.
std::string with_min_width(const std::string& svg) {
  const double width = svg_width(svg);
  if (width <= 0) return svg;
  const long min_px = std::lround(std::ceil(width * kMinLabelPixels / kEdgeFontSize));
  return "<svg style=\"min-width:" + std::to_string(min_px) + "px\"" + svg.substr(4);
}

// Runs `program options FILE` on `input` written to a private temporary file
// (popen is one-way) and returns its standard output, or nothing when it
// could not run or exited with a status above `max_status`.
std::optional<std::string> run_on(const std::filesystem::path& program, const std::string& options,
                                  const std::string& input, int max_status = 0) {
  std::string temp = (std::filesystem::temp_directory_path() / "kgraph-dot-XXXXXX").string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return std::nullopt;
  const bool written = ::write(fd, input.data(), input.size()) == static_cast<ssize_t>(input.size());
  ::close(fd);
  std::optional<std::string> out;
  if (written) {
    const std::string command =
        shell_quoted(program.string()) + " " + options + " " + shell_quoted(temp) + " 2>/dev/null";
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
      std::array<char, 8192> buf{};
      std::string text;
      for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) text.append(buf.data(), n);
      const int status = ::pclose(pipe);
      if (WIFEXITED(status) && WEXITSTATUS(status) <= max_status) out = std::move(text);
    }
  }
  std::filesystem::remove(temp);
  return out;
}

// The <svg> element of Graphviz's output, or "".
std::string svg_element(const std::optional<std::string>& output) {
  if (!output) return {};
  const std::size_t start = output->find("<svg");
  const std::size_t end = output->rfind("</svg>");
  if (start == std::string::npos || end == std::string::npos || end < start) return {};
  return output->substr(start, end + 6 - start);
}

// The Graphviz programs of one drawing; the packing ones may be missing.
struct Programs {
  std::filesystem::path layout, ccomps, gvpack, neato;
  bool can_stack() const { return !ccomps.empty() && !gvpack.empty() && !neato.empty(); }
};

// dot alone puts the connected components side by side, so a picture of a
// few of them is wider than the page. Instead ccomps splits the graph, dot
// lays out each component on its own, gvpack stacks them in one column in
// the order graph_dot wrote them (most nodes first; by default gvpack would
// sort them by area), and neato -n2 draws that
// layout as it is. Without those programs, dot draws it whole.
std::string draw_with_dot(const Programs& p, const std::string& dot_text, const std::string& rankdir) {
  if (!p.can_stack()) return svg_element(run_on(p.layout, "-Grankdir=" + rankdir + " -Tsvg", dot_text));
  // ccomps exits 1 when the graph has more than one component.
  const auto parts = run_on(p.ccomps, "-x", dot_text, 1);
  if (!parts) return {};
  const auto laid_out = run_on(p.layout, "-Grankdir=" + rankdir, *parts);
  if (!laid_out) return {};
  const auto stacked = run_on(p.gvpack, "-array_i1 -m 24", *laid_out);
  if (!stacked) return {};
  return svg_element(run_on(p.neato, "-n2 -Tsvg", *stacked));
}

}  // namespace

const std::array<EdgeStyle, 3>& edge_styles() {
  // Colour and dash both differ, so the three stay apart in print and for
  // readers who do not tell amber from red; the colours are the report's own
  // for planned and negated modality.
  static const std::array<EdgeStyle, 3> styles = {{
      {"asserted or reported", "#555555", "solid", ""},
      {"planned or hypothetical", "#8a6d00", "dashed", "5,2"},
      {"negated", "#b00020", "dotted", "1,5"},
  }};
  return styles;
}

std::size_t edge_style_of(Modality m) {
  switch (m) {
    case Modality::Asserted:
    case Modality::Reported: return 0;
    case Modality::Planned:
    case Modality::Hypothetical: return 1;
    case Modality::Negated: return 2;
  }
  return 0;
}

DotGraph graph_dot(const graph::KnowledgeGraph& graph, const TypeColours& colours, std::size_t max_nodes) {
  const auto& nodes = graph.nodes();
  const int count = static_cast<int>(nodes.size());
  std::vector<bool> related(nodes.size(), false);
  for (const graph::Edge& e : graph.edges()) related[e.head] = related[e.tail] = true;

  DotGraph out;
  std::vector<int> order;
  for (int i = 0; i < count; ++i) (related[i] ? order : out.isolated).push_back(i);
  std::stable_sort(out.isolated.begin(), out.isolated.end(), [&](int a, int b) {
    return std::make_pair(nodes.type(a), nodes.name(a)) < std::make_pair(nodes.type(b), nodes.name(b));
  });
  // The most central nodes when the graph is too big to read; index breaks ties.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return nodes.measures(a).pagerank > nodes.measures(b).pagerank; });
  if (order.size() > max_nodes) order.resize(max_nodes);
  std::vector<bool> drawn(nodes.size(), false);
  for (const int i : order) drawn[i] = true;
  out.nodes_drawn = static_cast<int>(order.size());
  out.nodes_left_out = static_cast<int>(std::count(related.begin(), related.end(), true)) - out.nodes_drawn;

  // Connected components of the drawn part, largest first (then by their
  // lowest node index): Graphviz places components in the order their nodes
  // come, so the main cluster leads the picture.
  std::vector<int> parent(nodes.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const graph::Edge& e : graph.edges()) {
    if (drawn[e.head] && drawn[e.tail]) parent[find_root(parent, e.head)] = find_root(parent, e.tail);
  }
  std::vector<int> size(nodes.size(), 0), first(nodes.size(), count);
  for (int i = 0; i < count; ++i) {
    if (!drawn[i]) continue;
    const int r = find_root(parent, i);
    ++size[r];
    first[r] = std::min(first[r], i);
  }
  std::vector<int> by_component;
  for (int i = 0; i < count; ++i) {
    if (drawn[i]) by_component.push_back(i);
  }
  std::stable_sort(by_component.begin(), by_component.end(), [&](int a, int b) {
    const int ra = find_root(parent, a), rb = find_root(parent, b);
    return std::make_pair(-size[ra], first[ra]) < std::make_pair(-size[rb], first[rb]);
  });

  std::vector<int> place(nodes.size(), -1);  // index in by_component
  for (std::size_t k = 0; k < by_component.size(); ++k) place[by_component[k]] = static_cast<int>(k);
  std::vector<std::pair<int, int>> links;  // drawn edges by place, for the layout
  std::ostringstream edge_lines;
  for (const graph::Edge& e : graph.edges()) {
    if (!drawn[e.head] || !drawn[e.tail]) continue;
    links.emplace_back(place[e.head], place[e.tail]);
    const std::size_t style_index = edge_style_of(e.modality);
    const EdgeStyle& style = edge_styles()[style_index];
    std::string label = phrase(e.type);
    if (e.modality != Modality::Asserted) label += " (" + std::string(to_string(e.modality)) + ")";
    edge_lines << "  n" << e.head << " -> n" << e.tail << " [label=" << dot_string(label)
               << ", color=" << dot_string(style.colour);
    if (is_symmetric(e.type)) edge_lines << ", dir=none";
    if (style_index != 0) edge_lines << ", style=" << style.dot_style << ", penwidth=1.5";
    if (style_index == 0 && e.weight > 1) edge_lines << ", penwidth=" << std::min(1 + static_cast<int>(e.weight), 5);
    edge_lines << "];\n";
  }
  // A large picture draws its edges straight: neato -n2 takes about as long
  // to route curved edges around 150 nodes (1.5 s) as the whole rest of a
  // 2,000-article build's writing, and a force layout already keeps linked
  // nodes close, as Gephi draws them.
  const bool large = large_picture(out.nodes_drawn);
  const std::string splines = large ? "line" : "true";
  std::string dot = "digraph kgraph {\n"
                    "  graph [overlap=false, splines=" + splines + ", fontname=\"Helvetica\", bgcolor=\"transparent\"];\n"
                    "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=" +
                    std::to_string(kNodeFontSize) + ", fontcolor=\"white\"];\n" +
                    "  edge [fontname=\"Helvetica\", fontsize=" + std::to_string(kEdgeFontSize) +
                    ", fontcolor=\"#333333\"];\n";
  // A large picture is laid out here and neato -n2 only draws it (see
  // render_svg), so its nodes carry their positions.
  std::vector<PicturePoint> points;
  if (large) {
    std::vector<std::size_t> label_chars;
    for (const int i : by_component) label_chars.push_back(code_points(one_line(std::string(nodes.name(i)))));
    points = fixed_positions(label_chars, links);
  }
  for (std::size_t k = 0; k < by_component.size(); ++k) {
    const std::string name(nodes.name(by_component[k]));
    const EntityType type = nodes.type(by_component[k]);
    out.types_drawn[static_cast<std::size_t>(type)] = true;
    dot += "  n" + std::to_string(by_component[k]) + " [";
    if (large) dot += "pos=\"" + std::to_string(points[k].x) + "," + std::to_string(points[k].y) + "!\", ";
    dot += "label=" + dot_string(name) +
           ", tooltip=" + dot_string(name + " (" + std::string(to_string(type)) + ")") +
           ", fillcolor=" + dot_string(colours[static_cast<std::size_t>(type)]) + "];\n";
  }
  out.dot = dot + edge_lines.str() + "}\n";
  return out;
}

Picture render_svg(const DotGraph& graph) {
  const bool large = large_picture(graph.nodes_drawn);
  const std::string engine = large ? "neato" : "dot";
  Programs p{find_program(engine), find_program("ccomps"), find_program("gvpack"), find_program("neato")};
  if (p.layout.empty()) {
    return {{}, "Graphviz (" + engine + ") was not found on PATH, so there is no picture; install the graphviz package."};
  }
  Picture picture;
  if (large) {
    // graph_dot placed the nodes itself (sfdp's coordinates were not the
    // same from run to run); neato -n2 keeps them and draws the edges
    // (straight, see graph_dot) and their labels.
    picture.svg = svg_element(run_on(p.neato, "-n2 -Tsvg", graph.dot));
  } else {
    // Top to bottom suits chains of relations; a node with many neighbours
    // spreads them along one rank, which left to right stacks instead. The
    // narrower drawing fits the page with the larger labels.
    picture.svg = draw_with_dot(p, graph.dot, "TB");
    if (svg_width(picture.svg) > kFitWidth) {
      std::string across = draw_with_dot(p, graph.dot, "LR");
      if (!across.empty() && svg_width(across) < svg_width(picture.svg)) picture.svg = std::move(across);
    }
  }
  if (picture.svg.empty()) {
    picture.problem = "Graphviz (" + engine + ") failed to draw the graph.";
  } else {
    picture.svg = with_min_width(picture.svg);
  }
  return picture;
}

}  // namespace kgraph::exports
