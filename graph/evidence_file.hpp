// Where the graph keeps its evidence sentences: in a temporary file, not in
// memory.
//
// Evidence sentences were the largest text a merge held (about 1 KB per
// article of foreign-policy news, issue 16), and the writers read each one a
// few times at most. So add() appends every sentence (once per document) to an
// unnamed temporary file and keeps its offset and length; a writer reads it
// back with pread(), which several writer threads may do at once. The page
// cache keeps what is read often; memory the kernel can take back is not
// memory the merge needs. The file has no name (O_TMPFILE, or unlinked at
// once), so nothing is left behind whether the run succeeds, fails or is killed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "graph/spill_file.hpp"

namespace kgraph::graph {

class EvidenceFile;

// One evidence sentence in an EvidenceFile: 16 bytes, like the string_view it replaces.
class EvidenceText {
 public:
  EvidenceText() = default;
  EvidenceText(const EvidenceFile* file, std::uint64_t offset, std::size_t size);
  // The sentence; reads the file (throws std::runtime_error on an I/O error).
  std::string str() const;
  std::size_t size() const { return static_cast<std::size_t>(packed_ & kSizeMask); }
  bool empty() const { return size() == 0; }
  // Where it starts in its file: two mentions with one offset share one copy.
  std::uint64_t offset() const { return packed_ >> kSizeBits; }
  // By the text's bytes (reads both; only ties of every other key come here).
  bool operator<(const EvidenceText& o) const;
  bool operator==(const EvidenceText& o) const;
  bool operator==(std::string_view text) const { return str() == text; }

  static constexpr int kSizeBits = 24;  // a sentence up to 16 MiB; offsets up to 1 TiB
  static constexpr std::uint64_t kSizeMask = (std::uint64_t{1} << kSizeBits) - 1;

 private:
  const EvidenceFile* file_ = nullptr;
  std::uint64_t packed_ = 0;  // offset << kSizeBits | size
};

class EvidenceFile {
 public:
  // The file is made in `dir` (the system's temporary folder when empty);
  // throws std::runtime_error naming the folder when it cannot be.
  explicit EvidenceFile(const std::filesystem::path& dir = {});

  // Appends `text`; a write error (a full disk) throws std::runtime_error naming the folder.
  EvidenceText append(std::string_view text);
  // Writes out what append() buffered: called once nothing more is appended,
  // before reads from several threads.
  void flush() { file_.flush(); }
  std::string read(std::uint64_t offset, std::size_t size) const;
  std::uint64_t bytes() const { return file_.bytes(); }

 private:
  SpillFile file_;  // the unnamed file and its write buffer
};

}  // namespace kgraph::graph
