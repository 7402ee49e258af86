#include "extract/html/main_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

#include "extract/html/dom_walk.hpp"
#include "extract/html/text_util.hpp"

namespace kgraph::extract::html {
namespace {

// Elements that never hold article text; their subtrees are skipped outright.
bool is_junk_tag(std::string_view t) {
  // Not <noscript>: pages put their text there for readers without scripts (lazy
  // loading, script-drawn blogs), and a parser recovering from broken markup may
  // put the whole article inside one. Its usual content, a tracking pixel or an
  // "enable JavaScript" line, has no text or is a boilerplate phrase.
  static constexpr std::string_view kJunk[] = {"script", "style",  "template", "iframe", "svg",    "math",
                                               "object", "embed",  "canvas",   "head",   "button", "select",
                                               "input",  "textarea", "option", "map",    "dialog"};
  return std::find(std::begin(kJunk), std::end(kJunk), t) != std::end(kJunk);
}

// Elements that start a new text block.
bool is_block_tag(std::string_view t) {
  static constexpr std::string_view kBlocks[] = {
      "p",  "div", "section", "article", "main", "li",     "ul",     "ol",         "dl",       "dt",     "dd",
      "td", "th",  "tr",      "table",   "h1",   "h2",     "h3",     "h4",         "h5",       "h6",     "blockquote",
      "pre", "hr", "figure",  "figcaption", "header", "footer", "address", "center", "form", "fieldset", "nav",
      "aside", "body", "html", "caption", "details", "summary", "tbody", "thead", "tfoot"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), t) != std::end(kBlocks);
}

// Blocks that are themselves paragraphs: their score goes to the container around them.
bool is_paragraph_tag(std::string_view t) {
  static constexpr std::string_view kParas[] = {"p",  "li", "dt", "dd", "td", "th", "h1", "h2",  "h3",
                                                "h4", "h5", "h6", "pre", "blockquote", "figcaption", "address", "caption"};
  return std::find(std::begin(kParas), std::end(kParas), t) != std::end(kParas);
}

bool is_heading_tag(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

struct Node {
  xmlNode* xml = nullptr;
  int parent = -1;
  int block_owner = -1;  // nearest block element, itself included
  bool in_link = false;
  bool in_article = false;  // inside <article>/<main>/articleBody
  bool hint = false;        // this element is an article hint
  bool holds_hint = false;  // a hint is this element or below it
  bool holds_headline = false;  // an <h1> is below it
  bool removed = false;
  bool in_comments = false;  // inside a readers' comments section (kept only when extracting comments)
  std::size_t raw_chars = 0;   // all text below, before removal
  std::size_t raw_link_chars = 0;  // of which inside links
  AttributeWords by_class, by_id;  // what its class and id say (HtmlRules::words)
  int prose = 0;  // paragraphs below (<p> of 100+ bytes, under a quarter links): what an article is made of
  std::size_t text_chars = 0;  // text of kept blocks below
  std::size_t link_chars = 0;  // of which inside links
  double score = 0;
  bool scored = false;
};

struct Block {
  int owner = -1;
  std::string text;
  std::size_t chars = 0;
  std::size_t link_bytes = 0;
  std::size_t bytes = 0;
  double link_density() const { return bytes == 0 ? 0.0 : static_cast<double>(link_bytes) / static_cast<double>(bytes); }
};

// A matching key for text: ASCII letters and digits lower-cased, every other
// ASCII byte dropped, non-ASCII bytes kept. The same words with other spacing,
// quotes or punctuation (JSON-LD text against the page's) give the same key.
std::string match_key(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) key += ch;
    else if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

// JSON-LD articleBody as plain text: markup some sites leave in it dropped
// (a closing paragraph or <br> ends a paragraph), line breaks kept as paragraph
// breaks, whitespace collapsed.
std::string plain_body(std::string_view body) {
  std::string lines;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char ch = body[i];
    bool tag = ch == '<' && i + 1 < body.size() && (std::isalpha(static_cast<unsigned char>(body[i + 1])) || body[i + 1] == '/');
    if (!tag) {
      lines += ch;
      continue;
    }
    std::size_t close = body.find('>', i);
    if (close == std::string_view::npos) break;
    std::string name = ascii_lower(body.substr(i + 1, std::min<std::size_t>(close - i - 1, 3)));
    if (name.rfind("/p", 0) == 0 || name.rfind("br", 0) == 0 || name.rfind("/h", 0) == 0 || name.rfind("/li", 0) == 0)
      lines += '\n';
    else
      lines += ' ';
    i = close;
  }
  std::string out;
  std::size_t start = 0;
  while (start <= lines.size()) {
    std::size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::string para;
    append_collapsed(para, std::string_view(lines).substr(start, end - start));
    std::string_view t = trim(para);
    if (!t.empty()) {
      if (!out.empty()) out += "\n\n";
      out += t;
    }
    start = end + 1;
  }
  return out;
}

int index_of(const xmlNode* n) {
  return n == nullptr ? -1 : static_cast<int>(reinterpret_cast<std::intptr_t>(n->_private)) - 1;
}

class Extractor {
 public:
  Extractor(xmlDoc* doc, const HtmlRules& rules, std::string_view article_body)
      : root_(xmlDocGetRootElement(doc)), rules_(rules) {
    // A body too short to place the article (a teaser, a summary) is not used.
    if (article_body.size() >= 300) {
      body_text_ = plain_body(article_body);
      body_key_ = match_key(body_text_);
    }
  }
  ~Extractor() {
    for (Node& n : nodes_) n.xml->_private = nullptr;
  }
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  MainText run();

