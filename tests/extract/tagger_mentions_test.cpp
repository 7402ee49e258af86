// Tagger-first mentions: the statistical tagger's names are the mentions; gazetteers and rules
// type, extend and link them, and veto only on evidence. Each test runs the whole pipeline
// (cleaner, tagger, rules, resolution) on wire-style text written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

using test::by_mention;
using test::listing;

// Wire copy of the CoNLL-2003 period: the date decides who holds an office.
Extraction run(const std::string& text) { return test::run(text, "1996-08-30"); }

void expect_entity(const Extraction& x, const std::string& mention, EntityType type) {
  const Entity* e = by_mention(x, mention);
  ASSERT_NE(e, nullptr) << "no mention '" << mention << "' in:\n" << listing(x);
  EXPECT_EQ(e->type, type) << mention << " in:\n" << listing(x);
}

// The tagger reads "Syria Staffan de Mistura" as one place; the country and the person's full
// name are two entities side by side, and one node holding both would send a graph user wrong.
TEST(TaggerMentions, CountryBeforeAPersonsFullNameStaysApart) {
  const Extraction x = run(
      "The UN envoy to Syria Staffan de Mistura warned that the battle for Aleppo could be a long one.\n");
  expect_entity(x, "Syria", EntityType::Country);
  expect_entity(x, "Staffan de Mistura", EntityType::Person);
  EXPECT_EQ(by_mention(x, "Syria Staffan de Mistura"), nullptr) << listing(x);
}

// A capitalised direction before a continent or a city names a region of its own, which annotators
// and readers keep apart from the whole; before a country it narrows the country, which stays the
// party of its relations.
TEST(TaggerMentions, ACompassWordMakesARegionOfAContinentNotOfACountry) {
  const Extraction x = run("Diplomats from Western Europe and East Asia met in Geneva as fighting in Eastern Ukraine went on.\n");
  const Entity* europe = by_mention(x, "Western Europe");
  ASSERT_NE(europe, nullptr) << listing(x);
  EXPECT_EQ(europe->name, "Western Europe") << listing(x);
  const Entity* asia = by_mention(x, "East Asia");
  ASSERT_NE(asia, nullptr) << listing(x);
  EXPECT_EQ(asia->name, "East Asia") << listing(x);
  const Entity* ukraine = by_mention(x, "Eastern Ukraine");
  ASSERT_NE(ukraine, nullptr) << listing(x);
  EXPECT_EQ(ukraine->name, "Ukraine") << listing(x);
}

