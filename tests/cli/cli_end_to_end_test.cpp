// Runs the real kgraph binary on the bundled example corpus, as a user would,
// and checks the results with the tools users load them into.
#include <gtest/gtest.h>

#include "tests/cli/command_run.hpp"

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
const fs::path kGold = fs::path(KGRAPH_TEST_DATA) / "seeds.gold.json";
const fs::path kClients = fs::path(KGRAPH_SOURCE_DIR) / "tests" / "clients";

// One build of the example corpus shared by the tests of this file.
class ExampleBuild : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("kgraph-e2e-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    build_ = run(kBinary + " build -q -j 1 " + q(kCorpus) + " -o " + q(dir_ / "out") + " 2>&1");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path out() { return dir_ / "out"; }

  static inline fs::path dir_;
  static inline CommandRun build_;
};

TEST_F(ExampleBuild, WritesEveryOutput) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  for (const char* f : {"extractions.jsonl", "graph.graphml", "graph.gexf", "graph.ttl", "graph.nt", "graph.nq",
                        "graph.trig", "report.md", "report.html", "nodes.csv", "relationships.csv"}) {
    ASSERT_TRUE(fs::exists(out() / f)) << f;
    EXPECT_GT(fs::file_size(out() / f), 100u) << f;
  }
  for (const auto& entry : fs::directory_iterator(out()))  // no temporary (".NAME.kgraph-tmp.PID.RANDOM") or lock left
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
}

// Issue acceptance: recall of required relations 1.0, precision >= 0.9, entity F1 >= 0.9,
// and no entity that only page boilerplate mentions.
TEST_F(ExampleBuild, ScoresAgainstTheGold) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const std::string script =
      "import json,sys; r=json.load(sys.stdin); print(r['relations']['recall_required'], r['relations']['precision'],"
      " r['entities']['f1'], len(r.get('forbidden', r.get('forbidden_entities', []))))";
  CommandRun r = run(kBinary + " eval --json --gold " + q(kGold) + " " + q(out() / "extractions.jsonl") +
              " | /usr/bin/python3 -c \"" + script + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream in(r.out);
  double recall = 0, precision = 0, f1 = 0;
  int forbidden = -1;
  in >> recall >> precision >> f1 >> forbidden;
  EXPECT_DOUBLE_EQ(recall, 1.0);
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(f1, 0.9);
  EXPECT_EQ(forbidden, 0);
}

TEST_F(ExampleBuild, GraphmlLoadsInNetworkxAndIgraphWithTheWrittenCounts) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const std::string graphml = slurp(out() / "graph.graphml");
  auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = graphml.find(needle); p != std::string::npos; p = graphml.find(needle, p + 1)) ++n;
    return n;
  };
  const std::string expected = "nodes=" + std::to_string(count("<node ")) + " edges=" + std::to_string(count("<edge "));
  for (const char* reader : {"networkx-graphml", "igraph-graphml"}) {
    CommandRun r = run("/usr/bin/python3 " + q(kClients / "read_graph.py") + " " + reader + " " + q(out() / "graph.graphml"));
    ASSERT_EQ(r.exit_code, 0) << reader << ": " << r.out << " (scripts/setup --clients installs the readers)";
    EXPECT_NE(r.out.find(expected), std::string::npos) << reader << ": " << r.out << " expected " << expected;
  }
}

TEST_F(ExampleBuild, RdfParsesInRapperAndSerdi) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  for (const auto& [file, syntax] : {std::pair{"graph.ttl", "turtle"}, {"graph.nt", "ntriples"}, {"graph.nq", "nquads"},
                                     {"graph.trig", "trig"}}) {
    CommandRun rapper = run("rapper -q -i " + std::string(syntax) + " -c " + q(out() / file) + " 2>&1");
    EXPECT_EQ(rapper.exit_code, 0) << file << ": " << rapper.out;
    CommandRun serdi = run("serdi -i " + std::string(syntax) + " " + q(out() / file) + " >/dev/null 2>&1");
    EXPECT_EQ(serdi.exit_code, 0) << file;
  }
}

