#include "graph/spill_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace kgraph::graph {
namespace {

std::runtime_error io_error(const std::filesystem::path& dir, const char* file, const char* what) {
  return std::runtime_error(dir.string() + ": cannot " + what + " a temporary " + file + " file (" +
                            std::strerror(errno) + ")");
}

}  // namespace

SpillFile::SpillFile(const std::filesystem::path& dir, std::size_t buffer_bytes, const char* what)
    : dir_(dir.empty() ? std::filesystem::temp_directory_path() : dir),
      what_(what),
      capacity_(std::max<std::size_t>(buffer_bytes, 4096)) {
#ifdef O_TMPFILE
  fd_ = ::open(dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
  if (fd_ < 0) {  // a file system without O_TMPFILE: a named file, unlinked at once
    std::string name = (dir_ / ("." + std::string(what_) + ".kgraph-tmp.XXXXXX")).string();
    fd_ = ::mkstemp(name.data());
    if (fd_ >= 0) ::unlink(name.c_str());
  }
  if (fd_ < 0) throw io_error(dir_, what_, "create");
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillFile::append(const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  if (buffer_.capacity() < capacity_) buffer_.reserve(capacity_);  // only once something is written
  while (size > 0) {
    const std::size_t n = std::min(size, capacity_ - buffer_.size());
    buffer_.insert(buffer_.end(), p, p + n);
    p += n;
    size -= n;
    end_ += n;
    if (buffer_.size() >= capacity_) flush();
  }
}

void SpillFile::flush() {
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::pwrite(fd_, p, left, static_cast<off_t>(written_));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      throw io_error(dir_, what_, "write");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  buffer_.clear();
}

std::size_t SpillFile::read_some(std::uint64_t offset, void* into, std::size_t size) const {
  char* out = static_cast<char*>(into);
  std::size_t got = 0;
  while (got < size && offset + got < written_) {
    const ssize_t n = ::pread(fd_, out + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      throw io_error(dir_, what_, "read");
    }
    got += static_cast<std::size_t>(n);
  }
  return got;
}

void SpillFile::read(std::uint64_t offset, void* into, std::size_t size) const {
  if (offset + size > end_) throw std::out_of_range(std::string("read past the end of a temporary ") + what_ + " file");
  const std::size_t got = read_some(offset, into, size);
  // Before flush() the tail is still in the buffer.
  if (got < size) std::memcpy(static_cast<char*>(into) + got, buffer_.data() + (offset + got - written_), size - got);
}

}  // namespace kgraph::graph
