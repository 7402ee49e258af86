// Builds a random knowledge graph through KnowledgeGraph::add (fixed seeds),
// finalizes it and writes every output format kgraph has through the same
// exports::write_graph_outputs that `kgraph build` calls: GraphML, GEXF,
// Neo4j CSV, Turtle, N-Triples, N-Quads, TriG and the Markdown and HTML
// reports. Prints the wall time and peak resident memory of each phase, each
// format's own writing time (they overlap when --threads > 1), the wall time
// of writing them all, the HTML report's picture step on its own
// (informational, it is part of "html"), and the size of every file written.
//   bench_export [NODES [EDGES [OUTDIR]]] [--threads N] [--formats LIST]
//     defaults: 100000 500000 /tmp/kgraph-bench, 1 thread, every format;
//     LIST as for `kgraph build --formats` (to profile one format, say)
//
// The generated articles look like extractor output: each has an outlet, date,
// title, URL and author, a text made of one sentence per relation, entities
// with a mention per occurrence (full name first, a short alias after), and
// each relation carries its sentence as evidence (span, text, rule, sometimes
// a resolution note) and the attributes the writers use (title, date, place).
// The topology (which nodes each relation joins, its type and modality) comes
// from one generator seeded 42 exactly as in earlier versions of this program,
// the text from a second one, so graph shapes stay comparable across versions.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "export/entity_palette.hpp"
#include "export/graph_outputs.hpp"
#include "export/graph_picture.hpp"
#include "graph/knowledge_graph.hpp"

namespace {

using namespace kgraph;

// ---------------------------------------------------------------- measuring

// Linux keeps the peak RSS (VmHWM) per process; writing 5 to clear_refs
// resets it, so each phase gets its own peak.
void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

long status_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  const std::string key = std::string(field) + ":";
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + key.size());
  return -1;
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

// Because reset_peak() clears the kernel's high-water mark, the peak of the
// whole run is the largest of the phase peaks, kept here.
long g_run_peak_kib = 0;

double phase(const char* name, const std::function<void()>& work) {
  reset_peak();
  const auto start = std::chrono::steady_clock::now();
  work();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const long peak = status_kib("VmHWM");
  g_run_peak_kib = std::max(g_run_peak_kib, peak);
  std::printf("%-12s %8.2f s   peak RSS %7.1f MiB\n", name, seconds, mib(peak));
  std::fflush(stdout);
  return seconds;
}

// ---------------------------------------------------------------- names

