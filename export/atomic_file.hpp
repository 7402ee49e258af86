// Outputs are never left half-written: a writer fills a temporary file beside
// the target ("NAME.tmp.PID"), which is flushed, synced and renamed over the
// target only when the writer returned normally. On any failure the temporary
// is removed and the previous target, if any, is untouched.
//
// Several outputs that belong together (everything `kgraph build` writes) go
// through an OutputBatch: while one is open on a thread, write_atomically only
// writes and syncs the temporary; commit() renames them all at the end, in one
// short burst, after a last check (an interrupt). A batch destroyed without
// commit() removes its temporaries, so an interrupted or failed run leaves the
// previous outputs byte-identical.
//
// A process killed outright (SIGKILL, power loss) can leave a "NAME.tmp.PID"
// behind; remove_stale_temporaries() deletes those of processes that no longer
// run, and `kgraph build` calls it on its output folder at start.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <utility>
#include <vector>

namespace kgraph::exports {

// Throws std::runtime_error naming `target` if it cannot be written.
void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

class OutputBatch {
 public:
  OutputBatch();  // becomes the open batch of this thread (batches do not nest)
  ~OutputBatch(); // removes temporaries not committed
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  // Calls `before` (which may throw to abandon the batch), then renames every
  // temporary over its target in the order written. Throws std::runtime_error
  // naming the file if a rename fails; files renamed before it stay renamed.
  void commit(const std::function<void()>& before = {});

  // The targets written so far, in order.
  std::vector<std::filesystem::path> targets() const;

  static OutputBatch* open();  // this thread's open batch, or nullptr
  void add(std::filesystem::path temporary, std::filesystem::path target);

  // Hands the temporaries written so far to the caller, who must add() them to
  // another batch (or remove them); this batch forgets them. This is how a
  // worker thread, which has a batch of its own, passes its files on.
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> release();

 private:
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> pending_;  // (temporary, target)
  OutputBatch* outer_;
};

// Deletes "NAME.tmp.PID" files in `dir` (not below it) whose PID is not a
// running process. Returns how many were removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace kgraph::exports
