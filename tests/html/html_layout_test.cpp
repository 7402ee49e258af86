// Main text of page layouts that lost text or kept furniture on modern pages: a
// standfirst between the headline and the text, an author's box below the article,
// a header left open by broken markup, a stray NUL byte. Every page is written for
// these tests; the expected text is given whole.
#include <gtest/gtest.h>

#include <string>

#include "extract/html/text_util.hpp"
#include "html_test_support.hpp"

namespace kgraph::extract::html {
namespace {

using test::rules;

// The standfirst sits under the headline, in a box whose class names nothing.
TEST(HtmlLayout, StandfirstBetweenHeadlineAndTextIsKept) {
  const char* page = R"(<html><head><title>Bridge closes for a month of repairs</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<div class="x-wrap"><div class="x-story">
 <div class="x-head">
  <h1>Bridge closes for a month of repairs</h1>
  <h2 class="x-sub">Drivers face detours of up to twenty minutes while engineers replace the worn joints of the old span.</h2>
  <div class="x-meta"><span>By Ann Lowe</span> <span>12 May 2022</span></div>
 </div>
 <div class="x-text">
  <p>The river bridge will close on Monday for a month, the county said, after an inspection found cracks in two of its expansion joints.</p>
  <p>Buses will run on the ring road instead, and the ferry will add two crossings in the morning and two in the evening, the operator said.</p>
  <p>Shops near the bridge fear a quiet month, and the traders' association has asked the county to waive parking fees in the old town.</p>
 </div>
</div></div>
<footer><p>Copyright 2022 Daily Courier. All rights reserved.</p></footer>
</body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Bridge closes for a month of repairs\n\n"
            "Drivers face detours of up to twenty minutes while engineers replace the worn joints of the old span.\n\n"
            "The river bridge will close on Monday for a month, the county said, after an inspection found cracks in two of "
            "its expansion joints.\n\n"
            "Buses will run on the ring road instead, and the ferry will add two crossings in the morning and two in the "
            "evening, the operator said.\n\n"
            "Shops near the bridge fear a quiet month, and the traders' association has asked the county to waive parking "
            "fees in the old town.");
}

// Prose above the headline (a site notice, a teaser) is not a standfirst.
TEST(HtmlLayout, ProseBeforeTheHeadlineIsNoStandfirst) {
  const char* page = R"(<html><head><title>Mill reopens</title></head><body><div class="wrap">
 <div class="x-notice">Our offices are closed over the holidays, and letters will be answered from the second week of January.</div>
 <article>
  <h1>Mill reopens as a museum</h1>
  <div class="x-body">
   <p>The old paper mill by the weir opened its doors as a museum on Saturday, after six years of work by volunteers and a grant from the region.</p>
   <p>Visitors can watch the water wheel drive the beaters again, and a printer shows how the mill's paper was made into books and posters.</p>
   <p>The museum is open from Thursday to Sunday, and school classes can book a morning with the volunteers, the curator said.</p>
  </div>
 </article>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_FALSE(test::contains(a.text, "offices are closed"));
  EXPECT_TRUE(test::contains(a.text, "The old paper mill by the weir"));
}

// A paragraph or two about the writer under a class naming the author: not the article.
TEST(HtmlLayout, AuthorBoxIsDropped) {
  const char* page = R"(<html><head><title>Night trains return</title></head><body><div class="content">
 <h1>Night trains return</h1>
 <div class="entry-content">
  <p>The night train to the coast runs again from Friday, for the first time in eleven years, with sleeping cars bought second-hand abroad.</p>
  <p>Tickets for the first weeks sold out within a day, the operator said, and a second weekly train may follow in the summer if demand holds.</p>
  <p>The carriages were refitted in the railway's own workshop, with new beds, a small bar and room for bicycles in the last car.</p>
 </div>
 <section class="post-author-bio">
  <img src="/img/tom.jpg" alt="">
  <h4>Tom Berger</h4>
  <p>Tom Berger writes about transport and travel for the paper. Before that he worked as a conductor on regional trains for ten years, and he still knows every timetable by heart.</p>
 </section>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Night trains return\n\n"
            "The night train to the coast runs again from Friday, for the first time in eleven years, with sleeping cars "
            "bought second-hand abroad.\n\n"
            "Tickets for the first weeks sold out within a day, the operator said, and a second weekly train may follow in "
            "the summer if demand holds.\n\n"
            "The carriages were refitted in the railway's own workshop, with new beds, a small bar and room for bicycles in "
            "the last car.");
}