// A capitalised made-up word, distinct for every n >= 0: the base-24 digits of
// n (at least three) as syllables. Every syllable has two letters, so the
// spelling decodes back to n. Some carry diacritics, as names in the news do,
// so slugs and escaping see non-ASCII text.
std::string word(int n) {
  static constexpr std::array<const char*, 24> kSyllables = {
      "ka", "lo", "mi", "ne", "ra", "so", "tu", "vi", "za", "be", "dö", "gy",
      "ha", "ji", "ko", "lé", "ma", "no", "pa", "rø", "sa", "ta", "ul", "ve"};
  std::string out;
  for (int i = 0; i < 3 || n > 0; ++i, n /= 24) out += kSyllables[static_cast<std::size_t>(n % 24)];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

EntityType type_of(int node) { return static_cast<EntityType>(node % kEntityTypeCount); }

// The canonical name of a node; unique because word(node) is.
std::string name_of(int node) {
  static constexpr std::array<const char*, 8> kFirst = {"Anna",  "Olaf",   "Maria", "Jens",
                                                        "Łucja", "Mehmet", "Chloé", "Ivan"};
  static constexpr std::array<const char*, 5> kOrg = {" Party", " Ministry", " Alliance", " Council", " Group"};
  const std::string w = word(node);
  switch (type_of(node)) {
    case EntityType::Person: return std::string(kFirst[static_cast<std::size_t>(node / 6 % 8)]) + " " + w;
    case EntityType::Organisation: return w + kOrg[static_cast<std::size_t>(node / 6 % 5)];
    case EntityType::Country: return "Republic of " + w;
    case EntityType::Location: return w;
    case EntityType::Operation: return "Operation " + w;
    case EntityType::Event: return w + " Summit";
  }
  return w;
}

// How later mentions in the same article refer to the node: a surname, the
// bare word, "the summit" ... (the name itself for places).
std::string short_name_of(int node) {
  switch (type_of(node)) {
    case EntityType::Person:
    case EntityType::Country:
    case EntityType::Operation: return word(node);
    case EntityType::Event: return "the summit";
    default: return name_of(node);
  }
}

// ---------------------------------------------------------------- articles

// The verb phrase of each relation type per modality (enum order: asserted,
// planned, negated, hypothetical, reported).
constexpr std::array<std::array<const char*, kModalityCount>, kRelationTypeCount> kVerbs = {{
    {"met", "will meet", "did not meet", "could meet", "reportedly met"},
    {"spoke with", "will speak with", "did not speak with", "may speak with", "reportedly spoke with"},
    {"deployed troops to", "will deploy troops to", "did not deploy troops to", "could deploy troops to",
     "reportedly deployed troops to"},
    {"is the", "will become the", "is no longer the", "could become the", "is reportedly the"},
    {"is a member of", "will join", "is not a member of", "could join", "is said to be a member of"},
    {"is part of", "will become part of", "is not part of", "could become part of", "is said to be part of"},
    {"lies in", "will open in", "is not in", "may be in", "is reportedly in"},
    {"annexed", "plans to annex", "did not annex", "could annex", "reportedly annexed"},
}};
constexpr std::array<const char*, 6> kTitles = {"foreign minister", "defence minister", "secretary general",
                                                "spokesperson", "chair", "ambassador"};
constexpr std::array<const char*, 10> kOutlets = {"Reuters", "Associated Press", "Agence France-Presse", "Al Jazeera",
                                                  "BBC News", "Deutsche Welle", "Le Monde", "El País",
                                                  "Gazeta Wyborcza", "The Kyiv Independent"};
constexpr std::array<const char*, 5> kDesks = {"", " Europe", " World", " Politics", " Defence"};

// One article's extraction, written sentence by sentence: the text is only
// used to compute offsets (Extraction::text stays empty, as without --with-text),
// so every mention and evidence span points where its words would be.
class ArticleBuilder {
 public:
  explicit ArticleBuilder(Extraction& x) : x_(x) {}

  void start_sentence() { sentence_begin_ = pos(); }
  void say(std::string_view s) { text_ += s; }
  // Mentions `node` (full name the first time in this article) and returns its
  // index in x.entities.
  int mention(int node) {
    auto [it, inserted] = local_.try_emplace(node, static_cast<int>(x_.entities.size()));
    if (inserted) {
      Entity e;
      e.id = "e" + std::to_string(x_.entities.size() + 1);
      e.name = name_of(node);
      e.type = type_of(node);
      x_.entities.push_back(std::move(e));
    }
    Entity& e = x_.entities[static_cast<std::size_t>(it->second)];
    const std::string text = e.mentions.empty() ? e.name : short_name_of(node);
    e.mentions.push_back(Mention{Span{pos(), pos() + static_cast<std::uint32_t>(text.size())}, text});
    text_ += text;
    return it->second;
  }
  // Ends the sentence and returns its span and text.
  Evidence end_sentence(std::string rule) {
    Evidence ev;
    ev.span = Span{sentence_begin_, pos()};
    ev.text = text_.substr(sentence_begin_);
    ev.rule = std::move(rule);
    text_ += ' ';
    return ev;
  }
  std::string first_sentence() const { return text_.substr(0, text_.find(". ")); }

 private:
  std::uint32_t pos() const { return static_cast<std::uint32_t>(text_.size()); }

  Extraction& x_;
  std::string text_;
  std::uint32_t sentence_begin_ = 0;
  std::unordered_map<int, int> local_;  // node -> index into x.entities
};

struct Generator {
  int nodes = 0;
  std::mt19937_64 topology{42};  // the same draws, in the same order, as the original benchmark
  std::mt19937_64 text{7};
  int next_node = 0;  // the first documents introduce every node once, so all of them exist

  int below(int n) { return static_cast<int>(text() % static_cast<unsigned>(n)); }
  bool chance(int percent) { return below(100) < percent; }

  // Appends one relation with its sentence to the article.
  void relation(Extraction& x, ArticleBuilder& article, int r_index) {
    int a = next_node < nodes ? next_node++ : static_cast<int>(topology() % static_cast<unsigned>(nodes));
    int b = static_cast<int>(topology() % static_cast<unsigned>(nodes));
    if (a == b) b = (b + 1) % nodes;
    Relation rel;
    rel.type = static_cast<RelationType>(topology() % kRelationTypeCount);
    rel.modality = static_cast<Modality>(topology() % kModalityCount);
    rel.confidence = 0.5 + 0.01 * below(50);

    article.start_sentence();
    if (chance(15)) article.say("Officials said that ");
    rel.head = article.mention(a);
    article.say(" ");
    article.say(kVerbs[static_cast<std::size_t>(rel.type)][static_cast<std::size_t>(rel.modality)]);
    article.say(" ");
    if (rel.type == RelationType::HoldsPosition) {
      const std::string title = kTitles[static_cast<std::size_t>(below(static_cast<int>(kTitles.size())))];
      article.say(title + " of ");
      rel.attributes["title"] = title;
    }
    rel.tail = article.mention(b);
    if (rel.type == RelationType::MetWith && nodes > 6 && chance(60)) {
      // A place of this article, by entity id as the extractor gives it.
      const int place = 3 + 6 * below((nodes - 3 + 5) / 6);
      if (place < nodes && place != a && place != b) {
        article.say(" in ");
        rel.attributes["place"] = x.entities[static_cast<std::size_t>(article.mention(place))].id;
      }
    }
    if (chance(20)) {
      const bool iso = chance(50);
      article.say(iso ? " on " + x.meta.date : " on Tuesday");
      rel.attributes["date"] = iso ? x.meta.date : "Tuesday";
    }
    // Quotes, ampersands and angle brackets for every escaper to handle.
    if (chance(10)) article.say(", calling it \"a step <forward> & a signal\"");
    article.say(".");
    // A few rule names per type, as several trigger words of a family would give.
    rel.evidence =
        article.end_sentence("trigger:" + std::string(to_string(rel.type)) + "/" + std::to_string(r_index % 3));
    if (chance(15)) rel.evidence.note = "he -> " + name_of(a);
    x.relations.push_back(std::move(rel));
    // A sentence with no relation that mentions the head again by its short
    // name, so nodes collect aliases and several mentions per article.
    if (chance(30)) {
      article.start_sentence();
      article.mention(a);
      article.say(" declined to comment.");
      article.end_sentence({});
    }
  }

  Extraction article(int d, int relations) {
    Extraction x;
    x.meta.id = "doc" + std::to_string(d);
    x.meta.date = "2024-" + std::to_string(10 + d % 3) + "-" + std::to_string(10 + d % 19);
    const int outlet = d % 50;
    x.meta.source =
        std::string(kOutlets[static_cast<std::size_t>(outlet % 10)]) + kDesks[static_cast<std::size_t>(outlet / 10)];
    x.meta.url = "https://news" + std::to_string(outlet) + ".example/" + x.meta.date + "/" + x.meta.id;
    x.meta.author = name_of(6 * (d % 997));  // a person's name
    ArticleBuilder builder(x);
    for (int r = 0; r < relations; ++r) relation(x, builder, r);
    x.meta.title = builder.first_sentence();
    return x;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  int threads = 1;
  std::string formats_list = "graphml,gexf,ttl,nt,nq,trig,md,html,csv";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (a == "--formats" && i + 1 < argc) {
      formats_list = argv[++i];
    } else {
      positional.push_back(a);
    }
  }
  const int nodes = positional.size() > 0 ? std::atoi(positional[0].c_str()) : 100000;
  const int edges = positional.size() > 1 ? std::atoi(positional[1].c_str()) : 500000;
  const std::filesystem::path out = positional.size() > 2 ? positional[2] : "/tmp/kgraph-bench";
  if (nodes < 2 || edges < 1 || threads < 1 || positional.size() > 3) {
    std::fprintf(stderr, "usage: bench_export [NODES>=2 [EDGES>=1 [OUTDIR]]] [--threads N] [--formats LIST]\n");
    return 2;
  }
  const std::set<std::string> formats = exports::parse_formats(formats_list);
  std::filesystem::create_directories(out);
  constexpr int kRelationsPerDoc = 10;

  graph::KnowledgeGraph g;
  phase("add", [&] {
    Generator gen;
    gen.nodes = nodes;
    const int docs = (edges + kRelationsPerDoc - 1) / kRelationsPerDoc;
    for (int d = 0; d < docs; ++d) g.add(gen.article(d, std::min(kRelationsPerDoc, edges - d * kRelationsPerDoc)));
  });
  phase("finalize", [&] { g.finalize(); });
  std::size_t supports = 0;
  for (const graph::Edge& e : g.edges()) supports += e.support.size();
  std::printf("graph: %zu nodes, %zu edges, %zu documents, %zu supporting mentions; resident %.1f MiB\n",
              g.nodes().size(), g.edges().size(), g.sources().size(), supports, mib(status_kib("VmRSS")));

  exports::ExportOptions opts;
  opts.ontology_dir = KGRAPH_ONTOLOGY;
  std::vector<std::filesystem::path> files;
  std::mutex print;
  const double total = phase("write", [&] {
    files = exports::write_graph_outputs(g, out, formats, opts, threads, [&](const std::string& format, double seconds) {
      std::lock_guard<std::mutex> lock(print);
      std::printf("  %-10s %8.2f s\n", format.c_str(), seconds);
      std::fflush(stdout);
    });
  });

  // What the HTML report's picture step did, timed again on its own (not
  // counted in the total: "html" above already includes it).
  exports::DotGraph dot;
  exports::Picture picture;
  phase("(picture)", [&] {
    const auto palette = exports::EntityPalette::load(opts.ontology_dir);
    exports::TypeColours colours;
    for (int t = 0; t < kEntityTypeCount; ++t) {
      const exports::Rgb c = palette.color(static_cast<EntityType>(t));
      char hex[8];
      std::snprintf(hex, sizeof hex, "#%02x%02x%02x", c.r, c.g, c.b);
      colours[static_cast<std::size_t>(t)] = hex;
    }
    dot = exports::graph_dot(g, colours);
    picture = exports::render_svg(dot);
  });
  const std::string drawn =
      picture.svg.empty() ? "no SVG: " + picture.problem : "SVG " + std::to_string(picture.svg.size()) + " bytes";
  std::printf("  picture: %d nodes drawn, %d left out, DOT %zu bytes, %s\n", dot.nodes_drawn, dot.nodes_left_out,
              dot.dot.size(), drawn.c_str());

  std::uintmax_t bytes = 0;
  for (const auto& f : files) bytes += std::filesystem::file_size(f);
  std::printf("total write  %8.2f s   %zu formats on %d thread(s), %.1f MiB written; peak RSS %.1f MiB (largest phase peak of the whole run)\n",
              total, formats.size(), threads, static_cast<double>(bytes) / (1024.0 * 1024.0), mib(g_run_peak_kib));
  for (const auto& f : files) {
    std::printf("  %-20s %10.1f MiB\n", f.filename().c_str(),
                static_cast<double>(std::filesystem::file_size(f)) / (1024.0 * 1024.0));
  }
  return 0;
}
