// libFuzzer target: the ontology data-file loader (load_tsv) on any bytes,
// written to a temporary file because the loader reads files. The first byte
// picks the kind the caller asks for. Anything wrong must be a DataFileError.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "ontology/tsv_table.hpp"

using namespace kgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/kgraph-fuzz-tsv." + std::to_string(::getpid()) + ".tsv";
  static constexpr const char* kKinds[] = {"countries", "titles", "triggers", "abbreviations", "word-lists", "x"};
  std::string kind = kKinds[size ? data[0] % std::size(kKinds) : 0];
  if (size) ++data, --size;
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  try {
    TsvTable t = load_tsv(path, kind, 1);
    for (const TsvRow& r : t.rows)
      if (r.cells.size() != t.columns.size()) __builtin_trap();
    if (!t.columns.empty()) (void)t.column(t.columns.front());
  } catch (const DataFileError&) {
  }
  return 0;
}
