// Relation pattern families on sentences written in the style of wire copy (none taken from
// any dev or example corpus). Every test runs the whole pipeline on a small Document and
// checks the type, head, tail and modality of one relation, and where it matters that a
// relation is absent.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "extract/extractor.hpp"

namespace kgraph::extract {
namespace {

const Extractor& extractor() {
  static const Extractor x(KGRAPH_ONTOLOGY);
  return x;
}

Extraction run(const std::string& text, const std::string& date = "2023-05-10") {
  Document doc;
  doc.meta.id = "test";
  doc.meta.date = date;
  doc.text = text;
  return extractor().extract(std::move(doc));
}

struct Found {
  std::string head, tail, title;
  Modality modality = Modality::Asserted;
  std::string note;
  std::string rule;
};

// The relation of `type` between `head` and `tail` (either order for symmetric types).
std::optional<Found> find(const Extraction& x, RelationType type, const std::string& head, const std::string& tail) {
  for (const Relation& r : x.relations) {
    if (r.type != type) continue;
    const std::string& h = x.entities[static_cast<std::size_t>(r.head)].name;
    const std::string& t = x.entities[static_cast<std::size_t>(r.tail)].name;
    if ((h == head && t == tail) || (is_symmetric(type) && h == tail && t == head)) {
      auto title = r.attributes.find("title");
      return Found{h, t, title == r.attributes.end() ? "" : title->second, r.modality, r.evidence.note, r.evidence.rule};
    }
  }
  return std::nullopt;
}

int count(const Extraction& x, RelationType type) {
  int n = 0;
  for (const Relation& r : x.relations) n += r.type == type;
  return n;
}

// --- with-frame: "X met with Y", "X spoke by phone with Y", "X held a phone call with Y"

TEST(WithFrame, MetWithTitledParties) {
  auto x = run("Canadian Prime Minister Justin Trudeau met with Japanese Prime Minister Fumio Kishida in Ottawa on Tuesday.");
  auto r = find(x, RelationType::MetWith, "Justin Trudeau", "Fumio Kishida");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Asserted);
  EXPECT_FALSE(find(x, RelationType::MetWith, "Justin Trudeau", "Ottawa"));  // a place is not a party
}

TEST(WithFrame, SpokeByPhoneWith) {
  auto x = run("Ukrainian President Volodymyr Zelensky spoke by phone with British Prime Minister Rishi Sunak on Thursday.");
  auto r = find(x, RelationType::SpokeWith, "Volodymyr Zelensky", "Rishi Sunak");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Asserted);
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
}

TEST(WithFrame, HeldAPhoneCallWith) {
  auto x = run("Irish Foreign Minister Micheal Martin held a phone call with Canadian Foreign Minister Melanie Joly on Thursday.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Micheal Martin", "Melanie Joly"));
}

TEST(WithFrame, InterviewGivenToAnOutlet) {
  auto x = run("Italian Prime Minister Giorgia Meloni gave an interview to the BBC on Sunday.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Giorgia Meloni", "BBC"));
  auto y = run("Hungarian Prime Minister Viktor Orban said in a telephone interview with Reuters that he would not change course.");
  EXPECT_TRUE(find(y, RelationType::SpokeWith, "Viktor Orban", "Reuters"));
}

TEST(WithFrame, SpeakerAfterTheListIsNoParty) {
  auto x = run("Germany will do everything it can to hold further talks with Russia, Angela Merkel said on Tuesday.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Germany", "Russia"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Germany", "Angela Merkel"));
}

// The speaker of "said" only reports a meeting in its complement when nothing there is the speaker's.
TEST(WithFrame, SpeakerOfAReportedClauseIsNoParty) {
  auto y = run("Canadian Prime Minister Justin Trudeau said the trade dispute had overshadowed the meeting with "
               "Japanese Prime Minister Fumio Kishida.");
  EXPECT_FALSE(find(y, RelationType::MetWith, "Justin Trudeau", "Fumio Kishida"));
  // a pronoun in the reported clause may be the speaker: the relation stands
  auto z = run("Germany said it would hold talks with Iran next week.");
  EXPECT_TRUE(find(z, RelationType::MetWith, "Germany", "Iran"));
}

// "..., the X reported": the outlet after the list is the story's source, not one more party.
TEST(WithFrame, OutletThatReportsIsNoParty) {
  auto x = run("The visit was confirmed by Chinese Foreign Minister Wang Yi, who held talks with Japanese Foreign "
               "Minister Yoshimasa Hayashi, the Straits Herald reported.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Wang Yi", "Yoshimasa Hayashi"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Wang Yi", "Straits Herald"));
}

// A name inside a clause that modifies the unnamed subject is not the subject: the advisers met, not Macron.
TEST(WithFrame, NameInsideTheSubjectsClauseIsNoParty) {
  auto x = run("Advisers working for French President Emmanuel Macron met with German Chancellor Olaf Scholz on Monday.");
  EXPECT_FALSE(find(x, RelationType::MetWith, "Emmanuel Macron", "Olaf Scholz"));
  auto y = run("French President Emmanuel Macron met with German Chancellor Olaf Scholz on Monday.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Emmanuel Macron", "Olaf Scholz"));
}

// The party of one "with" is not the subject of the next: Xi did not speak with Scholz.
TEST(WithFrame, PartyOfAnotherWithIsNoSubject) {
  auto x = run("French President Emmanuel Macron said his planned meeting with Chinese President Xi Jinping was going "
               "well after speaking with German Chancellor Olaf Scholz on Saturday.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Emmanuel Macron", "Xi Jinping"));
  EXPECT_FALSE(find(x, RelationType::SpokeWith, "Xi Jinping", "Olaf Scholz"));
  // a relative clause makes the party of the first "with" the subject of the second
  auto y = run("Blinken had a discussion on Saturday with Canadian Foreign Minister Melanie Joly, who met with "
               "Japanese Foreign Minister Yoshimasa Hayashi earlier last week.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Melanie Joly", "Yoshimasa Hayashi"));
}

TEST(WithFrame, ThePressMeetsNobody) {
  auto x = run("Emmanuel Macron met with Reuters in Paris on Monday.");
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
  // it may still be given an interview
  auto y = run("Italian Prime Minister Giorgia Meloni gave an interview to Reuters on Sunday.");
  EXPECT_TRUE(find(y, RelationType::SpokeWith, "Giorgia Meloni", "Reuters"));
}

// Interviews: "X told Y in an interview" (Y the indirect object), "Y interviewed X", "X was interviewed by Y".
TEST(Interview, ToldAnOutletInAnInterview) {
  auto x = run("Rep. Andy Biggs told The Hill in an interview outside the Capitol that the bill was dead.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Andy Biggs", "The Hill"));
  auto y = run("Rep. Andy Biggs told reporters outside the Capitol that the bill was dead.");
  EXPECT_EQ(count(y, RelationType::SpokeWith), 0);
}

TEST(Interview, InterviewedActiveAndPassive) {
  EXPECT_TRUE(find(run("CNN's Anderson Cooper interviewed Lev Parnas on Thursday."), RelationType::SpokeWith,
                   "Anderson Cooper", "Lev Parnas"));
  EXPECT_TRUE(find(run("Lev Parnas was interviewed by Rachel Maddow on Wednesday."), RelationType::SpokeWith,
                   "Rachel Maddow", "Lev Parnas"));
}

// --- object-frame: "X hosted Y", "X met Y"

