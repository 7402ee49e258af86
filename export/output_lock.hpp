// One kgraph run at a time per output: two builds into one folder would
// otherwise finish with a mix of both runs' files.
//
// A run that writes a set of files into a folder (build, merge) holds the
// folder's lock, DIR/.kgraph.lock, exclusively. A run that writes one file
// (extract -o FILE) holds the folder's lock shared, so that extractions into
// different files of one folder run side by side, and FILE's own lock,
// DIR/.FILE.kgraph.lock, exclusively. The locks are flock(2) locks: the kernel
// drops them when the process ends, however it ends, and they hold across PID
// namespaces on one machine. A lock file is removed by the last holder; every
// holder checks, once locked, that its file is still the one at the path.
//
// Holding the lock is what allows removing leftover temporaries
// (remove_stale_temporaries): no other kgraph run can be writing them.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace kgraph::exports {

// What a run does while another run holds the lock: `say` is called once with
// "another kgraph run is writing to DIR (pid N); waiting", then `poll` every
// tenth of a second (it may throw to give up, on an interrupt).
struct LockWait {
  std::function<void(const std::string& message)> say;
  std::function<void()> poll;
};

class OutputLock {
 public:
  // The folder `dir` (which must exist), exclusively.
  static OutputLock folder(const std::filesystem::path& dir, const LockWait& wait);
  // The single file `file`: its folder shared and the file exclusively.
  static OutputLock file(const std::filesystem::path& file, const LockWait& wait);

  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();  // unlocks; removes lock files no other run holds

  const std::filesystem::path& dir() const { return dir_; }
  // The one file held (extract -o), or empty when the whole folder is held.
  const std::string& file_name() const { return file_name_; }

  // The lock files' names, so that nothing mistakes them for outputs.
  static std::string folder_lock_name();                        // ".kgraph.lock"
  static std::string file_lock_name(const std::string& file);   // ".FILE.kgraph.lock"

 private:
  // One flock()ed lock file.
  struct Held {
    std::filesystem::path path;
    int fd = -1;
    bool exclusive = false;
  };
  static Held acquire(const std::filesystem::path& path, bool exclusive, const std::string& what, const LockWait& wait);
  static void release(Held& held);
  OutputLock() = default;

  std::filesystem::path dir_;
  std::string file_name_;
  Held folder_;
  Held file_;
};

}  // namespace kgraph::exports
