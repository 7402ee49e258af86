#include "extract/ner/token_text.hpp"

namespace kgraph::extract::ner {

std::size_t normalise_token(std::string_view tok, char* out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < tok.size() && n < kMaxTokenBytes; ++i) {
    unsigned char c = static_cast<unsigned char>(tok[i]);
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
    } else if (c >= '0' && c <= '9') {
      c = '0';
    } else if (c == 0xC3 && i + 1 < tok.size() && n + 1 < kMaxTokenBytes) {
      // U+00C0..U+00DE (except U+00D7, the multiplication sign) lower-case by +0x20.
      unsigned char d = static_cast<unsigned char>(tok[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out[n++] = static_cast<char>(c);
      out[n++] = static_cast<char>(d);
      ++i;
      continue;
    }
    out[n++] = static_cast<char>(c);
  }
  return n;
}

namespace {

char shape_char(std::string_view tok, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(tok[i]);
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c < 0x80) return static_cast<char>(c);
  // A UTF-8 sequence counts as one letter; Latin-1 capitals as upper case.
  bool upper = c == 0xC3 && i + 1 < tok.size() && static_cast<unsigned char>(tok[i + 1]) <= 0x9E;
  while (i + 1 < tok.size() && (static_cast<unsigned char>(tok[i + 1]) & 0xC0) == 0x80) ++i;
  return upper ? 'X' : 'x';
}

}  // namespace

std::size_t token_shape(std::string_view tok, char* out, char* short_out, std::size_t* short_len) {
  std::size_t n = 0, sn = 0, run = 0;
  char prev = 0;
  for (std::size_t i = 0; i < tok.size() && n < kMaxTokenBytes; ++i) {
    char s = shape_char(tok, i);
    run = s == prev ? run + 1 : 1;
    if (run <= 4) out[n++] = s;
    if (short_out && run == 1 && sn < kMaxTokenBytes) short_out[sn++] = s;
    prev = s;
  }
  if (short_len) *short_len = sn;
  return n;
}

}  // namespace kgraph::extract::ner
