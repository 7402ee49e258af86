// `kgraph build --state DIR`: extractions kept by content hash, so that a
// re-run over a grown corpus extracts only the documents it has not seen.
//
// The key of a document is a 128-bit hash of its bytes, kind, transport
// charset and metadata (id, title, date, source, url, author), so an edited or
// re-dated article is extracted again. Keys live in one file per extractor
// fingerprint: DIR/state-FINGERPRINT.tsv, a line "KEY<TAB>SUM<TAB>EXTRACTION-JSON"
// per document. The fingerprint hashes the kgraph binary itself (any code
// change), every file under the ontology folder (word lists, triggers, the NER
// model) and every extractor option (the limits too: a document refused with
// E107 under --max-mentions 5 must not be reused from a run without it), so a
// changed extractor starts a new file instead of reusing stale results. SUM is
// a hash of KEY and the line: an entry edited by hand or damaged on disk no
// longer matches, is not used, and its document is extracted again (the fresh
// line is appended and wins). Lines are appended as documents are extracted; a
// run cut short leaves at most a partial last line, which the next run drops.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "extract/extractor.hpp"
#include "extract/ingest/input_reader.hpp"

namespace kgraph::cli {

class ExtractionState {
 public:
  // Opens or creates the state file for this extractor in `dir`. Throws
  // std::runtime_error naming the path when it cannot be read or written.
  ExtractionState(const std::filesystem::path& dir, const std::filesystem::path& ontology_dir,
                  const extract::ExtractorOptions& options);
  ~ExtractionState();
  ExtractionState(const ExtractionState&) = delete;
  ExtractionState& operator=(const ExtractionState&) = delete;

  // The content key of a raw input (32 hex digits). Pure; safe on any thread.
  std::string key(const extract::RawInput& raw) const;

  // The stored extraction line for `key`, if any. Safe to call from several
  // threads at once (positioned reads), but not while store() runs.
  // An entry whose checksum does not match is not returned (and is counted in
  // rejected()): the caller extracts the document again and store()s it.
  std::optional<std::string> find(const std::string& key) const;

  // Appends an extraction line under `key` (one thread at a time).
  void store(const std::string& key, const std::string& line);
  // Makes stored lines durable on disk (called at the end of each batch).
  void flush();

  std::size_t size() const { return index_.size(); }
  // How many find() calls met an entry that failed its checksum.
  std::size_t rejected() const { return rejected_.load(std::memory_order_relaxed); }
  const std::filesystem::path& path() const { return path_; }

 private:
  struct Where {
    std::uint64_t offset = 0;
    std::uint32_t length = 0;  // of "SUM<TAB>LINE"
    bool written = false;      // appended by this run: known good, maybe not yet flushed
  };
  static constexpr std::size_t kSumDigits = 32;
  static std::string checksum(const std::string& key, const std::string& line);
  std::optional<std::string> read_entry(const std::string& key, const Where& where) const;
  std::filesystem::path path_;
  int fd_ = -1;
  std::FILE* out_ = nullptr;
  std::uint64_t end_ = 0;
  std::unordered_map<std::string, Where> index_;
  mutable std::atomic<std::size_t> rejected_{0};
};

}  // namespace kgraph::cli
