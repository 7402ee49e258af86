// Fetches web pages for the input reader: libcurl lives behind this file only.
//
// UrlFetcher turns URLs into RawInputs (HTML or text by Content-Type, the
// charset passed on for the HTML stage) or into Diagnostics that name the URL.
// Several URLs are fetched at once with curl's multi interface, at most
// `parallel` transfers at a time, and results come back in input order, so the
// output never depends on which server answered first.
//
// Safety: only http and https, checked before the first request and again for
// every redirect target (redirects are followed here, not by curl, so each hop
// is checked); every address curl is about to connect to is checked too, and
// loopback/private/link-local ones are refused unless allow_private is set
// (address_policy.hpp). Bodies are limited after decoding gzip/deflate.
//
// Message codes (stable; see also input_reader.hpp):
//   E120 cannot reach the host (DNS failure, connection refused, TLS error)
//   E121 HTTP error status (4xx, or 429/5xx still failing after the retries)
//   E122 timed out (connect or total timeout)
//   E123 too many redirects
//   E124 body larger than the limit
//   E125 scheme not allowed (only http, https), also for redirect targets
//   E126 address not allowed (loopback, private, link-local) without --allow-private
//   E127 content type that is neither HTML nor text
//   E128 warning: the page could not be written to the cache
//   E129 malformed URL
//   E118 fetch stopped: FetchOptions::cancelled said so (Ctrl-C)
//   W119 warning: a cache entry failed its checks (header, body-bytes, body
//        limit); the page was fetched again and the entry overwritten
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extract/ingest/input_reader.hpp"
#include "ontology/diagnostic.hpp"

namespace kgraph::extract::fetch {

struct FetchOptions {
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;  // whole transfer, per attempt
  int max_redirects = 5;
  std::size_t max_body_bytes = 10u << 20;
  int retries = 2;                   // extra attempts after a 429 or 5xx
  long retry_delay_ms = 1'000;       // first backoff; doubles with each retry
  long max_retry_after_ms = 30'000;  // a server's Retry-After is honoured up to this
  int parallel = 4;                  // transfers at once
  bool allow_private = false;        // allow loopback/private/link-local addresses
  std::filesystem::path cache_dir;   // empty: no cache
  bool refresh = false;              // fetch even when cached (and update the cache)
  std::string user_agent = "kgraph (+https://kgraph.example.org/bot)";
  // Asked at least every 200 ms while transfers run or wait for a retry; when
  // it returns true, fetch_all() stops every unfinished transfer (E118) and
  // returns. The CLI passes its SIGINT/SIGTERM flag (extract/ knows no cli/).
  std::function<bool()> cancelled;
};

// One URL's outcome: a page, or an error naming the URL. A page may come with
// a warning (E128) in `warning`.
struct FetchResult {
  std::optional<RawInput> page;
  Diagnostic error;
  std::optional<Diagnostic> warning;
  bool from_cache = false;
  int attempts = 0;  // HTTP requests made, redirects and retries included
};

// What a Content-Type header means for the pipeline.
struct ContentKind {
  bool supported = false;
  InputKind kind = InputKind::Text;
  std::string charset;  // lower-cased, "" when not given
};
// text/html and application/xhtml+xml are HTML; other text/* is text; a
// missing type is decided by sniffing `body` (starts like HTML or not).
ContentKind classify_content_type(const std::string& content_type, const std::string& body);

class UrlFetcher {
 public:
  explicit UrlFetcher(FetchOptions options);

  // Results in the order of `urls`. Never throws for a bad URL or server.
  std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls) const;
  FetchResult fetch(const std::string& url) const { return fetch_all({url}).front(); }

  const FetchOptions& options() const { return options_; }

 private:
  FetchOptions options_;
};

}  // namespace kgraph::extract::fetch
