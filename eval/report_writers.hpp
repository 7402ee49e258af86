// Writers of an EvalReport: a report for people and the same content as JSON
// for scripts. Both are deterministic (same report, same bytes).
#pragma once

#include <ostream>

#include "eval/eval_report.hpp"

namespace kgraph::eval {

// Summary lines first (`entities: P=.. R=.. F1=..`, `relations: precision=..
// (tp/tp+fp) recall(required)=.. (found/required)`), then per-type tables, then
// the itemised misses and false positives. Undefined ratios print as "-".
void write_text_report(std::ostream& out, const EvalReport& report);

// One JSON object; undefined ratios are null.
void write_json_report(std::ostream& out, const EvalReport& report);

}  // namespace kgraph::eval
