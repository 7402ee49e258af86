// Groups a block's tokens into sentences. A sentence ends at . ! ? or an
// ellipsis, together with the closing quotes and brackets that follow it, when
// the next token can start a sentence (a capital, a digit, an opening quote).
// Abbreviations never end a sentence because the tokenizer keeps their period
// inside the token. Sentences never cross blocks.
#pragma once

#include <string_view>
#include <vector>

#include "ontology/span.hpp"

namespace kgraph::extract {

// tokens[first, last) are one block's tokens. Appends, for each sentence, the
// index of its first token to `sentence_starts`.
void split_sentences(std::string_view text, const std::vector<Span>& tokens, std::size_t first, std::size_t last,
                     std::vector<std::uint32_t>& sentence_starts);

}  // namespace kgraph::extract
