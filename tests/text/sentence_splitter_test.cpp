#include "extract/text/sentence_splitter.hpp"

#include <gtest/gtest.h>

#include "extract/text/tokenizer.hpp"

namespace kgraph::extract {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  Tokenizer t({"Mr.", "U.S."});
  std::vector<Span> toks;
  t.tokenize(text, {0, static_cast<std::uint32_t>(text.size())}, toks);
  std::vector<std::uint32_t> starts;
  split_sentences(text, toks, 0, toks.size(), starts);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t last = i + 1 < starts.size() ? starts[i + 1] : toks.size();
    out.emplace_back(text.substr(toks[starts[i]].begin, toks[last - 1].end - toks[starts[i]].begin));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitter, EndsAtTerminalPunctuationBeforeACapital) {
  EXPECT_EQ(sentences("The talks ended. Both sides left. Mr. Brown stayed in the U.S. for a week."),
            (V{"The talks ended.", "Both sides left.", "Mr. Brown stayed in the U.S. for a week."}));
}

TEST(SentenceSplitter, ClosingQuotesStayWithTheirSentence) {
  EXPECT_EQ(sentences("“We want dialogue.” He left. \"It is hard.\" She agreed?"),
            (V{"“We want dialogue.”", "He left.", "\"It is hard.\"", "She agreed?"}));
}

TEST(SentenceSplitter, DoesNotSplitBeforeLowerCase) {
  EXPECT_EQ(sentences("He paused... and went on."), (V{"He paused... and went on."}));
}

}  // namespace
}  // namespace kgraph::extract
