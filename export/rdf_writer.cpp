#include "export/rdf_writer.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <deque>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <serd/serd.h>

#include "export/slugs.hpp"
#include "export/text_escape.hpp"

namespace kgraph::exports {
namespace {

// The kg: terms must match ontology/kgraph.ttl (tests check every term used
// here is declared there); the others are fixed by their W3C/DCMI specs.
constexpr std::string_view kKg = "https://kgraph.example.org/ontology#";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
constexpr std::string_view kSchema = "https://schema.org/";
constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

std::string term(std::string_view ns, std::string_view local) { return std::string(ns) + std::string(local); }

// ---------------------------------------------------------------- values

std::string fixed(double value, int digits) {
  if (!std::isfinite(value)) value = 0;
  std::array<char, 64> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, digits);
  return std::string(buf.data(), r.ptr);
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "YYYY-MM-DD" naming a real day: only those may be typed xsd:date, or strict
// parsers reject the literal.
// Checked by hand, not with std::regex: it runs for every dated node, edge and
// assertion.
bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
}

// An xsd:dateTime for prov:generatedAtTime, or "" when `s` is neither a date
// nor a date-time (then the field is left out rather than mistyped).
std::string as_date_time(std::string_view s) {
  if (is_iso_date(s)) return std::string(s) + "T00:00:00Z";
  static const std::regex pattern(
      R"(\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  if (s.size() >= 10 && is_iso_date(s.substr(0, 10)) && std::regex_match(s.begin(), s.end(), pattern)) {
    return std::string(s);
  }
  return {};
}

// ---------------------------------------------------------------- IRIs

// Percent-encodes what may not appear in an IRI (spaces, controls, <>"{}|\^`,
// a '%' that starts no escape) and every non-ASCII byte, so the result is a
// plain URI every parser accepts.
std::string iri_safe(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::string valid = valid_utf8(text);
  auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    const bool escape_ok = c == '%' && i + 2 < valid.size() && is_hex(valid[i + 1]) && is_hex(valid[i + 2]);
    const bool bad = c <= 0x20 || c >= 0x7F || std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) !=
                                                   std::string_view::npos;
    if (bad || (c == '%' && !escape_ok)) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool has_scheme(std::string_view iri) {
  static const std::regex pattern(R"([A-Za-z][A-Za-z0-9+.\-]*:[^\s]+)");
  return std::regex_match(iri.begin(), iri.end(), pattern);
}

std::string base_of(const ExportOptions& options) {
  std::string base = iri_safe(options.base_iri);
  if (!has_scheme(base)) {
    throw std::invalid_argument("base IRI '" + options.base_iri + "' is not absolute (expected e.g. https://example.org/)");
  }
  if (base.back() != '/' && base.back() != '#') base += '/';
  return base;
}

// ---------------------------------------------------------------- serd

SerdNode serd_node(SerdType type, std::string_view value) {
  return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(value.data()), value.size());
}

// IRIs that are written many times (vocabulary terms, entities), each kept
// with its serd node so that serd measures it once, not at every statement.
// Nodes point into the strings; a deque never moves what it holds.
class IriStore {
 public:
  const SerdNode& add(std::string iri) {
    strings_.push_back(std::move(iri));
    nodes_.push_back(serd_node(SERD_URI, strings_.back()));
    return nodes_.back();
  }

 private:
  std::deque<std::string> strings_;
  std::deque<SerdNode> nodes_;
};

// Statements into serd, serd into the stream. Owns the serd writer and
// environment; the graph of the next statements is set with in_graph().
class Emitter {
 public:
  Emitter(std::ostream& out, RdfSyntax syntax) : out_(out), syntax_(syntax) {
    SerdSyntax serd_syntax = SERD_TURTLE;
    unsigned style = SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
    switch (syntax) {
      case RdfSyntax::Turtle: break;
      case RdfSyntax::TriG: serd_syntax = SERD_TRIG; break;
      case RdfSyntax::NTriples: serd_syntax = SERD_NTRIPLES; style = 0; break;
      case RdfSyntax::NQuads: serd_syntax = SERD_NQUADS; style = 0; break;
    }
    // BULK: serd collects its output in pages and calls the sink once per page,
    // not once per token; finish() flushes the last page.
    style |= SERD_STYLE_BULK;
    env_ = serd_env_new(nullptr);
    writer_ = serd_writer_new(serd_syntax, static_cast<SerdStyle>(style), env_, nullptr, &Emitter::sink, this);
    serd_writer_set_error_sink(writer_, &Emitter::on_error, this);
  }
  ~Emitter() {
    serd_writer_free(writer_);
    serd_env_free(env_);
  }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  bool quads() const { return syntax_ == RdfSyntax::NQuads || syntax_ == RdfSyntax::TriG; }

  void prefix(const std::string& name, const std::string& iri) {
    if (syntax_ != RdfSyntax::Turtle && syntax_ != RdfSyntax::TriG) return;
    const SerdNode n = serd_node(SERD_LITERAL, name), u = serd_node(SERD_URI, iri);
    check(serd_writer_set_prefix(writer_, &n, &u));
  }
  // "" is the default graph. Ignored in the triple syntaxes.
  void in_graph(std::string graph) {
    graph_ = quads() ? std::move(graph) : std::string();
    graph_node_ = serd_node(SERD_URI, graph_);
  }

  void link(const SerdNode& s, const SerdNode& p, const SerdNode& o) { statement(s, p, o, nullptr); }
  void link(const SerdNode& s, const SerdNode& p, std::string_view o) { statement(s, p, serd_node(SERD_URI, o), nullptr); }
  // Input text: made valid UTF-8 here (copied only when it is not); serd escapes the rest.
  void text(const SerdNode& s, const SerdNode& p, std::string_view value) {
    std::string storage;
    statement(s, p, serd_node(SERD_LITERAL, as_valid_utf8(value, storage)), nullptr);
  }
  void typed(const SerdNode& s, const SerdNode& p, std::string_view value, const SerdNode& datatype) {
    statement(s, p, serd_node(SERD_LITERAL, value), &datatype);
  }
  void integer(const SerdNode& s, const SerdNode& p, long long value, const SerdNode& xsd_integer) {
    std::array<char, 24> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    typed(s, p, std::string_view(buf.data(), static_cast<std::size_t>(r.ptr - buf.data())), xsd_integer);
  }

  void finish() {
    check(serd_writer_finish(writer_));
    out_.flush();
    if (!out_) throw std::runtime_error("RDF writer: output stream failed");
  }

 private:
  void statement(const SerdNode& s, const SerdNode& p, const SerdNode& o, const SerdNode* datatype) {
    check(serd_writer_write_statement(writer_, 0, graph_.empty() ? nullptr : &graph_node_, &s, &p, &o, datatype,
                                      nullptr));
  }
  void check(SerdStatus status) {
    if (status != SERD_SUCCESS || !error_.empty()) {
      throw std::runtime_error("RDF writer: " + (error_.empty() ? std::string(reinterpret_cast<const char*>(
                                                                       serd_strerror(status)))
                                                                 : error_));
    }
  }
  static size_t sink(const void* buf, size_t len, void* stream) {
    auto* self = static_cast<Emitter*>(stream);
    self->out_.write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
    return self->out_ ? len : 0;
  }
  static SerdStatus on_error(void* handle, const SerdError* error) {
    auto* self = static_cast<Emitter*>(handle);
    std::array<char, 512> message{};
    std::vsnprintf(message.data(), message.size(), error->fmt, *error->args);
    if (self->error_.empty()) self->error_ = message.data();
    return SERD_SUCCESS;
  }

  std::ostream& out_;
  RdfSyntax syntax_;
  SerdEnv* env_ = nullptr;
  SerdWriter* writer_ = nullptr;
  std::string graph_;
  SerdNode graph_node_ = SERD_NODE_NULL;
  std::string error_;
};

// ---------------------------------------------------------------- content

bool is_fact(Modality m) { return m == Modality::Asserted || m == Modality::Reported; }

// Every vocabulary term the content uses, as serd nodes.
struct Vocabulary {
  explicit Vocabulary(IriStore& iris) {
    auto kg = [&](std::string_view local) -> const SerdNode& { return iris.add(term(kKg, local)); };
    for (int t = 0; t < kEntityTypeCount; ++t) entity_class[t] = &kg(to_string(static_cast<EntityType>(t)));
    for (int t = 0; t < kRelationTypeCount; ++t) relation_property[t] = &kg(to_string(static_cast<RelationType>(t)));
    for (int m = 0; m < kModalityCount; ++m) modality_name[m] = to_string(static_cast<Modality>(m));
  }
  std::array<const SerdNode*, kEntityTypeCount> entity_class{};
  std::array<const SerdNode*, kRelationTypeCount> relation_property{};
  std::array<std::string_view, kModalityCount> modality_name{};
};

class RdfContent {
 public:
  RdfContent(const graph::KnowledgeGraph& graph, Emitter& out, const ExportOptions& options, const RdfShared& shared)
      : graph_(graph), out_(out), options_(options), shared_(shared), base_(shared.base), slugs_(shared.slugs),
        generated_at_(as_date_time(options.generated_at)), vocabulary_(iris_) {}

  // graph_wide false: only the edges' statements (write_rdf_part).
  void write(bool graph_wide = true) {
    graph_wide_ = graph_wide;
    prefixes();
    if (graph_wide) {
      dataset();
      for (std::size_t i = 0; i < graph_.nodes().size(); ++i) entity(static_cast<int>(i));
    }
    for (const graph::Edge& e : graph_.edges()) relation(e);
    for (std::size_t i = 0; i < graph_.sources().size(); ++i) article(static_cast<int>(i));
    out_.finish();
  }

 private:
  const SerdNode& kg(std::string_view local) { return iris_.add(term(kKg, local)); }
  // An entity's IRI, made in `buffer` when it is written rather than held for
  // every node (a string per node in a large graph, and a serd node per writer
  // thread); the node is valid until `buffer` changes.
  SerdNode entity_iri(int node, std::string& buffer) const {
    buffer.assign(base_);
    buffer += "entity/";
    buffer += slugs_.nodes[static_cast<std::size_t>(node)];
    return serd_node(SERD_URI, buffer);
  }
  std::string article_iri(int source) const { return base_ + "article/" + std::string(slugs_.sources[source]); }
  std::string relation_local(const graph::Edge& e) const {
    std::string local(slugs_.nodes[e.head]);
    local += "--";
    local += to_string(e.type);
    local += "--";
    local += slugs_.nodes[e.tail];
    return local;
  }
  std::string relation_iri(const graph::Edge& e) const { return base_ + "relation/" + relation_local(e); }

  void prefixes() {
    for (const auto& [name, ns] : {std::pair{"kg", kKg}, {"rdf", kRdf}, {"rdfs", kRdfs}, {"xsd", kXsd},
                                   {"prov", kProv}, {"skos", kSkos}, {"dcterms", kDcterms}, {"schema", kSchema},
                                   {"owl", kOwl}, {"wd", kWikidata}}) {
      out_.prefix(name, std::string(ns));
    }
    for (const char* name : {"entity", "relation", "article", "assertion"}) {
      out_.prefix(name, base_ + name + "/");
    }
  }

  void dataset() {
    const std::string iri = base_ + "dataset";
    const SerdNode s = serd_node(SERD_URI, iri);
    out_.link(s, rdf_type_, kg("Dataset"));
    out_.text(s, iris_.add(term(kDcterms, "creator")), options_.generator);
    if (!generated_at_.empty()) out_.typed(s, prov_generated_, generated_at_, xsd_date_time_);
  }

  void dates(const SerdNode& s, const std::string& first, const std::string& last) {
    if (is_iso_date(first)) out_.typed(s, first_seen_, first, xsd_date_);
    if (is_iso_date(last)) out_.typed(s, last_seen_, last, xsd_date_);
  }
  void integer(const SerdNode& s, const SerdNode& p, long long value) { out_.integer(s, p, value, xsd_integer_); }
  void decimal(const SerdNode& s, const SerdNode& p, double value, int digits) {
    out_.typed(s, p, fixed(value, digits), xsd_decimal_);
  }

