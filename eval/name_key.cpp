#include "eval/name_key.hpp"

#include <array>
#include <cstdlib>

#include <utf8proc.h>

namespace kgraph::eval {
namespace {

// UTF-8 spellings replaced before folding.
constexpr std::array<std::string_view, 5> kApostrophes = {"\u2019", "\u2018", "\u02BC", "`", "\u00B4"};
constexpr std::string_view kNoBreakSpace = "\u00A0";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string fold_case(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) {  // not UTF-8: fold ASCII only rather than fail the whole evaluation
    std::string ascii = s;
    for (char& c : ascii)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ascii;
  }
  std::string folded(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return folded;
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string s;
  s.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    bool replaced = false;
    for (std::string_view a : kApostrophes)
      if (name.substr(i).starts_with(a)) {
        s.push_back('\'');
        i += a.size();
        replaced = true;
        break;
      }
    if (replaced) continue;
    if (name.substr(i).starts_with(kNoBreakSpace)) {
      s.push_back(' ');
      i += kNoBreakSpace.size();
      continue;
    }
    s.push_back(name[i++]);
  }
  std::string out;
  out.reserve(s.size());
  for (char c : fold_case(s)) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace kgraph::eval
