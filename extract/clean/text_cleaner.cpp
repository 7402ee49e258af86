#include "extract/clean/text_cleaner.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

struct Line {
  Span span;          // trimmed
  std::string key;    // normalize_key of the text, for the phrase lists
  std::uint32_t first_token = 0, last_token = 0;  // its tokens, in the run's token list
  int words = 0;      // tokens with a letter
  int lower_words = 0;
  bool terminal = false;  // ends like a sentence
  bool boilerplate = false;
  std::string why;  // the rule that marked it boilerplate
};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

Span trim(std::string_view text, Span s) {
  while (s.begin < s.end && (is_space_byte(text[s.begin]) || text[s.begin] == '\n')) ++s.begin;
  // non-breaking and other Unicode spaces at the edges
  while (s.begin < s.end) {
    CodePoint cp = decode_utf8(text, s.begin);
    if (classify(cp.value) != CharClass::Space) break;
    s.begin += cp.length;
  }
  while (s.end > s.begin && (is_space_byte(text[s.end - 1]) || text[s.end - 1] == '\n')) --s.end;
  while (s.end > s.begin) {
    std::uint32_t b = s.end - 1;
    while (b > s.begin && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    if (classify(decode_utf8(text, b).value) != CharClass::Space) break;
    s.end = b;
  }
  return s;
}

bool ends_like_sentence(std::string_view s) {
  // look at the last code points, skipping closing quotes and brackets
  std::size_t i = s.size();
  while (i > 0) {
    std::size_t b = i - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    char32_t c = decode_utf8(s, b).value;
    if (c == '.' || c == '!' || c == '?' || c == U'\u2026') return true;
    if (c == '"' || c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' || c == ')' || c == '\'') {
      i = b;
      continue;
    }
    return false;
  }
  return false;
}

bool contains_ci(const std::string& haystack_key, const std::string& needle_key) {
  return haystack_key.find(needle_key) != std::string::npos;
}

// Which byte pairs occur in a string, hashed to 256 bits. A string can contain
// a phrase only if it has every pair of the phrase, so most of the dozens of
// phrase searches per line are skipped after a few AND operations.
struct PairBits {
  std::uint64_t w[4] = {};
  explicit PairBits(std::string_view s) {
    for (std::size_t i = 1; i < s.size(); ++i) {
      const unsigned h = (static_cast<unsigned char>(s[i - 1]) * 31u + static_cast<unsigned char>(s[i])) & 255u;
      w[h >> 6] |= std::uint64_t{1} << (h & 63);
    }
  }
  bool covers(const PairBits& o) const {
    return (o.w[0] & ~w[0]) == 0 && (o.w[1] & ~w[1]) == 0 && (o.w[2] & ~w[2]) == 0 && (o.w[3] & ~w[3]) == 0;
  }
};

