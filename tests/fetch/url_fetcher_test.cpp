// UrlFetcher against tests/fetch/test_server.py on 127.0.0.1: one outcome per
// case the issue names, the input order of results, and the page cache.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/fetch/page_cache.hpp"
#include "extract/fetch/url_fetcher.hpp"
#include "tests/fetch/local_server.hpp"

namespace kgraph::extract::fetch {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class FetchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new kgraph::testing::LocalServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static FetchOptions local_options() {
    FetchOptions o;
    o.allow_private = true;  // the test server is on 127.0.0.1
    o.timeout_ms = 2000;
    o.retry_delay_ms = 100;
    o.max_body_bytes = 100'000;
    return o;
  }
  static std::string url(const std::string& path) { return server_->url(path); }
  static FetchResult get(const std::string& path, FetchOptions o = local_options()) {
    return UrlFetcher(o).fetch(url(path));
  }
  static kgraph::testing::LocalServer* server_;
};
kgraph::testing::LocalServer* FetchTest::server_ = nullptr;

TEST_F(FetchTest, GoodPageIsHtmlWithCharset) {
  FetchResult r = get("/good");
  ASSERT_TRUE(r.page) << r.error.format();
  EXPECT_EQ(r.page->kind, InputKind::Html);
  EXPECT_EQ(r.page->charset, "utf-8");
  EXPECT_EQ(r.page->meta.id, url("/good"));
  EXPECT_THAT(r.page->body, HasSubstr("Stoltenberg meets Lavrov"));
}

TEST_F(FetchTest, PlainTextAndLatin1Charset) {
  FetchResult text = get("/text");
  ASSERT_TRUE(text.page);
  EXPECT_EQ(text.page->kind, InputKind::Text);
  FetchResult latin = get("/latin1");
  ASSERT_TRUE(latin.page);
  EXPECT_EQ(latin.page->charset, "iso-8859-1");
}

TEST_F(FetchTest, NotFoundIsE121) {
  FetchResult r = get("/404");
  ASSERT_FALSE(r.page);
  EXPECT_EQ(r.error.code, "E121");
  EXPECT_EQ(r.error.location, url("/404"));
  EXPECT_THAT(r.error.message, HasSubstr("404"));
  EXPECT_EQ(r.attempts, 1);  // a 404 is not retried
}

TEST_F(FetchTest, ServerErrorIsRetried) {
  FetchResult r = get("/flaky");
  ASSERT_TRUE(r.page) << r.error.format();
  EXPECT_EQ(r.attempts, 2);
}

