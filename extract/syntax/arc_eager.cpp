#include "extract/syntax/arc_eager.hpp"

#include <algorithm>
#include <array>

#include "extract/syntax/tagger.hpp"
#include "extract/syntax/weights.hpp"
#include "ontology/hashing.hpp"

namespace kgraph::extract::syntax {

ParserInput parser_input(const TaggerWords& w, const std::vector<int>& tags) {
  ParserInput in;
  in.word.push_back(fnv1a("<root>"));
  in.tag.push_back(-1);
  in.suffix.push_back(0);
  for (std::size_t i = 0; i < w.size(); ++i) {
    in.word.push_back(w.lower[i]);
    in.tag.push_back(tags[i]);
    in.suffix.push_back(w.suf3[i]);
  }
  return in;
}

ArcEagerState::ArcEagerState(int n)
    : n_(n), on_stack_(static_cast<std::size_t>(n + 1), 0), head_(static_cast<std::size_t>(n + 1), -1),
      label_(static_cast<std::size_t>(n + 1), -1), l1_(static_cast<std::size_t>(n + 1), -1),
      l2_(static_cast<std::size_t>(n + 1), -1), r1_(static_cast<std::size_t>(n + 1), -1),
      r2_(static_cast<std::size_t>(n + 1), -1), vl_(static_cast<std::size_t>(n + 1), 0),
      vr_(static_cast<std::size_t>(n + 1), 0), lset_(static_cast<std::size_t>(n + 1), 0),
      rset_(static_cast<std::size_t>(n + 1), 0) {
  stack_.push_back(0);
  on_stack_[0] = 1;
}

bool ArcEagerState::valid(int t) const {
  const bool buffer = b_ <= n_;
  if (t == kShift) return buffer;
  if (t == kReduce) return top() != 0 && head_[top()] >= 0;
  if (t % 2 == 0) return buffer && top() != 0 && head_[top()] < 0;  // left-arc
  // right-arc; a UD tree has one word under the root, so the root takes no second
  return buffer && (top() != 0 || vr_[0] == 0);
}

int ArcEagerState::best_valid(const float* scores, int classes) const {
  // valid() by kind of transition, decided once rather than per class.
  const bool buffer = b_ <= n_;
  const bool ok[4] = {buffer, top() != 0 && head_[top()] >= 0, buffer && top() != 0 && head_[top()] < 0,
                      buffer && (top() != 0 || vr_[0] == 0)};
  int best = -1;
  float top_score = 0;
  auto consider = [&](int c) {
    if (best < 0 || scores[c] > top_score) {
      best = c;
      top_score = scores[c];
    }
  };
  for (int c = 0; c < 2 && c < classes; ++c)
    if (ok[c]) consider(c);
  if (ok[2] && ok[3]) {
    for (int c = 2; c < classes; ++c) consider(c);
  } else if (ok[2] || ok[3]) {
    for (int c = ok[2] ? 2 : 3; c < classes; c += 2) consider(c);
  }
  return best;
}

void ArcEagerState::apply(int t) {
  if (t == kShift) {
    stack_.push_back(b_);
    on_stack_[b_] = 1;
    ++b_;
    return;
  }
  if (t == kReduce) {
    on_stack_[top()] = 0;
    stack_.pop_back();
    return;
  }
  const int label = (t - 2) / 2;
  const std::uint64_t bit = std::uint64_t{1} << (label & 63);
  if (t % 2 == 0) {  // left-arc: the stack top becomes a dependent of the buffer front
    int d = top();
    head_[d] = b_;
    label_[d] = label;
    l2_[b_] = l1_[b_];
    l1_[b_] = d;
    ++vl_[b_];
    lset_[b_] |= bit;
    on_stack_[d] = 0;
    stack_.pop_back();
  } else {  // right-arc: the buffer front becomes a dependent of the stack top, and is pushed
    int h = top();
    head_[b_] = h;
    label_[b_] = label;
    r2_[h] = r1_[h];
    r1_[h] = b_;
    ++vr_[h];
    rset_[h] |= bit;
    stack_.push_back(b_);
    on_stack_[b_] = 1;
    ++b_;
  }
}

void ArcEagerState::costs(const std::vector<int>& gh, const std::vector<int>& gl, int classes, std::vector<int>& out) const {
  out.assign(static_cast<std::size_t>(classes), -1);
  const int s = top(), b = b_;
  if (valid(kShift)) {
    int c = 0;
    for (int k : stack_) c += (gh[k] == b && head_[k] < 0 && k != 0) + (gh[b] == k);
    out[kShift] = c;
  }
  int s_deps_in_buffer = 0;
  for (int k = b; k <= n_; ++k) s_deps_in_buffer += gh[k] == s;
  if (valid(kReduce)) out[kReduce] = s_deps_in_buffer;
  const int labels = (classes - 2) / 2;
  if (valid(left_arc(0))) {
    int c = s_deps_in_buffer + (gh[s] != b && gh[s] > b);
    for (int l = 0; l < labels; ++l) out[left_arc(l)] = c + (gh[s] == b && gl[s] != l);
  }
  if (valid(right_arc(0))) {
    int c = gh[b] != s && (gh[b] > b || on_stack_[gh[b]]);
    for (int k : stack_) c += gh[k] == b && head_[k] < 0 && k != 0;
    for (int l = 0; l < labels; ++l) out[right_arc(l)] = c + (gh[b] == s && gl[b] != l);
  }
}

void ArcEagerState::finish(int root_label, int dep_label) {
  int root_child = -1;
  for (int i = 1; i <= n_; ++i)
    if (head_[i] == 0) {
      root_child = i;
      break;
    }
  for (int i = 1; i <= n_; ++i) {
    if (head_[i] >= 0) continue;
    if (root_child < 0) {
      head_[i] = 0;
      label_[i] = root_label;
      root_child = i;
    } else {
      head_[i] = root_child;
      label_[i] = dep_label;
    }
  }
}

namespace {

// Positions in features()' output of the keys that depend on one part of the
// state alone; keep in step with features(). Every other key mixes parts.
// The buffer: the words, tags and suffixes of n0..n3.
constexpr std::array<std::size_t, 16> kBufferFeatures = {3, 4, 5, 6, 7, 8, 9, 10, 11, 19, 20, 74, 75, 76, 79, 84};
// The front: n0 with its left dependents and their labels.
constexpr std::array<std::size_t, 12> kFrontFeatures = {36, 37, 47, 48, 49, 59, 60, 61, 65, 70, 71, 91};
// The stack top's own part: s0 with its head, the head's head, its left dependents,
// left valency and labels.
constexpr std::array<std::size_t, 22> kTopFeatures = {0,  1,  2,  34, 35, 38, 39, 40, 41, 42, 43,
                                                      50, 51, 52, 53, 54, 55, 62, 64, 68, 69, 85};
// The stack top's right side: its right dependents, their labels, its right valency.
constexpr std::array<std::size_t, 11> kTopRightFeatures = {32, 33, 44, 45, 46, 56, 57, 58, 63, 66, 67};
constexpr std::size_t kMaxKeys = ArcEagerState::kMaxFeatureKeys;

constexpr std::array<std::uint8_t, kMaxKeys> group_table() {
  std::array<std::uint8_t, kMaxKeys> g{};
  for (std::size_t t : kBufferFeatures) g[t] = ArcEagerState::kBufferGroup;
  for (std::size_t t : kFrontFeatures) g[t] = ArcEagerState::kFrontGroup;
  for (std::size_t t : kTopFeatures) g[t] = ArcEagerState::kTopGroup;
  for (std::size_t t : kTopRightFeatures) g[t] = ArcEagerState::kTopRightGroup;
  return g;
}
constexpr std::array<std::uint8_t, kMaxKeys> kGroup = group_table();

}  // namespace

void ArcEagerState::features(const ParserInput& in, std::vector<std::uint64_t>& out) const {
  const std::size_t base = out.size();
  out.resize(base + kMaxKeys);
  out.resize(base + features(in, out.data() + base, ~0u));
}

std::size_t ArcEagerState::features(const ParserInput& in, std::uint64_t* const keys, const unsigned groups) const {
  constexpr std::uint64_t kNone = 0x4e4f4e45ULL;
  auto W = [&](int i) -> std::uint64_t { return i < 0 ? kNone : in.word[static_cast<std::size_t>(i)]; };
  auto P = [&](int i) -> std::uint64_t { return i < 0 ? 1 : static_cast<std::uint64_t>(in.tag[static_cast<std::size_t>(i)] + 2); };
  auto L = [&](int i) -> std::uint64_t { return i < 0 || label_[i] < 0 ? 1 : static_cast<std::uint64_t>(label_[i] + 2); };
  auto at = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[static_cast<std::size_t>(i)]; };
  const int s0 = top();
  const int n0 = b_ <= n_ ? b_ : -1;
  const int n1 = b_ + 1 <= n_ ? b_ + 1 : -1;
  const int n2 = b_ + 2 <= n_ ? b_ + 2 : -1;
  const int s0h = at(head_, s0) , s0h2 = at(head_, s0h);
  const int s0l = at(l1_, s0), s0l2 = at(l2_, s0), s0r = at(r1_, s0), s0r2 = at(r2_, s0);
  const int n0l = at(l1_, n0), n0l2 = at(l2_, n0);
  const int s1 = stack_.size() > 1 ? stack_[stack_.size() - 2] : -1;
  const std::uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1), n2w = W(n2),
                      n2p = P(n2);
  const std::uint64_t dist = n0 < 0 ? 0 : static_cast<std::uint64_t>(std::min(n0 - s0, 10));
  // The keys go straight into the buffer, each computed inline: as a called
  // function with a push_back, the ~90 keys of a transition cost half again
  // as many instructions. A key of a group not asked for is skipped: a parser
  // reusing that group's sums would throw it away.
  std::uint32_t t = 0;
  auto f = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) __attribute__((always_inline)) {
    if ((groups >> kGroup[t]) & 1u) keys[t] = fkey(t, a, b, c);
    ++t;
  };
  // single words
  f(s0w, s0p); f(s0w); f(s0p); f(n0w, n0p); f(n0w); f(n0p); f(n1w, n1p); f(n1w); f(n1p); f(n2w, n2p); f(n2w); f(n2p);
  // pairs
  f(s0w * 31 + s0p, n0w * 31 + n0p); f(s0w * 31 + s0p, n0w); f(s0w, n0w * 31 + n0p); f(s0w * 31 + s0p, n0p);
  f(s0p, n0w * 31 + n0p); f(s0w, n0w); f(s0p, n0p); f(n0p, n1p);
  // triples of tags
  f(n0p, n1p, n2p); f(s0p, n0p, n1p); f(P(s0h), s0p, n0p); f(s0p, P(s0l), n0p); f(s0p, P(s0r), n0p); f(s0p, n0p, P(n0l));
  // distance
  f(s0w, dist); f(s0p, dist); f(n0w, dist); f(n0p, dist); f(s0w, n0w, dist); f(s0p, n0p, dist);
  // valency
  f(s0w, static_cast<std::uint64_t>(at(vr_, s0) + 2)); f(s0p, static_cast<std::uint64_t>(at(vr_, s0) + 2));
  f(s0w, static_cast<std::uint64_t>(at(vl_, s0) + 2)); f(s0p, static_cast<std::uint64_t>(at(vl_, s0) + 2));
  f(n0w, static_cast<std::uint64_t>(at(vl_, n0) + 2)); f(n0p, static_cast<std::uint64_t>(at(vl_, n0) + 2));
  // second-order unigrams
  f(W(s0h)); f(P(s0h)); f(L(s0)); f(W(s0l)); f(P(s0l)); f(L(s0l)); f(W(s0r)); f(P(s0r)); f(L(s0r));
  f(W(n0l)); f(P(n0l)); f(L(n0l));
  // third order
  f(W(s0h2)); f(P(s0h2)); f(L(s0h)); f(W(s0l2)); f(P(s0l2)); f(L(s0l2)); f(W(s0r2)); f(P(s0r2)); f(L(s0r2));
  f(W(n0l2)); f(P(n0l2)); f(L(n0l2)); f(s0p, P(s0l), P(s0l2)); f(s0p, P(s0r), P(s0r2)); f(s0p, P(s0h), P(s0h2));
  f(n0p, P(n0l), P(n0l2));
  // label sets
  const std::uint64_t sr = s0 < 0 ? 0 : rset_[s0], sl = s0 < 0 ? 0 : lset_[s0], nl = n0 < 0 ? 0 : lset_[n0];
  f(s0w, sr); f(s0p, sr); f(s0w, sl); f(s0p, sl); f(n0w, nl); f(n0p, nl);
  // the second stack word (helps decide REDUCE against LEFT-ARC)
  f(W(s1), P(s1)); f(P(s1), s0p, n0p);
  // additions to Zhang & Nivre: the word pair ahead, the stack top's own
  // relation against the next word, a third look-ahead tag, and suffixes that
  // stand in for unknown words
  const int n3 = b_ + 3 <= n_ ? b_ + 3 : -1;
  auto S = [&](int i) -> std::uint64_t { return i < 0 ? kNone : in.suffix[static_cast<std::size_t>(i)]; };
  f(n0w, n1w); f(n0w, n1p); f(n0p, n1w); f(L(s0), n0p); f(L(s0), n0w); f(n1p, n2p, P(n3));
  f(W(s1), s0w); f(P(s1), s0p, L(s0)); f(S(s0), n0p); f(s0p, S(n0)); f(S(n0)); f(S(s0));
  f(s0w, n0p, n1p); f(s0p, n0w, n1p); f(s0p, L(s0), n0p); f(W(s1), s0p, n0p); f(P(s1), s0w, n0p);
  f(P(n0l), L(n0l), n0p); f(s0p, n0p, static_cast<std::uint64_t>(at(vr_, 0)));
  return t;
}

