// Modality by scope, one case a test: the cue governs the trigger through the parse.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

Modality modality_of(const std::string& text) {
  auto x = run(text);
  const Relation* r = find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron");
  EXPECT_NE(r, nullptr) << text;
  return r ? r->modality : Modality::Asserted;
}

TEST(ModalityScope, PastIsAsserted) { EXPECT_EQ(modality_of("Olaf Scholz met Emmanuel Macron on Monday."), Modality::Asserted); }

TEST(ModalityScope, FutureAuxiliary) {
  EXPECT_EQ(modality_of("Olaf Scholz will meet Emmanuel Macron on Monday."), Modality::Planned);
}

TEST(ModalityScope, Negation) {
  EXPECT_EQ(modality_of("Olaf Scholz did not meet Emmanuel Macron on Monday."), Modality::Negated);
}

TEST(ModalityScope, InfinitiveUnderAgree) {
  EXPECT_EQ(modality_of("Olaf Scholz agreed to meet Emmanuel Macron next month."), Modality::Planned);
}

TEST(ModalityScope, Conditional) {
  EXPECT_EQ(modality_of("If Olaf Scholz meets Emmanuel Macron, the deal may survive."), Modality::Hypothetical);
}

TEST(ModalityScope, CancelledMeeting) {
  EXPECT_EQ(modality_of("Olaf Scholz cancelled his meeting with Emmanuel Macron."), Modality::Negated);
}

TEST(ModalityScope, ACancelledPlannedMeetingIsNegated) {
  // the noun's own "planned" says when; the cancelling head says it did not happen
  EXPECT_EQ(modality_of("Olaf Scholz called off a planned meeting on Tuesday with Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz cancelled his upcoming talks with Emmanuel Macron."), Modality::Negated);
  // a head that only plans leaves the noun's own time
  EXPECT_EQ(modality_of("Olaf Scholz prepared for a planned meeting with Emmanuel Macron."), Modality::Planned);
}

TEST(ModalityScope, UpcomingNoun) {
  EXPECT_EQ(modality_of("Olaf Scholz prepared for his upcoming talks with Emmanuel Macron."), Modality::Planned);
}

TEST(ModalityScope, ReportedAdverb) {
  EXPECT_EQ(modality_of("Olaf Scholz reportedly met Emmanuel Macron on Monday."), Modality::Reported);
}

TEST(ModalityScope, SayingDoesNotChangeTheMeeting) {
  EXPECT_EQ(modality_of("Officials said Olaf Scholz met Emmanuel Macron on Monday."), Modality::Asserted);
}

TEST(ModalityScope, AheadOfTwoWordPreposition) {
  EXPECT_EQ(modality_of("Olaf Scholz flew to Paris on Sunday ahead of his meeting with Emmanuel Macron."),
            Modality::Planned);
}

// the bench corpus: "Stoltenberg said on Tuesday ahead of meeting with new Bulgarian President,
// Rumen Radev": the gerund's "of" is a mark, not a case word
TEST(ModalityScope, AheadOfGerund) {
  EXPECT_EQ(modality_of("Olaf Scholz spoke to reporters on Tuesday ahead of meeting with Emmanuel Macron."),
            Modality::Planned);
}

TEST(ModalityScope, PresentTimeClauseTakesTheMainClauseFuture) {
  EXPECT_EQ(modality_of("When Olaf Scholz meets with Emmanuel Macron next month, he will raise the issue."),
            Modality::Planned);
}

// realnews-train: "Trump will not be boxed in when he meets with Kim", "leaving it to Trump to
// negotiate the finer points when he meets with Kim in May or June"
TEST(ModalityScope, PresentTimeClauseIsPlannedWhateverTheMainClauseSays) {
  EXPECT_EQ(modality_of("Olaf Scholz will not be boxed in when he meets with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("The declaration leaves it to Olaf Scholz to negotiate the details when he meets with "
                        "Emmanuel Macron in June."),
            Modality::Planned);
}

TEST(ModalityScope, PastTimeClauseStaysAsserted) {
  EXPECT_EQ(modality_of("When Olaf Scholz met Emmanuel Macron last month, he raised the issue."), Modality::Asserted);
}

