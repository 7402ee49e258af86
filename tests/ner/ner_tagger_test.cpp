// The committed model on news sentences written for this test (none of them is in
// CoNLL), and determinism.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/ner/ner_tagger.hpp"

namespace {

using kgraph::Span;
using kgraph::extract::ner::NerLabel;
using kgraph::extract::ner::NerSpan;
using kgraph::extract::ner::NerTagger;

const NerTagger& tagger() {
  static const NerTagger t =
      NerTagger::load(std::string(KGRAPH_ONTOLOGY) + "/models/ner-conll2003.model", KGRAPH_ONTOLOGY);
  return t;
}

// Test sentences are written pre-tokenised, tokens separated by single spaces.
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

// The label of the span covering exactly the given words, or "none".
std::string label_of(const std::string& text, const std::string& words) {
  auto toks = tokens_of(text);
  auto spans = tagger().tag(text, toks);
  for (const NerSpan& s : spans) {
    std::uint32_t b = toks[s.first].begin, e = toks[s.last - 1].end;
    if (text.substr(b, e - b) == words) {
      EXPECT_GE(s.confidence, 0.0f);
      EXPECT_LE(s.confidence, 1.0f);
      switch (s.label) {
        case NerLabel::Person: return "PER";
        case NerLabel::Organisation: return "ORG";
        case NerLabel::Location: return "LOC";
        case NerLabel::Misc: return "MISC";
      }
    }
  }
  return "none";
}

TEST(NerTagger, UnseenPersonName) {
  // A made-up name: no list contains "Kwabena Oduya".
  const std::string s = "Opposition leader Kwabena Oduya said on Tuesday that the vote had been rigged .";
  EXPECT_EQ(label_of(s, "Kwabena Oduya"), "PER");
}

TEST(NerTagger, MinistryIsAnOrganisation) {
  const std::string s = "A spokesman for the Ministry of Defence declined to comment on the report .";
  EXPECT_EQ(label_of(s, "Ministry of Defence"), "ORG");
}

TEST(NerTagger, CityIsALocation) {
  const std::string s = "Thousands of people marched through the streets of Kathmandu on Saturday .";
  EXPECT_EQ(label_of(s, "Kathmandu"), "LOC");
  const std::string t = "The talks will resume in Nairobi next week , officials said .";
  EXPECT_EQ(label_of(t, "Nairobi"), "LOC");
}

TEST(NerTagger, MixedSentence) {
  const std::string s = "Reuters reported that Maria Lindqvist , a former adviser to the European Commission , arrived in Oslo .";
  EXPECT_EQ(label_of(s, "Maria Lindqvist"), "PER");
  EXPECT_EQ(label_of(s, "European Commission"), "ORG");
  EXPECT_EQ(label_of(s, "Oslo"), "LOC");
}

TEST(NerTagger, EmptySentence) {
  EXPECT_TRUE(tagger().tag("", {}).empty());
}

TEST(NerTagger, Deterministic) {
  const std::string s = "Officials from the United Nations met representatives of Shell in Lagos on Monday .";
  auto toks = tokens_of(s);
  auto a = tagger().tag(s, toks);
  tagger().tag("Another sentence in between , to dirty the scratch buffers .", tokens_of("Another sentence in between , to dirty the scratch buffers ."));
  auto b = tagger().tag(s, toks);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].first, b[i].first);
    EXPECT_EQ(a[i].last, b[i].last);
    EXPECT_EQ(a[i].label, b[i].label);
    EXPECT_EQ(a[i].confidence, b[i].confidence);
  }
}

}  // namespace
