#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>

#include "graph/analytics.hpp"

namespace kgraph::graph {
namespace {

// One relation mention as collected by add(). `doc` is the document's
// insertion index; finalize() turns it into an index into the sorted sources.
struct PendingSupport {
  int doc = -1;
  Modality modality = Modality::Asserted;
  double confidence = 0.0;
  Evidence evidence;
  std::map<std::string, std::string> attributes;
};

// What add() knows about one canonical entity so far.
struct VertexAcc {
  std::string key;   // what documents' entities merge on (merge_key); fixed once added
  std::string name;  // the node's name, chosen from `spellings` when the graph is finalised
  std::map<std::string, int> spellings;  // names documents gave it (merge_key's display form) -> mentions
  std::array<int, kEntityTypeCount> type_votes{};
  std::set<std::string> aliases;  // std::set: distinct and byte-sorted for free
  int mentions = 0;
  std::vector<int> docs;  // insertion indices, each once (a document is added in one go)
  std::string wikidata;   // the lowest-numbered id any document gave
};

// Q-ids by number: "Q9" before "Q10". Empty sorts last, so any id beats none.
bool wikidata_before(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return !a.empty();
  return std::make_pair(a.size(), std::string_view(a)) < std::make_pair(b.size(), std::string_view(b));
}

struct EdgeAcc {
  RelationType type = RelationType::MetWith;
  std::vector<PendingSupport> support;
};

// The accumulation graph. Its vertex and edge order is insertion order, which
// is why nothing is read from it directly: finalize() copies it out sorted.
using AccGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexAcc, EdgeAcc>;
using Vertex = AccGraph::vertex_descriptor;
using EdgeDesc = AccGraph::edge_descriptor;

// Higher is stronger: the reverse of the position in kModalityStrength.
int strength(Modality m) {
  for (std::size_t i = 0; i < kModalityStrength.size(); ++i)
    if (kModalityStrength[i] == m) return static_cast<int>(kModalityStrength.size() - i);
  return 0;
}

// DocumentMeta.date is ISO 8601; only the calendar date takes part in first/last seen.
std::string date_of(const DocumentMeta& m) { return m.date.substr(0, std::min<std::size_t>(10, m.date.size())); }

// Fills first/last with the min/max date among `docs` (indices into sources).
void date_range(const std::vector<DocumentMeta>& sources, const std::vector<int>& docs, std::string& first,
                std::string& last) {
  first.clear();
  last.clear();
  for (int d : docs) {
    std::string date = date_of(sources[static_cast<std::size_t>(d)]);
    if (date.empty()) continue;
    if (first.empty() || date < first) first = date;
    if (last.empty() || date > last) last = date;
  }
}

// A total order, so that equal-looking support from the same sentence still
// lands in the same place whatever order documents arrived in.
bool support_less(const Support& a, const Support& b) {
  auto key = [](const Support& s) {
    return std::tie(s.source, s.evidence.span.begin, s.evidence.span.end, s.evidence.rule, s.modality, s.confidence,
                    s.evidence.text, s.evidence.note, s.attributes);
  };
  return key(a) < key(b);
}

// The name a document's entity stands under in the graph. Full canonical names merge across
// documents; a person named by one word only ("Kim", "Raul": a surname or given name no full name
// in its document resolved, or one several full names there share) is no one the graph can name
// across documents (two articles' "Kim" are often two people), so it stays with its document: the
// node's name carries the document id, and the bare name is an alias.
std::string display_name(const Entity& e, const std::string& doc_id) {
  if (e.type == EntityType::Person && e.name.find(' ') == std::string::npos) return e.name + " (" + doc_id + ")";
  return e.name;
}

// The key entities merge on: the display name with ASCII letter case folded, so that two
// documents' "Haider Al-Abadi" and "Haider al-Abadi" are one node.
std::string merge_key(const std::string& display) {
  std::string key = display;
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

// The spelling most mentions use; on a tie the byte-smallest, so the name does not depend on the
// order documents arrive in.
std::string chosen_spelling(const std::map<std::string, int>& spellings) {
  const std::string* best = nullptr;
  int most = -1;
  for (const auto& [name, count] : spellings)
    if (count > most) {
      best = &name;
      most = count;
    }
  return best ? *best : std::string();
}

}  // namespace

struct KnowledgeGraph::Impl {
  AccGraph g;
  std::unordered_map<std::string, Vertex> vertex_by_name;
  std::map<std::tuple<Vertex, RelationType, Vertex>, EdgeDesc> edge_by_key;
  std::vector<DocumentMeta> docs;  // insertion order
  std::unordered_map<std::string, int> doc_by_id;
  int dropped_relations = 0;

