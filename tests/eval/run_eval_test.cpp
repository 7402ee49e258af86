// run_eval end to end on files: the report, the JSON report, and exit code 2
// with FILE:LINE messages for unreadable input.
#include "eval/run_eval.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ontology/extraction_json.hpp"
#include "tests/eval/eval_test_support.hpp"

namespace kgraph::eval {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSeedGold = std::string(KGRAPH_TEST_DATA) + "/seeds.gold.json";

class RunEval : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kgraph-eval-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  int run(EvalOptions o, const std::string& stdin_text = "") {
    std::istringstream in(stdin_text);
    out_.str("");
    err_.str("");
    return run_eval(o, in, out_, err_);
  }
  std::filesystem::path dir_;
  std::ostringstream out_, err_;
};

std::string one_seed_extraction() {
  testing::ExtractionBuilder b("nato-russia/003_aee5b4802b65356a.txt");
  int a = b.entity("Jens Stoltenberg", EntityType::Person);
  int n = b.entity("NATO", EntityType::Organisation);
  b.relation(RelationType::HoldsPosition, a, n);
  return to_json_line(b.get()) + "\n";
}

TEST_F(RunEval, TextReportOnTheSeedGold) {
  auto x = write("x.jsonl", one_seed_extraction());
  EXPECT_EQ(run({kSeedGold, x, false}), 0) << err_.str();
  EXPECT_THAT(out_.str(), StartsWith("entities: P=1.000 R="));
  EXPECT_THAT(out_.str(), HasSubstr("relations: precision=1.000 (1/1) recall(required)=0.043 (1/23)"));
  EXPECT_THAT(out_.str(), HasSubstr("missed required relations (22)"));
  EXPECT_TRUE(err_.str().empty());
}

TEST_F(RunEval, JsonReportFromStdin) {
  EXPECT_EQ(run({kSeedGold, "-", true}, one_seed_extraction()), 0) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("\"recall_required\": 0.0435"));
  EXPECT_THAT(out_.str(), HasSubstr("\"documents_scored\": 1"));
}

TEST_F(RunEval, EmptyExtractionsScoreZero) {
  auto x = write("empty.jsonl", "");
  EXPECT_EQ(run({kSeedGold, x, false}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("recall(required)=0.000 (0/23)"));
  EXPECT_THAT(out_.str(), StartsWith("entities: P=- R=0.000"));
}

TEST_F(RunEval, BrokenExtractionLinesAreNamedAndExitIs2) {
  auto x = write("bad.jsonl", one_seed_extraction() + "{\"id\": \"x\", broken\n\n{\"entities\": []}\n");
  EXPECT_EQ(run({kSeedGold, x, false}), 2);
  EXPECT_THAT(err_.str(), HasSubstr(x + ":2: error: [E310] broken JSON"));
  EXPECT_THAT(err_.str(), HasSubstr(x + ":4: error: [E310]"));
  EXPECT_TRUE(out_.str().empty());
}

TEST_F(RunEval, UnreadableGoldOrExtractionsExit2) {
  auto x = write("x.jsonl", one_seed_extraction());
  EXPECT_EQ(run({(dir_ / "missing.json").string(), x, false}), 2);
  EXPECT_THAT(err_.str(), HasSubstr("missing.json: error: [E401]"));
  auto bad_gold = write("gold.json", "{\"documents\": [\n{]}");
  EXPECT_EQ(run({bad_gold, x, false}), 2);
  EXPECT_THAT(err_.str(), HasSubstr("gold.json:2: error: [E402]"));
  EXPECT_EQ(run({kSeedGold, (dir_ / "none.jsonl").string(), false}), 2);
  EXPECT_THAT(err_.str(), HasSubstr("none.jsonl: error: [E401]"));
}

}  // namespace
}  // namespace kgraph::eval
