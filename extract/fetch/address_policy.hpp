// Which URLs and peer addresses the fetcher may reach. Kept apart from curl so
// the rules are testable without a network: only http and https, and by
// default no loopback, private, link-local, shared (CGNAT), multicast or
// unspecified addresses, so a URL list cannot make kgraph probe the machine it
// runs on or its local network (SSRF). `--allow-private` lifts the address rule.
#pragma once

#include <string>
#include <string_view>

struct sockaddr;

namespace kgraph::extract::fetch {

// "http" or "https" (lower-cased) when `url` starts with one of them followed
// by "://"; otherwise the scheme as written ("file", "ftp", "" when none).
std::string url_scheme(std::string_view url);
bool is_allowed_scheme(std::string_view url);

// True for addresses a public fetch must not reach: 0.0.0.0/8, 10/8,
// 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16, 224/4 and above; ::,
// ::1, fc00::/7, fe80::/10, ff00::/8, and IPv4-mapped forms of the above.
// Unknown address families count as private (refused).
bool is_private_address(const sockaddr* address);

// The numeric form of an address for messages ("127.0.0.1", "::1").
std::string address_text(const sockaddr* address);

}  // namespace kgraph::extract::fetch
