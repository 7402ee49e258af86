#include "extract/ingest/directory_walk.hpp"

#include <algorithm>
#include <set>

namespace kgraph::extract {
namespace {

namespace fs = std::filesystem;

struct Walk {
  const std::function<void(const Diagnostic&)>& on_error;
  std::set<fs::path> visited;  // canonical paths of the directories entered
  std::vector<FoundFile> found;

  // Enters `dir` unless it was entered before. `relative` is its path from the
  // root, empty for the root itself.
  void enter(const fs::path& dir, const std::string& relative) {
    std::error_code ec;
    fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      on_error(make_error("E101", dir.string(), "cannot read directory: " + ec.message()));
      return;
    }
    if (!visited.insert(canonical).second) {
      on_error(make_warning("E106", dir.string(),
                            "directory already read (a symbolic link loop or a second link to it); skipped"));
      return;
    }
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) on_error(make_error("E101", dir.string(), "cannot list directory: " + ec.message()));
    // Sorted so that errors and the walk come in the same order on every system.
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& entry : entries) visit(entry, relative);
  }

  void visit(const fs::directory_entry& entry, const std::string& parent) {
    const std::string name = entry.path().filename().generic_string();
    if (name.starts_with(".")) return;
    const std::string relative = parent.empty() ? name : parent + "/" + name;
    std::error_code ec;
    fs::file_status status = entry.status(ec);  // follows symbolic links
    if (ec || status.type() == fs::file_type::not_found) {
      std::string why = ec ? ec.message() : "no such file";
      std::error_code ignored;
      if (entry.is_symlink(ignored)) why = "broken symbolic link";
      on_error(make_error("E101", entry.path().string(), "cannot read: " + why + "; skipped"));
      return;
    }
    if (fs::is_directory(status)) {
      enter(entry.path(), relative);
    } else if (fs::is_regular_file(status)) {
      found.push_back({entry.path(), relative});
    } else {
      on_error(make_warning("E101", entry.path().string(), "not a regular file; skipped"));
    }
  }
};

}  // namespace

std::vector<FoundFile> list_directory(const std::filesystem::path& root,
                                      const std::function<void(const Diagnostic&)>& on_error) {
  Walk walk{on_error, {}, {}};
  walk.enter(root, "");
  std::sort(walk.found.begin(), walk.found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.relative < b.relative; });
  return std::move(walk.found);
}

}  // namespace kgraph::extract