TEST(ObjectFrame, HostedAVisitor) {
  auto x = run("German Chancellor Olaf Scholz hosted Polish President Andrzej Duda in Berlin on Friday.");
  auto r = find(x, RelationType::MetWith, "Olaf Scholz", "Andrzej Duda");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

TEST(ObjectFrame, VisitToAPlaceIsNoMeeting) {
  auto x = run("Spanish Prime Minister Pedro Sanchez visited Morocco on Monday.");
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
}

// --- mutual: "X and Y held talks", "talks between X and Y"

TEST(Mutual, CoordinatedSubjectsWithTitles) {
  auto x = run("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed held talks in Nairobi on Monday.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "William Ruto", "Abiy Ahmed"));
}

TEST(Mutual, TalksBetween) {
  auto x = run("The talks between Egyptian President Abdel Fattah el-Sisi and Israeli Prime Minister Benjamin Netanyahu lasted three hours.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Abdel Fattah el-Sisi", "Benjamin Netanyahu"));
}

// --- coordination of objects: "met with A and B"

TEST(Coordination, EachCoordinatedPartyIsATail) {
  auto x = run(
      "Indian Foreign Minister Subrahmanyam Jaishankar met with Australian Foreign Minister Penny Wong and Japanese "
      "Foreign Minister Yoko Kamikawa in Tokyo.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Subrahmanyam Jaishankar", "Penny Wong"));
  EXPECT_TRUE(find(x, RelationType::MetWith, "Subrahmanyam Jaishankar", "Yoko Kamikawa"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Penny Wong", "Yoko Kamikawa"));
}

// --- deployments: passive, nominal, planned

TEST(PassiveDeployment, ForcesOfADemonymWereDeployed) {
  auto x = run("Additional British troops were deployed to Estonia last month, officials said.");
  auto r = find(x, RelationType::DeployedTo, "United Kingdom", "Estonia");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

TEST(PassiveDeployment, ThePassiveSubjectIsWhatWasSent) {
  auto x = run("South Korea and the United States said that if the advanced missile defence system called Terminal High "
               "Altitude Area Defence (THAAD) was deployed to South Korea, it would be focused only on North Korea.");
  EXPECT_FALSE(find(x, RelationType::DeployedTo, "Terminal High Altitude Area Defence", "South Korea"));
}

// "lead", "transfer" and "reinforce" move no forces to the place after them (real sentences, the first from
// the 20 MB bench corpus, the second from realnews-train)
TEST(Deployment, LeadingACoalitionIsNoDeployment) {
  auto x = run("As for his policy to defeat ISIS , he proposed leading a coalition that includes soldiers fighting on the "
               "ground in both Syria and Iraq .");
  EXPECT_EQ(count(x, RelationType::DeployedTo), 0);
}

TEST(Deployment, LeadingABattlegroupInAPlaceIsADeployment) {
  auto x = run("Germany is part of that, leading one of the battlegroups in Lithuania.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "Germany", "Lithuania"));
}

TEST(Deployment, ABaseInAPlaceIsTheDestination) {
  auto x = run("Britain is sending 800 troops to a NATO base in Estonia.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "United Kingdom", "Estonia"));
}

// warplanes where they are stay there whatever the clause around them plans, as troops do (realnews-train)
TEST(ForcesIn, FightersInAPlaceToBeBroughtHomeAreThere) {
  auto x = run("But according to multiple reports on Friday, Trump is actually telling advisers that he wants to bring US "
               "fighters in Syria back home.");
  auto r = find(x, RelationType::DeployedTo, "United States", "Syria");
  ASSERT_TRUE(r);
  EXPECT_NE(r->modality, Modality::Planned);
}

TEST(Deployment, WeaponsTransferredToSmugglersAreNoDeployment) {
  auto x = run("Speaking in Istanbul , council members also described efforts to supply the opposition with arms, "
               "specifically antitank weaponry delivered by Turkish Army vehicles to the Syrian border, where it was then "
               "transferred to smugglers who took it into Syria.");
  EXPECT_EQ(count(x, RelationType::DeployedTo), 0);
}

TEST(NominalDeployment, DeploymentOfForcesTo) {
  auto x = run("The government announced the deployment of German troops to Lithuania on Wednesday.");
  auto r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

TEST(NominalDeployment, CiviliansAreNotDeployed) {
  auto x = run("Thousands of refugees were sent to Poland last week.");
  EXPECT_EQ(count(x, RelationType::DeployedTo), 0);
}

// Forces where they are (parse rule deploy.noun.forces-in): the clause around them plans a visit,
// not a deployment; "no troops" is negated; a verb that moves them lends its scope.
TEST(ForcesIn, VisitingTroopsLeavesThemDeployed) {
  auto x = run("President Donald Trump flew to visit U.S. troops in Iraq and Germany.");
  for (const char* place : {"Iraq", "Germany"}) {
    auto r = find(x, RelationType::DeployedTo, "United States", place);
    ASSERT_TRUE(r) << place;
    EXPECT_EQ(r->modality, Modality::Asserted) << place;
  }
}

TEST(ForcesIn, NoTroopsIsNegated) {
  auto x = run("There will be no American troops in Syria, Barack Obama said.");
  auto r = find(x, RelationType::DeployedTo, "United States", "Syria");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Negated);
}

TEST(ForcesIn, OwnerThatHasTheTroops) {
  auto x = run("The United States has about 28,500 troops in South Korea.");
  auto r = find(x, RelationType::DeployedTo, "United States", "South Korea");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

TEST(ForcesIn, AMovingVerbLendsItsScope) {
  auto x = run("Senators want to make sure Barack Obama does not have the authority to put U.S. troops in Syria.");
  auto r = find(x, RelationType::DeployedTo, "United States", "Syria");
  ASSERT_TRUE(r);
  EXPECT_NE(r->modality, Modality::Asserted);
}

// --- holds_position: titles before and after names

TEST(HoldsPosition, DemonymTitleName) {
  auto x = run("Canadian Prime Minister Justin Trudeau said the talks had been useful.");
  auto r = find(x, RelationType::HoldsPosition, "Justin Trudeau", "Canada");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Prime Minister");
}

TEST(HoldsPosition, PossessiveCountry) {
  auto x = run("Kenya's President William Ruto said the vote would go ahead.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "William Ruto", "Kenya"));
}

TEST(HoldsPosition, ApposedTitleAfterTheName) {
  auto x = run("Pedro Sanchez, the Spanish Prime Minister, said the talks had been useful.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Pedro Sanchez", "Spain"));
}

TEST(HoldsPosition, TitleOfAnOrganisation) {
  auto x = run("Tedros Adhanom, the director general of the World Health Organization, warned of a new outbreak.");
  auto r = find(x, RelationType::HoldsPosition, "Tedros Adhanom", "World Health Organization");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Director General");
}

TEST(HoldsPosition, LeaderOfAParty) {
  auto x = run("Keir Starmer, leader of the Labour Party, said the party would vote against the bill.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Keir Starmer", "Labour Party"));
}

TEST(HoldsPosition, ChiefOfTheOrganisationBeforeAnHonorific) {
  auto x = run("The acting chief of the Metropolitan Police, Mr John Harris, said the inquiry would continue.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "John Harris", "Metropolitan Police"));
}

TEST(HoldsPosition, UnknownOrganisationBeforeATitle) {
  auto x = run("IAAF President Sebastian Coe said the federation would act.");
  auto r = find(x, RelationType::HoldsPosition, "Sebastian Coe", "IAAF");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "President");
}

TEST(HoldsPosition, RankIsAPositionOnlyInANamedForce) {
  auto x = run("US Army Col. John Smith told reporters the base was secure.");
  auto r = find(x, RelationType::HoldsPosition, "John Smith", "US Army");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Colonel");
  auto y = run("Col. John Smith of the Ruritanian army told reporters the base was secure.");
  EXPECT_EQ(count(y, RelationType::HoldsPosition), 0);
  auto z = run("Mr John Smith told reporters the base was secure.");
  EXPECT_EQ(count(z, RelationType::HoldsPosition), 0);
}

// --- a title of one government said without its country (ontology/lexicon/title_offices.tsv)

TEST(HoldsPosition, TitleOfOneGovernmentWithoutItsCountry) {
  auto x = run("Treasury Secretary Steve Mnuchin told reporters that the United States and China would talk again. "
               "Sen. John McCain, R-Ariz., said the talks were a mistake.",
               "2018-05-10");
  auto r = find(x, RelationType::HoldsPosition, "Steve Mnuchin", "United States");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "title:title-office");
  EXPECT_EQ(r->title, "Secretary of the Treasury");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "John McCain", "United States"));
  // China, named in the sentence, is not whose secretary he is
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Steve Mnuchin", "China"));
}

TEST(HoldsPosition, TitleOfOneGovernmentNeedsThatCountryNamed) {
  // no country named: nothing to hold, and the document's country is not a guess for a US title
  auto x = run("Sen. Ted Cruz, R-Texas, called the plan a terrible deal. Iran said it would not wait. Iran's envoy left.",
               "2014-02-10");
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Ted Cruz", "Iran"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Ted Cruz", "United States"));
}