 private:
  void index();
  void mark_removed(bool use_class_words, bool keep_comments);
  std::string comments(const std::vector<char>& article);
  void segment();
  int body_anchor();
  int choose_container();
  int prefer_article_hint(int top);
  std::vector<char> select(int top);
  void include_standfirst(int top, std::vector<char>& included);
  void include_split_parts(int top, std::vector<char>& included);
  std::vector<char> teaser_cards(const std::vector<char>& selected, int top);
  std::string render(const std::vector<char>& selected, bool whole_page, int top);
  double class_weight(const Node& n) const;
  double link_density(int i) const {
    const Node& n = nodes_[static_cast<std::size_t>(i)];
    return n.text_chars == 0 ? 0.0 : static_cast<double>(n.link_chars) / static_cast<double>(n.text_chars);
  }
  Node& at(int i) { return nodes_[static_cast<std::size_t>(i)]; }

  xmlNode* root_;
  const HtmlRules& rules_;
  std::vector<Node> nodes_;
  std::vector<Block> blocks_;
  std::string body_text_, body_key_;  // JSON-LD articleBody, as text and as match_key
  int anchor_ = -1;                   // the element holding the body (body_anchor), or -1
};

void Extractor::index() {
  walk(root_, [&](xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      int p = index_of(n->parent);
      if (p >= 0 && n->content != nullptr) {
        std::size_t size = std::string_view(reinterpret_cast<const char*>(n->content)).size();
        at(p).raw_chars += size;
        if (at(p).in_link) at(p).raw_link_chars += size;
      }
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    std::string_view tag = name_of(n);
    if (is_junk_tag(tag)) return false;
    // A <noscript> holding bare text repeats what a script writes (a date, a counter);
    // one holding paragraphs or boxes holds the page's text.
    if (tag == "noscript") {
      bool blocks = false;
      for (xmlNode* c = n->children; c != nullptr && !blocks; c = c->next)
        blocks = c->type == XML_ELEMENT_NODE && is_block_tag(name_of(c));
      if (!blocks) return false;
    }
    Node node;
    node.xml = n;
    node.parent = index_of(n->parent);
    int self = static_cast<int>(nodes_.size());
    const Node* parent = node.parent >= 0 ? &at(node.parent) : nullptr;
    node.block_owner = is_block_tag(tag) || parent == nullptr ? self : parent->block_owner;
    node.in_link = tag == "a" || (parent != nullptr && parent->in_link);
    node.hint = tag == "article" || tag == "main" || attribute(n, "itemprop") == "articleBody";
    node.in_article = node.hint || (parent != nullptr && parent->in_article);
    node.by_class = rules_.words(attribute(n, "class"));
    node.by_id = rules_.words(attribute(n, "id"));
    nodes_.push_back(node);
    n->_private = reinterpret_cast<void*>(static_cast<std::intptr_t>(self) + 1);
    return true;
  });
  // Parents precede children in document order, so one backward pass sums subtrees.
  for (std::size_t i = nodes_.size(); i-- > 0;) {
    Node& n = nodes_[i];
    n.holds_hint = n.holds_hint || n.hint;
    n.holds_headline = n.holds_headline || name_of(n.xml) == "h1";
    if (name_of(n.xml) == "p" && n.raw_chars >= 100 && n.raw_link_chars * 4 < n.raw_chars) ++n.prose;
    if (n.parent >= 0) {
      at(n.parent).raw_chars += n.raw_chars;
      at(n.parent).raw_link_chars += n.raw_link_chars;
      at(n.parent).prose += n.prose;
      at(n.parent).holds_hint = at(n.parent).holds_hint || n.holds_hint;
      at(n.parent).holds_headline = at(n.parent).holds_headline || n.holds_headline;
    }
  }
}

// Elements named as bylines, dates or captions (ClassWord::Short) are dropped below this many bytes of text.
constexpr std::size_t kShortChars = 200;
// Elements named as an author's (ClassWord::Short of kind author) are dropped below this many.
constexpr std::size_t kAuthorBoxChars = 1500;
// Blocks shorter than this that do not end a sentence are labels (headings, bylines).
constexpr std::size_t kLabelChars = 80;
// A lead paragraph is looked for under this many ancestors of the container, up to this size.
constexpr int kLeadLevels = 4;
constexpr std::size_t kLeadMaxChars = 1500;
// A standfirst is looked for when the headline and the container meet this many levels
// above the container, and is a block of at least this many characters.
constexpr int kStandfirstLevels = 5;
constexpr std::size_t kStandfirstMinChars = 60;
// A teaser card holds at least this many bytes of text beside its linked heading, and at most this many in all.
constexpr std::size_t kCardMinExtraChars = 20;
constexpr std::size_t kCardMaxChars = 600;
// Cards holding more than this many tenths of the selected text are the page's text.
constexpr std::size_t kCardMaxShare = 4;
// Parts of a split article are looked for under the container's ancestor this many levels up.
constexpr int kSplitLevels = 3;
// A container with less text than this gives way to an article hint with three times more.
constexpr std::size_t kTinyContainerChars = 500;
// Elements holding this many paragraphs are not dropped for their class/id words.
constexpr int kProseParagraphs = 3;

bool is_hidden(const xmlNode* n) {
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  std::string style = ascii_lower(attribute(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

void Extractor::mark_removed(bool use_class_words, bool keep_comments) {
  std::size_t page_chars = nodes_.empty() ? 0 : nodes_.front().raw_chars;
  for (Node& n : nodes_) {
    n.removed = false;
    n.in_comments = n.parent >= 0 && at(n.parent).in_comments;
    if (n.parent >= 0 && at(n.parent).removed) {
      n.removed = true;
      continue;
    }
    std::string_view tag = name_of(n.xml);
    if (tag == "body" || tag == "html") continue;
    if (n.holds_hint) continue;  // never drop what holds the article
    // A wrapper holding most of the page ("content-with-sidebar") is layout, not furniture.
    bool wrapper = page_chars > 0 && n.raw_chars * 10 > page_chars * 7;
    bool prose = n.prose >= kProseParagraphs && n.raw_link_chars * 5 < n.raw_chars;
    if (is_hidden(n.xml)) {
      n.removed = true;
      continue;
    }
    // A header left open by broken markup swallows the page after it: one that holds
    // paragraphs of prose or most of the page is not a page header. Nor is one that
    // holds the headline: it is the story's own (headline, standfirst, byline).
    bool not_page_header = tag == "header" && (prose || wrapper || n.holds_headline);
    if (tag == "nav" || tag == "aside" || tag == "footer" || (tag == "header" && !n.in_article && !not_page_header)) {
      n.removed = true;
      continue;
    }
    std::string role = attribute(n.xml, "role");
    bool furniture_role = role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" ||
                          role == "dialog" || role == "alertdialog" || role == "menu" || role == "menubar";
    ClassWord by_class = n.by_class.kind;
    ClassWord by_id = n.by_id.kind;
    bool comments_class = use_class_words && (by_class == ClassWord::Comments || by_id == ClassWord::Comments);
    if (comments_class && keep_comments) {
      n.in_comments = true;
      comments_class = false;
    }
    bool furniture_class =
        comments_class || (use_class_words && (by_class == ClassWord::Remove || by_id == ClassWord::Remove));
    // Bylines, dates, captions and credits: small elements named so.
    bool short_class = use_class_words && n.raw_chars < kShortChars &&
                       (n.by_class.short_word || n.by_id.short_word);
    // An author's box ("author-bio", "autorInfo"): a portrait and a paragraph or two about the writer.
    if (use_class_words && !prose && n.raw_chars < kAuthorBoxChars && (n.by_class.author_word || n.by_id.author_word))
      short_class = true;
    // A box of several paragraphs of prose is the article when its name says so first
    // ("entry share": an entry with a share bar) or says only "widget" (page builders
    // call every box that); the furniture inside it is named too.
    if (furniture_class && !comments_class && prose &&
        (n.by_class.first == ClassWord::Positive || n.by_id.first == ClassWord::Positive))
      furniture_class = false;
    // Inside an <article>, the box holding most of its paragraphs is its text, whatever
    // script hooks its class names ("js-dynamic-advertorial").
    if (furniture_class && !comments_class && prose && n.in_article) {
      int hint = n.parent;
      while (hint >= 0 && !at(hint).hint) hint = at(hint).parent;
      if (hint >= 0 && n.prose * 2 > at(hint).prose) furniture_class = false;
    }
    bool box_class = use_class_words && !prose && (by_class == ClassWord::Box || by_id == ClassWord::Box);
    furniture_class = furniture_class || box_class || short_class || tag == "figcaption";
    if ((furniture_role || furniture_class) && !wrapper) n.removed = true;
  }
}

void Extractor::segment() {
  blocks_.clear();
  for (Node& n : nodes_) n.text_chars = n.link_chars = 0;
  Block current;
  auto flush = [&] {
    std::string_view t = trim(current.text);
    if (!t.empty() && current.owner >= 0) {
      current.text = std::string(t);
      current.chars = utf8_length(current.text);
      blocks_.push_back(std::move(current));
    }
    current = Block{};
  };
  walk(root_, [&](xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      int p = index_of(n->parent);
      if (p < 0 || n->content == nullptr) return false;
      int owner = at(p).block_owner;
      if (owner != current.owner) {
        flush();
        current.owner = owner;
      }
      std::size_t before = current.text.size();
      append_collapsed(current.text, reinterpret_cast<const char*>(n->content));
      std::size_t added = current.text.size() - before;
      current.bytes += added;
      if (at(p).in_link) current.link_bytes += added;
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    int i = index_of(n);
    if (i < 0 || at(i).removed) return false;
    if (name_of(n) == "br" && current.owner >= 0) {
      while (!current.text.empty() && current.text.back() == ' ') current.text.pop_back();
      if (!current.text.empty() && current.text.back() != '\n') current.text += '\n';
    }
    if (at(i).block_owner == i) flush();
    return true;
  });
  flush();
  for (const Block& b : blocks_) {
    Node& owner = at(b.owner);
    owner.text_chars += b.bytes;
    owner.link_chars += b.link_bytes;
  }
  for (std::size_t i = nodes_.size(); i-- > 0;) {
    Node& n = nodes_[i];
    if (n.parent >= 0) {
      at(n.parent).text_chars += n.text_chars;
      at(n.parent).link_chars += n.link_chars;
    }
  }
}

// The element that holds the JSON-LD articleBody on the page: blocks whose text
// is part of the body are matched, and the deepest element holding 80% of the
// matched text is the article. -1 when the page shows less than half of the body
// (the body is a summary, or the page renders it by script).
// Requires: segment() has run with nothing removed.
int Extractor::body_anchor() {
  if (body_key_.empty()) return -1;
  std::vector<std::size_t> matched(nodes_.size(), 0);
  std::size_t total = 0;
  for (const Block& b : blocks_) {
    std::string key = match_key(b.text);
    if (key.size() < 20 || body_key_.find(key) == std::string::npos) continue;
    total += key.size();
    for (int a = b.owner; a >= 0; a = at(a).parent) matched[static_cast<std::size_t>(a)] += key.size();
  }
  if (total * 2 < body_key_.size()) return -1;
  for (std::size_t i = nodes_.size(); i-- > 0;)
    if (matched[i] * 10 >= total * 8) return static_cast<int>(i);
  return -1;
}

double Extractor::class_weight(const Node& n) const {
  double w = 0;
  for (ClassWord kind : {n.by_class.kind, n.by_id.kind}) {
    switch (kind) {
      case ClassWord::Positive: w += 25; break;
      case ClassWord::Negative:
      case ClassWord::Short:
      case ClassWord::Box:
      case ClassWord::Comments:
      case ClassWord::Remove: w -= 25; break;
      case ClassWord::Lead:
      case ClassWord::None: break;
    }
  }
  return w;
}

// Fallback: a container that holds next to nothing (a title block that its class
// words favoured) yields to the <article>/<main>/articleBody element that holds the
// page's prose, when there is one.
int Extractor::prefer_article_hint(int top) {
  if (top >= 0 && at(top).text_chars >= kTinyContainerChars) return top;
  std::size_t floor = top >= 0 ? at(top).text_chars * 3 : 0;
  int best = top;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (!n.hint || n.removed || n.prose == 0 || n.text_chars <= floor || link_density(static_cast<int>(i)) >= 0.3) continue;
    // the one with most paragraphs; of an <article> inside a <main> with the same ones, the inner
    if (best < 0 || best == top || n.prose >= at(best).prose) best = static_cast<int>(i);
  }
  return best;
}

int Extractor::choose_container() {
  auto init = [&](int i) {
    Node& n = at(i);
    if (n.scored) return;
    n.scored = true;
    std::string_view tag = name_of(n.xml);
    if (tag == "div" || tag == "article" || tag == "section" || tag == "main") n.score = 5;
    else if (tag == "pre" || tag == "td" || tag == "blockquote") n.score = 3;
    else if (tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" || tag == "form" ||
             tag == "address")
      n.score = -3;
    else if (is_heading_tag(tag) || tag == "th")
      n.score = -5;
    n.score += class_weight(n);
    if (n.hint) n.score += 25;
  };
  for (const Block& b : blocks_) {
    if (b.chars < 25 || b.link_density() > 0.5) continue;
    double commas = static_cast<double>(std::count(b.text.begin(), b.text.end(), ','));
    double s = 1 + commas + std::min(static_cast<double>(b.chars) / 100.0, 3.0);
    int first = is_paragraph_tag(name_of(at(b.owner).xml)) ? at(b.owner).parent : b.owner;
    int level = 0;
    for (int a = first; a >= 0 && level < 5; a = at(a).parent, ++level) {
      init(a);
      at(a).score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
    }
  }
  int top = -1;
  double best = 0;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (!n.scored) continue;
    n.score *= 1.0 - link_density(static_cast<int>(i));
    if (top < 0 || n.score > best) {
      top = static_cast<int>(i);
      best = n.score;
    }
  }
  if (top < 0) return -1;

  // Several near-best candidates under one ancestor: the article is that ancestor.
  std::vector<int> alternatives;
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].scored && static_cast<int>(i) != top && nodes_[i].score >= best * 0.75) alternatives.push_back(static_cast<int>(i));
  if (alternatives.size() >= 3) {
    for (int a = at(top).parent; a >= 0 && name_of(at(a).xml) != "body"; a = at(a).parent) {
      int covered = 0;
      for (int alt : alternatives)
        for (int up = alt; up >= 0; up = at(up).parent)
          if (up == a) {
            ++covered;
            break;
          }
      if (covered >= 3) {
        top = a;
        break;
      }
    }
  }
  // A parent that scores higher than the top candidate holds more of the article.
  double last = at(top).score;
  double threshold = last / 3;
  for (int p = at(top).parent; p >= 0 && name_of(at(p).xml) != "body"; p = at(p).parent) {
    if (!at(p).scored) continue;
    if (at(p).score < threshold) break;
    if (at(p).score > last) {
      top = p;
      break;
    }
    last = at(p).score;
  }
  return top;
}

