#include "ontology/text_signature.hpp"

#include <algorithm>

namespace kgraph {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t kBytes = kMinHashes * 4;
constexpr std::size_t kChars = (kBytes + 2) / 3 * 4;

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string encode_minhash(const TextSignature& s) {
  std::array<unsigned char, kBytes> bytes{};
  for (std::size_t i = 0; i < kMinHashes; ++i)
    for (std::size_t k = 0; k < 4; ++k) bytes[i * 4 + k] = static_cast<unsigned char>(s.minhash[i] >> (8 * k));
  std::string out;
  out.reserve(kChars);
  for (std::size_t i = 0; i < kBytes; i += 3) {
    const std::size_t n = std::min<std::size_t>(3, kBytes - i);
    std::uint32_t v = std::uint32_t{bytes[i]} << 16;
    if (n > 1) v |= std::uint32_t{bytes[i + 1]} << 8;
    if (n > 2) v |= bytes[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[v & 63] : '=';
  }
  return out;
}

bool decode_minhash(std::string_view text, TextSignature& s) {
  if (text.size() != kChars) return false;
  std::array<unsigned char, kBytes> bytes{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < kChars; i += 4) {
    const std::size_t n = std::min<std::size_t>(3, kBytes - at);  // bytes this quad carries
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (k > n) {  // padding, and only where the length says so
        if (c != '=') return false;
        v <<= 6;
        continue;
      }
      const int x = sextet(c);
      if (x < 0) return false;
      v = (v << 6) | static_cast<std::uint32_t>(x);
    }
    for (std::size_t k = 0; k < n; ++k) bytes[at++] = static_cast<unsigned char>(v >> (16 - 8 * k));
    // The bits below the last byte must be zero, so one signature has one spelling.
    if (n < 3 && (v & ((1u << (8 * (3 - n))) - 1)) != 0) return false;
  }
  for (std::size_t i = 0; i < kMinHashes; ++i) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v |= std::uint32_t{bytes[i * 4 + k]} << (8 * k);
    s.minhash[i] = v;
  }
  return true;
}

}  // namespace kgraph
