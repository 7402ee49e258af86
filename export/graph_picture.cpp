#include "export/graph_picture.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

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

}  // namespace

DotGraph graph_dot(const graph::KnowledgeGraph& graph, const TypeColours& colours, std::size_t max_nodes) {
  const auto& nodes = graph.nodes();
  std::vector<int> order(nodes.size());
  std::iota(order.begin(), order.end(), 0);
  // The most central nodes when the graph is too big to read; index breaks ties.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return nodes[a].pagerank > nodes[b].pagerank; });
  if (order.size() > max_nodes) order.resize(max_nodes);
  std::vector<bool> drawn(nodes.size(), false);
  for (const int i : order) drawn[i] = true;

  DotGraph out;
  out.nodes_drawn = static_cast<int>(order.size());
  out.nodes_left_out = static_cast<int>(nodes.size() - order.size());
  std::ostringstream dot;
  dot << "digraph kgraph {\n"
      << "  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\", bgcolor=\"transparent\"];\n"
      << "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, fontcolor=\"white\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!drawn[i]) continue;
    const graph::Node& n = nodes[i];
    dot << "  n" << i << " [label=" << dot_string(n.name) << ", tooltip=" << dot_string(n.name + " (" + std::string(to_string(n.type)) + ")")
        << ", fillcolor=" << dot_string(colours[static_cast<std::size_t>(n.type)]) << "];\n";
  }
  for (const graph::Edge& e : graph.edges()) {
    if (!drawn[e.head] || !drawn[e.tail]) continue;
    const bool fact = e.modality == Modality::Asserted || e.modality == Modality::Reported;
    std::string label = phrase(e.type);
    if (e.modality != Modality::Asserted) label += " (" + std::string(to_string(e.modality)) + ")";
    dot << "  n" << e.head << " -> n" << e.tail << " [label=" << dot_string(label);
    if (is_symmetric(e.type)) dot << ", dir=none";
    if (!fact) dot << ", style=" << (e.modality == Modality::Negated ? "dotted" : "dashed") << ", color=\"#999999\"";
    if (fact && e.weight > 1) dot << ", penwidth=" << std::min(1 + static_cast<int>(e.weight), 5);
    dot << "];\n";
  }
  dot << "}\n";
  out.dot = dot.str();
  return out;
}

Picture render_svg(const DotGraph& graph) {
  const std::string engine = graph.nodes_drawn > 60 ? "sfdp" : "dot";
  const auto program = find_program(engine);
  if (program.empty()) {
    return {{}, "Graphviz (" + engine + ") was not found on PATH, so there is no picture; install the graphviz package."};
  }
  // popen is one-way: the DOT goes through a private temporary file.
  std::string temp = (std::filesystem::temp_directory_path() / "kgraph-dot-XXXXXX").string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return {{}, "could not create a temporary file for Graphviz"};
  const bool written = ::write(fd, graph.dot.data(), graph.dot.size()) == static_cast<ssize_t>(graph.dot.size());
  ::close(fd);
  Picture picture;
  if (written) {
    const std::string command = shell_quoted(program.string()) + " -Tsvg " + shell_quoted(temp) + " 2>/dev/null";
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
      std::array<char, 8192> buf{};
      std::string svg;
      for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) svg.append(buf.data(), n);
      const int status = ::pclose(pipe);
      const std::size_t start = svg.find("<svg");
      const std::size_t end = svg.rfind("</svg>");
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && start != std::string::npos && end != std::string::npos) {
        picture.svg = svg.substr(start, end + 6 - start);
      } else {
        picture.problem = "Graphviz (" + engine + ") failed to draw the graph.";
      }
    } else {
      picture.problem = "could not run Graphviz (" + engine + ").";
    }
  } else {
    picture.problem = "could not write the temporary file for Graphviz";
  }
  std::filesystem::remove(temp);
  return picture;
}

}  // namespace kgraph::exports
