// Per-stage wall time for `KGRAPH_PROFILE=1` / `--profile`: each thread adds
// steady_clock time to its own counters (no locks or atomics on the hot path);
// report() sums them per stage once the workers have been joined. When
// profiling is off a StageTimer costs one predictable branch. Profiling never
// changes any output; the table goes to stderr.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace kgraph::extract::profile {

enum class Stage : std::uint8_t {
  Read, Html, Clean, Dedupe, Tokenize, Tagger, Entities, Quotes, Relations, Parse, Serialise, Wait, Merge, Export, Count
};

// Turned on once at start-up, before any worker thread runs.
void enable();
bool enabled();

// Adds `ns` to the calling thread's counter for `stage`.
void add(Stage stage, std::int64_t ns);

// Counts one dependency parse of `tokens` parser words (a name is one word): how many
// parses a gate of the relation stage saves matters, as parsing is most of its time.
// Call only when enabled().
void count_parse(std::int64_t tokens);

// Times its own lifetime into `stage` when profiling is on. Timers nest: an
// inner timer's time is taken out of the enclosing one, so every nanosecond is
// counted in exactly one stage (the tagger inside "entities" is "tagger").
class StageTimer {
 public:
  explicit StageTimer(Stage stage) : stage_(stage), on_(enabled()) {
    if (!on_) return;
    parent_ = current_;
    current_ = this;
    start_ = std::chrono::steady_clock::now();
  }
  ~StageTimer() {
    if (!on_) return;
    const std::int64_t ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_).count();
    add(stage_, ns);
    if (parent_) add(parent_->stage_, -ns);
    current_ = parent_;
  }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  static inline thread_local StageTimer* current_ = nullptr;
  Stage stage_;
  bool on_;
  StageTimer* parent_ = nullptr;
  std::chrono::steady_clock::time_point start_;
};

// Writes one "kgraph: profile STAGE SECONDS PERCENT THREADS" line per stage that
// ran, summed over threads, and "kgraph: profile parsed N sentences, W parser words".
// Call after every thread that timed something has been joined.
void report(std::ostream& out);

}  // namespace kgraph::extract::profile
