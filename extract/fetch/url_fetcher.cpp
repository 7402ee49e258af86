#include "extract/fetch/url_fetcher.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "extract/fetch/address_policy.hpp"
#include "extract/fetch/page_cache.hpp"

namespace kgraph::extract::fetch {
namespace {

using Clock = std::chrono::steady_clock;

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\"'");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\"'");
  return s.substr(b, e - b + 1);
}

bool looks_like_html(const std::string& body) {
  std::size_t i = body.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) ++i;
  const std::string head = lower(body.substr(i, 64));
  return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
         head.starts_with("<!--") || head.starts_with("<body");
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl could not be initialised");
  });
}

// One URL in flight: the URL now being requested (after redirects), what the
// last response said, and why a connection was refused, if it was.
struct Transfer {
  std::size_t index = 0;
  std::string asked;  // the URL as given; messages name it
  std::string url;    // current hop
  int redirects = 0;
  int retries = 0;
  int requests = 0;
  Clock::time_point not_before{};
  const FetchOptions* options = nullptr;
  CURL* easy = nullptr;
  std::string body;
  bool too_large = false;
  bool blocked = false;
  std::string blocked_address;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > t->options->max_body_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

// curl's progress callback: a non-zero return aborts the transfer
// (CURLE_ABORTED_BY_CALLBACK) when the run has been asked to stop.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->options->cancelled && t->options->cancelled() ? 1 : 0;
}