std::vector<char> Extractor::select(int top) {
  std::vector<char> included(nodes_.size(), 0);
  included[static_cast<std::size_t>(top)] = 1;
  int parent = at(top).parent;
  if (parent >= 0) {
    double top_score = at(top).score;
    double threshold = std::max(10.0, top_score * 0.2);
    std::string top_class = attribute(at(top).xml, "class");
    for (xmlNode* c = at(parent).xml->children; c != nullptr; c = c->next) {
      int s = index_of(c);
      if (s < 0 || s == top || at(s).removed) continue;
      const Node& sib = at(s);
      double bonus = !top_class.empty() && attribute(sib.xml, "class") == top_class ? top_score * 0.2 : 0;
      bool take = sib.scored && sib.score + bonus >= threshold;
      // A paragraph beside the container continues the article; a box beside it is
      // taken only when it scores (teaser boxes carry text too).
      if (!take && sib.text_chars > 0 && is_paragraph_tag(name_of(sib.xml))) {
        double ld = link_density(s);
        std::string text = text_content(sib.xml);
        std::size_t chars = utf8_length(text);
        if (chars > 80 && ld < 0.25) take = true;
        else if (chars < 80 && ld == 0 && text.find(". ") != std::string::npos) take = true;
      }
      if (take) included[static_cast<std::size_t>(s)] = 1;
    }
  }
  // The lead paragraph stands before the article, often in its header: an element
  // named as a lead that precedes the container under one of its near ancestors.
  std::vector<int> near;
  for (int a = at(top).parent, level = 0; a >= 0 && level < kLeadLevels; a = at(a).parent, ++level) near.push_back(a);
  for (int i = 0; i < top; ++i) {
    const Node& n = at(i);
    if (n.removed || n.text_chars == 0 || n.raw_chars > kLeadMaxChars) continue;
    if (!n.by_class.lead_word && !n.by_id.lead_word) continue;
    bool ancestor_of_top = false, under_near = false;
    for (int a = at(top).parent; a >= 0; a = at(a).parent) ancestor_of_top = ancestor_of_top || a == i;
    for (int a = n.parent; a >= 0 && !under_near; a = at(a).parent)
      under_near = std::find(near.begin(), near.end(), a) != near.end();
    if (!ancestor_of_top && under_near && link_density(i) < 0.3) included[static_cast<std::size_t>(i)] = 1;
  }
  include_standfirst(top, included);
  include_split_parts(top, included);
  // Everything below an included element is selected.
  std::vector<char> selected(nodes_.size(), 0);
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    selected[i] = included[i] || (nodes_[i].parent >= 0 && selected[static_cast<std::size_t>(nodes_[i].parent)]);
  return selected;
}

