#include "extract/html/html_article.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "extract/html/main_text.hpp"
#include "extract/html/page_metadata.hpp"
#include "extract/html/text_util.hpp"

namespace kgraph::extract::html {
namespace {

// Pages beyond this are cut: no news article needs more, and the parser's time
// and memory grow with the input.
constexpr std::size_t kMaxPageBytes = 32u << 20;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr parse(std::string_view html, std::string_view declared_charset) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.size() > kMaxPageBytes) html = html.substr(0, kMaxPageBytes);
  // libxml2 ends the document at a NUL byte; browsers read on (a stray NUL run is
  // left by broken uploads and caches), so NULs become spaces and the rest is read.
  std::string without_nul;
  if (html.find('\0') != std::string_view::npos) {
    without_nul.assign(html);
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    html = without_nul;
  }
  // Skip a UTF-8 byte-order mark; libxml2 would otherwise keep it as text.
  if (html.substr(0, 3) == "\xEF\xBB\xBF" && declared_charset.empty()) {
    html.remove_prefix(3);
    declared_charset = "UTF-8";
  }
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  int size = static_cast<int>(html.size());
  if (!declared_charset.empty()) {
    std::string charset(declared_charset);
    if (DocPtr doc{htmlReadMemory(html.data(), size, nullptr, charset.c_str(), options)}) return doc;
    // An unknown charset name: fall back to what the page itself declares.
  }
  return DocPtr{htmlReadMemory(html.data(), size, nullptr, nullptr, options)};
}

// The deepest element nesting under `root`, without recursion. libxml2's HTML
// parser drops everything nested deeper than 256 elements (without
// HTML_PARSE_HUGE, which we do not set), so a page that reaches that depth has
// lost text; the caller refuses such pages by a limit below it (E131).
std::size_t element_depth(xmlNode* root) {
  std::size_t depth = 0, deepest = 0;
  xmlNode* n = root;
  while (n != nullptr) {
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      deepest = std::max(deepest, ++depth);
      continue;
    }
    while (n != root && n->next == nullptr) {
      n = n->parent;
      --depth;
    }
    if (n == root) break;
    n = n->next;
  }
  return deepest;
}

}  // namespace

HtmlArticle extract_article(std::string_view html, const HtmlRules& rules, std::string_view declared_charset) {
  HtmlArticle article;
  if (html.empty()) return article;
  DocPtr doc = parse(html, declared_charset);
  if (!doc) return article;
  article.depth = element_depth(xmlDocGetRootElement(doc.get()));
  std::string article_body;
  read_page_metadata(doc.get(), article, &article_body);
  MainText main = extract_main_text(doc.get(), rules, article_body);
  article.text = std::move(main.text);
  article.comments = std::move(main.comments);
  // The headline often sits outside the text container (in a page header); it is
  // part of the article, so it leads the text when the container lacks it.
  if (!article.text.empty() && !article.title.empty() && article.text.find(article.title) == std::string::npos)
    article.text = article.title + "\n\n" + article.text;
  for (std::string* field : {&article.text, &article.comments, &article.title, &article.date, &article.source, &article.author,
                             &article.canonical_url, &article.language})
    *field = make_valid_utf8(*field);
  return article;
}

}  // namespace kgraph::extract::html
