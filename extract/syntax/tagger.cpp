#include "extract/syntax/tagger.hpp"

#include "extract/syntax/weights.hpp"

namespace kgraph::extract::syntax {
namespace {

constexpr std::uint64_t kPadBefore = 0x5b50414442454652ULL;
constexpr std::uint64_t kPadAfter = 0x5d50414441465452ULL;

char shape_class(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

}  // namespace

std::uint64_t lower_hash(const std::string& w) {
  std::string l = w;
  for (char& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  // Digits are folded to one: "1999" and "2003" behave alike.
  for (char& c : l)
    if (c >= '0' && c <= '9') c = '0';
  return fnv1a(l);
}

TaggerWords prepare_words(std::span<const std::string> words) {
  TaggerWords s;
  for (auto* v : {&s.lower, &s.form, &s.shape, &s.suf1, &s.suf2, &s.suf3, &s.suf4, &s.pre1, &s.pre2, &s.pre3})
    v->reserve(words.size());
  for (const std::string& w : words) {
    std::string l = w;
    for (char& c : l)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    s.lower.push_back(lower_hash(w));
    s.form.push_back(fnv1a(w, 7));
    // The shape collapses runs: "McDonald" -> "Xx Xx" as "XxXx".
    std::string shape;
    for (unsigned char c : w) {
      char k = shape_class(c);
      if (shape.size() < 2 || shape.back() != k || shape[shape.size() - 2] != k) shape.push_back(k);
    }
    s.shape.push_back(fnv1a(shape, 11));
    const std::string_view lv = l;  // affixes as views: no string per affix
    auto suffix = [&](std::size_t n) { return fnv1a(lv.substr(lv.size() > n ? lv.size() - n : 0), 100 + n); };
    auto prefix = [&](std::size_t n) { return fnv1a(lv.substr(0, n), 200 + n); };
    s.suf1.push_back(suffix(1));
    s.suf2.push_back(suffix(2));
    s.suf3.push_back(suffix(3));
    s.suf4.push_back(suffix(4));
    s.pre1.push_back(prefix(1));
    s.pre2.push_back(prefix(2));
    s.pre3.push_back(prefix(3));
  }
  return s;
}

void tagger_features(const TaggerWords& s, std::size_t i, int prev, int prev2, std::vector<std::uint64_t>& out) {
  const std::size_t n = s.size();
  auto at = [&](const std::vector<std::uint64_t>& v, long j) -> std::uint64_t {
    if (j < 0) return kPadBefore;
    if (j >= static_cast<long>(n)) return kPadAfter;
    return v[static_cast<std::size_t>(j)];
  };
  const long k = static_cast<long>(i);
  const std::uint64_t p1 = static_cast<std::uint64_t>(prev + 2), p2 = static_cast<std::uint64_t>(prev2 + 2);
  // Written straight into out's buffer rather than by a push_back per key.
  constexpr std::size_t kKeys = 28;
  const std::size_t base = out.size();
  out.resize(base + kKeys);
  std::uint64_t* const keys = out.data() + base;
  keys[0] = fkey(0, 0);
  keys[1] = fkey(1, s.lower[i]);
  keys[2] = fkey(2, s.suf3[i]);
  keys[3] = fkey(3, s.suf2[i]);
  keys[4] = fkey(4, s.suf1[i]);
  keys[5] = fkey(5, s.suf4[i]);
  keys[6] = fkey(6, s.pre1[i]);
  keys[7] = fkey(7, s.pre2[i]);
  keys[8] = fkey(8, s.pre3[i]);
  keys[9] = fkey(9, s.shape[i]);
  keys[10] = fkey(10, p1);
  keys[11] = fkey(11, p2);
  keys[12] = fkey(12, p1, p2);
  keys[13] = fkey(13, p1, s.lower[i]);
  keys[14] = fkey(14, at(s.lower, k - 1));
  keys[15] = fkey(15, at(s.suf3, k - 1));
  keys[16] = fkey(16, at(s.lower, k - 2));
  keys[17] = fkey(17, at(s.lower, k + 1));
  keys[18] = fkey(18, at(s.suf3, k + 1));
  keys[19] = fkey(19, at(s.lower, k + 2));
  keys[20] = fkey(20, at(s.lower, k - 1), s.lower[i]);
  keys[21] = fkey(21, s.lower[i], at(s.lower, k + 1));
  keys[22] = fkey(22, at(s.shape, k + 1));
  keys[23] = fkey(23, at(s.shape, k - 1));
  keys[24] = fkey(24, s.form[i]);
  keys[25] = fkey(25, i == 0, s.shape[i]);
  keys[26] = fkey(26, p1, s.suf3[i]);
  keys[27] = fkey(27, at(s.suf2, k + 1), s.suf3[i]);
}

}  // namespace kgraph::extract::syntax
