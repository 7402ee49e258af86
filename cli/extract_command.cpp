// kgraph extract: per-document extraction as JSON Lines (formats/EXTRACTION.md).
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_support.hpp"
#include "export/atomic_file.hpp"
#include "ontology/extraction_json.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::cli {
namespace {

struct ExtractOptions {
  InputFlags input;
  std::string output;  // empty: stdout
  bool with_text = false;
};

int run_extract(const ExtractOptions& o) {
  Messages messages(o.input.quiet);
  extract::ExtractorOptions xo;
  xo.keep_text = o.with_text;
  xo.use_tagger = !o.input.no_tagger;
  xo.max_html_depth = o.input.max_html_depth;
  xo.max_mentions = o.input.max_mentions;
  extract::Extractor extractor(find_ontology_dir(o.input.ontology), xo);

  ExtractionStats stats;
  auto run = [&](std::ostream& out) {
    stats = run_extraction(o.input, extractor, messages,
                           [&](const std::string&, std::string&& line) {
                             throw_if_interrupted();  // set only with -o FILE, see below
                             out << line << '\n';
                           });
  };
  if (o.output.empty() || o.output == "-") {
    run(std::cout);
    std::cout.flush();
  } else {
    // To a file: SIGINT/SIGTERM stop between documents and leave FILE as it was.
    const std::filesystem::path file = o.output;
    exports::remove_stale_temporaries(file.has_parent_path() ? file.parent_path() : std::filesystem::path("."));
    install_interrupt_handlers();
    exports::write_atomically(file, [&](std::ostream& out) {
      run(out);
      throw_if_interrupted();
    });
  }
  messages.info("kgraph: extracted " + std::to_string(stats.documents) + " documents" +
                (stats.failed ? ", " + std::to_string(stats.failed) + " inputs failed" : "") +
                (o.output.empty() ? "" : " -> " + o.output));
  return stats.failed > 0 ? 1 : 0;
}

}  // namespace

void add_extract_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract entities and relations, one JSON object per document");
  add_input_flags(cmd, options->input);
  cmd->add_option("-o,--output", options->output, "Write JSON Lines to FILE (default: stdout)");
  cmd->add_flag("--with-text", options->with_text, "Include each document's text (offsets point into it)");
  cmd->footer("Example: kgraph extract examples/nato-russia -o extractions.jsonl");
  cmd->callback([options, &result] { result.exit_code = run_guarded([&] { return run_extract(*options); }); });
}

}  // namespace kgraph::cli
