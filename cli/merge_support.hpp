// What `kgraph merge` and `kgraph merge --mpi` share: the options and the
// duplicate finder run over the replayed extractions (see merge_command.cpp).
#pragma once

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>
#include <algorithm>

#include "cli/extraction_spool.hpp"
#include "cli/run_support.hpp"
#include "extract/dedupe/duplicate_finder.hpp"
#include "ontology/diagnostic.hpp"
#include "ontology/extraction_json.hpp"

namespace kgraph::cli {

struct MergeOptions {
  std::vector<std::string> files;
  std::string out_dir;
  std::string formats = "graphml,gexf,ttl,nt,nq,trig,md,html,csv";
  std::string base_iri = "https://kgraph.example.org/";
  std::string ontology;
  bool graphml_strict = false;
  bool graphml_mixed = false;
  int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 256u));  // one per core
  bool quiet = false;
  bool dedupe = false;
  double dedupe_threshold = 0.8;
  std::string memory;  // --memory SIZE: relation mentions sorted out of core
  bool mpi = false;    // --mpi: the reduce partitioned across the ranks of mpirun (cli/merge_mpi.cpp)
  bool stats = false;  // --stats: each rank's figures at the end (with --mpi)
  bool formats_given = false;
};

// The formats of `merge --mpi` when --formats is not given.
inline constexpr const char* kMpiFormats = "graphml,gexf,nt,nq,csv";

// merge --mpi (cli/merge_mpi.cpp).
int run_merge_mpi(const MergeOptions& o);

// The duplicate finder over the replayed extractions (see the top of the file).
class ShardDuplicates {
 public:
  ShardDuplicates(const MergeOptions& o, ExtractionSpool& spool, Messages& messages)
      : options_(o), spool_(spool), messages_(messages), finder_(std::in_place, o.dedupe_threshold) {}

  void operator()(Extraction& x, std::string& line, std::size_t entry) {
    if (!x.signature || !x.duplicate_of.empty()) return;
    entry_of_.push_back(entry);  // finder ordinals count calls to add()
    const std::optional<extract::dedupe::DuplicateFinder::Match> m = finder_->add(*x.signature);
    if (!m) return;
    ++found_;
    const std::size_t first_entry = entry_of_.at(m->original);
    const std::string& first_id = spool_.id(first_entry);
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.2f", m->similarity);
    messages_.report(make_warning(
        "W140", x.meta.id,
        "doc " + x.meta.id + " is " + (m->exact ? "an exact " : "a near-") + "duplicate of doc " + first_id +
            " (similarity " + sim + ")" +
            (options_.dedupe ? "; its findings replaced by the first copy's, its outlet counted as a source of them"
                             : "")));
    if (!options_.dedupe) return;
    Diagnostic error;
    std::optional<Extraction> first = parse_json_line(spool_.line(first_entry), error);
    if (!first) throw std::runtime_error("extraction spool: " + error.format());
    first->meta = std::move(x.meta);
    first->duplicate_of = first_id;
    first->signature = x.signature;
    x = std::move(*first);
    line = to_json_line(x);
  }
  std::size_t found() const { return found_; }
  // Once every line is replayed: the signatures and their tables are not needed
  // while the graph is finalized and written, the largest part of the run.
  void forget() {
    finder_.reset();
    std::vector<std::size_t>().swap(entry_of_);
  }

 private:
  const MergeOptions& options_;
  ExtractionSpool& spool_;
  Messages& messages_;
  std::optional<extract::dedupe::DuplicateFinder> finder_;
  std::vector<std::size_t> entry_of_;  // finder ordinal -> spool entry
  std::size_t found_ = 0;
};

}  // namespace kgraph::cli
