// What the subcommands share: finding ontology/, printing messages and the
// progress line, and running the extractor over inputs on N threads with the
// results delivered in input order (so output never depends on -j).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "export/output_lock.hpp"
#include "extract/extractor.hpp"
#include "extract/ingest/input_reader.hpp"
#include "export/export_options.hpp"
#include "graph/knowledge_graph.hpp"
#include "ontology/diagnostic.hpp"

#include <CLI/CLI.hpp>

namespace kgraph::cli {

// --ontology DIR, else $KGRAPH_ONTOLOGY, else ontology/ next to or above the
// program (build/kgraph -> ./ontology), else the source tree it was built from.
std::filesystem::path find_ontology_dir(const std::string& option);

// The graph's table of given-name short forms, lexicon/given_names.tsv under `ontology_dir`; an
// ontology without that file gives an empty table (names merge as written). Throws DataFileError.
graph::GivenNames load_given_names(const std::filesystem::path& ontology_dir);
// The same for lexicon/capital_spellings.tsv.
graph::PlaceSpellings load_place_spellings(const std::filesystem::path& ontology_dir);
graph::OrganisationNames load_organisation_names(const std::filesystem::path& ontology_dir);
// Gives `graph` both name tables of `ontology_dir` (given names, capital spellings): what build,
// merge and report need before their first add(). Throws DataFileError.
void use_name_tables(graph::KnowledgeGraph& graph, const std::filesystem::path& ontology_dir);

// ExportOptions.generated_at from SOURCE_DATE_EPOCH when set (never the wall
// clock, so that outputs stay reproducible).
std::string generated_at_from_environment();

// stderr reporter: diagnostics as "LOCATION: error: [CODE] message", and a
// progress line that is drawn only when stderr is a terminal.
class Messages {
 public:
  explicit Messages(bool quiet) : quiet_(quiet), tty_(stderr_is_tty()) {}
  void report(const Diagnostic& d);
  void progress(std::size_t documents, std::size_t bytes);
  // A one-line status that the next line replaces ("writing outputs, 3 of 9"),
  // drawn only on a terminal, like progress().
  void status(const std::string& line);
  void clear_progress();
  void info(const std::string& line);
  // A line printed even with -q: why the run is not moving (waiting for a lock).
  void notice(const std::string& line);
  std::size_t errors() const { return errors_; }
  // Nothing printed from now on, errors still counted: the ranks of
  // `merge --mpi` other than 0, which read the same inputs as rank 0.
  void mute() { quiet_ = muted_ = true; }

 private:
  static bool stderr_is_tty();
  bool muted_ = false;
  bool quiet_;
  bool tty_;
  bool progress_shown_ = false;
  std::size_t errors_ = 0;
};

// "1 document", "2 documents": counts in summaries read as English.
std::string count_of(std::size_t n, const std::string& one, const std::string& many);

// A help footer of the shape every subcommand shares: what it writes, an
// example, and its exit codes (kInputExitCodes for the commands that read inputs).
extern const char* const kInputExitCodes;
std::string command_footer(const std::string& writes, const std::string& example,
                           const std::string& exit_codes = kInputExitCodes);

// How a run waits for an output lock another run holds: it says so once on
// stderr (even with -q) and stops waiting on SIGINT/SIGTERM (exit 130).
exports::LockWait lock_wait(Messages& messages);

// The output folder of build and merge, held for the whole run: created if
// missing, locked against other kgraph runs (exports::OutputLock), and cleared
// of the temporaries that killed runs left. On destruction the lock goes, and
// so do the folders this run created if they are still empty (a run that
// wrote nothing leaves no trace).
class OutputFolder {
 public:
  OutputFolder(const std::filesystem::path& dir, Messages& messages);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

 private:
  void remove_created();
  std::vector<std::filesystem::path> created_;  // deepest first
  std::optional<exports::OutputLock> lock_;
};

// A run that read no document (every input missing, unreadable, empty or
// bad) replaces nothing: this prints "INPUTS: error: [E108] no readable
// input ..." naming the inputs and `unchanged` ("out is as it was"), and
// returns exit code 2. Callers return it before writing anything.
int refuse_run_without_input(const std::vector<std::string>& inputs, const std::string& unchanged, Messages& messages);

// What a message calls the inputs of a run: the arguments, and "--urls FILE" when given.
struct InputFlags;
std::vector<std::string> input_names(const InputFlags& flags);

// Finalizes the graph (analytics, layout) and writes the chosen formats into
// `dir` on `threads` threads (exports::write_graph_outputs), saying on a
// terminal what it is doing: both can take a while on a large graph. Returns
// the paths written.
std::vector<std::filesystem::path> finish_graph(graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                                                const std::set<std::string>& formats,
                                                const exports::ExportOptions& options, int threads, Messages& messages);

struct ExtractionStats {
  std::size_t documents = 0;  // extracted
  std::size_t failed = 0;     // inputs or records that gave no extraction
  std::size_t duplicates = 0; // documents found to copy an earlier one (W140), counted in `documents` too
  std::size_t bytes = 0;      // document text bytes
  std::size_t reused = 0;     // extractions taken from --state instead of extracted
  double seconds = 0;
};

// --memory SIZE for build and merge: the relation mentions are sorted out of
// core (graph/external_sort.hpp) within that budget. A SIZE that
// graph::parse_memory_size refuses is a usage error before anything is read.
void add_memory_option(CLI::App* cmd, std::string& size);

// Runs a subcommand's body and turns what it throws into the exit code and one
// message on stderr: an interrupt -> 130, a data-file error (FILE:LINE) or any
// other failure -> 2. Every subcommand callback goes through here.
int run_guarded(const std::function<int()>& body);

// Shared options of the commands that read inputs.
struct InputFlags {
  std::vector<std::string> inputs;
  std::string ontology;
  std::string text_field = "text";
  std::string id_field = "id";
  int threads = 1;  // add_input_flags sets the default: one per core
  bool quiet = false;
  bool no_tagger = false;
  // URLs (extract/fetch/url_fetcher.hpp)
  std::string urls_file;  // one URL per line, '#' comments; read after the positional inputs
  std::string cache_dir;  // empty: PageCache::default_dir()
  bool no_cache = false;
  bool refresh = false;
  bool allow_private = false;
  double timeout = 30;
  double connect_timeout = 10;
  std::size_t max_body = 10u << 20;
  int retries = 2;
  double retry_delay = 1;
  int fetch_jobs = 4;
  // Duplicates (extract/dedupe/duplicate_finder.hpp): always reported, W140
  bool dedupe = false;  // extract only the first copy
  double dedupe_threshold = 0.8;
  // Limits on hostile input (each past-limit document fails with its code, the run goes on)
  std::size_t max_document_bytes = 16u << 20;  // E105: a file, or a record's text
  std::size_t max_line_bytes = 32u << 20;      // E105: one JSON Lines line
  std::size_t max_html_depth = 200;            // E131: element nesting of an HTML page
  std::size_t max_mentions = 20000;            // E107: entity mentions in one document
};
// `threads_write_outputs`: -j also sets how many output files are written side
// by side (build), not only the extraction workers (extract).
void add_input_flags(CLI::App* cmd, InputFlags& flags, bool threads_write_outputs);

// What `kgraph build` adds for --state and --mpi (both optional).
class ExtractionState;
struct RunHooks {
  // Only documents whose input-order index (from 0, over every input) this
  // accepts are prepared and extracted: the share of one MPI rank.
  std::function<bool(std::size_t)> take;
  // Extractions by content hash: a document already in the state is not
  // extracted again, and new extractions are added to it.
  ExtractionState* state = nullptr;
};

// Reads extraction files (JSON Lines, formats/EXTRACTION.md) and calls `each`
// for every good line, in file order. An unreadable file (E101) or line
// (FILE:LINE) goes to `messages`, and reading goes on with the rest.
void read_extraction_files(const std::vector<std::filesystem::path>& files, Messages& messages,
                           const std::function<void(Extraction&&)>& each);

// What run_extraction hands on for each document: its id and its extraction
// as one JSON line (formats/EXTRACTION.md), serialised by the workers.
using ExtractionSink = std::function<void(const std::string& id, std::string&& json_line)>;

// Reads every input, extracts each document on `flags.threads` workers, and
// calls `sink` in input order. URLs (arguments and --urls) are fetched all at
// once before reading starts and served in input order. Per-input problems go
// to `messages` and are counted. Throws std::runtime_error for usage problems
// (no inputs at all, an unreadable --urls file): the commands exit with 2.
ExtractionStats run_extraction(const InputFlags& flags, const extract::Extractor& extractor, Messages& messages,
                               const ExtractionSink& sink, const RunHooks& hooks = {});

}  // namespace kgraph::cli
