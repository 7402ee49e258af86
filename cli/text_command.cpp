// kgraph text: the main text of HTML pages, as the extractor sees it, to check
// what a page will contribute before building a graph from it. With --explain,
// what the plain-text cleaner leaves out of a page's text or a text file, and why.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "extract/html/html_article.hpp"
#include "extract/html/html_article_json.hpp"
#include "extract/clean/text_cleaner.hpp"
#include "extract/ingest/charset_decode.hpp"
#include "extract/ingest/document_file.hpp"
#include "extract/lexicon/lexicon.hpp"
#include "ontology/diagnostic.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::cli {
namespace {

struct TextOptions {
  std::vector<std::string> files;
  std::string ontology;  // empty: find_ontology_dir's default
  bool json = false;
  bool comments = false;
  bool explain = false;
};

// 1-based line of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// One line per piece the cleaner drops: "FILE:LINE: removed (RULE): TEXT", LINE
// counted in the text the cleaner sees (the page's main text for HTML).
void explain_removals(const std::string& file, std::string text, const extract::Lexicon& lexicon) {
  Document doc;
  doc.text = std::move(text);
  extract::CleanResult cleaned = extract::clean_text(doc, lexicon);
  for (const extract::CleanRemoval& r : cleaned.removed)
    std::cout << file << ":" << line_of(doc.text, r.span.begin) << ": removed (" << r.rule << "): " << r.span.of(doc.text) << "\n";
}

int run_text(const TextOptions& o) {
  const auto rules = extract::html::HtmlRules::load(find_ontology_dir(o.ontology));  // DataFileError is a setup failure: exit 2
  std::unique_ptr<extract::Lexicon> lexicon;
  if (o.explain) lexicon = std::make_unique<extract::Lexicon>(extract::Lexicon::load(find_ontology_dir(o.ontology)));
  int failed = 0;
  bool first = true;
  for (const std::string& file : o.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << make_error("E101", file, "cannot open").format() << "\n";
      ++failed;
      continue;
    }
    std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A text file is cleaned as it is; a page first gives its main text.
    if (o.explain && !extract::looks_like_html(page) && file.find(".htm") == std::string::npos) {
      if (auto d = extract::decode_text(page, {}); d && d->worth_warning())
        std::cerr << make_warning("W141", file, d->describe()).format() << "\n";
      explain_removals(file, std::move(page), *lexicon);
      continue;
    }
    // The same decoding as build and extract: a page in another charset is read, not garbled.
    std::string charset;
    if (auto d = extract::decode_html(page, charset); d && d->worth_warning())
      std::cerr << make_warning("W141", file, d->describe()).format() << "\n";
    extract::html::HtmlArticle article = extract::html::extract_article(page, rules, charset);
    if (article.text.empty()) std::cerr << make_warning("E130", file, "no article text found in the page").format() << "\n";
    if (o.explain) {
      explain_removals(file, std::move(article.text), *lexicon);
      continue;
    }
    if (o.json) {
      std::cout << extract::html::to_json(article, file) << "\n";
      continue;
    }
    // Several pages: a header line per page so the output can be split again.
    if (o.files.size() > 1) std::cout << (first ? "" : "\n") << "==> " << file << " <==\n";
    first = false;
    std::cout << article.text << "\n";
    if (o.comments && !article.comments.empty()) std::cout << "\n" << article.comments << "\n";
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace

void add_text_command(CLI::App& app, CommandResult& result) {
  auto o = std::make_shared<TextOptions>();
  CLI::App* cmd = app.add_subcommand("text", "Print the main text of HTML pages (or their metadata and text as JSON)");
  cmd->add_option("FILE", o->files, "HTML files (or text files with --explain)")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--json", o->json, "One JSON object per page: file, title, date, source, author, canonical_url, language, text, comments");
  cmd->add_flag("--comments", o->comments, "Also print readers' comments after the text");
  cmd->add_flag("--explain", o->explain,
                "Print what the text cleaner drops, and by which rule, as FILE:LINE: removed (RULE): TEXT;\n"
                "FILE may also be a plain-text file");
  cmd->add_option("--ontology", o->ontology, "Folder with the vocabulary files (default: the bundled ontology/)");
  cmd->footer(command_footer(
      "each page's main text to stdout (a '==> FILE <==' line before each of several pages),\n"
      "or one JSON object per page with --json; no file.",
      "kgraph text page.html",
      "Exit codes: 0 every page read, 1 some pages unreadable (each named on stderr),\n"
      "2 usage error or an unreadable ontology file (FILE:LINE)."));
  cmd->callback([o, &result] {
    try {
      result.exit_code = run_text(*o);
    } catch (const DataFileError& e) {
      std::cerr << e.diagnostic.format() << "\n";
      result.exit_code = 2;
    }
  });
}

}  // namespace kgraph::cli
