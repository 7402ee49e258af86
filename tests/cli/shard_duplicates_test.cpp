// Duplicates across shards: an article in one shard and its copy (under
// another header) in another are found by `kgraph merge` as `kgraph extract`
// finds them in one process, whatever the order of the shard files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli/command_run.hpp"

namespace {

namespace fs = std::filesystem;
using namespace kgraph::testing;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

fs::path example(int n) {
  for (const auto& e : fs::directory_iterator(kCorpus))
    if (e.path().filename().string().rfind((n < 10 ? "00" : "0") + std::to_string(n) + "_", 0) == 0) return e.path();
  return {};
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// The `sources` column of every relationship row.
std::vector<std::string> source_counts(const fs::path& csv) {
  std::vector<std::string> out;
  std::istringstream in(slurp(csv));
  std::string line;
  std::getline(in, line);  // header: :START_ID,:END_ID,:TYPE,weight,sources,...
  while (std::getline(in, line)) {
    std::size_t at = 0;
    for (int field = 0; field < 4; ++field) at = line.find(',', at) + 1;
    out.push_back(line.substr(at, line.find(',', at) - at));
  }
  return out;
}

class ShardDuplicates : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::remove_all(dir_);
    for (const char* d : {"a", "b", "all"}) fs::create_directories(dir_ / d);
    const std::string story = slurp(example(0));
    ASSERT_FALSE(story.empty());
    // A syndicated copy: the same article under another outlet's line.
    write(dir_ / "a" / "000_story.txt", story);
    write(dir_ / "b" / "900_copy.txt", "Reposted by the Baltic Wire service.\n\n" + story);
    fs::copy(example(1), dir_ / "a" / "001.txt");
    fs::copy(example(2), dir_ / "b" / "002.txt");
    for (const char* d : {"a", "b"})
      for (const auto& e : fs::directory_iterator(dir_ / d)) fs::copy(e.path(), dir_ / "all" / e.path().filename());
    for (const char* d : {"a", "b"}) {
      const CommandRun r = run(kBinary + " extract " + q(dir_ / d) + " -o " + q(dir_ / (std::string(d) + ".jsonl")) + " 2>&1");
      ASSERT_EQ(r.exit_code, 0) << r.out;
      EXPECT_THAT(r.out, Not(HasSubstr("W140")));  // each shard alone has no copy
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void expect_same_outputs(const fs::path& x, const fs::path& y) {
    for (const char* f : kOutputs) EXPECT_EQ(slurp(x / f), slurp(y / f)) << f << ": " << x << " vs " << y;
  }

  fs::path dir_ = fs::temp_directory_path() / ("kgraph-shard-dup-" + std::to_string(::getpid()));
};

TEST_F(ShardDuplicates, MergeFindsTheCopyInAnotherShard) {
  const CommandRun ab = run(kBinary + " merge " + q(dir_ / "a.jsonl") + " " + q(dir_ / "b.jsonl") + " -o " + q(dir_ / "ab") + " 2>&1");
  ASSERT_EQ(ab.exit_code, 0) << ab.out;  // a duplicate is a warning
  EXPECT_THAT(ab.out, MatchesRegex(R"((.|\n)*900_copy.txt: warning: \[W140\] doc 900_copy.txt is a near-duplicate of doc 000_story.txt \(similarity 0\.[89][0-9]\)(.|\n)*)"));
  EXPECT_THAT(ab.out, HasSubstr("(1 duplicate)"));
  const CommandRun ba = run(kBinary + " merge -q " + q(dir_ / "b.jsonl") + " " + q(dir_ / "a.jsonl") + " -o " + q(dir_ / "ba") + " 2>&1");
  ASSERT_EQ(ba.exit_code, 0) << ba.out;
  expect_same_outputs(dir_ / "ab", dir_ / "ba");
  // As one process: `build` on the union extracts both copies and only warns.
  ASSERT_EQ(run(kBinary + " build -q " + q(dir_ / "all") + " -o " + q(dir_ / "built")).exit_code, 0);
  expect_same_outputs(dir_ / "ab", dir_ / "built");
}

TEST_F(ShardDuplicates, DedupeGivesTheCopyTheFirstCopysFindingsAsExtractDoes) {
  for (const char* order : {"ab", "ba"}) {
    const std::string files = order[0] == 'a' ? q(dir_ / "a.jsonl") + " " + q(dir_ / "b.jsonl")
                                              : q(dir_ / "b.jsonl") + " " + q(dir_ / "a.jsonl");
    const CommandRun r = run(kBinary + " merge --dedupe " + files + " -o " + q(dir_ / order) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_THAT(r.out, HasSubstr("near-duplicate of doc 000_story.txt"));
  }
  expect_same_outputs(dir_ / "ab", dir_ / "ba");
  EXPECT_THAT(slurp(dir_ / "ab" / "extractions.jsonl"), HasSubstr(R"("id":"900_copy.txt","title")"));
  EXPECT_THAT(slurp(dir_ / "ab" / "extractions.jsonl"), HasSubstr(R"("duplicate_of":"000_story.txt")"));
  // One process with --dedupe writes the same lines, and the same graph.
  ASSERT_EQ(run(kBinary + " build -q --dedupe " + q(dir_ / "all") + " -o " + q(dir_ / "built")).exit_code, 0);
  expect_same_outputs(dir_ / "ab", dir_ / "built");
}

TEST_F(ShardDuplicates, TheCopyCountsAsASecondSource) {
  // Only the story and its copy: every relation the story supports has two sources.
  fs::create_directories(dir_ / "one");
  fs::create_directories(dir_ / "two");
  fs::copy(dir_ / "a" / "000_story.txt", dir_ / "one");
  fs::copy(dir_ / "b" / "900_copy.txt", dir_ / "two");
  for (const char* d : {"one", "two"})
    ASSERT_EQ(run(kBinary + " extract -q " + q(dir_ / d) + " -o " + q(dir_ / (std::string(d) + ".jsonl"))).exit_code, 0);
  ASSERT_EQ(run(kBinary + " merge -q " + q(dir_ / "one.jsonl") + " -o " + q(dir_ / "alone")).exit_code, 0);
  ASSERT_EQ(run(kBinary + " merge -q --dedupe " + q(dir_ / "two.jsonl") + " " + q(dir_ / "one.jsonl") + " -o " + q(dir_ / "both")).exit_code, 0);
  const std::vector<std::string> alone = source_counts(dir_ / "alone" / "relationships.csv");
  const std::vector<std::string> both = source_counts(dir_ / "both" / "relationships.csv");
  ASSERT_FALSE(alone.empty());
  EXPECT_EQ(both.size(), alone.size());
  for (const std::string& s : alone) EXPECT_EQ(s, "1");
  for (const std::string& s : both) EXPECT_EQ(s, "2");
}

TEST_F(ShardDuplicates, OlderExtractionsWithoutSignaturesStillMerge) {
  // A line as written before signatures existed: the same line without the key.
  std::istringstream in(slurp(dir_ / "a.jsonl") + slurp(dir_ / "b.jsonl"));
  std::ofstream old(dir_ / "old.jsonl", std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t at = line.find(R"(,"signature":{)");
    ASSERT_NE(at, std::string::npos);
    old << line.erase(at, line.find('}', at) + 1 - at) << '\n';
  }
  old.close();
  const CommandRun r = run(kBinary + " merge " + q(dir_ / "old.jsonl") + " -o " + q(dir_ / "old") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, Not(HasSubstr("W140")));  // nothing to compare
  EXPECT_THAT(r.out, HasSubstr("merged 4 documents into"));
}

}  // namespace