TEST_F(FetchTest, RetryAfterIsHonouredThenGivesUp) {
  FetchOptions o = local_options();
  o.retries = 1;
  const auto t0 = std::chrono::steady_clock::now();
  FetchResult r = get("/always503", o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_FALSE(r.page);
  EXPECT_EQ(r.error.code, "E121");
  EXPECT_THAT(r.error.message, HasSubstr("503 after 2 attempts"));
  EXPECT_GE(seconds, 0.9);  // Retry-After: 1 beats the 100 ms backoff
}

TEST_F(FetchTest, SlowPageTimesOut) {
  FetchOptions o = local_options();
  o.timeout_ms = 500;
  FetchResult r = get("/slow", o);
  ASSERT_FALSE(r.page);
  EXPECT_EQ(r.error.code, "E122");
}

TEST_F(FetchTest, RedirectIsFollowedAndLoopStops) {
  FetchResult ok = get("/redirect");
  ASSERT_TRUE(ok.page);
  EXPECT_EQ(ok.page->meta.url, url("/good"));
  FetchResult loop = get("/loop");
  ASSERT_FALSE(loop.page);
  EXPECT_EQ(loop.error.code, "E123");
  EXPECT_EQ(loop.attempts, 6);  // the first request and 5 redirects
}

TEST_F(FetchTest, OversizedBodyIsE124WithOrWithoutLength) {
  EXPECT_EQ(get("/big").error.code, "E124");
  EXPECT_EQ(get("/big-stream").error.code, "E124");
}

TEST_F(FetchTest, GzipIsDecoded) {
  FetchResult r = get("/gzip");
  ASSERT_TRUE(r.page) << r.error.format();
  EXPECT_THAT(r.page->body, HasSubstr("<article>"));
}

TEST_F(FetchTest, OtherSchemesAreRefused) {
  FetchResult file = UrlFetcher(local_options()).fetch("file:///etc/passwd");
  EXPECT_EQ(file.error.code, "E125");
  EXPECT_EQ(file.attempts, 0);  // refused before any request
  EXPECT_EQ(get("/to-file").error.code, "E125");
}

TEST_F(FetchTest, LoopbackNeedsAllowPrivate) {
  FetchOptions o = local_options();
  o.allow_private = false;
  FetchResult r = get("/good", o);
  ASSERT_FALSE(r.page);
  EXPECT_EQ(r.error.code, "E126");
  EXPECT_THAT(r.error.message, HasSubstr("127.0.0.1"));
  EXPECT_THAT(r.error.message, HasSubstr("--allow-private"));
}

TEST_F(FetchTest, ImageIsE127) { EXPECT_EQ(get("/image").error.code, "E127"); }

TEST_F(FetchTest, ManyAtOnceInInputOrder) {
  FetchOptions o = local_options();
  o.parallel = 3;
  o.timeout_ms = 1000;
  const std::vector<std::string> paths{"/slow", "/good", "/404", "/text", "/gzip", "/loop", "/redirect"};
  std::vector<std::string> urls;
  for (const auto& p : paths) urls.push_back(url(p));
  std::vector<FetchResult> r = UrlFetcher(o).fetch_all(urls);
  ASSERT_EQ(r.size(), urls.size());
  EXPECT_EQ(r[0].error.code, "E122");
  EXPECT_TRUE(r[1].page);
  EXPECT_EQ(r[2].error.code, "E121");
  EXPECT_TRUE(r[3].page);
  EXPECT_TRUE(r[4].page);
  EXPECT_EQ(r[5].error.code, "E123");
  EXPECT_TRUE(r[6].page);
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r[i].page) { EXPECT_EQ(r[i].page->meta.id, urls[i]); }
  }
}

TEST_F(FetchTest, CacheServesRerunsAndRefreshRefetches) {
  const fs::path dir = fs::temp_directory_path() / ("kgraph-fetch-cache-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  FetchOptions o = local_options();
  o.cache_dir = dir;
  auto hits = [] { return std::stoi(get("/hits/text").page->body); };
  const int before = hits();
  FetchResult first = UrlFetcher(o).fetch(url("/text"));
  ASSERT_TRUE(first.page);
  EXPECT_FALSE(first.from_cache);
  FetchResult second = UrlFetcher(o).fetch(url("/text"));
  ASSERT_TRUE(second.page);
  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(second.page->body, first.page->body);
  EXPECT_EQ(second.page->kind, InputKind::Text);
  EXPECT_EQ(hits(), before + 1);
  o.refresh = true;
  FetchResult third = UrlFetcher(o).fetch(url("/text"));
  EXPECT_FALSE(third.from_cache);
  EXPECT_EQ(hits(), before + 2);

  auto cached = PageCache(dir).load(url("/text"), o.max_body_bytes);
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(cached->final_url, url("/text"));
  EXPECT_FALSE(cached->fetched_at.empty());
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().extension(), ".page") << e.path();
  // A truncated file is a miss, not a short page.
  const fs::path file = PageCache(dir).path_for(url("/text"));
  fs::resize_file(file, fs::file_size(file) - 5);
  std::string problem;
  EXPECT_FALSE(PageCache(dir).load(url("/text"), o.max_body_bytes, &problem));
  EXPECT_THAT(problem, HasSubstr("bytes follow"));
  fs::remove_all(dir);
}

// Rewrites the "body-bytes: N" line of a cache file.
void set_body_bytes(const fs::path& file, const std::string& value) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const auto at = bytes.find("\nbody-bytes: ");
  ASSERT_NE(at, std::string::npos);
  const auto end = bytes.find('\n', at + 1);
  bytes.replace(at + 13, end - at - 13, value);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// A cache file is input like any other: a damaged body-bytes (a huge number
