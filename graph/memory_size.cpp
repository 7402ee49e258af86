#include "graph/memory_size.hpp"

#include <cctype>
#include <cmath>
#include <stdexcept>
#include <string>

namespace kgraph::graph {

std::size_t parse_memory_size(std::string_view text) {
  const std::string shown = "'" + std::string(text) + "'";
  std::size_t i = 0;
  double value = 0;
  bool digits = false, dot = false;
  double scale = 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
      if (dot) {
        scale /= 10;
        value += (c - '0') * scale;
      } else {
        value = value * 10 + (c - '0');
      }
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (!digits) throw std::invalid_argument("memory size " + shown + " is not a number followed by K, M, G or T (as in 1G)");
  std::string unit(text.substr(i));
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  double bytes = value;
  if (!unit.empty()) {
    const std::string prefixes = "KMGT";
    const std::size_t p = prefixes.find(unit[0]);
    const std::string rest = unit.substr(1);
    if (unit == "B") {
      // bytes
    } else if (p == std::string::npos || !(rest.empty() || rest == "B" || rest == "IB")) {
      throw std::invalid_argument("memory size " + shown + " has an unknown unit (use K, M, G or T, as in 1G)");
    } else {
      bytes = value * std::pow(1024.0, static_cast<double>(p + 1));
    }
  }
  if (bytes < 1) throw std::invalid_argument("memory size " + shown + " is zero");
  if (bytes < static_cast<double>(kMinMemoryBudget))
    throw std::invalid_argument("memory size " + shown + " is below the smallest budget a merge can keep (64M)");
  if (bytes > 1e18) throw std::invalid_argument("memory size " + shown + " is too large");
  return static_cast<std::size_t>(bytes);
}

}  // namespace kgraph::graph