TEST_F(ExampleBuild, SparqlFindsWhomTheSecretaryGeneralMetOrSpokeWith) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  CommandRun r = run("/usr/bin/python3 " + q(kClients / "sparql_select.py") + " " +
              q(fs::path(KGRAPH_CLI_TEST_DIR) / "met_or_spoke_with.rq") + " " + q(out() / "graph.ttl") + ":turtle");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Rumen Radev"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Donald Trump"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("James Mattis"), std::string::npos) << r.out;
}

// Provenance down to the sentence: each of these edges is reported by two outlets,
// and a SPARQL store lists both articles with their sentences.
TEST_F(ExampleBuild, SparqlListsBothArticlesAndSentencesBehindAnEdge) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  CommandRun r = run("/usr/bin/python3 " + q(kClients / "sparql_select.py") + " " +
                     q(fs::path(KGRAPH_CLI_TEST_DIR) / "edge_sources.rq") + " " + q(out() / "graph.nq") + ":nquads");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const char* row : {"met_with | Rumen Radev | 000_1ed70707b213574a.txt | NATO and the new US administration",
                          "met_with | Rumen Radev | 002_e1e19352cb948327.txt | In an attempt to address fears",
                          "spoke_with | Donald Trump | 000_1ed70707b213574a.txt | \"I spoke with then President-elect",
                          "spoke_with | Donald Trump | 002_e1e19352cb948327.txt | Stoltenberg said that in recent phone"})
    EXPECT_NE(r.out.find(row), std::string::npos) << "missing row starting: " << row << "\nin:\n" << r.out;
}

TEST_F(ExampleBuild, ReportQuotesEvidence) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const std::string md = slurp(out() / "report.md");
  EXPECT_NE(md.find("Jens Stoltenberg — met with — Rumen Radev"), std::string::npos) << md.substr(0, 2000);
  EXPECT_NE(md.find("after talks with Bulgarian President Rumen Radev"), std::string::npos) << md.substr(0, 2000);
}

// Same inputs, byte-identical outputs: twice, and with one or two threads.
TEST_F(ExampleBuild, OutputIsDeterministicWhateverTheThreadCount) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  // More threads than formats' worth of work and than cores: the bytes must not care.
  CommandRun again = run(kBinary + " build -q -j 3 " + q(kCorpus) + " -o " + q(dir_ / "again") + " 2>&1");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  for (const auto& entry : fs::directory_iterator(out())) {
    const auto name = entry.path().filename();
    EXPECT_EQ(slurp(entry.path()), slurp(dir_ / "again" / name)) << name;
  }
}

