// Metadata (Open Graph, JSON-LD, <meta>, <time>, canonical, lang) and charsets.
#include <gtest/gtest.h>

#include "html_test_support.hpp"

namespace kgraph::extract::html {
namespace {

using test::contains;
using test::rules;

TEST(HtmlMetadata, OpenGraphAndMetaTags) {
  const char* page = R"(<html lang="en-US"><head>
    <title>Storm hits coast - Coastal Herald</title>
    <meta property="og:title" content="Storm hits the coast">
    <meta property="og:site_name" content="Coastal Herald">
    <meta property="og:url" content="https://herald.example/og-url">
    <link rel="canonical" href="https://herald.example/storm">
    <meta property="article:published_time" content="2021-03-04T08:15:00+01:00">
    <meta name="author" content="By Jane Doe">
    </head><body><p>The storm hit the coast overnight, flooding roads and cutting power to thousands of homes.</p></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.title, "Storm hits the coast");
  EXPECT_EQ(a.source, "Coastal Herald");
  EXPECT_EQ(a.canonical_url, "https://herald.example/storm");
  EXPECT_EQ(a.date, "2021-03-04");
  EXPECT_EQ(a.author, "Jane Doe");
  EXPECT_EQ(a.language, "en-US");
}

TEST(HtmlMetadata, JsonLd) {
  const char* page = R"(<html><head><title>x</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Not this","datePublished":"1999-01-01"},
      {"@type":"NewsArticle","headline":"Talks resume","datePublished":"2019-11-05T10:00:00Z",
       "author":[{"@type":"Person","name":"Ann Smith"}],"publisher":{"@type":"Organization","name":"Daily Example"},
       "mainEntityOfPage":{"@id":"https://daily.example/talks"}}]}</script>
    <script type="application/ld+json">{ this is not json </script>
    </head><body><p>Talks resumed on Tuesday after a pause of several weeks, both delegations confirmed.</p></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.title, "Talks resume");
  EXPECT_EQ(a.date, "2019-11-05");
  EXPECT_EQ(a.author, "Ann Smith");
  EXPECT_EQ(a.source, "Daily Example");
  EXPECT_EQ(a.canonical_url, "https://daily.example/talks");
}

TEST(HtmlMetadata, TitleTagCleanedAndTimeElement) {
  const char* page = R"(<html><head><title>Harvest starts early | Farm News</title></head><body>
    <h1>Harvest starts early</h1><time datetime="2016-08-30">30 August</time>
    <p>Farmers began the harvest two weeks earlier than usual this year because of the dry summer.</p></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.title, "Harvest starts early");
  EXPECT_EQ(a.date, "2016-08-30");
  const char* no_h1 = R"(<html><head><title>Harvest starts early in the valley | Farm News</title></head><body></body></html>)";
  EXPECT_EQ(extract_article(no_h1, rules()).title, "Harvest starts early in the valley");
}

TEST(HtmlMetadata, DeclaredWindows1251) {
  // "Москва" in windows-1251, declared by the caller (an HTTP header, say).
  std::string page = "<html><body><p>\xCC\xEE\xF1\xEA\xE2\xE0 is the capital, and this sentence is long enough.</p></body></html>";
  HtmlArticle a = extract_article(page, rules(), "windows-1251");
  EXPECT_TRUE(contains(a.text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 is the capital")) << a.text;
}

TEST(HtmlMetadata, MetaCharsetLatin1) {
  std::string page =
      "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 owners in K\xF6ln said business was good this year.</p></body></html>";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_TRUE(contains(a.text, "Caf\xC3\xA9 owners in K\xC3\xB6ln")) << a.text;
}

TEST(HtmlMetadata, UnknownCharsetAndInvalidBytesStillGiveUtf8) {
  std::string page = "<html><body><p>Bad bytes \xFF\xFE here, and a sentence that goes on for a while.</p></body></html>";
  HtmlArticle a = extract_article(page, rules(), "no-such-charset");
  EXPECT_TRUE(contains(a.text, "and a sentence that goes on")) << a.text;
  for (std::size_t i = 0; i < a.text.size(); ++i) ASSERT_NE(static_cast<unsigned char>(a.text[i]), 0xFF);
}

}  // namespace
}  // namespace kgraph::extract::html
