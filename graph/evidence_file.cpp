#include "graph/evidence_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace kgraph::graph {
namespace {

constexpr std::size_t kBuffer = 1 << 20;

std::runtime_error io_error(const std::filesystem::path& dir, const char* what) {
  return std::runtime_error(dir.string() + ": cannot " + what + " the temporary evidence file (" +
                            std::strerror(errno) + ")");
}

}  // namespace

EvidenceText::EvidenceText(const EvidenceFile* file, std::uint64_t offset, std::size_t size)
    : file_(file), packed_(offset << kSizeBits | size) {}

std::string EvidenceText::str() const { return file_ && size() > 0 ? file_->read(offset(), size()) : std::string(); }

bool EvidenceText::operator<(const EvidenceText& o) const {
  if (file_ == o.file_ && packed_ == o.packed_) return false;
  return str() < o.str();
}

bool EvidenceText::operator==(const EvidenceText& o) const {
  if (file_ == o.file_ && packed_ == o.packed_) return true;
  return size() == o.size() && str() == o.str();
}

EvidenceFile::EvidenceFile(const std::filesystem::path& dir)
    : dir_(dir.empty() ? std::filesystem::temp_directory_path() : dir) {
#ifdef O_TMPFILE
  fd_ = ::open(dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
  if (fd_ < 0) {  // a file system without O_TMPFILE: a named file, unlinked at once
    std::string name = (dir_ / ".evidence.kgraph-tmp.XXXXXX").string();
    fd_ = ::mkstemp(name.data());
    if (fd_ >= 0) ::unlink(name.c_str());
  }
  if (fd_ < 0) throw io_error(dir_, "create");
  buffer_.reserve(kBuffer);
}

EvidenceFile::~EvidenceFile() {
  if (fd_ >= 0) ::close(fd_);
}

EvidenceText EvidenceFile::append(std::string_view text) {
  if (text.size() > EvidenceText::kSizeMask)
    throw std::length_error("an evidence sentence of " + std::to_string(text.size()) + " bytes (16 MiB at most)");
  const std::uint64_t at = end_;
  if (buffer_.size() + text.size() > kBuffer) flush();
  buffer_.insert(buffer_.end(), text.begin(), text.end());
  end_ += text.size();
  if (buffer_.size() >= kBuffer) flush();
  return EvidenceText(this, at, text.size());
}

void EvidenceFile::flush() {
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::pwrite(fd_, p, left, static_cast<off_t>(written_));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      throw io_error(dir_, "write");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  buffer_.clear();
}

std::string EvidenceFile::read(std::uint64_t offset, std::size_t size) const {
  std::string out(size, '\0');
  std::size_t got = 0;
  // Before flush() (while the graph is being built) the tail is still in the buffer.
  while (got < size && offset + got < written_) {
    const ssize_t n = ::pread(fd_, out.data() + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      throw io_error(dir_, "read");
    }
    got += static_cast<std::size_t>(n);
  }
  if (got < size) std::memcpy(out.data() + got, buffer_.data() + (offset + got - written_), size - got);
  return out;
}

}  // namespace kgraph::graph
