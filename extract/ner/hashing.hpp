// Feature hashing for the tagger. Features are never materialised as strings:
// each is a 64-bit hash of (template id, value hashes), so the hot path does no
// allocation. The functions are fixed (FNV-1a and the splitmix64 finaliser) and
// so are the hashes, on every platform: a model file stores them as keys, so any
// change here must bump kFeatureSetVersion in feature_extractor.hpp.
#pragma once

#include <cstdint>
#include <string_view>

#include "ontology/hashing.hpp"

namespace kgraph::extract::ner {

// Key of feature template `tmpl` with values a, b. Never 0: 0 marks an empty slot
// in FlatHashMap.
inline std::uint64_t feature_key(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t h = mix64((a * 0x9e3779b97f4a7c15ULL) ^ (b + 0xc2b2ae3d27d4eb4fULL * (tmpl + 1)));
  return h == 0 ? 1 : h;
}

}  // namespace kgraph::extract::ner
