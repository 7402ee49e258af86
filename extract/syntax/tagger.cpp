#include "extract/syntax/tagger.hpp"

#include <algorithm>

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

namespace {

// Of a word's 28 keys, 23 depend on the words alone and 5 on the previous tags.
// tagger_features() lays them out as training always has (the averaged perceptron
// adds floats, in key order): the word keys at kWordKeyPositions, the tag keys at
// kTagKeyPositions.
constexpr std::size_t kTaggerKeys = 28;
constexpr std::size_t kWordKeys = 23, kTagKeys = 5;
constexpr std::size_t kWordKeyPositions[kWordKeys] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27};
constexpr std::size_t kTagKeyPositions[kTagKeys] = {10, 11, 12, 13, 26};

// The keys of word i that depend on the words alone, in kWordKeyPositions order.
void word_keys(const TaggerWords& s, std::size_t i, std::uint64_t* keys) {
  const std::size_t n = s.size();
  auto at = [&](const std::vector<std::uint64_t>& v, long j) -> std::uint64_t {
    if (j < 0) return kPadBefore;
    if (j >= static_cast<long>(n)) return kPadAfter;
    return v[static_cast<std::size_t>(j)];
  };
  const long k = static_cast<long>(i);
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
  keys[10] = fkey(14, at(s.lower, k - 1));
  keys[11] = fkey(15, at(s.suf3, k - 1));
  keys[12] = fkey(16, at(s.lower, k - 2));
  keys[13] = fkey(17, at(s.lower, k + 1));
  keys[14] = fkey(18, at(s.suf3, k + 1));
  keys[15] = fkey(19, at(s.lower, k + 2));
  keys[16] = fkey(20, at(s.lower, k - 1), s.lower[i]);
  keys[17] = fkey(21, s.lower[i], at(s.lower, k + 1));
  keys[18] = fkey(22, at(s.shape, k + 1));
  keys[19] = fkey(23, at(s.shape, k - 1));
  keys[20] = fkey(24, s.form[i]);
  keys[21] = fkey(25, i == 0, s.shape[i]);
  keys[22] = fkey(27, at(s.suf2, k + 1), s.suf3[i]);
}

// The keys of word i built from the two previous tags, in kTagKeyPositions order.
void tag_keys(const TaggerWords& s, std::size_t i, int prev, int prev2, std::uint64_t* keys) {
  const std::uint64_t p1 = static_cast<std::uint64_t>(prev + 2), p2 = static_cast<std::uint64_t>(prev2 + 2);
  keys[0] = fkey(10, p1);
  keys[1] = fkey(11, p2);
  keys[2] = fkey(12, p1, p2);
  keys[3] = fkey(13, p1, s.lower[i]);
  keys[4] = fkey(26, p1, s.suf3[i]);
}

}  // namespace

void tagger_features(const TaggerWords& s, std::size_t i, int prev, int prev2, std::vector<std::uint64_t>& out) {
  std::uint64_t word[kWordKeys], tag[kTagKeys];
  word_keys(s, i, word);
  tag_keys(s, i, prev, prev2, tag);
  // Written straight into out's buffer rather than by a push_back per key.
  const std::size_t base = out.size();
  out.resize(base + kTaggerKeys);
  std::uint64_t* const keys = out.data() + base;
  for (std::size_t j = 0; j < kWordKeys; ++j) keys[kWordKeyPositions[j]] = word[j];
  for (std::size_t j = 0; j < kTagKeys; ++j) keys[kTagKeyPositions[j]] = tag[j];
}

std::vector<int> tag_words_table(const WeightTable& m, const TaggerWords& s) {
  const std::size_t n = s.size(), width = m.sum_width();
  std::vector<int> tags(n);
  if (n == 0) return tags;
  // Pass 1: every word's tag-independent sum, one row of `width` per word.
  std::vector<std::int32_t> word_sums(n * width, 0);
  std::vector<std::uint64_t> keys(n * kWordKeys);
  std::vector<std::int32_t*> targets(n * kWordKeys);
  for (std::size_t i = 0; i < n; ++i) {
    word_keys(s, i, keys.data() + i * kWordKeys);
    std::fill_n(targets.data() + i * kWordKeys, kWordKeys, word_sums.data() + i * width);
  }
  m.add_sums_to(keys, targets.data());
  // Pass 2: greedy, left to right, adding the keys of the tags chosen so far.
  const int classes = m.classes();
  const float scale = m.scale();
  std::vector<float> scores(static_cast<std::size_t>(classes));
  std::uint64_t tag_only[kTagKeys];
  for (std::size_t i = 0; i < n; ++i) {
    tag_keys(s, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, tag_only);
    std::int32_t* const sums = word_sums.data() + i * width;  // from here on the word's whole sum
    m.add_sums(tag_only, sums);
    for (int c = 0; c < classes; ++c) scores[static_cast<std::size_t>(c)] = 0.0f + static_cast<float>(sums[static_cast<std::size_t>(c)]) * scale;
    int best = 0;
    for (int c = 1; c < classes; ++c)
      if (scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best)]) best = c;
    tags[i] = best;
  }
  return tags;
}

}  // namespace kgraph::extract::syntax
