#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "export/output_file.hpp"

namespace kgraph::exports {
namespace {

thread_local OutputBatch* t_open_batch = nullptr;

}  // namespace

void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write) {
  std::filesystem::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());
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
    std::filesystem::rename(tmp, target);
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
  while (!pending_.empty()) {
    auto [tmp, target] = pending_.front();
    std::error_code ec;
    std::filesystem::rename(tmp, target, ec);
    if (ec) throw std::runtime_error(target.string() + ": cannot rename into place: " + ec.message());
    pending_.erase(pending_.begin());
  }
}

std::size_t remove_stale_temporaries(const std::filesystem::path& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const auto dot = name.rfind(".tmp.");
    if (dot == std::string::npos || !entry.is_regular_file(ec)) continue;
    const char* digits = name.c_str() + dot + 5;
    const char* end = name.c_str() + name.size();
    long pid = 0;
    auto [p, err] = std::from_chars(digits, end, pid);
    if (err != std::errc() || p != end || digits == end || pid <= 0) continue;
    // Alive (or not ours to signal): leave it; another run may be writing it.
    if (pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    if (std::filesystem::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

}  // namespace kgraph::exports
