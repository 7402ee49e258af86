// `kgraph eval`: score an extraction file against a gold standard and print the
// report. Lives here rather than in cli/ so that tests can run it on streams.
#pragma once

#include <istream>
#include <ostream>
#include <string>

namespace kgraph::eval {

struct EvalOptions {
  std::string gold;         // gold standard JSON (tests/data/seeds.gold.json format)
  std::string extractions;  // JSON Lines written by `kgraph extract`; "-" reads `in`
  bool json = false;        // the report as JSON instead of text
};

// Writes the report to `out` and messages to `err`. Returns 0 when scored
// (whatever the scores), 2 when the gold standard or the extractions cannot be
// read: every broken extraction line is reported as FILE:LINE, and no report is
// printed, since a score over part of the file would mislead.
int run_eval(const EvalOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace kgraph::eval
