#include "cli/run_support.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

namespace kgraph::cli {

std::filesystem::path find_ontology_dir(const std::string& option) {
  namespace fs = std::filesystem;
  auto usable = [](const fs::path& p) { return fs::exists(p / "lexicon" / "countries.tsv"); };
  if (!option.empty()) return option;
  if (const char* env = std::getenv("KGRAPH_ONTOLOGY"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (usable(dir / "ontology")) return dir / "ontology";
      if (usable(dir / "share" / "kgraph" / "ontology")) return dir / "share" / "kgraph" / "ontology";
    }
  }
  return KGRAPH_SOURCE_ONTOLOGY;
}

bool Messages::stderr_is_tty() { return ::isatty(STDERR_FILENO) == 1; }

void Messages::report(const Diagnostic& d) {
  if (d.severity == Severity::Error) ++errors_;
  clear_progress();
  std::cerr << d.format() << "\n";
}

void Messages::progress(std::size_t documents, std::size_t bytes) {
  if (quiet_ || !tty_) return;
  std::cerr << "\r\033[Kkgraph: " << documents << " documents, " << (bytes >> 10) << " KiB" << std::flush;
  progress_shown_ = true;
}

void Messages::clear_progress() {
  if (progress_shown_) std::cerr << "\r\033[K" << std::flush;
  progress_shown_ = false;
}

void Messages::info(const std::string& line) {
  if (quiet_) return;
  clear_progress();
  std::cerr << line << "\n";
}

ExtractionStats run_extraction(const std::vector<std::string>& inputs, const extract::InputOptions& input_options,
                               const extract::Extractor& extractor, int threads, Messages& messages,
                               const std::function<void(Extraction&&)>& sink) {
  const auto t0 = std::chrono::steady_clock::now();
  ExtractionStats stats;
  extract::InputReader reader(input_options);
  // Documents are extracted in batches; within a batch, workers take every
  // N-th document, and results are emitted in input order after the batch.
  const std::size_t batch_size = threads > 1 ? 64 * static_cast<std::size_t>(threads) : 1;
  std::vector<extract::RawInput> batch;
  auto flush = [&] {
    std::vector<std::optional<Extraction>> results(batch.size());
    std::vector<Diagnostic> errors(batch.size());
    auto work = [&](std::size_t start) {
      for (std::size_t i = start; i < batch.size(); i += static_cast<std::size_t>(std::max(1, threads)))
        results[i] = extractor.extract(std::move(batch[i]), errors[i]);
    };
    if (threads > 1 && batch.size() > 1) {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) pool.emplace_back(work, static_cast<std::size_t>(t));
      for (auto& th : pool) th.join();
    } else {
      work(0);
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!results[i]) {
        ++stats.failed;
        messages.report(errors[i]);
        continue;
      }
      ++stats.documents;
      sink(std::move(*results[i]));
    }
    batch.clear();
    messages.progress(stats.documents, stats.bytes);
  };
  std::size_t input_errors = reader.read(
      inputs,
      [&](extract::RawInput&& raw) {
        stats.bytes += raw.body.size();
        batch.push_back(std::move(raw));
        if (batch.size() >= batch_size) flush();
      },
      [&](const Diagnostic& d) { messages.report(d); });
  flush();
  stats.failed += input_errors;
  messages.clear_progress();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

void add_input_flags(CLI::App* cmd, InputFlags& flags) {
  cmd->add_option("inputs", flags.inputs,
                  "Files (.txt, .html, .jsonl, .json), directories (read recursively, sorted), '-' for JSON Lines "
                  "on stdin, or http(s) URLs")
      ->required();
  cmd->add_option("--ontology", flags.ontology, "Folder with the vocabulary and models (default: the bundled ontology/)");
  cmd->add_option("--text-field", flags.text_field, "JSON field that holds the article text")->capture_default_str();
  cmd->add_option("--id-field", flags.id_field, "JSON field that holds the document id")->capture_default_str();
  cmd->add_option("-j,--threads", flags.threads, "Worker threads; output is identical for any number")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags.quiet, "No progress or summary on stderr (errors are still printed)");
  cmd->add_flag("--no-tagger", flags.no_tagger, "Do not run the statistical name tagger (rules and gazetteers only)");
}

}  // namespace kgraph::cli
