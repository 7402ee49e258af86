// The tag set: BIO over the four entity types. A token's tag says whether it
// begins (B) or continues (I) an entity of a type, or is outside any (O).
// I-X may only follow B-X or I-X; decoding enforces that, so every tag sequence
// the tagger emits reads back as well-formed spans.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract::ner {

inline constexpr int kNumTags = 9;  // O, then B/I for PER, ORG, LOC, MISC
using Tag = std::uint8_t;
inline constexpr Tag kOutside = 0;

inline Tag begin_tag(NerLabel l) { return static_cast<Tag>(1 + 2 * static_cast<int>(l)); }
inline Tag inside_tag(NerLabel l) { return static_cast<Tag>(2 + 2 * static_cast<int>(l)); }
inline bool is_begin(Tag t) { return t != kOutside && (t % 2) == 1; }
inline bool is_inside(Tag t) { return t != kOutside && (t % 2) == 0; }
inline NerLabel label_of(Tag t) { return static_cast<NerLabel>((t - 1) / 2); }

// May tag `t` follow `prev`? (kOutside stands for the sentence start.)
inline bool tag_allowed(Tag prev, Tag t) {
  if (!is_inside(t)) return true;
  return prev != kOutside && label_of(prev) == label_of(t);
}

inline std::string_view label_name(NerLabel l) {
  constexpr std::array<std::string_view, 4> names{"PER", "ORG", "LOC", "MISC"};
  return names[static_cast<int>(l)];
}

}  // namespace kgraph::extract::ner