// The page header is never closed: the parser puts the whole page inside it.
TEST(HtmlLayout, UnclosedHeaderHoldingThePageIsNotDropped) {
  const char* page = R"(<html><head><title>Club signs coach</title></head><body>
<header class="top"><div class="logo">Handball News</div>
<nav><a href="/">Home</a> <a href="/teams">Teams</a></nav>
<section class="news"><h1>Club signs new head coach</h1>
<div class="news-text">
<p>The club has signed a new head coach for next season, a former international who has worked as an assistant in the first division.</p>
<p>He takes over in July on a contract of two years, the club said on Sunday, and will keep his current post until the end of the season.</p>
<p>The sporting director said he had followed the coach's work for years and trusted him to build a young team around the club's academy.</p>
</div></section>
</body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(test::contains(a.text, "The club has signed a new head coach"));
  EXPECT_TRUE(test::contains(a.text, "build a young team around the club's academy."));
  EXPECT_FALSE(test::contains(a.text, "Teams"));
}

// A run of NUL bytes in the middle of a page (a broken upload): the text after it is read.
TEST(HtmlLayout, TextAfterNulBytesIsRead) {
  std::string page = "<html><head><title>Market</title></head><body><div class=\"x\"><img src=\"a.png\">";
  page += std::string(8, '\0');
  page += R"(</div><article><h1>Market moves indoors</h1>
<p>The weekly market moves into the old tram depot for the winter, the town said, so that stall holders and shoppers stay dry.</p>
<p>The depot holds forty stalls, ten fewer than the square, and places will go first to the farmers who sell their own produce.</p>
<p>The market returns to the square in April, once the works on the fountain are finished, the mayor's office said.</p>
</article></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(test::contains(a.text, "The weekly market moves into the old tram depot"));
  EXPECT_TRUE(test::contains(a.text, "once the works on the fountain are finished"));
}


// Word lists are matched whatever the case of a capital with an accent: "Über", "Ähnliche".
TEST(HtmlLayout, BoilerplatePhrasesMatchCapitalUmlauts) {
  EXPECT_TRUE(rules().is_boilerplate(text_lower("Ähnliche Themen"), 15));
  EXPECT_TRUE(rules().is_boilerplate(text_lower("ÜBER DEN AUTOR"), 14));
  // a wire service's reprint line under a story
  EXPECT_TRUE(rules().is_boilerplate(text_lower("This material may not be published, broadcast, rewritten or redistributed."), 75));
  EXPECT_FALSE(rules().is_boilerplate(text_lower("Über den Autor dieses Buches weiß man wenig, und die Briefe an seinen Verleger sind verloren."), 92));
}