namespace {

// The summed weights of one group's keys (sum_width() of them, at `sums`), and
// the state they were summed for.
struct GroupSum {
  std::uint64_t state = ~std::uint64_t{0};
  std::int32_t* sums = nullptr;
};

// Queues the keys of a group whose state changed for summing anew (into its
// sums, cleared here); a group whose state stays keeps its sums.
template <std::size_t N>
void queue_group(const std::array<std::size_t, N>& positions, const std::uint64_t* keys, std::uint64_t state,
                 std::size_t width, GroupSum& g, std::uint64_t* queued, std::int32_t** targets, std::size_t& count) {
  if (g.state == state) return;
  for (std::size_t j = 0; j < N; ++j) {
    queued[count] = keys[positions[j]];
    targets[count++] = g.sums;
  }
  std::fill_n(g.sums, width, 0);
  g.state = state;
}

unsigned group_bit(int group) { return 1u << group; }

}  // namespace

int ArcEagerState::feature_group(std::size_t t) { return t < kMaxKeys ? static_cast<int>(kGroup[t]) : static_cast<int>(kMixedGroup); }

std::uint64_t ArcEagerState::group_state(int group) const {
  auto pack = [](int a, int b) { return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b); };
  switch (group) {
    case kBufferGroup:
      return static_cast<std::uint64_t>(b_);
    case kFrontGroup:
      return pack(b_, b_ <= n_ ? vl_[static_cast<std::size_t>(b_)] : 0);
    case kTopGroup:  // s0's head (and its head), left side and labels are fixed while s0 is on the stack
      return static_cast<std::uint64_t>(top());
    case kTopRightGroup:  // a right-arc from s0 adds a right dependent
      return pack(top(), vr_[static_cast<std::size_t>(top())]);
    default:
      return 0;
  }
}

