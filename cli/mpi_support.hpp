// `kgraph build --mpi`: the map step on several processes (Boost.MPI, Open MPI),
// the reduce on rank 0. Boost.MPI is only in mpi_support.cpp; a build without
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgraph::cli::mpi
