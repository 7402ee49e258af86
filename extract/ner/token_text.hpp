// How the tagger and the gazetteer see a token's characters: a normalised form
// (lower-cased, digits folded to '0', at most kMaxTokenBytes bytes) and a shape
// (X upper, x lower, d digit, other characters kept; runs longer than 4 cut).
// Both write into caller buffers so nothing allocates. Lower-casing covers ASCII
// and the Latin-1 letters (U+00C0-U+00DE); other UTF-8 passes through unchanged,
// which is enough for feature identity.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgraph::extract::ner {

inline constexpr std::size_t kMaxTokenBytes = 48;

// Writes the normalised form of `tok` into `out` (kMaxTokenBytes bytes); returns its length.
std::size_t normalise_token(std::string_view tok, char* out);

// Writes the shape of `tok` into `out` (kMaxTokenBytes bytes); returns its length.
// If `short_out` is given, also writes the shape with every run cut to one character.
std::size_t token_shape(std::string_view tok, char* out, char* short_out, std::size_t* short_len);

}  // namespace kgraph::extract::ner
