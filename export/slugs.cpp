#include "export/slugs.hpp"

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <unordered_set>

#include <utf8proc.h>

#include "export/text_escape.hpp"
#include "ontology/hashing.hpp"

namespace kgraph::exports {
namespace {

// Latin letters that Unicode does not decompose into a base letter plus a
// mark, so STRIPMARK leaves them alone. Script-specific transliteration (of
// Cyrillic, say) is out of scope: such names take the hash fallback.
struct Fold {
  std::string_view from, to;
};
constexpr Fold kUndecomposable[] = {
    {"\xC3\xB8", "o"},  {"\xC5\x82", "l"},  {"\xC4\x91", "d"},  {"\xC3\xB0", "d"},
    {"\xC3\xA6", "ae"}, {"\xC5\x93", "oe"}, {"\xC3\xBE", "th"}, {"\xC4\xB1", "i"},
    {"\xC4\xA7", "h"},  {"\xC5\x8B", "ng"},
};

// Case-folded, decomposed, without combining marks (utf8proc).
std::string fold(const std::string& valid) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                          static_cast<utf8proc_ssize_t>(valid.size()), &mapped, options);
  if (n < 0) return valid;  // cannot happen on valid UTF-8; fall back to the input
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
  return out;
}

std::string fnv1a_hex(std::string_view text) {
  const std::uint64_t h = fnv1a(text);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int shift = 60; shift >= 32; shift -= 4) out += kHex[(h >> shift) & 0xF];
  return out;
}

}  // namespace

std::string slugify(std::string_view text) {
  const std::string valid = valid_utf8(text);
  const std::string folded = fold(valid);
  std::string slug;
  bool pending_dash = false;
  auto put = [&](std::string_view s) {
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug += s;
  };
  for (std::size_t i = 0; i < folded.size();) {
    const char c = folded[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(std::string_view(&folded[i], 1));
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {  // casefold already lowered these; kept for safety
      const char lower = static_cast<char>(c - 'A' + 'a');
      put(std::string_view(&lower, 1));
      ++i;
      continue;
    }
    bool matched = false;
    for (const Fold& f : kUndecomposable) {
      if (std::string_view(folded).substr(i, f.from.size()) == f.from) {
        put(f.to);
        i += f.from.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    pending_dash = true;
    ++i;
  }
  if (slug.empty()) return "x-" + fnv1a_hex(valid);
  return slug;
}

SlugTable unique_slug_table(std::size_t count, const std::function<std::string(std::size_t)>& text) {
  SlugTable out;
  // Slugs taken so far, as indices into `out`: a candidate is appended, and
  // taken back off when it was there before.
  auto hash = [&out](std::size_t i) { return std::hash<std::string_view>()(out[i]); };
  auto equal = [&out](std::size_t a, std::size_t b) { return out[a] == out[b]; };
  std::unordered_set<std::size_t, decltype(hash), decltype(equal)> taken(count, hash, equal);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string base = slugify(text(i));
    out.push_back(base);
    for (int n = 2; !taken.insert(i).second; ++n) {
      out.pop_back();
      out.push_back(base + "-" + std::to_string(n));
    }
  }
  out.shrink_to_fit();
  return out;
}

std::vector<std::string> unique_slugs(const std::vector<std::string>& texts) {
  const SlugTable table = unique_slug_table(texts.size(), [&](std::size_t i) { return texts[i]; });
  std::vector<std::string> out;
  out.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) out.emplace_back(table[i]);
  return out;
}

GraphSlugs graph_slugs(const graph::KnowledgeGraph& graph) {
  const auto& nodes = graph.nodes();
  const graph::DocumentTable& sources = graph.sources();
  return GraphSlugs{unique_slug_table(nodes.size(), [&](std::size_t i) { return std::string(nodes.name(i)); }),
                    unique_slug_table(sources.size(), [&](std::size_t i) { return sources.id(i); })};
}

}  // namespace kgraph::exports
