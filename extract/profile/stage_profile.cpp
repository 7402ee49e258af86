#include "extract/profile/stage_profile.hpp"

#include <array>
#include <cstdio>
#include <deque>
#include <mutex>

namespace kgraph::extract::profile {
namespace {

constexpr std::size_t kStages = static_cast<std::size_t>(Stage::Count);
// "wait" is the reading thread waiting for the extraction workers (with -j > 1).
constexpr std::array<const char*, kStages> kNames{"read",   "html",      "clean",     "dedupe", "tokenize",
                                                  "tagger", "entities",  "quotes",    "relations",
                                                  "parse",  "serialise", "wait", "merge", "export"};

// per stage its nanoseconds, then the parsed sentences and tokens
constexpr std::size_t kParsedSentences = kStages, kParsedTokens = kStages + 1;
using Counters = std::array<std::int64_t, kStages + 2>;

struct Registry {
  std::mutex mutex;
  std::deque<Counters> threads;  // a deque keeps every thread's block in place as it grows
};

Registry& registry() {
  static Registry r;
  return r;
}

bool g_enabled = false;

Counters& local() {
  thread_local Counters* mine = [] {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    return &r.threads.emplace_back(Counters{});
  }();
  return *mine;
}

}  // namespace

void enable() { g_enabled = true; }
bool enabled() { return g_enabled; }

void add(Stage stage, std::int64_t ns) { local()[static_cast<std::size_t>(stage)] += ns; }

void count_parse(std::int64_t tokens) {
  Counters& c = local();
  ++c[kParsedSentences];
  c[kParsedTokens] += tokens;
}

void report(std::ostream& out) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  Counters total{};
  std::array<int, kStages> threads{};
  for (const Counters& c : r.threads) {
    for (std::size_t s = 0; s < kStages; ++s) {
      total[s] += c[s];
      threads[s] += c[s] > 0;
    }
    total[kParsedSentences] += c[kParsedSentences];
    total[kParsedTokens] += c[kParsedTokens];
  }
  std::int64_t sum = 0;
  for (std::size_t s = 0; s < kStages; ++s) sum += total[s];
  for (std::size_t s = 0; s < kStages; ++s) {
    if (total[s] == 0) continue;
    char line[128];
    std::snprintf(line, sizeof line, "kgraph: profile %-10s %9.3f s %5.1f%%  (%d thread%s)", kNames[s],
                  static_cast<double>(total[s]) / 1e9, sum ? 100.0 * static_cast<double>(total[s]) / static_cast<double>(sum) : 0.0,
                  threads[s], threads[s] == 1 ? "" : "s");
    out << line << "\n";
  }
  if (total[kParsedSentences] > 0)
    out << "kgraph: profile parsed " << total[kParsedSentences] << " sentences, " << total[kParsedTokens] << " parser words\n";
}

}  // namespace kgraph::extract::profile
