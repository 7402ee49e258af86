// `mpirun -np N kgraph merge --mpi` against one `kgraph merge` of the same
// extractions (the example corpus, extracted here, in two shards that share
// one article): the single files byte for byte, and the union of the
// partition files line for line (sorted) against graph.nq, graph.nt and
// relationships.csv. Skipped when mpirun is missing or kgraph was built
// without MPI.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/command_run.hpp"

namespace fs = std::filesystem;

namespace {

using kgraph::testing::CommandRun;
using kgraph::testing::kBinary;
using kgraph::testing::kCorpus;
using kgraph::testing::q;
using kgraph::testing::run;
using kgraph::testing::slurp;

// The lines of some files, sorted: what `cat FILES | sort` gives.
std::vector<std::string> sorted_lines(const std::vector<fs::path>& files) {
  std::vector<std::string> lines;
  for (const fs::path& f : files) {
    std::istringstream in(slurp(f));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Every file of `dir` whose name starts with `stem` and ends with `ext`.
std::vector<fs::path> parts(const fs::path& dir, const std::string& stem, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(stem, 0) == 0 && name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class MergeMpi : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run("command -v mpirun >/dev/null 2>&1").exit_code != 0) GTEST_SKIP() << "mpirun not installed";
    dir_ = fs::temp_directory_path() / ("kgraph-merge-mpi-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    ASSERT_EQ(run(kBinary + " extract -q " + q(kCorpus) + " -o " + q(dir_ / "all.jsonl")).exit_code, 0);
    // Two shards, the third article in both (the reduce keeps it once).
    std::istringstream in(slurp(dir_ / "all.jsonl"));
    std::ofstream a(dir_ / "a.jsonl"), b(dir_ / "b.jsonl");
    int i = 0;
    for (std::string line; std::getline(in, line); ++i) {
      if (i <= 2) a << line << '\n';
      if (i >= 2) b << line << '\n';
    }
    a.close();
    b.close();
    ASSERT_EQ(run(kBinary + " merge -q " + shards() + " -o " + q(dir_ / "one")).exit_code, 0);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string shards() const { return q(dir_ / "a.jsonl") + " " + q(dir_ / "b.jsonl"); }
  // mpirun as root and on fewer cores than ranks, as on the CI containers;
  // Open MPI keeps allocations to exit, so LeakSanitizer is off for the ranks.
  CommandRun mpirun(int ranks, const std::string& args) {
    return run("ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" mpirun --allow-run-as-root "
               "--oversubscribe -np " + std::to_string(ranks) + " " + kBinary + " merge --mpi " + args + " 2>&1");
  }
  void expect_same_as_one_process(const fs::path& out, int ranks, const std::string& one_dir = "one") {
    const fs::path one = dir_ / one_dir;
    for (const char* f : {"extractions.jsonl", "graph.graphml", "graph.gexf", "nodes.csv"})
      EXPECT_EQ(slurp(out / f), slurp(one / f)) << out / f;
    for (const char* ext : {".nq", ".nt"}) {
      const std::vector<fs::path> files = parts(out, "graph.part-", ext);
      EXPECT_EQ(files.size(), static_cast<std::size_t>(ranks)) << ext;
      EXPECT_EQ(sorted_lines(files), sorted_lines({one / (std::string("graph") + ext)})) << ext;
    }
    std::vector<fs::path> csv = parts(out, "relationships.part-", ".csv");
    EXPECT_EQ(csv.size(), static_cast<std::size_t>(ranks));
    csv.push_back(out / "relationships.header.csv");
    EXPECT_EQ(sorted_lines(csv), sorted_lines({one / "relationships.csv"}));
    // The partition is by edge: each edge's row is in one part, and more than one part has rows.
    int parts_with_rows = 0;
    for (const fs::path& f : parts(out, "relationships.part-", ".csv")) parts_with_rows += slurp(f).empty() ? 0 : 1;
    EXPECT_GT(parts_with_rows, 1);
  }
  fs::path dir_;
};

TEST_F(MergeMpi, TwoAndThreeRanksWriteWhatOneProcessWrites) {
  for (int ranks : {2, 3}) {
    const fs::path out = dir_ / ("np" + std::to_string(ranks));
    CommandRun r = mpirun(ranks, "-q " + shards() + " -o " + q(out));
    if (r.out.find("built without MPI") != std::string::npos) GTEST_SKIP() << r.out;
    ASSERT_EQ(r.exit_code, 0) << r.out;
    expect_same_as_one_process(out, ranks);
  }
}

// Four ranks, more than the shards' documents share between any two, so that
// most ranks hold edges of entities they never summed up: their node names
// and indices come from rank 0.
TEST_F(MergeMpi, FourRanksWriteWhatOneProcessWrites) {
  const fs::path out = dir_ / "np4";
  CommandRun r = mpirun(4, "-q " + shards() + " -o " + q(out));
  if (r.out.find("built without MPI") != std::string::npos) GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_same_as_one_process(out, 4);
}

// --dedupe changes what is merged: every rank must make the same replacements.
TEST_F(MergeMpi, DedupeOnRanksIsDedupeInOneProcess) {
  // A near-copy of the first article under another id, in the other shard.
  std::string first_line;
  {
    std::istringstream in(slurp(dir_ / "a.jsonl"));
    std::getline(in, first_line);
  }
  const std::size_t id_end = first_line.find("\",", 7);
  ASSERT_EQ(first_line.rfind("{\"id\":\"", 0), 0u) << first_line.substr(0, 40);
  ASSERT_NE(id_end, std::string::npos);
  { std::ofstream(dir_ / "b.jsonl", std::ios::app) << "{\"id\":\"zz-copy" << first_line.substr(id_end) << "\n"; }
  ASSERT_EQ(run(kBinary + " merge -q --dedupe " + shards() + " -o " + q(dir_ / "one-dedupe")).exit_code, 0);
  EXPECT_NE(slurp(dir_ / "one-dedupe" / "extractions.jsonl").find("\"duplicate_of\""), std::string::npos);
  const fs::path out = dir_ / "dedupe";
  CommandRun r = mpirun(3, "-q --dedupe " + shards() + " -o " + q(out));
  if (r.out.find("built without MPI") != std::string::npos) GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_same_as_one_process(out, 3, "one-dedupe");
}

TEST_F(MergeMpi, BadLineIsNamedOnceAndTheRestIsMerged) {
  { std::ofstream(dir_ / "b.jsonl", std::ios::app) << "{\"id\": broken\n"; }
  CommandRun r = mpirun(2, "-q " + shards() + " -o " + q(dir_ / "out"));
  if (r.out.find("built without MPI") != std::string::npos) GTEST_SKIP() << r.out;
  EXPECT_NE(r.exit_code, 0) << r.out;  // 1 from the ranks; mpirun passes a non-zero code on
  const std::string where = (dir_ / "b.jsonl").string() + ":4:";
  const std::size_t at = r.out.find(where);
  ASSERT_NE(at, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(where, at + 1), std::string::npos) << "reported by more than one rank:\n" << r.out;
  expect_same_as_one_process(dir_ / "out", 2);  // the one-process merge never saw the bad line
}

TEST_F(MergeMpi, FailuresLeaveNothingBehind) {
  // A format --mpi cannot write: a usage error on every rank, no folder made.
  CommandRun formats = mpirun(2, "--formats ttl " + shards() + " -o " + q(dir_ / "ttl"));
  if (formats.out.find("built without MPI") != std::string::npos) GTEST_SKIP() << formats.out;
  EXPECT_NE(formats.exit_code, 0);
  EXPECT_NE(formats.out.find("--mpi does not write 'ttl'"), std::string::npos) << formats.out;
  EXPECT_FALSE(fs::exists(dir_ / "ttl"));
  // An output folder that cannot be made: the job ends non-zero with nothing written.
  { std::ofstream(dir_ / "file") << "kept\n"; }
  CommandRun blocked = mpirun(2, "-q " + shards() + " -o " + q(dir_ / "file" / "out"));
  EXPECT_NE(blocked.exit_code, 0) << blocked.out;
  EXPECT_EQ(slurp(dir_ / "file"), "kept\n");
  // A second run over an earlier output replaces it whole: no part of the
  // first run's 3 ranks is left beside the 2 of the second.
  ASSERT_EQ(mpirun(3, "-q " + shards() + " -o " + q(dir_ / "again")).exit_code, 0);
  ASSERT_EQ(mpirun(2, "-q " + shards() + " -o " + q(dir_ / "again")).exit_code, 0);
  EXPECT_EQ(parts(dir_ / "again", "graph.part-", ".nq").size(), 2u);
}

}  // namespace
