// End to end, the real binary: the outlet of articles without source metadata
// comes from their dateline, byline or URL, and is shown as such in the
// extraction, the reports and the RDF; an article naming none is "unknown
// outlet", never its file name. And `kgraph report --entity` finds a person
// by surname, suggests names for a misspelling, and lists the candidates of a
// shared surname.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "tests/cli/command_run.hpp"

namespace fs = std::filesystem;

namespace {

using kgraph::testing::CommandRun;
using kgraph::testing::q;
using kgraph::testing::run;
using kgraph::testing::slurp;

using kgraph::testing::kBinary;
using kgraph::testing::kCorpus;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Wire-style articles written for this test.
const std::string kStory =
    "Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergei Lavrov in Ankara on Tuesday to "
    "discuss grain exports from Black Sea ports.\n\n"
    "The two ministers agreed that their deputies would meet again next week, officials said after the talks.\n";

class OutletBuild : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("kgraph-outlets-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    std::ofstream(dir_ / "in" / "ankara.txt") << "Turkey and Russia discuss grain\n\nANKARA (Reuters) - " << kStory;
    std::ofstream(dir_ / "in" / "byline.txt") << "Turkey and Russia discuss grain\nBy Jane Doe | AP\n\n" << kStory;
    std::ofstream(dir_ / "in" / "nothing.txt") << "Turkey and Russia discuss grain\n\n" << kStory;
    std::string text = kStory;
    text = std::regex_replace(text, std::regex("\n"), "\\n");
    std::ofstream(dir_ / "in" / "site.jsonl")
        << "{\"id\": \"site-1\", \"url\": \"https://www.example-news.com/2024/grain\", \"text\": \"" << text << "\"}\n";
    build_ = run(kBinary + " build -q -j 1 " + q(dir_ / "in") + " -o " + q(dir_ / "out") + " 2>&1");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path out() { return dir_ / "out"; }

  static inline fs::path dir_;
  static inline CommandRun build_;
};

// The extraction line of one document.
std::string line_of(const std::string& jsonl, const std::string& id_part) {
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);)
    if (contains(line.substr(0, line.find("\"title\"")), id_part)) return line;
  return {};
}

TEST_F(OutletBuild, ExtractionRecordsTheOutletTheTextNames) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const std::string jsonl = slurp(out() / "extractions.jsonl");
  EXPECT_TRUE(contains(line_of(jsonl, "ankara.txt"), "\"source\":\"Reuters\"")) << jsonl;
  EXPECT_TRUE(contains(line_of(jsonl, "byline.txt"), "\"source\":\"AP\"")) << jsonl;
  EXPECT_TRUE(contains(line_of(jsonl, "site-1"), "\"source\":\"example-news.com\"")) << jsonl;
  EXPECT_TRUE(contains(line_of(jsonl, "nothing.txt"), "\"source\":null")) << jsonl;
}

TEST_F(OutletBuild, ReportsNameTheOutletOrSayUnknown) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const std::string md = slurp(out() / "report.md");
  const std::string html = slurp(out() / "report.html");
  EXPECT_TRUE(std::regex_search(md, std::regex(R"(\| [^|]*ankara\.txt \| Reuters \|)"))) << md;
  EXPECT_TRUE(std::regex_search(md, std::regex(R"(\| [^|]*byline\.txt \| AP \|)"))) << md;
  EXPECT_TRUE(std::regex_search(md, std::regex(R"(\| site-1 \| example-news\.com \|)"))) << md;
  EXPECT_TRUE(std::regex_search(md, std::regex(R"(\| [^|]*nothing\.txt \| unknown outlet \|)"))) << md;
  EXPECT_TRUE(std::regex_search(html, std::regex(R"(<td>[^<]*ankara\.txt</td><td>Reuters</td>)"))) << html;
  EXPECT_TRUE(std::regex_search(html, std::regex(R"(<td>[^<]*nothing\.txt</td><td>unknown outlet</td>)"))) << html;
  // No file name anywhere as an outlet: not in the sources tables, not in an
  // evidence line, not in an edge's outlet list.
  for (const char* file : {"ankara.txt", "byline.txt", "nothing.txt"}) {
    EXPECT_FALSE(std::regex_search(md, std::regex(std::string(R"(\| [^|]*)") + file + R"( \| [^|]*)" + file)))
        << file;
    EXPECT_FALSE(std::regex_search(md, std::regex(std::string(R"(\*[^*]*)") + file + R"(\*)"))) << file;
    EXPECT_FALSE(std::regex_search(md, std::regex(std::string("outlets: [^\n]*") + file))) << file;
    EXPECT_FALSE(std::regex_search(html, std::regex(std::string("<td>[^<]*") + file + "</td><td>[^<]*" + file)))
        << file;
    EXPECT_FALSE(std::regex_search(html, std::regex(std::string("class=\"src\">[^<(]*") + file))) << file;
  }
}