TEST(HoldsPosition, TitleOfOneGovernmentYieldsToAnotherCountryNamedWithThePerson) {
  // the person's own country named with the title elsewhere in the text stands
  auto x = run("Australian Attorney General George Brandis spoke in Canberra. The United States welcomed the law. "
               "Attorney General George Brandis said it would pass.",
               "2015-06-10");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "George Brandis", "Australia"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "George Brandis", "United States"));
}

TEST(HoldsPosition, MemberOrLeaderOfAChamberHoldsTheChambersOfficeWhenTheTextNamesIt) {
  // ontology/lexicon/title_offices.tsv: the chamber first, when the text names it; the title as the
  // text writes it names the chamber ("Senate Majority Leader", "House Speaker")
  auto x = run("Senate Majority Leader Mitch McConnell of Kentucky, who seldom comments publicly on Trump's "
               "controversies, said the United States could do with a little less drama. Senate Democratic Leader "
               "Chuck Schumer of New York went to the floor of the Senate to demand a transcript. Doug Andres, a "
               "spokesman for House Speaker Paul Ryan of Wisconsin, said the House would wait. Republican Senator "
               "Marco Rubio of Florida told reporters he hopes lawmakers hear from the White House on Tuesday.",
               "2017-05-16");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Mitch McConnell", "Senate"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Chuck Schumer", "Senate"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Paul Ryan", "House"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Marco Rubio", "Senate"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Marco Rubio", "United States"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Mitch McConnell", "House"));
  // no chamber named: the country's office, as before
  auto y = run("Kansas Rep. Mike Pompeo, who initially backed Florida Sen. Marco Rubio, met the president. "
               "The United States will respond, he said.",
               "2016-11-19");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Mike Pompeo", "United States"));
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Marco Rubio", "United States"));
}

TEST(HoldsPosition, ATitleThatNamesItsChamberNamesItForItsHolderAlone) {
  // "House Speaker X" names the House though no other sentence does (extract/entities/title_chambers.hpp);
  // a representative elsewhere in the text still holds the country's office: the chamber is named only
  // in another person's title
  auto x = run("House Speaker Paul Ryan said the United States must respond to the attack. Senate Minority Leader "
               "Chuck Schumer urged caution. Rep. Adam Smith, D-Wash., called the plan reckless.",
               "2017-04-07");
  auto r = find(x, RelationType::HoldsPosition, "Paul Ryan", "House");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Speaker");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Chuck Schumer", "Senate"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Adam Smith", "United States"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Adam Smith", "House"));
  // a title without its chamber's word names no chamber
  auto y = run("Speaker Paul Ryan said the United States must respond to the attack.", "2017-04-07");
  EXPECT_FALSE(find(y, RelationType::HoldsPosition, "Paul Ryan", "House"));
  // the chamber stands for the title's office alone, never for a party of a meeting
  auto z = run("Mr. Ryan and House Minority Leader Nancy Pelosi emerged from a meeting with President Obama at the "
               "White House on Tuesday.",
               "2016-09-06");
  EXPECT_TRUE(find(z, RelationType::HoldsPosition, "Nancy Pelosi", "House"));
  EXPECT_TRUE(find(z, RelationType::MetWith, "Nancy Pelosi", "Barack Obama"));
  EXPECT_FALSE(find(z, RelationType::MetWith, "House", "Barack Obama"));
}

TEST(HoldsPosition, AnOfficeHoldersNameWithoutItsArabicArticle) {
  // ontology/lexicon/office_holders.tsv writes "Bashar al-Assad"; news also writes "Bashar Assad"
  auto x = run("The hope is to convince President Bashar Assad to change his calculations, Syria's neighbours said.",
               "2013-03-05");
  auto r = find(x, RelationType::HoldsPosition, "Bashar Assad", "Syria");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "title:office-table");
}

TEST(HoldsPosition, ASecondOfficeAfterTheNameOfATitledPerson) {
  // "Sen. X, State Party and chairman of the Y Committee": the title before the name gives one office,
  // the apposition after it a second, in the committee (name_rules.cpp second_office_after_name)
  auto x = run("Sen. Jane Roe, Ohio Democrat and chairwoman of the Senate Banking Committee, said the United "
               "States should tighten the sanctions on Tuesday.",
               "2019-03-12");
  auto r = find(x, RelationType::HoldsPosition, "Jane Roe", "Senate Banking Committee");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "title:second-office");
  EXPECT_EQ(r->title, "Chairman");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Jane Roe", "United States"));
  // a place after the name is no office of the person
  auto y = run("Sen. Jane Roe, Ohio Democrat and a native of Cleveland, said the United States should act.", "2019-03-12");
  EXPECT_FALSE(find(y, RelationType::HoldsPosition, "Jane Roe", "Cleveland"));
  // "a member of", "ranking member of" (word list member_title): a position in the body after "of"
  auto z = run("Rep. John Roe, D-Ohio, ranking member of the House Armed Services Committee, called the order a "
               "disgrace to the United States.",
               "2017-07-26");
  auto m = find(z, RelationType::HoldsPosition, "John Roe", "House Armed Services Committee");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->title, "member");
}

TEST(HoldsPosition, ATitleBeforeTheNextNameOfAListIsThatNamesTitle) {
  // "X, Title Y and Z": the title after the comma is Y's, not an apposition of X (name_rules.cpp title_after)
  auto x = run("His son-in-law Jared Kushner, National Security Adviser John Bolton and Treasury Secretary Steven "
               "Mnuchin attended the dinner with the British Prime Minister in the United States.",
               "2019-06-04");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "John Bolton", "United States"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Jared Kushner", "United States"));
  // a title in the possessive is another person's: "X, the president's lawyer"
  auto z = run("Investigators said that John Roe, the president's personal lawyer, was the conduit for the efforts in "
               "Ukraine. Ukraine denied it.",
               "2019-11-20");
  EXPECT_FALSE(find(z, RelationType::HoldsPosition, "John Roe", "Ukraine"));
  // a person's possessive before the title names whose aide, not the office: the title stands alone
  auto w = run("John Bolton, Trump's national security adviser, said he has spoken with the president about Iran and "
               "the United States.",
               "2019-05-06");
  EXPECT_TRUE(find(w, RelationType::HoldsPosition, "John Bolton", "United States"));
  // the apposition itself still stands
  auto y = run("Jane Doe, chairwoman of the Atlantic Council, attended the summit.", "2019-06-04");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Jane Doe", "Atlantic Council"));
}

TEST(HoldsPosition, AnAmbassadorAtABodyOfStatesHoldsNoOfficeOfIt) {
  // word list member_state_post: a country's envoy at the United Nations is no office of the United Nations
  auto x = run("When the officials testified two weeks ago, they were asked whether they had altered the talking "
               "points on which U.N. Ambassador Jane Roe based her comments about the attacks.",
               "2012-11-28");
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Jane Roe", "U.N."));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Jane Roe", "United Nations"));
  // the country named before the body sent the ambassador: the office is the country's
  auto z = run("China's U.N. ambassador, Li Wei, told the Security Council meeting that the missile launch was a "
               "flagrant violation of U.N. resolutions.",
               "2017-07-05");
  EXPECT_TRUE(find(z, RelationType::HoldsPosition, "Li Wei", "China"));
  EXPECT_FALSE(find(z, RelationType::HoldsPosition, "Li Wei", "United Nations"));
  // the body's own posts stand
  auto y = run("U.N. Secretary-General Jane Roe told the Security Council that the launch was unacceptable.",
               "2017-07-05");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Jane Roe", "U.N.") ||
              find(y, RelationType::HoldsPosition, "Jane Roe", "United Nations"));
}