// Called for every connection curl opens, after name resolution: the one place
// that sees the address actually connected to, for the first URL and every
// redirect alike.
curl_socket_t on_open_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && !t->options->allow_private && is_private_address(&address->addr)) {
    t->blocked = true;
    t->blocked_address = address_text(&address->addr);
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

class MultiRun {
 public:
  MultiRun(const FetchOptions& options, std::vector<FetchResult>& results)
      : last_content_types_(results.size()), options_(options), results_(results), multi_(curl_multi_init()) {
    if (!multi_) throw std::runtime_error("libcurl: cannot create a multi handle");
  }
  ~MultiRun() {
    for (auto& t : transfers_)
      if (t->easy) {
        curl_multi_remove_handle(multi_, t->easy);
        curl_easy_cleanup(t->easy);
      }
    curl_multi_cleanup(multi_);
  }
  MultiRun(const MultiRun&) = delete;
  MultiRun& operator=(const MultiRun&) = delete;

  void add(std::size_t index, const std::string& url) {
    auto t = std::make_unique<Transfer>();
    t->index = index;
    t->asked = url;
    t->url = url;
    t->options = &options_;
    waiting_.push_back(t.get());
    transfers_.push_back(std::move(t));
  }

  void run() {
    while (!waiting_.empty() || active_ > 0) {
      // Checked at least every 200 ms (the poll below never waits longer), so a
      // Ctrl-C ends a slow transfer or a retry wait within that time.
      if (cancelled()) {
        abandon();
        return;
      }
      start_due();
      int still = 0;
      curl_multi_perform(multi_, &still);
      collect();
      if (waiting_.empty() && active_ == 0) break;
      int wait_ms = 200;
      if (active_ == 0 && !waiting_.empty()) {
        auto next = std::min_element(waiting_.begin(), waiting_.end(),
                                     [](Transfer* a, Transfer* b) { return a->not_before < b->not_before; });
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>((*next)->not_before - Clock::now()).count();
        wait_ms = static_cast<int>(std::clamp<long long>(ms, 0, 200));
      }
      curl_multi_poll(multi_, nullptr, 0, wait_ms, nullptr);
    }
  }

 private:
  bool cancelled() const { return options_.cancelled && options_.cancelled(); }

  // Ends every transfer not yet finished, each with E118.
  void abandon() {
    for (auto& t : transfers_)
      if (t->easy) {
        release(*t);
        finish_error(*t, stopped(*t));
      }
    for (Transfer* t : waiting_) finish_error(*t, stopped(*t));
    waiting_.clear();
  }

  static Diagnostic stopped(const Transfer& t) { return make_error("E118", t.asked, "fetch stopped (interrupted)"); }

  // Starts waiting transfers whose time has come, lowest input index first.
  void start_due() {
    const auto now = Clock::now();
    std::sort(waiting_.begin(), waiting_.end(), [](Transfer* a, Transfer* b) { return a->index < b->index; });
    for (auto it = waiting_.begin(); it != waiting_.end() && active_ < std::max(1, options_.parallel);) {
      if ((*it)->not_before > now) {
        ++it;
        continue;
      }
      start(**it);
      it = waiting_.erase(it);
    }
  }

  void start(Transfer& t) {
    t.body.clear();
    t.too_large = t.blocked = false;
    t.error_buffer[0] = '\0';
    ++t.requests;
    CURL* e = curl_easy_init();
    if (!e) {
      finish_error(t, make_error("E120", t.asked, "libcurl: cannot create a transfer"));
      return;
    }
    t.easy = e;
    curl_easy_setopt(e, CURLOPT_URL, t.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // followed in on_done(), each hop checked
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode (gzip, deflate, ...)
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error_buffer);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    if (options_.cancelled) {  // also inside curl_multi_perform, between two polls of run()
      curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, on_progress);
      curl_easy_setopt(e, CURLOPT_XFERINFODATA, &t);
      curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    }
    curl_multi_add_handle(multi_, e);
    ++active_;
  }

  void collect() {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi_, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
      const CURLcode code = m->data.result;
      on_done(*t, code);
    }
  }

  void release(Transfer& t) {
    curl_multi_remove_handle(multi_, t.easy);
    curl_easy_cleanup(t.easy);
    t.easy = nullptr;
    --active_;
  }

  void requeue(Transfer& t, long delay_ms) {
    t.not_before = Clock::now() + std::chrono::milliseconds(delay_ms);
    waiting_.push_back(&t);
  }

  void finish_error(Transfer& t, Diagnostic d) {
    FetchResult& r = results_[t.index];
    r.error = std::move(d);
    r.attempts = t.requests;
  }

  void on_done(Transfer& t, CURLcode code) {
    if (code != CURLE_OK) {
      const std::string detail = t.error_buffer[0] ? t.error_buffer : curl_easy_strerror(code);
      release(t);
      finish_error(t, error_for(t, code, detail));
      return;
    }
    long status = 0;
    char* content_type = nullptr;
    char* location = nullptr;
    curl_off_t retry_after = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(t.easy, CURLINFO_CONTENT_TYPE, &content_type);
    curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_URL, &location);
    curl_easy_getinfo(t.easy, CURLINFO_RETRY_AFTER, &retry_after);
    const std::string type = content_type ? content_type : "";
    const std::string target = location ? location : "";
    release(t);

    if (status >= 300 && status < 400 && !target.empty()) {
      if (t.redirects >= options_.max_redirects) {
        finish_error(t, make_error("E123", t.asked,
                                   "too many redirects (more than " + std::to_string(options_.max_redirects) +
                                       "; last to " + target + ")"));
        return;
      }
      if (!is_allowed_scheme(target)) {
        finish_error(t, make_error("E125", t.asked,
                                   "redirected to '" + target + "': only http and https URLs are fetched"));
        return;
      }
      ++t.redirects;
      t.url = target;
      requeue(t, 0);
      return;
    }
    if ((status == 429 || status >= 500) && t.retries < options_.retries) {
      long delay = options_.retry_delay_ms << std::min(t.retries, 16);
      if (retry_after > 0) delay = std::max(delay, static_cast<long>(retry_after) * 1000);
      delay = std::min(delay, options_.max_retry_after_ms);
      ++t.retries;
      requeue(t, delay);
      return;
    }
    if (status < 200 || status >= 300) {
      std::string message = "HTTP status " + std::to_string(status);
      if (t.url != t.asked) message += " from " + t.url;
      if (t.retries > 0) message += " after " + std::to_string(t.retries + 1) + " attempts";
      finish_error(t, make_error("E121", t.asked, message));
      return;
    }
    const ContentKind kind = classify_content_type(type, t.body);
    if (!kind.supported) {
      finish_error(t, make_error("E127", t.asked, "content type '" + type + "' is neither HTML nor text"));
      return;
    }
    FetchResult& r = results_[t.index];
    r.attempts = t.requests;
    RawInput raw;
    raw.meta.id = t.asked;
    raw.meta.url = t.url;
    raw.location = t.asked;
    raw.kind = kind.kind;
    raw.charset = kind.charset;
    raw.body = std::move(t.body);
    r.page = std::move(raw);
    last_content_types_[t.index] = type;
  }

  Diagnostic error_for(const Transfer& t, CURLcode code, const std::string& detail) const {
    if (t.too_large || code == CURLE_FILESIZE_EXCEEDED)
      return make_error("E124", t.asked, "body larger than " + std::to_string(options_.max_body_bytes) + " bytes");
    if (t.blocked)
      return make_error("E126", t.asked,
                        "refused to connect to " + t.blocked_address +
                            (t.url != t.asked ? " (after a redirect to " + t.url + ")" : std::string()) +
                            ": loopback, private or link-local address; use --allow-private to fetch it");
    switch (code) {
      case CURLE_ABORTED_BY_CALLBACK:
        return stopped(t);
      case CURLE_OPERATION_TIMEDOUT:
        return make_error("E122", t.asked, "timed out (" + detail + ")");
      case CURLE_UNSUPPORTED_PROTOCOL:
        return make_error("E125", t.asked, "only http and https URLs are fetched");
      case CURLE_URL_MALFORMAT:
        return make_error("E129", t.asked, "malformed URL (" + detail + ")");
      case CURLE_COULDNT_RESOLVE_HOST:
        return make_error("E120", t.asked, "cannot resolve host (" + detail + ")");
      default:
        return make_error("E120", t.asked, "cannot fetch: " + detail);
    }
  }

 public:
  std::vector<std::string> last_content_types_;

 private:
  const FetchOptions& options_;
  std::vector<FetchResult>& results_;
  CURLM* multi_;
  std::vector<std::unique_ptr<Transfer>> transfers_;
  std::vector<Transfer*> waiting_;
  int active_ = 0;
};

}  // namespace

