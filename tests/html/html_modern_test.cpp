// Main text of modern page layouts: JSON-LD articleBody, teasers inside the
// article, cookie walls, captions and bylines. Every page is written for these
// tests; the expected text is given whole.
#include <gtest/gtest.h>

#include "html_test_support.hpp"

namespace kgraph::extract::html {
namespace {

using test::rules;

// The article sits in a box whose class says nothing, next to a longer box of
// story teasers with short paragraphs; the JSON-LD articleBody names the box.
const char* kJsonLdPage = R"(<!DOCTYPE html>
<html lang="en"><head><title>Harbour reopens after storm</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Harbour reopens after storm",
 "articleBody":"The harbour of the town reopened on Tuesday, three days after the storm tore two cranes from their rails and sank a tug at its mooring.\nDivers checked the basin for wreckage overnight, and the first ferry left at noon with a handful of passengers, the port authority said.\nRepairs to the eastern quay, where the cranes fell, will take until the spring, according to the harbour master."}
</script></head>
<body>
<div class="x1"><div class="x2">
 <h1>Harbour reopens after storm</h1>
 <div class="x3">
  <p>The harbour of the town reopened on Tuesday, three days after the storm tore two cranes from their rails and sank a tug at its mooring.</p>
  <p>Divers checked the basin for wreckage overnight, and the first ferry left at noon with a handful of passengers, the port authority said.</p>
  <p>Repairs to the eastern quay, where the cranes fell, will take until the spring, according to the harbour master.</p>
 </div>
</div>
<div class="x4">
 <div class="x5"><p>A baker in the old town has won a regional prize for her rye bread, the third in a row, and plans to open a second shop.</p></div>
 <div class="x5"><p>The council voted on Monday to close the swimming pool for repairs, which are expected to cost more than planned, members said.</p></div>
 <div class="x5"><p>A choir of retired teachers will sing in the cathedral on Sunday, with a programme of songs from the region, the organisers said.</p></div>
 <div class="x5"><p>Road works on the ring road, which began in May, will end a month late, the highways office said, because of the wet summer.</p></div>
</div></div>
</body></html>)";

TEST(HtmlModern, JsonLdArticleBodyPicksTheArticleAmongLongerTeasers) {
  HtmlArticle a = extract_article(kJsonLdPage, rules());
  EXPECT_EQ(a.text,
            "Harbour reopens after storm\n\n"
            "The harbour of the town reopened on Tuesday, three days after the storm tore two cranes from their rails and "
            "sank a tug at its mooring.\n\n"
            "Divers checked the basin for wreckage overnight, and the first ferry left at noon with a handful of "
            "passengers, the port authority said.\n\n"
            "Repairs to the eastern quay, where the cranes fell, will take until the spring, according to the harbour "
            "master.");
}

// A page whose body is drawn by script: the DOM holds a shell, the JSON-LD the article.
TEST(HtmlModern, JsonLdArticleBodyIsTheTextWhenThePageShowsNoneOfIt) {
  const char* page = R"(<html><head><title>Orchard harvest</title>
<script type="application/ld+json">[{"@type":"WebSite","name":"Valley Post"},{"@type":"NewsArticle",
 "headline":"Orchard harvest starts early",
 "articleBody":"<p>Apple growers in the valley began picking two weeks earlier than usual this year, after a warm spring and a dry summer.</p><p>The cooperative expects a smaller crop of larger fruit, its chairwoman said on Friday, and has hired fewer seasonal workers than last year.</p><p>Prices at the wholesale market have already risen by a tenth since August, traders said, and may rise further if the autumn stays dry.</p>"}]
</script></head>
<body><div id="app"><div class="shell"><p>Loading the article, one moment please.</p></div></div></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Orchard harvest starts early\n\n"
            "Apple growers in the valley began picking two weeks earlier than usual this year, after a warm spring and a "
            "dry summer.\n\n"
            "The cooperative expects a smaller crop of larger fruit, its chairwoman said on Friday, and has hired fewer "
            "seasonal workers than last year.\n\n"
            "Prices at the wholesale market have already risen by a tenth since August, traders said, and may rise "
            "further if the autumn stays dry.");
}