TEST(HoldsPosition, TitleAfterASpeakerNamedAfterTheVerb) {
  // "..., said X, a senior fellow at Y": the parse hangs "fellow" from the sentence and "said" from it
  // (ontology/relations/rules.tsv pos.appos.after-said)
  auto x = run("\"Warsaw provides a fantastic opportunity to provide the Trump vision of foreign policy,\" said Ian "
               "Brezinski, a senior fellow at the Atlantic Council.",
               "2017-07-05");
  auto r = find(x, RelationType::HoldsPosition, "Ian Brezinski", "Atlantic Council");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "parse:pos.appos.after-said");
  // a clause after the verb is no apposition: the speaker holds no office it names
  auto y = run("Kerry said Assad was the leader of Syria and would have to go.", "2013-09-05");
  EXPECT_FALSE(find(y, RelationType::HoldsPosition, "Kerry", "Syria"));
}

TEST(HoldsPosition, ExpertOfAThinkTankTheListNames) {
  // ontology/lexicon/organisations.tsv kind think_tank: the institute is an entity, so its expert's post is found
  auto x = run("Richard Haass, president of the Council on Foreign Relations, said on Twitter there was a danger of "
               "military action. Max Bergmann, a senior fellow at the Center for American Progress, a liberal group, "
               "called the sanctions a very short first step.",
               "2017-07-05");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Richard Haass", "Council on Foreign Relations"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Max Bergmann", "Center for American Progress"));
}

TEST(HoldsPosition, HeadWordBeforeAnOfficeHolderOfTheData) {
  // "leader X": the word names no office alone, but X's post in the office-holder data on the
  // document's date has it ("Supreme Leader"), and the text names the country
  auto x = run("The launch order was given by his son, leader Kim Jong Un, who is believed to be 33 years old. "
               "North Korea said the launch was a complete success.",
               "2016-02-07");
  auto r = find(x, RelationType::HoldsPosition, "Kim Jong Un", "North Korea");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "title:head-word-table");
  // before the term began the data says nothing
  auto y = run("The launch order was given by his son, leader Kim Jong Un, who is believed to be 27 years old. "
               "North Korea said the launch was a complete success.",
               "2010-02-07");
  EXPECT_FALSE(find(y, RelationType::HoldsPosition, "Kim Jong Un", "North Korea"));
}

TEST(HoldsPosition, SecondTitleInTheSentenceIsASecondOffice) {
  // the parse reads "the chairman of the Foreign Relations Committee"; "Senator" is another post
  auto x = run("\"The White House has got to do something soon to bring itself under control and in order,\" "
               "Republican Senator Bob Corker of Tennessee, the chairman of the Foreign Relations Committee, told "
               "reporters at the Capitol. The Senate will vote on Tuesday.",
               "2017-05-16");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Bob Corker", "Foreign Relations Committee"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Bob Corker", "Senate"));
}

TEST(HoldsPosition, EarlierHolderOfATitleNamedBare) {
  // ontology/lexicon/past_office_holders.tsv: a former president named by the bare title, in an article
  // about another country, holds the office of the data, not of the article's country
  auto x = run("Russia said the treaty was dead. Russia and Ukraine met in Minsk. "
               "The United States signed it under President Ronald Reagan in 1987.",
               "2019-02-02");
  auto r = find(x, RelationType::HoldsPosition, "Ronald Reagan", "United States");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "title:office-table");
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Ronald Reagan", "Russia"));
  // a lone surname an earlier holder shares stays as the text writes it
  auto y = run("Johnson told reporters in London that the vote would go ahead.", "2019-02-02");
  for (const Entity& e : y.entities) EXPECT_NE(e.name, "Lyndon B. Johnson");
}

TEST(HoldsPosition, AmbassadorToAPlaceHoldsTheOfficeNamedBeforeTheTitle) {
  auto x = run("U.S. Ambassador to the United Nations Nikki Haley told the Security Council that time was running out.",
               "2017-09-04");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Nikki Haley", "United States"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Nikki Haley", "United Nations"));
}

TEST(HoldsPosition, AmbassadorToABodyBeforeANameReadAsAnOrganisation) {
  // the full name after the body is first read as an organisation and becomes a person only when the
  // surname alone follows: its title and office are read then
  auto x = run("U.S. Ambassador to the European Union Marta Kowal called the tariffs the largest trade barrier "
               "in a generation. Kowal told reporters in Brussels that talks would resume.",
               "2019-06-04");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Marta Kowal", "United States"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Marta Kowal", "European Union"));
}

TEST(HoldsPosition, AnAdviserOfANamedBody) {
  // titles.tsv "adviser" (kind head): a position in the organisation named before it
  auto x = run("White House economic adviser Tom Berger said last week that the talks were not time dependent.",
               "2019-03-05");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Tom Berger", "White House"));
  // the same for an analyst or a strategist of a named body
  auto z = run("Republican National Committee strategist Tom Berger said Thursday that the party had no interest in a "
               "recount.",
               "2016-11-10");
  EXPECT_TRUE(find(z, RelationType::HoldsPosition, "Tom Berger", "Republican National Committee"));
  auto e = run("Critics noted that he was set to install former Breitbart News executive Tom Berger as chief strategist.",
               "2016-11-14");
  EXPECT_TRUE(find(e, RelationType::HoldsPosition, "Tom Berger", "Breitbart News"));
  // a person's adviser names no office of that person
  auto y = run("Campaign adviser Tom Berger said the senator would not attend the debate.", "2019-03-05");
  EXPECT_TRUE(y.relations.empty());
}

TEST(HoldsPosition, APlaceBeforeAConjunctionQualifiesNoTitle) {
  // word list qualifier_break: Ramadi, before "and", is not whose secretary he is
  auto x = run("Noting the rout of Ramadi and Defense Secretary Ashton Carter's lament, Philip Carter said the United States effort fails.",
               "2015-06-01");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Ashton Carter", "United States"));
}

TEST(HoldsPosition, TitleOfAnOrganisationBeforeARankAndName) {
  auto x = run("Jared Kushner traveled to Iraq with the chairman of the Joint Chiefs of Staff, Gen. Joe Dunford, on Monday.",
               "2017-04-04");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Joe Dunford", "Joint Chiefs of Staff"));
}

// --- the office-holder data outweighs the context

TEST(HoldsPosition, KnownHolderKeepsTheirCountryOverTheDocumentCountry) {
  // an article about Ukraine that never names the United States: President Trump holds no
  // Ukrainian presidency, while a Ukrainian minister without a country is still Ukraine's
  const std::string text =
      "Ukraine's parliament met on Monday. Ukraine will hold elections in March, officials in Ukraine said. "
      "The whistleblower lodged a complaint against President Donald Trump over his call. "
      "The interior minister, Arsen Avakov, asked the FBI to help.";
  auto x = run(text, "2019-10-01");
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Donald Trump", "Ukraine"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Arsen Avakov", "Ukraine"));
}

TEST(HoldsPosition, NoForeignOfficeForAKnownHeadOfState) {
  auto x = run("Leaders at the summit included Putin, German Chancellor Angela Merkel and British Prime Minister Theresa May.",
               "2018-11-11");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Angela Merkel", "Germany"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Vladimir Putin", "Germany"));
}

TEST(HoldsPosition, SittingPresidentTakesNoTitleOfAnotherPerson) {
  // "Trump's first CIA director" is Pompeo's title; a sitting president is not read as its holder
  auto x = run("When Mike Pompeo was Trump\u2019s first CIA director, Trump complained to him that nobody defended him in public.",
               "2019-05-01");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Mike Pompeo", "CIA"));
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Donald Trump", "CIA"));
}

// --- offices taken: "X was sworn in as president of Y", "X became prime minister of Y"

