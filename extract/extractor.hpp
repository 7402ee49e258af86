// The extract pipeline: one document in, one Extraction out.
//
//   clean -> sentences -> tokens -> mentions -> entities -> quotes -> relations
//
// Each stage is a function over the document's Analysis (extract/analysis.hpp)
// that needs what the stages before it added. An Extractor holds only read-only
// vocabulary and models, so one instance serves many threads.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "extract/ingest/input_reader.hpp"
#include "ontology/diagnostic.hpp"
#include "ontology/document.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::extract {

class Lexicon;
class OutletTable;
namespace ner {
class NerTagger;
}
namespace html {
class HtmlRules;
}
namespace syntax {
class SyntaxModel;
}
namespace match {
class RuleSet;
}
class RelationScorer;

struct ExtractorOptions {
  bool keep_text = false;        // copy the document text into the Extraction (--with-text)
  bool use_tagger = true;        // run the statistical NER model when it is present
  // Write every relation candidate of the learned scorer with its features, as a relation whose
  // rule is "candidate:<type>" (--relation-candidates; for scripts/train-relation-scorer). The
  // scorer adds nothing then: the other relations are the rules' alone.
  bool write_candidates = false;
  // Limits on hostile input; past one the document fails with a message (E131, E107).
  std::size_t max_html_depth = 200;   // element nesting of an HTML page (libxml2 itself stops at 256)
  std::size_t max_mentions = 20000;   // entity mentions in one document
};

class Extractor {
 public:
  // Loads ontology/lexicon and, when present, the NER and syntax models and the parse rules; throws DataFileError naming the file.
  Extractor(const std::filesystem::path& ontology_dir, ExtractorOptions options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;

  // `doc.text` must be valid UTF-8. Metadata already in doc.meta is kept; title
  // date and outlet are filled from the text when missing
  // (extract/clean/outlet_finder.hpp says where the outlet comes from). A document from prepare()
  // arrives with its content blocks and is not cleaned a second time.
  Extraction extract(Document doc) const;

  // A raw input as the reader delivers it: HTML pages are reduced to their main
  // text and metadata first. Returns nullopt with `error` set when nothing can be
  // extracted (a page with no article text, text that is not UTF-8).
  std::optional<Extraction> extract(RawInput raw, Diagnostic& error) const;

  // extract(Document), refusing a document with more than options.max_mentions
  // mentions: returns nullopt with `error` (E107, location doc.meta.id) set.
  std::optional<Extraction> extract(Document doc, Diagnostic& error) const;

  // The first half of extract(RawInput): the document text (HTML reduced to its
  // main text) and its complete metadata, without extracting anything. Lets a
  // caller look at the text (to find duplicates) before paying for extraction.
  std::optional<Document> prepare(RawInput raw, Diagnostic& error) const;

 private:
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<ner::NerTagger> tagger_;
  std::unique_ptr<html::HtmlRules> html_rules_;
  std::unique_ptr<OutletTable> outlets_;  // ontology/lexicon/outlets.tsv
  // The parser and the parse rules (ontology/models/syntax-en-ewt.model, ontology/relations/);
  // without the model the token-window rules run alone.
  std::unique_ptr<syntax::SyntaxModel> syntax_;
  std::unique_ptr<match::RuleSet> rules_;
  // The learned candidate scorer (ontology/models/relation-scorer.tsv), when present with the parser.
  std::unique_ptr<RelationScorer> scorer_;
  ExtractorOptions options_;
};

}  // namespace kgraph::extract
