// libFuzzer target: the extraction JSON codec. Any line either parses or is
// refused with a message; what parses must write back to a line that parses
// again to the same bytes (the round trip `kgraph merge` relies on).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ontology/extraction_json.hpp"

using namespace kgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  Diagnostic error;
  auto x = parse_json_line(line, error);
  if (!x) {
    if (error.code.empty()) __builtin_trap();
    return 0;
  }
  const std::string once = to_json_line(*x);
  Diagnostic again_error;
  auto again = parse_json_line(once, again_error);
  if (!again) __builtin_trap();
  if (to_json_line(*again) != once) __builtin_trap();
  return 0;
}
