// What the end-to-end tests share: running the real binary through the shell,
// reading files back whole, and quoting paths for the shell.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kgraph::testing {

// The binary under test and the example corpus, as CMake passes them in.
inline const std::string kBinary = KGRAPH_BINARY;
inline const std::filesystem::path kCorpus = std::filesystem::path(KGRAPH_EXAMPLES) / "nato-russia";
// Every file `kgraph build` writes by default.
inline const char* const kOutputs[] = {"extractions.jsonl", "graph.graphml", "graph.gexf", "graph.ttl",
                                       "graph.nt",          "graph.nq",      "graph.trig", "report.md",
                                       "report.html",       "nodes.csv",     "relationships.csv"};

struct CommandRun {
  int exit_code = -1;  // 128 + signal number when the command was killed
  std::string out;     // stdout (and stderr when the command says 2>&1)
};

inline CommandRun run(const std::string& command) {
  CommandRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace kgraph::testing
