// Meetings whose parties the parser hangs away from the trigger noun, on sentences written for
// the test: the relation comes from the parse rule named in the evidence, with its modality.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

const Relation* met(const Extraction& x, const std::string& a, const std::string& b) {
  return find(x, RelationType::MetWith, a, b);
}

// "talks - involving A, B and C" set off by dashes: the parser hangs the participle from the verb
// that holds the talks, not from "talks"; it still lists the parties, every pair of them.
TEST(MeetingPaths, InvolvingParticipleHungFromTheClause) {
  auto x = run("There were long talks on Friday -- involving Polish Prime Minister Donald Tusk and French President "
               "Emmanuel Macron.");
  const Relation* r = met(x, "Donald Tusk", "Emmanuel Macron");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:met.noun.involving");
}

TEST(MeetingPaths, InvolvingParticipleAfterARoundOfTalksIsPlanned) {
  auto x = run("German Foreign Minister Annalena Baerbock said on Monday that she is pushing for a new round of talks "
               "– involving Poland, France and Lithuania – to settle the dispute.");
  for (const auto& [a, b] : {std::pair<std::string, std::string>{"Poland", "France"}, {"Poland", "Lithuania"},
                             {"France", "Lithuania"}}) {
    const Relation* r = met(x, a, b);
    ASSERT_NE(r, nullptr) << a << " / " << b;
    EXPECT_EQ(r->evidence.rule, "parse:met.noun.involving");
    // "pushing for a new round of talks" is pushing for talks: still to come
    EXPECT_EQ(r->modality, Modality::Planned) << a << " / " << b;
  }
}

// "ministers from A, B and C met": the representatives of several countries, named with "from" as with
// "of", meeting one another (every pair)
TEST(MeetingPaths, RepresentativesFromCountriesMetOneAnother) {
  auto x = run("Diplomats from Spain, Italy, Greece and Portugal met on Tuesday to discuss a plan for the migrants.");
  for (const auto& [a, b] : {std::pair<std::string, std::string>{"Spain", "Italy"}, {"Spain", "Portugal"},
                             {"Italy", "Greece"}, {"Greece", "Portugal"}}) {
    const Relation* r = met(x, a, b);
    ASSERT_NE(r, nullptr) << a << " / " << b;
    EXPECT_EQ(r->evidence.rule, "parse:met.verb.mutual-group") << a << " / " << b;
  }
}

// "talks Friday between A and B": the parser hangs the "between" phrase on the day ...
TEST(MeetingPaths, BetweenHungOnTheDayAfterTheNoun) {
  auto x = run("He was hopeful for fresh talks Friday between Olaf Scholz and Emmanuel Macron.");
  const Relation* r = met(x, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:met.noun.between");
}

// ... or on the verb that holds the talks
TEST(MeetingPaths, BetweenHungOnTheVerbOfTheTalks) {
  auto x = run("Officials prepared for talks next week between Olaf Scholz and Emmanuel Macron.");
  const Relation* r = met(x, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:met.noun.between");
  EXPECT_EQ(r->modality, Modality::Planned);
}

// "After meeting A, X flew on": a meeting verb in an adverbial clause of its own with no subject
// takes the subject of the clause it modifies, and the scope code still decides the modality
TEST(MeetingPaths, AdverbialClauseTakesTheMainSubject) {
  auto x = run("After meeting German Chancellor Angela Merkel in Berlin, Prime Minister Justin Trudeau flew to Paris.");
  const Relation* r = met(x, "Justin Trudeau", "Angela Merkel");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:met.verb.object-adverbial");
  EXPECT_EQ(r->modality, Modality::Asserted);
}

TEST(MeetingPaths, AdverbialClauseOfSpeakingTakesTheMainSubject) {
  auto x = run("After speaking by phone with Chinese President Xi Jinping, President Barack Obama said the talks "
               "went well.");
  const Relation* r = find(x, RelationType::SpokeWith, "Barack Obama", "Xi Jinping");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:spoke.verb.with-adverbial");
  EXPECT_EQ(r->modality, Modality::Asserted);
}

// A capital that a meeting rule reaches as a party stands for its country, even where the entity
// stage kept it a city (its cues saw no actor verb after "Beijing engaged"): the country's entity.
TEST(MeetingPaths, CapitalReachedAsAPartyIsItsCountry) {
  auto x = run("China has kept its factories running. Even as Beijing engaged in quiet trade talks with Japan last "
               "month, exports kept rising.");
  const Relation* r = met(x, "China", "Japan");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:met.noun.with");
}

// "met with a group, including the representatives of A and B": each body whose representatives are
// named as examples of the group was met, as with "met with the leaders of A" (every conjunct)
TEST(MeetingPaths, RepresentativesOfBodiesNamedAsExamplesOfTheGroup) {
  auto x = run("German Chancellor Olaf Scholz will meet with European aircraft makers, including the chief executives "
               "of Airbus and Siemens, on Thursday, officials said.");
  for (const char* body : {"Airbus", "Siemens"}) {
    const Relation* r = met(x, "Olaf Scholz", body);
    ASSERT_NE(r, nullptr) << body << "\n" << listing(x);
    EXPECT_EQ(r->evidence.rule, "parse:met.with-including");
    EXPECT_EQ(r->modality, Modality::Planned);
  }
}

// "the A-B summit" written as one hyphenated word, which the parser cannot split into the two compounds of
// met.noun.compound-pair: each part is a party the text names elsewhere
TEST(MeetingPaths, HyphenatedPairBeforeTheSummit) {
  auto x = run("German Chancellor Olaf Scholz spoke about energy prices on Monday. French President Emmanuel Macron "
               "has proposed a new tax on airlines. The Scholz-Macron summit on Tuesday ended without a deal.");
  const Relation* r = met(x, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:met.noun.compound-pair");
  EXPECT_EQ(r->modality, Modality::Asserted);
}

// "A and other ministers, including B, will meet with C": the one named as an example of the group that
// meets met C as well
TEST(MeetingPaths, ExampleOfTheMeetingGroupMetToo) {
  auto x = run("Senator Bernie Sanders and other lawmakers, including Senator Elizabeth Warren, are set to meet with "
               "Federal Reserve Chair Jerome Powell on Tuesday.");
  const Relation* r = met(x, "Elizabeth Warren", "Jerome Powell");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:met.verb.subject-including");
  EXPECT_EQ(r->modality, Modality::Planned);
}

}  // namespace
}  // namespace kgraph::extract::test
