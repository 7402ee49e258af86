#include "eval/gold_standard.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kgraph::eval {
namespace {

using ::testing::HasSubstr;

TEST(GoldStandard, LoadsTheSeedGold) {
  Diagnostic error;
  auto gold = load_gold(std::string(KGRAPH_TEST_DATA) + "/seeds.gold.json", error);
  ASSERT_TRUE(gold) << error.format();
  ASSERT_EQ(gold->documents.size(), 5u);
  std::size_t required = 0;
  for (const auto& d : gold->documents)
    for (const auto& r : d.relations) required += r.required ? 1 : 0;
  EXPECT_EQ(required, 23u);
  EXPECT_FALSE(gold->documents[0].entities[0].aliases.empty());
  EXPECT_FALSE(gold->documents[0].forbidden_entities.empty());
}

TEST(GoldStandard, BrokenJsonNamesTheLine) {
  Diagnostic error;
  auto gold = parse_gold("{\n\"documents\": [\n{\"doc\": \"a\",,}\n]}", "g.json", error);
  EXPECT_FALSE(gold);
  EXPECT_EQ(error.code, "E402");
  EXPECT_EQ(error.location, "g.json:3");
}

TEST(GoldStandard, SchemaErrorsNameThePlace) {
  Diagnostic error;
  auto gold = parse_gold(R"({"documents":[{"doc":"a","entities":[{"name":"X","type":"Persn"}]}]})", "g.json", error);
  EXPECT_FALSE(gold);
  EXPECT_EQ(error.code, "E403");
  EXPECT_THAT(error.format(), HasSubstr("g.json: error: [E403] documents[0].entities[0]: unknown entity type 'Persn'"));

  EXPECT_FALSE(parse_gold(R"({"documents":[{"doc":"a","relations":[{"type":"met_with","head":"A"}]}]})", "g", error));
  EXPECT_THAT(error.message, HasSubstr("missing \"tail\""));
  EXPECT_FALSE(parse_gold("[]", "g", error));
}

TEST(GoldStandard, MissingFile) {
  Diagnostic error;
  EXPECT_FALSE(load_gold("/nonexistent/gold.json", error));
  EXPECT_EQ(error.code, "E401");
  EXPECT_EQ(error.location, "/nonexistent/gold.json");
}

}  // namespace
}  // namespace kgraph::eval