ContentKind classify_content_type(const std::string& content_type, const std::string& body) {
  ContentKind k;
  const std::string t = lower(content_type);
  const std::string mime = trim(t.substr(0, t.find(';')));
  if (auto p = t.find("charset="); p != std::string::npos) k.charset = trim(t.substr(p + 8, t.find(';', p) - p - 8));
  if (mime.empty()) {
    k.supported = true;
    k.kind = looks_like_html(body) ? InputKind::Html : InputKind::Text;
  } else if (mime == "text/html" || mime == "application/xhtml+xml") {
    k.supported = true;
    k.kind = InputKind::Html;
  } else if (mime.starts_with("text/")) {
    k.supported = true;
    k.kind = InputKind::Text;
  }
  return k;
}

UrlFetcher::UrlFetcher(FetchOptions options) : options_(std::move(options)) { global_init(); }

std::vector<FetchResult> UrlFetcher::fetch_all(const std::vector<std::string>& urls) const {
  std::vector<FetchResult> results(urls.size());
  const PageCache cache(options_.cache_dir);
  MultiRun run(options_, results);
  bool any = false;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const std::string& url = urls[i];
    if (!is_allowed_scheme(url)) {
      results[i].error = url_scheme(url).empty()
                             ? make_error("E129", url, "not a URL (expected http:// or https://)")
                             : make_error("E125", url, "scheme '" + url_scheme(url) +
                                                           "' refused: only http and https URLs are fetched");
      continue;
    }
    if (!options_.refresh) {
      std::string problem;
      auto hit = cache.load(url, options_.max_body_bytes, &problem);
      if (!problem.empty())
        results[i].warning = make_warning("W119", url, "cached page " + cache.path_for(url).string() + " not used (" +
                                                           problem + "); fetched again");
      if (hit) {
        const ContentKind kind = classify_content_type(hit->content_type, hit->body);
        if (kind.supported) {
          RawInput raw;
          raw.meta.id = url;
          raw.meta.url = hit->final_url.empty() ? url : hit->final_url;
          raw.location = url;
          raw.kind = kind.kind;
          raw.charset = kind.charset;
          raw.body = std::move(hit->body);
          results[i].page = std::move(raw);
          results[i].from_cache = true;
          continue;
        }
      }
    }
    run.add(i, url);
    any = true;
  }
  if (!any) return results;
  run.run();
  const std::string now = utc_timestamp();
  for (std::size_t i = 0; i < urls.size(); ++i) {
    FetchResult& r = results[i];
    if (!r.page || r.from_cache || !cache.enabled()) continue;
    CachedPage page{urls[i], r.page->meta.url, run.last_content_types_[i], now, r.page->body};
    if (!cache.store(page))
      r.warning = make_warning("E128", urls[i], "could not write the page to the cache " + options_.cache_dir.string());
  }
  return results;
}

}  // namespace kgraph::extract::fetch
