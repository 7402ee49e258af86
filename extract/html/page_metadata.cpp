#include "extract/html/page_metadata.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "extract/html/date_parser.hpp"
#include "extract/html/dom_walk.hpp"
#include "extract/html/json_ld.hpp"
#include "extract/html/text_util.hpp"

namespace kgraph::extract::html {
namespace {

std::string clean(std::string_view s) {
  std::string out;
  append_collapsed(out, s);
  return std::string(trim(out));
}

struct Found {
  std::vector<std::pair<std::string, std::string>> meta;  // lower-cased name/property -> content
  std::string title_tag, h1, canonical, lang, time_datetime;
  JsonLdFacts json_ld;

  std::string meta_value(std::string_view key) const {
    for (const auto& [k, v] : meta)
      if (k == key && !v.empty()) return v;
    return {};
  }
};

Found collect(xmlDoc* doc) {
  Found f;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return f;
  walk(root, [&](xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return false;
    std::string_view tag = name_of(n);
    if (tag == "html" && f.lang.empty()) f.lang = clean(attribute(n, "lang"));
    else if (tag == "meta") {
      std::string content = clean(attribute(n, "content"));
      for (const char* a : {"property", "name", "itemprop", "http-equiv"}) {
        std::string key = ascii_lower(clean(attribute(n, a)));
        if (!key.empty()) f.meta.emplace_back(std::move(key), content);
      }
    } else if (tag == "link" && f.canonical.empty() && ascii_lower(attribute(n, "rel")) == "canonical") {
      f.canonical = clean(attribute(n, "href"));
    } else if (tag == "title" && f.title_tag.empty()) {
      f.title_tag = clean(text_content(n));
    } else if (tag == "h1" && f.h1.empty()) {
      f.h1 = clean(text_content(n));
    } else if (tag == "time" && f.time_datetime.empty()) {
      f.time_datetime = clean(attribute(n, "datetime"));
    } else if (tag == "script") {
      if (ascii_lower(attribute(n, "type")) == "application/ld+json") read_json_ld(text_content(n), f.json_ld);
      return false;
    } else if (tag == "style") {
      return false;
    }
    if (f.time_datetime.empty() && attribute(n, "itemprop") == "datePublished") {
      std::string v = attribute(n, "datetime");
      f.time_datetime = clean(v.empty() ? attribute(n, "content") : v);
    }
    return true;
  });
  return f;
}

bool iequals(std::string_view a, std::string_view b) { return ascii_lower(a) == ascii_lower(b); }

// "Headline | Site", "Site - Headline", "Headline - Section - Site" -> "Headline".
std::string clean_title(const std::string& title, const std::string& site, const std::string& h1) {
  if (!h1.empty() && title.find(h1) != std::string::npos) return h1;
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB "};
  std::vector<std::string> parts{title};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string> next;
    for (const std::string& p : parts) {
      std::size_t start = 0;
      for (std::size_t at; (at = p.find(sep, start)) != std::string::npos; start = at + sep.size())
        next.push_back(p.substr(start, at - start));
      next.push_back(p.substr(start));
    }
    parts = std::move(next);
  }
  auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + 1; };
  // Drop site names and short trailing/leading labels, keep the longest remaining part.
  std::vector<std::string> kept;
  for (const std::string& p : parts)
    if (!p.empty() && !(site.size() > 0 && iequals(p, site))) kept.push_back(p);
  if (kept.empty()) return title;
  std::string best = kept.front();
  for (const std::string& p : kept)
    if (words(p) > words(best)) best = p;
  return parts.size() == 1 ? title : best;
}

std::optional<std::string> first_date(std::initializer_list<std::string> candidates) {
  for (const std::string& c : candidates)
    if (!c.empty())
      if (auto d = parse_date(c)) return d;
  return std::nullopt;
}

}  // namespace

void read_page_metadata(xmlDoc* doc, HtmlArticle& article, std::string* article_body) {
  Found f = collect(doc);
  if (article_body != nullptr) *article_body = f.json_ld.article_body;
  const JsonLdFacts& ld = f.json_ld;
  auto first = [](std::initializer_list<std::string> values) {
    for (const std::string& v : values)
      if (!v.empty()) return v;
    return std::string();
  };
  article.source = clean(first({f.meta_value("og:site_name"), ld.publisher, f.meta_value("application-name")}));
  std::string og_title = f.meta_value("og:title");
  article.title = clean(first({og_title, ld.headline, f.meta_value("twitter:title")}));
  if (article.title.empty() && !f.title_tag.empty()) article.title = clean_title(f.title_tag, article.source, f.h1);
  if (article.title.empty()) article.title = f.h1;

  auto date = first_date({f.meta_value("article:published_time"), ld.date_published, f.meta_value("datepublished"),
                          f.meta_value("og:published_time"), f.meta_value("date"), f.meta_value("pubdate"),
                          f.meta_value("publishdate"), f.meta_value("publish-date"), f.meta_value("dc.date.issued"),
                          f.meta_value("dc.date"), f.meta_value("dcterms.created"), f.meta_value("dcterms.date"),
                          f.meta_value("sailthru.date"), f.meta_value("parsely-pub-date"), f.time_datetime});
  article.date = date.value_or("");

  std::string author = first({f.meta_value("author"), ld.author, f.meta_value("article:author"), f.meta_value("byl")});
  if (author.rfind("http", 0) == 0) author = ld.author;  // article:author is often a profile URL
  if (author.size() > 3 && iequals(author.substr(0, 3), "by ")) author = author.substr(3);
  article.author = clean(author);
  article.canonical_url = clean(first({f.canonical, f.meta_value("og:url"), ld.url}));
  article.language = clean(first({f.lang, f.meta_value("content-language"), f.meta_value("og:locale")}));
}

}  // namespace kgraph::extract::html
