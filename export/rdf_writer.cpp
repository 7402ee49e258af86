#include "export/rdf_writer.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
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
bool is_iso_date(std::string_view s) {
  static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(s.begin(), s.end(), pattern)) return false;
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
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
    const SerdNode n = node(SERD_LITERAL, name), u = node(SERD_URI, iri);
    check(serd_writer_set_prefix(writer_, &n, &u));
  }
  // "" is the default graph. Ignored in the triple syntaxes.
  void in_graph(std::string graph) { graph_ = quads() ? std::move(graph) : std::string(); }

  void link(const std::string& s, const std::string& p, const std::string& o) {
    statement(s, p, node(SERD_URI, o), nullptr);
  }
  // Input text: made valid UTF-8 here; serd escapes the rest.
  void text(const std::string& s, const std::string& p, std::string_view value) {
    const std::string valid = valid_utf8(value);
    statement(s, p, node(SERD_LITERAL, valid), nullptr);
  }
  void typed(const std::string& s, const std::string& p, const std::string& value, std::string_view xsd_type) {
    const std::string type = term(kXsd, xsd_type);
    const SerdNode t = node(SERD_URI, type);
    statement(s, p, node(SERD_LITERAL, value), &t);
  }
  void integer(const std::string& s, const std::string& p, long long value) {
    typed(s, p, std::to_string(value), "integer");
  }
  void decimal(const std::string& s, const std::string& p, double value, int digits) {
    typed(s, p, fixed(value, digits), "decimal");
  }

  void finish() {
    check(serd_writer_finish(writer_));
    out_.flush();
    if (!out_) throw std::runtime_error("RDF writer: output stream failed");
  }

 private:
  static SerdNode node(SerdType type, const std::string& value) {
    return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(value.data()), value.size());
  }
  void statement(const std::string& s, const std::string& p, const SerdNode& o, const SerdNode* datatype) {
    const SerdNode sn = node(SERD_URI, s), pn = node(SERD_URI, p), gn = node(SERD_URI, graph_);
    check(serd_writer_write_statement(writer_, 0, graph_.empty() ? nullptr : &gn, &sn, &pn, &o, datatype, nullptr));
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
  std::string error_;
};

// ---------------------------------------------------------------- content

bool is_fact(Modality m) { return m == Modality::Asserted || m == Modality::Reported; }

class RdfContent {
 public:
  RdfContent(const graph::KnowledgeGraph& graph, Emitter& out, const ExportOptions& options)
      : graph_(graph), out_(out), options_(options), base_(base_of(options)), slugs_(graph_slugs(graph)),
        generated_at_(as_date_time(options.generated_at)), by_source_(graph.sources().size()) {
    for (const graph::Edge& e : graph.edges()) {
      for (const graph::Support& support : e.support) by_source_.at(support.source).emplace_back(&e, &support);
    }
  }

  void write() {
    prefixes();
    dataset();
    for (std::size_t i = 0; i < graph_.nodes().size(); ++i) entity(static_cast<int>(i));
    for (const graph::Edge& e : graph_.edges()) relation(e);
    for (std::size_t i = 0; i < graph_.sources().size(); ++i) article(static_cast<int>(i));
    out_.finish();
  }

 private:
  std::string entity_iri(int node) const { return base_ + "entity/" + slugs_.nodes[node]; }
  std::string article_iri(int source) const { return base_ + "article/" + slugs_.sources[source]; }
  std::string relation_local(const graph::Edge& e) const {
    return slugs_.nodes[e.head] + "--" + std::string(to_string(e.type)) + "--" + slugs_.nodes[e.tail];
  }
  std::string relation_iri(const graph::Edge& e) const { return base_ + "relation/" + relation_local(e); }

  void prefixes() {
    for (const auto& [name, ns] : {std::pair{"kg", kKg}, {"rdf", kRdf}, {"rdfs", kRdfs}, {"xsd", kXsd},
                                   {"prov", kProv}, {"skos", kSkos}, {"dcterms", kDcterms}, {"schema", kSchema}}) {
      out_.prefix(name, std::string(ns));
    }
    for (const char* name : {"entity", "relation", "article", "assertion"}) {
      out_.prefix(name, base_ + name + "/");
    }
  }

  void dataset() {
    const std::string s = base_ + "dataset";
    out_.link(s, term(kRdf, "type"), term(kKg, "Dataset"));
    out_.text(s, term(kDcterms, "creator"), options_.generator);
    if (!generated_at_.empty()) out_.typed(s, term(kProv, "generatedAtTime"), generated_at_, "dateTime");
  }

  void dates(const std::string& s, const std::string& first, const std::string& last) {
    if (is_iso_date(first)) out_.typed(s, term(kKg, "firstSeen"), first, "date");
    if (is_iso_date(last)) out_.typed(s, term(kKg, "lastSeen"), last, "date");
  }