TEST(HoldsPosition, TitleTakenByAnAppointment) {
  auto x = run("Ana Ribeiro was sworn in as president of Portugal on Tuesday.");
  auto r = find(x, RelationType::HoldsPosition, "Ana Ribeiro", "Portugal");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "President");
  auto y = run("Jens Weber was named the new chief executive of Siemens.");
  r = find(y, RelationType::HoldsPosition, "Jens Weber", "Siemens");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Chief Executive");
  auto z = run("Marta Novak became prime minister of Slovakia last week.");
  EXPECT_TRUE(find(z, RelationType::HoldsPosition, "Marta Novak", "Slovakia"));
  for (const Relation& rel : z.relations) EXPECT_EQ(rel.evidence.rule, "title:appointment");
}

TEST(HoldsPosition, NoOfficeFromAnAppointmentNotMade) {
  // conditional and future: nobody holds the office (yet)
  auto x = run("Analysts asked what would happen if Marta Novak becomes prime minister of Slovakia.");
  EXPECT_EQ(count(x, RelationType::HoldsPosition), 0);
  auto y = run("Marta Novak will become prime minister of Slovakia next week.");
  EXPECT_EQ(count(y, RelationType::HoldsPosition), 0);
}

TEST(HoldsPosition, AVerbBetweenTitleAndNameEndsTheTitle) {
  // "president" is the subject's title, not Angela Merkel's
  auto x = run("The French president met Angela Merkel in Berlin.");
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Angela Merkel", "France"));
  auto y = run("Chinese Vice President elect Li Wei arrived in Paris.");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Li Wei", "China"));  // a filler word still may stand there
}

// --- subjects: an unnamed noun phrase before the verb is the subject, not a name further back

TEST(ObjectFrame, UnnamedSubjectNamesNoOne) {
  auto x = run("Police detained Wang Donghai on Friday and would not let his family meet him.");
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
  auto y = run("Trump said the delegation met Vladimir Putin in Moscow.");
  EXPECT_EQ(count(y, RelationType::MetWith), 0);
  // coordinated with a name, the name is still a party
  auto z = run("Emmanuel Macron and his wife met Pope Francis on Sunday.");
  EXPECT_TRUE(find(z, RelationType::MetWith, "Emmanuel Macron", "Francis") ||
              find(z, RelationType::MetWith, "Emmanuel Macron", "Pope Francis"));
}

TEST(WithFrame, CounterpartOfACountryIsThePersonNamed) {
  auto x = run("Turkish Foreign Minister Hakan Fidan held talks with his Russian counterpart Sergei Lavrov in Moscow.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Hakan Fidan", "Sergei Lavrov"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Hakan Fidan", "Russia"));
  auto y = run("Kenyan President William Ruto hosted his Tanzanian counterpart Samia Suluhu Hassan in Nairobi.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "William Ruto", "Samia Suluhu Hassan"));
}

TEST(OutletFrame, InterviewPhraseOpeningTheSentence) {
  auto x = run("In an interview with Reuters, Hungarian Prime Minister Viktor Orban said he would not block the aid.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Viktor Orban", "Reuters"));
  auto y = run("In a telephone interview with the BBC, Finnish President Alexander Stubb said the border would stay closed.");
  EXPECT_TRUE(find(y, RelationType::SpokeWith, "Alexander Stubb", "BBC"));
  // an unnamed speaker gives nothing
  auto z = run("In an interview with Reuters last week, the minister said talks had stalled.");
  EXPECT_EQ(count(z, RelationType::SpokeWith), 0);
}

// --- member_of: joining, and an organisation's members named

TEST(MemberOf, CountriesThatJoinAnOrganisation) {
  auto x = run("Finland joined NATO in April 2023, and Sweden became a member of the alliance in March 2024.");
  EXPECT_TRUE(find(x, RelationType::MemberOf, "Finland", "NATO"));
  EXPECT_TRUE(find(x, RelationType::MemberOf, "Sweden", "NATO"));  // "the alliance" resolved
  auto y = run("Ukraine hopes to join the European Union.");
  auto r = find(y, RelationType::MemberOf, "Ukraine", "European Union");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Planned);
  // a process is no membership
  auto z = run("Turkey's accession to the European Union has stalled.");
  EXPECT_EQ(count(z, RelationType::MemberOf), 0);
  // people join talks, not organisations as members
  auto w = run("Boris Johnson joined the talks with NATO officials.");
  EXPECT_EQ(count(w, RelationType::MemberOf), 0);
}

TEST(MemberOf, MembersNamedAfterTheOrganisation) {
  auto x = run("NATO members Poland and Romania host allied troops. Fellow EU member Hungary objected.");
  EXPECT_TRUE(find(x, RelationType::MemberOf, "Poland", "NATO"));
  EXPECT_TRUE(find(x, RelationType::MemberOf, "Romania", "NATO"));
  // (the union as the text writes it: extract/entities/written_name.hpp)
  EXPECT_TRUE(find(x, RelationType::MemberOf, "Hungary", "EU"));
  auto y = run("NATO members agreed to raise spending.");
  EXPECT_EQ(count(y, RelationType::MemberOf), 0);
}

// --- located_in: how news places a place

TEST(LocatedIn, CityOfInAndComma) {
  auto x = run("Shelling hit the Syrian city of Aleppo and Idlib in northern Syria on Sunday.");
  EXPECT_TRUE(find(x, RelationType::LocatedIn, "Aleppo", "Syria"));
  EXPECT_TRUE(find(x, RelationType::LocatedIn, "Idlib", "Syria"));
  auto y = run("A missile struck a hotel in Kramatorsk, Ukraine, on Saturday.");
  EXPECT_TRUE(find(y, RelationType::LocatedIn, "Kramatorsk", "Ukraine"));
  // a list of destinations places nothing
  auto z = run("He travelled to Kyiv, Ukraine and Poland last week.");
  EXPECT_EQ(count(z, RelationType::LocatedIn), 0);
}

TEST(WithFrame, PhoneCallPhraseOpeningTheSentence) {
  auto x = run("In a phone call with Indian Prime Minister Narendra Modi, Russian President Vladimir Putin discussed energy.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Vladimir Putin", "Narendra Modi"));
  auto y = run("During talks with Chinese Premier Li Qiang, German Chancellor Olaf Scholz raised trade concerns.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Olaf Scholz", "Li Qiang"));
}

TEST(HoldsPosition, WhoHeadsAnOrganisation) {
  auto x = run("Rafael Grossi, who heads the International Atomic Energy Agency, visited the plant.");
  auto r = find(x, RelationType::HoldsPosition, "Rafael Grossi", "International Atomic Energy Agency");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "head");
  // leading a country's team to victory is no office
  auto y = run("John Smith, who led Poland to victory, retired.");
  EXPECT_EQ(count(y, RelationType::HoldsPosition), 0);
}

TEST(PhoneFrame, TalkingVerbAndPartyWhenTheSentenceSaysByPhone) {
  auto x = run("Emmanuel Macron spoke to Volodymyr Zelensky by phone on Tuesday.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Emmanuel Macron", "Volodymyr Zelensky"));
  auto y = run("Antony Blinken told his Chinese counterpart Wang Yi in a phone call that Washington remained concerned.");
  EXPECT_TRUE(find(y, RelationType::SpokeWith, "Antony Blinken", "Wang Yi"));
  // without a call it is no conversation, and a statement to the press never is
  auto z = run("Emmanuel Macron spoke to Volodymyr Zelensky about the war.");
  EXPECT_FALSE(find(z, RelationType::SpokeWith, "Emmanuel Macron", "Volodymyr Zelensky"));
  auto w = run("Emmanuel Macron told Reuters by phone that talks would go on.");
  EXPECT_EQ(count(w, RelationType::SpokeWith), 0);
}

