// A scratch directory per test and a collector for what InputReader delivers.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/ingest/input_reader.hpp"

namespace kgraph::extract::testing {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("kgraph-ingest-" + std::to_string(::getpid()) + "-" + info->test_suite_name() + "-" + info->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& relative, const std::string& bytes) const {
    auto p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

struct Collected {
  std::vector<RawInput> docs;
  std::vector<Diagnostic> diagnostics;
  std::size_t errors = 0;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.meta.id);
    return out;
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.code);
    return out;
  }
};

inline Collected read_all(const std::vector<std::string>& args, InputOptions options = {},
                          const InputReader* reader = nullptr) {
  Collected c;
  InputReader own(options);
  const InputReader& r = reader ? *reader : own;
  c.errors = r.read(
      args, [&](RawInput&& in) { c.docs.push_back(std::move(in)); },
      [&](const Diagnostic& d) { c.diagnostics.push_back(d); });
  return c;
}

}  // namespace kgraph::extract::testing