// A short block that does not end a sentence: a heading, a label ("Contact:"),
// a byline or a date.
bool is_label(const Block& b) {
  if (b.chars >= kLabelChars || b.text.empty()) return false;
  std::string_view t = b.text;
  // closing quotes and brackets do not end a label
  while (!t.empty() && (t.back() == '"' || t.back() == ')' || t.back() == '\'')) t.remove_suffix(1);
  if (t.size() >= 3 && (t.substr(t.size() - 3) == "\xE2\x80\x9C" || t.substr(t.size() - 3) == "\xE2\x80\x9D")) t.remove_suffix(3);
  if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xAB") t.remove_suffix(2);
  if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xBB") t.remove_suffix(2);
  char last = t.empty() ? ' ' : t.back();
  return last != '.' && last != '!' && last != '?';
}

// The article split by ads or widgets into several boxes of one kind
// ("<section class=body-part>" twice, a slot between): the boxes with the container's
// tag and class under its near ancestors that hold prose are parts of the same text.
void Extractor::include_split_parts(int top, std::vector<char>& included) {
  std::string top_class = attribute(at(top).xml, "class");
  if (top_class.empty()) return;
  int scope = at(top).parent;
  for (int level = 1; scope >= 0 && level < kSplitLevels; ++level) scope = at(scope).parent;
  if (scope < 0) return;
  std::string_view tag = name_of(at(top).xml);
  for (int i = scope + 1; i < static_cast<int>(nodes_.size()); ++i) {
    const Node& n = at(i);
    bool under_scope = false;
    for (int a = n.parent; a >= 0 && !under_scope; a = at(a).parent) under_scope = a == scope;
    if (!under_scope) {
      if (i > top) break;  // nodes under scope are contiguous in document order
      continue;
    }
    if (i == top || n.removed || n.prose == 0 || name_of(n.xml) != tag || link_density(i) >= 0.25) continue;
    bool related = false;  // an ancestor or descendant of the container is already taken or not a part
    for (int a = n.parent; a >= 0 && !related; a = at(a).parent) related = a == top;
    for (int a = at(top).parent; a >= 0 && !related; a = at(a).parent) related = a == i;
    if (related || attribute(n.xml, "class") != top_class) continue;
    included[static_cast<std::size_t>(i)] = 1;
  }
}

