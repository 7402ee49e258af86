// Names as people write them: a surname the tagger reads as a word of its own kind, a hyphenated
// name written with spaces, a body's name before the word for its head, slogans in capitals.
// Each test runs the whole pipeline on sentences written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

using test::by_mention;
using test::by_name;
using test::listing;

// "host Bill O'Reilly," before a quotation: the tagger reads the surname as MISC, alone; it is the
// rest of the person's name, not a name of its own kind.
TEST(WrittenNames, ASurnameTheTaggerReadsAsMiscEndsTheName) {
  const Extraction x =
      test::run("The senator told radio host Bill O'Reilly, \"We will not back down,\" before the vote on Tuesday.\n");
  const Entity* e = by_mention(x, "Bill O'Reilly");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Person) << listing(x);
  EXPECT_EQ(by_mention(x, "Bill"), nullptr) << listing(x);
}

// A hyphenated place of the ontology written with spaces around the hyphen is the place, whole.
TEST(WrittenNames, AHyphenatedPlaceWrittenWithSpacesIsOnePlace) {
  const Extraction x = test::run("Shelling resumed in Nagorno - Karabakh overnight, the defence ministry in Baku said.\n");
  const Entity* e = by_mention(x, "Nagorno - Karabakh");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->name, "Nagorno-Karabakh") << listing(x);
  EXPECT_EQ(by_mention(x, "Nagorno"), nullptr) << listing(x);
}

// "X chief Y", "the X director": the word before the word for a body's head is the body.
TEST(WrittenNames, ABodyBeforeTheWordForItsHeadIsNoPerson) {
  const Extraction x = test::run(
      "Israeli ministers met on Sunday. Mossad chief David Barnea denied the report during a meeting with U.S. "
      "officials. Instead, the Mossad director said he had urged caution.\n");
  const Entity* e = by_name(x, "Mossad");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Organisation) << listing(x);
  const Entity* p = by_name(x, "David Barnea");
  ASSERT_NE(p, nullptr) << listing(x);
  EXPECT_EQ(p->type, EntityType::Person) << listing(x);
}

// A slogan in capitals, in quotation marks or naming a country after a common word the text also
// writes small, is no person; a person whose surname is a country's name stays one.
TEST(WrittenNames, SlogansInCapitalsAreNoPeople) {
  const Extraction quoted = test::run("Hundreds of fans wore \u201cMake Denmark Great Again\u201d hats outside the palace in Copenhagen.\n");
  EXPECT_EQ(by_mention(quoted, "Make Denmark Great Again"), nullptr) << listing(quoted);
  const Extraction chant = test::run(
      "The president repeated his call to Take Greenland at a rally in Ohio. Critics said he cannot take land from an ally.\n");
  EXPECT_EQ(by_mention(chant, "Take Greenland"), nullptr) << listing(chant);
  const Extraction person = test::run(
      "Rep. Steve Israel met the delegation in Washington on Monday. Israel, a Democrat, said the talks went well.\n");
  const Entity* p = by_mention(person, "Steve Israel");
  ASSERT_NE(p, nullptr) << listing(person);
  EXPECT_EQ(p->type, EntityType::Person) << listing(person);
}

// "bin" and a name, then "Al" and the family's name: one person's name to its end.
TEST(WrittenNames, AFamilyNameAfterAPatronymicEndsThePersonsName) {
  const Extraction x = test::run("The minister was received by King Salman bin Abdulaziz Al Saud at his palace in Jeddah on Thursday.\n");
  const Entity* e = by_mention(x, "Salman bin Abdulaziz Al Saud");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Person) << listing(x);
  EXPECT_EQ(by_mention(x, "Salman bin Abdulaziz"), nullptr) << listing(x);
}

// The acronym a text gives a treaty or a deal, before its word in brackets or after it, stands
// for the document wherever the text writes it: no organisation.
TEST(WrittenNames, TheAcronymOfATreatyIsNoEntity) {
  const Extraction before = test::run(
      "Moscow left the Open Skies Accord (OSA) after Washington did. The OSA had allowed flights over both countries.\n");
  EXPECT_EQ(by_mention(before, "OSA"), nullptr) << listing(before);
  const Extraction after = test::run(
      "Both sides agreed to the North American Free Trade Agreement (NAFTA) talks in Ottawa. Canada said NAFTA would survive.\n");
  EXPECT_EQ(by_mention(after, "NAFTA"), nullptr) << listing(after);
  ASSERT_NE(by_mention(after, "Canada"), nullptr) << listing(after);
}