// A capitalised sentence opener that the article also writes in lower case, and never
// capitalises inside a sentence, is a common word; a surname it capitalises inside stays a name.
TEST(TaggerMentions, CommonWordOpeningASentenceIsNoName) {
  const Extraction x = run(
      "The senator called the deal a failure of American diplomacy on Sunday .\n"
      "Epic , epic fail , he wrote on Twitter after the vote .\n"
      "Almost all of the senators were in the room , and almost none of them spoke .\n"
      "Senator Rand Paul voted against it . Paul said the vote was a mistake .\n");
  EXPECT_EQ(by_mention(x, "Epic"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Almost"), nullptr) << listing(x);
  expect_entity(x, "Rand Paul", EntityType::Person);
}

// A sentence adverb opening a sentence, which the tagger reads as a person ("Luckily", "Sadly"),
// is no one when the article never capitalises it inside a sentence; a surname that opens one
// sentence and stands inside another ("The plan, Lavrentiev added") stays a person.
TEST(TaggerMentions, LoneWordOnlyOpeningSentencesIsNoPerson) {
  const Extraction x = run(
      "The two leaders spoke for an hour on Tuesday about the stalled talks.\n\n"
      "Luckily, analysts do not expect the summit to collapse, and the envoy said on Wednesday that talks would resume.\n\n"
      "Pointedly, the president declined to discuss the timing of any strike on the camps.\n\n"
      "Sadly, the meeting ended without an agreement, a spokesman for the ministry said.\n\n"
      "Lavrentiev said on Friday the talks would resume. The plan, Lavrentiev added, had the support of the ministry.\n");
  EXPECT_EQ(by_mention(x, "Luckily"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Pointedly"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Sadly"), nullptr) << listing(x);
  expect_entity(x, "Lavrentiev", EntityType::Person);
}

// A surname that only ever opens sentences is still a person when a verb follows it: the subject
// of "will also meet" or "met" (CoNLL-style Reuters copy names a premier so, sentence after sentence).
TEST(TaggerMentions, LoneOpeningWordBeforeAVerbStaysAPerson) {
  const Extraction x = run(
      "Prodi will also meet President Suleyman Demirel and Foreign Minister Tansu Ciller , an aide said .\n");
  expect_entity(x, "Prodi", EntityType::Person);
  bool met = false;
  for (const auto& r : x.relations) met = met || r.type == RelationType::MetWith;
  EXPECT_TRUE(met) << listing(x);
}

// Two names the tagger reads either side of a possessive stay two where the first owns a place:
// a province's town.
TEST(TaggerMentions, OwnerBeforeAPossessiveKeepsItsOwnName) {
  const Extraction x = run(
      "The plant is in Alberta 's Morinville , north of Edmonton .\n");
  expect_entity(x, "Morinville", EntityType::Location);
  EXPECT_EQ(by_mention(x, "Alberta 's Morinville"), nullptr) << listing(x);
}

// A name with a possessive inside is one place: "St. Peter's" at the end of a sentence, "St. James's
// Palace", "Martha's Vineyard" where the article names Martha nowhere else; no piece of it is a person.
TEST(TaggerMentions, NameWithAPossessiveInsideIsOnePlace) {
  const Extraction x = run(
      "He explained the plan on Monday.\n\n"
      "Trump is planning to tour St. Peter's. He will also meet the Italian president in Rome.\n\n"
      "Obama left for a two-week vacation with his family in Martha\u2019s Vineyard.\n\n"
      "The bomb went off near St. James\u2019s Palace on Sunday.\n");
  expect_entity(x, "St. Peter's", EntityType::Location);
  expect_entity(x, "Martha\u2019s Vineyard", EntityType::Location);
  expect_entity(x, "St. James\u2019s Palace", EntityType::Location);
  for (const char* piece : {"St.", "Peter's", "Martha", "Vineyard"}) EXPECT_EQ(by_mention(x, piece), nullptr) << piece << " in:\n" << listing(x);
}

// A one-word name the article also writes in lower case is a common word with a capital
// ("Terrorism" and "terrorism", "the Center" and "the center"); a name with a capital inside
// ("al-Qaida") is no such word.
TEST(TaggerMentions, CapitalisedCommonWordIsNoName) {
  const Extraction x = run(
      "The senator spoke at a rally in Ohio on Monday.\n\n"
      "He said the fight against Terrorism would go on, and that terrorism had no place in the region.\n\n"
      "The report by the Center was released on Friday. The center said Iran had broken the deal.\n\n"
      "Officials said al-Qaida had claimed the attack.\n");
  EXPECT_EQ(by_mention(x, "Terrorism"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Center"), nullptr) << listing(x);
  expect_entity(x, "Iran", EntityType::Country);
  ASSERT_NE(by_mention(x, "al-Qaida"), nullptr) << listing(x);
}

// Names read only in lines in title case (a headline, a byline) whose last word the story never
// capitalises in its sentences are pieces of the headline or journalists; a name the story goes on
// to use ("Putin said") stays, and so does a list of names with commas (a line-up).
TEST(TaggerMentions, NamesOnlyInTitleCaseLinesAreNoEntities) {
  const Extraction x = run(
      "Envoy Quietly Conducts Shadow Diplomacy Before Summit\n\n"
      "Marla Denholm and Peter Vostrikov\n\n"
      "WASHINGTON - The envoy met officials in Geneva on Tuesday to prepare the summit, the State Department said.\n\n"
      "President Putin Meets Trump Amid Growing Tensions\n\n"
      "Putin said on Monday that the meeting would take place in Helsinki.\n\n"
      "Ireland : Given , Breen , Staunton , Irwin , McAteer , Harte , Quinn .\n");
  for (const char* junk : {"Quietly", "Shadow Diplomacy", "Marla Denholm", "Peter Vostrikov", "Growing Tensions"})
    EXPECT_EQ(by_mention(x, junk), nullptr) << junk << " in:\n" << listing(x);
  EXPECT_NE(by_mention(x, "Putin"), nullptr) << listing(x);
  EXPECT_NE(by_mention(x, "Staunton"), nullptr) << listing(x);
}

// A hyphenated name with lower-case particles inside is a name ("Inzamam-ul-Haq"); a hyphenated
// word whose later parts are lower case stays an ordinary word ("Long-term").
TEST(TaggerMentions, HyphenatedNameWithParticlesIsAName) {
  const Extraction x = run(
      "Pakistan captain Wasim Akram praised Inzamam-ul-Haq after the match in Lahore on Sunday .\n"
      "Long-term contracts were offered to Ata-ur-Rehman and two other bowlers .\n");
  expect_entity(x, "Inzamam-ul-Haq", EntityType::Person);
  expect_entity(x, "Ata-ur-Rehman", EntityType::Person);
  EXPECT_EQ(by_mention(x, "Long-term"), nullptr) << listing(x);
}

TEST(TaggerMentions, PlaceInsideAnOrganisationNameStaysInside) {
  const Extraction x = run(
      "Air France said on Tuesday it would add three weekly flights to Montreal from the spring .\n"
      "Paris St Germain beat Dynamo Moscow 2-0 in a friendly in the French capital on Sunday .\n");
  expect_entity(x, "Air France", EntityType::Organisation);
  expect_entity(x, "Paris St Germain", EntityType::Organisation);
  expect_entity(x, "Dynamo Moscow", EntityType::Organisation);
  EXPECT_EQ(by_mention(x, "France"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Moscow"), nullptr) << listing(x);
}

TEST(TaggerMentions, LongOrganisationNameIsOneOrganisation) {
  const Extraction x = run(
      "The Organisation for Security and Cooperation in Europe will send 200 monitors to watch the "
      "elections next month , a spokesman for the mission said on Friday .\n");
  expect_entity(x, "Organisation for Security and Cooperation in Europe", EntityType::Organisation);
  EXPECT_EQ(by_mention(x, "Security"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Europe"), nullptr) << listing(x);
}

// An institution's head word, "on" or "for" (with an article after it), and what it is for,
// with its parts joined by "and", are one organisation, whatever pieces the tagger reads; a
// person met before stays the other party after "and".
TEST(TaggerMentions, InstitutionNameGoesOnOverArticleAndConjunction) {
  const Extraction a = run(
      "Mara Jensen , the senior Democrat on the House Committee on Fisheries and Coastal Affairs , said on "
      "Friday that the report was late .\n");
  expect_entity(a, "House Committee on Fisheries and Coastal Affairs", EntityType::Organisation);
  EXPECT_EQ(by_mention(a, "Coastal Affairs"), nullptr) << listing(a);
  const Extraction b = run("The prize was handed out at the Halvorsen Center for the Maritime Arts in Bergen on Friday .\n");
  expect_entity(b, "Halvorsen Center for the Maritime Arts", EntityType::Organisation);
  EXPECT_EQ(by_mention(b, "Maritime Arts"), nullptr) << listing(b);
  const Extraction c = run(
      "Lawyers for Mara Jensen said talks between the Department of Justice and Jensen 's lawyers had not begun .\n");
  expect_entity(c, "Department of Justice", EntityType::Organisation);
}

// A company the organisations list knows is an organisation, though the tagger reads a person
// before "said" (ontology/lexicon/organisations.tsv).
TEST(TaggerMentions, KnownCompanyIsNoPerson) {
  const Extraction x = run(
      "Rosoboronexport said on Friday it would sell more helicopters , and Lockheed Martin said its jets were late .\n");
  expect_entity(x, "Rosoboronexport", EntityType::Organisation);
  expect_entity(x, "Lockheed Martin", EntityType::Organisation);
}

TEST(TaggerMentions, SpeechVerbDoesNotMakeAnOrganisationAPerson) {
  const Extraction x = run(
      "The Federal Reserve said on Thursday it would keep interest rates on hold for the rest of the year .\n"
      "Standard & Poor 's said it had lowered its rating of the city 's bonds after the budget vote .\n");
  expect_entity(x, "Federal Reserve", EntityType::Organisation);
  expect_entity(x, "Standard & Poor", EntityType::Organisation);
  EXPECT_EQ(by_mention(x, "Standard"), nullptr) << listing(x);
}

// Words capitalised by their place, with a speech verb after them, are no names when the
// tagger sees none there: "Like I said", "Eyewitnesses told".
TEST(TaggerMentions, SpeechVerbAloneMakesNoName) {
  const Extraction x = run(
      "\" Like I said many times , I think it is a very small chance , \" Edberg said after the match .\n"
      "Eyewitnesses told local television stations they saw a fuel truck explode near the gate .\n");
  expect_entity(x, "Edberg", EntityType::Person);
  for (const char* junk : {"I", "Like I", "Eyewitnesses"}) EXPECT_EQ(by_mention(x, junk), nullptr) << junk << " in:\n" << listing(x);
}

// A place's mention is its name: "northern Iraq" and "the West Bank" name Iraq and the West Bank.
TEST(TaggerMentions, PlaceMentionLeavesDirectionAndArticleOut) {
  const Extraction x = run(
      "Iraqi troops were fighting in northern Iraq on Saturday , while thousands of Palestinians in the "
      "West Bank observed a strike .\n");
  expect_entity(x, "Iraq", EntityType::Country);
  ASSERT_NE(by_mention(x, "West Bank"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "northern Iraq"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "the West Bank"), nullptr) << listing(x);
}

// Two names joined by a word are two mentions when the tagger reads two names.
TEST(TaggerMentions, NamesJoinedByAWordStayApart) {
  const Extraction x = run(
      "\" It was a tight race , \" said economist Lynn Reaser of Barnett Banks Inc. in Jacksonville .\n");
  expect_entity(x, "Lynn Reaser", EntityType::Person);
  expect_entity(x, "Barnett Banks Inc.", EntityType::Organisation);
  EXPECT_EQ(by_mention(x, "Lynn Reaser of Barnett Banks Inc."), nullptr) << listing(x);
}

// A name the gazetteer and the rules left in pieces is one mention: "China Daily" is a newspaper,
// not China and a stray "Daily".
TEST(TaggerMentions, NameLeftInPiecesIsJoined) {
  const Extraction x = run(
      "The plant will be built in Tianjin city in northern China , the China Daily said on Saturday .\n");
  expect_entity(x, "China Daily", EntityType::Organisation);
  expect_entity(x, "China", EntityType::Country);
  EXPECT_EQ(by_mention(x, "Daily"), nullptr) << listing(x);
}

// One name, one type: the type most of its mentions carry, whatever the first one was read as
// ("detained Wang" reads as a place to the tagger; the man is named twice more).
TEST(TaggerMentions, EntityTakesTheTypeMostMentionsCarry) {
  const Extraction x = run(
      "Police detained Wang on Friday and would not let his family meet him , the group said .\n"
      "Wang was jailed for two years in 1990 for organising street protests .\n"
      "Wang 's family could not immediately be reached for comment .\n");
  expect_entity(x, "Wang", EntityType::Person);
}

// A results line is article text: it is kept and its names are tagged.
TEST(TaggerMentions, ResultsLineIsKeptAndTagged) {
  const Extraction x = run(
      "CRICKET - ENGLISH COUNTY CHAMPIONSHIP RESULTS .\n"
      "LONDON 1996-08-30\n"
      "Leicestershire beat Somerset by an innings and 39 runs\n"
      "Red Star ( Yugoslavia ) beat Dinamo ( Russia ) 92-90\n");
  expect_entity(x, "Leicestershire", EntityType::Organisation);
  expect_entity(x, "Somerset", EntityType::Organisation);
  expect_entity(x, "Red Star", EntityType::Organisation);
  ASSERT_NE(by_mention(x, "Yugoslavia"), nullptr) << listing(x);
}

// A state the tagger reads as a team is the team in a sports report, and the state in news
// ("an Oregon hotelier"): the tagger learnt its reading from results lines.
TEST(TaggerMentions, StateReadAsATeamIsTheStateOutsideSportsReports) {
  const Extraction sports = run(
      "BASEBALL - MAJOR LEAGUE RESULTS .\n"
      "NEW YORK 1996-08-30\n"
      "Results of Major League Baseball games played on Thursday ( home team in CAPS ) :\n"
      "American League\n"
      "DETROIT 4 Kansas City 1\n"
      "Minnesota 6 MILWAUKEE 1\n");
  expect_entity(sports, "Minnesota", EntityType::Organisation);
  const Extraction news = run(
      "Gordon Sondland, an Oregon hotelier who gave $1 million to the inaugural fund, testified on "
      "Wednesday before the committee.\n");
  expect_entity(news, "Oregon", EntityType::Location);
}

// An adverb or a participle opening a sentence is no organisation or place whatever the tagger
// reads ("Likely, ...", "Essentially, ...", "Based on ..."); a list of companies opening one is.
TEST(TaggerMentions, OpeningAdverbIsNoOrganisationButAListOfCompaniesIs) {
  const Extraction x = run(
      "The talks may drag on, he said. \"Likely, Putin will collaborate with Assad on this,\" Mr. Maginnis "
      "said. Essentially, Kim is now in demand. Look, there has to be a reason. Based on the anger, Pyongyang "
      "will respond.\n\nThe attack paralyzed computer systems. FedEx, Maersk and Merck were hit.\n");
  for (const char* word : {"Likely", "Essentially", "Look", "Based"})
    EXPECT_EQ(by_mention(x, word), nullptr) << word << "\n" << listing(x);
  expect_entity(x, "FedEx", EntityType::Organisation);
}

// "the Constitution" is a charter, no entity of the model's types; names that hold the word stay.
TEST(TaggerMentions, ConstitutionAloneIsNoEntity) {
  const Extraction x = run(
      "The president has taken an oath to uphold the Constitution. He spoke at the National Constitution "
      "Center in Philadelphia on Monday, and the Constitution Party criticised the speech.\n");
  EXPECT_EQ(by_mention(x, "Constitution"), nullptr) << listing(x);
  expect_entity(x, "National Constitution Center", EntityType::Organisation);
  expect_entity(x, "Constitution Party", EntityType::Organisation);
}

// A word opening a quotation is capitalised like one opening a sentence: when the article also
// writes it in lower case, it is a common word ("Part of that ..."), not a person.
TEST(TaggerMentions, CommonWordOpeningAQuotationIsNoName) {
  const Extraction x = run(
      "\u201cPart of that is not a full appreciation of the threat,\u201d Obama said on Saturday.\n"
      "The president said that part of the problem was the army itself.\n"
      "He added, \"Peace is possible,\" before he left, and spoke of peace again later.\n");
  EXPECT_EQ(by_mention(x, "Part"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Peace"), nullptr) << listing(x);
  expect_entity(x, "Obama", EntityType::Person);
}

// A name ending in a word for a kind of site (river, garden, room, tower, cemetery, building) is a
// place, whoever the tagger thought it was.
TEST(TaggerMentions, NameEndingInAKindOfSiteIsAPlace) {
  const Extraction x = run(
      "Trump spoke in the Rose Garden on Monday after meeting his cabinet in the Roosevelt Room.\n"
      "Kurdish fighters pushed the militants back across the Euphrates River, officials said.\n"
      "He later returned to Trump Tower in New York.\n");
  expect_entity(x, "Rose Garden", EntityType::Location);
  expect_entity(x, "Roosevelt Room", EntityType::Location);
  expect_entity(x, "Euphrates River", EntityType::Location);
  expect_entity(x, "Trump Tower", EntityType::Location);
}

// A title-case line says nothing about names by its case: the tagger alone reads it, and a word
// the article writes in lower case elsewhere is no name there ("Deal", "Dumb"); a person named in
// the line stays a person.
TEST(TaggerMentions, TitleCaseLineIsReadByTheTaggerAlone) {
  const Extraction x = run(
      "Trump Walked Away From A Dumb Deal With Kim Jong Un\n"
      "President Donald Trump said on Thursday that the deal on offer in Hanoi was a bad deal, and that "
      "it would have been dumb to sign it.\n");
  EXPECT_EQ(by_mention(x, "Deal"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Dumb"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Trump Walked"), nullptr) << listing(x);
  expect_entity(x, "Donald Trump", EntityType::Person);
}

// Words that are never a name alone, whoever reads them as one: an indefinite pronoun opening a
// quotation, the first word of a title read apart from it, "the two Koreas" (word list not_an_entity).
TEST(TaggerMentions, WordThatIsNeverANameAloneIsDropped) {
  const Extraction x = run(
      "\u201cSomething has to be done,\u201d the president also said.\n"
      "U.S. President Donald Trump meets with China's Vice Premier Liu He in the Oval Office.\n"
      "The meeting at Panmunjom, on the border of the two Koreas, was a dramatic turn.\n");
  EXPECT_EQ(by_mention(x, "Something"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Vice"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Koreas"), nullptr) << listing(x);
  expect_entity(x, "Liu He", EntityType::Person);
  expect_entity(x, "Panmunjom", EntityType::Location);
}

// A common noun for a kind of body alone, capitalised, names no entity: the rest of its name is
// missing ("the University" of a story that never says which; word list not_an_entity).
TEST(TaggerMentions, CommonNounForABodyAloneIsDropped) {
  const Extraction x = run(
      "The two leaders met on Friday.\n\n"
      "A spokesman declined to comment, and the University said nothing about the visit.\n");
  EXPECT_EQ(by_mention(x, "University"), nullptr) << listing(x);
}

// A broadcast news programme is an organisation named whole, as outlets are (organisations.tsv,
// kind programme): not "Nation" alone.
TEST(TaggerMentions, NewsProgrammeIsOneOrganisation) {
  const Extraction x = run(
      "The minister spoke on Sunday.\n\n"
      "The senator said on \u201cFace the Nation\u201d that the talks would go on.\n");
  expect_entity(x, "Face the Nation", EntityType::Organisation);
  EXPECT_EQ(test::by_name(x, "Nation"), nullptr) << listing(x);
}

// A legislator's party and state after the name name no one, the state in full as much as its
// code ("Sen. James Inhofe, R-Oklahoma, said on CNN").
TEST(TaggerMentions, PartyAndStateAfterALegislatorAreNoName) {
  const Extraction x = run(
      "\"The president is just flat not telling the truth,\" Sen. James Inhofe, R-Oklahoma, said on CNN.\n"
      "Rep. Adam Kinzinger, R-Ill., agreed with him.\n");
  EXPECT_EQ(by_mention(x, "R-Oklahoma"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "R-Ill."), nullptr) << listing(x);
  expect_entity(x, "James Inhofe", EntityType::Person);
}

// The newspaper in a byline is the newspaper, not the country and a time word ("USA TODAY").
TEST(TaggerMentions, NewspaperInABylineIsTheNewspaper) {
  const Extraction x = run(
      "David Jackson\nUSA TODAY\nWASHINGTON \u2014 President Trump said on Tuesday that he would meet Kim Jong Un.\n"
      "In a statement to USA TODAY, a former Chairman of the Joint Chiefs of Staff disagreed.\n");
  const Entity* e = by_mention(x, "USA TODAY");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Organisation) << listing(x);
  EXPECT_EQ(e->name, "USA Today") << listing(x);
  EXPECT_EQ(by_mention(x, "USA"), nullptr) << listing(x);
}

// A direction before a word no gazetteer knows is part of the place's name ("the South Lawn", "the
// U.S. West Coast"), not a stray word before a place called "Lawn"; an institution stays one
// ("U.S. Central Command").
TEST(TaggerMentions, DirectionAndAWordNameAPlace) {
  const Extraction x = run(
      "\"I don't know those gentlemen,\" Trump told reporters on the South Lawn of the White House in October.\n"
      "It fired a ballistic missile resembling a type that could reach the U.S. West Coast, officials said.\n");
  expect_entity(x, "South Lawn", EntityType::Location);
  expect_entity(x, "West Coast", EntityType::Location);
  EXPECT_EQ(by_mention(x, "Lawn"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Coast"), nullptr) << listing(x);
}

// "Group of 20" is one name, the forum's, as news writes it, and its acronym is the same node:
// no stray "Group" before a number.
TEST(TaggerMentions, ForumNamedWithItsNumberIsOneName) {
  const Extraction x = run(
      "Obama told reporters that there was broad support at a just-concluded Group of 20 meeting for "
      "economic assistance.\nThe G-20 leaders also discussed trade.\n");
  const Entity* e = by_mention(x, "Group of 20");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->name, "Group of 20") << listing(x);
  EXPECT_EQ(by_mention(x, "Group"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "G-20 leaders"), e) << listing(x);
}

// The fields of an office after "Secretary of" (word list portfolio) end the title, not begin the
// name the tagger reads on into: "Energy Ernest Moniz" is Ernest Moniz.
TEST(TaggerMentions, FieldOfAnOfficeIsNoPartOfTheNameAfterIt) {
  const Extraction x = test::run(
      "U.S. Secretary of Energy Ernest Moniz met Iran's nuclear chief in Lausanne on Monday to narrow the remaining gaps.\n\n"
      "The delegation was led by Secretary of Commerce Gina Raimondo, who arrived in Beijing on Sunday.\n",
      "2015-03-16");
  expect_entity(x, "Ernest Moniz", EntityType::Person);
  expect_entity(x, "Gina Raimondo", EntityType::Person);
  EXPECT_EQ(by_mention(x, "Energy Ernest Moniz"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Commerce Gina Raimondo"), nullptr) << listing(x);
}

// The name may start after the first fields already: "Minister of Defence and [Aviation Prince Sultan]",
// "Minister of Trade and [Industry Tungky Ariwibowo]" (bench reading, issue 12).
TEST(TaggerMentions, LaterFieldOfAnOfficeIsNoPartOfTheNameAfterIt) {
  const Extraction x = test::run(
      "Specter met Crown Prince Abdullah and Minister of Defence and Aviation Prince Sultan in Jeddah , Saudi state "
      "television reported .\n\n"
      "In Jakarta , Tsang will meet President Suharto and Minister of Trade and Industry Tungky Ariwibowo .\n",
      "1996-08-26");
  EXPECT_EQ(by_mention(x, "Aviation Prince Sultan"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Industry Tungky Ariwibowo"), nullptr) << listing(x);
  expect_entity(x, "Tungky Ariwibowo", EntityType::Person);
}

// A party label glued to a full name the article writes elsewhere ("Democrat Hillary Clinton") is
// that person, not an organisation of its own.
TEST(TaggerMentions, PartyLabelBeforeAFullNameIsNoPartOfIt) {
  const Extraction x = test::run(
      "Hillary Clinton spoke to supporters in Ohio on Tuesday.\n\n"
      "The rally drew thousands, and Democrat Hillary Clinton promised to return before the vote.\n",
      "2016-10-04");
  EXPECT_EQ(by_mention(x, "Democrat Hillary Clinton"), nullptr) << listing(x);
  const Entity* e = by_mention(x, "Hillary Clinton");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Person);
  int people = 0;
  for (const Entity& o : x.entities) people += o.type == EntityType::Person;
  EXPECT_EQ(people, 1) << listing(x);
}

// The tagger cuts a name whose given name is new to it: "Carla" and "Humud" as two organisations
// around a middle initial, "Luigi" as an organisation before the person "Di Maio". In running text
// a word, an initial and a word, or a word straight before a person's name, are one person.
TEST(TaggerMentions, PersonsNameCutByTheTaggerIsOneName) {
  const Extraction x = test::run(
      "The study was written by researchers Carla E. Humud and Derek E. Mix of the Congressional Research Service.\n\n"
      "From left, Italy\u2019s Luigi Di Maio, Germany\u2019s Heiko Maas and France's Jean-Yves Le Drian attend the meeting in Brussels.\n",
      "2020-01-10");
  expect_entity(x, "Carla E. Humud", EntityType::Person);
  expect_entity(x, "Derek E. Mix", EntityType::Person);
  expect_entity(x, "Luigi Di Maio", EntityType::Person);
  EXPECT_EQ(by_mention(x, "Carla"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Luigi"), nullptr) << listing(x);
  expect_entity(x, "Congressional Research Service", EntityType::Organisation);
}

// The join stops at an organisation: a news agency the gazetteer knows before a person's name, and
// a company's name after a word the tagger reads as a person.
TEST(TaggerMentions, CutNameJoinStopsAtOrganisations) {
  const Extraction x = test::run(
      "The sale of its North American seating business allows it to better compete with Johnson Controls Inc and Lear "
      "Corp, the company said on Monday.\n\n"
      "Yeltsin visits wife Naina in hospital, Itar-Tass said on Friday.\n",
      "1996-08-30");
  for (const Entity& e : x.entities)
    if (e.type == EntityType::Person) {
      EXPECT_EQ(e.name.find("Controls"), std::string::npos) << listing(x);
      EXPECT_EQ(e.name.find("Tass"), std::string::npos) << listing(x);
    }
}

// A member of a force that the tagger reads as a person ("a retired Marine", "2,200 Marines") is no
// one's name; a surname of the same spelling written before its given name stays a person.
TEST(TaggerMentions, ServiceMemberIsNoPerson) {
  const Extraction x = test::run(
      "The president met a retired Marine who now runs a veterans charity in Ohio.\n\n"
      "About 2,200 Marines and a helicopter unit will arrive in Darwin next month, the Pentagon said.\n\n"
      "Author(s): Sailor, Perry\n",
      "2019-08-01");
  EXPECT_EQ(by_mention(x, "Marine"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Marines"), nullptr) << listing(x);
  expect_entity(x, "Sailor", EntityType::Person);
  expect_entity(x, "Darwin", EntityType::Location);
}

// A person's name of several words each of which the article also writes in lower case is a phrase
// in title case (a slogan, a programme), not anyone's name; a real full name beside it stays.
TEST(TaggerMentions, TitleCasePhraseOfCommonWordsIsNoPerson) {
  const Extraction x = test::run(
      "Protesters held a sign reading \"Go Home\" outside the embassy, and Mayor Ellen Ravitch met them.\n\n"
      "The crowd told the envoy to go home, and the mayor said they would home in on border security.\n\n"
      "Border Security, the president said, is his first priority.\n",
      "2019-08-01");
  EXPECT_EQ(by_mention(x, "Go Home"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Border Security"), nullptr) << listing(x);
  expect_entity(x, "Ellen Ravitch", EntityType::Person);
}

// "bin" means "son of": the parts either side are one person's name whatever types the tagger gave
// them, and an aircraft's call sign or a slogan holding a listed phrase is no entity.
TEST(TaggerMentions, PatronymicJoinsANameAndCallSignsAreNoEntities) {
  const Extraction x = test::run(
      "The administration blamed the Taliban for harboring al Qaeda, including Osama bin Laden, and went to war.\n\n"
      "The president flew aboard Air Force One to Florida, where he attacked the Fake News Media again.\n",
      "2019-08-01");
  expect_entity(x, "Osama bin Laden", EntityType::Person);
  EXPECT_EQ(by_mention(x, "Osama"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Air Force One"), nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Fake News Media"), nullptr) << listing(x);
  expect_entity(x, "Florida", EntityType::Location);
}

// A "Center" the tagger reads as an organisation is a think tank; with a venue word before its head
// it is a site.
TEST(TaggerMentions, ResearchCenterIsAnOrganisationConventionCenterAPlace) {
  const Extraction x = test::run(
      "A survey by the Pew Research Center found that support for the deal fell in March.\n\n"
      "The summit will be held at the Atlapa Convention Center in Panama City next week.\n",
      "2019-08-01");
  expect_entity(x, "Pew Research Center", EntityType::Organisation);
  expect_entity(x, "Atlapa Convention Center", EntityType::Location);
}

// "Jr." after a name is part of it: the son is not the father, and a later bare surname after the
// father's full name is the father.
TEST(TaggerMentions, GenerationalSuffixKeepsTheSonApart) {
  const Extraction x = test::run(
      "Prior to the election, Donald Trump Jr. recalls a meeting with a lawyer. An attorney representing "
      "Trump Jr. confirmed it.\n\nPresident Donald Trump said nothing. Trump later praised the lawyer.\n",
      "2019-08-01");
  const Entity* son = by_mention(x, "Donald Trump Jr.");
  ASSERT_NE(son, nullptr) << listing(x);
  EXPECT_EQ(son->name, "Donald Trump Jr.") << listing(x);
  EXPECT_EQ(by_mention(x, "Trump Jr."), son) << listing(x);
  EXPECT_EQ(by_mention(x, "Jr."), nullptr) << listing(x);
  const Entity* father = by_mention(x, "Donald Trump");
  ASSERT_NE(father, nullptr) << listing(x);
  EXPECT_NE(father, son) << listing(x);
}

// "the House" alone is the chamber the text names "House of ..."; the "White House" is not it, and
// a name headed by the chamber word is an organisation, not a place.
TEST(TaggerMentions, HouseAloneIsTheChamberNamedInFull) {
  const Extraction x = test::run(
      "WASHINGTON (Reuters) - The U.S. House of Representatives voted on Tuesday to censure the official.\n\n"
      "The White House said it would not comment. The House will vote again on Friday.\n",
      "2019-08-01");
  const Entity* chamber = by_mention(x, "U.S. House of Representatives");
  ASSERT_NE(chamber, nullptr) << listing(x);
  EXPECT_EQ(chamber->type, EntityType::Organisation) << listing(x);
  EXPECT_EQ(by_mention(x, "House"), chamber) << listing(x);
  EXPECT_NE(by_mention(x, "White House"), chamber) << listing(x);
}

// One person's full name written with and without its hyphen in one article is one entity, named
// as the article first writes it.
TEST(TaggerMentions, HyphenatedAndSpacedFullNameAreOnePerson) {
  const Extraction x = test::run(
      "The president praised talks with North Korea's Kim Jong-un this week.\n\n"
      "North Korean leader Kim Jong Un may allow a hamburger franchise, officials said.\n",
      "2018-06-10");
  const Entity* kim = by_mention(x, "Kim Jong-un");
  ASSERT_NE(kim, nullptr) << listing(x);
  EXPECT_EQ(by_mention(x, "Kim Jong Un"), kim) << listing(x);
  EXPECT_EQ(kim->name, "Kim Jong-un") << listing(x);
}

// "X in Country A": a name read as a person that GeoNames knows as a city of that very country is the city.
TEST(TaggerMentions, CityBeforeItsOwnCountryIsAPlace) {
  const Extraction x = run("The militants took Ramadi in Iraq last spring and held the town for a year.\n");
  const Entity* e = by_mention(x, "Ramadi");
  ASSERT_NE(e, nullptr) << listing(x);
  EXPECT_EQ(e->type, EntityType::Location) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract

namespace kgraph::extract {
namespace {

// A law, a treaty or a prize is a document, no entity of the model's types, whatever the tagger
// reads in its name (a person for "Logan Act", an organisation for "INF Treaty"); so is the name
// the tagger cut short before the word ("Affordable Care" of "Affordable Care Act"). The people
// and places of the same sentences stay.
TEST(TaggerMentions, LawsTreatiesAndPrizesAreNoEntities) {
  const Extraction x = test::run(
      "Legal experts said Flynn could in theory be charged under the 1799 Logan Act.\n\n"
      "The president again promised to repeal the Affordable Care Act on Tuesday.\n\n"
      "Russia has violated the INF Treaty for years, Pompeo told reporters in Brussels.\n\n"
      "Obama was awarded the Nobel Peace Prize less than nine months into his presidency.\n",
      "2018-12-05");
  for (const char* name : {"Logan Act", "Affordable Care Act", "Affordable Care", "INF Treaty", "Nobel Peace Prize"})
    EXPECT_EQ(by_mention(x, name), nullptr) << name << "\n" << listing(x);
  expect_entity(x, "Flynn", EntityType::Person);
  expect_entity(x, "Pompeo", EntityType::Person);
  expect_entity(x, "Brussels", EntityType::Location);
}

// Words for a people, a faith or a region and names made of them only ("Sunni Arabs", "Rohingya
// Muslims", "European" of "European security") name a group, no entity; a party named by such words
// stays ("Liberal Democrats"), and so do the people and places around them.
TEST(TaggerMentions, NamesOfGroupWordsOnlyAreNoEntities) {
  const Extraction x = test::run(
      "Maliki's persecution of prominent Sunni Arabs gave the militants an opening, Allawi said.\n\n"
      "The army has driven hundreds of thousands of Rohingya Muslims into Bangladesh since August.\n\n"
      "The treaty has been a centerpiece of European security since the Cold War, Stoltenberg said.\n\n"
      "Scottish leader Nicola Sturgeon met the Liberal Democrats in Edinburgh on Friday.\n\n"
      "The president's plan has unnerved Eastern European allies, Tusk said.\n",
      "2018-12-05");
  for (const char* name : {"Sunni Arabs", "Rohingya Muslims", "European", "Scottish", "Eastern European"})
    EXPECT_EQ(by_mention(x, name), nullptr) << name << "\n" << listing(x);
  expect_entity(x, "Allawi", EntityType::Person);
  expect_entity(x, "Stoltenberg", EntityType::Person);
  expect_entity(x, "Nicola Sturgeon", EntityType::Person);
  expect_entity(x, "Liberal Democrats", EntityType::Organisation);
}

// In a headline in title case every long word is capitalised: a run of capitals holding a word the
// story writes in lower case ("Faces", "Gains") is a piece of the headline, no name; the names of
// the story stay.
TEST(TaggerMentions, HeadlineWordsInTitleCaseAreNoName) {
  const Extraction x = test::run(
      "With Limited Gains, U.S. Bombing Campaign Faces Growing Criticism\n\n"
      "The bombing campaign against the militants has made limited gains so far, and it faces growing "
      "criticism in Congress, Senator John McCain said on Tuesday.\n",
      "2014-10-08");
  for (const char* name : {"Limited Gains", "Bombing Campaign Faces Growing Criticism", "U.S. Bombing Campaign Faces Growing Criticism"})
    EXPECT_EQ(by_mention(x, name), nullptr) << name << "\n" << listing(x);
  expect_entity(x, "John McCain", EntityType::Person);
}

// A name ending in a word for a site or a landform that also ends people's names ("Park",
// "Field"), or headed by one ("Strait of Hormuz"), is the place where the tagger reads an
// organisation; a person's name stays a person's.
TEST(TaggerMentions, OrganisationNamedAfterASiteIsThePlace) {
  const Extraction x = test::run(
      "Gun salutes were fired on Monday from nearby Green Park as the queen welcomed the president.\n\n"
      "Under the deal, U.S. troops will keep sole control over Bagram Air Field, north of Kabul.\n\n"
      "\"They are afraid,\" said Sokeel Park, who heads a human rights group in Seoul.\n\n"
      "Iran launched a rocket test near U.S. warships and boats passing through the narrow Strait of Hormuz, "
      "the route for a fifth of the world's oil.\n",
      "2019-06-03");
  expect_entity(x, "Green Park", EntityType::Location);
  expect_entity(x, "Strait of Hormuz", EntityType::Location);
  expect_entity(x, "Bagram Air Field", EntityType::Location);
  expect_entity(x, "Sokeel Park", EntityType::Person);
}

// A holiday is a time, no entity, whatever the tagger reads in it (a person for "Christmas").
TEST(TaggerMentions, HolidayIsNoEntity) {
  const Extraction x = test::run(
      "\u201cI spent Christmas in the White House,\u201d the president said on Friday.\n\n"
      "Trump had planned to spend Christmas at his private club in Florida, but stayed in Washington.\n",
      "2019-01-04");
  EXPECT_EQ(by_mention(x, "Christmas"), nullptr) << listing(x);
  expect_entity(x, "Trump", EntityType::Person);
}

}  // namespace
}  // namespace kgraph::extract
