#include "extract/ingest/directory_walk.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace kgraph::extract {
namespace {

namespace fs = std::filesystem;

// The files `kgraph build` and `merge` write into their output folder
// (cli/build_command.cpp, export/graph_outputs.cpp).
constexpr std::array<std::string_view, 11> kOutputNames = {
    "extractions.jsonl", "graph.graphml", "graph.gexf", "graph.ttl", "graph.nt",          "graph.nq",
    "graph.trig",        "report.md",     "report.html", "nodes.csv", "relationships.csv"};
// Present in every output folder: what marks one.
constexpr std::string_view kOutputMarker = "extractions.jsonl";
constexpr std::string_view kLockName = ".kgraph.lock";

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// An output or its temporary (NAME.tmp.PID) while a build writes it.
bool is_output_name(std::string_view name) {
  for (std::string_view out : kOutputNames)
    if (name == out || (name.starts_with(out) && name.substr(out.size()).starts_with(".tmp."))) return true;
  return false;
}

struct Walk {
  const std::function<void(const Diagnostic&)>& on_error;
  std::set<fs::path> visited;  // canonical paths of the directories entered
  DirectoryListing listing;

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
    bool output_folder = false;
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (name == kOutputMarker || name == kLockName) output_folder = true;
    }
    for (const fs::directory_entry& entry : entries) visit(entry, relative, output_folder);
  }

  void visit(const fs::directory_entry& entry, const std::string& parent, bool output_folder) {
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
      if (output_folder && is_output_name(name)) {
        ++listing.skipped_outputs;
        listing.output_folders.insert(parent.empty() ? "." : parent);
      } else if (!is_input_extension(entry.path())) {
        ++listing.skipped_kinds;
        listing.skipped_extensions.insert(lower_extension(entry.path()));
      } else {
        listing.files.push_back({entry.path(), relative});
      }
    } else {
      on_error(make_warning("E101", entry.path().string(), "not a regular file; skipped"));
    }
  }
};

}  // namespace

bool is_input_extension(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  for (std::string_view e : {".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson"})
    if (ext == e) return true;
  return false;
}

DirectoryListing list_directory(const std::filesystem::path& root,
                                const std::function<void(const Diagnostic&)>& on_error) {
  Walk walk{on_error, {}, {}};
  walk.enter(root, "");
  std::sort(walk.listing.files.begin(), walk.listing.files.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.relative < b.relative; });
  return std::move(walk.listing);
}

}  // namespace kgraph::extract