// The standfirst: prose between the headline (<h1>) and the container, when both sit
// under one of the container's near ancestors. Sites put it in the article's header
// with a class that names nothing ("article-header p", "hgroup h2"), so it is found by
// where it stands: after the headline, before the text, a sentence or more of prose.
// Bylines, dates and credits are shorter; link lists and captions were dropped before.
void Extractor::include_standfirst(int top, std::vector<char>& included) {
  int headline = -1;
  for (int i = top - 1; i >= 0 && headline < 0; --i)
    if (name_of(at(i).xml) == "h1" && !at(i).removed) headline = i;
  if (headline < 0) return;
  // the nearest common ancestor of headline and container, at most kStandfirstLevels above the container
  int common = -1;
  for (int a = at(top).parent, level = 0; a >= 0 && level < kStandfirstLevels && common < 0; a = at(a).parent, ++level)
    for (int h = at(headline).parent; h >= 0; h = at(h).parent)
      if (h == a) {
        common = a;
        break;
      }
  if (common < 0) return;
  std::size_t taken = 0;
  for (const Block& b : blocks_) {
    if (b.owner <= headline) continue;
    if (b.owner >= top) break;
    if (included[static_cast<std::size_t>(b.owner)]) continue;
    bool ancestor_of_top = false;
    for (int a = at(top).parent; a >= 0 && !ancestor_of_top; a = at(a).parent) ancestor_of_top = a == b.owner;
    if (ancestor_of_top || b.chars < kStandfirstMinChars || b.link_density() > 0.2 || is_label(b)) continue;
    if (rules_.is_boilerplate(text_lower(b.text), b.chars)) continue;
    taken += b.chars;
    if (taken > kLeadMaxChars) return;
    included[static_cast<std::size_t>(b.owner)] = 1;
  }
}

