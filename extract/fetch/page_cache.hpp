// Fetched pages kept on disk so re-runs do not refetch. One file per URL,
// named by a 64-bit FNV-1a hash of the URL as asked ("<16 hex>.page"):
//
//   kgraph-page-cache 1
//   url: <URL as asked>
//   final-url: <URL after redirects>
//   content-type: <Content-Type header, may be empty>
//   fetched-at: <UTC date, ISO 8601>
//   body-bytes: <N>
//   <empty line>
//   <N bytes of body, decoded from gzip/deflate>
//
// A file is written beside its target as NAME.tmp.PID and renamed over it, so
// readers never see half a page. A cache file is not trusted: one whose header
// does not parse, whose body-bytes is not a plain byte count, is past the body
// limit or differs from the bytes that follow, is rejected with a reason (the
// fetcher warns, fetches the page again and overwrites the entry); one whose url
// is another (hash collision) is a plain miss.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kgraph::extract::fetch {

struct CachedPage {
  std::string url;
  std::string final_url;
  std::string content_type;
  std::string fetched_at;
  std::string body;
};

class PageCache {
 public:
  // An empty `dir` disables the cache (lookups miss, stores do nothing).
  explicit PageCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  bool enabled() const { return !dir_.empty(); }
  // The page cached for `url`, if there is a sound entry with a body of at most
  // `max_body` bytes. No entry is a plain miss; an entry that fails a check is
  // a miss with the reason in `problem` (when given). Reads at most
  // max_body + 64 KiB, whatever the file says.
  std::optional<CachedPage> load(const std::string& url, std::size_t max_body,
                                 std::string* problem = nullptr) const;
  // Returns false (and leaves no temporary behind) when the page cannot be
  // written; the fetch itself still counts as good.
  bool store(const CachedPage& page) const;
  std::filesystem::path path_for(const std::string& url) const;

  // $XDG_CACHE_HOME/kgraph, else $HOME/.cache/kgraph, else ./.kgraph-cache.
  static std::filesystem::path default_dir();

 private:
  std::filesystem::path dir_;
};

// UTC now as "2024-05-01T12:00:00Z".
std::string utc_timestamp();

}  // namespace kgraph::extract::fetch