  void entity(int i) {
    const graph::Node& n = graph_.nodes()[i];
    const std::string s = entity_iri(i);
    out_.link(s, term(kRdf, "type"), term(kKg, to_string(n.type)));
    out_.text(s, term(kRdfs, "label"), n.name);
    for (const std::string& alias : n.aliases) out_.text(s, term(kSkos, "altLabel"), alias);
    out_.integer(s, term(kKg, "mentionCount"), n.mentions);
    out_.integer(s, term(kKg, "sourceCount"), static_cast<long long>(n.sources.size()));
    dates(s, n.first_seen, n.last_seen);
    out_.integer(s, term(kKg, "degree"), n.degree);
    out_.decimal(s, term(kKg, "weightedDegree"), n.weighted_degree, 3);
    out_.decimal(s, term(kKg, "pagerank"), n.pagerank, 6);
    out_.decimal(s, term(kKg, "betweenness"), n.betweenness, 6);
    out_.integer(s, term(kKg, "component"), n.component);
  }

  void relation(const graph::Edge& e) {
    const std::string s = relation_iri(e), head = entity_iri(e.head), tail = entity_iri(e.tail);
    const std::string predicate = term(kKg, to_string(e.type));
    out_.link(s, term(kRdf, "type"), term(kKg, "Relation"));
    out_.link(s, term(kRdf, "subject"), head);
    out_.link(s, term(kRdf, "predicate"), predicate);
    out_.link(s, term(kRdf, "object"), tail);
    out_.text(s, term(kKg, "modality"), to_string(e.modality));
    out_.integer(s, term(kKg, "weight"), std::llround(e.weight));
    out_.integer(s, term(kKg, "sourceCount"), e.source_count);
    out_.integer(s, term(kKg, "outletCount"), e.outlet_count);
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
    const std::string s = article_iri(source);
    out_.in_graph(base_ + "graph/" + slugs_.sources[source]);
    out_.link(s, term(kRdf, "type"), term(kKg, "Article"));
    out_.text(s, term(kDcterms, "identifier"), m.id);
    if (!m.title.empty()) out_.text(s, term(kDcterms, "title"), m.title);
    if (is_iso_date(m.date)) {
      out_.typed(s, term(kDcterms, "date"), m.date, "date");
    } else if (!m.date.empty()) {
      out_.text(s, term(kDcterms, "date"), m.date);
    }
    if (!m.source.empty()) out_.text(s, term(kKg, "outlet"), m.source);
    if (!m.author.empty()) out_.text(s, term(kDcterms, "creator"), m.author);
    const std::string url = iri_safe(m.url);
    if (!m.url.empty() && has_scheme(url)) out_.link(s, term(kSchema, "url"), url);
    for (const auto& [edge, support] : by_source_[source]) assertion(*edge, *support, s);
    out_.in_graph({});
  }

  void assertion(const graph::Edge& e, const graph::Support& support, const std::string& article) {
    const Evidence& ev = support.evidence;
    std::string s = base_ + "assertion/" + slugs_.sources[support.source] + "/" + relation_local(e) + "/" +
                    std::to_string(ev.span.begin) + "-" + std::to_string(ev.span.end);
    const std::string unique_base = s;
    for (int n = 2; !assertions_.insert(s).second; ++n) s = unique_base + "-" + std::to_string(n);

    out_.link(s, term(kRdf, "type"), term(kKg, "RelationAssertion"));
    out_.link(s, term(kRdf, "subject"), entity_iri(e.head));
    out_.link(s, term(kRdf, "predicate"), term(kKg, to_string(e.type)));
    out_.link(s, term(kRdf, "object"), entity_iri(e.tail));
    out_.link(s, term(kKg, "assertionOf"), relation_iri(e));
    out_.link(s, term(kProv, "wasDerivedFrom"), article);
    out_.text(s, term(kKg, "modality"), to_string(support.modality));
    out_.decimal(s, term(kKg, "confidence"), support.confidence, 3);
    out_.text(s, term(kKg, "evidenceText"), ev.text);
    out_.integer(s, term(kKg, "evidenceStart"), ev.span.begin);
    out_.integer(s, term(kKg, "evidenceEnd"), ev.span.end);
    if (!ev.rule.empty()) out_.text(s, term(kKg, "rule"), ev.rule);
    if (!ev.note.empty()) out_.text(s, term(kKg, "resolutionNote"), ev.note);
    if (auto it = support.attributes.find("title"); it != support.attributes.end() && !it->second.empty()) {
      out_.text(s, term(kKg, "title"), it->second);
    }
    if (auto it = support.attributes.find("date"); it != support.attributes.end() && !it->second.empty()) {
      if (is_iso_date(it->second)) {
        out_.typed(s, term(kKg, "eventDate"), it->second, "date");
      } else {
        out_.text(s, term(kKg, "eventDate"), it->second);
      }
    }
    if (auto it = support.attributes.find("place"); it != support.attributes.end()) {
      const int place = graph_.find(it->second);
      if (place >= 0) out_.link(s, term(kKg, "place"), entity_iri(place));
    }
    if (!generated_at_.empty()) out_.typed(s, term(kProv, "generatedAtTime"), generated_at_, "dateTime");
  }

  const graph::KnowledgeGraph& graph_;
  Emitter& out_;
  const ExportOptions& options_;
  std::string base_;
  GraphSlugs slugs_;
  std::string generated_at_;
  std::set<std::string> assertions_;
  // Each source's supports in edge order, then support order.
  std::vector<std::vector<std::pair<const graph::Edge*, const graph::Support*>>> by_source_;
};

}  // namespace

void write_rdf(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax, const ExportOptions& options) {
  Emitter emitter(out, syntax);
  RdfContent(graph, emitter, options).write();
}

}  // namespace kgraph::exports
