// The real binary over input that breaks a promise unless it is checked:
// extraction lines outside the contract (merge skips them and goes on), text
// that a spreadsheet would run as a formula (the CSV cells are neutralised),
// and Ctrl-C while a URL is being fetched (the run stops at once).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/cli/command_run.hpp"
#include "tests/fetch/local_server.hpp"

namespace fs = std::filesystem;

namespace {

using kgraph::testing::CommandRun;
using kgraph::testing::q;
using kgraph::testing::run;
using kgraph::testing::slurp;
using ::testing::HasSubstr;

using kgraph::testing::kBinary;
using kgraph::testing::kCorpus;
using kgraph::testing::kOutputs;

class Untrusted : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-untrusted-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  // The cells of one column of a CSV file as Python's csv module reads them
  // (strict: a quoting mistake is an error), one per line.
  std::vector<std::string> csv_column(const fs::path& file, const std::string& column) const {
    const fs::path script = dir_ / "column.py";
    std::ofstream(script) << "import csv, sys\n"
                             "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                             "    rows = list(csv.DictReader(f, strict=True))\n"
                             "for row in rows:\n"
                             "    print(row[sys.argv[2]].replace('\\n', ' '))\n";
    CommandRun r = run("python3 " + q(script) + " " + q(file) + " " + q(column) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1)
      cells.push_back(r.out.substr(start, end - start));
    return cells;
  }
  fs::path dir_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  return lines;
}

// One line whose confidence breaks the contract among good ones: merge names
// file:2 with E310, skips it, exits 1, and writes what the good line gives.
TEST_F(Untrusted, MergeSkipsARecordOutsideTheContract) {
  ASSERT_EQ(run(kBinary + " extract -q " + q(kCorpus) + " -o " + q(dir_ / "all.jsonl")).exit_code, 0);
  const std::vector<std::string> lines = lines_of(slurp(dir_ / "all.jsonl"));
  ASSERT_GE(lines.size(), 2u);
  std::ofstream(dir_ / "good.jsonl") << lines[0] << "\n";
  CommandRun reference = run(kBinary + " merge -q " + q(dir_ / "good.jsonl") + " -o " + q(dir_ / "ref") + " 2>&1");
  ASSERT_EQ(reference.exit_code, 0) << reference.out;

  const std::string from = "\"confidence\":";
  ASSERT_NE(lines[1].find(from), std::string::npos);
  for (const std::string value : {"1e308", "-0.25", "7", "\"0.9\"", "1e400"}) {
    std::string broken = lines[1];
    const std::size_t at = broken.find(from) + from.size();
    broken.replace(at, broken.find(',', at) - at, value);
    const fs::path file = dir_ / "bad.jsonl";
    std::ofstream(file, std::ios::trunc) << lines[0] << "\n" << broken << "\n";
    const fs::path out = dir_ / "out";
    fs::remove_all(out);
    CommandRun r = run(kBinary + " merge " + q(file) + " -o " + q(out) + " 2>&1");
    EXPECT_EQ(r.exit_code, 1) << value << "\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr(file.string() + ":2: error: [E310]")) << value;
    EXPECT_THAT(r.out, HasSubstr("merged 1 document into")) << value << "\n" << r.out;
    for (const char* f : kOutputs) EXPECT_TRUE(slurp(out / f) == slurp(dir_ / "ref" / f)) << value << " " << f;
  }
}