// "the X and Y Committee": one body's name across "and", which the tagger reads as a place and a
// body; two chambers named with "and" stay two.
TEST(WrittenNames, ABodysNameAcrossAndIsOneName) {
  const Extraction x = test::run("The bill now goes to the Ways and Means Committee, which meets on Thursday, aides said.\n");
  const Entity* e = by_mention(x, "Ways and Means Committee");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Organisation) << listing(x);
  EXPECT_EQ(by_mention(x, "Ways"), nullptr) << listing(x);
  const Extraction two = test::run("Rep. Adam Smith said the Senate and the House Armed Services Committee would vote.\n");
  EXPECT_NE(by_mention(two, "Senate"), nullptr) << listing(two);
}

// "X Y of Country A" in a caption's list: the person and his country, side by side.
TEST(WrittenNames, ACountryAfterOfIsNoPartOfAPersonsName) {
  const Extraction x = test::run(
      "From left, Spain\u2019s Arancha Gonzalez, Poland\u2019s Jacek Czaputowicz, Jean-Yves Le Drian of France, NATO Deputy "
      "Secretary General Mircea Geoana, and others pose.\n");
  const Entity* p = by_mention(x, "Jean-Yves Le Drian");
  ASSERT_NE(p, nullptr) << listing(x);
  EXPECT_EQ(p->type, EntityType::Person) << listing(x);
  const Entity* c = by_mention(x, "France");
  ASSERT_NE(c, nullptr) << listing(x);
  EXPECT_EQ(c->type, EntityType::Country) << listing(x);
}

// No name ends in "at", "of" or another connector: the tagger's span loses them.
TEST(WrittenNames, NoNameEndsInAConnector) {
  const Extraction x = test::run(
      "Myanmar is also known as Burma. The envoy met with Suu Kyi at the guest house where she had lived, and later "
      "with Suu Kyi and student leaders.\n");
  EXPECT_EQ(by_mention(x, "Kyi at"), nullptr) << listing(x);
  const Extraction y = test::run("He vowed to \u201ctotally destroy the Economy of Turkey\u201d if it crossed the line.\n");
  EXPECT_EQ(by_mention(y, "Economy of"), nullptr) << listing(y);
}

// A convention named after a city is a treaty, no event; a party's convention stays one.
TEST(WrittenNames, AConventionNamedAfterACityIsATreaty) {
  const Extraction x = test::run(
      "Lawyers said the raid broke the Geneva Conventions, and diplomats cited the Vienna Convention. Delegates at the "
      "Republican National Convention in Cleveland cheered.\n");
  EXPECT_EQ(by_mention(x, "Geneva Conventions"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Vienna Convention"), nullptr) << listing(x);
  const Entity* e = by_mention(x, "Republican National Convention");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Event) << listing(x);
}

// An ordinal before a word for an institution opens the body's name; that word alone after a
// lower-case adjective is a common noun.
TEST(WrittenNames, AnOrdinalOpensABodysNameAndStateTvIsNoName) {
  const Extraction x = test::run(
      "Soldiers from the 4th Infantry Division arrived in Kuwait on Monday. Dozens were hurt, state TV reported.\n");
  const Entity* e = by_mention(x, "4th Infantry Division");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Organisation) << listing(x);
  EXPECT_EQ(by_mention(x, "Infantry Division"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "TV"), nullptr) << listing(x);
}

// A plural possessive before a word for an institution opens the body's name.
TEST(WrittenNames, APluralPossessiveOpensABodysName) {
  const Extraction x = test::run("He is a member of the political bureau of the ruling Workers\u2019 Party. Officials said little.\n");
  const Entity* e = by_mention(x, "Workers\u2019 Party");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Organisation) << listing(x);
  EXPECT_EQ(by_mention(x, "Party"), nullptr) << listing(x);
}

// An organisation's name and a word for its service straight after it are one name.
TEST(WrittenNames, AnOrganisationsServiceIsOneName) {
  const Extraction x = test::run("The footage, obtained by Reuters Television, showed smoke over the city.\n");
  const Entity* e = by_mention(x, "Reuters Television");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Organisation) << listing(x);
  EXPECT_EQ(by_mention(x, "Television"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract
