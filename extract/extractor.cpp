#include "extract/extractor.hpp"

#include <charconv>

#include "extract/analysis.hpp"
#include "extract/clean/outlet_finder.hpp"
#include "extract/clean/text_cleaner.hpp"
#include "extract/entities/entity_resolver.hpp"
#include "extract/entities/mention_finder.hpp"
#include "extract/entities/quote_attribution.hpp"
#include "extract/entities/written_name.hpp"
#include "extract/html/date_parser.hpp"
#include "extract/html/html_article.hpp"
#include "extract/lexicon/lexicon.hpp"
#include "extract/lexicon/outlet_table.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/match/sentence_parses.hpp"
#include "extract/syntax/syntax_model.hpp"
#include "extract/profile/stage_profile.hpp"
#include "extract/ner/ner_tagger.hpp"
#include "extract/relations/relation_finder.hpp"
#include "extract/relations/relation_scorer.hpp"
#include "extract/text/sentence_splitter.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

void split_text(Analysis& a) {
  Document& doc = a.doc;
  std::vector<std::uint32_t> starts;
  if (doc.tokens.empty()) {
    doc.tokens.reserve(doc.text.size() / 5 + 16);  // about one token per 5-6 bytes of news text
    for (const Span& block : doc.content) a.lex.tokenizer().tokenize(doc.text, block, doc.tokens);
  }  // else the cleaner has tokenised the content blocks already
  std::size_t next = 0;
  for (const Span& block : doc.content) {
    const std::size_t first = next;
    while (next < doc.tokens.size() && doc.tokens[next].begin < block.end) ++next;
    split_sentences(doc.text, doc.tokens, first, next, starts);
  }
  doc.sentence_first_token = starts;
  doc.sentence_first_token.push_back(static_cast<std::uint32_t>(doc.tokens.size()));
  for (std::size_t s = 0; s + 1 < doc.sentence_first_token.size(); ++s)
    doc.sentences.push_back({doc.tokens[doc.sentence_first_token[s]].begin, doc.tokens[doc.sentence_first_token[s + 1] - 1].end});

  a.tokens.resize(doc.tokens.size());
  for (std::size_t s = 0; s + 1 < doc.sentence_first_token.size(); ++s)
    for (std::uint32_t i = doc.sentence_first_token[s]; i < doc.sentence_first_token[s + 1]; ++i) {
      TokenInfo& t = a.tokens[i];
      std::string_view w = doc.tokens[i].of(doc.text);
      t.key.clear();
      append_normalized_key(w, t.key);
      t.key_hash = key_hash(t.key);
      t.vocab = a.lex.vocab(t.key_hash, t.key);
      t.upper = starts_upper(w);
      t.caps = is_all_caps(w);
      t.sentence = static_cast<int>(s);
      t.sentence_start = i == doc.sentence_first_token[s];
    }
}

// A country the document names only by its adjective ("Iranian influence", "British officials")
// and that takes part in no relation is evidence of nothing the graph shows; on realnews-train
// such nodes were wrong (not annotated as an entity) more than twice as often as right.
// A demonym that does act ("Turkish officers met ...") reaches a relation and is kept.
bool demonym_only_bystander(const Analysis& a, std::size_t e, const std::vector<bool>& in_relation) {
  const EntityDraft& d = a.entities[e];
  if (d.type != EntityType::Country || in_relation[e] || d.mentions.empty()) return false;
  for (int mi : d.mentions) {
    const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
    if (m.source != MentionSource::Gazetteer || m.kind != LexKind::Demonym) return false;
  }
  return true;
}

// Requires: relations (and candidates) hold indices into a.entities. Guarantees: the
// extraction's entities are a.entities less the demonym-only bystanders, numbered e1.. in
// order, and every relation's head, tail and "place" point to the same entities as before.
Extraction to_extraction(const Analysis& a, bool keep_text) {
  Extraction x;
  x.meta = a.doc.meta;
  std::vector<bool> in_relation(a.entities.size(), false);
  for (const auto* list : {&a.relations, &a.candidates})
    for (const Relation& r : *list)
      for (int e : {r.head, r.tail})
        if (e >= 0 && static_cast<std::size_t>(e) < in_relation.size()) in_relation[static_cast<std::size_t>(e)] = true;
  std::vector<int> new_index(a.entities.size(), -1);
  for (std::size_t e = 0; e < a.entities.size(); ++e) {
    if (demonym_only_bystander(a, e, in_relation)) continue;
    const EntityDraft& d = a.entities[e];
    new_index[e] = static_cast<int>(x.entities.size());
    Entity out;
    out.id = "e" + std::to_string(x.entities.size() + 1);
    out.type = d.type;
    // (the id is looked up by the lists' canonical name, "Türkiye"; the name shown is the one news
    // writes, "Turkey", or the fullest the document writes: written_name.hpp)
    out.wikidata = a.lex.world().wikidata(d.name, out.type);
    out.name = written_name(a, d);
    if (out.name == d.name) out.name = a.lex.news_name(d.name);
    for (int mi : d.mentions) {
      const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
      Span span = a.span_of(m.first, m.last);
      out.mentions.push_back(Mention{span, std::string(span.of(a.doc.text))});
    }
    x.entities.push_back(std::move(out));
  }
  x.relations = a.relations;
  x.relations.insert(x.relations.end(), a.candidates.begin(), a.candidates.end());
  for (Relation& r : x.relations) {
    for (int* e : {&r.head, &r.tail})
      if (*e >= 0 && static_cast<std::size_t>(*e) < new_index.size()) *e = new_index[static_cast<std::size_t>(*e)];
    auto place = r.attributes.find("place");  // "e7": an entity of this document by id
    if (place == r.attributes.end()) continue;
    const std::string& id = place->second;
    std::size_t n = 0;
    const bool is_id = id.size() > 1 && id[0] == 'e' &&
                       std::from_chars(id.data() + 1, id.data() + id.size(), n).ptr == id.data() + id.size();
    if (is_id && n >= 1 && n <= new_index.size() && new_index[n - 1] >= 0)
      place->second = "e" + std::to_string(new_index[n - 1] + 1);
    else if (is_id)
      r.attributes.erase(place);  // its entity was left out: no dangling id
  }
  if (keep_text) x.text = a.doc.text;
  return x;
}

}  // namespace

Extractor::Extractor(const std::filesystem::path& ontology_dir, ExtractorOptions options)
    : lexicon_(std::make_unique<Lexicon>(Lexicon::load(ontology_dir))),
      html_rules_(std::make_unique<html::HtmlRules>(html::HtmlRules::load(ontology_dir))),
      outlets_(std::make_unique<OutletTable>(OutletTable::load(ontology_dir))),
      options_(options) {
  // The statistical tagger is optional: without its model the rules and gazetteers still run.
  const auto model = ontology_dir / "models" / "ner-conll2003.model";
  if (options_.use_tagger && std::filesystem::exists(model))
    tagger_ = std::make_unique<ner::NerTagger>(ner::NerTagger::load(model, ontology_dir));
  const auto syntax_model = ontology_dir / "models" / "syntax-en-ewt.model";
  if (std::filesystem::exists(syntax_model) && std::filesystem::exists(ontology_dir / "relations" / "rules.tsv")) {
    syntax_ = std::make_unique<syntax::SyntaxModel>(syntax::SyntaxModel::read(syntax_model));
    rules_ = std::make_unique<match::RuleSet>(
        match::RuleSet::load(ontology_dir / "relations", *lexicon_, syntax_->label_names(), syntax_->tag_names()));
    const auto scorer_model = ontology_dir / "models" / "relation-scorer.tsv";
    if (std::filesystem::exists(scorer_model)) scorer_ = std::make_unique<RelationScorer>(RelationScorer::load(scorer_model));
  }
}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;

namespace {

// Title, date and outlet from the text's own header lines, where the input did not give them.
// Requires: clean_text has filled doc.content.
void fill_meta_from_text(Document& doc, const CleanResult& cleaned, const OutletTable& outlets) {
  if (doc.meta.title.empty() && !cleaned.title.empty()) doc.meta.title = std::string(cleaned.title.of(doc.text));
  if (doc.meta.date.empty() && !cleaned.date_line.empty())
    if (auto d = html::parse_date(cleaned.date_line)) doc.meta.date = *d;
  if (doc.meta.source.empty() && !cleaned.author_line.empty() && cleaned.author_line.find('.') != std::string::npos &&
      cleaned.author_line.find(' ') == std::string::npos)
    doc.meta.source = cleaned.author_line;  // "Author: example.com" names the outlet
  if (doc.meta.source.empty()) doc.meta.source = find_outlet(doc, outlets);  // dateline, byline, URL host
}

}  // namespace

