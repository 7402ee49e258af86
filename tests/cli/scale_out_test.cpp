// Incremental and distributed builds of the example corpus, compared byte for
// byte with one plain `kgraph build`: --state re-runs extract only documents
// they have not seen, and `mpirun -np 2 kgraph build --mpi` writes the same
// files as one process.
#include <gtest/gtest.h>

#include "tests/cli/command_run.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using kgraph::testing::CommandRun;
using kgraph::testing::q;
using kgraph::testing::run;
using kgraph::testing::slurp;

using kgraph::testing::kBinary;
using kgraph::testing::kCorpus;
using kgraph::testing::kOutputs;

class ScaleOut : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-scale-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    ASSERT_EQ(run(kBinary + " build -q " + q(kCorpus) + " -o " + q(dir_ / "built")).exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void expect_same_outputs(const fs::path& other) {
    for (const char* f : kOutputs) EXPECT_EQ(slurp(other / f), slurp(dir_ / "built" / f)) << other / f;
  }
  fs::path dir_;
};

TEST_F(ScaleOut, StateRerunExtractsOnlyNewDocuments) {
  // The first run sees three of the five articles; the second all five.
  fs::create_directories(dir_ / "some");
  int i = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (i++ % 2 == 0) fs::copy(entry.path(), dir_ / "some" / entry.path().filename());
  const std::string state = " --state " + q(dir_ / "state");
  CommandRun first = run(kBinary + " build" + state + " " + q(dir_ / "some") + " -o " + q(dir_ / "first") + " 2>&1");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("reused 0 of 3 extractions"), std::string::npos) << first.out;

  CommandRun second = run(kBinary + " build" + state + " " + q(kCorpus) + " -o " + q(dir_ / "second") + " 2>&1");
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("reused 3 of 5 extractions"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("extracted 2"), std::string::npos) << second.out;
  expect_same_outputs(dir_ / "second");

  CommandRun third = run(kBinary + " build -j 2" + state + " " + q(kCorpus) + " -o " + q(dir_ / "third") + " 2>&1");
  ASSERT_EQ(third.exit_code, 0) << third.out;
  EXPECT_NE(third.out.find("reused 5 of 5 extractions"), std::string::npos) << third.out;
  expect_same_outputs(dir_ / "third");
}

TEST_F(ScaleOut, StateForgetsADocumentWhoseTextChanged) {
  fs::create_directories(dir_ / "corpus");
  for (const auto& entry : fs::directory_iterator(kCorpus)) fs::copy(entry.path(), dir_ / "corpus" / entry.path().filename());
  const std::string state = " --state " + q(dir_ / "state");
  ASSERT_EQ(run(kBinary + " build -q" + state + " " + q(dir_ / "corpus") + " -o " + q(dir_ / "a")).exit_code, 0);
  const fs::path one = fs::directory_iterator(dir_ / "corpus")->path();
  std::ofstream(one, std::ios::app) << "\nNATO Secretary General Jens Stoltenberg met Rumen Radev again.\n";
  CommandRun r = run(kBinary + " build" + state + " " + q(dir_ / "corpus") + " -o " + q(dir_ / "b") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("reused 4 of 5 extractions"), std::string::npos) << r.out;
}

// The limits are part of the extractor: a state filled without --max-mentions
// must not hand back documents that a run with it refuses (E107).
TEST_F(ScaleOut, StateRespectsExtractionOptions) {
  const std::string state = " --state " + q(dir_ / "state");
  ASSERT_EQ(run(kBinary + " build -q" + state + " " + q(kCorpus) + " -o " + q(dir_ / "a")).exit_code, 0);
  // 40 mentions: three of the five articles pass, two fail.
  CommandRun plain = run(kBinary + " build --max-mentions 40 " + q(kCorpus) + " -o " + q(dir_ / "plain") + " 2>&1");
  ASSERT_EQ(plain.exit_code, 1) << plain.out;
  for (const char* pass : {"first", "second"}) {
    CommandRun r = run(kBinary + " build --max-mentions 40" + state + " " + q(kCorpus) + " -o " + q(dir_ / pass) +
                       " 2>&1");
    EXPECT_EQ(r.exit_code, plain.exit_code) << pass << "\n" << r.out;
    std::size_t refused = 0;
    for (std::size_t at = r.out.find("[E107]"); at != std::string::npos; at = r.out.find("[E107]", at + 1)) ++refused;
    EXPECT_EQ(refused, 2u) << pass << "\n" << r.out;
    // The second run reuses what the first one stored under these options.
    EXPECT_NE(r.out.find(std::string("reused ") + (pass[0] == 'f' ? "0" : "3") + " of 3 extractions"), std::string::npos)
        << r.out;
    for (const char* f : kOutputs) EXPECT_EQ(slurp(dir_ / pass / f), slurp(dir_ / "plain" / f)) << pass << " " << f;
  }
}

// A stored line changed by hand no longer matches its checksum: its document
// is extracted again, with a warning, and the outputs are a plain run's.
TEST_F(ScaleOut, StateEntryEditedByHandIsExtractedAgain) {
  const std::string state = " --state " + q(dir_ / "state");
  ASSERT_EQ(run(kBinary + " build -q" + state + " " + q(kCorpus) + " -o " + q(dir_ / "a")).exit_code, 0);
  fs::path file;
  for (const auto& e : fs::directory_iterator(dir_ / "state")) file = e.path();
  std::string text = slurp(file);
  const std::size_t at = text.find("\"name\":\"NATO\"");
  ASSERT_NE(at, std::string::npos) << file;
  text.replace(at, std::string("\"name\":\"NATO\"").size(), "\"name\":\"OTAN\"");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;

  CommandRun r = run(kBinary + " build" + state + " " + q(kCorpus) + " -o " + q(dir_ / "b") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("[W150]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reused 4 of 5 extractions"), std::string::npos) << r.out;
  expect_same_outputs(dir_ / "b");
  EXPECT_EQ(slurp(dir_ / "b" / "graph.graphml").find("OTAN"), std::string::npos);

  // The fresh line replaced the edited one: the next run reuses all five.
  CommandRun again = run(kBinary + " build" + state + " " + q(kCorpus) + " -o " + q(dir_ / "c") + " 2>&1");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("reused 5 of 5 extractions"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("[W150]"), std::string::npos) << again.out;
  expect_same_outputs(dir_ / "c");
}

// Needs Open MPI's mpirun (scripts/setup installs it) and a kgraph built with KGRAPH_MPI.
TEST_F(ScaleOut, MpiTwoRanksEqualOneProcess) {
  if (run("command -v mpirun >/dev/null 2>&1").exit_code != 0) GTEST_SKIP() << "mpirun not installed";
  // --allow-run-as-root: the CI containers run as root; --oversubscribe: more ranks than cores is fine here.
  // Open MPI's runtime keeps allocations from MPI_Init to exit (its dlopen'ed components
  // show up as "<unknown module>" in LeakSanitizer), so leak checking is off for the MPI
  // ranks only; AddressSanitizer's other checks stay on.
  CommandRun r = run("ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
                     "mpirun --allow-run-as-root --oversubscribe -np 2 " + kBinary + " build -q --mpi " + q(kCorpus) +
                     " -o " + q(dir_ / "mpi") + " 2>&1");
  if (r.out.find("built without MPI") != std::string::npos) GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_same_outputs(dir_ / "mpi");
}

}  // namespace
