#include "extract/text/tokenizer.hpp"

#include <string>

#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

CharClass class_at(std::string_view text, std::uint32_t pos, std::uint32_t end) {
  if (pos >= end) return CharClass::Space;
  return classify(decode_utf8(text, pos).value);
}

bool is_wordish(CharClass c) { return c == CharClass::Letter || c == CharClass::Digit; }

bool starts_with_at(std::string_view text, std::uint32_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
}

// The clitics split off a word after an apostrophe (possessive, contractions).
bool is_clitic(std::string_view s) {
  return s == "s" || s == "S" || s == "re" || s == "ll" || s == "ve" || s == "d" || s == "m";
}

}  // namespace

Tokenizer::Tokenizer(std::unordered_set<std::string> abbreviations)
    : abbreviations_(std::make_move_iterator(abbreviations.begin()), std::make_move_iterator(abbreviations.end())) {}

// End of the word that starts at `pos` (a letter or digit).
std::uint32_t Tokenizer::word_end(std::string_view text, std::uint32_t pos, std::uint32_t end) const {
  const std::uint32_t start = pos;
  while (pos < end) {
    CodePoint cp = decode_utf8(text, pos);
    CharClass c = classify(cp.value);
    if (is_wordish(c)) {
      pos += cp.length;
      continue;
    }
    std::uint32_t next = pos + cp.length;
    CharClass after = class_at(text, next, end);
    if (c == CharClass::Hyphen && is_wordish(after)) {  // "Run-of-the-mill", "1,500-strong"
      pos = next;
      continue;
    }
    if ((cp.value == ',' || cp.value == '.' || cp.value == ':') && after == CharClass::Digit &&
        pos > start && class_at(text, pos - 1, end) == CharClass::Digit) {  // 1,500  3.5  16:24
      pos = next;
      continue;
    }
    if (c == CharClass::Period) {
      const std::string_view candidate = text.substr(start, next - start);
      bool single_letter = next - start == 2 && is_upper(decode_utf8(text, start).value);
      if (after == CharClass::Letter) {  // "U.S", "Reuters.com": keep going inside the word
        pos = next;
        continue;
      }
      if (abbreviations_.find(candidate) != abbreviations_.end() || single_letter) return next;
      // "U.S." ends with a period after an internal one
      if (candidate.find('.') < candidate.size() - 1) return next;
      return pos;
    }
    if (c == CharClass::Apostrophe && after == CharClass::Letter) {
      // n't: the word ends before the 'n'
      if ((text.substr(next, 1) == "t" || text.substr(next, 1) == "T") && pos > start &&
          (text[pos - 1] == 'n' || text[pos - 1] == 'N') && class_at(text, next + 1, end) != CharClass::Letter)
        return pos - 1 > start ? pos - 1 : pos;
      std::uint32_t q = next;
      while (q < end && class_at(text, q, end) == CharClass::Letter) q += decode_utf8(text, q).length;
      if (is_clitic(text.substr(next, q - next))) return pos;  // split "Trump’s"
      pos = next;  // O'Brien, d'Estaing
      continue;
    }
    return pos;
  }
  return pos;
}

void Tokenizer::tokenize(std::string_view text, Span range, std::vector<Span>& out) const {
  std::uint32_t pos = range.begin;
  const std::uint32_t end = range.end;
  while (pos < end) {
    CodePoint cp = decode_utf8(text, pos);
    CharClass c = classify(cp.value);
    if (c == CharClass::Space) {
      pos += cp.length;
      continue;
    }
    std::uint32_t stop;
    if (starts_with_at(text, pos, "http://") || starts_with_at(text, pos, "https://") ||
        starts_with_at(text, pos, "www.")) {
      stop = pos;
      while (stop < end && class_at(text, stop, end) != CharClass::Space) stop += decode_utf8(text, stop).length;
    } else if (is_wordish(c)) {
      stop = word_end(text, pos, end);
      if (stop == pos) stop = pos + cp.length;
    } else if ((cp.value == '@' || cp.value == '#') && class_at(text, pos + 1, end) == CharClass::Letter) {
      stop = word_end(text, pos + 1, end);
    } else if (c == CharClass::Apostrophe) {
      // a clitic after a split word ('s, n't handled by the word) or a quote mark
      std::uint32_t q = pos + cp.length;
      std::uint32_t r = q;
      while (r < end && class_at(text, r, end) == CharClass::Letter) r += decode_utf8(text, r).length;
      stop = (r > q && is_clitic(text.substr(q, r - q))) ? r : q;
    } else if ((cp.value == 'n' || cp.value == 'N')) {
      stop = pos + cp.length;
    } else if (c == CharClass::Hyphen || c == CharClass::Period) {
      stop = pos + cp.length;  // runs like "--" or "..." stay together
      while (stop < end && text[stop] == text[pos]) ++stop;
    } else {
      stop = pos + cp.length;
    }
    // "n't" after a word that word_end stopped before
    if (is_wordish(c) && stop < end && text.substr(stop, 1) == "n" && stop + 1 < end) {
      CodePoint ap = decode_utf8(text, stop + 1);
      if (classify(ap.value) == CharClass::Apostrophe && text.substr(stop + 1 + ap.length, 1) == "t") {
        out.push_back({pos, stop});
        std::uint32_t nt_end = stop + 1 + ap.length + 1;
        out.push_back({stop, nt_end});
        pos = nt_end;
        continue;
      }
    }
    out.push_back({pos, stop});
    pos = stop;
  }
}

}  // namespace kgraph::extract
