// SIGINT and SIGTERM during `kgraph build`, `merge` and `extract -o FILE`: the
// handler only sets a flag; the run checks it between documents and right
// before its outputs are renamed into place, and then stops by throwing
// Interrupted. Temporary files are removed on the way out (exports::OutputBatch,
// write_atomically), so the previous outputs stay exactly as they were. The
// command turns Interrupted into exit code 130 (128 + SIGINT, the shell
// convention) with a message on stderr.
#pragma once

#include <stdexcept>

namespace kgraph::cli {

struct Interrupted : std::runtime_error {
  explicit Interrupted(int signal_number);
  int signal_number;
};

inline constexpr int kInterruptedExitCode = 130;

// Installs the flag-setting handler for SIGINT and SIGTERM. A second signal
// while the first is being handled ends the process at once (default action).
void install_interrupt_handlers();

// Throws Interrupted if SIGINT or SIGTERM arrived since install_interrupt_handlers().
void throw_if_interrupted();

// Whether SIGINT or SIGTERM arrived: for code that must stop without throwing,
// such as the URL fetcher's cancel check (FetchOptions::cancelled), which ends
// a slow transfer or a retry wait within a fraction of a second.
bool interrupted();

}  // namespace kgraph::cli
