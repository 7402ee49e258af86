// Where a person's name begins and ends in news text: a place, body, party or sentence opener
// written right before a name is no part of it, and a name is whole where the ontology knows it
// across the words. Each test runs the whole pipeline on sentences written for these tests (the
// people are made up), but for the tests marked as real text.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

using test::by_name;
using test::listing;

Extraction run(const std::string& text) { return test::run(text, "2019-03-14"); }

bool is_person(const Extraction& x, const std::string& name) {
  const Entity* e = by_name(x, name);
  return e && e->type == EntityType::Person;
}

// "Ambassador to the U.S. X": the country qualifying the title runs into the name after it.
TEST(NameEdges, CountryAfterTitleIsNoPartOfTheName) {
  const Extraction x = run(
      "The president shared the report with Russian Foreign Minister Pavel Orlov and Russian Ambassador "
      "to the U.S. Sergey Lebedinsky during a meeting at the White House.\n");
  EXPECT_TRUE(is_person(x, "Sergey Lebedinsky")) << listing(x);
  EXPECT_EQ(by_name(x, "U.S. Sergey Lebedinsky"), nullptr) << listing(x);
}

// "the first lady of North Dakota X": a state before a given name.
TEST(NameEdges, PlaceBeforeGivenNameIsNoPartOfTheName) {
  const Extraction x = run(
      "The panel heard from the first lady of North Dakota Kathryn Lindqvist Moore, who spoke about "
      "addiction treatment in rural counties.\n");
  EXPECT_TRUE(is_person(x, "Kathryn Lindqvist Moore")) << listing(x);
  EXPECT_EQ(by_name(x, "North Dakota Kathryn Lindqvist Moore"), nullptr) << listing(x);
}

// "candidate for Congress X": a chamber before a name that the document gives elsewhere by its surname.
TEST(NameEdges, ChamberBeforeNameIsNoPartOfTheName) {
  const Extraction x = run(
      "The messages were exchanged with Republican candidate for Congress Robert Tillman last spring. "
      "Tillman later said the messages were a joke.\n");
  EXPECT_TRUE(is_person(x, "Robert Tillman")) << listing(x);
  EXPECT_EQ(by_name(x, "Congress Robert Tillman"), nullptr) << listing(x);
}

// "Said X, ...": a verb opening the sentence before a given name.
TEST(NameEdges, VerbOpeningTheSentenceIsNoPartOfTheName) {
  const Extraction x = run(
      "The talks stalled in May, officials said. Said Michael Varga, a former Pentagon official: \"This "
      "is a setback.\"\n");
  EXPECT_TRUE(is_person(x, "Michael Varga")) << listing(x);
  EXPECT_EQ(by_name(x, "Said Michael Varga"), nullptr) << listing(x);
}

// A caption's word or the opener of a sentence after a heading with no full stop runs into the
// name before it; the name is the person the document names elsewhere (real sentences, kgdev).
TEST(NameEdges, CaptionWordOrOpenerAfterFullNameIsNoPartOfTheName) {
  const Extraction caption = run(
      "A senior Conservative official told VOA that there is deep frustration in Downing Street about "
      "Saturday's attack. Prime Minister Theresa May promised to review Britain's counter-terrorism strategy, "
      "holding out the prospects of enhanced powers for the security services and longer jail sentences for "
      "extremists. She said she wants to take a tougher line with internet providers and social media "
      "businesses that allow extremist material on their sites. WATCH: British Prime Minister Theresa May "
      "Video size width x height pixels Britain PM May: 'Enough is Enough' Share this video 0:00:30 0:00:00 "
      "/0:00:30 Direct link 270p | 1.5MB 360p | 1.8MB 480p | 10.5MB Among the measures being recommended by "
      "security chiefs, according to government officials, is the power to require those on terror watch "
      "lists to wear electronic tags.\n");
  EXPECT_TRUE(is_person(caption, "Theresa May")) << listing(caption);
  EXPECT_EQ(by_name(caption, "Theresa May Video"), nullptr) << listing(caption);
  const Extraction heading = run(
      "Former IRA leader Sean MacStiofain By June, the organisation felt confident enough to call a ceasefire "
      "and hold secret talks with British ministers in London. In later years, an IRA leader at the time, Sean "
      "MacStiofain, said that the aim of the attacks had been to cause financial damage.\n");
  EXPECT_TRUE(is_person(heading, "Sean MacStiofain")) << listing(heading);
  EXPECT_EQ(by_name(heading, "Sean MacStiofain By June"), nullptr) << listing(heading);
}

