// How names reach the parser (match/sentence_parses.cpp): a name of several tokens is one parser
// word tagged as a proper noun, so an East Asian name whose last part is also an English word
// ("Liu He": "He"; "Moon Jae-in") is read as one nominal unit, not as a pronoun that starts a new
// clause and cuts the path from the verb to the person. The sentences are shaped after
// realnews-train ones ("meets with China's Vice Premier Liu He in the Oval Office").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/syntax/syntax_model.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

int tag_index(const syntax::SyntaxModel& m, const std::string& tag) {
  for (std::size_t i = 0; i < m.tag_names().size(); ++i)
    if (m.tag_names()[i] == tag) return static_cast<int>(i);
  return -1;
}

// The words the pipeline gives the parser for "Donald Trump met with Chinese Vice Premier Liu He
// at the White House on Thursday.": each name is its last token, the title chain before a person
// ("Chinese Vice Premier") is folded into the person's word.
const std::vector<std::string> kWords = {"Trump", "met", "with", "He", "at", "the", "House", "on", "Thursday", "."};
constexpr std::size_t kHe = 3;

TEST(NameParse, ANameWordTaggedProperNounIsTheObliqueOfTheVerb) {
  const syntax::SyntaxModel m = syntax::SyntaxModel::read(std::string(KGRAPH_ONTOLOGY) + "/models/syntax-en-ewt.model");
  const int propn = tag_index(m, "PROPN");
  ASSERT_GE(propn, 0);
  std::vector<int> fixed(kWords.size(), -1);
  for (std::size_t w : {std::size_t{0}, kHe, std::size_t{6}}) fixed[w] = propn;  // Trump, Liu He, White House
  const syntax::Parse p = m.parse(kWords, fixed);
  EXPECT_EQ(p.upos[kHe], "PROPN");
  EXPECT_EQ(p.heads[kHe], 2) << "the name hangs from 'met'";
  EXPECT_EQ(p.deprels[kHe], "obl");
  EXPECT_EQ(p.heads[2], static_cast<int>(kHe) + 1) << "'with' is the name's case word";
  EXPECT_EQ(p.deprels[0], "nsubj");
  EXPECT_EQ(p.heads[0], 2) << "Trump stays the subject of 'met'";
}

// Left to itself the tagger reads the capitalised "He" as the pronoun: the case the fixed tag is for.
TEST(NameParse, WithoutTheNameLayerTheTaggerReadsHeAsAPronoun) {
  const syntax::SyntaxModel m = syntax::SyntaxModel::read(std::string(KGRAPH_ONTOLOGY) + "/models/syntax-en-ewt.model");
  const syntax::Parse p = m.parse(kWords);
  EXPECT_EQ(p.upos[kHe], "PRON");
}

TEST(NameParse, AMeetingWithLiuHeJoinsTheMeetingsSubject) {
  auto x = run("Donald Trump met with Chinese Vice Premier Liu He at the White House on Thursday.");
  EXPECT_NE(find(x, RelationType::MetWith, "Donald Trump", "Liu He"), nullptr) << listing(x);
}

TEST(NameParse, APhoneCallWithLiuHeIsSpokeWith) {
  auto x = run("Steven Mnuchin spoke by phone with Chinese Vice Premier Liu He on Tuesday.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "Steven Mnuchin", "Liu He"), nullptr) << listing(x);
}

TEST(NameParse, NamesOfThreePartsAndHyphenatedGivenNamesStayOneParty) {
  auto x = run("Vladimir Putin met with North Korean leader Kim Jong Un in Vladivostok. Donald Trump spoke by "
               "phone with South Korean President Moon Jae-in on Saturday.");
  EXPECT_NE(find(x, RelationType::MetWith, "Vladimir Putin", "Kim Jong Un"), nullptr) << listing(x);
  EXPECT_NE(find(x, RelationType::SpokeWith, "Donald Trump", "Moon Jae-in"), nullptr) << listing(x);
}

// A person named after a common noun in the second member of a coordination: the parser ends the
// coordination at the noun ("dictator") and makes the name the subject of the main verb; the name is
// the conjunct, so the meeting noun reaches both names through "between".
TEST(NameParse, ANameAfterACommonNounInACoordinationIsTheConjunct) {
  auto x = run("The second summit between President Donald Trump and North Korean dictator Kim Jong Un ended "
               "abruptly Thursday when the two sides failed to agree on sanctions relief.");
  EXPECT_NE(find(x, RelationType::MetWith, "Donald Trump", "Kim Jong Un"), nullptr) << listing(x);
}

// A dateline is left out of the parse: its outlet does not take the name after it as a part.
TEST(NameParse, ADatelineIsNotPartOfTheSentencesTree) {
  auto x = run("(CNN) - Secretary of State John Kerry spoke with leaders from Israel and the Palestinian Authority "
               "on Sunday.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "John Kerry", "Israel"), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::SpokeWith, "CNN", "Israel"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