// The key with every run of ASCII digits written as "<n>", so that a drop_line
// phrase "<n> years ago" matches "7 years ago" and "12 years ago" (a relative time
// that a page prints under its headline), or "" when the key has no digit.
std::string number_shape(const std::string& key) {
  // (a plain loop: find_first_of calls memchr on the ten digits for every byte)
  if (std::none_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    const bool digit = key[i] >= '0' && key[i] <= '9';
    if (!digit) out.push_back(key[i]);
    else if (i == 0 || key[i - 1] < '0' || key[i - 1] > '9') out += "<n>";
  }
  return out;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Words of `s` split at spaces.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// A line set in capitals with no lowercase letter and no closing stop, four words
// or more: a headline of another story between paragraphs ("LEADER FACES HIGH
// STAKES IN MEETING"), which wires print inside the article. A question, a
// shorter line or one with digits ("SPORTING 2-2 CARTAGINES") is the article's own.
bool is_caps_headline(std::string_view s) {
  if (s.empty() || s.back() == '?' || s.back() == '.' || s.back() == '!') return false;
  int upper = 0;
  for (char c : s) {
    if (is_ascii_lower(c) || (c >= '0' && c <= '9')) return false;  // a score or a date: a results line
    if (is_ascii_upper(c)) ++upper;
  }
  return upper >= 12 && words_of(s).size() >= 4;
}

// Where a headline of another story glued to the end of a paragraph starts
// ("...at the summit.Leader faces high stakes in meeting with X"), or npos.
// The tail must follow a sentence end (a lowercase letter, then . ! ?, then
// closing quotes), start with a capital, run to the end of the line without a
// closing stop, and have 3 to 15 words. Glued without a space, that is enough;
// after a space the tail must also read as a headline: one or two capitalised
// words and a colon, then a capitalised clause ("Obama: No time limit on Iraq
// action"), not closing a quotation.
// (Capitalised words alone say nothing: German capitalises every noun, and
// tweets and captions end without a stop.)
// Tweets ("... dumb deal! — Donald J. Trump (") and initials ("J. Trump") are
// not sentence ends by these rules.
std::size_t glued_teaser(std::string_view s) {
  if (ends_like_sentence(s) || (!s.empty() && s.back() == ':')) return std::string_view::npos;
  for (std::size_t i = s.size(); i-- > 1;) {
    char c = s[i];
    if (c != '.' && c != '!' && c != '?') continue;
    char before = s[i - 1];
    if (!is_ascii_lower(before)) continue;  // not "31. Oktober", not "J. Trump"
    // a word before the stop, not an abbreviation ("z.B.", "i.d.R.")
    if (i < 2 || !(is_ascii_lower(s[i - 2]) || is_ascii_upper(s[i - 2]))) continue;
    std::size_t j = i + 1;
    // closing quotes: " ' ” ’ )
    while (j < s.size()) {
      if (s[j] == '"' || s[j] == '\'' || s[j] == ')') ++j;
      else if (s.substr(j, 3) == "\xE2\x80\x9D" || s.substr(j, 3) == "\xE2\x80\x99") j += 3;
      else break;
    }
    bool glued = j < s.size() && s[j] != ' ';
    std::size_t start = j;
    while (start < s.size() && s[start] == ' ') ++start;
    if (start >= s.size() || !is_ascii_upper(s[start])) return std::string_view::npos;
    std::string_view tail = s.substr(start);
    std::vector<std::string_view> words = words_of(tail);
    if (words.size() < 3 || words.size() > 15 || words_of(s.substr(0, i)).size() < 5) return std::string_view::npos;
    if (words[0].size() < 2 || words[0][1] == '.') return std::string_view::npos;  // "B. Kinder": an abbreviation
    if (glued) return start;
    // After a space, a tail closing a quotation is someone's words, not a headline.
    std::string_view last = tail.substr(tail.size() - std::min<std::size_t>(tail.size(), 3));
    if (tail.back() == '"' || tail.back() == '\'' || last == "\xE2\x80\x9D" || last == "\xE2\x80\x99" ||
        last.substr(last.size() - std::min<std::size_t>(last.size(), 2)) == "\xC2\xBB")
      return std::string_view::npos;
    // "Obama: No time limit on Iraq action": one or two capitalised words, a colon,
    // then a capitalised clause of three words or more.
    for (std::size_t w = 0; w < words.size() && w < 2; ++w) {
      if (!is_ascii_upper(words[w][0])) return std::string_view::npos;
      if (words[w].back() == ':')
        return words.size() - w - 1 >= 3 && is_ascii_upper(words[w + 1][0]) ? start : std::string_view::npos;
    }
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

// A name card run into a sentence: after a person's name the page prints the
// full name glued to the headlines of other stories about that person and a
// closing word ("President Trump Donald John TrumpGOP senators balk at lengthy
// impeachment trial ... MORE greeted three prisoners"). The card repeats the
// surname S that ends the mention before it: S, one to four name words
// ("Donald John", "Michael (Mike) Richard"), then S again, alone or glued to the
// first headline ("TrumpGOP", "McCain2020"), and runs to the closing word at most
// kMaxCardTokens tokens on. Returns the index in toks of the card's first token
// (at or after `first`) for the card closed by toks[end_word], or end_word if none.
constexpr std::uint32_t kMaxCardTokens = 80;

bool name_word(std::string_view w) {
  return w == "(" || w == ")" || (starts_upper(w) && has_letter(w));
}

bool glued_to(std::string_view w, std::string_view surname, bool glued_only) {
  if (w.substr(0, surname.size()) != surname) return false;
  if (w.size() == surname.size()) return !glued_only;
  const char next = w[surname.size()];
  return is_ascii_upper(next) || (next >= '0' && next <= '9');
}

std::uint32_t name_card_start(std::string_view text, const std::vector<Span>& toks, std::uint32_t first,
                              std::uint32_t end_word, bool glued_only) {
  const std::uint32_t lowest = end_word > first + kMaxCardTokens ? end_word - kMaxCardTokens : first;
  // the nearest card start before the closing word
  for (std::uint32_t m = end_word; m-- > lowest + 2;) {
    // toks[m] is the surname again (maybe glued); look back for "S name... " before it
    for (std::uint32_t j = m - 1, names = 0; j-- > lowest && names < 4;) {
      std::string_view w = toks[j + 1].of(text);
      if (!name_word(w)) break;
      if (w != "(" && w != ")") ++names;
      std::string_view surname = toks[j].of(text);
      if (names >= 1 && surname.size() >= 2 && starts_upper(surname) && has_letter(surname) &&
          glued_to(toks[m].of(text), surname, glued_only))
        return j + 1;
    }
  }
  return end_word;
}

// The card's first token, or end_word when there is none. A surname glued to a
// headline ("TillersonSteve") marks the card's start for sure and is sought first:
// the headlines may hold a name said twice ("... for Haley Nikki Haley: Trump").
std::uint32_t name_card_start(std::string_view text, const std::vector<Span>& toks, std::uint32_t first,
                              std::uint32_t end_word) {
  const std::uint32_t glued = name_card_start(text, toks, first, end_word, true);
  return glued < end_word ? glued : name_card_start(text, toks, first, end_word, false);
}

}  // namespace

// Longest line (in words) that a drop_contains phrase may discard whole.
constexpr int kMaxWidgetWords = 60;

CleanResult clean_text(Document& doc, const Lexicon& lexicon) {
  const std::string_view text = doc.text;
  CleanResult result;
  std::vector<Line> lines;
  std::uint32_t start = 0;
  // Skip a UTF-8 byte-order mark: it is not part of any line's text.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::uint32_t end = nl == std::string_view::npos ? static_cast<std::uint32_t>(text.size()) : static_cast<std::uint32_t>(nl);
    Span s = trim(text, {start, end});
    if (!s.empty()) lines.emplace_back().span = s;
    start = end + 1;
  }

  // The phrase lists, normalised once at load (Lexicon::boilerplate_keys).
  const std::vector<std::string>& drop_line = lexicon.boilerplate_keys("drop_line");
  const std::vector<std::string>& drop_line_phrases = lexicon.boilerplate("drop_line");
  const std::vector<std::string>& drop_contains_phrases = lexicon.boilerplate("drop_contains");
  const std::vector<std::string>& drop_prefix = lexicon.boilerplate("drop_prefix");
  const std::vector<std::string>& drop_contains = lexicon.boilerplate_keys("drop_contains");
  const std::vector<std::string>& stop_section = lexicon.boilerplate_keys("stop_section");
  const std::vector<std::string>& card_end = lexicon.boilerplate("card_end");
  std::vector<PairBits> drop_contains_pairs;
  drop_contains_pairs.reserve(drop_contains.size());
  for (const std::string& p : drop_contains) drop_contains_pairs.emplace_back(p);
  // Every line is tokenised once here; the lines kept as content hand their
  // tokens on to the extractor (doc.tokens), which would otherwise tokenise
  // them again.
  std::vector<Span> toks;
  toks.reserve(text.size() / 5 + 16);
  for (Line& line : lines) {
    std::string_view s = line.span.of(text);
    line.first_token = static_cast<std::uint32_t>(toks.size());
    lexicon.tokenizer().tokenize(text, line.span, toks);
    line.last_token = static_cast<std::uint32_t>(toks.size());
    std::string_view first_word;
    bool one_word_repeated = true;
    for (std::uint32_t k = line.first_token; k < line.last_token; ++k) {
      std::string_view w = toks[k].of(text);
      if (!has_letter(w)) continue;
      ++line.words;
      if (!starts_upper(w)) ++line.lower_words;
      if (first_word.empty()) first_word = w;
      one_word_repeated = one_word_repeated && w == first_word;
    }
    // One word over and over between numbers or marks is a widget's row of buttons
    // ("12 Punto 14 Punto 16 Punto 18 Punto"), not text.
    auto mark = [&](const char* rule, std::string_view phrase) {
      if (line.boilerplate) return;
      line.boilerplate = true;
      line.why = phrase.empty() ? std::string(rule) : std::string(rule) + " '" + std::string(phrase) + "'";
    };
    if (line.words >= 3 && one_word_repeated) mark("repeated word row", {});
    line.terminal = ends_like_sentence(s);
    // Only a short line can be a phrase from the lists (the longest has a handful
    // of words) or a "Date"/"Author" label; long prose lines keep an empty key.
    if (line.words <= kMaxWidgetWords) line.key = normalize_key(s);
    const std::string& key = line.key;
    const std::string shape = line.words <= kMaxWidgetWords ? number_shape(key) : std::string();
    for (std::size_t p = 0; p < drop_line.size(); ++p)
      if (key == drop_line[p] || (!shape.empty() && shape == drop_line[p])) mark("drop_line", drop_line_phrases[p]);
    // First byte first: most lines start with none of the prefixes, and this
    // runs for every prefix on every line.
    for (const std::string& p : drop_prefix)
      if (p.empty() || (s.size() >= p.size() && s[0] == p[0] && std::memcmp(s.data(), p.data(), p.size()) == 0))
        mark("drop_prefix", p);
    // A phrase like "click here" marks a widget line, not a paragraph: a text delivered
    // as one long line (no paragraph breaks) keeps its prose.
    if (line.words <= kMaxWidgetWords && !line.boilerplate) {
      const PairBits pairs(key);
      for (std::size_t p = 0; p < drop_contains.size(); ++p)
        if (pairs.covers(drop_contains_pairs[p]) && contains_ci(key, drop_contains[p])) mark("drop_contains", drop_contains_phrases[p]);
    }
  }

  auto is_prose = [](const Line& l) {
    if (l.boilerplate) return false;
    if (l.words >= 8 && (l.terminal || l.words >= 15) && l.lower_words * 3 >= l.words) return true;
    return l.words >= 5 && l.terminal && l.lower_words * 2 >= l.words;
  };
  auto is_stop_marker = [&](const Line& l) {
    for (const std::string& p : stop_section)
      if (l.key == p) return true;
    return false;
  };

  // The title: among the lines before the first prose line, the one with most words
  // (navigation lines are short); ties go to the earlier line.
  std::size_t first_prose = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (is_prose(lines[i])) {
      first_prose = i;
      break;
    }
  // Headlines of other stories set in capitals between the paragraphs.
  // Only after a paragraph and before more text: a line of capitals in a table or a
  // list, or the last line, is the article's.
  for (std::size_t i = first_prose + 1; i + 1 < lines.size(); ++i)
    if (!lines[i].boilerplate && is_prose(lines[i - 1]) && is_caps_headline(lines[i].span.of(text))) {
      lines[i].boilerplate = true;
      lines[i].why = "headline in capitals";
    }
  int best_words = 2;
  std::size_t title_index = lines.size();
  for (std::size_t i = 0; i < first_prose; ++i) {
    const Line& l = lines[i];
    if (l.boilerplate || is_stop_marker(l) || l.words > 40) continue;
    if (l.words > best_words) {
      best_words = l.words;
      title_index = i;
    }
  }
  std::vector<std::size_t> kept;  // indices of the content lines
  if (title_index < lines.size()) {
    result.title = lines[title_index].span;
    kept.push_back(title_index);
  }

  // The article runs from the title (or its first prose line) to the end matter. Lines
  // before that anchor belong to it too, back to the nearest debris line: a plain-text
  // article opens with its headline, dateline and any table ("LONDON 1996-08-30",
  // "Fulham 4 3 0 1 5 3 9") while a page dump opens with navigation that the phrase
  // lists mark ("Menu", "Live Broadcast"). Inside the article only page debris goes:
  // lines of the phrase lists and the value line of a "Date"/"Author" label. A line is
  // never dropped for its shape; score tables, squad lists and results are article text.
  std::size_t article_start = std::min(title_index, first_prose);
  while (article_start > 0 && !lines[article_start - 1].boilerplate && !is_stop_marker(lines[article_start - 1])) --article_start;

  bool seen_text = false;
  bool label_value = false;  // the line after a metadata label holds the label's value
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const std::string& key = l.key;
    const bool value_line = label_value;
    label_value = false;
    // Labelled metadata lines: "Date" / "Author" followed by the value on the next line.
    if (i + 1 < lines.size()) {
      if (key == "date" || key == "published" || key == "posted" || key == "updated") {
        result.date_line = std::string(lines[i + 1].span.of(text));
        label_value = true;
      }
      if (key == "author" || key == "source" || key == "by") {
        result.author_line = std::string(lines[i + 1].span.of(text));
        label_value = true;
      }
    }
    if (seen_text && is_stop_marker(l)) {  // end matter: related lists, comments
      std::string rule = "end matter after '" + std::string(l.span.of(text)) + "'";
      for (std::size_t k = i; k < lines.size(); ++k) result.removed.push_back({lines[k].span, rule});
      break;
    }
    if (i == title_index) continue;
    const char* rule = i < article_start       ? "before the article"
                       : l.boilerplate         ? nullptr
                       : label_value           ? "metadata label"
                       : value_line            ? "metadata value"
                       : is_stop_marker(l)     ? "stop_section before the article text"
                                               : "";
    if (rule == nullptr) {
      result.removed.push_back({l.span, l.why});
      continue;
    }
    if (*rule != '\0') {
      result.removed.push_back({l.span, rule});
      continue;
    }
    kept.push_back(i);
    if (is_prose(l) || i > title_index || title_index == lines.size()) seen_text = true;
  }
  std::sort(kept.begin(), kept.end());  // lines are in text order, so the blocks are too
  doc.tokens.clear();
  for (std::size_t i : kept) {
    Span span = lines[i].span;
    // A headline of another story glued to the end of a paragraph is cut off.
    if (i != title_index)
      if (std::size_t cut = glued_teaser(span.of(text)); cut != std::string_view::npos) {
        Span tail{span.begin + static_cast<std::uint32_t>(cut), span.end};
        result.removed.push_back({tail, "glued teaser"});
        span = trim(text, {span.begin, tail.begin});
      }
    doc.content.push_back(span);
    // Name cards inside the line: their tokens are left out, so the sentence reads
    // "President Trump greeted ..." while its span (the evidence) stays whole.
    std::uint32_t skip_to = lines[i].first_token;
    for (std::uint32_t k = lines[i].first_token; k < lines[i].last_token; ++k) {
      if (toks[k].end > span.end) break;
      if (!card_end.empty() && k > skip_to &&
          std::find(card_end.begin(), card_end.end(), toks[k].of(text)) != card_end.end()) {
        const std::uint32_t card = name_card_start(text, toks, skip_to, k);
        if (card < k) {
          while (!doc.tokens.empty() && doc.tokens.back().begin >= toks[card].begin) doc.tokens.pop_back();
          result.removed.push_back({{toks[card].begin, toks[k].end}, "name card '" + std::string(toks[k].of(text)) + "'"});
          skip_to = k + 1;
          continue;
        }
      }
      doc.tokens.push_back(toks[k]);
    }
  }
  std::sort(result.removed.begin(), result.removed.end(),
            [](const CleanRemoval& a, const CleanRemoval& b) { return a.span.begin < b.span.begin; });
  return result;
}

}  // namespace kgraph::extract
