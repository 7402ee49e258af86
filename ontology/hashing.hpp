// The two non-cryptographic hashes the whole project uses: FNV-1a over bytes,
// and the splitmix64 finaliser that spreads the bits of a 64-bit value. Their
// values are stored (NER model keys, page-cache file names, IRI suffixes), so
// they must never change.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgraph {

inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace kgraph
