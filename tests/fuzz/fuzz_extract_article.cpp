// libFuzzer target: any bytes as a page, with and without a declared charset.
// Built by scripts/fuzz (clang, -fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/html/html_article.hpp"

using kgraph::extract::html::HtmlRules;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const HtmlRules rules = HtmlRules::load(KGRAPH_ONTOLOGY);
  std::string_view page(reinterpret_cast<const char*>(data), size);
  // The first byte picks a declared charset, so the conversion paths are fuzzed too.
  static constexpr std::string_view kCharsets[] = {"", "", "windows-1251", "iso-8859-1", "utf-8", "shift_jis", "bogus"};
  std::string_view charset;
  if (!page.empty()) {
    charset = kCharsets[static_cast<unsigned char>(page[0]) % std::size(kCharsets)];
    page.remove_prefix(1);
  }
  auto article = kgraph::extract::html::extract_article(page, rules, charset);
  (void)article;
  return 0;
}
