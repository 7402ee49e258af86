// libFuzzer target: the JSON Lines record reader through its istream entry
// point, as stdin and .jsonl files reach it. The first byte picks small limits
// and field names so the too-large and renamed-field paths are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "extract/ingest/json_records.hpp"

using namespace kgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  extract::InputOptions options;
  if (!bytes.empty()) {
    const unsigned char c = static_cast<unsigned char>(bytes[0]);
    bytes.erase(0, 1);
    if (c & 1) options.max_line_bytes = 64 + (c >> 2);
    if (c & 2) options.max_document_bytes = 16 + (c >> 2);
    if (c & 4) options.text_field = "body";
    if (c & 8) options.id_field = "url";
  }
  std::istringstream in(bytes);
  extract::RecordSource source{"fuzz.jsonl", "fuzz"};
  std::size_t records = 0;
  extract::read_json_lines(
      in, source, options,
      [&](extract::RawInput&& raw) {
        ++records;
        if (raw.body.size() > options.max_document_bytes) __builtin_trap();
        if (raw.meta.id.empty()) __builtin_trap();
      },
      [](const Diagnostic& d) {
        if (d.code.empty()) __builtin_trap();
      });
  return 0;
}