  void entity(int i) {
    const graph::Node n = graph_.nodes()[i];
    const SerdNode s = entity_iri(i, subject_iri_);
    out_.link(s, rdf_type_, *vocabulary_.entity_class[static_cast<std::size_t>(n.type)]);
    out_.text(s, rdfs_label_, n.name);
    for (const std::string& alias : n.aliases) out_.text(s, skos_alt_label_, alias);
    integer(s, mention_count_, n.mentions);
    integer(s, source_count_, static_cast<long long>(n.sources.size()));
    dates(s, n.first_seen, n.last_seen);
    integer(s, degree_, n.degree);
    decimal(s, weighted_degree_, n.weighted_degree, 3);
    decimal(s, pagerank_, n.pagerank, 6);
    decimal(s, betweenness_, n.betweenness, 6);
    integer(s, component_, n.component);
    // The join to Wikidata: the entity IRI and the Wikidata item name the same
    // thing. Only a well-formed id is written; it needs no escaping.
    if (is_wikidata_id(n.wikidata)) out_.link(s, owl_same_as_, term(kWikidata, n.wikidata));
  }

  void relation(const graph::Edge& e) {
    const std::string iri = relation_iri(e);
    const SerdNode s = serd_node(SERD_URI, iri);
    const SerdNode head = entity_iri(e.head, subject_iri_), tail = entity_iri(e.tail, object_iri_);
    const SerdNode& predicate = *vocabulary_.relation_property[static_cast<std::size_t>(e.type)];
    out_.link(s, rdf_type_, relation_class_);
    out_.link(s, rdf_subject_, head);
    out_.link(s, rdf_predicate_, predicate);
    out_.link(s, rdf_object_, tail);
    out_.text(s, modality_, vocabulary_.modality_name[static_cast<std::size_t>(e.modality)]);
    integer(s, weight_, std::llround(e.weight));
    for (const Modality m : graph::kModalityStrength)
      integer(s, *mentions_by_modality_[static_cast<std::size_t>(m)], e.mentions(m));
    integer(s, source_count_, e.source_count);
    integer(s, outlet_count_, e.outlet_count);
    dates(s, e.first_seen, e.last_seen);
    // Planned, negated and hypothetical relations stay reified: stating them
    // as a triple would assert what the text says did not (or not yet) happen.
    if (!is_fact(e.modality)) return;
    out_.link(head, predicate, tail);
    // Stores rarely reason over owl:SymmetricProperty; both directions let
    // plain SPARQL find the meeting from either side.
    if (is_symmetric(e.type) && e.head != e.tail) out_.link(tail, predicate, head);
  }

  void article(int source) {
    const DocumentMeta& m = graph_.sources()[source];
    const std::string iri = article_iri(source);
    const SerdNode s = serd_node(SERD_URI, iri);
    out_.in_graph(base_ + "graph/" + std::string(slugs_.sources[source]));
    if (graph_wide_) article_statements(m, s);
    // Assertion IRIs start with this article's (unique) slug, so a clash can
    // only be with another assertion of the same article, and of the same edge
    // (the IRI names it): every partition that holds the edge holds the clash.
    assertions_.clear();
    const auto at = static_cast<std::size_t>(source);
    for (std::uint32_t i = shared_.source_first[at]; i < shared_.source_first[at + 1]; ++i) {
      const graph::Support support = graph_.mention(shared_.by_source[i]);
      assertion(graph_.edges()[static_cast<std::size_t>(support.edge)], support, s);
    }
    out_.in_graph({});
  }

  void article_statements(const DocumentMeta& m, const SerdNode& s) {
    out_.link(s, rdf_type_, article_class_);
    out_.text(s, dcterms_identifier_, m.id);
    if (!m.title.empty()) out_.text(s, dcterms_title_, m.title);
    if (is_iso_date(m.date)) {
      out_.typed(s, dcterms_date_, m.date, xsd_date_);
    } else if (!m.date.empty()) {
      out_.text(s, dcterms_date_, m.date);
    }
    if (!m.source.empty()) out_.text(s, outlet_, m.source);
    if (!m.author.empty()) out_.text(s, dcterms_creator_, m.author);
    const std::string url = iri_safe(m.url);
    if (!m.url.empty() && has_scheme(url)) out_.link(s, schema_url_, url);
  }

