#include <gtest/gtest.h>

#include "extract/dedupe/duplicate_finder.hpp"

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

}  // namespace
}  // namespace kgraph::extract::dedupe