// A picture's caption written as a plain paragraph, with its credit: not article text.
TEST(HtmlLayout, CaptionParagraphWithCreditIsDropped) {
  const char* page = R"(<html><head><title>Hafen</title></head><body><div class="x">
 <h1>Neue Kräne für den Hafen</h1>
 <p>Der Hafen bekommt zwei neue Kräne, die ersten seit dreißig Jahren, und soll damit im Frühjahr doppelt so viele Schiffe abfertigen.</p>
 <p class="x-img"><img src="kran.jpg"> Der alte Kran am Ostkai, hier im Winter. (Foto: Stadtarchiv)</p>
 <p>Die Kräne kommen in Teilen mit dem Schiff und werden am Kai zusammengesetzt, was etwa sechs Wochen dauern soll, sagte die Hafenmeisterin.</p>
 <p>Für die Arbeiten wird der Ostkai gesperrt, Fähren legen in dieser Zeit am Westkai an, teilte die Hafenverwaltung am Montag mit.</p>
 <p>Die Kosten von zwölf Millionen Euro tragen die Stadt und das Land zu gleichen Teilen, ein Zuschuss des Bundes ist beantragt.</p>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(test::contains(a.text, "Der Hafen bekommt zwei neue Kräne"));
  EXPECT_TRUE(test::contains(a.text, "ein Zuschuss des Bundes ist beantragt."));
  EXPECT_FALSE(test::contains(a.text, "Stadtarchiv"));
}


// A card for another story inside the article: a linked subheading and its summary.
TEST(HtmlLayout, TeaserCardInsideTheArticleIsDropped) {
  const char* page = R"(<html><head><title>Town raises its flood wall</title></head><body><div class="x-frame">
 <h1>Town raises its flood wall</h1>
 <div class="x-text">
  <p>The town will raise its flood wall by half a metre this summer, after the river came within a hand's breadth of the top in February.</p>
  <p>The works start in June and will close the riverside path for three months, the council said, with a detour through the park.</p>
  <div class="x-box"><img src="dam.jpg">
   <h3><a href="/news/reservoir-levels">Reservoir levels at a ten-year low</a></h3>
   <p>Dry weeks in the hills have left the reservoirs half empty, and the water board asks households to save water. <a href="/news/reservoir-levels">more</a></p>
  </div>
  <p>Residents in the lower streets will be offered sandbags for the time of the works, and a pump will stand ready by the bridge.</p>
  <h3>What it costs</h3>
  <p>The wall costs four million euros, of which the region pays three quarters, and the council expects the work to last two summers.</p>
 </div>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Town raises its flood wall\n\n"
            "The town will raise its flood wall by half a metre this summer, after the river came within a hand's breadth "
            "of the top in February.\n\n"
            "The works start in June and will close the riverside path for three months, the council said, with a detour "
            "through the park.\n\n"
            "Residents in the lower streets will be offered sandbags for the time of the works, and a pump will stand ready "
            "by the bridge.\n\n"
            "What it costs\n\n"
            "The wall costs four million euros, of which the region pays three quarters, and the council expects the work "
            "to last two summers.");
}

// A page made of such cards is a listing, and the cards are its text.
TEST(HtmlLayout, PageOfCardsKeepsThem) {
  std::string page = "<html><head><title>Blog</title></head><body><div class=\"x-posts\">";
  const char* titles[] = {"Repairing a bicycle hub", "Sowing beans in pots", "A walk along the canal"};
  for (const char* t : titles) {
    page += std::string("<div class=\"x-post\"><h2><a href=\"/p\">") + t +
            "</a></h2><p>This week's note tells what went well and what did not, with a few pictures and the "
            "list of tools that were needed on the day.</p></div>";
  }
  page += "</div></body></html>";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(test::contains(a.text, "This week's note tells what went well"));
}