TEST(TitleChain, APlaceAndTitleBeforeANameAreReadWithTheName) {
  // the parser alone heads "Guam Gov. Eddie Calvo" with Guam and the path from "spoke" to the
  // person breaks; folded into the person's word, the chain leaves "spoke with X" whole
  auto x = run("Donald Trump also spoke with Guam Gov. Eddie Calvo, reassuring him that U.S. military forces "
               "stand ready to ensure the safety of the territory, a White House statement said.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Donald Trump", "Eddie Calvo"));
  // the title read with the name still gives the office
  auto y = run("Mark Rutte met Ukrainian President Volodymyr Zelensky in Kyiv on Monday.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Mark Rutte", "Volodymyr Zelensky"));
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Volodymyr Zelensky", "Ukraine"));
}

TEST(Mutual, PhoneConversationOfTwo) {
  auto x = run("Recep Tayyip Erdogan and Vladimir Putin held a phone conversation on Friday.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Recep Tayyip Erdogan", "Vladimir Putin"));
}

TEST(Names, ALoneSurnameOfAnOfficeHolderIsThatPerson) {
  // the tagger alone calls these surnames places; the office-holder table knows them
  auto x = run("The meeting between Scholz and Macron took place in Hamburg.", "2023-05-10");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
}

TEST(HoldsPosition, ACountryQualifyingAnotherTitleIsNotTheTextsCountry) {
  // "German" is Kohl's; Yeltsin's country is not said in the sentence
  auto x = run("German Chancellor Helmut Kohl, who spoke to President Boris Yeltsin by telephone on Wednesday, plans a trip.");
  EXPECT_FALSE(find(x, RelationType::HoldsPosition, "Boris Yeltsin", "Germany"));
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Helmut Kohl", "Germany"));
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Helmut Kohl", "Boris Yeltsin"));
}

TEST(Deployment, PlaceOwnedByACountryIsTheDestination) {
  auto x = run("North Korean soldiers have been sent to Russia's Kursk region, Seoul said.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "North Korea", "Kursk"));
  EXPECT_FALSE(find(x, RelationType::DeployedTo, "North Korea", "Russia"));
}

TEST(Deployment, APlaceInsideTheMainClauseSetsNoScene) {
  auto x = run("Britain has 100 military trainers in Ukraine, and Canada deployed 2,000 troops to Latvia.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "Canada", "Latvia"));
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "United Kingdom", "Ukraine"));
  EXPECT_FALSE(find(x, RelationType::DeployedTo, "Canada", "Ukraine"));
}

// --- names: a capitalised group noun that starts a sentence is nobody's name

bool has_entity(const Extraction& x, const std::string& name) {
  for (const Entity& e : x.entities) {
    if (e.name == name) return true;
  }
  return false;
}

TEST(Names, GroupNounsStartingASentenceAreNoEntities) {
  auto x = run("Officials said the talks would resume. Analysts expect a deal. Police detained two men.");
  EXPECT_FALSE(has_entity(x, "Officials"));
  EXPECT_FALSE(has_entity(x, "Analysts"));
  EXPECT_FALSE(has_entity(x, "Police"));
  // a longer name that starts with one stays whole
  auto y = run("Doctors Without Borders said two of its clinics were hit.");
  ASSERT_TRUE(has_entity(y, "Doctors Without Borders"));
  EXPECT_FALSE(has_entity(y, "Borders"));
}

// --- descriptions: "the UN chief" resolved through the office table at the article's date

TEST(Descriptions, HeadOfAnOrganisation) {
  auto x = run("The UN chief met with Kenyan President William Ruto in Nairobi on Monday.", "2023-05-10");
  auto r = find(x, RelationType::MetWith, "António Guterres", "William Ruto");
  ASSERT_TRUE(r);
  EXPECT_NE(r->note.find("UN chief"), std::string::npos);
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "António Guterres", "UN"));  // as written: written_name.hpp
}

// --- pronouns and quote speakers as arguments

TEST(Reference, PronounInTheNextSentence) {
  auto x = run(
      "Finnish President Alexander Stubb arrived in Washington on Monday. He met with US Secretary of State Marco Rubio on "
      "Tuesday.");
  auto r = find(x, RelationType::MetWith, "Alexander Stubb", "Marco Rubio");
  ASSERT_TRUE(r);
  EXPECT_NE(r->note.find("He -> Alexander Stubb"), std::string::npos);
}

TEST(Reference, FirstPersonInsideAQuote) {
  auto x = run("\u201cI spoke with Kenyan President William Ruto this morning,\u201d Danish Prime Minister Mette Frederiksen said.");
  auto r = find(x, RelationType::SpokeWith, "Mette Frederiksen", "William Ruto");
  ASSERT_TRUE(r);
  EXPECT_NE(r->note.find("quote speaker"), std::string::npos);
}

TEST(Reference, PossessivePronounBeforeTheTrigger) {
  auto x = run(
      "Turkish President Recep Tayyip Erdogan arrived in Moscow on Monday. His meeting with Russian President Vladimir Putin "
      "lasted four hours.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Recep Tayyip Erdogan", "Vladimir Putin"));
}

// --- modality: negated, planned, hypothetical are kept, not dropped

TEST(Modality, Negated) {
  auto x = run("Brazilian President Luiz Lula da Silva did not meet with Argentine President Javier Milei during the summit.");
  auto r = find(x, RelationType::MetWith, "Luiz Lula da Silva", "Javier Milei");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Negated);
}

TEST(Modality, PlannedMeeting) {
  auto x = run("French President Emmanuel Macron will meet Chinese President Xi Jinping in Paris next week.");
  auto r = find(x, RelationType::MetWith, "Emmanuel Macron", "Xi Jinping");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Planned);
}

TEST(Modality, PlannedDeployment) {
  auto x = run("Germany plans to deploy a tank brigade to Lithuania by 2027, the defence ministry said.");
  auto r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Planned);
}

TEST(Modality, Hypothetical) {
  auto x = run(
      "Polish President Andrzej Duda said he would meet Belarusian leader Alexander Lukashenko if the border were reopened.");
  auto r = find(x, RelationType::MetWith, "Andrzej Duda", "Alexander Lukashenko");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Hypothetical);
}

// --- attendance: those who attend one meeting meet each other

TEST(Attendance, AlsoAttendedJoinsTheMeetingOfTheSentenceBefore) {
  auto x = run(
      "After an emergency meeting in Vienna, Austrian Chancellor Karl Nehammer said the border would stay open. "
      "German Foreign Minister Annalena Baerbock and French Foreign Minister Catherine Colonna also attended.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Annalena Baerbock", "Catherine Colonna"));
  EXPECT_TRUE(find(x, RelationType::MetWith, "Karl Nehammer", "Annalena Baerbock"));
  EXPECT_TRUE(find(x, RelationType::MetWith, "Karl Nehammer", "Catherine Colonna"));
}

TEST(Attendance, AttendingSomethingElseIsNoMeeting) {
  auto x = run("German Chancellor Olaf Scholz and French President Emmanuel Macron attended the funeral in Rome.");
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
  auto y = run("The weather was cold. Olaf Scholz and Emmanuel Macron also attended.");  // no meeting named
  EXPECT_EQ(count(y, RelationType::MetWith), 0);
}

// --- national offices: the country the text is about

TEST(DocumentCountry, NationalOfficeWithoutACountryBesideIt) {
  auto x = run(
      "Police in Marseille searched for a gunman on Friday. France raised its terror alert, and schools across France "
      "closed. The interior minister, Gerald Darmanin, ordered more patrols.");
  auto r = find(x, RelationType::HoldsPosition, "Gerald Darmanin", "France");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Interior Minister");
  auto y = run("On Monday, Venezuelan police arrested lawmaker Juan Ortega.");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Juan Ortega", "Venezuela"));
  auto z = run("On Monday, lawmaker Juan Ortega flew to Venezuela.");  // a destination is not whose office
  EXPECT_EQ(count(z, RelationType::HoldsPosition), 0);
}

