// The arc-eager transition system (Nivre 2003) with the feature templates of
// Zhang & Nivre (2011) and the dynamic oracle of Goldberg & Nivre (2012).
// Transitions are numbered SHIFT 0, REDUCE 1, LEFT-ARC(l) 2+2l, RIGHT-ARC(l)
// 3+2l, so the relation is predicted with the transition. Word 0 is the root,
// on the stack from the start.
#pragma once

#include <cstdint>
#include <vector>

namespace kgraph::extract::syntax {

enum : int { kShift = 0, kReduce = 1 };
inline int left_arc(int label) { return 2 + 2 * label; }
inline int right_arc(int label) { return 3 + 2 * label; }

struct ParserInput {
  std::vector<std::uint64_t> word;  // [0] is the root; hashes of the lower-cased forms
  std::vector<int> tag;             // [0] is the root; UPOS index
  std::vector<std::uint64_t> suffix;  // [0] is the root; hashes of the last three letters
  int size() const { return static_cast<int>(word.size()) - 1; }
};

struct TaggerWords;
// The parser's input for a sentence: the root, then each word's lower-cased form,
// predicted tag and suffix (the same for training and parsing).
ParserInput parser_input(const TaggerWords& words, const std::vector<int>& tags);

class ArcEagerState {
 public:
  explicit ArcEagerState(int n);
  bool terminal() const { return b_ > n_; }
  int buffer_front() const { return b_; }
  int stack_top() const { return top(); }
  bool valid(int t) const;
  // The valid transition of highest score, the first of equal ones (-1 if none).
  int best_valid(const float* scores, int classes) const;
  void apply(int t);
  // Structural + label cost of each transition against a projective gold tree
  // (number of gold arcs it makes unreachable); -1 for invalid transitions.
  void costs(const std::vector<int>& gold_head, const std::vector<int>& gold_label, int classes, std::vector<int>& out) const;
  void features(const ParserInput& in, std::vector<std::uint64_t>& out) const;
  // The same keys written to keys[0..kMaxFeatureKeys), returning how many; only those
  // of the groups whose bit (1 << group) is set in `groups` are computed, the others
  // are left as they were (a parser that reuses a group's sums needs not its keys).
  static constexpr std::size_t kMaxFeatureKeys = 128;
  std::size_t features(const ParserInput& in, std::uint64_t* keys, unsigned groups) const;
  // Groups of features() keys by the part of the state they depend on: the key at
  // position t of a group other than kMixedGroup is the same in any two states of
  // equal group_state(group). The buffer (n0..n3: moves with SHIFT and RIGHT-ARC),
  // the front (n0 and its left dependents: changes also with LEFT-ARC), the stack
  // top's own part (s0 with its head, the head's head, its left dependents and
  // labels: all fixed while s0 is on the stack, so one state per word), and the
  // stack top's right side (its right dependents and right valency: RIGHT-ARC from
  // s0 changes it, and REDUCE comes back to s0 with one more).
  enum : int { kMixedGroup = 0, kBufferGroup = 1, kFrontGroup = 2, kTopGroup = 3, kTopRightGroup = 4 };
  static int feature_group(std::size_t t);
  std::uint64_t group_state(int group) const;
  // Heads of words left without one attach to the root word (or the root).
  void finish(int root_label, int dep_label);
  const std::vector<int>& heads() const { return head_; }
  const std::vector<int>& labels() const { return label_; }

 private:
  int top() const { return stack_.back(); }
  int n_, b_ = 1;
  std::vector<int> stack_;
  std::vector<char> on_stack_;
  std::vector<int> head_, label_, l1_, l2_, r1_, r2_, vl_, vr_;
  std::vector<std::uint64_t> lset_, rset_;
};

class WeightTable;

// Greedy parse with quantised weights: the same transitions as parse_greedy,
// with the weights of each group of features summed once per group state and
// reused while it lasts (REDUCE keeps buffer and front, LEFT-ARC the buffer and
// returns to a stack top seen before, whose own part never changes): exact, since
// the sums are integers.
ArcEagerState parse_greedy_table(const WeightTable& m, const ParserInput& in, int root_label, int dep_label);

// Greedy parse with any scorer that has score(keys, float*) and classes().
template <class Scorer>
ArcEagerState parse_greedy(const Scorer& m, const ParserInput& in, int root_label, int dep_label) {
  ArcEagerState st(in.size());
  std::vector<std::uint64_t> keys;
  std::vector<float> scores(static_cast<std::size_t>(m.classes()));
  while (!st.terminal()) {
    keys.clear();
    st.features(in, keys);
    std::fill(scores.begin(), scores.end(), 0.0f);
    m.score(keys, scores.data());
    st.apply(st.best_valid(scores.data(), m.classes()));
  }
  st.finish(root_label, dep_label);
  return st;
}

}  // namespace kgraph::extract::syntax
