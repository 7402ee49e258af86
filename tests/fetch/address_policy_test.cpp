#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include "extract/fetch/address_policy.hpp"
#include "extract/fetch/url_fetcher.hpp"

namespace kgraph::extract::fetch {
namespace {

bool private_v4(const char* text) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  ::inet_pton(AF_INET, text, &a.sin_addr);
  return is_private_address(reinterpret_cast<const sockaddr*>(&a));
}

bool private_v6(const char* text) {
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  ::inet_pton(AF_INET6, text, &a.sin6_addr);
  return is_private_address(reinterpret_cast<const sockaddr*>(&a));
}

TEST(AddressPolicy, RefusesLoopbackPrivateLinkLocal) {
  for (const char* a : {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                        "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255"})
    EXPECT_TRUE(private_v4(a)) << a;
  for (const char* a : {"::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
                        "::ffff:192.168.0.1"})
    EXPECT_TRUE(private_v6(a)) << a;
}

TEST(AddressPolicy, AllowsPublic) {
  for (const char* a : {"8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1", "93.184.216.34"})
    EXPECT_FALSE(private_v4(a)) << a;
  for (const char* a : {"2001:4860:4860::8888", "::ffff:8.8.8.8"}) EXPECT_FALSE(private_v6(a)) << a;
}

TEST(AddressPolicy, OnlyHttpAndHttps) {
  EXPECT_TRUE(is_allowed_scheme("http://example.org/"));
  EXPECT_TRUE(is_allowed_scheme("HTTPS://example.org/"));
  EXPECT_FALSE(is_allowed_scheme("file:///etc/passwd"));
  EXPECT_FALSE(is_allowed_scheme("ftp://example.org/"));
  EXPECT_FALSE(is_allowed_scheme("gopher://example.org/"));
  EXPECT_FALSE(is_allowed_scheme("example.org"));
  EXPECT_EQ(url_scheme("FTP://x"), "ftp");
}

TEST(ContentType, DecidesHtmlOrText) {
  auto html = classify_content_type("text/html; charset=ISO-8859-1", "");
  EXPECT_TRUE(html.supported);
  EXPECT_EQ(html.kind, InputKind::Html);
  EXPECT_EQ(html.charset, "iso-8859-1");
  EXPECT_EQ(classify_content_type("application/xhtml+xml", "").kind, InputKind::Html);
  auto text = classify_content_type("text/plain", "x");
  EXPECT_TRUE(text.supported);
  EXPECT_EQ(text.kind, InputKind::Text);
  EXPECT_FALSE(classify_content_type("image/png", "").supported);
  EXPECT_FALSE(classify_content_type("application/pdf", "").supported);
  EXPECT_EQ(classify_content_type("", "  <!DOCTYPE html><html>").kind, InputKind::Html);
  EXPECT_EQ(classify_content_type("", "Plain words").kind, InputKind::Text);
}

}  // namespace
}  // namespace kgraph::extract::fetch
