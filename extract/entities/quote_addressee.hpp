// Whom a quote speaks to: "you" in a letter or a message the text says its speaker wrote to someone.
#pragma once

#include "extract/analysis.hpp"

namespace kgraph::extract {

// The person quote q is addressed to: of the kAddresseeSentences sentences up to the quote's own,
// the nearest that names the quote's speaker and says the speaker wrote to someone ("X wrote to Y",
// "in a letter to Y, X said", "a letter from X to Y": a word of word list address_word, then "to"
// within five words, then a person named within four words, a title or a country between). -1 when
// the quote has no speaker or no such sentence names one person other than the speaker.
int quote_addressee(const Analysis& a, int q);

}  // namespace kgraph::extract
