// What `kgraph merge` and `kgraph merge --mpi` share: the options and the
// duplicate finder run over the replayed extractions (see merge_command.cpp).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>
#include <algorithm>

#include "cli/extraction_spool.hpp"
#include "cli/run_support.hpp"
#include "extract/dedupe/duplicate_finder.hpp"
#include "graph/spill_file.hpp"
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

// The duplicate finder over the extractions in canonical order (see the top of
// merge_command.cpp), run in a pass of its own before the graph is built: the
// finder's signatures and band tables (about 0.8 KB per article) and the
// graph's accumulation are never held at once (issue 16). note() keeps each
// line's signature in a scratch file as the inputs are read; find() runs the
// finder over them in canonical order, keeps only the copies it found, and
// frees the finder; the replay (operator(), a ReplayEdit) then reports each
// copy (W140) where it comes, as the finder would have found it there.
class ShardDuplicates {
 public:
  ShardDuplicates(const MergeOptions& o, ExtractionSpool& spool, Messages& messages,
                  const std::filesystem::path& scratch_dir)
      : options_(o), spool_(spool), messages_(messages), signatures_(scratch_dir, std::size_t{1} << 20, "signature") {}

  // Line `entry` of the spool, as read; before find().
  void note(const Extraction& x, std::size_t entry) {
    if (!x.signature || !x.duplicate_of.empty()) return;
    entries_.push_back(entry);
    signatures_.append(&*x.signature, sizeof(TextSignature));
  }

  // Once every line is noted, before the replay.
  void find() {
    signatures_.flush();
    // Where each entry comes in canonical order; the noted entries in that order.
    std::vector<std::size_t> rank;
    {
      const std::vector<std::size_t> order = spool_.canonical_order();
      rank.assign(order.size(), 0);
      for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    }
    std::vector<std::uint32_t> noted(entries_.size());  // indices into entries_ and the signature file
    for (std::size_t i = 0; i < noted.size(); ++i) noted[i] = static_cast<std::uint32_t>(i);
    std::sort(noted.begin(), noted.end(),
              [&](std::uint32_t a, std::uint32_t b) { return rank[entries_[a]] < rank[entries_[b]]; });
    std::vector<std::size_t>().swap(rank);
    extract::dedupe::DuplicateFinder finder(options_.dedupe_threshold);
    TextSignature signature;
    for (std::size_t ordinal = 0; ordinal < noted.size(); ++ordinal) {  // finder ordinals count calls to add()
      signatures_.read(static_cast<std::uint64_t>(noted[ordinal]) * sizeof signature, &signature, sizeof signature);
      const std::optional<extract::dedupe::DuplicateFinder::Match> m = finder.add(signature);
      if (m) copies_.push_back(Copy{entries_[noted[ordinal]], entries_[noted[m->original]], m->similarity, m->exact});
    }
    std::sort(copies_.begin(), copies_.end(), [](const Copy& a, const Copy& b) { return a.entry < b.entry; });
    std::vector<std::size_t>().swap(entries_);
  }

  void operator()(Extraction& x, std::string& line, std::size_t entry) {
    auto copy = std::lower_bound(copies_.begin(), copies_.end(), entry,
                                 [](const Copy& c, std::size_t e) { return c.entry < e; });
    if (copy == copies_.end() || copy->entry != entry) return;
    ++found_;
    const std::string& first_id = spool_.id(copy->first);
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.2f", copy->similarity);
    messages_.report(make_warning(
        "W140", x.meta.id,
        "doc " + x.meta.id + " is " + (copy->exact ? "an exact " : "a near-") + "duplicate of doc " + first_id +
            " (similarity " + sim + ")" +
            (options_.dedupe ? "; its findings replaced by the first copy's, its outlet counted as a source of them"
                             : "")));
    if (!options_.dedupe) return;
    Diagnostic error;
    std::optional<Extraction> first = parse_json_line(spool_.line(copy->first), error);
    if (!first) throw std::runtime_error("extraction spool: " + error.format());
    first->meta = std::move(x.meta);
    first->duplicate_of = first_id;
    first->signature = x.signature;
    x = std::move(*first);
    line = to_json_line(x);
  }
  std::size_t found() const { return found_; }

 private:
  // A line the finder found to copy an earlier one: both as spool entries.
  struct Copy {
    std::size_t entry = 0, first = 0;
    double similarity = 0;
    bool exact = false;
  };
  const MergeOptions& options_;
  ExtractionSpool& spool_;
  Messages& messages_;
  graph::SpillFile signatures_;       // the noted signatures, in note() order
  std::vector<std::size_t> entries_;  // the noted lines' entries, in note() order
  std::vector<Copy> copies_;          // by entry
  std::size_t found_ = 0;
};

}  // namespace kgraph::cli