// once made the reader allocate gigabytes, or throw bad_alloc) is a miss with
// a warning; the page is fetched again and the entry overwritten.
TEST_F(FetchTest, DamagedCacheEntryIsFetchedAgain) {
  const fs::path dir = fs::temp_directory_path() / ("kgraph-fetch-damaged-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  FetchOptions o = local_options();
  o.cache_dir = dir;
  ASSERT_TRUE(UrlFetcher(o).fetch(url("/good")).page);
  const fs::path file = PageCache(dir).path_for(url("/good"));
  for (const std::string value : {"99999999999999999", "18446744073709551615", "-1", "12abc", "", "1000000000"}) {
    set_body_bytes(file, value);
    FetchResult r = UrlFetcher(o).fetch(url("/good"));
    ASSERT_TRUE(r.page) << value << ": " << r.error.format();
    EXPECT_FALSE(r.from_cache) << value;
    ASSERT_TRUE(r.warning) << value;
    EXPECT_EQ(r.warning->code, "W119") << value;
    EXPECT_THAT(r.warning->message, HasSubstr("fetched again")) << value;
    // Overwritten with a sound entry: the next run takes it from the cache.
    FetchResult next = UrlFetcher(o).fetch(url("/good"));
    EXPECT_TRUE(next.from_cache) << value;
    EXPECT_FALSE(next.warning) << value;
    EXPECT_EQ(next.page->body, r.page->body);
  }
  // A body-bytes smaller than what follows is damage too (extra bytes appended).
  std::ofstream(file, std::ios::binary | std::ios::app) << "<script>appended</script>";
  FetchResult r = UrlFetcher(o).fetch(url("/good"));
  EXPECT_FALSE(r.from_cache);
  ASSERT_TRUE(r.warning);
  EXPECT_THAT(r.warning->message, HasSubstr("bytes follow"));
  fs::remove_all(dir);
}

// The fetch limits hold for cached pages: a body cached under a larger
// --max-body is not used under a smaller one; the live page is then refused
// as a fetch would be (E124).
TEST_F(FetchTest, CachedBodyPastMaxBodyIsNotUsed) {
  const fs::path dir = fs::temp_directory_path() / ("kgraph-fetch-limit-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  FetchOptions o = local_options();
  o.cache_dir = dir;
  o.max_body_bytes = 400'000;
  FetchResult first = UrlFetcher(o).fetch(url("/big"));
  ASSERT_TRUE(first.page) << first.error.format();
  EXPECT_EQ(first.page->body.size(), 300'000u);
  EXPECT_TRUE(UrlFetcher(o).fetch(url("/big")).from_cache);
  o.max_body_bytes = 100'000;
  FetchResult r = UrlFetcher(o).fetch(url("/big"));
  EXPECT_FALSE(r.page);
  EXPECT_FALSE(r.from_cache);
  EXPECT_EQ(r.error.code, "E124");
  ASSERT_TRUE(r.warning);
  EXPECT_EQ(r.warning->code, "W119");
  EXPECT_THAT(r.warning->message, HasSubstr("larger than the body limit of 100000 bytes"));
  fs::remove_all(dir);
}

// A cancel request ends a transfer that is waiting on a slow server, and a
// wait between retries, with E118 instead of running into the timeout.
TEST_F(FetchTest, CancelStopsASlowTransferAndARetryWait) {
  for (const std::string path : {"/slow/120", "/busy/120"}) {
    FetchOptions o = local_options();
    o.timeout_ms = 300'000;
    o.retries = 3;
    o.retry_delay_ms = 200'000;
    o.max_retry_after_ms = 200'000;
    std::atomic<bool> stop{false};
    o.cancelled = [&stop] { return stop.load(); };
    std::thread later([&stop] {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      stop = true;
    });
    FetchResult r = UrlFetcher(o).fetch(url(path));
    later.join();
    EXPECT_FALSE(r.page) << path;
    EXPECT_EQ(r.error.code, "E118") << path << ": " << r.error.format();
  }
}

}  // namespace
}  // namespace kgraph::extract::fetch
