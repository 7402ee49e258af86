#include <gtest/gtest.h>

#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/dedupe/duplicate_finder.hpp"
#include "ontology/extraction_json.hpp"

namespace kgraph::extract::dedupe {
namespace {

const char* kStory =
    "NATO and the new US administration seek neither a new Cold War nor confrontation with Russia, they want "
    "dialogue with Moscow but based on strength, NATO Secretary General Jens Stoltenberg said on Tuesday ahead of "
    "meeting with new Bulgarian President Rumen Radev. I spoke with then President-elect Donald Trump after he was "
    "elected in November, and I also spoke with secretary of defense Mattis recently, he said. We are keeping the "
    "chance for political dialog open with Russia, and the message from the incoming administration is that they "
    "also want dialog with Russia, but it is based on strength.";

TEST(DuplicateFinder, ExactCopyIgnoresCaseAndPunctuation) {
  std::string shouting = kStory;
  for (char& c : shouting)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  EXPECT_DOUBLE_EQ(similarity(sign_text(kStory), sign_text(shouting)), 1.0);
  DuplicateFinder f;
  EXPECT_FALSE(f.add(sign_text(kStory)));
  auto m = f.add(sign_text(shouting));
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->exact);
  EXPECT_EQ(m->original, 0u);
}

TEST(DuplicateFinder, SyndicatedCopyWithAnotherHeaderIsNear) {
  const std::string copy = std::string("By Wire Staff. ") + kStory + " Share this story.";
  const double s = similarity(sign_text(kStory), sign_text(copy));
  EXPECT_GT(s, 0.8);
  EXPECT_LT(s, 1.0);
  DuplicateFinder f;
  f.add(sign_text("An unrelated text about the weather in Oslo, which was cold and grey all week long."));
  f.add(sign_text(kStory));
  auto m = f.add(sign_text(copy));
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->exact);
  EXPECT_EQ(m->original, 1u);
}

// The signature estimates the Jaccard similarity of the two texts' word
// 5-gram sets: cut the story and its copy at different points and compare the
// estimate with the exact figure, counted here from the shingles themselves.
TEST(DuplicateFinder, EstimateFollowsTheShingleJaccard) {
  std::vector<std::string> words;
  {
    std::string w;
    for (const char* p = kStory;; ++p) {
      const unsigned char c = static_cast<unsigned char>(*p);
      if (c != 0 && (std::isalnum(c) || c >= 0x80)) {
        w.push_back(static_cast<char>(std::tolower(c)));
      } else {
        if (!w.empty()) words.push_back(w);
        w.clear();
        if (c == 0) break;
      }
    }
  }
  auto join = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += words[i] + " ";
    return out;
  };
  auto shingles = [&](std::size_t from, std::size_t to) {
    std::set<std::string> out;
    for (std::size_t i = from; i + 5 <= to; ++i) out.insert(join(i, i + 5));
    return out;
  };
  const std::size_t n = words.size();
  ASSERT_GT(n, 80u);
  for (std::size_t cut : {n / 10, n / 4, n / 2}) {
    const auto a = shingles(0, n), b = shingles(cut, n);
    std::size_t common = 0;
    for (const std::string& x : b) common += a.count(x);
    const double jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
    const double estimate = similarity(sign_text(join(0, n)), sign_text(join(cut, n)));
    EXPECT_NEAR(estimate, jaccard, 0.1) << "copy without its first " << cut << " of " << n << " words";
  }
}

TEST(DuplicateFinder, DifferentStoriesAreNot) {
  DuplicateFinder f;
  EXPECT_FALSE(f.add(sign_text(kStory)));
  EXPECT_FALSE(f.add(sign_text("German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on "
                               "Monday to discuss the future of the European Union and the budget.")));
  EXPECT_FALSE(f.add(sign_text("")));  // no words: never a duplicate
  EXPECT_FALSE(f.add(sign_text(" ... ")));
}

TEST(DuplicateFinder, SignaturesAreDeterministic) {
  const TextSignature a = sign_text(kStory), b = sign_text(kStory);
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_EQ(a.words, b.words);
}

// The signature travels in the extraction line; what comes back must compare
// exactly as the one computed from the text.
TEST(DuplicateFinder, SignatureRoundTripsThroughTheExtractionLine) {
  Extraction x;
  x.meta.id = "a.txt";
  x.signature = sign_text(kStory);
  Diagnostic error;
  const std::optional<Extraction> back = parse_json_line(to_json_line(x), error);
  ASSERT_TRUE(back) << error.format();
  ASSERT_TRUE(back->signature);
  EXPECT_EQ(*back->signature, *x.signature);
  DuplicateFinder f;
  EXPECT_FALSE(f.add(*x.signature));
  EXPECT_TRUE(f.add(*back->signature));

  x.signature.reset();  // older lines have none
  const std::optional<Extraction> old = parse_json_line(to_json_line(x), error);
  ASSERT_TRUE(old);
  EXPECT_FALSE(old->signature);
}

TEST(DuplicateFinder, DamagedSignatureIsRefused) {
  Extraction x;
  x.meta.id = "a.txt";
  x.signature = sign_text(kStory);
  const std::string line = to_json_line(x);
  const std::size_t bins = line.find(R"("minhash":")") + 11;
  for (const auto& [at, by] : std::vector<std::pair<std::size_t, std::string>>{
           {bins, "!"}, {bins + 683, "A"}, {line.find(R"("exact":")") + 9, "x"}}) {
    std::string bad = line;
    bad.replace(at, 1, by);
    Diagnostic error;
    EXPECT_FALSE(parse_json_line(bad, error)) << bad.substr(at, 4);
    EXPECT_EQ(error.code, "E310");
  }
}

}  // namespace
}  // namespace kgraph::extract::dedupe
