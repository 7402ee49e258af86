// Hostile and broken pages: no crash, no stack overflow. Time is not asserted
// here (shared machines are noisy); ctest's per-test timeout catches a hang,
// and scripts/bench measures speed.
#include <gtest/gtest.h>

#include "html_test_support.hpp"

namespace kgraph::extract::html {
namespace {

using test::contains;
using test::rules;

TEST(HtmlHostile, HundredThousandNestedDivs) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Deep inside the nesting there is one sentence, long enough to count as text.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  HtmlArticle a = extract_article(page, rules());
  (void)a;  // libxml2 may cap the depth and drop the innermost text; surviving is the point
}

TEST(HtmlHostile, UnclosedNestedDivsAndJsonBomb) {
  std::string page = "<html><head><script type=\"application/ld+json\">";
  page += std::string(200000, '[');
  page += "</script></head><body>";
  for (int i = 0; i < 50000; ++i) page += "<div><span>";
  page += "text";
  EXPECT_NO_THROW(extract_article(page, rules()));
}

TEST(HtmlHostile, BrokenMarkup) {
  const char* page = R"(<html><body><p>First paragraph of a story that never closes its tags properly
    <p>Second <b>bold <i>italic</b> text</i> continues here with more words than needed<div></p></span>
    <table><tr><td>cell without end <p>para in cell, still part of the story, with commas, many</table>
    <!-- unterminated comment)";
  HtmlArticle a;
  ASSERT_NO_THROW(a = extract_article(page, rules()));
  EXPECT_FALSE(a.text.empty());
  EXPECT_NO_THROW(extract_article("<", rules()));
  EXPECT_NO_THROW(extract_article(std::string("\0\0<html\0>", 9), rules()));
  EXPECT_NO_THROW(extract_article("<html><body><p>&#xFFFFFFFF; &#0; &bogus; &amp</p></body></html>", rules()));
}

TEST(HtmlHostile, HugeFlatPage) {
  std::string page = "<html><body>";
  for (int i = 0; i < 20000; ++i)
    page += "<p>Paragraph number " + std::to_string(i) + " of a very long page, with a comma, and some words.</p>";
  page += "</body></html>";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(contains(a.text, "Paragraph number 19999 of")) << a.text.substr(0, 200);
}

}  // namespace
}  // namespace kgraph::extract::html
