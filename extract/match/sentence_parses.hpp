// Dependency parses for the relation stage: only the sentences that hold a word
// some parse rule is triggered by are tagged and parsed (parsing is the costly
// part; most sentences of a news text have no trigger). Each kgraph token is one
// parser word, so parse heads map back to token indices one to one.
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract::syntax {
class SyntaxModel;
}

namespace kgraph::extract::match {

// Sentences longer than this are left unparsed (lists, tables, run-on debris).
inline constexpr std::uint32_t kMaxParsedTokens = 120;

// Fills a.deps and a.parsed. Requires: a.rules set, sentences split.
void parse_trigger_sentences(Analysis& a, const syntax::SyntaxModel& model);

}  // namespace kgraph::extract::match