// "Kim Jong un" beside "Kim Jong-un": a name word the text writes small stays.
TEST(NameEdges, NameWordWrittenSmallStays) {
  const Extraction x = run(
      "The talks with North Korea's Kim Jong-un resumed this week. North Korean leader Kim Jong Un may allow "
      "a hamburger franchise into the country. President Trump will meet with Kim Jong un on Tuesday.\n");
  const Entity* kim = by_name(x, "Kim Jong-un");
  ASSERT_NE(kim, nullptr) << listing(x);
  EXPECT_TRUE(std::any_of(kim->mentions.begin(), kim->mentions.end(),
                          [](const Mention& m) { return m.text == "Kim Jong Un"; }))
      << listing(x);
}

// A ship's prefix and a known place across the words keep a name whole.
TEST(NameEdges, ShipsAndKnownPlacesStayWhole) {
  const Extraction x = run(
      "The aircraft carrier USS George Washington left port on Monday. Washington said the carrier would "
      "sail north. The San Diego Padres won again, and Diego Herrera said the team was ready.\n");
  EXPECT_EQ(by_name(x, "George Washington"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "Diego Padres"), nullptr) << listing(x);
}

// "the Shiite-dominated Army. Pentagon spokesman ...": where the sentence splitter goes on past a
// full stop, the tagger reads the stop into the name; no name ends in a sign.
TEST(NameEdges, NoNameEndsInAFullStop) {
  const Extraction x = run(
      "US efforts in Iraq have focused mostly on the Shiite-dominated Army. Pentagon spokesman Col. Steve "
      "Warren said so. Obama told reporters, standing next to Suu Kyi. \"It is here where she showed courage.\"\n");
  for (const Entity& e : x.entities) EXPECT_NE(e.name.back(), '.') << listing(x);
  EXPECT_NE(by_name(x, "Army"), nullptr) << listing(x);
}

// "Kim Yo Jong": the tagger reads the ends of a three-word name as two people and the middle word
// as none; the name is one person's, and "the ruling Kim family" is no person at all (else "Kim"
// stands between the family's members the text names in full).
TEST(NameEdges, ThreeWordNameIsOnePersonAndAFamilyIsNone) {
  const Extraction x = run(
      "The regime is run by a small elite, including his powerful sister, Kim Yo Jong. North Korean leader "
      "Kim Jong Un met the envoy on Monday.\n\nHer visit was the first by any member of the ruling Kim "
      "family. Kim Jong Un said the talks went well.\n");
  EXPECT_TRUE(is_person(x, "Kim Yo Jong")) << listing(x);
  EXPECT_EQ(by_name(x, "Jong"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "Kim"), nullptr) << listing(x);
  EXPECT_TRUE(is_person(x, "Kim Jong Un")) << listing(x);
}

// "the Xs" after "A X" in full: the family or the couple, no person and no body.
TEST(NameEdges, SurnameInThePluralIsAFamilyNoEntity) {
  const Extraction x = run(
      "President Walter Brandvold welcomed the envoy to the palace on Tuesday. Later that evening the "
      "Brandvolds hosted a dinner for the delegation.\n");
  EXPECT_TRUE(is_person(x, "Walter Brandvold")) << listing(x);
  EXPECT_EQ(by_name(x, "Brandvolds"), nullptr) << listing(x);
}

// "Xism": a word for a doctrine is no entity, whatever the tagger reads; a longer name ending in one stays.
TEST(NameEdges, DoctrineWordIsNoEntity) {
  const Extraction x = run(
      "Critics of Zionism and of Trumpism gathered in Berlin on Tuesday, where Senator Walter Brandvold, "
      "who leads the Subcommittee on Crime and Terrorism, spoke.\n");
  EXPECT_EQ(by_name(x, "Zionism"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "Trumpism"), nullptr) << listing(x);
  EXPECT_NE(by_name(x, "Subcommittee on Crime and Terrorism"), nullptr) << listing(x);
}