  // Results of finalize().
  std::vector<DocumentMeta> sources;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::unordered_map<std::string, int> node_by_name;

  Vertex upsert_vertex(const std::string& key) {
    auto [it, inserted] = vertex_by_name.try_emplace(key);
    if (inserted) {
      it->second = boost::add_vertex(g);
      g[it->second].key = key;
    }
    return it->second;
  }

  EdgeAcc& upsert_edge(Vertex head, RelationType type, Vertex tail) {
    auto [it, inserted] = edge_by_key.try_emplace({head, type, tail});
    if (inserted) {
      it->second = boost::add_edge(head, tail, g).first;
      g[it->second].type = type;
    }
    return g[it->second];
  }

  void build_sources(std::vector<int>& rank);
  void build_nodes(const std::vector<int>& doc_rank, std::vector<int>& vertex_rank);
  void build_edges(const std::vector<int>& doc_rank, const std::vector<int>& vertex_rank);
};

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

// A document id seen before is skipped whole: the same article fed twice (two
// shards overlapping, a file listed twice) must not double-count its support.
// The first extraction with that id wins, so two *different* extractions under
// one id are a caller error whose result depends on order.
void KnowledgeGraph::add(const Extraction& x) {
  Impl& s = *impl_;
  const int doc = static_cast<int>(s.docs.size());
  if (!s.doc_by_id.try_emplace(x.meta.id, doc).second) return;
  s.docs.push_back(x.meta);

  std::vector<Vertex> local(x.entities.size());
  std::unordered_map<std::string_view, Vertex> by_id;
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    const std::string display = display_name(e, x.meta.id);
    local[i] = s.upsert_vertex(merge_key(display));
    by_id.emplace(e.id, local[i]);
    VertexAcc& v = s.g[local[i]];
    ++v.type_votes[static_cast<std::size_t>(e.type)];
    v.mentions += static_cast<int>(e.mentions.size());
    v.spellings[display] += std::max<int>(1, static_cast<int>(e.mentions.size()));
    if (display != e.name) v.aliases.insert(e.name);
    for (const Mention& m : e.mentions) v.aliases.insert(m.text);  // the node's own name is taken out when it is chosen
    if (v.docs.empty() || v.docs.back() != doc) v.docs.push_back(doc);
    if (wikidata_before(e.wikidata, v.wikidata)) v.wikidata = e.wikidata;
  }

  const int n = static_cast<int>(x.entities.size());
  for (const Relation& r : x.relations) {
    // A relation pointing outside the entity list, or from an entity to
    // itself, carries no edge; it is counted so callers can report it.
    if (r.head < 0 || r.head >= n || r.tail < 0 || r.tail >= n || local[r.head] == local[r.tail]) {
      ++s.dropped_relations;
      continue;
    }
    Vertex head = local[static_cast<std::size_t>(r.head)];
    Vertex tail = local[static_cast<std::size_t>(r.tail)];
    if (is_symmetric(r.type) && s.g[tail].key < s.g[head].key) std::swap(head, tail);
    PendingSupport p{doc, r.modality, r.confidence, r.evidence, r.attributes};
    // "place" names an entity of this document by id; outside it only the
    // canonical name means anything. An id we cannot resolve is dropped
    // rather than passed on as a dangling "e7".
    if (auto place = p.attributes.find("place"); place != p.attributes.end()) {
      auto v = by_id.find(place->second);
      if (v != by_id.end())
        place->second = s.g[v->second].key;  // the node's name once finalize() has chosen it
      else
        p.attributes.erase(place);
    }
    s.upsert_edge(head, r.type, tail).support.push_back(std::move(p));
  }
}

void KnowledgeGraph::Impl::build_sources(std::vector<int>& rank) {
  std::vector<int> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return docs[a].id < docs[b].id; });
  rank.assign(docs.size(), 0);
  sources.clear();
  sources.reserve(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = static_cast<int>(i);
    sources.push_back(docs[order[i]]);
  }
}

