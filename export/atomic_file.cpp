#include "export/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "export/output_file.hpp"
#include "export/output_lock.hpp"

namespace kgraph::exports {
namespace {

thread_local OutputBatch* t_open_batch = nullptr;

constexpr const char* kNew = ".kgraph-tmp.";
constexpr const char* kOld = ".kgraph-old.";
constexpr std::size_t kMarkerSize = 12;  // both markers have this length
constexpr std::size_t kRandomDigits = 8;

// ".NAME" + marker + "PID.RANDOM", beside `target`.
std::filesystem::path sibling(const std::filesystem::path& target, const char* marker) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  char random[kRandomDigits + 1];
  std::snprintf(random, sizeof random, "%08x", static_cast<unsigned>(rng()));
  return target.parent_path() /
         ("." + target.filename().string() + marker + std::to_string(::getpid()) + "." + random);
}

bool exists_no_follow(const std::filesystem::path& p, struct stat* st = nullptr) {
  struct stat local {};
  return ::lstat(p.c_str(), st ? st : &local) == 0;
}

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

std::filesystem::path temporary_path(const std::filesystem::path& target) { return sibling(target, kNew); }

std::optional<TemporaryName> parse_temporary_name(const std::string& name) {
  // ".", then a target name of at least one character, the marker, PID digits, ".", 8 hex digits.
  if (name.size() < 1 + 1 + kMarkerSize + 1 + 1 + kRandomDigits || name[0] != '.') return std::nullopt;
  const std::size_t random_at = name.size() - kRandomDigits;
  for (std::size_t i = random_at; i < name.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
  if (name[random_at - 1] != '.') return std::nullopt;
  std::size_t pid_at = random_at - 1;
  while (pid_at > 0 && std::isdigit(static_cast<unsigned char>(name[pid_at - 1]))) --pid_at;
  if (pid_at == random_at - 1 || pid_at < 1 + 1 + kMarkerSize) return std::nullopt;
  const std::string marker = name.substr(pid_at - kMarkerSize, kMarkerSize);
  if (marker != kNew && marker != kOld) return std::nullopt;
  return TemporaryName{name.substr(1, pid_at - kMarkerSize - 1), marker == kOld};
}

void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path tmp = temporary_path(target);
  try {
    {
      OutputFile file(tmp, target.string());
      std::ostream out(&file);
      write(out);
      file.finish();  // written, synced and closed, or throws naming the target
    }
    if (OutputBatch* batch = OutputBatch::open()) {
      batch->add(tmp, target);
      return;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, target, ec);
    if (ec) throw std::runtime_error(target.string() + ": cannot rename into place: " + ec.message());
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

OutputBatch::OutputBatch() : outer_(t_open_batch) { t_open_batch = this; }

OutputBatch::~OutputBatch() {
  t_open_batch = outer_;
  std::error_code ec;
  for (const auto& [tmp, target] : pending_) std::filesystem::remove(tmp, ec);
}

OutputBatch* OutputBatch::open() { return t_open_batch; }

void OutputBatch::add(std::filesystem::path temporary, std::filesystem::path target) {
  // The same target written twice in one batch: the second temporary replaced the first already.
  for (auto& p : pending_)
    if (p.second == target) return;
  pending_.emplace_back(std::move(temporary), std::move(target));
}

std::vector<std::pair<std::filesystem::path, std::filesystem::path>> OutputBatch::release() {
  return std::exchange(pending_, {});
}

std::vector<std::filesystem::path> OutputBatch::targets() const {
  std::vector<std::filesystem::path> out;
  for (const auto& p : pending_) out.push_back(p.second);
  return out;
}

void OutputBatch::commit(const std::function<void()>& before) {
  if (before) before();
  // A target that cannot become a file stops the commit before anything moves.
  for (const auto& [tmp, target] : pending_) {
    struct stat st {};
    if (exists_no_follow(target, &st) && S_ISDIR(st.st_mode))
      throw std::runtime_error(target.string() + ": is a folder, not a file; no output was replaced");
  }
  struct Step {
    std::filesystem::path aside;  // the previous target, while the batch is committed
    bool moved = false;           // aside by rename (the target was missing meanwhile), not by a link
    bool placed = false;          // the new file is at the target
  };
  std::vector<Step> steps(pending_.size());
  auto undo = [&] {
    std::vector<std::string> lost;  // previous files that could not be put back
    for (std::size_t i = steps.size(); i-- > 0;) {
      const Step& s = steps[i];
      const std::filesystem::path& target = pending_[i].second;
      if (s.aside.empty()) {
        if (s.placed) ::unlink(target.c_str());  // there was no previous file
      } else if (s.placed || s.moved) {
        if (::rename(s.aside.c_str(), target.c_str()) != 0) lost.push_back(target.string() + " (kept as " + s.aside.string() + ")");
      } else {
        ::unlink(s.aside.c_str());  // a link; the target was never replaced
      }
    }
    std::string text;
    for (const std::string& f : lost) text += (text.empty() ? "" : ", ") + f;
    return text;
  };
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const auto& [tmp, target] = pending_[i];
    Step& s = steps[i];
    std::string failure;
    if (exists_no_follow(target)) {
      // A second name for the previous file keeps it while the new one takes
      // the target's name in one atomic rename, so readers never miss the
      // file; where links are refused (some file systems, a foreign-owned
      // file under protected_hardlinks) it is renamed aside instead.
      s.aside = sibling(target, kOld);
      if (::link(target.c_str(), s.aside.c_str()) != 0) {
        if (::rename(target.c_str(), s.aside.c_str()) == 0)
          s.moved = true;
        else
          failure = "cannot keep the previous file aside: " + errno_text(errno);
      }
      if (!failure.empty()) s.aside.clear();
    }
    if (failure.empty()) {
      if (::rename(tmp.c_str(), target.c_str()) == 0)
        s.placed = true;
      else
        failure = "cannot rename into place: " + errno_text(errno);
    }
    if (!failure.empty()) {
      const std::string lost = undo();
      throw std::runtime_error(target.string() + ": " + failure +
                               (lost.empty() ? "; no output was replaced"
                                             : "; the previous outputs were put back except " + lost));
    }
  }
  for (const Step& s : steps)
    if (!s.aside.empty()) ::unlink(s.aside.c_str());
  pending_.clear();
}

std::size_t remove_stale_temporaries(const OutputLock& lock) {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(lock.dir(), ec)) {
    const std::optional<TemporaryName> name = parse_temporary_name(entry.path().filename().string());
    if (!name || (!lock.file_name().empty() && name->target != lock.file_name())) continue;
    // Only regular files: a symbolic link or folder with such a name is not kgraph's.
    if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
    const std::filesystem::path target = lock.dir() / name->target;
    if (name->old && !exists_no_follow(target)) {
      // Killed between keeping the previous output aside and placing the new one.
      if (::rename(entry.path().c_str(), target.c_str()) == 0) ++removed;
      continue;
    }
    if (std::filesystem::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

}  // namespace kgraph::exports
