// Outputs are never left half-written: a writer fills a temporary file beside
// the target, which is flushed, synced and renamed over the target only when
// the writer returned normally. On any failure the temporary is removed and
// the previous target, if any, is untouched.
//
// Temporaries have names of kgraph's own, hidden and tied to their target:
// ".NAME.kgraph-tmp.PID.RANDOM" (the new NAME being written) and, while a batch
// is committed, ".NAME.kgraph-old.PID.RANDOM" (the previous NAME kept aside).
// The random part keeps two processes with the same PID apart (PID namespaces);
// the PID is only there for people reading a listing.
//
// Several outputs that belong together (everything `kgraph build` writes) go
// through an OutputBatch: while one is open on a thread, write_atomically only
// writes and syncs the temporary; commit() puts them all in place at the end,
// all or none (see commit()). A batch destroyed without commit() removes its
// temporaries, so an interrupted or failed run leaves the previous outputs
// byte-identical.
//
// A process killed outright (SIGKILL, power loss) can leave temporaries behind;
// remove_stale_temporaries() removes them, but only under an OutputLock, which
// proves that no other kgraph run is writing them (export/output_lock.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace kgraph::exports {

class OutputLock;

// Throws std::runtime_error naming `target` if it cannot be written.
void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

// A new temporary name beside `target` (".NAME.kgraph-tmp.PID.RANDOM"); for
// files that are not outputs but must be removed after a crash (the spool).
std::filesystem::path temporary_path(const std::filesystem::path& target);

// What a file name says if kgraph made it as a temporary: the name of its
// target and whether it is a previous output kept aside (".kgraph-old.") or a
// new one (".kgraph-tmp."). nullopt for every other name.
struct TemporaryName {
  std::string target;
  bool old = false;
};
std::optional<TemporaryName> parse_temporary_name(const std::string& file_name);

class OutputBatch {
 public:
  OutputBatch();  // becomes the open batch of this thread (batches do not nest)
  ~OutputBatch(); // removes temporaries not committed
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  // Calls `before` (which may throw to abandon the batch), then puts every
  // temporary in place of its target, in the order written, all or none:
  // a target that is a folder stops the commit before anything moves; each
  // previous target is kept aside (a hard link, or a rename where links are
  // refused) until every new file is in place, and put back if one rename
  // fails. Throws std::runtime_error naming the file that failed; the
  // targets are then as they were before the commit.
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

// Removes the temporaries that killed runs left where `lock` holds: every one
// in the locked folder, or those of the locked file only. A previous output
// kept aside whose target is missing (a run killed in the middle of a commit)
// is put back instead. Symbolic links, folders and files of other names are
// never touched. Returns how many files were removed or put back.
std::size_t remove_stale_temporaries(const OutputLock& lock);

}  // namespace kgraph::exports
