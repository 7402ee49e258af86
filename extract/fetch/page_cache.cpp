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

std::optional<CachedPage> PageCache::load(const std::string& url) const {
  if (!enabled()) return std::nullopt;
  std::ifstream in(path_for(url), std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kMagic) return std::nullopt;
  CachedPage page;
  std::size_t body_bytes = 0;
  bool have_size = false;
  while (std::getline(in, line) && !line.empty()) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos) return std::nullopt;
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "url") page.url = value;
    else if (key == "final-url") page.final_url = value;
    else if (key == "content-type") page.content_type = value;
    else if (key == "fetched-at") page.fetched_at = value;
    else if (key == "body-bytes") {
      char* end = nullptr;
      body_bytes = std::strtoull(value.c_str(), &end, 10);
      have_size = end && *end == '\0';
    }
  }
  if (page.url != url || !have_size) return std::nullopt;
  page.body.resize(body_bytes);
  in.read(page.body.data(), static_cast<std::streamsize>(body_bytes));
  if (static_cast<std::size_t>(in.gcount()) != body_bytes) return std::nullopt;
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
