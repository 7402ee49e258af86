#include "extract/syntax/train_syntax.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>

#include "extract/syntax/arc_eager.hpp"
#include "extract/syntax/tagger.hpp"

namespace kgraph::extract::syntax {
namespace {

std::vector<std::string> words_of(const Sentence& s) {
  std::vector<std::string> w;
  for (const Word& x : s.words) w.push_back(x.form);
  return w;
}

// Fisher-Yates on mt19937's raw output: std::shuffle's use of the engine is
// not specified, so it could give another order with another library.
void shuffle(std::vector<std::size_t>& v, std::mt19937_64& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

WeightTable freeze(const AveragedPerceptron& p) {
  std::string bytes;
  WeightTable::write(bytes, p.averaged(), p.classes(), 0.0f);
  std::size_t pos = 0;
  return WeightTable::read(bytes, pos, bytes.size(), [](const std::string&) {});
}

struct Indexed {
  std::vector<TaggerWords> words;
  std::vector<std::vector<int>> tags;                   // gold UPOS
  std::vector<std::vector<int>> heads, labels;          // gold, [0] for the root
};

Indexed index_sentences(const std::vector<Sentence>& ss, const std::map<std::string, int>& tag_ids,
                        const std::map<std::string, int>& label_ids) {
  Indexed out;
  for (const Sentence& s : ss) {
    out.words.push_back(prepare_words(words_of(s)));
    std::vector<int> t, h{-1}, l{-1};
    for (const Word& w : s.words) {
      auto ti = tag_ids.find(w.upos);
      t.push_back(ti == tag_ids.end() ? 0 : ti->second);
      h.push_back(w.head);
      auto li = label_ids.find(w.deprel);
      l.push_back(li == label_ids.end() ? 0 : li->second);
    }
    out.tags.push_back(std::move(t));
    out.heads.push_back(std::move(h));
    out.labels.push_back(std::move(l));
  }
  return out;
}

void train_tagger(AveragedPerceptron& m, const Indexed& d, const std::vector<std::size_t>& subset, int epochs,
                  std::mt19937_64& rng) {
  std::vector<std::size_t> order = subset;
  std::vector<std::uint64_t> keys;
  std::vector<float> scores(static_cast<std::size_t>(m.classes()));
  for (int e = 0; e < epochs; ++e) {
    shuffle(order, rng);
    for (std::size_t si : order) {
      const TaggerWords& s = d.words[si];
      std::vector<int> pred(s.size());
      for (std::size_t i = 0; i < s.size(); ++i) {
        keys.clear();
        tagger_features(s, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        m.score(keys, scores.data());
        int best = 0;
        for (int c = 1; c < m.classes(); ++c)
          if (scores[c] > scores[best]) best = c;
        m.update(keys, d.tags[si][i], best);
        m.tick();
        pred[i] = best;
      }
    }
  }
}

}  // namespace

std::string train_syntax(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                         const SyntaxTrainOptions& opt, std::ostream& log) {
  std::set<std::string> tag_set, label_set;
  for (const Sentence& s : train)
    for (const Word& w : s.words) {
      tag_set.insert(w.upos);
      label_set.insert(w.deprel);
    }
  std::vector<std::string> tags(tag_set.begin(), tag_set.end()), labels(label_set.begin(), label_set.end());
  std::map<std::string, int> tag_ids, label_ids;
  for (std::size_t i = 0; i < tags.size(); ++i) tag_ids[tags[i]] = static_cast<int>(i);
  for (std::size_t i = 0; i < labels.size(); ++i) label_ids[labels[i]] = static_cast<int>(i);
  const int ntags = static_cast<int>(tags.size()), nclasses = 2 + 2 * static_cast<int>(labels.size());

  Indexed d = index_sentences(train, tag_ids, label_ids);
  std::mt19937_64 rng(opt.seed);
  std::vector<std::size_t> all(train.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;

  // 1. The tagger, on all the training data.
  AveragedPerceptron tagger(ntags);
  train_tagger(tagger, d, all, opt.tagger_epochs, rng);
  WeightTable tagger_table = freeze(tagger);
  log << "tagger: " << tagger_table.features() << " features\n";

  // 2. Tags for the parser's training data: jackknifed, or gold.
  std::vector<std::vector<int>> train_tags = d.tags;
  if (opt.jackknife > 1) {
    for (int fold = 0; fold < opt.jackknife; ++fold) {
      std::vector<std::size_t> rest;
      for (std::size_t i = 0; i < all.size(); ++i)
        if (static_cast<int>(i % static_cast<std::size_t>(opt.jackknife)) != fold) rest.push_back(i);
      AveragedPerceptron m(ntags);
      train_tagger(m, d, rest, opt.tagger_epochs, rng);
      WeightTable t = freeze(m);
      for (std::size_t i = static_cast<std::size_t>(fold); i < all.size(); i += static_cast<std::size_t>(opt.jackknife))
        train_tags[i] = tag_words(t, d.words[i]);
    }
    std::size_t right = 0, total = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
      for (std::size_t j = 0; j < train_tags[i].size(); ++j) {
        right += train_tags[i][j] == d.tags[i][j];
        ++total;
      }
    log << "jackknifed training tags: UPOS " << static_cast<double>(right) / static_cast<double>(total) << "\n";
  }

  // 3. The parser, on the projective trees (the arc-eager system cannot build the others).
  std::vector<std::size_t> projective;
  for (std::size_t i = 0; i < train.size(); ++i)
    if (is_projective(train[i])) projective.push_back(i);
  log << "parser: " << projective.size() << " of " << train.size() << " training trees are projective\n";
  std::vector<ParserInput> inputs;
  for (std::size_t i = 0; i < train.size(); ++i) inputs.push_back(parser_input(d.words[i], train_tags[i]));

  AveragedPerceptron parser(nclasses);
  std::vector<std::uint64_t> keys;
  std::vector<float> scores(static_cast<std::size_t>(nclasses));
  std::vector<int> cost;
  for (int e = 0; e < opt.parser_epochs; ++e) {
    std::vector<std::size_t> order = projective;
    shuffle(order, rng);
    std::size_t errors = 0, steps = 0;
    for (std::size_t si : order) {
      const ParserInput& in = inputs[si];
      ArcEagerState st(in.size());
      while (!st.terminal()) {
        keys.clear();
        st.features(in, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        parser.score(keys, scores.data());
        st.costs(d.heads[si], d.labels[si], nclasses, cost);
        // The oracle's choice is the best-scoring transition of least cost (0
        // on a projective tree, unless the one-root rule forbids the gold arc).
        int guess = -1, gold = -1;
        for (int c = 0; c < nclasses; ++c) {
          if (cost[c] < 0) continue;
          if (guess < 0 || scores[c] > scores[guess]) guess = c;
          if (gold < 0 || cost[c] < cost[gold] || (cost[c] == cost[gold] && scores[c] > scores[gold])) gold = c;
        }
        if (cost[guess] > cost[gold]) {
          parser.update(keys, gold, guess);
          ++errors;
        }
        parser.tick();
        ++steps;
        const bool explore = e >= opt.explore_from && static_cast<double>(rng() >> 11) * 0x1.0p-53 < opt.explore;
        st.apply(explore ? guess : gold);
      }
    }
    log << "parser epoch " << e + 1 << ": " << errors << " errors in " << steps << " transitions";
    if (!dev.empty()) {
      SyntaxModel m(tags, labels, freeze(tagger), freeze(parser));
      SyntaxScores s = evaluate_syntax(m, dev);
      log << "; dev UPOS " << s.upos << " UAS " << s.uas << " LAS " << s.las;
    }
    log << "\n" << std::flush;
  }
  return SyntaxModel::serialise(tags, labels, tagger, parser, opt.prune);
}

SyntaxScores evaluate_syntax(const SyntaxModel& model, const std::vector<Sentence>& gold) {
  SyntaxScores s;
  std::size_t upos = 0, uas = 0, las = 0, ulas = 0;
  auto universal = [](const std::string& r) { return r.substr(0, r.find(':')); };
  auto t0 = std::chrono::steady_clock::now();
  for (const Sentence& g : gold) {
    std::vector<std::string> w = words_of(g);
    Parse p = model.parse(w);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const Word& x = g.words[i];
      upos += p.upos[i] == x.upos;
      bool head = p.heads[i] == x.head;
      uas += head;
      las += head && p.deprels[i] == x.deprel;
      ulas += head && universal(p.deprels[i]) == universal(x.deprel);
      ++s.words;
    }
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double n = s.words ? static_cast<double>(s.words) : 1.0;
  s.upos = static_cast<double>(upos) / n;
  s.uas = static_cast<double>(uas) / n;
  s.las = static_cast<double>(las) / n;
  s.clas_universal = static_cast<double>(ulas) / n;
  return s;
}

}  // namespace kgraph::extract::syntax
