// The tagger caches the sums of features that depend on one token's text
// (word and neighbour-role features) and looks up the rest (pair features):
// together they must be exactly the features the model was trained on
// (static_features), gazetteer bits cut at the same count, or tagging with the
// cache would score differently from training.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/gazetteer.hpp"

namespace {

using kgraph::Span;
using kgraph::extract::ner::FeatureExtractor;
using kgraph::extract::ner::Gazetteer;
using kgraph::extract::ner::SentenceFeatures;
using Role = FeatureExtractor::Role;

std::vector<Span> tokens_of(const std::string& text) {
  std::vector<Span> out;
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == ' ') {
      if (i > start) out.push_back(Span{start, i});
      start = i + 1;
    }
  return out;
}

const FeatureExtractor& extractor() {
  static const FeatureExtractor fx(std::make_shared<const Gazetteer>(Gazetteer::load(KGRAPH_ONTOLOGY)));
  return fx;
}

// Sorted keys of token i: context_features() against the four roles plus pair_features().
void expect_same_keys(const std::string& text, std::size_t room) {
  const FeatureExtractor& fx = extractor();
  SentenceFeatures sf;
  const auto toks = tokens_of(text);
  fx.prepare(text, toks, sf);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::vector<std::uint64_t> whole(FeatureExtractor::kMaxStaticFeatures), split(FeatureExtractor::kMaxStaticFeatures);
    whole.resize(fx.context_features(sf, i, room, whole.data()));
    std::size_t n = 0;
    for (Role r : {Role::M2, Role::M1, Role::P1, Role::P2})
      n += FeatureExtractor::role_features(FeatureExtractor::neighbour(sf, i, r), r, split.data() + n);
    n += fx.pair_features(sf, i, room, split.data() + n);
    split.resize(n);
    std::sort(whole.begin(), whole.end());
    std::sort(split.begin(), split.end());
    EXPECT_EQ(whole, split) << "token " << i << " of '" << text << "', room " << room;
  }
}

TEST(NerFeatureSplit, RolesAndPairsAreTheContextFeatures) {
  for (std::size_t room : {std::size_t{83}, std::size_t{20}, std::size_t{15}}) {
    expect_same_keys("Angela Merkel met officials from France , Germany and Italy in Brussels on Monday .", room);
    expect_same_keys("FRANCE BEATS GERMANY IN PARIS", room);  // all capitals: the case features
    expect_same_keys("Hello", room);                           // START and END on both sides
    expect_same_keys("United States of America United Kingdom New Zealand South Africa", room);
  }
}

}  // namespace
