// A document's near-duplicate signature (extract/dedupe/duplicate_finder.hpp
// computes and compares it). It lives in ontology/ because it travels with the
// Extraction: `kgraph extract` writes it into each JSON line, so `kgraph merge`
// can find copies that sit in different shards without the texts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kgraph {

inline constexpr std::size_t kMinHashes = 128;

// Each bin keeps the low 32 bits of its minimum hash (b-bit minwise hashing,
// Li & Koenig 2010): two different minima agree by chance with probability
// 2^-32, which does not move a similarity estimate, and the signature is half
// the size in memory and on disk.
struct TextSignature {
  std::uint64_t exact = 0;  // hash of the whole normalised word sequence
  std::size_t words = 0;
  std::array<std::uint32_t, kMinHashes> minhash{};
  bool operator==(const TextSignature&) const = default;
};

// The bins as text for JSON: base64 (RFC 4648, with padding) of the bins as
// little-endian 32-bit words, 684 characters.
std::string encode_minhash(const TextSignature& s);
// Reads what encode_minhash wrote into `s`; false for anything else.
bool decode_minhash(std::string_view text, TextSignature& s);

}  // namespace kgraph
