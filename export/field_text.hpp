// How the graph writers spell values: strings made safe for XML 1.0, numbers
// in one fixed format so that the same graph always gives the same bytes.
#pragma once

#include <string>
#include <string_view>

namespace kgraph::exports {

// Drops what an XML 1.0 document cannot carry: invalid UTF-8 (overlong forms,
// surrogates, truncated sequences, stray continuation bytes), control
// characters other than tab/newline/CR, and U+FFFE/U+FFFF. Everything else,
// including RTL marks and other format characters, passes unchanged.
std::string xml_safe(std::string_view s);

// "%.6g", with -0 printed as 0: short, locale-free, round-trips well enough
// for analytics and layout, and byte-stable.
std::string format_number(double v);

}  // namespace kgraph::exports