// A demonstrative or quantifier opening a sentence or a quotation is no first word of the name
// after it: the body is "Rural Caucus", not "Several Rural Caucus".
TEST(NameEdges, DeterminerOpeningTheSentenceIsNoPartOfTheName) {
  const Extraction x = run(
      "The bill passed the Senate late on Thursday after a long debate over farm subsidies.\n\n"
      "Several Rural Caucus members said they would still oppose it in the House. \"This Committee has "
      "done its work,\" one of them told reporters.\n");
  EXPECT_EQ(by_name(x, "Several Rural Caucus"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "This Committee"), nullptr) << listing(x);
  const Entity* caucus = by_name(x, "Rural Caucus");
  ASSERT_NE(caucus, nullptr) << listing(x);
  EXPECT_EQ(caucus->type, EntityType::Organisation) << listing(x);
}

// A party label before the name of an office holder the ontology knows is no part of the name,
// even where the tagger's first names lack the given name and the article names the person once.
TEST(NameEdges, PartyLabelBeforeAKnownOfficeHolderIsNoPartOfTheName) {
  const Extraction x = test::run(
      "Republican senators criticised the plan, and Democrat Hillary Clinton called it reckless in a "
      "speech in Denver.\n",
      "2016-10-04");
  EXPECT_EQ(by_name(x, "Democrat Hillary Clinton"), nullptr) << listing(x);
  EXPECT_TRUE(is_person(x, "Hillary Clinton")) << listing(x);
}

// "the U.S. There are ...": the full stop of a country's abbreviation also ends the sentence, and
// the next sentence's first word is no part of the country's name; a body the abbreviation opens
// ("U.S. Army") stays whole.
TEST(NameEdges, AbbreviatedCountryEndingASentenceTakesNoWordOfTheNext) {
  const Extraction x = run(
      "Senator Walter Brandvold said the militia was trained by the U.S. There are also foreign fighters "
      "in the valley, he said.\n\n"
      "The U.S. Army flew the wounded soldier home to the U.S. Brandvold blamed the rebels for the attack.\n");
  EXPECT_EQ(by_name(x, "U.S. There"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "U.S. Brandvold"), nullptr) << listing(x);
  const Entity* us = by_name(x, "United States");
  ASSERT_NE(us, nullptr) << listing(x);
  EXPECT_EQ(us->type, EntityType::Country) << listing(x);
  EXPECT_NE(by_name(x, "U.S. Army"), nullptr) << listing(x);
  const Entity* senator = by_name(x, "Walter Brandvold");
  ASSERT_NE(senator, nullptr) << listing(x);
  EXPECT_EQ(senator->type, EntityType::Person) << listing(x);
  EXPECT_GE(senator->mentions.size(), 2u) << listing(x);
}

// "(Jane Roe/Agency)": a photographer's name the tagger reads in pieces, as places, is still a
// credit and no entity; a name before a slash that the sentence goes on after stays ("the US/NATO
// mission").
TEST(NameEdges, PhotographerReadInPiecesIsNoEntity) {
  const Extraction x = run(
      "The foreign minister met his Iranian counterpart in Manhattan on Friday. (Brenna Odtvald/Reuters)\n\n"
      "Officials said the US/NATO mission in the region would continue through the winter.\n");
  EXPECT_EQ(by_name(x, "Brenna"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "Odtvald"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "Brenna Odtvald"), nullptr) << listing(x);
  EXPECT_NE(by_name(x, "Manhattan"), nullptr) << listing(x);
  EXPECT_NE(by_name(x, "NATO"), nullptr) << listing(x);
}