// Progress and status lines are for people at a terminal; a log or a pipe
// gets only the summary. util-linux `script` gives the run a terminal.
TEST(Cli, ProgressAndStatusAreDrawnOnlyOnATerminal) {
  if (run("command -v script >/dev/null 2>&1").exit_code != 0) GTEST_SKIP() << "no `script` (util-linux) here";
  const fs::path dir = fs::temp_directory_path() / ("kgraph-tty-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string build = kBinary + " build -j 2 " + q(kCorpus) + " -o " + q(dir / "out");
  CommandRun tty = run("script -qec " + q(build) + " /dev/null");
  ASSERT_EQ(tty.exit_code, 0) << tty.out;
  EXPECT_NE(tty.out.find("\r\033[Kkgraph: 5 documents"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("kgraph: analysing the graph"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("writing outputs, 9 of 9 formats written"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("19 relations in"), std::string::npos) << tty.out;  // the summary still comes

  CommandRun pipe = run(build + " 2>&1");
  ASSERT_EQ(pipe.exit_code, 0) << pipe.out;
  EXPECT_EQ(pipe.out.find('\033'), std::string::npos) << pipe.out;
  EXPECT_EQ(pipe.out.find("writing outputs"), std::string::npos) << pipe.out;
  // 36: the acronym "BMD" of "ballistic missile defense (BMD)" is no entity (an acronym of common words).
  EXPECT_EQ(pipe.out.rfind("kgraph: 5 documents, 36 entities, 19 relations in", 0), 0u) << pipe.out;
  fs::remove_all(dir);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run(kBinary + " 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run(kBinary + " build 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run(kBinary + " extract --no-such-flag x 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run(kBinary + " --version").exit_code, 0);
  CommandRun help = run(kBinary + " build --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--formats"), std::string::npos);
}

TEST(Cli, ExtractWritesOneLinePerDocumentToStdout) {
  CommandRun r = run(kBinary + " extract -q " + q(kCorpus));
  ASSERT_EQ(r.exit_code, 0);
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 5u);
  EXPECT_EQ(r.out.rfind("{\"id\":\"000_1ed70707b213574a.txt\"", 0), 0u) << r.out.substr(0, 200);
}

TEST(Cli, MergeOfShardsEqualsOneBuild) {
  const fs::path dir = fs::temp_directory_path() / ("kgraph-merge-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  int i = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus)) fs::copy(entry.path(), dir / (i++ % 2 ? "a" : "b") / entry.path().filename());
  ASSERT_EQ(run(kBinary + " extract -q " + q(dir / "a") + " -o " + q(dir / "a.jsonl")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " extract -q " + q(dir / "b") + " -o " + q(dir / "b.jsonl")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " merge -q " + q(dir / "b.jsonl") + " " + q(dir / "a.jsonl") + " -o " + q(dir / "merged")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " build -q " + q(kCorpus) + " -o " + q(dir / "built")).exit_code, 0);
  // Every output, extractions.jsonl too (both write it sorted by document id).
  for (const char* f : {"extractions.jsonl", "graph.graphml", "graph.gexf", "graph.ttl", "graph.nt", "graph.nq",
                        "graph.trig", "report.md", "report.html", "nodes.csv", "relationships.csv"})
    EXPECT_EQ(slurp(dir / "merged" / f), slurp(dir / "built" / f)) << f;
  fs::remove_all(dir);
}

// --memory keeps the relation mentions on disk and sorts them there: the
// files are the ones a merge (and a build) in memory writes.
TEST(Cli, MergeAndBuildUnderAMemoryBudgetWriteTheSameFiles) {
  const fs::path dir = fs::temp_directory_path() / ("kgraph-memory-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  ASSERT_EQ(run(kBinary + " extract -q " + q(kCorpus) + " -o " + q(dir / "x.jsonl")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " merge -q " + q(dir / "x.jsonl") + " -o " + q(dir / "held")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " merge -q --memory 64M " + q(dir / "x.jsonl") + " -o " + q(dir / "budget")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " build -q --memory 1G " + q(kCorpus) + " -o " + q(dir / "built")).exit_code, 0);
  for (const char* f : {"extractions.jsonl", "graph.graphml", "graph.gexf", "graph.ttl", "graph.nt", "graph.nq",
                        "graph.trig", "report.md", "report.html", "nodes.csv", "relationships.csv"}) {
    EXPECT_GT(slurp(dir / "held" / f).size(), 100u) << f;
    EXPECT_EQ(slurp(dir / "budget" / f), slurp(dir / "held" / f)) << f;
    EXPECT_EQ(slurp(dir / "built" / f), slurp(dir / "held" / f)) << f;
  }
  // No scratch file is left in the output folder.
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir / "budget")) entries += entry.path().filename().string()[0] != '.';
  EXPECT_EQ(entries, 11u);
  // A size it cannot read is a usage error naming the size, before the folder is made.
  for (const char* size : {"1X", "0", "10M", "lots"}) {
    const CommandRun r = run(kBinary + " merge --memory " + size + " " + q(dir / "x.jsonl") + " -o " + q(dir / "bad") + " 2>&1");
    EXPECT_EQ(r.exit_code, 2) << size;
    EXPECT_NE(r.out.find(std::string("'") + size + "'"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(dir / "bad")) << size;
  }
  fs::remove_all(dir);
}

}  // namespace