TEST(ModalityScope, TimeNounWithNext) {
  EXPECT_EQ(modality_of("Olaf Scholz meets Emmanuel Macron next week."), Modality::Planned);
}

TEST(ModalityScope, PhrasalGovernorCalledOff) {
  EXPECT_EQ(modality_of("Olaf Scholz called off his meeting with Emmanuel Macron."), Modality::Negated);
}

// The document is dated 2023-05-10 (the fixture's default).
TEST(ModalityScope, ADateAheadOfTheArticleIsPlanned) {
  EXPECT_EQ(modality_of("Aides described the June 12 summit between Olaf Scholz and Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Aides described the April 12 summit between Olaf Scholz and Emmanuel Macron."), Modality::Asserted);
  // no year: the nearer reading, so December is last December's
  EXPECT_EQ(modality_of("Aides described the December summit between Olaf Scholz and Emmanuel Macron."), Modality::Asserted);
}

TEST(ModalityScope, RequestsAreNotMeetings) {
  EXPECT_EQ(modality_of("Olaf Scholz called for talks with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz pushed for a meeting with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz demanded a meeting with Emmanuel Macron."), Modality::Planned);
}

// Talks a third party backs, opposes or says are due have not taken place.
TEST(ModalityScope, TalksSupportedOrOpposedAreNotHeld) {
  EXPECT_EQ(modality_of("Germany supports direct talks between Olaf Scholz and Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Germany opposed talks between Olaf Scholz and Emmanuel Macron."), Modality::Hypothetical);
  EXPECT_EQ(modality_of("Olaf Scholz said it was time for talks with Emmanuel Macron."), Modality::Planned);
}

TEST(ModalityScope, GovernorPhraseWithItsPreposition) {
  EXPECT_EQ(modality_of("The weeks leading up to Olaf Scholz's meeting with Emmanuel Macron were tense."),
            Modality::Planned);
}

TEST(ModalityScope, SlatedToIsPlanned) {
  EXPECT_EQ(modality_of("Olaf Scholz is slated to meet Emmanuel Macron in Paris."), Modality::Planned);
}

// Shaped after sentences of realnews-train (names swapped for the fixture's): a meeting someone
// envisions, judges unlikely or blocks is not one that took place.
TEST(ModalityScope, EnvisionedUnlikelyOrBlockedMeetings) {
  EXPECT_EQ(modality_of("Officials initially envisioned a summit between Olaf Scholz and Emmanuel Macron in March."),
            Modality::Planned);
  EXPECT_EQ(modality_of("A meeting between Olaf Scholz and Emmanuel Macron is unlikely."), Modality::Hypothetical);
  EXPECT_EQ(modality_of("The court blocked the meeting between Olaf Scholz and Emmanuel Macron."), Modality::Negated);
}

// A meeting that someone tries to bar is not one held; a "bar" that is a noun sets a standard for it.
TEST(ModalityScope, BarredMeetingIsNegated) {
  EXPECT_EQ(modality_of("Hardliners made an attempt to bar the meeting between Olaf Scholz and Emmanuel Macron."),
            Modality::Negated);
  EXPECT_NE(modality_of("The summit in Rome sets a high bar for the meeting between Olaf Scholz and Emmanuel Macron."),
            Modality::Negated);
}

TEST(ModalityScope, ProbablyAMeeting) {
  EXPECT_EQ(modality_of("Olaf Scholz started a tour devoted to trade and probably a meeting with Emmanuel Macron."),
            Modality::Hypothetical);
}

// "for" gives the purpose: the verb's time is the meeting's (realnews-train: "he would sit for
// interviews with NBC, ABC and CBS")
TEST(ModalityScope, PurposeForTakesTheVerbsTime) {
  EXPECT_EQ(modality_of("Olaf Scholz will travel to Paris for talks with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz travelled to Paris for talks with Emmanuel Macron."), Modality::Asserted);
}

