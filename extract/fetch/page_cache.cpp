#include "extract/fetch/page_cache.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "ontology/hashing.hpp"

namespace kgraph::extract::fetch {
namespace {

constexpr const char* kMagic = "kgraph-page-cache 1";
// Real headers are a few hundred bytes (the URLs dominate); more is damage.
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// Header values are one line; a CR or LF in them would break the format.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::filesystem::path PageCache::default_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "kgraph";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "kgraph";
  return ".kgraph-cache";
}

std::filesystem::path PageCache::path_for(const std::string& url) const {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.page", static_cast<unsigned long long>(fnv1a(url)));
  return dir_ / name;
}

std::optional<CachedPage> PageCache::load(const std::string& url, std::size_t max_body, std::string* problem) const {
  if (!enabled()) return std::nullopt;
  auto bad = [problem](std::string why) -> std::optional<CachedPage> {
    if (problem) *problem = std::move(why);
    return std::nullopt;
  };
  const std::filesystem::path file = path_for(url);
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) return std::nullopt;  // no entry: a plain miss
  // The whole file is read only when it can hold a body within the limit: a
  // cache file is input like any other, and its size is checked before any
  // byte of it is trusted.
  if (size > kMaxHeaderBytes && size - kMaxHeaderBytes > max_body)
    return bad("cached file of " + std::to_string(size) + " bytes, larger than the body limit of " +
               std::to_string(max_body) + " bytes");
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return bad("cached file could not be read whole");

  // The header: the magic line, "key: value" lines, an empty line.
  std::size_t at = 0;
  auto next_line = [&](std::string& line) {
    const std::size_t end = bytes.find('\n', at);
    if (end == std::string::npos || end - at > kMaxHeaderBytes) return false;
    line.assign(bytes, at, end - at);
    at = end + 1;
    return true;
  };
  std::string line;
  if (!next_line(line) || line != kMagic) return bad("not a kgraph page cache file");
  CachedPage page;
  std::optional<std::size_t> body_bytes;
  for (;;) {
    if (!next_line(line) || at > kMaxHeaderBytes) return bad("cache header is cut short or too long");
    if (line.empty()) break;
    const auto colon = line.find(": ");
    if (colon == std::string::npos) return bad("cache header line without 'key: value'");
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "url") page.url = value;
    else if (key == "final-url") page.final_url = value;
    else if (key == "content-type") page.content_type = value;
    else if (key == "fetched-at") page.fetched_at = value;
    else if (key == "body-bytes") {
      // Digits only (strtoull would take "-1", " 7" or "1e9" in part), and no
      // more of them than a size can hold.
      if (value.empty() || value.size() > 19 || value.find_first_not_of("0123456789") != std::string::npos)
        return bad("cache header body-bytes '" + value + "' is not a byte count");
      body_bytes = static_cast<std::size_t>(std::stoull(value));
    }
  }
  if (page.url != url) return std::nullopt;  // another URL with the same hash: a miss
  if (!body_bytes) return bad("cache header has no body-bytes");
  if (*body_bytes > max_body)
    return bad("cached body of " + std::to_string(*body_bytes) + " bytes, larger than the body limit of " +
               std::to_string(max_body) + " bytes");
  if (*body_bytes != bytes.size() - at)
    return bad("cache header says body-bytes " + std::to_string(*body_bytes) + " but " +
               std::to_string(bytes.size() - at) + " bytes follow");
  page.body.assign(bytes, at, std::string::npos);
  return page;
}

bool PageCache::store(const CachedPage& page) const {
  if (!enabled()) return false;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  const auto target = path_for(page.url);
  auto temp = target;
  temp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << kMagic << "\nurl: " << one_line(page.url) << "\nfinal-url: " << one_line(page.final_url)
        << "\ncontent-type: " << one_line(page.content_type) << "\nfetched-at: " << one_line(page.fetched_at)
        << "\nbody-bytes: " << page.body.size() << "\n\n";
    out.write(page.body.data(), static_cast<std::streamsize>(page.body.size()));
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temp, ec);
      return false;
    }
  }
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
}

}  // namespace kgraph::extract::fetch
