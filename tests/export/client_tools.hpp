// Running the real client tools (rapper, serdi, rdflib, oxigraph, graphviz,
// chromium) from tests. A missing tool is a test failure naming the package
// that provides it, never a silent skip: `scripts/setup --clients` installs all.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace kgraph::testing {

struct ToolRun {
  int status = -1;     // exit status, -1 when it could not be started
  std::string output;  // stdout (and stderr when the command redirects it)
};

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

inline ToolRun run_tool(const std::string& command) {
  ToolRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

// Fails the current test (fatally, from the caller's ASSERT_NO_FATAL_FAILURE)
// when `path` is not an executable file.
inline void require_tool(const std::string& path, const std::string& package) {
  ASSERT_TRUE(std::filesystem::exists(path))
      << "required client tool " << path << " is missing: install " << package << " (scripts/setup --clients)";
}

inline void require_node_module(const std::string& module) {
  const std::filesystem::path dir = std::filesystem::path(KGRAPH_SOURCE_DIR) / "tests/clients/node_modules" / module;
  ASSERT_TRUE(std::filesystem::exists(dir))
      << "npm module " << module << " is missing from tests/clients/node_modules: run scripts/setup --clients";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// A fresh directory under the system temp dir for one test's files.
inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("kgraph-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace kgraph::testing