// The article body cut in two boxes of one class by an ad slot in its own wrapper:
// both parts are the text, in order, without the ad.
TEST(HtmlLayout, ArticleSplitByAnAdSlotIsJoined) {
  const char* page = R"(<html><head><title>Orchestra tours Asia</title></head><body><div class="x-frame">
 <div class="x-wrap">
  <section class="x-part"><p>The city orchestra leaves on Friday for its first tour of Asia, with eleven concerts in five countries over three weeks.</p></section>
 </div>
 <div class="x-slot"><div class="x-ad">Advertisement</div></div>
 <div class="x-wrap">
  <section class="x-part">
   <p>The musicians will play two programmes, one of them with a symphony written for the tour by a composer from the city.</p>
   <p>Forty tonnes of instruments and costumes travel by ship, the manager said, and the harps and timpani went ahead a month ago.</p>
   <p>The tour ends in Seoul with a concert for schools, which the orchestra will stream live for pupils at home, the manager added.</p>
   <p>Tickets for the concerts in Tokyo, Osaka and Taipei sold out within days, and a second concert in Singapore was added in June.</p>
   <p>The city pays a third of the cost, the sponsors and the ticket sales the rest, and the orchestra expects to break even this time.</p>
  </section>
 </div>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Orchestra tours Asia\n\n"
            "The city orchestra leaves on Friday for its first tour of Asia, with eleven concerts in five countries over "
            "three weeks.\n\n"
            "The musicians will play two programmes, one of them with a symphony written for the tour by a composer from "
            "the city.\n\n"
            "Forty tonnes of instruments and costumes travel by ship, the manager said, and the harps and timpani went "
            "ahead a month ago.\n\n"
            "The tour ends in Seoul with a concert for schools, which the orchestra will stream live for pupils at home, "
            "the manager added.\n\n"
            "Tickets for the concerts in Tokyo, Osaka and Taipei sold out within days, and a second concert in Singapore "
            "was added in June.\n\n"
            "The city pays a third of the cost, the sponsors and the ticket sales the rest, and the orchestra expects to "
            "break even this time.");
}


// The story's <header> (headline, standfirst, byline) outside any <article>: the page
// header is dropped, this one holds the headline and its standfirst is text.
TEST(HtmlLayout, StandfirstInTheStorysHeaderIsKept) {
  const char* page = R"(<html><head><title>Drives grow to 80 TB</title></head><body>
<header class="x-site"><a href="/">Tech Weekly</a> <a href="/reviews">Reviews</a></header>
<div class="x-col">
 <header class="x-top">
  <h1>Drives grow to 80 TB</h1>
  <p class="x-deck">Heat-assisted recording has reached its second generation, and the path looks clear to far larger disks.</p>
  <span class="x-who">By Lee Park</span>
 </header>
 <div class="x-copy">
  <p>A maker of hard drives showed platters on Tuesday that hold four times as much as today's largest, using a laser to heat each bit.</p>
  <p>The first drives with the new platters will ship to data centres next year, the company said, and to shops a year after that.</p>
  <p>Analysts expect the price per terabyte to fall by a third, although the drives will draw a little more power than the old ones.</p>
 </div>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Drives grow to 80 TB\n\n"
            "Heat-assisted recording has reached its second generation, and the path looks clear to far larger disks.\n\n"
            "A maker of hard drives showed platters on Tuesday that hold four times as much as today's largest, using a "
            "laser to heat each bit.\n\n"
            "The first drives with the new platters will ship to data centres next year, the company said, and to shops a "
            "year after that.\n\n"
            "Analysts expect the price per terabyte to fall by a third, although the drives will draw a little more power "
            "than the old ones.");
}


// Class words favour a small title block ("page-title"): the <article> that holds the
// prose is the text instead.
TEST(HtmlLayout, TinyFavouredBlockGivesWayToTheArticle) {
  const char* page = R"(<html><head><title>Wine group grows</title></head><body><div class="x-frame">
 <div class="block page-title-block" id="main-content"><h1>Wine group grows by a fifth</h1><p>Luxury, 2022.</p></div>
 <div class="x-col"><article class="x-node">
  <div class="x-part"><p>The luxury group reported sales of sixty-four billion euros for last year, a fifth more than before the pandemic.</p></div>
  <div class="x-pic"><img src="cellar.jpg"></div>
  <div class="x-bit"><p>Its wines and spirits grew faster than the rest, led by champagne, whose houses sold more bottles than in any year before.</p></div>
 </article></div>
</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(test::contains(a.text, "The luxury group reported sales of sixty-four billion euros"));
  EXPECT_TRUE(test::contains(a.text, "whose houses sold more bottles than in any year before."));
}

}  // namespace
}  // namespace kgraph::extract::html
