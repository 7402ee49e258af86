// Development tool for scripts/eval-html: extracts the main text of many pages
// in one process and writes OUT_DIR/<name>.txt for each input <name>.html, so
// the evaluation does not depend on the kgraph binary (which needs every module).
// usage: html_text_tool ONTOLOGY_DIR OUT_DIR FILE.html...
// Writes text and comments; HTML_TEXT_TOOL_COMMENTS=0 writes the text alone.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/html/html_article.hpp"
#include "extract/ingest/charset_decode.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: html_text_tool ONTOLOGY_DIR OUT_DIR FILE.html...\n";
    return 2;
  }
  namespace fs = std::filesystem;
  auto rules = kgraph::extract::html::HtmlRules::load(argv[1]);
  const char* mode = std::getenv("HTML_TEXT_TOOL_COMMENTS");
  bool with_comments = mode == nullptr || std::string(mode) != "0";
  fs::path out_dir = argv[2];
  fs::create_directories(out_dir);
  int failed = 0;
  for (int i = 3; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot open\n";
      ++failed;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    // The same decoding as kgraph text and extract: a page in another charset is read, not garbled.
    std::string page = buf.str(), charset;
    kgraph::extract::decode_html(page, charset);
    auto article = kgraph::extract::html::extract_article(page, rules, charset);
    std::ofstream out(out_dir / fs::path(argv[i]).filename().replace_extension(".txt"), std::ios::binary);
    // Text and comments, as extractors print them by default (the benchmark gold has both).
    out << article.text;
    if (!with_comments || article.comments.empty()) continue;
    out << "\n\n" << article.comments;
  }
  return failed == 0 ? 0 : 1;
}