void KnowledgeGraph::Impl::build_nodes(const std::vector<int>& doc_rank, std::vector<int>& vertex_rank) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<Vertex> order(n);
  std::iota(order.begin(), order.end(), Vertex{0});
  for (Vertex v : order) g[v].name = chosen_spelling(g[v].spellings);
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return g[a].name < g[b].name; });
  vertex_rank.assign(n, 0);
  nodes.clear();
  nodes.reserve(n);
  node_by_name.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const VertexAcc& v = g[order[i]];
    vertex_rank[order[i]] = static_cast<int>(i);
    Node node;
    node.name = v.name;
    // max_element returns the first maximum: ties go to the earlier enum value.
    auto best = std::max_element(v.type_votes.begin(), v.type_votes.end());
    node.type = static_cast<EntityType>(best - v.type_votes.begin());
    for (const std::string& alias : v.aliases)
      if (alias != v.name) node.aliases.push_back(alias);
    for (const auto& [spelling, count] : v.spellings)
      if (spelling != v.name && !v.aliases.count(spelling)) node.aliases.push_back(spelling);
    std::sort(node.aliases.begin(), node.aliases.end());
    node.mentions = v.mentions;
    node.wikidata = v.wikidata;
    for (int d : v.docs) node.sources.push_back(doc_rank[d]);
    std::sort(node.sources.begin(), node.sources.end());
    date_range(sources, node.sources, node.first_seen, node.last_seen);
    node_by_name.emplace(node.name, static_cast<int>(i));
    nodes.push_back(std::move(node));
  }
}

void KnowledgeGraph::Impl::build_edges(const std::vector<int>& doc_rank, const std::vector<int>& vertex_rank) {
  edges.clear();
  edges.reserve(boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeAcc& acc = g[*it];
    Edge e;
    e.head = vertex_rank[boost::source(*it, g)];
    e.tail = vertex_rank[boost::target(*it, g)];
    e.type = acc.type;
    // node indices follow the names finalize() chose: symmetric endpoints in name order
    if (is_symmetric(e.type) && e.tail < e.head) std::swap(e.head, e.tail);
    e.support.reserve(acc.support.size());
    for (const PendingSupport& p : acc.support) {
      e.support.push_back(Support{doc_rank[p.doc], p.modality, p.confidence, p.evidence, p.attributes});
      if (auto place = e.support.back().attributes.find("place"); place != e.support.back().attributes.end())
        if (auto v = vertex_by_name.find(place->second); v != vertex_by_name.end()) place->second = g[v->second].name;
    }
    std::sort(e.support.begin(), e.support.end(), support_less);

    std::vector<int> supporting;  // distinct source indices
    std::set<std::string> outlets;
    e.modality = e.support.front().modality;
    for (const Support& sp : e.support) {
      if (supporting.empty() || supporting.back() != sp.source) supporting.push_back(sp.source);  // sorted by source
      const DocumentMeta& meta = sources[static_cast<std::size_t>(sp.source)];
      outlets.insert(meta.source);  // "" is the one unknown outlet: never one outlet per file
      if (strength(sp.modality) > strength(e.modality)) e.modality = sp.modality;
      ++e.modality_mentions[static_cast<std::size_t>(sp.modality)];
    }
    e.weight = static_cast<double>(e.support.size());
    e.source_count = static_cast<int>(supporting.size());
    e.outlet_count = static_cast<int>(outlets.size());
    date_range(sources, supporting, e.first_seen, e.last_seen);
    edges.push_back(std::move(e));
  }
  // Node indices follow name order, so this is (head name, type, tail name).
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.head, a.type, a.tail) < std::tie(b.head, b.type, b.tail);
  });
}

// Everything here is rebuilt from the accumulated state, so finalize() may be
// called again after more add()s.
void KnowledgeGraph::finalize() {
  Impl& s = *impl_;
  std::vector<int> doc_rank, vertex_rank;
  s.build_sources(doc_rank);
  s.build_nodes(doc_rank, vertex_rank);
  s.build_edges(doc_rank, vertex_rank);
  compute_analytics(s.nodes, s.edges);
}

const std::vector<DocumentMeta>& KnowledgeGraph::sources() const { return impl_->sources; }
const std::vector<Node>& KnowledgeGraph::nodes() const { return impl_->nodes; }
const std::vector<Edge>& KnowledgeGraph::edges() const { return impl_->edges; }
int KnowledgeGraph::dropped_relations() const { return impl_->dropped_relations; }

int KnowledgeGraph::find(const std::string& name) const {
  auto it = impl_->node_by_name.find(name);
  return it == impl_->node_by_name.end() ? -1 : it->second;
}

}  // namespace kgraph::graph
