#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

namespace kgraph::exports {
namespace {

// Push the file's data to disk before the rename makes it visible, so a crash
// cannot leave a renamed but empty file.
void sync_file(const std::filesystem::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write) {
  std::filesystem::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error(target.string() + ": cannot create file: " + std::strerror(errno));
      write(out);
      out.flush();
      if (!out) throw std::runtime_error(target.string() + ": write failed: " + std::strerror(errno));
    }
    sync_file(tmp);
    std::filesystem::rename(tmp, target);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

}  // namespace kgraph::exports
