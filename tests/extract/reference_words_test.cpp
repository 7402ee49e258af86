// Arguments news names by a reference word rather than a name: "you" in a letter stands for its
// addressee. Sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

// "you" in a quote stands for the person the text says its speaker wrote to.
TEST(ReferenceWords, YouInALetterIsItsAddressee) {
  const Extraction x = test::run(
      "Prime Minister Anna Lindqvist wrote to Belarusian President Viktor Sokolenko on Thursday.\n\n"
      "\"I request a meeting with you in Stockholm next month,\" Lindqvist wrote.\n");
  const Relation* r = test::find(x, RelationType::MetWith, "Anna Lindqvist", "Viktor Sokolenko");
  ASSERT_TRUE(r) << test::listing(x);
  EXPECT_EQ(r->modality, Modality::Planned);
}

TEST(ReferenceWords, YouInALetterFromXToY) {
  const Extraction x = test::run(
      "The committee published a letter from Senator Mark Ellison to Foreign Minister Laura Bennett.\n\n"
      "\"I look forward to meeting you,\" Ellison wrote.\n");
  EXPECT_TRUE(test::find(x, RelationType::MetWith, "Mark Ellison", "Laura Bennett")) << test::listing(x);
}

// No letter or message to anyone: "you" stands for no one the text names.
TEST(ReferenceWords, YouWithoutAnAddresseeStandsForNoOne) {
  const Extraction x = test::run(
      "Prime Minister Anna Lindqvist met Belarusian President Viktor Sokolenko on Thursday.\n\n"
      "\"I look forward to meeting you again,\" Lindqvist told the students.\n");
  EXPECT_EQ(x.relations.end(), std::find_if(x.relations.begin(), x.relations.end(), [](const Relation& r) {
              return r.evidence.note.find("addressee") != std::string::npos;
            })) << test::listing(x);
}

}  // namespace
}  // namespace kgraph::extract
