#include "export/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <utility>

namespace kgraph::exports {
namespace {

// O_DIRECT wants buffer addresses, file offsets and lengths in multiples of
// the device's logical block size; 4096 covers every common device.
constexpr std::size_t kAlign = 4096;
constexpr std::size_t kBlock = std::size_t{1} << 20;

}  // namespace

void OutputFile::FreeAligned::operator()(char* p) const { std::free(p); }

OutputFile::OutputFile(const std::filesystem::path& path, std::string shown, bool allow_direct)
    : shown_(shown.empty() ? path.string() : std::move(shown)) {
  void* memory = nullptr;
  if (::posix_memalign(&memory, kAlign, kBlock) != 0) throw std::bad_alloc();
  buffer_.reset(static_cast<char*>(memory));
  setp(buffer_.get(), buffer_.get() + kBlock);

  constexpr int kFlags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
  if (allow_direct) {
    fd_ = ::open(path.c_str(), kFlags | O_DIRECT, 0666);
    direct_ = fd_ >= 0;
  }
  if (!allow_direct || (fd_ < 0 && errno == EINVAL)) fd_ = ::open(path.c_str(), kFlags, 0666);
  if (fd_ < 0) throw std::runtime_error(shown_ + ": cannot create file: " + std::strerror(errno));
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool OutputFile::stop_direct() {
  if (!direct_) return true;
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags < 0 || ::fcntl(fd_, F_SETFL, flags & ~O_DIRECT) < 0) {
    error_ = std::string("cannot switch off O_DIRECT: ") + std::strerror(errno);
    return false;
  }
  direct_ = false;
  return true;
}

bool OutputFile::write_block(const char* data, std::size_t n) {
  while (n > 0) {
    const ssize_t written = ::write(fd_, data, n);
    if (written < 0 && errno == EINTR) continue;
    // The file system took O_DIRECT at open but refuses it for this write
    // (or a short write left the rest unaligned): go on through the page cache.
    if (written < 0 && errno == EINVAL && direct_) {
      if (!stop_direct()) return false;
      continue;
    }
    if (written <= 0) {
      error_ = std::string("write failed: ") + (written < 0 ? std::strerror(errno) : "no progress");
      return false;
    }
    data += written;
    n -= static_cast<std::size_t>(written);
  }
  return true;
}

bool OutputFile::flush_full_blocks() {
  if (!error_.empty()) return false;
  const bool ok = write_block(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buffer_.get(), buffer_.get() + kBlock);
  return ok;
}

OutputFile::int_type OutputFile::overflow(int_type ch) {
  if (pptr() == epptr() && !flush_full_blocks()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize OutputFile::xsputn(const char* s, std::streamsize n) {
  std::streamsize done = 0;
  while (done < n) {
    if (pptr() == epptr() && !flush_full_blocks()) break;
    const std::streamsize room = epptr() - pptr();
    const std::streamsize take = std::min(room, n - done);
    std::memcpy(pptr(), s + done, static_cast<std::size_t>(take));
    pbump(static_cast<int>(take));
    done += take;
  }
  return done;
}

void OutputFile::finish() {
  const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  const std::size_t aligned = direct_ ? n / kAlign * kAlign : 0;
  bool ok = error_.empty() && write_block(pbase(), aligned) && stop_direct() &&
            write_block(pbase() + aligned, n - aligned);
  setp(buffer_.get(), buffer_.get() + kBlock);
  // The data reaches the disk before the caller renames the file into place,
  // so a crash cannot leave a renamed but empty file.
  if (ok && ::fsync(fd_) != 0) {
    error_ = std::string("sync failed: ") + std::strerror(errno);
    ok = false;
  }
  const int closed = ::close(fd_);
  fd_ = -1;
  if (ok && closed != 0) error_ = std::string("close failed: ") + std::strerror(errno);
  if (!error_.empty()) throw std::runtime_error(shown_ + ": " + error_);
}

}  // namespace kgraph::exports
