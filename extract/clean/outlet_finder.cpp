#include "extract/clean/outlet_finder.hpp"

#include <vector>

namespace kgraph::extract {
namespace {

// A dateline's place and date ("NEW DELHI, Dec 3", "Rio de Janeiro, Jan. 5") fit
// in this many bytes and words; a longer run before the bracket is a sentence.
constexpr std::size_t kMaxPlaceBytes = 80;
constexpr int kMaxPlaceWords = 8;
constexpr std::size_t kMaxOutletBytes = 48;   // inside the brackets
constexpr std::size_t kMaxBylineBytes = 160;  // "By A, B and C, Outlet"
// The header: the title and the first paragraphs (content blocks), where
// datelines and bylines stand; at most this many lines of it.
constexpr std::size_t kHeaderBlocks = 3;
constexpr std::size_t kMaxHeaderLines = 40;

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  auto space_at_front = [&] {
    if (s.empty()) return std::size_t{0};
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r') return std::size_t{1};
    if (s.substr(0, 2) == "\xC2\xA0") return std::size_t{2};  // no-break space
    return std::size_t{0};
  };
  while (std::size_t n = space_at_front()) s.remove_prefix(n);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

// Words of a place and date: each starts with a capital or a digit ("NEW",
// "Delhi,", "Jan.", "3") or is a short lower-case particle ("de", "al"). A
// letter outside ASCII counts as a capital: lower-case particles are ASCII.
bool looks_like_place_and_date(std::string_view prefix) {
  int words = 0;
  for (std::size_t i = 0; i < prefix.size();) {
    while (i < prefix.size() && prefix[i] == ' ') ++i;
    if (i == prefix.size()) break;
    std::size_t end = prefix.find(' ', i);
    if (end == std::string_view::npos) end = prefix.size();
    const std::string_view w = prefix.substr(i, end - i);
    if (++words > kMaxPlaceWords) return false;
    for (char c : w)
      if (c == '"' || c == ')' || c == '(' || c == '[' || c == ']') return false;
    if (!(is_upper_ascii(w.front()) || is_digit(w.front()) || static_cast<unsigned char>(w.front()) >= 0x80 ||
          (is_lower_ascii(w.front()) && w.size() <= 3)))
      return false;
    i = end;
  }
  return words == 0 || !is_lower_ascii(trim(prefix).front());  // a place starts with a capital
}

// What may follow "(Reuters)": a dash or colon, the sentence's first capital
// or quote, or nothing (a dateline on a line of its own).
bool dateline_end(std::string_view rest) {
  const std::string_view r = trim(rest);
  if (r.empty() || r.front() == '-' || r.front() == ':') return true;
  const std::string_view three = r.substr(0, 3);
  if (three == "\xE2\x80\x93" || three == "\xE2\x80\x94") return true;  // en dash, em dash
  // "(IANS) The government ...": the sentence's first capital or quote; also with
  // no space, as pages reduced to text give it ("Washington (CNN)President ...").
  return is_upper_ascii(r.front()) || r.front() == '"' || three == "\xE2\x80\x9C";
}

std::string name_of(const std::string* name) { return name ? *name : std::string(); }

// The lines of text[0, end), trimmed, at most kMaxHeaderLines of them.
std::vector<std::string_view> header_lines(std::string_view text, std::size_t end) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < end && lines.size() < kMaxHeaderLines;) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos || nl > end) nl = end;
    const std::string_view line = trim(text.substr(start, nl - start));
    if (!line.empty()) lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

}  // namespace

std::string dateline_outlet(std::string_view line, const OutletTable& outlets) {
  const std::size_t open = line.find('(');
  if (open == std::string_view::npos || open > kMaxPlaceBytes) return {};
  if (!looks_like_place_and_date(line.substr(0, open))) return {};
  const std::size_t close = line.find(')', open + 1);
  if (close == std::string_view::npos || close - open - 1 > kMaxOutletBytes) return {};
  if (!dateline_end(line.substr(close + 1))) return {};
  return name_of(outlets.by_form(trim(line.substr(open + 1, close - open - 1))));
}

std::string byline_outlet(std::string_view line, const OutletTable& outlets) {
  line = trim(line);
  if (line.size() < 4 || line.size() > kMaxBylineBytes) return {};
  if (!((line[0] == 'B' || line[0] == 'b') && (line[1] == 'y' || line[1] == 'Y') && line[2] == ' ')) return {};
  // Pieces between commas, bars, semicolons and spaced dashes; the outlet is
  // usually the last one ("By Jane Doe, Reuters"), so look from the end.
  std::vector<std::string_view> pieces;
  std::size_t start = 3;
  for (std::size_t i = 3; i <= line.size(); ++i) {
    std::size_t sep = 0;
    if (i == line.size()) {
      sep = 1;
    } else if (line[i] == ',' || line[i] == '|' || line[i] == ';') {
      sep = 1;
    } else if (line[i] == ' ' && i + 2 < line.size() && line[i + 1] == '-' && line[i + 2] == ' ') {
      sep = 3;
    } else if (line[i] == ' ' && i + 4 < line.size() && line.substr(i + 1, 2) == "\xE2\x80" &&
               (line[i + 3] == '\x93' || line[i + 3] == '\x94') && line[i + 4] == ' ') {
      sep = 5;
    }
    if (sep == 0) continue;
    pieces.push_back(trim(line.substr(start, i - start)));
    start = i + sep;
    i = start - 1;
  }
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
    std::string_view piece = *it;
    // "By Reuters Staff"
    if (piece.size() > 6 && (piece.substr(piece.size() - 6) == " Staff" || piece.substr(piece.size() - 6) == " staff"))
      piece = trim(piece.substr(0, piece.size() - 6));
    if (const std::string* name = outlets.by_form(piece)) return *name;
  }
  return {};
}

std::string url_outlet(std::string_view url, const OutletTable& outlets) {
  auto starts_ci = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if ((is_upper_ascii(url[i]) ? url[i] + 32 : url[i]) != prefix[i]) return false;
    return true;
  };
  std::size_t start = 0;
  if (starts_ci("http://")) start = 7;
  else if (starts_ci("https://")) start = 8;
  else return {};
  std::string_view host = url.substr(start, url.find_first_of("/?#", start) - start);
  if (std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);  // user:pass@
  if (host.empty() || host.front() == '[') return {};  // no host, or an IPv6 address: no site name
  if (std::size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  std::string h;
  for (char c : host) {
    if (!(is_upper_ascii(c) || is_lower_ascii(c) || is_digit(c) || c == '-' || c == '.' ||
          static_cast<unsigned char>(c) >= 0x80))
      return {};  // not a host name: name no outlet after it
    h.push_back(is_upper_ascii(c) ? static_cast<char>(c + 32) : c);
  }
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.rfind("www.", 0) == 0) h.erase(0, 4);
  if (h.find('.') == std::string::npos) return {};  // "localhost": no site
  if (const std::string* name = outlets.by_host(h)) return *name;
  return h;
}

std::string find_outlet(const Document& doc, const OutletTable& outlets) {
  const std::string_view text = doc.text;
  std::size_t end = text.size();
  if (!doc.content.empty()) end = doc.content[std::min(doc.content.size(), kHeaderBlocks) - 1].end;
  const std::vector<std::string_view> lines = header_lines(text, end);
  for (std::string_view line : lines)
    if (std::string name = dateline_outlet(line, outlets); !name.empty()) return name;
  for (std::string_view line : lines)
    if (std::string name = byline_outlet(line, outlets); !name.empty()) return name;
  return url_outlet(doc.meta.url, outlets);
}

}  // namespace kgraph::extract
