// Main-text extraction on small realistic pages written for these tests.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "html_test_support.hpp"

namespace kgraph::extract::html {
namespace {

using test::contains;
using test::rules;

const char* kNewsPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head><title>Ministers meet in Brussels | Example Times</title>
<script>var tracking = "do not extract me";</script><style>p { color: red }</style></head>
<body>
<div id="cookie-banner">We use cookies to improve your experience. Accept cookies?</div>
<header class="site-header"><a href="/">Example Times</a> <nav><ul><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="layout">
 <article class="story">
  <h1>Ministers meet in Brussels</h1>
  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
  <p>Foreign ministers of the European Union met in Brussels on Monday to discuss sanctions, energy prices and the
     war in Ukraine, officials said.</p>
  <p>The meeting, which lasted more than six hours, ended with a joint statement &amp; a promise of further talks
     in March, according to diplomats present.</p>
  <h2>What comes next</h2>
  <p>Officials said a decision on the new package was expected &ldquo;within weeks&rdquo;, though two member
     states have yet to agree.</p>
 </article>
 <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity weds in secret ceremony</a></li>
   <li><a href="/b">Ten recipes for autumn evenings</a></li></ul></aside>
 <div class="related-articles"><h3>Related articles</h3><ul><li><a href="/c">EU summit ends without a deal on budget talks</a></li>
   <li><a href="/d">Sanctions: what you need to know about the latest round</a></li></ul></div>
 <section id="comments"><h3>3 comments</h3>
   <div class="comment"><p>Great reporting, thanks for covering this in so much detail, really.</p></div>
   <div class="comment"><p>I disagree with the premise of the whole article, sanctions never work.</p></div>
 </section>
</div>
<footer><p>Copyright &copy; 2017 Example Times. All rights reserved.</p></footer>
</body></html>)";

TEST(HtmlArticle, KeepsArticleParagraphsAndHeadings) {
  HtmlArticle a = extract_article(kNewsPage, rules());
  EXPECT_TRUE(contains(a.text, "Foreign ministers of the European Union met in Brussels on Monday"));
  EXPECT_TRUE(contains(a.text, "a joint statement & a promise"));                  // entity decoded
  EXPECT_TRUE(contains(a.text, "\xE2\x80\x9Cwithin weeks\xE2\x80\x9D"));          // &ldquo; &rdquo;
  EXPECT_TRUE(contains(a.text, "\n\nWhat comes next\n\n"));                      // heading as its own paragraph
  EXPECT_TRUE(contains(a.text, "which lasted more than six hours, ended"));       // whitespace collapsed
}

TEST(HtmlArticle, DropsFurniture) {
  HtmlArticle a = extract_article(kNewsPage, rules());
  for (const char* junk : {"do not extract", "color: red", "cookies", "Politics", "Share on", "Most read",
                           "Celebrity", "Related articles", "EU summit ends", "Great reporting", "All rights reserved"})
    EXPECT_FALSE(contains(a.text, junk)) << junk << " in:\n" << a.text;
}

TEST(HtmlArticle, CommentsAreSeparate) {
  HtmlArticle a = extract_article(kNewsPage, rules());
  EXPECT_TRUE(contains(a.comments, "Great reporting"));
  EXPECT_TRUE(contains(a.comments, "sanctions never work"));
  EXPECT_FALSE(contains(a.comments, "Foreign ministers"));
}

TEST(HtmlArticle, ParagraphsSeparatedByBlankLine) {
  HtmlArticle a = extract_article(kNewsPage, rules());
  EXPECT_EQ(a.text.rfind("Ministers meet in Brussels\n\nForeign ministers", 0), 0u) << a.text;
  EXPECT_EQ(a.text.find("\n\n\n"), std::string::npos);
  EXPECT_EQ(a.text.find("  "), std::string::npos);
}

TEST(HtmlArticle, NoArticleTextGivesEmptyText) {
  const char* page = R"(<html><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
    <div class="menu"><a href="/x">X</a></div><form><input name="q"><button>Search</button></form></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(extract_article("", rules()).text, "");
  EXPECT_EQ(extract_article("just some words without markup", rules()).text, "just some words without markup");
}

TEST(HtmlArticle, DivTextWithLineBreaks) {
  // Old blogs put the whole post in one div with <br> between lines.
  const char* page = R"(<html><body><div id="menu"><a href="/">Home</a></div>
    <div class="post-body">First line of a long post about gardening, tomatoes and the summer heat.<br>
    Second line of the same post, which goes on about watering schedules, mulch and pests.<br><br>
    Third paragraph, on harvest.</div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(contains(a.text, "summer heat.\nSecond line")) << a.text;
  EXPECT_TRUE(contains(a.text, "Third paragraph, on harvest.")) << a.text;
  EXPECT_FALSE(contains(a.text, "Home"));
}

TEST(HtmlArticle, Deterministic) {
  HtmlArticle a = extract_article(kNewsPage, rules());
  HtmlArticle b = extract_article(kNewsPage, rules());
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.comments, b.comments);
}

TEST(HtmlArticle, RealPageRegression) {
  // A page from the Dragnet sample (tests/data/html/), checked for its opening and its absence of furniture.
  std::ifstream in(std::string(KGRAPH_TEST_DATA) + "/html/dragnet-R342.html", std::ios::binary);
  ASSERT_TRUE(in);
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(contains(a.text, "HTC and Verizon are having a little get-together on Nov. 13")) << a.text;
  EXPECT_TRUE(contains(a.text, "Set your alarms, boys and girls")) << a.text;
  EXPECT_LT(a.text.size(), 2000u) << a.text;
  EXPECT_TRUE(contains(a.comments, "Do we know for sure this is Android related")) << a.comments;
}

}  // namespace
}  // namespace kgraph::extract::html