// Teaser cards inside the selection: a subheading that is a link to another page, with
// the few lines of text that go with it ("<h2><a>Other story</a></h2><p>Summary ... more</p>").
// The card is the nearest element above the heading that holds more than the heading,
// when that is small; the article's own sections have headings that link nowhere.
// Returns a flag per node: inside such a card.
std::vector<char> Extractor::teaser_cards(const std::vector<char>& selected, int top) {
  std::vector<char> card(nodes_.size(), 0);
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const Node& h = nodes_[i];
    std::string_view tag = name_of(h.xml);
    if (!selected[i] || h.removed || !is_heading_tag(tag) || tag == "h1" || h.text_chars == 0) continue;
    if (link_density(static_cast<int>(i)) < 0.5) continue;
    int a = h.parent;
    while (a >= 0 && a != top && at(a).text_chars <= h.text_chars + kCardMinExtraChars) a = at(a).parent;
    if (a < 0 || a == top || !selected[static_cast<std::size_t>(a)] || at(a).text_chars > kCardMaxChars) continue;
    card[static_cast<std::size_t>(a)] = 1;
  }
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].parent >= 0 && card[static_cast<std::size_t>(nodes_[i].parent)]) card[i] = 1;
  // A page that is mostly cards is a listing (a blog's front page, a press-release feed): the cards are its text.
  std::size_t all = 0, in_cards = 0;
  for (const Block& b : blocks_) {
    if (!selected[static_cast<std::size_t>(b.owner)]) continue;
    all += b.bytes;
    if (card[static_cast<std::size_t>(b.owner)]) in_cards += b.bytes;
  }
  if (in_cards * 10 > all * kCardMaxShare) std::fill(card.begin(), card.end(), 0);
  return card;
}