ArcEagerState parse_greedy_table(const WeightTable& m, const ParserInput& in, int root_label, int dep_label) {
  ArcEagerState st(in.size());
  std::uint64_t keys[kMaxKeys] = {};
  std::uint64_t queued[kMaxKeys];
  std::int32_t* targets[kMaxKeys];
  const std::size_t width = m.sum_width();
  // One block of sums: the buffer's, the front's, then per word its sums as stack top
  // (its own part) and as stack top with its right side. Per thread, grown to the
  // longest sentence and reused without clearing: a group's sums are cleared when they
  // are summed, and every group starts with a state no state equals.
  thread_local std::vector<std::int32_t> block;
  thread_local std::vector<GroupSum> top, top_right;
  thread_local std::vector<std::int32_t> sums, mixed;
  thread_local std::vector<float> scores;
  const std::size_t words = static_cast<std::size_t>(in.size()) + 1;
  if (block.size() < (2 + 2 * words) * width) block.resize((2 + 2 * words) * width);
  GroupSum buffer{~std::uint64_t{0}, block.data()}, front{~std::uint64_t{0}, block.data() + width};
  top.assign(words, GroupSum{});
  top_right.assign(words, GroupSum{});
  for (std::size_t w = 0; w < words; ++w) {
    top[w].sums = block.data() + (2 + w) * width;
    top_right[w].sums = block.data() + (2 + words + w) * width;
  }
  sums.resize(width);
  mixed.resize(width);
  scores.resize(static_cast<std::size_t>(m.classes()));
  const float scale = m.scale();
  while (!st.terminal()) {
    const std::uint64_t buffer_state = st.group_state(ArcEagerState::kBufferGroup);
    const std::uint64_t front_state = st.group_state(ArcEagerState::kFrontGroup);
    const std::uint64_t top_state = st.group_state(ArcEagerState::kTopGroup);
    const std::uint64_t right_state = st.group_state(ArcEagerState::kTopRightGroup);
    GroupSum& top_sums = top[static_cast<std::size_t>(st.stack_top())];
    GroupSum& right_sums = top_right[static_cast<std::size_t>(st.stack_top())];
    // Only the keys of groups whose sums are summed anew are computed.
    unsigned groups = group_bit(ArcEagerState::kMixedGroup);
    if (buffer.state != buffer_state) groups |= group_bit(ArcEagerState::kBufferGroup);
    if (front.state != front_state) groups |= group_bit(ArcEagerState::kFrontGroup);
    if (top_sums.state != top_state) groups |= group_bit(ArcEagerState::kTopGroup);
    if (right_sums.state != right_state) groups |= group_bit(ArcEagerState::kTopRightGroup);
    const std::size_t n = st.features(in, keys, groups);
    // Every key of this transition is looked up in one pass, the groups' and the
    // mixed ones', so their cache misses overlap. The mixed keys go to sums of their
    // own: integer sums, so the total is the same in any order.
    std::size_t count = 0;
    queue_group(kBufferFeatures, keys, buffer_state, width, buffer, queued, targets, count);
    queue_group(kFrontFeatures, keys, front_state, width, front, queued, targets, count);
    queue_group(kTopFeatures, keys, top_state, width, top_sums, queued, targets, count);
    queue_group(kTopRightFeatures, keys, right_state, width, right_sums, queued, targets, count);
    for (std::size_t t = 0; t < n; ++t)
      if (kGroup[t] == ArcEagerState::kMixedGroup) {
        queued[count] = keys[t];
        targets[count++] = mixed.data();
      }
    std::fill(mixed.begin(), mixed.end(), 0);
    m.add_sums_to(std::span<const std::uint64_t>(queued, count), targets);
    const std::int32_t *b = buffer.sums, *f = front.sums, *s = top_sums.sums, *r = right_sums.sums, *x = mixed.data();
    for (std::size_t c = 0; c < width; ++c) sums[c] = b[c] + f[c] + s[c] + r[c] + x[c];
    // As WeightTable::score: the exact integer sum, scaled once.
    for (std::size_t c = 0; c < scores.size(); ++c) scores[c] = 0.0f + static_cast<float>(sums[c]) * scale;
    st.apply(st.best_valid(scores.data(), m.classes()));
  }
  st.finish(root_label, dep_label);
  return st;
}

}  // namespace kgraph::extract::syntax
