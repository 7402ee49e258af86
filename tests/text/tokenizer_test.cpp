#include "extract/text/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph::extract {
namespace {

std::vector<std::string> tokens(const std::string& text) {
  Tokenizer t({"Mr.", "Jan.", "U.S.", "Gen."});
  std::vector<Span> spans;
  t.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, spans);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(s.of(text));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsPunctuationButKeepsHyphenatedWordsAndNumbers) {
  EXPECT_EQ(tokens("NATO has begun to deploy four 1,500-strong battalions to Poland."),
            (V{"NATO", "has", "begun", "to", "deploy", "four", "1,500-strong", "battalions", "to", "Poland", "."}));
  EXPECT_EQ(tokens("It rose 3.5 percent at 16:24."), (V{"It", "rose", "3.5", "percent", "at", "16:24", "."}));
}

TEST(Tokenizer, SplitsPossessivesAndNegationsWithEitherApostrophe) {
  EXPECT_EQ(tokens("Trump’s desire"), (V{"Trump", "’s", "desire"}));
  EXPECT_EQ(tokens("Russia's actions"), (V{"Russia", "'s", "actions"}));
  EXPECT_EQ(tokens("We don’t want"), (V{"We", "do", "n’t", "want"}));
  EXPECT_EQ(tokens("They didn't meet"), (V{"They", "did", "n't", "meet"}));
  EXPECT_EQ(tokens("O'Brien said"), (V{"O'Brien", "said"}));
}

TEST(Tokenizer, KeepsAbbreviationsInitialsDomainsAndUrlsWhole) {
  EXPECT_EQ(tokens("Mr. Smith met U.S. officials on Jan. 8."),
            (V{"Mr.", "Smith", "met", "U.S.", "officials", "on", "Jan.", "8", "."}));
  EXPECT_EQ(tokens("J. R. Smith wrote for Axar.az today."), (V{"J.", "R.", "Smith", "wrote", "for", "Axar.az", "today", "."}));
  EXPECT_EQ(tokens("see https://t.co/abc?x=1 now"), (V{"see", "https://t.co/abc?x=1", "now"}));
  EXPECT_EQ(tokens("— RT (@RT_com) July"), (V{"—", "RT", "(", "@RT_com", ")", "July"}));
}

TEST(Tokenizer, QuotesAndNonLatinScripts) {
  EXPECT_EQ(tokens("«NATO is a defensive alliance.»"), (V{"«", "NATO", "is", "a", "defensive", "alliance", ".", "»"}));
  EXPECT_EQ(tokens("“We spoke,” he said."), (V{"“", "We", "spoke", ",", "”", "he", "said", "."}));
  EXPECT_EQ(tokens("Новости партнеров"), (V{"Новости", "партнеров"}));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  const std::string text = "  Jens  Stoltenberg\u00a0said";
  Tokenizer t({});
  std::vector<Span> spans;
  t.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(spans[1].of(text), "Stoltenberg");
  EXPECT_EQ(spans[2].of(text), "said");  // a no-break space separates too
}

TEST(Tokenizer, InvalidUtf8NeverStallsOrOverruns) {
  const std::string text = "ab\xff\xfe cd \xe2\x82";
  Tokenizer t({});
  std::vector<Span> spans;
  t.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, spans);
  ASSERT_FALSE(spans.empty());
  for (const Span& s : spans) EXPECT_LE(s.end, text.size());
}

}  // namespace
}  // namespace kgraph::extract
