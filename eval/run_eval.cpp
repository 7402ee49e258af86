#include "eval/run_eval.hpp"

#include <fstream>

#include "eval/report_writers.hpp"
#include "eval/scorer.hpp"
#include "ontology/extraction_json.hpp"

namespace kgraph::eval {

int run_eval(const EvalOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  Diagnostic error;
  std::optional<GoldStandard> gold = load_gold(options.gold, error);
  if (!gold) {
    err << error.format() << "\n";
    return 2;
  }
  Scorer scorer(std::move(*gold));

  std::ifstream file;
  if (options.extractions != "-") {
    file.open(options.extractions, std::ios::binary);
    if (!file) {
      err << make_error("E401", options.extractions, "cannot open the extractions").format() << "\n";
      return 2;
    }
  }
  std::istream& lines = options.extractions == "-" ? in : file;
  std::size_t line_no = 0, broken = 0;
  std::string line;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::optional<Extraction> x = parse_json_line(line, error);
    if (!x) {
      error.location = options.extractions + ":" + std::to_string(line_no);
      err << error.format() << "\n";
      ++broken;
      continue;
    }
    scorer.add(*x);
  }
  if (lines.bad()) {
    err << make_error("E401", options.extractions, "read error").format() << "\n";
    return 2;
  }
  if (broken > 0) {
    err << "kgraph: eval: " << broken << " broken extraction line(s); not scored\n";
    return 2;
  }
  const EvalReport report = scorer.report();
  if (options.json)
    write_json_report(out, report);
  else
    write_text_report(out, report);
  return 0;
}

}  // namespace kgraph::eval
