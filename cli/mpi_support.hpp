// `kgraph build --mpi` (the map step on several processes, the reduce on rank
// 0) and `kgraph merge --mpi` (the reduce partitioned across the ranks), on
// Boost.MPI over Open MPI. Boost.MPI is only in mpi_support.cpp; a build without
// it (KGRAPH_MPI off) has the same interface and refuses --mpi.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kgraph::cli::mpi {

// True when kgraph was built with Boost.MPI.
bool built_in();

class Session {
 public:
  // Initialises MPI; throws std::runtime_error when MPI is not built in.
  Session();
  ~Session();  // finalises MPI
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  int rank() const;
  int size() const;

  // Each rank passes its (document id, extraction line) pairs; rank 0's
  // `receive` is called with every other rank's pairs, rank by rank, in chunks
  // (so no rank ever holds more than its own share plus one chunk). Returns
  // the per-rank `counts` summed element-wise (meaningful on rank 0).
  std::vector<std::size_t> gather(std::vector<std::pair<std::string, std::string>> mine,
                                  const std::vector<std::size_t>& counts,
                                  const std::function<void(const std::string& id, const std::string& line)>& receive);

  // Every rank's `mine`, on rank 0, indexed by rank (sent in chunks below
  // MPI's message limit); an empty vector on the other ranks.
  std::vector<std::string> gather_bytes(std::string mine);
  // Rank 0's `mine` on every rank (sent in chunks below MPI's message limit);
  // what the other ranks pass is ignored.
  std::string broadcast_bytes(std::string mine);
  // Returns once every rank has called it.
  void barrier();
  // True on every rank when `mine` is true on every rank.
  bool all_true(bool mine);
  // Ends every rank of the job with `code` (MPI_Abort): for a failure on one
  // rank while the others wait for it in a collective.
  [[noreturn]] void abort(int code);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgraph::cli::mpi
