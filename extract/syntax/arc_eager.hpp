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

class ArcEagerState {
 public:
  explicit ArcEagerState(int n);
  bool terminal() const { return b_ > n_; }
  int buffer_front() const { return b_; }
  bool valid(int t) const;
  // The valid transition of highest score, the first of equal ones (-1 if none).
  int best_valid(const float* scores, int classes) const;
  void apply(int t);
  // Structural + label cost of each transition against a projective gold tree
  // (number of gold arcs it makes unreachable); -1 for invalid transitions.
  void costs(const std::vector<int>& gold_head, const std::vector<int>& gold_label, int classes, std::vector<int>& out) const;
  void features(const ParserInput& in, std::vector<std::uint64_t>& out) const;
  // Whether the key features() writes at position t depends on the buffer front
  // alone (the words and tags from it on): it stays the same while REDUCE and
  // LEFT-ARC leave the front where it is.
  static bool buffer_feature(std::size_t t);
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
// with the weights of the buffer features summed once per buffer front (about
// half the transitions keep it) instead of at every transition.
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
