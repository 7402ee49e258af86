#include "export/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace kgraph::exports {
namespace {

// The lock file open on `fd` is still the one at `path`: the last holder of a
// lock removes its file, and a run that opened the old file before that must
// start again with the new one.
bool same_file(int fd, const std::filesystem::path& path) {
  struct stat held {}, named {};
  return ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
         held.st_ino == named.st_ino;
}

// " (pid N)" from the lock file's first line, or "" when it holds none yet.
std::string holder(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid;
  for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) pid += buf[i];
  return pid.empty() ? "" : " (pid " + pid + ")";
}

// Only a hint for the message of a waiting run: with several shared holders
// the file names one of them.
void write_pid(int fd) {
  const std::string line = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, line.data(), line.size(), 0) < 0) {
    // The lock holds whether or not the hint could be written.
  }
}

}  // namespace

std::string OutputLock::folder_lock_name() { return ".kgraph.lock"; }
std::string OutputLock::file_lock_name(const std::string& file) { return "." + file + ".kgraph.lock"; }

OutputLock::Held OutputLock::acquire(const std::filesystem::path& path, bool exclusive, const std::string& what,
                                     const LockWait& wait) {
  bool said = false;
  for (;;) {
    // O_NOFOLLOW: a symbolic link planted at the lock's name is refused, not followed.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) throw std::runtime_error(what + ": cannot create the lock file " + path.string() + ": " + std::strerror(errno));
    // Polled rather than blocking, so that an interrupt (SIGINT under
    // SA_RESTART restarts a blocking flock) still ends the wait.
    while (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
      const int error = errno;
      if (error == EINTR) continue;
      if (error != EWOULDBLOCK) {
        ::close(fd);
        throw std::runtime_error(what + ": cannot lock " + path.string() + ": " + std::strerror(error));
      }
      if (!said && wait.say) wait.say("another kgraph run is writing to " + what + holder(fd) + "; waiting");
      said = true;
      try {
        if (wait.poll) wait.poll();
      } catch (...) {
        ::close(fd);
        throw;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (same_file(fd, path)) {
      write_pid(fd);
      return Held{path, fd, exclusive};
    }
    ::close(fd);
  }
}

void OutputLock::release(Held& held) {
  if (held.fd < 0) return;
  // A shared holder removes the file only if it is the last one: it can then
  // take the lock exclusively.
  const bool alone = held.exclusive || ::flock(held.fd, LOCK_EX | LOCK_NB) == 0;
  if (alone && same_file(held.fd, held.path)) ::unlink(held.path.c_str());
  ::close(held.fd);
  held.fd = -1;
}

OutputLock OutputLock::folder(const std::filesystem::path& dir, const LockWait& wait) {
  OutputLock lock;
  lock.dir_ = dir;
  lock.folder_ = acquire(dir / folder_lock_name(), true, dir.string(), wait);
  return lock;
}

OutputLock OutputLock::file(const std::filesystem::path& file, const LockWait& wait) {
  OutputLock lock;
  lock.dir_ = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  lock.file_name_ = file.filename().string();
  if (lock.file_name_.empty() || lock.file_name_ == "." || lock.file_name_ == "..")
    throw std::runtime_error(file.string() + ": not a file name");
  lock.folder_ = acquire(lock.dir_ / folder_lock_name(), false, lock.dir_.string(), wait);
  lock.file_ = acquire(lock.dir_ / file_lock_name(lock.file_name_), true, file.string(), wait);
  return lock;
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : dir_(std::move(other.dir_)),
      file_name_(std::move(other.file_name_)),
      folder_(std::exchange(other.folder_, Held{})),
      file_(std::exchange(other.file_, Held{})) {}

OutputLock::~OutputLock() {
  release(file_);
  release(folder_);
}

}  // namespace kgraph::exports