// OWASP's advice for CSV injection: a text cell that starts with =, +, -, @,
// tab or CR starts with a single quote instead, and the file still parses.
TEST_F(Untrusted, CsvCellsThatStartAFormulaAreNeutralised) {
  fs::create_directories(dir_ / "in");
  const std::string formula = "=HYPERLINK(\"http://attacker.example/x\",\"click\") NATO Secretary General Jens "
                              "Stoltenberg met Russian Foreign Minister Sergey Lavrov in Munich on Saturday.";
  const std::string plus = "+Sergey Lavrov said Moscow was ready to talk, and Lavrov met German Chancellor Angela "
                           "Merkel in Berlin on Monday.";
  std::ofstream(dir_ / "in" / "a.txt") << "Stoltenberg meets Lavrov in Munich\n\n" << formula << "\n\n" << plus << "\n";
  CommandRun r = run(kBinary + " build -q --formats csv " + q(dir_ / "in") + " -o " + q(dir_ / "out") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::vector<std::string> evidence = csv_column(dir_ / "out" / "relationships.csv", "evidence");
  ASSERT_FALSE(evidence.empty());
  std::size_t seen_formula = 0, seen_plus = 0;
  for (const std::string& cell : evidence) {
    EXPECT_TRUE(cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos) << cell;
    seen_formula += cell == "'" + formula;
    seen_plus += cell == "'" + plus;
  }
  EXPECT_GT(seen_formula, 0u) << "the evidence cell, quote-prefixed and otherwise intact";
  EXPECT_GT(seen_plus, 0u);
  // Numeric columns are numbers as before.
  for (const std::string& w : csv_column(dir_ / "out" / "relationships.csv", "weight:double"))
    EXPECT_THAT(w, ::testing::MatchesRegex("[0-9.]+")) << w;

  // Names and aliases too, through merge of an extraction line that carries them.
  std::ofstream(dir_ / "x.jsonl")
      << R"({"id":"d1","title":null,"date":null,"source":null,"url":null,"entities":[)"
      << R"({"id":"e1","name":"@Evil Corp","type":"Organisation","mentions":[{"start":0,"end":4,"text":"-cmd|' /C calc'!A0"}]},)"
      << R"({"id":"e3","name":"\t=2+3","type":"Organisation","mentions":[{"start":5,"end":8,"text":"\t=2+3"}]},)"
      << R"({"id":"e2","name":"Jens Stoltenberg","type":"Person","mentions":[{"start":10,"end":21,"text":"Stoltenberg"}]}],)"
      << R"("relations":[{"type":"met_with","head":"e1","tail":"e2","modality":"asserted","confidence":0.5,)"
      << R"("evidence":{"start":0,"end":30,"text":"@SUM(1+1)*cmd|' /C calc'!A0","rule":"test"},"attributes":{}}]})"
      << "\n";
  r = run(kBinary + " merge -q --formats csv " + q(dir_ / "x.jsonl") + " -o " + q(dir_ / "merged") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(csv_column(dir_ / "merged" / "nodes.csv", "name"), ::testing::Contains("'@Evil Corp"));
  EXPECT_THAT(csv_column(dir_ / "merged" / "nodes.csv", "name"), ::testing::Contains("'\t=2+3"));
  EXPECT_THAT(csv_column(dir_ / "merged" / "nodes.csv", "aliases:string[]"),
              ::testing::Contains("'-cmd|' /C calc'!A0"));
  EXPECT_THAT(csv_column(dir_ / "merged" / "relationships.csv", "evidence"),
              ::testing::ElementsAre("'@SUM(1+1)*cmd|' /C calc'!A0"));
}

// Ctrl-C while `kgraph build URL` waits on a slow server, or between retries,
// ends the run with 130 within moments, not after --timeout or the retry wait
// (both set far longer here). The 20 s bound only catches a run that ignored
// the signal; a run that honours it is gone in well under a second.
TEST_F(Untrusted, CtrlCDuringAFetchStopsTheRun) {
  kgraph::testing::LocalServer server;
  for (const std::string path : {"/slow/300", "/busy/300"}) {
    const fs::path out = dir_ / "out";
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::freopen((dir_ / "stderr.txt").c_str(), "w", stderr);
      ::execl(kBinary.c_str(), kBinary.c_str(), "build", "-q", "--allow-private", "--no-cache", "--timeout", "300",
              "--retries", "2", "--retry-delay", "300", server.url(path).c_str(), "-o", out.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the request is under way
    ASSERT_EQ(::kill(child, SIGINT), 0);
    int status = 0;
    pid_t done = 0;
    for (int i = 0; i < 200 && (done = ::waitpid(child, &status, WNOHANG)) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (done == 0) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      ADD_FAILURE() << path << ": still running 20 s after SIGINT";
      continue;
    }
    ASSERT_TRUE(WIFEXITED(status)) << path;
    EXPECT_EQ(WEXITSTATUS(status), 130) << path << "\n" << slurp(dir_ / "stderr.txt");
    EXPECT_THAT(slurp(dir_ / "stderr.txt"), HasSubstr("interrupted by SIGINT")) << path;
    EXPECT_FALSE(fs::exists(out / "graph.graphml")) << path;
  }
}

}  // namespace
