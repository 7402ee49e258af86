#include "cli/interrupt.hpp"

#include <csignal>
#include <cstring>
#include <string>

namespace kgraph::cli {
namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int sig) {
  g_signal = sig;
  // The next one is not caught: a user pressing Ctrl-C twice means "now".
  std::signal(sig, SIG_DFL);
}

}  // namespace

Interrupted::Interrupted(int sig)
    : std::runtime_error(std::string("interrupted by ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") +
                         "; no output was replaced, previous outputs are intact"),
      signal_number(sig) {}

void install_interrupt_handlers() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  // SA_RESTART: reads and writes in progress finish normally; the flag is looked at
  // between documents (a run blocked on stdin needs a second Ctrl-C, which kills it).
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool interrupted() { return g_signal != 0; }

void throw_if_interrupted() {
  if (g_signal != 0) throw Interrupted(g_signal);
}

}  // namespace kgraph::cli