// realnews-train: "Trump and May met with ... executives": the tagger reads "May" as a modal; a
// word of an entity mention is a name, and a modal before a past form ("may met") is none
TEST(ModalityScope, ANameIsNoModal) {
  auto x = run("Theresa May welcomed Olaf Scholz to London.");
  const Relation* r = find(x, RelationType::MetWith, "Theresa May", "Olaf Scholz");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

// realnews-train: forces found by position take the scope too, not the window's "would" of
// another clause ("a proposal that would keep Iranian forces in Syria")
TEST(ModalityScope, ForcesByPositionTakeTheScope) {
  auto x = run("Officials agreed on a proposal that would keep Russian forces in Syria 27 miles from the border.");
  const Relation* r = find(x, RelationType::DeployedTo, "Russia", "Syria");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

// realnews-train: a presence of forces is where they are, whatever the clause plans for it
TEST(ModalityScope, PresenceOfForcesKeepsItsOwnModality) {
  auto x = run("Their main rival, the cleric, who leads the largest grouping, said he was willing to work with them to end "
               "the U.S. military presence in Iraq.");
  const Relation* r = find(x, RelationType::DeployedTo, "United States", "Iraq");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

// realnews-train: "on a potential Camp David meeting with the Taliban": the parser hangs the
// adjective on the compound's first noun
TEST(ModalityScope, ModifierOnTheFirstNounOfACompound) {
  EXPECT_EQ(modality_of("Olaf Scholz overruled his advisers on a potential Camp David meeting with Emmanuel Macron."),
            Modality::Hypothetical);
}

// realnews-train: "it said it was open to talks with the United States": "talks" read as a verb
// with "to" as its mark still hangs from the phrase "open to"
TEST(ModalityScope, OpenToTalksReadAsAnInfinitive) {
  EXPECT_EQ(modality_of("Olaf Scholz said he was open to talks with Emmanuel Macron."), Modality::Planned);
}

// realnews-train: "he didn't want to rule out the need for the U.S. to deploy troops": what one
// will not rule out may still come; the negation above "rule out" is not the meeting's
TEST(ModalityScope, NotRuledOutIsHypothetical) {
  EXPECT_EQ(modality_of("Olaf Scholz did not want to rule out a meeting with Emmanuel Macron."), Modality::Hypothetical);
}

// realnews-train: "who subsequently flew to North Korea to meet with Kim this month", "traveled to
// England, Israel and Poland to meet with leaders": a purpose the subject went for, told in the
// past, was carried out; in the present it is still to come, and one sent is still to go
TEST(ModalityScope, PurposeToldInThePastWasCarriedOut) {
  EXPECT_EQ(modality_of("Olaf Scholz flew to Paris on Monday to meet with Emmanuel Macron."), Modality::Asserted);
  EXPECT_EQ(modality_of("Olaf Scholz traveled to Paris to meet Emmanuel Macron and sign the treaty."), Modality::Asserted);
  EXPECT_EQ(modality_of("Olaf Scholz is flying to Paris on Monday to meet with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("The chancellor dispatched Olaf Scholz to Paris to meet with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz was scheduled to meet with Emmanuel Macron on Tuesday evening, aides said."),
            Modality::Planned);
}

// realnews-train: "a final decision on whether to go ahead with the summit": the adverb after the
// verb is read as its particle, and the clause's "whether" is the summit's
TEST(ModalityScope, WhetherToGoAheadWith) {
  EXPECT_EQ(modality_of("Olaf Scholz will decide whether to go ahead with his meeting with Emmanuel Macron."),
            Modality::Hypothetical);
}

// realnews-train: "A meeting between Trump and Kim also seemed impossible until recent weeks": the
// subject of a linking verb takes what its complement says
TEST(ModalityScope, SubjectOfALinkingVerbTakesItsComplement) {
  EXPECT_EQ(modality_of("A meeting between Olaf Scholz and Emmanuel Macron seemed impossible until recent weeks."),
            Modality::Hypothetical);
}

// forward-looking nouns and a bare "tomorrow" on the verb the meeting is for
TEST(ModalityScope, PreparationAndTomorrow) {
  EXPECT_EQ(modality_of("Olaf Scholz flew to Paris in preparation for his meeting with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz goes to Paris tomorrow for a meeting with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz said talks with Emmanuel Macron are dead."), Modality::Negated);
}

// realnews-train: "to be on the agenda when Trump and Kim meet", with "meet" tagged a noun: the head
// of a time clause is a verb whatever its tag
TEST(ModalityScope, TimeClauseWithItsVerbTaggedANoun) {
  EXPECT_EQ(modality_of("Parliament has been silent in pushing for any of this to be on the agenda when Olaf Scholz and "
                        "Emmanuel Macron meet, in part because the ministry was without a top diplomat."),
            Modality::Planned);
}

// realnews-train: "is also bound for Abu Dhabi to meet with the Crown Prince"
TEST(ModalityScope, BoundForAPlaceToMeet) {
  EXPECT_EQ(modality_of("Olaf Scholz is also bound for Paris to meet with Emmanuel Macron, who has grown wary of Berlin."),
            Modality::Planned);
}

// going in the present progressive "for" talks: still to come; in the past it took place
TEST(ModalityScope, HeadingForTalks) {
  EXPECT_EQ(modality_of("Olaf Scholz is heading to Paris for talks with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz flew to Paris for his summit with Emmanuel Macron on Thursday."), Modality::Asserted);
}

TEST(ModalityScope, DaysAwayPreconditionInvitation) {
  EXPECT_EQ(modality_of("The summit between Olaf Scholz and Emmanuel Macron is just days away."), Modality::Planned);
  EXPECT_EQ(modality_of("Berlin said an apology was a precondition for any meeting between Olaf Scholz and Emmanuel Macron."),
            Modality::Hypothetical);
  EXPECT_EQ(modality_of("Olaf Scholz accepted an invitation to meet Emmanuel Macron."), Modality::Planned);
}

// "X is to meet Y" and "X was to meet Y" say what is (or was) arranged, not that it happened;
// "was able to meet" has a complement of its own and stays asserted
TEST(ModalityScope, IsToMeetAndWasToMeet) {
  EXPECT_EQ(modality_of("Olaf Scholz is to meet Emmanuel Macron on Monday."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz was to meet Emmanuel Macron on Monday."), Modality::Planned);
  EXPECT_EQ(modality_of("On Friday, Olaf Scholz and Emmanuel Macron were to meet in Paris."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz was able to meet Emmanuel Macron on Monday."), Modality::Asserted);
}

// a negated head that negates is a double negative: the meeting may still come
TEST(ModalityScope, RuledOutAndNotRuledOut) {
  EXPECT_EQ(modality_of("Olaf Scholz ruled out a meeting with Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz has not ruled out a meeting with Emmanuel Macron."), Modality::Hypothetical);
  EXPECT_EQ(modality_of("Olaf Scholz did not cancel his meeting with Emmanuel Macron."), Modality::Hypothetical);
}

TEST(ModalityScope, FailedSkippedSupposed) {
  EXPECT_EQ(modality_of("Olaf Scholz failed to meet Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz skipped the meeting with Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz was supposed to meet Emmanuel Macron on Monday, but the meeting was cancelled."),
            Modality::Planned);
}

// realnews-train: "Tomorrow I go to Helsinki for a Monday meeting with X": a finite present going
// "for" a meeting is still to come; an infinitive or a past form is not read so
TEST(ModalityScope, PresentGoingForAMeeting) {
  auto x = run("\"I go to Paris for a meeting with Emmanuel Macron,\" Olaf Scholz said.");
  const Relation* r = find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz flew to Paris for talks with Emmanuel Macron."), Modality::Asserted);
}

// a plan, offer or invitation that its verb turns down is no meeting; accepted, it is still to come
TEST(ModalityScope, TurnedDownInvitation) {
  EXPECT_EQ(modality_of("Olaf Scholz declined an invitation to meet Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz scrapped plans for talks with Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz rejected an offer to meet Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz did not reject an offer to meet Emmanuel Macron."), Modality::Planned);
}

// a verb of planning negated: the meeting is not arranged (yet), not called off; a plan noun
// said not to exist stays negated
TEST(ModalityScope, NegatedPlanningVerbIsNotYet) {
  EXPECT_EQ(modality_of("Olaf Scholz is not slated to meet with Emmanuel Macron in Paris."), Modality::Hypothetical);
  EXPECT_EQ(modality_of("Olaf Scholz is not expected to meet Emmanuel Macron this week."), Modality::Hypothetical);
  // (a plan for talks with X is found by no rule and, since 2026-12-07, kept by no scorer threshold)
  EXPECT_EQ(modality_of("Olaf Scholz said there were no plans to meet Emmanuel Macron."), Modality::Negated);
  EXPECT_EQ(modality_of("Olaf Scholz did not meet Emmanuel Macron."), Modality::Negated);
}

// realnews-train: "after X spoke with Y" parsed as a clause on the noun "jeopardy": a past verb on a
// noun tells its own time, not the "could" of the noun's clause
TEST(ModalityScope, PastVerbOnANounKeepsItsOwnTime) {
  auto x = run("Europe's relationship with Russia could potentially be in jeopardy after Chancellor Olaf Scholz spoke "
               "with French President Emmanuel Macron by phone Friday.");
  const Relation* r = find(x, RelationType::SpokeWith, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

// realnews-train: "had low expectations for his meeting with X", the "for" phrase hung on the verb:
// the verb's object with the preposition is the phrase of the cue table
TEST(ModalityScope, CuePhraseThroughTheVerbsObject) {
  EXPECT_EQ(modality_of("In the same interview, Olaf Scholz claimed that he had “low expectations” for his Monday "
                        "meeting with Emmanuel Macron."),
            Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz made preparations for his summit with Emmanuel Macron."), Modality::Planned);
}

// realnews-train: "X is coming into his meetings with Y this week": going into a meeting in the present
// progressive is going to one still to come; in the past it took place
TEST(ModalityScope, GoingIntoTalksInTheProgressive) {
  EXPECT_EQ(modality_of("Olaf Scholz is heading into talks with Emmanuel Macron this week."), Modality::Planned);
  EXPECT_EQ(modality_of("Officials disputed suggestions that Olaf Scholz is coming into his meetings with Emmanuel "
                        "Macron this week in a strong position."),
            Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz went into his meeting with Emmanuel Macron in a strong position."), Modality::Asserted);
}

// a gerund clause after a cue phrase's preposition (parsed as the clause's mark) takes the phrase:
// "a condition for resuming negotiations with X" is hypothetical
TEST(ModalityScope, CuePhraseBeforeAGerund) {
  EXPECT_EQ(modality_of("Olaf Scholz made an apology a condition for resuming talks with Emmanuel Macron."),
            Modality::Hypothetical);
}

// realnews-train: "his hastily arranged second summit with X", "her role in arranging Y's meeting with
// Z": an arranging told in the past was done, the meeting held (no governor row for "arrange")
TEST(ModalityScope, ArrangedMeetingIsHeld) {
  EXPECT_EQ(modality_of("Olaf Scholz flew to Paris for his hastily arranged summit with Emmanuel Macron."),
            Modality::Asserted);
}

// realnews-train: "clears an obstacle to direct talks between Trump and Kim": what stands in a
// meeting's way is said of one still to come
TEST(ModalityScope, ObstacleToTalks) {
  EXPECT_EQ(modality_of("The release clears an obstacle to direct talks between Olaf Scholz and Emmanuel Macron."),
            Modality::Hypothetical);
}

// realnews-train: "the Kerry and Lavrov meeting wasn't about punishing Assad": a negation on what a
// meeting was or did leaves it held; a verb of taking place negated says it was not
TEST(ModalityScope, NegationOfWhatTheMeetingWasNotOfTheMeeting) {
  EXPECT_EQ(modality_of("Critics said the meeting between Olaf Scholz and Emmanuel Macron wasn't about trade."),
            Modality::Asserted);
  EXPECT_EQ(modality_of("The meeting between Olaf Scholz and Emmanuel Macron did not produce a deal."),
            Modality::Asserted);
  EXPECT_EQ(modality_of("The meeting between Olaf Scholz and Emmanuel Macron did not happen."), Modality::Negated);
  EXPECT_EQ(modality_of("The meeting between Olaf Scholz and Emmanuel Macron never took place."), Modality::Negated);
}

// Talks that are the subject of "aimed at" are under way; "aim" says what they are for (bench reading, issue 12).
TEST(ModalityScope, TalksAimedAtADealAreHeld) {
  auto x = run("The talks between Aslan Maskhadov and Russia 's Vyacheslav Tikhomirov are aimed at putting the finishing "
               "touches to a ceasefire .");
  const Relation* r = find(x, RelationType::MetWith, "Aslan Maskhadov", "Vyacheslav Tikhomirov");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

TEST(ModalityScope, AimingToMeetIsPlanned) {
  EXPECT_EQ(modality_of("Olaf Scholz aims to meet Emmanuel Macron next month."), Modality::Planned);
}

// A noun with no cue of its own through "for" takes its verb's: the bar is set for a meeting still to come.
TEST(ModalityScope, NounForAMeetingTakesItsVerbsCue) {
  EXPECT_EQ(modality_of("The summit sets a high bar for Olaf Scholz's meeting with Emmanuel Macron."), Modality::Planned);
}

// A meeting before or after what a planned clause does is still to come; after a done thing it was held.
TEST(ModalityScope, TimeObliqueUnderAPlanIsPlanned) {
  EXPECT_EQ(modality_of("Olaf Scholz plans to hold a news conference after Thursday's meetings with Emmanuel Macron."),
            Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz will fly home before his talks with Emmanuel Macron on Friday."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz held a news conference after Thursday's meeting with Emmanuel Macron."),
            Modality::Asserted);
}

TEST(ModalityScope, TimeClauseGerundTakesTheMainClauseFuture) {
  EXPECT_EQ(modality_of("Olaf Scholz will speak to reporters after meeting with Emmanuel Macron."), Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz spoke to reporters after meeting with Emmanuel Macron."), Modality::Asserted);
}

TEST(ModalityScope, WorkingOnAMeetingIsPlanned) {
  EXPECT_EQ(modality_of("Olaf Scholz is working on a meeting with Emmanuel Macron."), Modality::Planned);
}

// "for X to meet Y": what should or may be (a poll's question), not a meeting held.
TEST(ModalityScope, ForSubjectInfinitiveIsNotYet) {
  auto x = run("Olaf Scholz is a cautious man. Forty-one percent said they think it is appropriate for Mr. Scholz to meet "
               "with Emmanuel Macron, compared to just 35% last year.");
  const Relation* r = find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->modality, Modality::Hypothetical);
}

// A meeting said to be possible, or whose possibility is raised, may come; it was not held.
TEST(ModalityScope, PossibleMeetingIsHypothetical) {
  EXPECT_EQ(modality_of("Olaf Scholz said a meeting with Emmanuel Macron was possible."), Modality::Hypothetical);
  EXPECT_EQ(modality_of("Olaf Scholz left open the possibility of a meeting with Emmanuel Macron."), Modality::Hypothetical);
}

// A to-infinitive says no time of its own: talks it is for take what its head says. A plan to use a place
// for talks is planned; the same plan scrapped is no meeting.
TEST(ModalityScope, TalksAnInfinitiveIsForTakeItsHead) {
  EXPECT_EQ(modality_of("Olaf Scholz faced criticism this week for a plan to use his country house for talks with "
                        "Emmanuel Macron."),
            Modality::Planned);
  EXPECT_EQ(modality_of("Olaf Scholz faced criticism this week for a plan - later scuttled - to use his country house "
                        "for talks with Emmanuel Macron."),
            Modality::Negated);
}

// A planning participle with an adverb of before says the plan was made in the past, not that the meeting is
// still to come.
TEST(ModalityScope, PreviouslyScheduledMeetingIsNotPlanned) {
  EXPECT_EQ(modality_of("Olaf Scholz was told of the vote an hour later and was about to head into a previously "
                        "scheduled meeting with Emmanuel Macron."),
            Modality::Asserted);
  EXPECT_EQ(modality_of("Olaf Scholz is preparing for a scheduled meeting with Emmanuel Macron."), Modality::Planned);
}

}  // namespace
}  // namespace kgraph::extract::test
