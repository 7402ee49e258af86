#include "extract/html/date_parser.hpp"

#include <array>
#include <cstdio>
#include <vector>

namespace kgraph::extract::html {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};

enum class Kind { Number, Word, Other };

struct Token {
  Kind kind;
  std::string_view text;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    Kind kind = is_digit(s[i]) ? Kind::Number : is_alpha(s[i]) ? Kind::Word : Kind::Other;
    if (kind == Kind::Number)
      while (j < s.size() && is_digit(s[j])) ++j;
    else if (kind == Kind::Word)
      while (j < s.size() && is_alpha(s[j])) ++j;
    if (kind != Kind::Other || (s[i] != ' ' && s[i] != '\t')) out.push_back({kind, s.substr(i, j - i)});
    i = j;
  }
  return out;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// 1..12 when `word` names a month in full or by a prefix of three letters or more.
int month_number(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::size_t m = 0; m < kMonths.size(); ++m)
    if (kMonths[m].substr(0, lower.size()) == lower) return static_cast<int>(m) + 1;
  return 0;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<std::string> make_date(int y, int m, int d) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return std::nullopt;
  int limit = days[static_cast<std::size_t>(m - 1)] + (m == 2 && is_leap(y) ? 1 : 0);
  if (d > limit) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

bool is_number(const std::vector<Token>& t, std::size_t i, std::size_t min_len, std::size_t max_len) {
  return i < t.size() && t[i].kind == Kind::Number && t[i].text.size() >= min_len && t[i].text.size() <= max_len;
}
bool is_sep(const std::vector<Token>& t, std::size_t i, std::string_view allowed) {
  return i < t.size() && t[i].kind == Kind::Other && allowed.find(t[i].text[0]) != std::string_view::npos;
}

// "2017-01-31", "2017.01.31", "2017/01/31" at token i.
std::optional<std::string> numeric_ymd(const std::vector<Token>& t, std::size_t i) {
  if (!is_number(t, i, 4, 4) || !is_sep(t, i + 1, "-./") || !is_number(t, i + 2, 1, 2) || !is_sep(t, i + 3, "-./") ||
      !is_number(t, i + 4, 1, 2) || t[i + 1].text != t[i + 3].text)
    return std::nullopt;
  return make_date(to_int(t[i].text), to_int(t[i + 2].text), to_int(t[i + 4].text));
}

// "31.01.2017", "31-01-2017", "01/31/2017" at token i.
std::optional<std::string> numeric_dmy(const std::vector<Token>& t, std::size_t i) {
  if (!is_number(t, i, 1, 2) || !is_sep(t, i + 1, "-./") || !is_number(t, i + 2, 1, 2) || !is_sep(t, i + 3, "-./") ||
      !is_number(t, i + 4, 4, 4) || t[i + 1].text != t[i + 3].text)
    return std::nullopt;
  int a = to_int(t[i].text), b = to_int(t[i + 2].text), y = to_int(t[i + 4].text);
  // Dots and dashes are day-first everywhere; slashes are month-first (US) unless impossible.
  if (t[i + 1].text == "/" && a <= 12) return make_date(y, a, b);
  return make_date(y, b, a);
}

// Skips separators a textual date may contain: ",", ".", "-", "/".
std::size_t skip_seps(const std::vector<Token>& t, std::size_t i) {
  while (is_sep(t, i, ",.-/")) ++i;
  return i;
}
// Skips an ordinal suffix after a day number ("31st").
std::size_t skip_ordinal(const std::vector<Token>& t, std::size_t i) {
  if (i < t.size() && t[i].kind == Kind::Word) {
    std::string_view w = t[i].text;
    if (w == "st" || w == "nd" || w == "rd" || w == "th") return i + 1;
  }
  return i;
}

int year_of(std::string_view digits) {
  int v = to_int(digits);
  if (digits.size() == 2) return v < 70 ? 2000 + v : 1900 + v;  // RFC 822 two-digit years
  return v;
}