std::string Extractor::render(const std::vector<char>& selected, bool whole_page, int top) {
  std::vector<const Block*> kept;
  std::vector<char> cards = whole_page ? std::vector<char>(nodes_.size(), 0) : teaser_cards(selected, top);
  for (const Block& b : blocks_) {
    if (!whole_page && !selected[static_cast<std::size_t>(b.owner)]) continue;
    if (cards[static_cast<std::size_t>(b.owner)]) continue;
    double ld = b.link_density();
    if (ld >= 0.5 || (ld > 0.3 && b.chars < 80)) continue;
    if (whole_page && b.chars < 40 && !is_heading_tag(name_of(at(b.owner).xml))) continue;
    if (rules_.is_boilerplate(text_lower(b.text), b.chars)) continue;
    // Inside the element that holds the JSON-LD body, a short block the body lacks
    // is the page's (a label, a credit, a teaser line), headings aside.
    if (anchor_ >= 0 && b.chars < kLabelChars && !is_heading_tag(name_of(at(b.owner).xml))) {
      bool inside = false;
      for (int a = b.owner; a >= 0 && !inside; a = at(a).parent) inside = a == anchor_;
      if (inside && body_key_.find(match_key(b.text)) == std::string::npos) continue;
    }
    kept.push_back(&b);
  }
  // Labels after the last sentence head lists and boxes that were dropped ("Related
  // articles", "About the author", "Contact:"): the article has ended.
  // (Headings and colon labels only: a closing "Cheers," or the author's name is text.)
  auto dangling = [&](const Block& b) {
    return is_label(b) && (is_heading_tag(name_of(at(b.owner).xml)) || b.text.back() == ':');
  };
  while (kept.size() > 1 && dangling(*kept.back())) kept.pop_back();
  std::string out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const std::string& t = kept[i]->text;
    if (!out.empty()) out += "\n\n";
    out += t;
  }
  return out;
}