  void assertion(const graph::Edge& e, const graph::Support& support, const SerdNode& article) {
    const graph::SupportEvidence& ev = support.evidence;
    std::string iri = base_ + "assertion/" + std::string(slugs_.sources[support.source]) + "/" + relation_local(e) + "/" +
                      std::to_string(ev.span.begin) + "-" + std::to_string(ev.span.end);
    const std::string unique_base = iri;
    for (int n = 2; !assertions_.insert(iri).second; ++n) iri = unique_base + "-" + std::to_string(n);
    const SerdNode s = serd_node(SERD_URI, iri);

    out_.link(s, rdf_type_, assertion_class_);
    out_.link(s, rdf_subject_, entity_iri(e.head, subject_iri_));
    out_.link(s, rdf_predicate_, *vocabulary_.relation_property[static_cast<std::size_t>(e.type)]);
    out_.link(s, rdf_object_, entity_iri(e.tail, object_iri_));
    const std::string relation = relation_iri(e);
    out_.link(s, assertion_of_, relation);
    out_.link(s, derived_from_, article);
    out_.text(s, modality_, vocabulary_.modality_name[static_cast<std::size_t>(support.modality)]);
    decimal(s, confidence_, support.confidence, 3);
    out_.text(s, evidence_text_, ev.text.str());
    integer(s, evidence_start_, ev.span.begin);
    integer(s, evidence_end_, ev.span.end);
    if (!ev.rule.empty()) out_.text(s, rule_, ev.rule);
    if (!ev.note.empty()) out_.text(s, resolution_note_, ev.note);
    if (auto it = support.attributes.find("title"); it != support.attributes.end() && !it->second.empty()) {
      out_.text(s, title_, it->second);
    }
    if (auto it = support.attributes.find("date"); it != support.attributes.end() && !it->second.empty()) {
      if (is_iso_date(it->second)) {
        out_.typed(s, event_date_, it->second, xsd_date_);
      } else {
        out_.text(s, event_date_, it->second);
      }
    }
    if (auto it = support.attributes.find("place"); it != support.attributes.end()) {
      const int place = graph_.find(it->second);
      if (place >= 0) out_.link(s, place_, entity_iri(place, object_iri_));
    }
    if (!generated_at_.empty()) out_.typed(s, prov_generated_, generated_at_, xsd_date_time_);
  }

  const graph::KnowledgeGraph& graph_;
  Emitter& out_;
  const ExportOptions& options_;
  const RdfShared& shared_;
  const std::string& base_;
  const GraphSlugs& slugs_;
  std::string generated_at_;
  IriStore iris_;
  Vocabulary vocabulary_;
  std::string subject_iri_, object_iri_;  // entity_iri()'s buffers: one per entity a statement names
  std::set<std::string> assertions_;  // IRIs given out in the current article
  bool graph_wide_ = true;

