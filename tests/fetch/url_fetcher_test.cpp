// UrlFetcher against tests/fetch/test_server.py on 127.0.0.1: one outcome per
// case the issue names, the input order of results, and the page cache.
#include <chrono>
#include <filesystem>
#include <fstream>

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

  auto cached = PageCache(dir).load(url("/text"));
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(cached->final_url, url("/text"));
  EXPECT_FALSE(cached->fetched_at.empty());
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().extension(), ".page") << e.path();
  // A truncated file is a miss, not a short page.
  const fs::path file = PageCache(dir).path_for(url("/text"));
  fs::resize_file(file, fs::file_size(file) - 5);
  EXPECT_FALSE(PageCache(dir).load(url("/text")));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::extract::fetch
