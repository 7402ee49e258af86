// The relation stage's parse gate (match/sentence_parses.cpp): a sentence is parsed for the
// holds_position rules only when a person and an office lie near the title; parses are counted
// through the stage profile, which never changes an output.
#include <gtest/gtest.h>

#include <sstream>

#include "extract/profile/stage_profile.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

// Sentences parsed so far in this process (the profile's "parsed N sentences" line).
long parsed_sentences() {
  std::ostringstream out;
  profile::report(out);
  const std::string text = out.str();
  const std::string key = "kgraph: profile parsed ";
  const auto at = text.find(key);
  return at == std::string::npos ? 0 : std::stol(text.substr(at + key.size()));
}

TEST(ParseGate, TitleNextToItsOfficeIsParsed) {
  profile::enable();
  const long before = parsed_sentences();
  auto x = run("Ukrainian President Petro Poroshenko arrived in Berlin on Monday.");
  EXPECT_EQ(parsed_sentences() - before, 1);
  EXPECT_NE(find(x, RelationType::HoldsPosition, "Petro Poroshenko", "Ukraine"), nullptr) << listing(x);
}

TEST(ParseGate, TitleFarFromEveryOfficeIsNotParsed) {
  profile::enable();
  const long before = parsed_sentences();
  // the club is no entity; the only country lies 20 words after the title
  auto x = run(
      "Olaf Scholz, the president of the club for twelve long and difficult years, was born in a small town "
      "near the river in northern Germany.");
  EXPECT_EQ(parsed_sentences() - before, 0);
  EXPECT_EQ(find(x, RelationType::HoldsPosition, "Olaf Scholz", "Germany"), nullptr);
}

}  // namespace
}  // namespace kgraph::extract::test