// Readers' comments: the comments sections the article pass dropped, rendered
// with the same block filters. `article` marks the elements the article shows.
std::string Extractor::comments(const std::vector<char>& article) {
  mark_removed(true, true);
  segment();
  std::string out;
  for (const Block& b : blocks_) {
    std::size_t owner = static_cast<std::size_t>(b.owner);
    if (!nodes_[owner].in_comments || (!article.empty() && article[owner])) continue;
    if (b.link_density() >= 0.5 || rules_.is_boilerplate(text_lower(b.text), b.chars)) continue;
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

MainText Extractor::run() {
  MainText result;
  if (root_ == nullptr) return result;
  index();
  if (nodes_.empty()) return result;
  std::vector<char> best_selection;
  int anchor = -1;
  if (!body_key_.empty()) {
    for (Node& n : nodes_) n.removed = false;
    segment();
    anchor = body_anchor();
    anchor_ = anchor;
    // A strong candidate: protected from the furniture words and scored like an
    // <article> element, but the scoring may still prefer a container around it.
    if (anchor >= 0) {
      at(anchor).hint = true;
      for (int a = anchor; a >= 0; a = at(a).parent) at(a).holds_hint = true;
    }
  }
  // First with the class/id words; a page they empty out is retried without them.
  for (bool use_class_words : {true, false}) {
    mark_removed(use_class_words, false);
    for (Node& n : nodes_) n.score = 0, n.scored = false;
    segment();
    int top = choose_container();
    top = prefer_article_hint(top);
    std::vector<char> selection = top >= 0 ? select(top) : std::vector<char>{};
    std::string text = render(selection, top < 0, top);
    if (utf8_length(text) > utf8_length(result.text)) {
      result.text = std::move(text);
      // What the article shows: selected and not dropped (comments inside the container are dropped).
      for (std::size_t i = 0; i < selection.size(); ++i) selection[i] = selection[i] && !nodes_[i].removed;
      best_selection = std::move(selection);
    }
    if (utf8_length(result.text) >= 250) break;
  }
  // The page shows almost nothing of a long JSON-LD body: it is rendered by script,
  // and the body is the article.
  if (anchor < 0 && utf8_length(body_text_) >= 300 && utf8_length(result.text) * 3 < utf8_length(body_text_)) {
    result.text = body_text_;
    best_selection.clear();
  }
  result.comments = comments(best_selection);
  return result;
}

}  // namespace

MainText extract_main_text(xmlDoc* doc, const HtmlRules& rules, std::string_view article_body) {
  Extractor extractor(doc, rules, article_body);
  return extractor.run();
}

}  // namespace kgraph::extract::html
