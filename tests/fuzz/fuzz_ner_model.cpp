// libFuzzer target: the NER model reader (NerModel::parse, the buffer under
// NerModel::read). Every mutation would fail the trailing FNV-1a checksum, so
// when the first byte is odd the target writes the right checksum over the last
// 8 bytes and the parser body is reached. Anything wrong must be a DataFileError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/ner/hashing.hpp"
#include "extract/ner/ner_model.hpp"
#include "ontology/tsv_table.hpp"

using namespace kgraph;
using kgraph::extract::ner::NerModel;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool fix_checksum = data[0] & 1;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  if (fix_checksum && bytes.size() >= 8) {
    std::uint64_t h = kgraph::fnv1a(std::string_view(bytes).substr(0, bytes.size() - 8));
    for (int i = 0; i < 8; ++i) bytes[bytes.size() - 8 + i] = static_cast<char>((h >> (8 * i)) & 0xff);
  }
  try {
    NerModel m = NerModel::parse(bytes, "fuzz.model");
    // Lookups must stay inside the table whatever was loaded.
    for (std::uint64_t key : {1ULL, 2ULL, 0xdeadbeefULL, ~0ULL}) (void)m.row(key);
  } catch (const DataFileError&) {
  }
  return 0;
}
