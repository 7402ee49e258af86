#include "extract/syntax/tagger.hpp"

#include "extract/syntax/weights.hpp"

#include <algorithm>
#include <utility>

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
  // One buffer per call for the lower-cased word, its digit-folded copy and its shape
  // (a string per word each cost an allocation for long words); the hashes are those
  // of lower_hash() and of the strings built before.
  std::string l, folded, shape;
  for (const std::string& w : words) {
    l.assign(w);
    for (char& c : l)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    folded.assign(l);  // as lower_hash(w): digits folded to one
    for (char& c : folded)
      if (c >= '0' && c <= '9') c = '0';
    s.lower.push_back(fnv1a(folded));
    s.form.push_back(fnv1a(w, 7));
    // The shape collapses runs: "McDonald" -> "Xx Xx" as "XxXx".
    shape.clear();
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

namespace {

// The rows of a word's sums: its own features, then those it gives the word two
// after it (as that word's k-2), the word after it (k-1), the word before it (k+1),
// the word two before it (k+2). Keep in step with tagger_features().
enum : std::size_t { kOwn, kAsM2, kAsM1, kAsP1, kAsP2, kRows };

// The keys of a word's text in each role but its own, with the rows they go to.
std::size_t role_keys(std::uint64_t lower, std::uint64_t suf3, std::uint64_t shape, std::uint64_t* keys, std::size_t* row) {
  std::size_t n = 0;
  auto add = [&](std::size_t r, std::uint64_t key) {
    keys[n] = key;
    row[n++] = r;
  };
  add(kAsM2, fkey(16, lower));
  add(kAsM1, fkey(14, lower));
  add(kAsM1, fkey(15, suf3));
  add(kAsM1, fkey(23, shape));
  add(kAsP1, fkey(17, lower));
  add(kAsP1, fkey(18, suf3));
  add(kAsP1, fkey(22, shape));
  add(kAsP2, fkey(19, lower));
  return n;
}

// A word text's sums (kRows rows of sum_width()), kept per thread for one weight table.
struct WordSumCache {
  static constexpr std::size_t kEntries = 1024;  // direct-mapped by the word; ~650 KB for the tagger
  std::uint64_t table = 0;                       // WeightTable::serial() of the sums; 0: none yet
  std::size_t width = 0;
  std::vector<std::uint64_t> form, lower;  // the word text of each entry (two hashes; form 0: empty)
  std::vector<std::int32_t> sums;

  void reset(const WeightTable& m) {
    table = m.serial();
    width = m.sum_width();
    form.assign(kEntries, 0);
    lower.assign(kEntries, 0);
    sums.assign(kEntries * kRows * width, 0);
  }
};

}  // namespace

std::vector<int> tag_words_table(const WeightTable& m, const TaggerWords& s, std::span<const int> fixed) {
  thread_local WordSumCache cache;
  if (cache.table != m.serial()) cache.reset(m);
  const std::size_t n = s.size(), width = m.sum_width(), row_width = kRows * width;
  // Per word, a copy of its text's sums (a later word of the sentence may take its entry).
  thread_local std::vector<std::int32_t> rows;
  rows.resize((n + 4) * row_width);
  std::int32_t* const word_rows = rows.data() + 2 * row_width;  // words -2..n+1: the pads around
  std::uint64_t keys[32];
  std::size_t row_of[32];
  std::int32_t* targets[32];
  // The pads before and after the sentence, in the roles they play.
  for (std::size_t pad : {std::size_t{0}, std::size_t{1}, n + 2, n + 3}) {
    std::int32_t* r = rows.data() + pad * row_width;
    std::fill_n(r, row_width, 0);
    const std::uint64_t v = pad < 2 ? kPadBefore : kPadAfter;
    const std::size_t k = role_keys(v, v, v, keys, row_of);
    for (std::size_t j = 0; j < k; ++j) targets[j] = r + row_of[j] * width;
    m.add_sums_to(std::span<const std::uint64_t>(keys, k), targets);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t e = mix64(s.form[i]) & (WordSumCache::kEntries - 1);
    std::int32_t* const sums = cache.sums.data() + e * row_width;
    if (cache.form[e] != s.form[i] || cache.lower[e] != s.lower[i]) {
      std::fill_n(sums, row_width, 0);
      std::size_t k = 0;
      for (auto [tmpl, value] : {std::pair{1u, s.lower[i]}, {2u, s.suf3[i]}, {3u, s.suf2[i]}, {4u, s.suf1[i]},
                                 {5u, s.suf4[i]}, {6u, s.pre1[i]}, {7u, s.pre2[i]}, {8u, s.pre3[i]}, {9u, s.shape[i]},
                                 {24u, s.form[i]}}) {
        keys[k] = fkey(tmpl, value);
        row_of[k++] = kOwn;
      }
      k += role_keys(s.lower[i], s.suf3[i], s.shape[i], keys + k, row_of + k);
      for (std::size_t j = 0; j < k; ++j) targets[j] = sums + row_of[j] * width;
      m.add_sums_to(std::span<const std::uint64_t>(keys, k), targets);
      cache.form[e] = s.form[i];
      cache.lower[e] = s.lower[i];
    }
    std::copy_n(sums, row_width, word_rows + i * row_width);
  }
  // Greedy, left to right: the cached rows of the word and its neighbours, and the
  // lookups of the features of tags, word pairs and position (tagger_features' others).
  std::vector<int> tags(n);
  thread_local std::vector<std::int32_t> total;
  thread_local std::vector<float> scores;
  total.resize(width);
  scores.resize(static_cast<std::size_t>(m.classes()));
  auto at = [&](const std::vector<std::uint64_t>& v, long j) -> std::uint64_t {
    if (j < 0) return kPadBefore;
    if (j >= static_cast<long>(n)) return kPadAfter;
    return v[static_cast<std::size_t>(j)];
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!fixed.empty() && fixed[i] >= 0) {
      tags[i] = fixed[i];
      continue;
    }
    const long k = static_cast<long>(i);
    auto row = [&](long word, std::size_t r) { return word_rows + word * static_cast<long>(row_width) + static_cast<long>(r * width); };
    const std::int32_t *own = row(k, kOwn), *m2 = row(k - 2, kAsM2), *m1 = row(k - 1, kAsM1), *p1 = row(k + 1, kAsP1),
                       *p2 = row(k + 2, kAsP2);
    for (std::size_t c = 0; c < width; ++c) total[c] = own[c] + m2[c] + m1[c] + p1[c] + p2[c];
    const std::uint64_t t1 = static_cast<std::uint64_t>((i > 0 ? tags[i - 1] : -1) + 2);
    const std::uint64_t t2 = static_cast<std::uint64_t>((i > 1 ? tags[i - 2] : -1) + 2);
    const std::uint64_t rest[] = {fkey(0, 0),
                                  fkey(10, t1),
                                  fkey(11, t2),
                                  fkey(12, t1, t2),
                                  fkey(13, t1, s.lower[i]),
                                  fkey(20, at(s.lower, k - 1), s.lower[i]),
                                  fkey(21, s.lower[i], at(s.lower, k + 1)),
                                  fkey(25, i == 0, s.shape[i]),
                                  fkey(26, t1, s.suf3[i]),
                                  fkey(27, at(s.suf2, k + 1), s.suf3[i])};
    m.add_sums(rest, total.data());
    // As WeightTable::score: the exact integer sum, scaled once.
    for (std::size_t c = 0; c < scores.size(); ++c) scores[c] = 0.0f + static_cast<float>(total[c]) * m.scale();
    int best = 0;
    for (int c = 1; c < m.classes(); ++c)
      if (scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best)]) best = c;
    tags[i] = best;
  }
  return tags;
}

}  // namespace kgraph::extract::syntax