// A month name at token i with its day before ("31 Jan 2017") or after ("Jan 31, 2017").
std::optional<std::string> textual(const std::vector<Token>& t, std::size_t i, int context_year) {
  int month = t[i].kind == Kind::Word ? month_number(t[i].text) : 0;
  if (month == 0) return std::nullopt;
  // Day first: "31 Jan 2017", "31st of January 2017", "Tue, 31 Jan 17".
  std::size_t before = i;
  if (before >= 1 && t[before - 1].kind == Kind::Word && t[before - 1].text == "of") --before;
  while (before >= 1 && is_sep(t, before - 1, ".-")) --before;
  if (before >= 1 && t[before - 1].kind == Kind::Word && before >= 2 && is_number(t, before - 2, 1, 2) &&
      skip_ordinal(t, before - 1) == before)
    --before;
  if (before >= 1 && is_number(t, before - 1, 1, 2)) {
    int day = to_int(t[before - 1].text);
    std::size_t j = skip_seps(t, i + 1);
    if (is_number(t, j, 4, 4) || (is_number(t, j, 2, 2) && !is_sep(t, j + 1, ":")))
      return make_date(year_of(t[j].text), month, day);
    if (context_year > 0) return make_date(context_year, month, day);
    return std::nullopt;
  }
  // Month first: "January 31, 2017", "Jan 8".
  std::size_t j = skip_seps(t, i + 1);
  if (!is_number(t, j, 1, 2)) return std::nullopt;
  int day = to_int(t[j].text);
  std::size_t k = skip_seps(t, skip_ordinal(t, j + 1));
  if (is_number(t, k, 4, 4)) return make_date(to_int(t[k].text), month, day);
  if (context_year > 0) return make_date(context_year, month, day);
  return std::nullopt;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A dateline opens a paragraph: a place in capitalised words, a comma, then the
// date up to "(", ":" or a dash: "Brussels, Jan 8 (IANS): ...".
std::optional<std::string> dateline(std::string_view line, int context_year) {
  std::size_t comma = line.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 40) return std::nullopt;
  std::string_view place = line.substr(0, comma);
  if (!(place[0] >= 'A' && place[0] <= 'Z')) return std::nullopt;
  for (char c : place)
    if (!(is_alpha(c) || c == ' ' || c == '.' || c == '-' || c == '\'')) return std::nullopt;
  std::string_view rest = line.substr(comma + 1);
  std::size_t end = rest.find_first_of("(:");
  std::size_t dash = rest.find(" -");
  if (dash < end) end = dash;
  std::size_t em = rest.find("\xE2\x80\x94");  // em dash
  if (em < end) end = em;
  if (end == std::string_view::npos || end > 40) return std::nullopt;
  return parse_date(rest.substr(0, end), context_year);
}

}  // namespace

std::optional<std::string> parse_date(std::string_view s, int context_year) {
  if (s.size() > 256) s = s.substr(0, 256);  // dates are short; bound the work on hostile input
  std::vector<Token> t = tokenize(s);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (auto d = numeric_ymd(t, i)) return d;
    if (auto d = numeric_dmy(t, i)) return d;
    if (auto d = textual(t, i, context_year)) return d;
  }
  return std::nullopt;
}

std::optional<std::string> find_dateline_date(std::string_view text, int context_year) {
  // Only the head of an article carries its date; later dates are what the story is about.
  constexpr std::size_t kMaxLines = 12;
  std::size_t lines = 0;
  for (std::size_t pos = 0; pos < text.size() && lines < kMaxLines;) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = trim_view(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.empty()) continue;
    ++lines;
    // A standalone date line: short and made of date words only ("2017.01.31 / 16:24").
    if (line.size() <= 48) {
      std::size_t words = 0;
      for (const Token& tok : tokenize(line))
        if (tok.kind == Kind::Word) ++words;
      if (words <= 4)
        if (auto d = parse_date(line, context_year)) return d;
    }
    if (auto d = dateline(line, context_year)) return d;
  }
  return std::nullopt;
}

}  // namespace kgraph::extract::html
