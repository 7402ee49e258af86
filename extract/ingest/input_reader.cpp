#include "extract/ingest/input_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <unordered_map>

#include "extract/ingest/directory_walk.hpp"
#include "extract/ingest/document_file.hpp"
#include "extract/ingest/json_records.hpp"

namespace kgraph::extract {

// "scheme://..." goes to the fetcher, which refuses every scheme but http and
// https with a clear message (a file:// URL is not read as a path).
bool is_url(const std::string& s) {
  const auto sep = s.find("://");
  if (sep == std::string::npos || sep == 0) return false;
  for (std::size_t i = 0; i < sep; ++i) {
    const char c = s[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !(i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) return false;
  }
  return true;
}

namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return ext;
}

std::string join(const std::set<std::string>& items, std::size_t most) {
  std::string out;
  std::size_t n = 0;
  for (const std::string& item : items) {
    if (n == most) return out + ", ...";
    out += (n++ ? ", " : "") + (item.empty() ? std::string("no extension") : item);
  }
  return out;
}

// One line per folder argument for what its walk passed over on purpose, said
// before its documents are read; a warning only so that it is seen (W142).
Diagnostic skipped_note(const std::string& folder, const DirectoryListing& listing) {
  std::string message = "read " + std::to_string(listing.files.size()) + (listing.files.size() == 1 ? " file" : " files");
  if (listing.skipped_kinds > 0)
    message += "; skipped " + std::to_string(listing.skipped_kinds) +
               (listing.skipped_kinds == 1 ? " file" : " files") + " of a kind kgraph does not read (" +
               join(listing.skipped_extensions, 8) + "; a folder is read for .txt, .text, .html, .htm, .json, .jsonl, .ndjson)";
  if (listing.skipped_outputs > 0)
    message += "; skipped " + std::to_string(listing.skipped_outputs) + " output" +
               (listing.skipped_outputs == 1 ? "" : "s") + " of an earlier kgraph run (in " +
               join(listing.output_folders, 4) + ")";
  return make_warning("W142", folder, message);
}

// One run of read(): the callbacks, with the error count and the ids seen.
class Run {
 public:
  Run(const InputOptions& options, const std::function<void(RawInput&&)>& sink,
      const std::function<void(const Diagnostic&)>& on_error)
      : options_(options), sink_(sink), on_error_(on_error) {}

  std::size_t errors() const { return errors_; }

  void report(const Diagnostic& d) {
    if (d.severity == Severity::Error) ++errors_;
    on_error_(d);
  }

  // Makes the id unique within the run: the second "x" becomes "x#2", the
  // third "x#3", in input order, so reruns give the same ids.
  void deliver(RawInput&& in) {
    if (in.meta.id.empty()) in.meta.id = in.location;
    auto [first, fresh] = seen_.emplace(in.meta.id, in.location);
    if (!fresh) {
      const std::string original = in.meta.id;
      const std::string first_location = first->second;
      std::string candidate;
      for (int n = 2;; ++n) {
        candidate = original + "#" + std::to_string(n);
        if (seen_.emplace(candidate, in.location).second) break;
      }
      report(make_warning("E114", in.location,
                          "duplicate document id '" + original + "' (first at " + first_location + "); renamed '" +
                              candidate + "'"));
      in.meta.id = std::move(candidate);
    }
    sink_(std::move(in));
  }

  // `location` names the file in messages; `id` is the document id of a
  // one-document file and the prefix of ID:LINE ids of records.
  void read_file(const fs::path& path, const std::string& location, const std::string& id) {
    const std::string ext = lower_extension(path);
    auto sink = [this](RawInput&& in) { deliver(std::move(in)); };
    auto errors = [this](const Diagnostic& d) { report(d); };
    if (ext == ".jsonl" || ext == ".ndjson") {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        report(make_error("E101", location, "cannot open: " + std::string(std::strerror(errno))));
        return;
      }
      read_json_lines(in, RecordSource{location, id}, options_, sink, errors);
    } else if (ext == ".json") {
      read_json_file(path, RecordSource{location, id}, options_, sink, errors);
    } else {
      Diagnostic error;
      if (auto raw = read_document_file(path, location, id, options_, error, errors))
        deliver(std::move(*raw));
      else
        report(error);
    }
  }

  void read_path(const std::string& argument) {
    const fs::path path(argument);
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
      report(make_error("E101", argument, "no such file or directory"));
    } else if (ec) {
      report(make_error("E101", argument, "cannot open: " + ec.message()));
    } else if (fs::is_directory(status)) {
      const DirectoryListing listing = list_directory(path, [this](const Diagnostic& d) { report(d); });
      if (listing.skipped_kinds > 0 || listing.skipped_outputs > 0) report(skipped_note(argument, listing));
      for (const FoundFile& f : listing.files) read_file(f.path, f.path.string(), f.relative);
    } else if (fs::is_regular_file(status)) {
      // A file named directly: its id is its file name; records in it are
      // ARGUMENT:LINE, the name as the user gave it.
      const std::string ext = lower_extension(path);
      const bool records = ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
      read_file(path, argument, records ? argument : path.filename().string());
    } else {
      report(make_error("E101", argument, "not a regular file or directory"));
    }
  }

  void read_url(const std::string& url, const InputReader& reader) {
    if (!reader.fetch) {
      report(make_error("E120", url, "cannot fetch URLs: no fetcher is configured"));
      return;
    }
    Diagnostic error;
    std::optional<RawInput> page = reader.fetch(url, error);
    if (!page) {
      error.severity = Severity::Error;
      if (error.code.empty()) error.code = "E120";
      if (error.location.empty()) error.location = url;
      if (error.message.empty()) error.message = "cannot fetch";
      report(error);
      return;
    }
    if (page->meta.id.empty()) page->meta.id = url;
    if (page->meta.url.empty()) page->meta.url = url;
    if (page->location.empty()) page->location = url;
    if (page->body.empty()) {
      report(make_error("E102", url, "the page is empty"));
      return;
    }
    // The fetcher decides Text or Html by Content-Type and passes its charset.
    decode_to_utf8(*page, [this](const Diagnostic& d) { report(d); });
    deliver(std::move(*page));
  }

  void read_stdin() {
    read_json_lines(std::cin, RecordSource{"-", "-"}, options_, [this](RawInput&& in) { deliver(std::move(in)); },
                    [this](const Diagnostic& d) { report(d); });
  }

 private:
  const InputOptions& options_;
  const std::function<void(RawInput&&)>& sink_;
  const std::function<void(const Diagnostic&)>& on_error_;
  std::size_t errors_ = 0;
  std::unordered_map<std::string, std::string> seen_;  // id -> location where it was first seen
};

}  // namespace

InputReader::InputReader(InputOptions options) : options_(std::move(options)) {}

std::size_t InputReader::read(const std::vector<std::string>& arguments, const std::function<void(RawInput&&)>& sink,
                              const std::function<void(const Diagnostic&)>& on_error) const {
  Run run(options_, sink, on_error);
  for (const std::string& argument : arguments) {
    if (argument == "-")
      run.read_stdin();
    else if (is_url(argument))
      run.read_url(argument, *this);
    else
      run.read_path(argument);
  }
  return run.errors();
}

}  // namespace kgraph::extract
