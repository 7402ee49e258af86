#include "extract/clean/text_cleaner.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/lexicon/lexicon.hpp"

namespace kgraph::extract {
namespace {

const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(KGRAPH_ONTOLOGY);
  return lex;
}

std::string kept(const Document& doc) {
  std::string out;
  for (const Span& s : doc.content) out += std::string(s.of(doc.text)) + "\n";
  return out;
}

TEST(TextCleaner, KeepsTitleAndProseAndDropsPageDebris) {
  Document doc;
  doc.text =
      "Menu\nHome page World\n"
      "Ministers agree new sanctions package after long talks\n"
      "Facebook\nTwitter\nWhatsApp\n"
      "Foreign ministers of the union agreed on Monday to widen sanctions after talks in the capital that ran "
      "late into the night, officials said.\n"
      "READ MORE: Earlier talks collapsed over energy\n"
      "Poor little summit: a primer https://t.co/abcdef pic.twitter.com/xyz\n"
      "The package still needs the approval of national parliaments, which is expected next month.\n"
      "Related articles\n"
      "Another president visits a museum and writes a long sentence about it for the sidebar readers here.\n"
      "Leave a Reply\nYour email address will not be published.\n";
  CleanResult r = clean_text(doc, lexicon());
  const std::string k = kept(doc);
  EXPECT_EQ(std::string(r.title.of(doc.text)), "Ministers agree new sanctions package after long talks");
  EXPECT_NE(k.find("Foreign ministers of the union agreed"), std::string::npos) << k;
  EXPECT_NE(k.find("national parliaments"), std::string::npos) << k;
  for (const char* gone : {"Facebook", "READ MORE", "t.co", "Another president", "email address", "Menu"})
    EXPECT_EQ(k.find(gone), std::string::npos) << gone << " in:\n" << k;
}

// Wire sports copy: a headline, a dateline, then results and a squad list with hardly a
// sentence among them. All of it is article text; a line is never dropped for its shape.
TEST(TextCleaner, KeepsResultsTablesAndListsOfAnArticle) {
  Document doc;
  doc.text =
      "BASKETBALL - RED STAR WIN EUROPEAN TOURNAMENT .\n"
      "BELGRADE 1996-08-30\n"
      "Results of an international basketball tournament played on Friday and Thursday in the city :\n"
      "Red Star ( Yugoslavia ) beat Dinamo ( Russia ) 92-90 ( halftime 47-47 )\n"
      "Leicestershire beat Somerset\n"
      "Squad : Ian Healy , Mark Taylor , Shane Warne\n"
      "Fulham 4 3 0 1 5 3 9\n";
  clean_text(doc, lexicon());
  const std::string k = kept(doc);
  for (const char* line : {"BASKETBALL - RED STAR", "BELGRADE 1996-08-30", "Red Star ( Yugoslavia ) beat Dinamo",
                           "Leicestershire beat Somerset", "Squad : Ian Healy", "Fulham 4 3 0 1 5 3 9"})
    EXPECT_NE(k.find(line), std::string::npos) << line << " dropped from:\n" << k;
}

// Inside the article only debris goes: button rows, sign-up lines, a label's value.
TEST(TextCleaner, DropsDebrisInsideTheArticle) {
  Document doc;
  doc.text =
      "Ministers agree new sanctions package after long talks\n"
      "12 Punto 14 Punto 16 Punto 18 Punto\n"
      "Foreign ministers of the union agreed on Monday to widen sanctions after talks in the capital that ran "
      "late into the night, officials said.\n"
      "Sign up for Daily Newsletters\n"
      "Story Continued Below\n"
      "The package still needs the approval of national parliaments, which is expected next month.\n"
      "Author\nexample-news.com\n";
  clean_text(doc, lexicon());
  const std::string k = kept(doc);
  EXPECT_NE(k.find("national parliaments"), std::string::npos) << k;
  for (const char* gone : {"Punto", "Daily Newsletters", "Story Continued", "example-news.com"})
    EXPECT_EQ(k.find(gone), std::string::npos) << gone << " in:\n" << k;
}

// A relative time alone on a line ("7 years ago") and a newsletter box's blurb are
// page debris, whatever the number; a sentence that tells how long ago something
// happened is the article's.
TEST(TextCleaner, DropsRelativeTimeLinesAndNewsletterBlurbs) {
  Document doc;
  doc.text =
      "12 years ago\n"
      "A daily roundup of river and ferry news\n"
      "Mayors of the two river towns met on Friday to settle a quarrel that began 7 years ago over the ferry.\n"
      "3 hours ago\n"
      "The mayors agreed to share the ferry's costs for five years, an aide said.\n"
      "an hour ago\n"
      "7 years ago, the ferry sank.\n";
  clean_text(doc, lexicon());
  EXPECT_EQ(kept(doc),
            "Mayors of the two river towns met on Friday to settle a quarrel that began 7 years ago over the ferry.\n"
            "The mayors agreed to share the ferry's costs for five years, an aide said.\n"
            "7 years ago, the ferry sank.\n");
}

// A news site's name card run into a sentence: the person's full name glued to
// headlines of other stories and "MORE". Its words leave the sentence's tokens (no
// "Example Jane" entity, no relation from a headline) while the line's span, the
// evidence a relation quotes, stays whole. A quoted "MORE" with no card is text.
TEST(TextCleaner, CutsNameCardsOutOfSentences) {
  Document doc;
  doc.text =
      "Mayor Jane Example Jane Q. ExampleCouncil balks at ferry costs Bridge vote delayed again MORE met the "
      "ferry crews on Friday, and Speaker Tom Sample Thomas (Tom) Sample Sample faces recall vote MORE joined her.\n"
      "The unions said they were \"PREPARED TO DO MORE\" if the talks fail, a spokesman said on Friday.\n";
  CleanResult r = clean_text(doc, lexicon());
  ASSERT_EQ(doc.content.size(), 2u);
  EXPECT_EQ(doc.content[0].begin, 0u);
  EXPECT_EQ(doc.content[0].end, doc.text.find('\n'));
  std::string words;
  for (const Span& t : doc.tokens) words += std::string(t.of(doc.text)) + " ";
  EXPECT_EQ(words.substr(0, words.find(" , ")),
            "Mayor Jane Example met the ferry crews on Friday");
  EXPECT_NE(words.find("Speaker Tom Sample joined her ."), std::string::npos) << words;
  EXPECT_NE(words.find("PREPARED TO DO MORE"), std::string::npos) << words;
  std::vector<std::string> removed;
  for (const CleanRemoval& c : r.removed) removed.push_back(c.rule + ": " + std::string(c.span.of(doc.text)));
  EXPECT_EQ(removed, (std::vector<std::string>{
                         "name card 'MORE': Jane Q. ExampleCouncil balks at ferry costs Bridge vote delayed again MORE",
                         "name card 'MORE': Thomas (Tom) Sample Sample faces recall vote MORE",
                     }));
}

TEST(TextCleaner, ReadsLabelledDateAndAuthorLines) {
  Document doc;
  doc.text =
      "Leaders meet to discuss the border crisis\n\n"
      "The two leaders met on Tuesday to discuss the crisis on the border and agreed to meet again soon.\n\n"
      "Date\n2019.03.04 / 10:15\nAuthor\nexample-news.com\nSee also\nSomething else entirely\n";
  CleanResult r = clean_text(doc, lexicon());
  EXPECT_EQ(r.date_line, "2019.03.04 / 10:15");
  EXPECT_EQ(r.author_line, "example-news.com");
}

TEST(TextCleaner, OffsetsAreIntoTheOriginalBytes) {
  Document doc;
  doc.text = "\xEF\xBB\xBF  Short title of the piece here\n\n   The agency said the two sides would hold talks again next week in the capital.  \n";
  clean_text(doc, lexicon());
  ASSERT_EQ(doc.content.size(), 2u);
  EXPECT_EQ(std::string(doc.content[1].of(doc.text)),
            "The agency said the two sides would hold talks again next week in the capital.");
}

TEST(TextCleaner, EmptyAndDebrisOnlyTextsGiveNoContent) {
  Document empty;
  clean_text(empty, lexicon());
  EXPECT_TRUE(empty.content.empty());
  Document debris;
  debris.text = "Facebook\nTwitter\nSubscribe\n";
  clean_text(debris, lexicon());
  EXPECT_TRUE(debris.content.empty());
}

// A scraper's dump: a headline of another story run into the last sentence of a
// paragraph, a headline in capitals between paragraphs, a photo credit and an
// update note. The cleaner cuts them and says why; the sentences stay whole.
TEST(TextCleaner, CutsGluedTeasersAndSaysWhatItRemoved) {
  Document doc;
  doc.text =
      "Mayors of the two river towns met on Friday to settle a long quarrel over the ferry, which both towns want "
      "to run.\n"
      "Enlarge this image toggle caption Jane Example/Example Agency\n"
      "The mayors agreed to share the ferry's costs and its takings for five years, an aide said after the "
      "summit.Councillor faces high stakes in vote on new bridge\n"
      "COUNTY PLANS NEW ROAD ACROSS THE VALLEY\n"
      "Both councils still have to approve the deal, which is expected next month, officials said.\n"
      "This article was updated with the councils' statements.\n";
  CleanResult r = clean_text(doc, lexicon());
  EXPECT_EQ(kept(doc),
            "Mayors of the two river towns met on Friday to settle a long quarrel over the ferry, which both towns want "
            "to run.\n"
            "The mayors agreed to share the ferry's costs and its takings for five years, an aide said after the "
            "summit.\n"
            "Both councils still have to approve the deal, which is expected next month, officials said.\n");
  std::vector<std::string> removed;
  for (const CleanRemoval& c : r.removed) removed.push_back(c.rule + ": " + std::string(c.span.of(doc.text)));
  EXPECT_EQ(removed, (std::vector<std::string>{
                         "drop_prefix 'Enlarge this image': Enlarge this image toggle caption Jane Example/Example Agency",
                         "glued teaser: Councillor faces high stakes in vote on new bridge",
                         "headline in capitals: COUNTY PLANS NEW ROAD ACROSS THE VALLEY",
                         "drop_contains 'this article was updated': This article was updated with the councils' statements.",
                     }));
  // The tokens of the cut tail are gone too: no token past the kept text of its line.
  for (const Span& t : doc.tokens) EXPECT_EQ(std::string(t.of(doc.text)).find("Councillor"), std::string::npos);
}

// Sentences glued by a missing space that are not a headline stay: a quoted post
// ("...amazed.They couldn't believe it."), a name with initials, a closing quotation,
// a German date ("31. Oktober") and an abbreviation ("z.B. Kinder").
TEST(TextCleaner, KeepsGluedSentencesThatAreNotHeadlines) {
  Document doc;
  doc.text =
      "The mayor wrote that the press was startled and amazed.They could not believe it, he added in the post on "
      "Sunday.\n"
      "The ferry, the mayor said, will run every hour from the spring onwards. \u2014 Mayor J. Example (\n"
      "The council met on Monday to vote on the ferry contract. Mayor: \"We will keep the ferry running\"\n"
      "Die Regierung bittet um eine Verschiebung des f\u00fcr 31. Oktober geplanten Austritts\n"
      "Manche F\u00e4hren fahren nur auf Anfrage, z.B. Kinder bis 17 Jahren reisen dort frei\n";
  CleanResult r = clean_text(doc, lexicon());
  EXPECT_TRUE(r.removed.empty()) << r.removed.front().rule;
  EXPECT_EQ(doc.content.size(), 5u);
}

// "AD" alone on a line is an advertisement slot's label between paragraphs, page debris; the
// article's own "AD" inside a sentence stays.
TEST(TextCleaner, DropsAdvertisementSlotLabels) {
  Document doc;
  doc.text =
      "Ministers agree new sanctions package after long talks\n\n"
      "Foreign ministers of the union agreed on Monday to widen sanctions after talks in the capital that ran "
      "late into the night, officials said.\n\nAD\n\nAD\n\n"
      "The package still needs the approval of national parliaments, which the ministers expect by 2030 AD at the latest.\n";
  clean_text(doc, lexicon());
  const std::string k = kept(doc);
  EXPECT_NE(k.find("national parliaments"), std::string::npos) << k;
  EXPECT_NE(k.find("2030 AD"), std::string::npos) << k;
  EXPECT_EQ(k.find("\nAD\n"), std::string::npos) << k;
  EXPECT_NE(k.rfind("AD", 0), 0u) << k;
}

}  // namespace
}  // namespace kgraph::extract
