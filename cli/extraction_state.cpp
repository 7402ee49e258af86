#include "cli/extraction_state.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace kgraph::cli {
namespace {

// A 128-bit non-cryptographic content hash: two 64-bit lanes over 8-byte words
// with the splitmix64 finaliser. Enough to tell documents apart (a collision
// among a billion documents has odds around 1e-20); not meant to resist forgery.
class Hash128 {
 public:
  void update(std::string_view s) {
    word(s.size());
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w = 0;
      for (int k = 7; k >= 0; --k) w = (w << 8) | static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      word(w);
    }
    std::uint64_t w = 0;
    for (std::size_t k = s.size(); k > i; --k) w = (w << 8) | static_cast<unsigned char>(s[k - 1]);
    word(w);
  }
  std::string hex() const {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::uint64_t v : {mix(a_ ^ (b_ >> 7)), mix(b_ + a_)})
      for (int k = 60; k >= 0; k -= 4) out.push_back(digits[(v >> k) & 0xf]);
    return out;
  }

 private:
  static std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  void word(std::uint64_t w) {
    a_ = mix(a_ ^ w) + 0x9e3779b97f4a7c15ULL;
    b_ = mix(b_ + w * 0xc2b2ae3d27d4eb4fULL) ^ (a_ << 1);
  }
  std::uint64_t a_ = 0x243f6a8885a308d3ULL, b_ = 0x13198a2e03707344ULL;
};

void hash_file(Hash128& h, const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  h.update(bytes);
}

// The extractor's identity: the program, the ontology files and the options.
std::string fingerprint(const std::filesystem::path& ontology_dir, const extract::ExtractorOptions& options) {
  namespace fs = std::filesystem;
  Hash128 h;
  hash_file(h, "/proc/self/exe");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(ontology_dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    h.update(fs::relative(f, ontology_dir).generic_string());
    hash_file(h, f);
  }
  // Every option that changes what the extractor returns for a document, or
  // whether it refuses one (the limits fail documents with E131 and E107), so
  // a run with other options never reuses extractions made under these.
  // Options that act before a document reaches the extractor (--text-field,
  // --id-field, --max-document-bytes, ...) change its raw bytes or metadata,
  // which key() hashes, or fail it before the state is asked.
  // The binding names every field: a field added to ExtractorOptions stops the
  // build here until it is hashed too.
  const auto& [keep_text, use_tagger, write_candidates, max_html_depth, max_mentions] = options;
  h.update(use_tagger ? "tagger" : "no-tagger");
  h.update(write_candidates ? "candidates" : "no-candidates");
  h.update(keep_text ? "text" : "no-text");
  h.update("max-html-depth " + std::to_string(max_html_depth));
  h.update("max-mentions " + std::to_string(max_mentions));
  return h.hex().substr(0, 16);
}

}  // namespace

std::string ExtractionState::checksum(const std::string& key, const std::string& line) {
  Hash128 h;
  h.update(key);
  h.update(line);
  return h.hex();
}

ExtractionState::ExtractionState(const std::filesystem::path& dir, const std::filesystem::path& ontology_dir,
                                 const extract::ExtractorOptions& options) {
  std::filesystem::create_directories(dir);
  path_ = dir / ("state-" + fingerprint(ontology_dir, options) + ".tsv");
  // Index the complete lines. A partial last line (a run cut short) is cut
  // off; a complete line of the wrong shape is left where it is, unindexed.
  // Checksums are checked when an entry is used, not here, so that opening a
  // large state stays one pass of line splitting.
  std::uint64_t valid = 0;
  {
    std::ifstream in(path_, std::ios::binary);
    std::string line;
    std::uint64_t offset = 0;
    while (std::getline(in, line)) {
      if (in.eof()) break;  // no newline: the last line is partial
      const std::uint64_t next = offset + line.size() + 1;
      const auto tab = line.find('\t');
      if (tab != std::string::npos && line.size() > tab + 1 + kSumDigits + 1 && line[tab + 1 + kSumDigits] == '\t')
        index_[line.substr(0, tab)] = Where{offset + tab + 1, static_cast<std::uint32_t>(line.size() - tab - 1)};
      offset = valid = next;
    }
  }
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0 || ::ftruncate(fd_, static_cast<off_t>(valid)) != 0)
    throw std::runtime_error(path_.string() + ": cannot open the state file");
  out_ = std::fopen(path_.c_str(), "ab");
  if (!out_) throw std::runtime_error(path_.string() + ": cannot append to the state file");
  end_ = valid;
}

ExtractionState::~ExtractionState() {
  if (out_) std::fclose(out_);
  if (fd_ >= 0) ::close(fd_);
}

std::string ExtractionState::key(const extract::RawInput& raw) const {
  Hash128 h;
  h.update(raw.body);
  h.update(raw.kind == extract::InputKind::Html ? "html" : "text");
  h.update(raw.charset);
  for (const std::string* field : {&raw.meta.id, &raw.meta.title, &raw.meta.date, &raw.meta.source, &raw.meta.url,
                                   &raw.meta.author})
    h.update(*field);
  return h.hex();
}

std::optional<std::string> ExtractionState::read_entry(const std::string& key, const Where& where) const {
  std::string entry(where.length, '\0');
  if (::pread(fd_, entry.data(), entry.size(), static_cast<off_t>(where.offset)) != static_cast<ssize_t>(entry.size()))
    return std::nullopt;
  // "SUM<TAB>LINE": the line is used only if it still has the sum it was stored with.
  if (entry.size() < kSumDigits + 1 || entry[kSumDigits] != '\t') return std::nullopt;
  std::string line = entry.substr(kSumDigits + 1);
  if (entry.compare(0, kSumDigits, checksum(key, line)) != 0) return std::nullopt;
  return line;
}

std::optional<std::string> ExtractionState::find(const std::string& key) const {
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  std::optional<std::string> line = read_entry(key, it->second);
  if (!line) rejected_.fetch_add(1, std::memory_order_relaxed);  // damaged or edited: extract again
  return line;
}

void ExtractionState::store(const std::string& key, const std::string& line) {
  // A key already stored is kept unless its entry failed its check: then the
  // fresh extraction is appended and replaces it (the last line for a key wins
  // when the file is indexed again).
  if (auto it = index_.find(key); it != index_.end() && (it->second.written || read_entry(key, it->second))) return;
  const std::string entry = checksum(key, line) + "\t" + line;
  const std::string record = key + "\t" + entry + "\n";
  if (std::fwrite(record.data(), 1, record.size(), out_) != record.size())
    throw std::runtime_error(path_.string() + ": cannot append to the state file");
  index_[key] = Where{end_ + key.size() + 1, static_cast<std::uint32_t>(entry.size()), true};
  end_ += record.size();
}

void ExtractionState::flush() {
  if (std::fflush(out_) != 0) throw std::runtime_error(path_.string() + ": cannot append to the state file");
}

}  // namespace kgraph::cli
