// Reading a memory size as a user writes it (`--memory 1G`).
#pragma once

#include <cstddef>
#include <string_view>

namespace kgraph::graph {

// The smallest budget a reduce accepts: below it the process's own code and
// tables take more than the budget, and no sort buffer could keep the promise.
inline constexpr std::size_t kMinMemoryBudget = std::size_t{64} << 20;

// "1G", "1.5G", "512M", "512MiB", "800000K", "1073741824" (bytes); K, M, G, T
// count in 1024s, with an optional "B" or "iB" after them. Throws
// std::invalid_argument saying what is wrong: not a number, an unknown unit,
// zero, or less than kMinMemoryBudget.
std::size_t parse_memory_size(std::string_view text);

}  // namespace kgraph::graph
