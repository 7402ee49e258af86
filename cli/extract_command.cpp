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
  bool candidates = false;
};

int run_extract(const ExtractOptions& o) {
  Messages messages(o.input.quiet);
  extract::ExtractorOptions xo;
  xo.keep_text = o.with_text;
  xo.write_candidates = o.candidates;
  xo.use_tagger = !o.input.no_tagger;
  xo.max_html_depth = o.input.max_html_depth;
  xo.max_mentions = o.input.max_mentions;
  extract::Extractor extractor(find_ontology_dir(o.input.ontology), xo);

  ExtractionStats stats;
  // A run that read nothing gives up before its output replaces anything.
  struct NoInput {};
  auto run = [&](std::ostream& out) {
    stats = run_extraction(o.input, extractor, messages,
                           [&](const std::string&, std::string&& line) {
                             throw_if_interrupted();  // set only with -o FILE, see below
                             out << line << '\n';
                           });
    if (stats.documents == 0) throw NoInput{};
  };
  const bool to_file = !o.output.empty() && o.output != "-";
  try {
    if (!to_file) {
      run(std::cout);
      std::cout.flush();
    } else {
      // To a file: SIGINT/SIGTERM stop between documents and leave FILE as it was.
      const std::filesystem::path file = o.output;
      install_interrupt_handlers();
      if (std::filesystem::is_directory(file))
        throw std::runtime_error(file.string() + ": is a folder, not a file; nothing was written");
      // FILE is locked (another run writing it is waited for); leftover
      // temporaries of FILE, and only of FILE, go first.
      const exports::OutputLock lock = exports::OutputLock::file(file, lock_wait(messages));
      exports::remove_stale_temporaries(lock);
      exports::write_atomically(file, [&](std::ostream& out) {
        run(out);
        throw_if_interrupted();
      });
    }
  } catch (const NoInput&) {
    return refuse_run_without_input(input_names(o.input), to_file ? o.output + " is as it was" : "", messages);
  }
  messages.info("kgraph: extracted " + count_of(stats.documents, "document", "documents") +
                (stats.failed ? ", " + count_of(stats.failed, "input", "inputs") + " failed" : "") +
                (to_file ? " -> " + o.output : ""));
  return stats.failed > 0 ? 1 : 0;
}

}  // namespace

void add_extract_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract entities and relations, one JSON object per document");
  add_input_flags(cmd, options->input, false);
  cmd->add_option("-o,--output", options->output, "Write JSON Lines to FILE (default: stdout)");
  cmd->add_flag("--with-text", options->with_text, "Include each document's text (offsets point into it)");
  cmd->add_flag("--relation-candidates", options->candidates,
                "Also write the relation scorer's candidates with their features (rule 'candidate:TYPE'), for training it");
  cmd->footer(command_footer(
      "one JSON line per document (formats/EXTRACTION.md) to stdout, or to FILE, put in place at the end;\n"
      "a second run writing FILE waits for the first (.FILE.kgraph.lock beside it).",
      "kgraph extract examples/nato-russia -o extractions.jsonl"));
  cmd->callback([options, &result] { result.exit_code = run_guarded([&] { return run_extract(*options); }); });
}

}  // namespace kgraph::cli