  const SerdNode& rdf_type_ = iris_.add(term(kRdf, "type"));
  const SerdNode& rdf_subject_ = iris_.add(term(kRdf, "subject"));
  const SerdNode& rdf_predicate_ = iris_.add(term(kRdf, "predicate"));
  const SerdNode& rdf_object_ = iris_.add(term(kRdf, "object"));
  const SerdNode& rdfs_label_ = iris_.add(term(kRdfs, "label"));
  const SerdNode& skos_alt_label_ = iris_.add(term(kSkos, "altLabel"));
  const SerdNode& xsd_integer_ = iris_.add(term(kXsd, "integer"));
  const SerdNode& xsd_decimal_ = iris_.add(term(kXsd, "decimal"));
  const SerdNode& xsd_date_ = iris_.add(term(kXsd, "date"));
  const SerdNode& xsd_date_time_ = iris_.add(term(kXsd, "dateTime"));
  const SerdNode& prov_generated_ = iris_.add(term(kProv, "generatedAtTime"));
  const SerdNode& derived_from_ = iris_.add(term(kProv, "wasDerivedFrom"));
  const SerdNode& dcterms_identifier_ = iris_.add(term(kDcterms, "identifier"));
  const SerdNode& dcterms_title_ = iris_.add(term(kDcterms, "title"));
  const SerdNode& dcterms_date_ = iris_.add(term(kDcterms, "date"));
  const SerdNode& dcterms_creator_ = iris_.add(term(kDcterms, "creator"));
  const SerdNode& schema_url_ = iris_.add(term(kSchema, "url"));
  const SerdNode& owl_same_as_ = iris_.add(term(kOwl, "sameAs"));
  const SerdNode& relation_class_ = kg("Relation");
  const SerdNode& article_class_ = kg("Article");
  const SerdNode& assertion_class_ = kg("RelationAssertion");
  const SerdNode& first_seen_ = kg("firstSeen");
  const SerdNode& last_seen_ = kg("lastSeen");
  const SerdNode& mention_count_ = kg("mentionCount");
  const SerdNode& source_count_ = kg("sourceCount");
  const SerdNode& outlet_count_ = kg("outletCount");
  const SerdNode& degree_ = kg("degree");
  const SerdNode& weighted_degree_ = kg("weightedDegree");
  const SerdNode& pagerank_ = kg("pagerank");
  const SerdNode& betweenness_ = kg("betweenness");
  const SerdNode& component_ = kg("component");
  const SerdNode& modality_ = kg("modality");
  const SerdNode& weight_ = kg("weight");
  const SerdNode& assertion_of_ = kg("assertionOf");
  const SerdNode& confidence_ = kg("confidence");
  const SerdNode& evidence_text_ = kg("evidenceText");
  const SerdNode& evidence_start_ = kg("evidenceStart");
  const SerdNode& evidence_end_ = kg("evidenceEnd");
  const SerdNode& rule_ = kg("rule");
  const SerdNode& resolution_note_ = kg("resolutionNote");
  const SerdNode& title_ = kg("title");
  const SerdNode& event_date_ = kg("eventDate");
  const SerdNode& place_ = kg("place");
  const SerdNode& outlet_ = kg("outlet");
  // kg:mentionsAsserted, ... indexed by Modality.
  const std::array<const SerdNode*, kModalityCount> mentions_by_modality_ = [this] {
    std::array<const SerdNode*, kModalityCount> out{};
    for (int m = 0; m < kModalityCount; ++m) {
      std::string local(to_string(static_cast<Modality>(m)));
      local[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(local[0])));
      out[static_cast<std::size_t>(m)] = &kg("mentions" + local);
    }
    return out;
  }();
};

}  // namespace

RdfShared::RdfShared(const graph::KnowledgeGraph& graph, const ExportOptions& options)
    : base(base_of(options)), slugs(graph_slugs(graph)) {
  // A counting sort by source that keeps edge order, then support order, within each.
  source_first.assign(graph.sources().size() + 1, 0);
  for (const graph::Edge& e : graph.edges())
    for (const graph::Support& support : e.support) ++source_first[static_cast<std::size_t>(support.source) + 1];
  for (std::size_t i = 1; i < source_first.size(); ++i) source_first[i] += source_first[i - 1];
  by_source.resize(source_first.back());
  std::vector<std::uint32_t> next(source_first.begin(), source_first.end() - 1);
  for (const graph::Edge& e : graph.edges())
    for (std::size_t i = 0; i < e.support.size(); ++i)
      by_source[next[static_cast<std::size_t>(e.support[i].source)]++] = e.support.first() + i;
}

void write_rdf(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax, const ExportOptions& options,
               const RdfShared& shared) {
  Emitter emitter(out, syntax);
  RdfContent(graph, emitter, options, shared).write();
}

void write_rdf_part(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax,
                    const ExportOptions& options, const RdfShared& shared, bool graph_wide) {
  Emitter emitter(out, syntax);
  RdfContent(graph, emitter, options, shared).write(graph_wide);
}

void write_rdf(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax, const ExportOptions& options) {
  write_rdf(graph, out, syntax, options, RdfShared(graph, options));
}

}  // namespace kgraph::exports