TEST(DocumentCountry, NoCountryWhenTheTextIsAboutSeveral) {
  auto x = run("Officials from France and Germany met in Brussels. The interior minister, Gerald Darmanin, spoke first.");
  EXPECT_EQ(count(x, RelationType::HoldsPosition), 0);
  auto y = run("The company's manager, John Hill, said sales in France had fallen.");  // no national office
  EXPECT_EQ(count(y, RelationType::HoldsPosition), 0);
}

// --- pre-tokenised text: hyphens spaced by tokenisation

TEST(Tokenised, SpacedHyphenInATitleAndAnOrganisation) {
  auto x = run("IAAF vice - president Sergei Ivanov said the ban would stay .");
  auto r = find(x, RelationType::HoldsPosition, "Sergei Ivanov", "IAAF");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Vice President");
  auto y = run("All - Russia Rowing Federation general secretary Pavel Orlov spoke to reporters on Friday .");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Pavel Orlov", "All-Russia Rowing Federation"));
}

// --- organisations found by what is said of them

TEST(Organisations, AcronymInBracketsIsTheSameOrganisation) {
  auto x = run(
      "Officers of the Coastal Defence Corps (CDC) were questioned on Monday. CDC Colonel Ramon Diaz was also detained.");
  auto r = find(x, RelationType::HoldsPosition, "Ramon Diaz", "Coastal Defence Corps");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Colonel");
}

TEST(Organisations, AcronymAfterTheArticleIsNoPerson) {
  auto x = run("The acting chief of the RCMP, Mr John Harris, and Sir Alan Brooke attended the meeting.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "John Harris", "RCMP"));
  EXPECT_TRUE(find(x, RelationType::MetWith, "John Harris", "Alan Brooke"));
}

TEST(Organisations, WhatAnOwnerOwnsIsAnOrganisation) {
  auto x = run("Maria Lopez, owner of Lopez's Bakery, told the court she saw the van.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Maria Lopez", "Lopez's Bakery"));
  auto y = run("Prosecutors also called Tom Hill, manager of the Wendy's at the time, who described the car.");
  EXPECT_TRUE(find(y, RelationType::HoldsPosition, "Tom Hill", "Wendy's"));
}

// --- forces where they are, and deployments whose destination is the story's setting

TEST(ForcesPresent, ForcesOfACountryInAPlace) {
  auto x = run("A convoy of British soldiers came under fire near the city of Basra on Sunday.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "United Kingdom", "Basra"));
  auto y = run("Iraqi soldiers in Iraq were put on alert.");  // their own country
  EXPECT_EQ(count(y, RelationType::DeployedTo), 0);
  auto z = run("British tanks near the city of Basra were inspected.");  // equipment alone is not a force present
  EXPECT_EQ(count(z, RelationType::DeployedTo), 0);
}

TEST(ImplicitDestination, PurposeInsteadOfADestination) {
  auto x = run(
      "Police in Marseille searched for a gunman on Friday. Shops in Marseille closed early. "
      "French soldiers were deployed to secure the area.");
  auto r = find(x, RelationType::DeployedTo, "France", "Marseille");
  ASSERT_TRUE(r);
  auto y = run(
      "Police in Marseille searched for a gunman on Friday. Shops in Marseille closed early. "
      "French soldiers were deployed to the area.");
  EXPECT_EQ(count(y, RelationType::DeployedTo), 0);
  // The lead sets the scene: a city the story goes on to compare it with, named more often, is not where
  // the soldiers went.
  auto z = run(
      "Police in the city of Lyon searched for a man after a blast on Friday. French soldiers were deployed "
      "to secure the area. The country has been on alert since attacks across Paris. Lyon, the third-largest "
      "city after Paris and Marseille, hosts the final. Paris' prosecutor opened a probe.");
  EXPECT_TRUE(find(z, RelationType::DeployedTo, "France", "Lyon"));
  EXPECT_FALSE(find(z, RelationType::DeployedTo, "France", "Paris"));
}

// --- forces whose own sentence names no owner: those of the owner named with forces just before

TEST(UnownedForces, TakeTheOwnerNamedWithForcesBefore) {
  auto x = run(
      "The United States already has 3,100 troops in Iraq. They are based at four training sites. "
      "The additional troops will be deployed to Anbar province.");
  auto r = find(x, RelationType::DeployedTo, "United States", "Anbar");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->modality, Modality::Planned);
  EXPECT_EQ(r->rule, "parse:deploy.verb.passive-unowned");
  EXPECT_NE(r->note.find("forces named before"), std::string::npos);
  auto y = run(
      "The president pledged to bring U.S. troops home. But he left office with about 8,400 troops in "
      "Afghanistan.");
  EXPECT_TRUE(find(y, RelationType::DeployedTo, "United States", "Afghanistan"));
}

TEST(UnownedForces, NoOwnerWhenTwoAreNamedBefore) {
  auto x = run("Russia and Iran have troops in Syria. The additional troops will be deployed to Idlib.");
  EXPECT_FALSE(find(x, RelationType::DeployedTo, "Russia", "Idlib"));
  EXPECT_FALSE(find(x, RelationType::DeployedTo, "Iran", "Idlib"));
}

// forces of a group, or backed by someone, are not the forces of the owner named before
TEST(UnownedForces, RebelOrKurdishForcesAreNoStatesOwn) {
  auto x = run(
      "The president ordered U.S. troops to leave. The decision raised fears of an offensive against Kurdish "
      "forces in northern Syria.");
  EXPECT_FALSE(find(x, RelationType::DeployedTo, "United States", "Syria"));
  auto y = run(
      "The president ordered U.S. troops to leave. The regime has redoubled its efforts to crush rebel forces in "
      "Aleppo, mounting a major offensive.");
  EXPECT_FALSE(find(y, RelationType::DeployedTo, "United States", "Aleppo"));
}

// "to Kherson province": the kind of place after the name is the place, and the parse rule reads it
TEST(Deployment, PlaceNamedWithItsKind) {
  auto x = run("Russia deployed additional troops to Kherson province.");
  auto r = find(x, RelationType::DeployedTo, "Russia", "Kherson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rule, "parse:deploy.verb.active");
}

// --- "they" for the two people named together before, as a party of a one-sided rule

TEST(PluralReference, TheyStandForThePairNamedBefore) {
  auto x = run(
      "President Donald Trump and first lady Melania Trump flew to Buckingham Palace, where they were greeted by "
      "Prince Charles and his wife Camilla.");
  for (const char* guest : {"Donald Trump", "Melania Trump"})
    for (const char* host : {"Prince Charles", "Camilla"}) {
      auto r = find(x, RelationType::MetWith, guest, host);
      ASSERT_TRUE(r) << guest << " / " << host;
      EXPECT_NE(r->note.find("they -> "), std::string::npos);
    }
  // the second of the pair named with its country and title before the name
  auto z = run(
      "President Donald Trump and Japanese Prime Minister Shinzo Abe played golf on Sunday. The two leaders met "
      "again on Monday.");
  EXPECT_TRUE(find(z, RelationType::MetWith, "Donald Trump", "Shinzo Abe"));
  // no pair named: "they" are others
  auto y = run("Officials flew to Buckingham Palace, where they were greeted by Prince Charles and his wife Camilla.");
  EXPECT_EQ(count(y, RelationType::MetWith), 0);
}

// --- "the leaders of X": the leader the text names for it, else the country

TEST(CountryLeaders, LeadersOfACountryAreTheLeaderNamed) {
  auto x = run(
      "British Prime Minister David Cameron called for a firm response. Obama spoke over the weekend with the "
      "leaders of France and Great Britain.");
  EXPECT_TRUE(find(x, RelationType::SpokeWith, "Barack Obama", "France"));
  // the leaders were spoken with, not the country beside them
  EXPECT_FALSE(find(x, RelationType::SpokeWith, "Barack Obama", "United Kingdom"));
  auto r = find(x, RelationType::SpokeWith, "Barack Obama", "David Cameron");
  ASSERT_TRUE(r);
  EXPECT_NE(r->note.find("leaders of United Kingdom -> David Cameron"), std::string::npos);
  // officials are not the leader
  auto y = run(
      "British Prime Minister David Cameron called for a firm response. Obama spoke over the weekend with "
      "officials of France and Great Britain.");
  EXPECT_FALSE(find(y, RelationType::SpokeWith, "Barack Obama", "David Cameron"));
}

// --- lists of names with their unit, institutions that start with a common word

TEST(HoldsPosition, UnitListedAfterTheName) {
  auto x = run(
      "Those killed were Staff Sergeant Daniel Ortiz[12], U.S. Air Force Security Forces, and Special Agent Mary Cole[13], "
      "U.S. Air Force Office of Special Investigations.");
  auto r = find(x, RelationType::HoldsPosition, "Daniel Ortiz", "U.S. Air Force Security Forces");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Staff Sergeant");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Mary Cole", "U.S. Air Force Office of Special Investigations"));
  auto y = run("Staff Sergeant Daniel Ortiz, Canada and Mexico were mentioned in the report.");  // no unit there
  EXPECT_EQ(count(y, RelationType::HoldsPosition), 0);
}

