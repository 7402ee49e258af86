#include "extract/fetch/address_policy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace kgraph::extract::fetch {
namespace {

bool private_v4(std::uint32_t a) {  // host byte order
  const std::uint32_t b0 = a >> 24, b1 = (a >> 16) & 0xff;
  return b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224 ||  // this-network, private, loopback, multicast+reserved
         (b0 == 100 && (b1 & 0xc0) == 64) ||                // 100.64/10 shared address space
         (b0 == 169 && b1 == 254) ||                        // link-local
         (b0 == 172 && (b1 & 0xf0) == 16) ||                // 172.16/12
         (b0 == 192 && b1 == 168);                          // 192.168/16
}

bool private_v6(const std::array<unsigned char, 16>& a) {
  static constexpr std::array<unsigned char, 12> mapped_prefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(a.data(), mapped_prefix.data(), mapped_prefix.size()) == 0) {
    const std::uint32_t v4 = (std::uint32_t{a[12]} << 24) | (std::uint32_t{a[13]} << 16) | (std::uint32_t{a[14]} << 8) | a[15];
    return private_v4(v4);
  }
  bool zero_prefix = true;  // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  for (int i = 0; i < 12; ++i) zero_prefix = zero_prefix && a[static_cast<std::size_t>(i)] == 0;
  if (zero_prefix) return true;
  return (a[0] & 0xfe) == 0xfc ||                  // fc00::/7 unique local
         (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||  // fe80::/10 link-local
         a[0] == 0xff;                               // multicast
}

}  // namespace

std::string url_scheme(std::string_view url) {
  const auto colon = url.find("://");
  if (colon == std::string_view::npos) return {};
  std::string scheme(url.substr(0, colon));
  for (char& c : scheme)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return scheme;
}

bool is_allowed_scheme(std::string_view url) {
  const std::string s = url_scheme(url);
  return s == "http" || s == "https";
}

bool is_private_address(const sockaddr* address) {
  if (!address) return true;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return private_v4(ntohl(in.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    std::array<unsigned char, 16> bytes{};
    std::memcpy(bytes.data(), &in6.sin6_addr, bytes.size());
    return private_v6(bytes);
  }
  return true;
}

std::string address_text(const sockaddr* address) {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (address && address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    if (::inet_ntop(AF_INET, &in.sin_addr, buffer, sizeof buffer)) return buffer;
  } else if (address && address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    if (::inet_ntop(AF_INET6, &in6.sin6_addr, buffer, sizeof buffer)) return buffer;
  }
  return "unknown address";
}

}  // namespace kgraph::extract::fetch