// A JSON-LD body that the page does not carry (another story, or a summary) is not
// taken: the page's own article wins.
TEST(HtmlModern, JsonLdArticleBodyThatThePageContradictsIsNotTrusted) {
  const char* page = R"(<html><head><title>Bridge closed</title>
<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Short."}</script></head>
<body><article>
<p>The old bridge over the river was closed to traffic on Wednesday after engineers found cracks in two of its piers.</p>
<p>Buses will be diverted over the new bridge for at least a month, the city said, and cyclists may still cross on foot.</p>
</article></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Bridge closed\n\n"
            "The old bridge over the river was closed to traffic on Wednesday after engineers found cracks in two of its "
            "piers.\n\n"
            "Buses will be diverted over the new bridge for at least a month, the city said, and cyclists may still "
            "cross on foot.");
}

// Inside the article: a "read more" teaser box, a captioned photo, a byline and a
// share bar. Only the article's paragraphs are text.
TEST(HtmlModern, TeaserBlockCaptionAndBylineInsideTheArticleAreDropped) {
  const char* page = R"(<html lang="de"><head><title>Neue Buslinie</title></head><body>
<article class="article">
 <h1>Neue Buslinie verbindet die Dörfer im Tal</h1>
 <div class="article-byline">Von Anna Beispiel, 12.03.2021</div>
 <figure><img src="bus.jpg"><figcaption>Der neue Bus an der Haltestelle am Markt. Foto: Archiv</figcaption></figure>
 <p>Seit Montag fährt eine neue Buslinie stündlich durch die sechs Dörfer im Tal, teilte der Verkehrsverbund mit.</p>
 <div class="teaser-box"><p><strong>Lesen Sie auch:</strong></p>
  <p><a href="/x">Gemeinderat beschließt neuen Radweg am Fluss</a></p></div>
 <p>Die Linie ersetzt den bisherigen Rufbus, der nur nach Anmeldung fuhr und oft ausgebucht war, sagte ein Sprecher.</p>
 <div class="social-share"><a href="#">Artikel teilen</a> <a href="#">Facebook</a></div>
</article></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Neue Buslinie verbindet die Dörfer im Tal\n\n"
            "Seit Montag fährt eine neue Buslinie stündlich durch die sechs Dörfer im Tal, teilte der Verkehrsverbund "
            "mit.\n\n"
            "Die Linie ersetzt den bisherigen Rufbus, der nur nach Anmeldung fuhr und oft ausgebucht war, sagte ein "
            "Sprecher.");
}

// A cookie wall in front of the article, named only by what it says (no class words),
// and a subscription box after it.
TEST(HtmlModern, CookieWallAndSubscriptionBoxAreDropped) {
  const char* page = R"(<html lang="fr"><head><title>Le marché couvert rouvre ses portes</title></head><body>
<div class="x9"><p>Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus. En poursuivant, vous acceptez leur utilisation.</p>
<p><a href="#">Accepter</a> <a href="#">Paramétrer</a></p></div>
<main>
 <h1>Le marché couvert rouvre ses portes</h1>
 <p>Le marché couvert de la ville a rouvert samedi après dix-huit mois de travaux, avec vingt-deux étals et une terrasse.</p>
 <p>Les commerçants, installés sous des tentes pendant le chantier, retrouvent leurs places d'origine, a indiqué la mairie.</p>
 <div class="x8"><p>Pour lire la suite, abonnez-vous dès 1 euro le premier mois.</p><p>Déjà abonné ? Connectez-vous</p></div>
</main></body></html>)";
  HtmlArticle a = extract_article(page, rules());
  EXPECT_EQ(a.text,
            "Le marché couvert rouvre ses portes\n\n"
            "Le marché couvert de la ville a rouvert samedi après dix-huit mois de travaux, avec vingt-deux étals et une "
            "terrasse.\n\n"
            "Les commerçants, installés sous des tentes pendant le chantier, retrouvent leurs places d'origine, a indiqué "
            "la mairie.");
}

}  // namespace
}  // namespace kgraph::extract::html
