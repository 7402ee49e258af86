// A new file written through a stream, for outputs that run to gigabytes.
//
// Writing through the page cache costs a copy of every byte in the kernel; on
// virtual machines that copy is the slowest part of writing a large export
// (a 2.3 GB N-Triples file: about 5.7 s of kernel time buffered, 0.3 s with
// O_DIRECT, measured on the 2-core build machine). So the file is opened with
// O_DIRECT where the file system allows it, and written in 1 MiB blocks from an
// aligned buffer; the last, partial block goes out after O_DIRECT is switched
// off. Where O_DIRECT is refused (tmpfs, some network and FUSE file systems)
// the same class writes through the page cache instead. The bytes on disk are
// the same either way.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <streambuf>
#include <string>

namespace kgraph::exports {

class OutputFile : public std::streambuf {
 public:
  // Creates or truncates `path`. Errors name `shown` (the file the user asked
  // for, when `path` is its temporary), or `path` when `shown` is empty.
  // Throws std::runtime_error if the file cannot be created. `allow_direct`
  // false writes through the page cache from the start (as on a file system
  // that refuses O_DIRECT).
  explicit OutputFile(const std::filesystem::path& path, std::string shown = {}, bool allow_direct = true);
  ~OutputFile() override;  // closes without syncing if finish() was not called
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Writes what is buffered, syncs the data to disk and closes the file.
  // Throws std::runtime_error naming the file if any write failed.
  void finish();

  bool direct() const { return direct_; }  // still using O_DIRECT (for tests)

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool write_block(const char* data, std::size_t n);  // false and error_ set on failure
  bool flush_full_blocks();
  bool stop_direct();

  std::string shown_;
  int fd_ = -1;
  bool direct_ = false;
  std::string error_;  // the first failure, for the exception
  struct FreeAligned {
    void operator()(char* p) const;
  };
  std::unique_ptr<char, FreeAligned> buffer_;
};

}  // namespace kgraph::exports
