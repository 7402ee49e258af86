// A scratch file that is written once and read back at any offset: the runs of
// an external sort (`kgraph merge --memory SIZE`) and the evidence sentences of
// a graph (graph/evidence_file.hpp). Appends go through one large buffer, reads
// use pread(), so several threads may read once it is flushed. It has no name
// (O_TMPFILE, or unlinked at once), so it never outlives the process, whether
// that finishes, throws or is killed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace kgraph::graph {

class SpillFile {
 public:
  // Made in `dir` (the system's temporary folder when empty); throws
  // std::runtime_error naming the folder (and `what` the file holds) when it cannot be.
  explicit SpillFile(const std::filesystem::path& dir = {}, std::size_t buffer_bytes = std::size_t{1} << 20,
                     const char* what = "sort");
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends bytes; a write error (a full disk) throws std::runtime_error naming the folder.
  void append(const void* data, std::size_t size);
  // Writes out what append() buffered; reads from several threads need it first.
  void flush();
  // Reads exactly `size` bytes at `offset` (flushed or still buffered); throws past the end.
  void read(std::uint64_t offset, void* into, std::size_t size) const;
  // Reads up to `size` bytes at `offset` from what was flushed; returns how many.
  std::size_t read_some(std::uint64_t offset, void* into, std::size_t size) const;
  std::uint64_t bytes() const { return end_; }

 private:
  std::filesystem::path dir_;
  const char* what_;
  int fd_ = -1;
  std::uint64_t end_ = 0;      // bytes appended
  std::uint64_t written_ = 0;  // bytes in the file; the rest is in buffer_
  std::size_t capacity_;
  std::vector<char> buffer_;
};

}  // namespace kgraph::graph
