// Outputs are never left half-written: a writer fills a temporary file beside
// the target ("NAME.tmp.PID"), which is flushed, synced and renamed over the
// target only when the writer returned normally. On any failure the temporary
// is removed and the previous target, if any, is untouched.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace kgraph::exports {

// Throws std::runtime_error naming `target` if it cannot be written.
void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

}  // namespace kgraph::exports