// --- places named by their class ("the Republic of X") and referred to by it ("the republic")

TEST(ForcesPresent, TheRepublicIsThePlaceNamedBefore) {
  auto x = run(
      "The Republic of Karelia lies in the north-west. Karelia is known for its lakes. "
      "There were attacks on the Russian military stationed in the republic.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "Russia", "Republic of Karelia"));
}

// --- lower-case titles between names, time qualifiers, ranks that begin with a unit word

TEST(HoldsPosition, LowerCaseTitleBetweenTwoNames) {
  auto x = run("Former FIBA president Paolo Rossi is under investigation.");
  auto r = find(x, RelationType::HoldsPosition, "Paolo Rossi", "FIBA");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "President");
  auto y = run("District mayor Anne Petit said the windows had broken.");  // a common word opening the sentence
  EXPECT_EQ(count(y, RelationType::HoldsPosition), 0);
}

TEST(HoldsPosition, TitleAtTheTime) {
  auto x = run("Years later, an ETA leader at the time, Jose Ortiz, said the aim had been to cause damage.");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "Jose Ortiz", "ETA"));
}

TEST(HoldsPosition, RankBeginningWithAUnitWord) {
  auto x = run("NPG Brigade General Carlos Mendez was detained on Monday.");
  auto r = find(x, RelationType::HoldsPosition, "Carlos Mendez", "NPG");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "Brigade General");
}

TEST(ForcesPresent, PlaceOfTheOpeningAdverbial) {
  auto x = run("On March 3, 2016 in Kandahar, a gunman opened fire, wounding four NATO service members.");
  EXPECT_TRUE(find(x, RelationType::DeployedTo, "NATO", "Kandahar"));
  auto y = run("On March 3 a gunman in Kandahar opened fire, wounding four NATO service members.");  // no scene adverbial
  EXPECT_EQ(count(y, RelationType::DeployedTo), 0);
}

TEST(ForcesPresent, AnOpeningClauseSetsNoScene) {
  // a clause before the place, not a time: the veteran lives there, the insurrection was there
  auto x = run("Now retired and living in Tacoma, Washington, the former U.S. Army soldier still writes to the "
               "Kurdish fighters he served beside.");
  EXPECT_EQ(count(x, RelationType::DeployedTo), 0);
  auto y = run("Last November in Kandahar, two NATO service members were wounded by a gunman.");
  EXPECT_TRUE(find(y, RelationType::DeployedTo, "NATO", "Kandahar"));
}

// --- pronouns: the source named after what it reports is not whom the report is about

TEST(Pronouns, TheSpeakerOfTheSentenceIsNotItsPronoun) {
  auto x = run(
      "Steffen Hebestreit said the trip would be long. Olaf Scholz arrived in Paris on Monday. He will meet Emmanuel "
      "Macron on Tuesday, Hebestreit said.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Steffen Hebestreit", "Emmanuel Macron"));
}

TEST(Pronouns, ASourceWithItsTitleAfterAReportIsNotTheNextPronoun) {
  auto x = run(
      "Olaf Scholz will fly to Paris on Monday, Chancellery spokesman Steffen Hebestreit said. He will meet Emmanuel "
      "Macron there.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Steffen Hebestreit", "Emmanuel Macron"));
}

TEST(Pronouns, ASourceAfterAReportOnAnotherPersonIsNotTheNextPronoun) {
  auto x = run("Olaf Scholz will fly to Paris on Monday, Steffen Hebestreit said. He will meet Emmanuel Macron there.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Steffen Hebestreit", "Emmanuel Macron"));
}

// A pronoun opening its sentence after a conjunction or an opening phrase that names a place or an
// outlet (no person) continues the previous sentence's subject, not the person named last in it.
TEST(Pronouns, AfterAConjunctionOrAPlacePhraseThePronounIsTheLastSubject) {
  auto x = run("Olaf Scholz criticised the plan of Mark Rutte. And he met with Emmanuel Macron on Monday.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Mark Rutte", "Emmanuel Macron"));
  auto y = run("Olaf Scholz criticised the plan of Mark Rutte. In Paris on Monday, he met with Emmanuel Macron.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(y, RelationType::MetWith, "Mark Rutte", "Emmanuel Macron"));
}

// A pronoun in a phrase put before the subject stands for that subject, named after the phrase,
// even when the subject then says something ("As he prepares ..., Scholz said").
TEST(Pronouns, PronounInAFrontedPhraseIsTheSubjectAfterIt) {
  auto x = run(
      "Mark Rutte arrived on Sunday. As he prepares to meet with Emmanuel Macron in Lyon, France, Olaf Scholz "
      "said the talks would be hard.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Mark Rutte", "Emmanuel Macron"));
  auto y = run(
      "Mark Rutte arrived on Sunday. The paper reported that in his meeting with Emmanuel Macron, Olaf Scholz went "
      "off script.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(y, RelationType::MetWith, "Mark Rutte", "Emmanuel Macron"));
}

// A kin word in an apposition after a name gives the person's sex ("X, the younger sister of Y"): a
// "she" then goes to her, not to the man named nearer whom the text gives no sex.
TEST(Pronouns, KinWordInAnAppositionGivesTheSex) {
  auto x = run(
      "Ilse Brandt, the younger sister of Governor Arno Falk, came to Berlin. When she met with President Olaf "
      "Scholz, the talks went well.");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Ilse Brandt", "Olaf Scholz"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Arno Falk", "Olaf Scholz"));
}

// A name after the last comma of an object list, with a speech verb right after it, is the
// sentence's speaker, not one more person met, even where the parser joins it to the list.
TEST(Lists, SpeakerAfterTheListIsNoParty) {
  auto x = run(
      "Olaf Scholz will meet Prime Minister Mark Rutte and Foreign Minister Emmanuel Macron , Arno Falk told "
      "reporters .");
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Mark Rutte"));
  EXPECT_TRUE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"));
  EXPECT_FALSE(find(x, RelationType::MetWith, "Olaf Scholz", "Arno Falk"));
  auto y = run("Olaf Scholz will meet Mark Rutte, Emmanuel Macron and Arno Falk, officials said.");
  EXPECT_TRUE(find(y, RelationType::MetWith, "Olaf Scholz", "Arno Falk"));
}

// --- holds_position from the office-holder table

TEST(HoldsPosition, OfficeHolderWithAMiddleInitial) {
  auto x = run("Secretary of State John F. Kerry said the United States would not send troops.", "2014-03-02");
  EXPECT_TRUE(find(x, RelationType::HoldsPosition, "John F. Kerry", "United States"));
}

// The writer's "I" is the subject; a name in the place they went to is not (bench reading, issue 12).
TEST(WithFrame, TheWritersIIsTheOneWhoMet) {
  auto x = run("I went to the Star Trek con in Vegas this past August and met with Brannon Braga and Ronald D. Moore "
               "and John DeLancie and told them what I had.");
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
}

}  // namespace
}  // namespace kgraph::extract
