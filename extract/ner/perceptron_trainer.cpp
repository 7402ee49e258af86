#include "extract/ner/perceptron_trainer.hpp"

#include <chrono>
#include <cstdio>
#include <random>

#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/flat_hash_map.hpp"
#include "extract/ner/ner_evaluate.hpp"
#include "extract/ner/ner_model.hpp"

namespace kgraph::extract::ner {
namespace {

// Weights with lazy averaging (Daume's trick): besides w we keep u, the sum of
// c * delta over all updates, c counting training tokens; the average of w over
// all c steps is then w - u / c, with no per-step work for untouched weights.
class AveragedWeights {
 public:
  std::uint32_t find(std::uint64_t key) const { return index_.find(key); }
  std::uint32_t row(std::uint64_t key) {
    auto next = static_cast<std::uint32_t>(keys_.size());
    std::uint32_t r = index_.insert(key, next);
    if (r == next) {
      keys_.push_back(key);
      w_.resize(w_.size() + kNumTags, 0.0f);
      u_.resize(u_.size() + kNumTags, 0.0);
    }
    return r;
  }
  const float* weights(std::uint32_t r) const { return w_.data() + std::size_t{r} * kNumTags; }
  void update(std::uint32_t r, Tag t, float delta, double c) {
    std::size_t k = std::size_t{r} * kNumTags + t;
    w_[k] += delta;
    u_[k] += c * delta;
  }
  // The model file of the averaged weights.
  std::string averaged_model(double c, float prune_below) const {
    std::vector<float> avg(w_.size());
    for (std::size_t k = 0; k < w_.size(); ++k) avg[k] = static_cast<float>(w_[k] - u_[k] / c);
    return NerModel::serialise(keys_, avg, prune_below);
  }
  std::size_t rows() const { return keys_.size(); }

 private:
  FlatHashMap index_;
  std::vector<std::uint64_t> keys_;
  std::vector<float> w_;
  std::vector<double> u_;
};

// The tag-independent features of every training token, as weight rows, computed once.
struct PreparedCorpus {
  std::vector<std::uint32_t> rows;         // concatenated per token
  std::vector<std::uint32_t> token_start;  // into rows; one per token, plus the end
  std::vector<std::uint32_t> sentence_start;  // into tokens; one per sentence, plus the end
  std::vector<TokenInfo> tokens;  // for the tag-history features
};

PreparedCorpus prepare(const ConllData& train, const FeatureExtractor& fx, AveragedWeights& weights) {
  PreparedCorpus p;
  SentenceFeatures sf;
  std::uint64_t feats[FeatureExtractor::kMaxStaticFeatures];
  for (const LabelledSentence& s : train.sentences) {
    p.sentence_start.push_back(static_cast<std::uint32_t>(p.token_start.size()));
    fx.prepare(s.text, s.tokens, sf);
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      p.token_start.push_back(static_cast<std::uint32_t>(p.rows.size()));
      p.tokens.push_back(sf.tokens[i]);
      std::size_t n = fx.static_features(sf, i, feats);
      for (std::size_t f = 0; f < n; ++f) p.rows.push_back(weights.row(feats[f]));
    }
  }
  p.sentence_start.push_back(static_cast<std::uint32_t>(p.token_start.size()));
  p.token_start.push_back(static_cast<std::uint32_t>(p.rows.size()));
  return p;
}

// Fisher-Yates with a fixed mapping from the 32-bit draw to [0, i], so the order
// is the same with every standard library.
void shuffle(std::vector<std::uint32_t>& v, std::mt19937& rng) {
  for (std::size_t i = v.size(); i > 1; --i) {
    auto j = static_cast<std::size_t>((std::uint64_t{rng()} * i) >> 32);
    std::swap(v[i - 1], v[j]);
  }
}

}  // namespace

TrainResult train_perceptron(const ConllData& train, const ConllData& dev, std::shared_ptr<const Gazetteer> gazetteer,
                             const TrainParams& params, std::ostream* log) {
  FeatureExtractor fx(gazetteer);
  AveragedWeights weights;
  const PreparedCorpus corpus = prepare(train, fx, weights);
  TrainResult best;

  std::vector<std::uint32_t> order(train.sentences.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(params.seed);
  double c = 1;
  int since_best = 0;
  for (int epoch = 1; epoch <= params.max_epochs && since_best < params.patience; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    shuffle(order, rng);
    std::size_t correct = 0, total = 0;
    for (std::uint32_t si : order) {
      const LabelledSentence& s = train.sentences[si];
      const std::uint32_t t0 = corpus.sentence_start[si];
      Tag prev1 = kOutside, prev2 = kOutside;
      for (std::size_t i = 0; i < s.tokens.size(); ++i, c += 1) {
        const std::uint32_t tok = t0 + static_cast<std::uint32_t>(i);
        float score[kNumTags] = {};
        for (std::uint32_t k = corpus.token_start[tok]; k < corpus.token_start[tok + 1]; ++k) {
          const float* w = weights.weights(corpus.rows[k]);
          for (int t = 0; t < kNumTags; ++t) score[t] += w[t];
        }
        std::uint64_t dyn[FeatureExtractor::kMaxTagFeatures];
        const std::size_t nd = FeatureExtractor::tag_features(corpus.tokens[tok], prev1, prev2, dyn);
        for (std::size_t f = 0; f < nd; ++f) {
          std::uint32_t r = weights.find(dyn[f]);
          if (r == FlatHashMap::kMissing) continue;
          const float* w = weights.weights(r);
          for (int t = 0; t < kNumTags; ++t) score[t] += w[t];
        }
        Tag guess = kOutside;
        for (Tag t = 1; t < kNumTags; ++t)
          if (tag_allowed(prev1, t) && score[t] > score[guess]) guess = t;
        const Tag gold = s.gold[i];
        ++total;
        if (guess == gold) {
          ++correct;
        } else {
          for (std::uint32_t k = corpus.token_start[tok]; k < corpus.token_start[tok + 1]; ++k) {
            weights.update(corpus.rows[k], gold, 1.0f, c);
            weights.update(corpus.rows[k], guess, -1.0f, c);
          }
          for (std::size_t f = 0; f < nd; ++f) {
            std::uint32_t r = weights.row(dyn[f]);
            weights.update(r, gold, 1.0f, c);
            weights.update(r, guess, -1.0f, c);
          }
        }
        prev2 = prev1;
        prev1 = guess;
      }
    }

    // Score exactly what would be saved: the averaged, pruned, quantised model.
    std::string bytes = weights.averaged_model(c, params.prune_below);
    NerTagger tagger =
        NerTagger::from_model(std::make_shared<const NerModel>(NerModel::parse(bytes, "(epoch model)")), gazetteer);
    Evaluation ev = evaluate(tagger, dev);
    const double f1 = ev.score.micro().f1();
    const bool improved = best.best_epoch == 0 || f1 > best.dev_score.micro().f1();
    if (improved) {
      best.model_bytes = std::move(bytes);
      best.best_epoch = epoch;
      best.dev_score = ev.score;
      since_best = 0;
    } else {
      ++since_best;
    }
    best.features = weights.rows();
    if (log) {
      char line[200];
      std::snprintf(line, sizeof line, "epoch %2d  train token acc %.4f  dev micro P %.4f R %.4f F1 %.4f  %zu features  %.1fs%s\n",
                    epoch, total ? double(correct) / double(total) : 0.0, ev.score.micro().precision(),
                    ev.score.micro().recall(), f1, weights.rows(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), improved ? "  *" : "");
      *log << line << std::flush;
    }
  }
  return best;
}

}  // namespace kgraph::extract::ner