TEST_F(OutletBuild, RdfCarriesTheOutletAndLeavesOutTheUnknown) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const std::string ttl = slurp(out() / "graph.ttl");
  EXPECT_TRUE(std::regex_search(ttl, std::regex(R"(kg:outlet\s+"Reuters")"))) << ttl;
  EXPECT_TRUE(std::regex_search(ttl, std::regex(R"(kg:outlet\s+"AP")"))) << ttl;
  EXPECT_TRUE(std::regex_search(ttl, std::regex(R"(kg:outlet\s+"example-news\.com")"))) << ttl;
  // Three outlets named: the fourth article has none, and no file name stands in.
  const std::string nt = slurp(out() / "graph.nt");
  std::istringstream lines(nt);
  int outlet_triples = 0;
  for (std::string line; std::getline(lines, line);)
    if (contains(line, "ontology#outlet>")) {
      ++outlet_triples;
      EXPECT_FALSE(contains(line, ".txt")) << line;
    }
  EXPECT_EQ(outlet_triples, 3) << nt;
}

// `kgraph report --entity` on a build of the example corpus.
class ReportEntity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("kgraph-report-entity-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    build_ = run(kBinary + " build -q -j 1 " + q(kCorpus) + " -o " + q(dir_ / "out") + " 2>&1");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static CommandRun report(const std::string& args) {
    return run(kBinary + " report " + q(dir_ / "out") + " " + args + " 2>&1");
  }

  static inline fs::path dir_;
  static inline CommandRun build_;
};

TEST_F(ReportEntity, SurnameFindsThePerson) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const CommandRun full = report("--entity 'Rumen Radev'");
  ASSERT_EQ(full.exit_code, 0) << full.out;
  const CommandRun surname = report("--entity Radev");
  EXPECT_EQ(surname.exit_code, 0) << surname.out;
  EXPECT_TRUE(contains(surname.out, "### Rumen Radev\n")) << surname.out;
  EXPECT_EQ(surname.out, full.out);
  EXPECT_EQ(report("--entity stoltenberg").exit_code, 0);
}

TEST_F(ReportEntity, MisspellingSuggestsAndFails) {
  ASSERT_EQ(build_.exit_code, 0) << build_.out;
  const CommandRun r = report("--entity Radeev");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "[E501] no entity named 'Radeev'")) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("did you mean: Rumen Radev[,?]"))) << r.out;
  EXPECT_FALSE(contains(r.out, "### ")) << r.out;
}

TEST_F(ReportEntity, SharedSurnameListsTheCandidates) {
  // Two people with one surname, in an extraction file of the format `extract` writes.
  const fs::path file = dir_ / "smiths.jsonl";
  std::ofstream(file)
      << R"({"id":"smiths","title":null,"date":null,"source":null,"url":null,"entities":[)"
      << R"({"id":"e1","name":"John Smith","type":"Person","mentions":[{"start":0,"end":10,"text":"John Smith"},{"start":40,"end":50,"text":"John Smith"}]},)"
      << R"({"id":"e2","name":"Jane Smith","type":"Person","mentions":[{"start":15,"end":25,"text":"Jane Smith"}]}],"relations":[]})"
      << "\n";
  const CommandRun r = run(kBinary + " report " + q(file) + " --entity SMITH 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "[E502] 'SMITH' names 2 entities")) << r.out;
  EXPECT_TRUE(contains(r.out, "John Smith")) << r.out;
  EXPECT_TRUE(contains(r.out, "Jane Smith")) << r.out;
  EXPECT_FALSE(contains(r.out, "### ")) << r.out;
}

}  // namespace