// "special operations forces (SOF)": an acronym of lower-case words abbreviates a common noun
// phrase and is no entity wherever the document writes it; a name's acronym ("the Free Syrian Army
// (FSA)") stays the name's.
TEST(NameEdges, AcronymOfACommonPhraseIsNoEntity) {
  const Extraction x = run(
      "The Pentagon will send more special operations forces (SOF) to advise Iraqi units, officials said. "
      "The SOF teams will also work with the Free Syrian Army (FSA) in the north.\n\n"
      "The navy said its crews would fly search and rescue (SAR) missions over the flooded coast, and SAR "
      "flights began on Monday.\n");
  EXPECT_EQ(by_name(x, "SOF"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "SAR"), nullptr) << listing(x);
  const Entity* fsa = by_name(x, "Free Syrian Army");
  ASSERT_NE(fsa, nullptr) << listing(x);
  EXPECT_EQ(fsa->mentions.size(), 2u) << listing(x);
}

// "[Jane] Roe": an editor's given name in square brackets that the tagger reads as no person (or
// whose surname it leaves unread) is one person's name with the word after it, where the two are
// an office holder the ontology knows.
TEST(NameEdges, EditorsBracketedGivenNameOfAnOfficeHolderJoinsTheSurname) {
  const Extraction x = test::run(
      "\"I spoke with Prime Minister [Shinzo] Abe this morning about the trade talks,\" the president told "
      "reporters in Washington.\n",
      "2018-03-10");
  EXPECT_EQ(by_name(x, "Shinzo"), nullptr) << listing(x);
  EXPECT_TRUE(is_person(x, "Shinzo Abe")) << listing(x);
}

// "Kim Jong un": the last part of a name written in lower case is the name's where the name with it
// is an office holder the ontology knows; a lower-case word after another name stays out.
TEST(NameEdges, LowerCaseLastPartOfAKnownOfficeHoldersNameIsTheNames) {
  const Extraction x = test::run(
      "South Korean officials said Kim Jong un would travel to the border village on Friday, and Walter "
      "Brandvold said un-named aides were preparing the talks.\n",
      "2018-04-20");
  EXPECT_EQ(by_name(x, "Kim Jong"), nullptr) << listing(x);
  EXPECT_TRUE(is_person(x, "Kim Jong Un")) << listing(x);
}

// "Abu Bakr al-Baghdadi" (real name): a kunya opens a person's name, however the tagger split it
// (here "Abu" a person and the rest an organisation); the surname written alone later is the same
// person.
TEST(NameEdges, KunyaOpensAPersonsName) {
  const Extraction x = test::run(
      "Praise came quickly once the White House confirmed on Sunday that US forces had killed ISIS chief Abu "
      "Bakr al-Baghdadi. The president said Baghdadi died \"like a coward\" in the raid.\n",
      "2019-10-27");
  EXPECT_EQ(by_name(x, "Abu"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "Bakr al-Baghdadi"), nullptr) << listing(x);
  const Entity* e = by_name(x, "Abu Bakr al-Baghdadi");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Person) << listing(x);
  EXPECT_EQ(e->mentions.size(), 2u) << listing(x);
}

// A post quoted in capitals: a word of it the tagger reads as a name ("THE LIKES OF WHICH", "BE
// CAUTIOUS!") is shouted, no name; a name the ontology knows stays ("THE UNITED STATES").
TEST(NameEdges, NameReadInsideShoutedWordsIsNoEntity) {
  const Extraction x = test::run(
      "President Donald Trump warned Iran's leaders in a late-night post on Sunday: \"NEVER THREATEN THE "
      "UNITED STATES AGAIN OR YOU WILL FACE CONSEQUENCES THE LIKES OF WHICH FEW HAVE EVER SEEN. WE WILL NOT "
      "STAND FOR YOUR WORDS OF HATE. BE CAUTIOUS!\"\n\n"
      "Iranian officials did not respond to the post on Monday.\n",
      "2018-07-23");
  EXPECT_EQ(by_name(x, "LIKES"), nullptr) << listing(x);
  EXPECT_EQ(by_name(x, "BE CAUTIOUS"), nullptr) << listing(x);
  EXPECT_NE(by_name(x, "United States"), nullptr) << listing(x);
  EXPECT_TRUE(is_person(x, "Donald Trump")) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract
