#include "cli/run_support.hpp"

#include "graph/memory_size.hpp"
#include "ontology/tsv_table.hpp"
#include "cli/batch_queue.hpp"
#include "cli/interrupt.hpp"

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <chrono>
#include <exception>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

#include "extract/dedupe/duplicate_finder.hpp"
#include "extract/fetch/page_cache.hpp"
#include "extract/fetch/url_fetcher.hpp"
#include "extract/profile/stage_profile.hpp"
#include "export/atomic_file.hpp"
#include "export/graph_outputs.hpp"
#include "ontology/extraction_json.hpp"
#include "cli/extraction_state.hpp"

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

graph::GivenNames load_given_names(const std::filesystem::path& ontology_dir) {
  const auto file = ontology_dir / "lexicon" / "given_names.tsv";
  return std::filesystem::exists(file) ? graph::GivenNames::load(file) : graph::GivenNames();
}

graph::PlaceSpellings load_place_spellings(const std::filesystem::path& ontology_dir) {
  const auto file = ontology_dir / "lexicon" / "capital_spellings.tsv";
  return std::filesystem::exists(file) ? graph::PlaceSpellings::load(file) : graph::PlaceSpellings();
}

graph::OrganisationNames load_organisation_names(const std::filesystem::path& ontology_dir) {
  const auto file = ontology_dir / "lexicon" / "organisations.tsv";
  return std::filesystem::exists(file) ? graph::OrganisationNames::load(file) : graph::OrganisationNames();
}

void use_name_tables(graph::KnowledgeGraph& graph, const std::filesystem::path& ontology_dir) {
  graph.use_given_names(load_given_names(ontology_dir));
  graph.use_place_spellings(load_place_spellings(ontology_dir));
  graph.use_organisation_names(load_organisation_names(ontology_dir));
}

bool Messages::stderr_is_tty() { return ::isatty(STDERR_FILENO) == 1; }

void Messages::report(const Diagnostic& d) {
  if (d.severity == Severity::Error) ++errors_;
  if (muted_) return;
  clear_progress();
  std::cerr << d.format() << "\n";
}

void Messages::progress(std::size_t documents, std::size_t bytes) {
  if (quiet_ || !tty_) return;
  std::cerr << "\r\033[Kkgraph: " << documents << " documents, " << (bytes >> 10) << " KiB" << std::flush;
  progress_shown_ = true;
}

void Messages::status(const std::string& line) {
  if (quiet_ || !tty_) return;
  std::cerr << "\r\033[K" << line << std::flush;
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

void Messages::notice(const std::string& line) {
  if (muted_) return;
  clear_progress();
  std::cerr << line << "\n";
}

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

const char* const kInputExitCodes =
    "Exit codes: 0 all inputs read, 1 finished but some inputs failed (each named on stderr),\n"
    "2 usage error, fatal error or no readable input (nothing written), 130 interrupted (nothing replaced).";

std::string command_footer(const std::string& writes, const std::string& example, const std::string& exit_codes) {
  return "Writes " + writes + "\nExample: " + example + "\n" + exit_codes;
}

exports::LockWait lock_wait(Messages& messages) {
  return exports::LockWait{[&messages](const std::string& line) { messages.notice("kgraph: " + line); },
                           [] { throw_if_interrupted(); }};
}

OutputFolder::OutputFolder(const std::filesystem::path& dir, Messages& messages) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path p = dir; !p.empty() && !fs::exists(fs::symlink_status(p, ec)); p = p.parent_path()) {
    created_.push_back(p);
    if (p == p.parent_path()) break;
  }
  try {
    fs::create_directories(dir);
    lock_.emplace(exports::OutputLock::folder(dir, lock_wait(messages)));
    // Under the lock no other kgraph run writes here: every kgraph temporary is a killed run's.
    exports::remove_stale_temporaries(*lock_);
  } catch (...) {
    remove_created();
    throw;
  }
}

OutputFolder::~OutputFolder() {
  lock_.reset();
  remove_created();
}

void OutputFolder::remove_created() {
  std::error_code ec;  // a folder that holds anything stays
  for (const std::filesystem::path& p : created_) std::filesystem::remove(p, ec);
  created_.clear();
}

std::vector<std::string> input_names(const InputFlags& flags) {
  std::vector<std::string> names = flags.inputs;
  if (!flags.urls_file.empty()) names.push_back("--urls " + flags.urls_file);
  return names;
}

int refuse_run_without_input(const std::vector<std::string>& inputs, const std::string& unchanged, Messages& messages) {
  std::string named;
  const std::size_t shown = std::min<std::size_t>(inputs.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) named += (i ? ", " : "") + inputs[i];
  if (inputs.size() > shown) named += " and " + count_of(inputs.size() - shown, "more input", "more inputs");
  messages.report(make_error("E108", named.empty() ? "kgraph" : named,
                             "no readable input: no document could be read, so nothing was written" +
                                 (unchanged.empty() ? std::string() : "; " + unchanged)));
  return 2;
}

namespace {

// The lines of a --urls file: blank lines and '#' comments skipped, spaces trimmed.
std::vector<std::string> read_url_list(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": [E101] cannot open the --urls file");
  std::vector<std::string> urls;
  std::string line;
  while (std::getline(in, line)) {
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    const auto e = line.find_last_not_of(" \t\r");
    urls.push_back(line.substr(b, e - b + 1));
  }
  return urls;
}

extract::fetch::FetchOptions fetch_options(const InputFlags& flags) {
  extract::fetch::FetchOptions o;
  auto ms = [](double seconds) { return static_cast<long>(std::llround(seconds * 1000)); };
  o.timeout_ms = ms(flags.timeout);
  o.connect_timeout_ms = ms(flags.connect_timeout);
  o.max_body_bytes = flags.max_body;
  o.retries = flags.retries;
  o.retry_delay_ms = ms(flags.retry_delay);
  o.parallel = flags.fetch_jobs;
  o.allow_private = flags.allow_private;
  o.refresh = flags.refresh;
  if (!flags.no_cache)
    o.cache_dir = flags.cache_dir.empty() ? extract::fetch::PageCache::default_dir() : std::filesystem::path(flags.cache_dir);
  o.user_agent = "kgraph/" KGRAPH_VERSION " (+https://kgraph.example.org/bot)";
  o.cancelled = interrupted;  // Ctrl-C ends a slow fetch or a retry wait at once
  return o;
}

}  // namespace

ExtractionStats run_extraction(const InputFlags& flags, const extract::Extractor& extractor, Messages& messages,
                               const ExtractionSink& sink, const RunHooks& hooks) {
  const auto t0 = std::chrono::steady_clock::now();
  const int threads = flags.threads;
  ExtractionStats stats;
  extract::InputOptions input_options;
  input_options.text_field = flags.text_field;
  input_options.id_field = flags.id_field;
  input_options.max_document_bytes = flags.max_document_bytes;
  input_options.max_line_bytes = flags.max_line_bytes;
  extract::InputReader reader(input_options);

  std::vector<std::string> inputs = flags.inputs;
  if (!flags.urls_file.empty())
    for (std::string& url : read_url_list(flags.urls_file)) inputs.push_back(std::move(url));
  if (inputs.empty()) throw std::runtime_error("no inputs: give files, directories, '-', URLs or --urls FILE");

  // Every URL is fetched before reading starts, several at once; the reader
  // then takes the pages from memory, in input order.
  std::vector<std::string> urls;
  for (const std::string& input : inputs)
    if (extract::is_url(input)) urls.push_back(input);
  std::map<std::string, extract::fetch::FetchResult> fetched;
  // What the reader reports (input errors, fetch warnings) travels with the
  // batch being filled and is printed just before that batch is extracted, so
  // messages come in the same order whether or not reading runs on its own thread.
  struct Chunk {
    std::vector<extract::RawInput> docs;
    std::vector<Diagnostic> notes;
    std::size_t bytes = 0;
  };
  Chunk filling;
  auto note = [&filling](const Diagnostic& d) { filling.notes.push_back(d); };
  std::map<std::size_t, std::string> original_ids;  // finder ordinal -> document id, for W140 messages
  if (!urls.empty()) {
    std::sort(urls.begin(), urls.end());
    urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
    extract::fetch::UrlFetcher fetcher(fetch_options(flags));
    std::vector<extract::fetch::FetchResult> results = fetcher.fetch_all(urls);
    throw_if_interrupted();  // fetches stopped by Ctrl-C: nothing to extract, nothing replaced
    std::size_t cached = 0, good = 0;
    for (std::size_t i = 0; i < urls.size(); ++i) {
      cached += results[i].from_cache;
      good += results[i].page.has_value();
      fetched.emplace(urls[i], std::move(results[i]));
    }
    messages.info("kgraph: fetched " + std::to_string(good) + " of " + std::to_string(urls.size()) + " URLs (" +
                  std::to_string(cached) + " from the cache)");
    reader.fetch = [&fetched, &note](const std::string& url, Diagnostic& error) -> std::optional<extract::RawInput> {
      auto it = fetched.find(url);
      if (it == fetched.end()) {
        error = make_error("E120", url, "URL was not fetched");
        return std::nullopt;
      }
      if (it->second.warning) note(*it->second.warning);
      if (!it->second.page) {
        error = it->second.error;
        return std::nullopt;
      }
      return it->second.page;  // a copy: the same URL may be listed twice
    };
  }
  // Documents are extracted in batches; within a batch, workers take every
  // N-th document, and results are emitted in input order after the batch.
  // Between preparing (text and metadata) and extracting, each document is
  // checked against the first copies seen before it, in input order, so the
  // duplicates found never depend on -j.
  const std::size_t batch_size = threads > 1 ? 64 * static_cast<std::size_t>(threads) : 1;
  std::vector<extract::RawInput> batch;
  extract::dedupe::DuplicateFinder duplicates(flags.dedupe_threshold);
  std::map<std::size_t, Extraction> originals;  // --dedupe: finder ordinal -> first copy's extraction
  std::size_t next_ordinal = 0;
  auto parallel = [&](std::size_t n, const std::function<void(std::size_t)>& job) {
    auto work = [&](std::size_t start) {
      for (std::size_t i = start; i < n; i += static_cast<std::size_t>(std::max(1, threads))) job(i);
    };
    extract::profile::StageTimer wait(extract::profile::Stage::Wait);
    if (threads > 1 && n > 1) {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) pool.emplace_back(work, static_cast<std::size_t>(t));
      for (auto& th : pool) th.join();
    } else {
      work(0);
    }
  };
  auto flush = [&] {
    const std::size_t n = batch.size();
    std::vector<std::optional<Document>> docs(n);
    std::vector<extract::dedupe::TextSignature> signatures(n);
    std::vector<std::optional<Extraction>> results(n);
    std::vector<std::string> lines(n);  // results[i] as a JSON line, written by the workers
    std::vector<Diagnostic> errors(n);
    std::vector<std::string> locations(n);
    for (std::size_t i = 0; i < n; ++i) locations[i] = batch[i].location;
    std::vector<std::string> keys(n);  // --state: content keys
    std::vector<char> reused(n, 0);
    parallel(n, [&](std::size_t i) {
      if (hooks.state) keys[i] = hooks.state->key(batch[i]);
      docs[i] = extractor.prepare(std::move(batch[i]), errors[i]);
      extract::profile::StageTimer timer(extract::profile::Stage::Dedupe);
      if (docs[i]) signatures[i] = extract::dedupe::sign_text(docs[i]->text);
    });
    std::vector<std::string> ids(n);  // docs[i] is moved into the extractor below
    std::vector<std::size_t> ordinal(n, 0);
    std::vector<std::optional<extract::dedupe::DuplicateFinder::Match>> copy_of(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (!docs[i]) continue;
      ids[i] = docs[i]->meta.id;
      ordinal[i] = next_ordinal++;
      copy_of[i] = duplicates.add(signatures[i]);
      if (!copy_of[i]) original_ids.emplace(ordinal[i], docs[i]->meta.id);
    }
    parallel(n, [&](std::size_t i) {
      if (!docs[i] || (flags.dedupe && copy_of[i])) return;
      if (hooks.state)  // a document seen by an earlier run: its stored extraction
        if (std::optional<std::string> line = hooks.state->find(keys[i]); line) {
          Diagnostic ignored;  // an unreadable stored line is extracted again
          if ((results[i] = parse_json_line(*line, ignored))) {
            reused[i] = 1;
            lines[i] = std::move(*line);  // written by to_json_line of this very extractor (the state's fingerprint)
            return;
          }
        }
      results[i] = extractor.extract(std::move(*docs[i]), errors[i]);
      if (results[i]) results[i]->signature = signatures[i];  // for `kgraph merge` to find copies across shards
      // Serialising is a fair share of the work: done here, it runs on every worker.
      extract::profile::StageTimer timer(extract::profile::Stage::Serialise);
      if (results[i]) lines[i] = to_json_line(*results[i]);
    });
    for (std::size_t i = 0; i < n; ++i) {
      if (!docs[i]) {
        ++stats.failed;
        messages.report(errors[i]);
        continue;
      }
      if (!results[i] && !(flags.dedupe && copy_of[i])) {  // past a limit (E107)
        ++stats.failed;
        errors[i].location = locations[i];
        messages.report(errors[i]);
        continue;
      }
      if (copy_of[i]) {
        const auto& m = *copy_of[i];
        char sim[16];
        std::snprintf(sim, sizeof sim, "%.2f", m.similarity);
        ++stats.duplicates;
        messages.report(make_warning(
            "W140", locations[i],
            "doc " + ids[i] + " is " +
                (m.exact ? "an exact " : "a near-") + "duplicate of doc " + original_ids.at(m.original) +
                " (similarity " + sim + ")" +
                (flags.dedupe ? "; not extracted, its outlet counted as a source of the first copy" : "")));
        if (flags.dedupe) {
          Extraction copy = originals.at(m.original);
          copy.meta = std::move(docs[i]->meta);
          copy.duplicate_of = original_ids.at(m.original);
          copy.signature = signatures[i];  // its own text's, as merge computes it
          ++stats.documents;
          sink(copy.meta.id, to_json_line(copy));
          continue;
        }
      } else if (flags.dedupe) {
        originals.emplace(ordinal[i], *results[i]);
      }
      if (hooks.state && !reused[i]) hooks.state->store(keys[i], lines[i]);
      stats.reused += reused[i];
      ++stats.documents;
      sink(results[i]->meta.id, std::move(lines[i]));
    }
    batch.clear();
    if (hooks.state) hooks.state->flush();
    messages.progress(stats.documents, stats.bytes);
  };
  auto consume = [&](Chunk&& chunk) {
    for (const Diagnostic& d : chunk.notes) messages.report(d);
    stats.bytes += chunk.bytes;
    batch = std::move(chunk.docs);
    if (!batch.empty()) flush();
  };
  std::size_t index = 0;  // of each document in input order, for hooks.take
  std::function<void(Chunk&&)> hand_over;
  auto read_all = [&] {
    extract::profile::StageTimer read_timer(extract::profile::Stage::Read);
    const std::size_t errors = reader.read(
        inputs,
        [&](extract::RawInput&& raw) {
          if (hooks.take && !hooks.take(index++)) return;
          filling.bytes += raw.body.size();
          filling.docs.push_back(std::move(raw));
          if (filling.docs.size() >= batch_size) hand_over(std::exchange(filling, Chunk{}));
        },
        note);
    hand_over(std::exchange(filling, Chunk{}));
    return errors;
  };
  std::size_t input_errors = 0;
  if (threads <= 1) {
    hand_over = consume;
    input_errors = read_all();
  } else {
    // Reading (files, JSON parsing) runs on its own thread, up to two batches
    // ahead, so the workers do not wait for it between batches.
    struct Stopped {};  // unwinds the reader when the consumer has given up
    BatchQueue<Chunk> queue(2);
    hand_over = [&queue](Chunk&& chunk) {
      extract::profile::StageTimer wait(extract::profile::Stage::Wait);
      if (!queue.push(std::move(chunk))) throw Stopped{};
    };
    std::exception_ptr reader_failure;
    std::thread reading([&] {
      try {
        input_errors = read_all();
      } catch (const Stopped&) {
      } catch (...) {
        reader_failure = std::current_exception();
      }
      queue.close();
    });
    try {
      while (std::optional<Chunk> chunk = queue.pop()) consume(std::move(*chunk));
    } catch (...) {
      queue.close();
      reading.join();
      throw;
    }
    reading.join();
    if (reader_failure) std::rethrow_exception(reader_failure);
  }
  stats.failed += input_errors;
  messages.clear_progress();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

void read_extraction_files(const std::vector<std::filesystem::path>& files, Messages& messages,
                           const std::function<void(Extraction&&)>& each) {
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      messages.report(make_error("E101", file.string(), "cannot open extraction file"));
      continue;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty()) continue;
      Diagnostic error;
      std::optional<Extraction> x = parse_json_line(line, error);
      if (!x) {
        error.location = file.string() + ":" + std::to_string(n);
        messages.report(error);
        continue;
      }
      each(std::move(*x));
    }
  }
}

void add_memory_option(CLI::App* cmd, std::string& size) {
  cmd->add_option("--memory", size,
                  "Memory budget (512M, 1G): relation mentions are sorted on disk in runs that fit it; "
                  "same outputs")
      ->check(CLI::Validator(
          [](std::string& text) {
            try {
              graph::parse_memory_size(text);
              return std::string();
            } catch (const std::invalid_argument& e) {
              return std::string(e.what());
            }
          },
          "SIZE"));
}

int run_guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Interrupted& e) {
    std::cerr << "kgraph: " << e.what() << "\n";
    return kInterruptedExitCode;
  } catch (const DataFileError& e) {
    std::cerr << e.diagnostic.format() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kgraph: error: " << e.what() << "\n";
    return 2;
  }
}

void add_input_flags(CLI::App* cmd, InputFlags& flags, bool threads_write_outputs) {
  cmd->add_option("inputs", flags.inputs,
                  "Files (.txt, .html, .jsonl, .json), directories (read recursively, sorted), '-' for JSON Lines "
                  "on stdin, or http(s) URLs");
  cmd->add_option("--ontology", flags.ontology, "Folder with the vocabulary and models (default: the bundled ontology/)");
  cmd->add_option("--text-field", flags.text_field, "JSON field that holds the article text")->capture_default_str();
  cmd->add_option("--id-field", flags.id_field, "JSON field that holds the document id")->capture_default_str();
  // One thread per core by default, as a user with a pile of articles expects;
  // the bytes written never depend on it.
  flags.threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 256u));
  cmd->add_option("-j,--threads", flags.threads,
                  std::string(threads_write_outputs ? "Worker threads for extraction and for writing the output files"
                                                    : "Worker threads for extraction") +
                      " (default: one per core); output is identical for any number")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags.quiet, "No progress or summary on stderr (errors are still printed)");
  cmd->add_flag("--no-tagger", flags.no_tagger, "Do not run the statistical name tagger (rules and gazetteers only)");
  cmd->add_flag("--dedupe", flags.dedupe,
                "Extract only the first copy of duplicate documents (W140); copies keep their metadata and count as sources");
  cmd->add_option("--dedupe-threshold", flags.dedupe_threshold, "Similarity (shingle Jaccard) that makes a duplicate")
      ->check(CLI::Range(0.5, 1.0))
      ->capture_default_str();
  const char* limits = "Limits on hostile input";
  cmd->add_option("--max-document-bytes", flags.max_document_bytes, "Largest document (a file, or a record's text); E105")
      ->capture_default_str()
      ->group(limits);
  cmd->add_option("--max-line-bytes", flags.max_line_bytes, "Longest JSON Lines line; E105")
      ->capture_default_str()
      ->group(limits);
  cmd->add_option("--max-html-depth", flags.max_html_depth, "Deepest element nesting of an HTML page; E131")
      ->capture_default_str()
      ->group(limits);
  cmd->add_option("--max-mentions", flags.max_mentions, "Most entity mentions in one document; E107")
      ->capture_default_str()
      ->group(limits);
  const char* web = "Fetching URLs";
  cmd->add_option("--urls", flags.urls_file, "Also read the URLs listed in FILE (one per line, '#' comments)")
      ->group(web);
  cmd->add_option("--cache", flags.cache_dir, "Keep fetched pages in DIR (default: $XDG_CACHE_HOME/kgraph)")->group(web);
  cmd->add_flag("--no-cache", flags.no_cache, "Neither read nor write the page cache")->group(web);
  cmd->add_flag("--refresh", flags.refresh, "Fetch again even when a page is cached")->group(web);
  cmd->add_flag("--allow-private", flags.allow_private, "Allow loopback, private and link-local addresses")->group(web);
  cmd->add_option("--timeout", flags.timeout, "Seconds per fetch attempt")->capture_default_str()->group(web);
  cmd->add_option("--connect-timeout", flags.connect_timeout, "Seconds to connect")->capture_default_str()->group(web);
  cmd->add_option("--max-body", flags.max_body, "Largest page body in bytes")->capture_default_str()->group(web);
  cmd->add_option("--retries", flags.retries, "Retries after HTTP 429 or 5xx, with exponential backoff")
      ->check(CLI::Range(0, 10))
      ->capture_default_str()
      ->group(web);
  cmd->add_option("--retry-delay", flags.retry_delay, "Seconds before the first retry (doubles each time)")
      ->capture_default_str()
      ->group(web);
  cmd->add_option("--fetch-jobs", flags.fetch_jobs, "URLs fetched at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str()
      ->group(web);
}

std::string generated_at_from_environment() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return {};
  std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// finalize() frees the accumulation, in pieces scattered over the main
// thread's heap; the writers run on other threads, whose allocator arenas
// cannot reuse them. Handing the free pages back to the system keeps them out
// of the peak (glibc; elsewhere nothing to do).
void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace

std::vector<std::filesystem::path> finish_graph(graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                                                const std::set<std::string>& formats,
                                                const exports::ExportOptions& options, int threads, Messages& messages) {
  extract::profile::StageTimer timer(extract::profile::Stage::Export);
  messages.status("kgraph: analysing the graph (analytics and layout)");
  g.finalize();
  release_free_memory();
  const std::size_t total = formats.size();
  messages.status("kgraph: writing " + count_of(total, "output format", "output formats"));
  std::mutex status_lock;  // the timer runs on the writing threads
  std::size_t done = 0;
  return exports::write_graph_outputs(g, dir, formats, options, threads, [&](const std::string& format, double) {
    std::lock_guard<std::mutex> lock(status_lock);
    ++done;
    messages.status("kgraph: writing outputs, " + std::to_string(done) + " of " + std::to_string(total) +
                    " formats written (last: " + format + ")");
  });
}

}  // namespace kgraph::cli