Extraction Extractor::extract(Document doc) const {
  using profile::Stage;
  using profile::StageTimer;
  Analysis a(doc, *lexicon_);
  if (doc.content.empty()) {  // prepare() has cleaned already
    StageTimer t(Stage::Clean);
    CleanResult cleaned = clean_text(doc, *lexicon_);
    fill_meta_from_text(doc, cleaned, *outlets_);
  }
  {
    StageTimer t(Stage::Tokenize);
    split_text(a);
  }
  {
    StageTimer t(Stage::Entities);  // the tagger's share is timed inside find_mentions
    find_mentions(a, options_.use_tagger ? tagger_.get() : nullptr);
    resolve_entities(a);
  }
  {
    StageTimer t(Stage::Quotes);
    attribute_quotes(a);
  }
  {
    StageTimer t(Stage::Relations);  // parsing included: it is done for the relation rules alone
    if (syntax_ && rules_) {
      a.rules = rules_.get();
      a.scorer = scorer_.get();
      a.write_candidates = options_.write_candidates;
      match::select_trigger_sentences(a, *syntax_);  // parsed when find_relations first needs them
    }
    find_relations(a);
  }
  StageTimer t(Stage::Serialise);
  return to_extraction(a, options_.keep_text);
}

std::optional<Extraction> Extractor::extract(RawInput raw, Diagnostic& error) const {
  std::optional<Document> doc = prepare(std::move(raw), error);
  if (!doc) return std::nullopt;
  return extract(std::move(*doc));
}

std::optional<Extraction> Extractor::extract(Document doc, Diagnostic& error) const {
  const std::string id = doc.meta.id;
  Extraction x = extract(std::move(doc));
  std::size_t mentions = 0;
  for (const Entity& e : x.entities) mentions += e.mentions.size();
  if (mentions > options_.max_mentions) {
    error = make_error("E107", id,
                       std::to_string(mentions) + " entity mentions, past the limit of " +
                           std::to_string(options_.max_mentions) + " (--max-mentions)");
    return std::nullopt;
  }
  return x;
}

std::optional<Document> Extractor::prepare(RawInput raw, Diagnostic& error) const {
  Document doc;
  doc.meta = std::move(raw.meta);
  if (raw.kind == InputKind::Html) {
    profile::StageTimer t(profile::Stage::Html);
    html::HtmlArticle page = html::extract_article(raw.body, *html_rules_, raw.charset);
    if (page.depth > options_.max_html_depth) {
      error = make_error("E131", raw.location,
                         "HTML nested " + std::to_string(page.depth) + " elements deep, past the limit of " +
                             std::to_string(options_.max_html_depth) + " (--max-html-depth)");
      return std::nullopt;
    }
    if (page.text.empty()) {
      error = make_error("E130", raw.location, "no article text found in the page");
      return std::nullopt;
    }
    doc.text = std::move(page.text);
    if (doc.meta.title.empty()) doc.meta.title = page.title;
    if (doc.meta.date.empty()) doc.meta.date = page.date;
    if (doc.meta.source.empty()) doc.meta.source = page.source;
    if (doc.meta.author.empty()) doc.meta.author = page.author;
    if (doc.meta.url.empty()) doc.meta.url = page.canonical_url;
  } else {
    doc.text = std::move(raw.body);
  }
  // The reader has made every input UTF-8 (decoded or repaired, W141); this
  // only stops a document that reached the extractor some other way.
  if (!is_valid_utf8(doc.text)) {
    error = make_error("E104", raw.location, "text is not valid UTF-8");
    return std::nullopt;
  }
  if (doc.meta.date.size() > 10) doc.meta.date.resize(10);  // a date-time keeps its date
  // The metadata is complete before extraction, so a duplicate that is never
  // extracted (--dedupe) still records its own title, date and outlet.
  {
    profile::StageTimer t(profile::Stage::Clean);
    doc.content.clear();
    const CleanResult cleaned = clean_text(doc, *lexicon_);
    fill_meta_from_text(doc, cleaned, *outlets_);
  }
  // doc.content keeps the cleaned blocks, so extract(Document) does not clean again
  // (a text with no content left is cleaned again there and stays empty).
  return doc;
}

}  // namespace kgraph::extract
