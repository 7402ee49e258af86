#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "graph/analytics.hpp"
#include "graph/document_table.hpp"
#include "graph/edge_summary.hpp"
#include "graph/entity_log.hpp"
#include "graph/external_sort.hpp"
#include "graph/free_memory.hpp"
#include "graph/key_table.hpp"
#include "graph/spill_file.hpp"
#include "graph/text_store.hpp"

namespace kgraph::graph {

SupportAttributes::const_iterator SupportAttributes::find(std::string_view key) const {
  for (const_iterator it = begin(); it != end(); ++it)
    if (it->first == key) return it;
  return end();
}

std::string_view SupportAttributes::at(std::string_view key) const {
  const_iterator it = find(key);
  if (it == end()) throw std::out_of_range("no attribute '" + std::string(key) + "'");
  return it->second;
}

bool SupportAttributes::operator<(const SupportAttributes& o) const {
  return std::lexicographical_compare(begin(), end(), o.begin(), o.end());
}

bool SupportAttributes::operator==(const SupportAttributes& o) const {
  return std::equal(begin(), end(), o.begin(), o.end());
}

namespace {

using AttributeList = std::vector<SupportAttributes::Entry>;

// What add() knows about one canonical entity so far. Its strings are
// interned in the graph's TextStore: the same alias in a thousand documents is
// held once.
// One entity's sum, made from its events in the entity log (graph/entity_log.hpp)
// just before its node is made: one at a time, never one per entity at once.
struct VertexAcc {
  // Names documents gave it (merge_key's display form) -> mentions, sorted by name.
  std::vector<std::pair<std::string_view, int>> spellings;
  std::array<int, kEntityTypeCount> type_votes{};
  std::vector<std::string_view> aliases;  // distinct and byte-sorted
  int mentions = 0;
  std::vector<int> docs;       // insertion indices, each once (a document is added in one go)
  std::string_view wikidata;   // the lowest-numbered id any document gave
};

// Inserts `text` into the sorted, distinct `list` unless it is there.
void insert_sorted(std::vector<std::string_view>& list, std::string_view text) {
  auto it = std::lower_bound(list.begin(), list.end(), text);
  if (it == list.end() || *it != text) list.insert(it, text);
}

// Q-ids by number: "Q9" before "Q10". Empty sorts last, so any id beats none.
bool wikidata_before(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return !a.empty();
  return std::make_pair(a.size(), a) < std::make_pair(b.size(), b);
}

// One (head, relation, tail) as add() found it; vertices by insertion index.
struct EdgeKey {
  std::uint32_t head = 0, tail = 0;
  RelationType type = RelationType::MetWith;
  bool operator==(const EdgeKey& o) const { return head == o.head && tail == o.tail && type == o.type; }
};

struct EdgeKeyHash {
  std::size_t operator()(const EdgeKey& k) const {
    std::uint64_t h = (static_cast<std::uint64_t>(k.head) << 32) ^ k.tail;
    h ^= static_cast<std::uint64_t>(k.type) * 0x9E3779B97F4A7C15ull;
    h *= 0xff51afd7ed558ccdull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// Higher is stronger: the reverse of the position in kModalityStrength.
int strength(Modality m) {
  for (std::size_t i = 0; i < kModalityStrength.size(); ++i)
    if (kModalityStrength[i] == m) return static_cast<int>(kModalityStrength.size() - i);
  return 0;
}

// DocumentMeta.date is ISO 8601; only the calendar date takes part in first/last seen.
std::string_view date_of(std::string_view date) { return date.substr(0, std::min<std::size_t>(10, date.size())); }

// Fills first/last with the min/max date among `docs` (indices into sources).
void date_range(const DocumentTable& sources, const std::vector<int>& docs, std::string& first, std::string& last) {
  std::string_view lo, hi;
  for (int d : docs) {
    const std::string_view date = date_of(sources.date(static_cast<std::size_t>(d)));
    if (date.empty()) continue;
    if (lo.empty() || date < lo) lo = date;
    if (hi.empty() || date > hi) hi = date;
  }
  first.assign(lo);
  last.assign(hi);
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

// Sums up each edge from its mentions as they come in edge order (from a
// sorted store or straight out of an external merge): its support range,
// weight, sources, outlets, dates and modalities.
class EdgeTally {
 public:
  EdgeTally(std::vector<Edge>& edges, const DocumentTable& sources, const MentionStore& store)
      : edges_(edges), sources_(sources), store_(store) {}
  // `p` is mention `index` of the store; indices come in order.
  void add(const Support& p, std::size_t index) {
    if (p.edge != edge_) {
      finish();
      edge_ = p.edge;
      first_ = index;
      count_ = 0;
      supporting_.clear();
      outlets_.clear();
      edges_[static_cast<std::size_t>(edge_)].modality = p.modality;
    }
    Edge& e = edges_[static_cast<std::size_t>(edge_)];
    ++count_;
    if (supporting_.empty() || supporting_.back() != p.source) supporting_.push_back(p.source);  // sorted by source
    outlets_.insert(sources_.outlet(static_cast<std::size_t>(p.source)));  // "" is the one unknown outlet: never one outlet per file
    if (strength(p.modality) > strength(e.modality)) e.modality = p.modality;
    ++e.modality_mentions[static_cast<std::size_t>(p.modality)];
  }
  // Closes the last edge; once all mentions are in.
  void finish() {
    if (edge_ < 0) return;
    Edge& e = edges_[static_cast<std::size_t>(edge_)];
    e.support = SupportList(&store_, first_, count_);
    e.weight = static_cast<double>(count_);
    e.source_count = static_cast<int>(supporting_.size());
    e.outlet_count = static_cast<int>(outlets_.size());
    date_range(sources_, supporting_, e.first_seen, e.last_seen);
    edge_ = -1;
  }

 private:
  std::vector<Edge>& edges_;
  const DocumentTable& sources_;
  const MentionStore& store_;
  int edge_ = -1;
  std::size_t first_ = 0, count_ = 0;
  std::vector<int> supporting_;  // distinct source indices of the edge
  std::set<std::string_view> outlets_;
};

// The name a document's entity stands under in the graph. Full canonical names merge across
// documents; a person named by one word only ("Kim", "Raul": a surname or given name no full name
// in its document resolved, or one several full names there share) is no one the graph can name
// across documents (two articles' "Kim" are often two people), so it stays with its document: the
// node's name carries the document id, and the bare name is an alias.
std::string display_name(const Entity& e, const std::string& doc_id) {
  if (e.type == EntityType::Person && e.name.find(' ') == std::string::npos) return e.name + " (" + doc_id + ")";
  return e.name;
}

// The key entities merge on: the display name with ASCII letter case folded and a hyphen read as a
// space, so that two documents' "Haider Al-Abadi" and "Haider al-Abadi", or "Kim Jong-un" and
// "Kim Jong Un" (one romanisation written two ways), are one node.
std::string merge_key(const std::string& display) { return fold_name(display); }

// An organisation's key also leaves out the dots of abbreviations: "U.S. Central Command" and "US
// Central Command", "U.N." and "UN" are one body written in two house styles; and a name of a known
// organisation is keyed by its row's canonical name (organisation_names.hpp).
std::string organisation_merge_key(const std::string& display, const OrganisationNames& names) {
  return std::string(names.key_of(organisation_key(display)));
}

// A person's key also leaves out one middle initial between a given name and a surname ("Donald J.
// Trump", "Joseph R. Biden" in one article, "Donald Trump" in the next): news adds or drops it as
// house style, not to tell two people apart. Two initials ("George H. W. Bush") or a name of
// other shape keep the key as it is, so "George H. W. Bush" and "George W. Bush" stay two people.
// A first name listed as a short form is read as its formal name ("Joe Biden" and "Joseph Biden"),
// the rest of the name unchanged: only the given name differs, so "Bill Clinton" and "Hillary
// Clinton" keep two keys. A one-word name kept to its document (`names` null) is left alone.
std::string person_merge_key(const std::string& display, const GivenNames* names) {
  std::string key = merge_key(display);
  const std::size_t a = key.find(' ');
  if (a == std::string::npos) return key;
  // the words, as offsets: exactly three, the middle one a letter and a dot
  const std::size_t b = key.find(' ', a + 1);
  if (b != std::string::npos && key.find(' ', b + 1) == std::string::npos && b == a + 3 && key[a + 2] == '.' &&
      key[a + 1] >= 'a' && key[a + 1] <= 'z')
    key.erase(a, 3);
  if (names)
    if (const std::string_view formal = names->formal(std::string_view(key).substr(0, a)); !formal.empty())
      key.replace(0, a, formal);
  return key;
}

// The spelling most mentions use; on a tie the byte-smallest, so the name does not depend on the
// order documents arrive in.
std::string chosen_spelling(const std::vector<std::pair<std::string_view, int>>& spellings) {
  std::string_view best;
  int most = -1;
  for (const auto& [name, count] : spellings)
    if (count > most) {
      best = name;
      most = count;
    }
  return std::string(best);
}

}  // namespace

struct KnowledgeGraph::Impl {
  // The accumulation, freed by finalize(). Vertices and edges in insertion
  // order, which is why nothing is read from them directly.
  // What documents' entities merge on (merge_key), per vertex in insertion
  // order (graph/key_table.hpp). What documents said about each entity
  // waits on disk until finalize() (graph/entity_log.hpp).
  KeyTable vertex_keys;
  std::size_t vertex_count = 0;  // vertex_keys.size(), kept once finalize() frees the keys
  std::unique_ptr<EntityLog> entity_log;  // made on the first entity
  std::vector<EdgeKey> edge_keys;
  std::unordered_map<EdgeKey, std::uint32_t, EdgeKeyHash> edge_by_key;
  DocumentTable docs;  // insertion order; its records on disk (docs_on_disk)
  // Ids seen, for skipping a repeated document: needed only once ids stop
  // coming in ascending order (merge and build add them sorted, so a repeat
  // is the document just before and no table of every id is held).
  std::string last_id;
  bool ids_unordered = false;
  std::unordered_set<std::string> id_table;
  // Attribute lists, each held once; std::set never moves what it holds.
  std::set<AttributeList> attribute_lists;
  bool final = false;
  int dropped_relations = 0;
  GivenNames given_names;  // empty unless use_given_names() was called
  PlaceSpellings place_spellings;  // empty unless use_place_spellings() was called
  OrganisationNames organisation_names;  // empty unless use_organisation_names() was called

  // Held from add() on. Before finalize() a Support's `source` is its
  // document's insertion index and `edge` an index into edge_keys; "place" holds
  // a merge key.
  TextStore texts;
  // The accumulation's spellings, aliases and Wikidata ids: the nodes copy
  // what they keep, so these go with the accumulation instead of being held
  // to the end beside the nodes' own copies (a new entity per article adds
  // its name to both).
  TextStore names;
  std::filesystem::path evidence_dir;
  std::unique_ptr<EvidenceFile> evidence;  // made on the first sentence; never moves
  MentionStore mentions;
  // With a memory budget (use_memory_budget), add() appends mentions here
  // unsorted instead, and finalize() sorts them out of core into `mentions`.
  std::size_t memory_budget = 0;
  std::unique_ptr<SpillFile> unsorted;
  std::size_t unsorted_count = 0;
  // use_partition(): the mentions kept are those of partition `part`.
  unsigned part = 0, parts = 1;
  // use_node_order(): the nodes come from elsewhere; add() keeps merge keys only.
  std::function<NodeOrder()> node_order_source;
  // finalize()'s vertex -> node index, kept for take_node_order().
  std::vector<std::uint32_t> node_of_vertex;
  bool node_order_taken = false;
  // FNV-1a of every vertex's merge key, in vertex order (NodeOrder::keys_digest).
  std::uint64_t keys_digest = 0xcbf29ce484222325ull;

  // Results of finalize().
  DocumentTable sources;
  NodeTable nodes;
  std::vector<Edge> edges;

  std::uint32_t upsert_vertex(const std::string& key) {
    const auto [index, inserted] = vertex_keys.insert(key);
    if (inserted) {
      for (char c : key) keys_digest = (keys_digest ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
      keys_digest = (keys_digest ^ 0xffu) * 0x100000001b3ull;  // ("ab", "c") and ("a", "bc") differ
    }
    return index;
  }

  std::uint32_t upsert_edge(std::uint32_t head, RelationType type, std::uint32_t tail) {
    auto [it, inserted] = edge_by_key.try_emplace(EdgeKey{head, tail, type}, static_cast<std::uint32_t>(edge_keys.size()));
    if (inserted) edge_keys.push_back(EdgeKey{head, tail, type});
    return it->second;
  }

  // True when a document with this id was added before. Called once per add(), before the push.
  bool seen_before(const std::string& id) {
    if (!ids_unordered) {
      if (docs.empty() || last_id < id) return false;
      if (last_id == id) return true;
      ids_unordered = true;  // out of order: from now on every id is looked up
      id_table.reserve(docs.size() * 2);
      for (std::size_t i = 0; i < docs.size(); ++i) id_table.insert(docs.id(i));
    }
    return !id_table.insert(id).second;
  }

  const AttributeList* attribute_list(AttributeList list) {
    if (list.empty()) return nullptr;
    return &*attribute_lists.insert(std::move(list)).first;
  }

  void build_sources(std::vector<int>& rank);
  void build_nodes(const std::vector<int>& doc_rank, std::vector<int>& vertex_rank);
  void fetch_nodes(std::vector<int>& vertex_rank);
  // The document table keeps its records on disk (graph/document_table.hpp),
  // with or without a memory budget: the writers read each once, and in
  // memory a document held about 300 bytes from add() to the end (issue 16).
  void docs_on_disk() {
    if (docs.empty() && !docs.on_disk()) docs.keep_on_disk(evidence_dir);
  }

  void log(const EntityEvent& e) {
    if (!entity_log) entity_log = std::make_unique<EntityLog>(evidence_dir);
    entity_log->add(e);
  }
};

KnowledgeGraph::KnowledgeGraph(std::filesystem::path evidence_dir) : impl_(std::make_unique<Impl>()) {
  impl_->evidence_dir = std::move(evidence_dir);
  impl_->nodes = NodeTable(impl_->evidence_dir);
}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

void KnowledgeGraph::use_given_names(GivenNames names) {
  if (!impl_->docs.empty()) throw std::logic_error("KnowledgeGraph::use_given_names after add");
  impl_->given_names = std::move(names);
}

void KnowledgeGraph::use_organisation_names(OrganisationNames names) {
  if (!impl_->docs.empty()) throw std::logic_error("KnowledgeGraph::use_organisation_names after add");
  impl_->organisation_names = std::move(names);
}

void KnowledgeGraph::use_place_spellings(PlaceSpellings spellings) {
  if (!impl_->docs.empty()) throw std::logic_error("KnowledgeGraph::use_place_spellings after add");
  impl_->place_spellings = std::move(spellings);
}

void KnowledgeGraph::use_memory_budget(std::size_t bytes) {
  if (!impl_->docs.empty()) throw std::logic_error("KnowledgeGraph::use_memory_budget after add");
  impl_->memory_budget = bytes;
}

void KnowledgeGraph::use_partition(unsigned part, unsigned parts) {
  if (!impl_->docs.empty()) throw std::logic_error("KnowledgeGraph::use_partition after add");
  if (parts == 0 || part >= parts) throw std::invalid_argument("KnowledgeGraph::use_partition: no such partition");
  impl_->part = part;
  impl_->parts = parts;
}

unsigned edge_partition(std::string_view head_key, RelationType type, std::string_view tail_key, unsigned parts) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ull;
  };
  for (char c : head_key) mix(static_cast<unsigned char>(c));
  mix(0);  // ("ab", "c") and ("a", "bc") differ
  mix(static_cast<unsigned char>(type));
  for (char c : tail_key) mix(static_cast<unsigned char>(c));
  return static_cast<unsigned>(h % parts);
}

void KnowledgeGraph::use_node_order(std::function<NodeOrder()> fetch) {
  if (!impl_->docs.empty()) throw std::logic_error("KnowledgeGraph::use_node_order after add");
  impl_->node_order_source = std::move(fetch);
}

NodeOrder KnowledgeGraph::take_node_order() {
  Impl& s = *impl_;
  if (!s.final || s.node_order_source || s.parts < 2 || s.node_order_taken)
    throw std::logic_error("KnowledgeGraph::take_node_order: no node order here");
  s.node_order_taken = true;
  NodeOrder out;
  out.keys_digest = s.keys_digest;
  out.node_of_vertex = std::move(s.node_of_vertex);
  s.node_of_vertex = {};
  out.names.reserve(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) out.names.emplace_back(s.nodes.name(i));
  return out;
}

void KnowledgeGraph::reserve(std::size_t documents) {
  impl_->docs_on_disk();
  impl_->docs.reserve(documents);
}

// A document id seen before is skipped whole: the same article fed twice (two
// shards overlapping, a file listed twice) must not double-count its support.
// The first extraction with that id wins, so two *different* extractions under
// one id are a caller error whose result depends on order.
void KnowledgeGraph::add(const Extraction& x) {
  Impl& s = *impl_;
  if (s.final) throw std::logic_error("KnowledgeGraph::add after finalize");
  const int doc = static_cast<int>(s.docs.size());
  if (s.seen_before(x.meta.id)) return;
  s.docs_on_disk();
  s.docs.push_back(x.meta);
  if (!s.ids_unordered) s.last_id = x.meta.id;

  std::vector<std::uint32_t> local(x.entities.size());
  std::unordered_map<std::string_view, std::uint32_t> by_id;
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    const std::string display = display_name(e, x.meta.id);
    const GivenNames* names = display == e.name ? &s.given_names : nullptr;
    local[i] = s.upsert_vertex(e.type == EntityType::Person         ? person_merge_key(display, names)
                               : e.type == EntityType::Organisation ? organisation_merge_key(display, s.organisation_names)
                               : e.type == EntityType::Location     ? std::string(s.place_spellings.key_of(merge_key(display)))
                                                                    : merge_key(display));
    by_id.emplace(e.id, local[i]);
    if (s.node_order_source) continue;  // the nodes are summed up elsewhere
    // Summed up by finalize() (sum_up below), one entity at a time.
    EntityEvent event;
    event.vertex = local[i];
    event.doc = static_cast<std::uint32_t>(doc);
    auto text = [&event](std::string_view t) {
      event.text = t.data();
      event.size = static_cast<std::uint32_t>(t.size());
    };
    event.kind = EntityEvent::Seen;
    event.type = static_cast<std::uint8_t>(e.type);
    event.mentions = static_cast<std::int32_t>(e.mentions.size());
    text(s.names.intern(display));
    s.log(event);
    event.kind = EntityEvent::Alias;
    event.type = 0;
    event.mentions = 0;
    // Aliases are a set: each distinct text of this entity once per document.
    std::vector<std::string_view> aliases;
    if (display != e.name) aliases.push_back(e.name);
    for (const Mention& m : e.mentions)  // the node's own name is taken out when it is chosen
      if (std::find(aliases.begin(), aliases.end(), std::string_view(m.text)) == aliases.end()) aliases.push_back(m.text);
    for (std::string_view alias : aliases) {
      text(s.names.intern(alias));
      s.log(event);
    }
    if (!e.wikidata.empty()) {
      event.kind = EntityEvent::Wikidata;
      text(s.names.intern(e.wikidata));
      s.log(event);
    }
  }

  // Several relations of a document often cite one sentence: its text is held once.
  std::unordered_map<std::string_view, EvidenceText> evidence;
  const int n = static_cast<int>(x.entities.size());
  for (const Relation& r : x.relations) {
    // A relation pointing outside the entity list, or from an entity to
    // itself, carries no edge; it is counted so callers can report it.
    if (r.head < 0 || r.head >= n || r.tail < 0 || r.tail >= n || local[r.head] == local[r.tail]) {
      ++s.dropped_relations;
      continue;
    }
    std::uint32_t head = local[static_cast<std::size_t>(r.head)];
    std::uint32_t tail = local[static_cast<std::size_t>(r.tail)];
    if (is_symmetric(r.type) && s.vertex_keys.key(tail) < s.vertex_keys.key(head)) std::swap(head, tail);
    // Another partition's mention: neither stored nor counted as dropped.
    if (s.parts > 1 && edge_partition(s.vertex_keys.key(head), r.type, s.vertex_keys.key(tail), s.parts) != s.part) continue;
    Support p;
    p.source = doc;
    p.edge = static_cast<int>(s.upsert_edge(head, r.type, tail));
    p.modality = r.modality;
    p.confidence = r.confidence;
    p.evidence.span = r.evidence.span;
    auto [text, fresh] = evidence.try_emplace(r.evidence.text);
    if (fresh) {
      if (!s.evidence) s.evidence = std::make_unique<EvidenceFile>(s.evidence_dir);
      text->second = s.evidence->append(r.evidence.text);
    }
    p.evidence.text = text->second;
    p.evidence.rule = s.texts.intern(r.evidence.rule);
    p.evidence.note = s.texts.intern(r.evidence.note);
    AttributeList attributes;
    attributes.reserve(r.attributes.size());
    for (const auto& [key, value] : r.attributes) {
      // "place" names an entity of this document by id; outside it only the
      // canonical name means anything. An id we cannot resolve is dropped
      // rather than passed on as a dangling "e7".
      if (key == "place") {
        auto v = by_id.find(value);
        if (v == by_id.end()) continue;
        attributes.emplace_back(s.texts.intern(key), s.texts.intern(s.vertex_keys.key(v->second)));  // a name at finalize()
        continue;
      }
      attributes.emplace_back(s.texts.intern(key), s.texts.intern(value));  // std::map: already sorted by key
    }
    p.attributes.entries_ = s.attribute_list(std::move(attributes));
    if (s.memory_budget > 0) {
      if (!s.unsorted) s.unsorted = std::make_unique<SpillFile>(s.evidence_dir);
      s.unsorted->append(&p, sizeof p);
      ++s.unsorted_count;
    } else {
      s.mentions.push_back(p);
    }
  }
}

namespace {

void add_spelling(VertexAcc& v, std::string_view display, int count) {
  auto it = std::lower_bound(v.spellings.begin(), v.spellings.end(), display,
                             [](const auto& entry, std::string_view name) { return entry.first < name; });
  if (it == v.spellings.end() || it->first != display) it = v.spellings.emplace(it, display, 0);
  it->second += count;
}

// One event of an entity's log into its sum: what add() summed up in place
// before the log (the same result whatever order the events come in).
void sum_up(VertexAcc& v, const EntityEvent& e) {
  switch (e.kind) {
    case EntityEvent::Seen:
      ++v.type_votes[e.type];
      v.mentions += e.mentions;
      add_spelling(v, e.view(), std::max<int>(1, e.mentions));
      if (v.docs.empty() || v.docs.back() != static_cast<int>(e.doc)) v.docs.push_back(static_cast<int>(e.doc));
      break;
    case EntityEvent::Alias:
      insert_sorted(v.aliases, e.view());
      break;
    case EntityEvent::Wikidata:
      if (wikidata_before(e.view(), v.wikidata)) v.wikidata = e.view();
      break;
  }
}

}  // namespace

// Ids that came in ascending order (as merge and build add them) are already
// in source order: nothing is read back or sorted.
void KnowledgeGraph::Impl::build_sources(std::vector<int>& rank) {
  std::vector<std::uint32_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0u);
  if (ids_unordered) {
    std::vector<std::string> ids(docs.size());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = docs.id(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return ids[a] < ids[b]; });
  }
  rank.assign(docs.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  if (ids_unordered) docs.permute(order);
  docs.seal();
  sources = std::move(docs);
  docs = {};
  std::unordered_set<std::string>().swap(id_table);
  std::string().swap(last_id);
}

// Nodes are made in insertion order, one vertex's sum at a time, each going
// into the node table (its record on disk, graph/node_table.hpp), then put in
// name order in place.
void KnowledgeGraph::Impl::build_nodes(const std::vector<int>& doc_rank, std::vector<int>& vertex_rank) {
  const std::size_t n = vertex_count;
  nodes.clear();
  nodes.reserve(n);
  std::size_t made = 0;
  VertexAcc v;
  auto make_node = [&] {
    Node node;
    node.name = chosen_spelling(v.spellings);
    // max_element returns the first maximum: ties go to the earlier enum value.
    auto best = std::max_element(v.type_votes.begin(), v.type_votes.end());
    node.type = static_cast<EntityType>(best - v.type_votes.begin());
    node.aliases.reserve(v.aliases.size() + v.spellings.size());
    for (std::string_view alias : v.aliases)
      if (alias != node.name) node.aliases.emplace_back(alias);
    for (const auto& [spelling, count] : v.spellings)
      if (spelling != node.name && !std::binary_search(v.aliases.begin(), v.aliases.end(), spelling))
        node.aliases.emplace_back(spelling);
    std::sort(node.aliases.begin(), node.aliases.end());
    node.aliases.shrink_to_fit();  // reserved for every spelling, most of which are the name: one Node per entity
    node.mentions = v.mentions;
    node.wikidata = std::string(v.wikidata);
    node.sources.reserve(v.docs.size());
    for (int d : v.docs) node.sources.push_back(doc_rank[d]);
    std::sort(node.sources.begin(), node.sources.end());
    date_range(sources, node.sources, node.first_seen, node.last_seen);
    nodes.push_back(node);
    ++made;
    v = VertexAcc();
  };
  // The events by vertex: every vertex has one Seen event per document naming it.
  std::uint32_t at = 0;
  bool any = false;
  if (entity_log) {
    // The sort's buffer: 2 MiB (65,536 events; 20 MB of mixed news makes about 300,000),
    // past which it sorts in runs on disk, with or without a memory budget: the point of
    // the log is not to hold a record per entity mention (an eighth of --memory 1G held
    // every event of 80 MB, 38 MB, and put the peak up by as much).
    const std::size_t buffer = std::size_t{2} << 20;
    entity_log->replay(buffer, [&](const EntityEvent& e) {
      const std::uint32_t expected = !any ? 0 : e.vertex == at ? at : at + 1;
      if (e.vertex != expected) throw std::logic_error("entity log: no event for vertex " + std::to_string(expected));
      if (any && e.vertex != at) make_node();
      at = e.vertex;
      any = true;
      sum_up(v, e);
    });
    entity_log.reset();
  }
  if (any) make_node();
  if (made != n)
    throw std::logic_error("entity log: events for " + std::to_string(made) + " of " + std::to_string(n) + " entities");
  names = TextStore();  // the nodes hold their own copies
  return_free_memory();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return nodes.name(a) < nodes.name(b); });
  vertex_rank.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) vertex_rank[order[i]] = static_cast<int>(i);
  nodes.permute(order);
  nodes.seal();
}

// Nodes named by a graph that summed the entities up (use_node_order): only
// their names are held, which is what ordering edges, naming "place" and the
// writers' slugs need.
void KnowledgeGraph::Impl::fetch_nodes(std::vector<int>& vertex_rank) {
  NodeOrder order = node_order_source();
  if (order.node_of_vertex.size() != vertex_count || order.keys_digest != keys_digest)
    throw std::runtime_error("node order of " + std::to_string(order.node_of_vertex.size()) + " vertices for a graph of " +
                             std::to_string(vertex_count) + " (or of other merge keys): the partitions did not add the same documents");
  vertex_rank.assign(order.node_of_vertex.begin(), order.node_of_vertex.end());
  std::vector<std::uint32_t>().swap(order.node_of_vertex);
  nodes.clear();
  nodes.reserve(order.names.size());
  Node node;
  for (std::string& name : order.names) {
    node.name = std::move(name);
    nodes.push_back(node);
  }
  nodes.seal();
}

// The accumulation is consumed: finalize() runs once, and a second call finds
// the graph final and leaves it as it is.
void KnowledgeGraph::finalize() {
  Impl& s = *impl_;
  if (s.final) return;
  s.final = true;
  std::vector<int> doc_rank, vertex_rank;
  s.build_sources(doc_rank);
  if (s.evidence) s.evidence->flush();  // read by the sort below and by writers on several threads

  // "place" holds a merge key until the nodes have names: each distinct
  // attribute list with a place gets its twin with the chosen name.
  std::map<const AttributeList*, const AttributeList*> renamed;
  {
    std::vector<const AttributeList*> with_place;
    for (const AttributeList& list : s.attribute_lists)
      for (const auto& [key, value] : list)
        if (key == "place") with_place.push_back(&list);
    std::vector<std::pair<const AttributeList*, std::uint32_t>> place_vertex;
    for (const AttributeList* list : with_place)
      for (const auto& [key, value] : *list)
        if (key == "place") place_vertex.emplace_back(list, s.vertex_keys.find(value));
    // Nothing looks a key up from here on, and the key table (a hash node and
    // often a heap string per entity) would otherwise be held beside the
    // nodes while they are made.
    s.vertex_count = s.vertex_keys.size();
    s.vertex_keys = KeyTable();
    if (s.node_order_source) {
      s.fetch_nodes(vertex_rank);
    } else {
      s.build_nodes(doc_rank, vertex_rank);
      if (s.parts > 1) s.node_of_vertex.assign(vertex_rank.begin(), vertex_rank.end());  // for take_node_order()
    }
    for (const auto& [list, vertex] : place_vertex) {
      AttributeList copy = *list;
      for (auto& [key, value] : copy)
        if (key == "place") value = s.texts.intern(s.nodes.name(static_cast<std::size_t>(vertex_rank[vertex])));
      renamed[list] = s.attribute_list(std::move(copy));
    }
  }
  s.entity_log.reset();
  s.names = TextStore();

  // Edges in (head name, type, tail name) order: node indices follow name order.
  const std::size_t edge_count = s.edge_keys.size();
  std::vector<Edge> edges(edge_count);
  for (std::size_t i = 0; i < edge_count; ++i) {
    const EdgeKey& k = s.edge_keys[i];
    Edge& e = edges[i];
    e.head = vertex_rank[k.head];
    e.tail = vertex_rank[k.tail];
    e.type = k.type;
    // node indices follow the names finalize() chose: symmetric endpoints in name order
    if (is_symmetric(e.type) && e.tail < e.head) std::swap(e.head, e.tail);
  }
  std::vector<std::uint32_t> order(edge_count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(edges[a].head, edges[a].type, edges[a].tail) < std::tie(edges[b].head, edges[b].type, edges[b].tail);
  });
  std::vector<int> edge_rank(edge_count);
  s.edges.clear();
  s.edges.reserve(edge_count);
  for (std::size_t i = 0; i < edge_count; ++i) {
    edge_rank[order[i]] = static_cast<int>(i);
    s.edges.push_back(edges[order[i]]);
  }
  std::vector<Edge>().swap(edges);
  std::vector<EdgeKey>().swap(s.edge_keys);
  std::unordered_map<EdgeKey, std::uint32_t, EdgeKeyHash>().swap(s.edge_by_key);
  // The accumulation is gone: its pages go back before the mentions are sorted
  // and the analytics and writers allocate (graph/free_memory.hpp).
  return_free_memory();

  // The one store of mentions, sorted by edge, then by support_less: in
  // place, or out of core under a memory budget (the same order either way).
  auto remap = [&](Support& p) {
    p.source = doc_rank[static_cast<std::size_t>(p.source)];
    p.edge = edge_rank[static_cast<std::size_t>(p.edge)];
    if (auto it = renamed.find(p.attributes.entries_); it != renamed.end()) p.attributes.entries_ = it->second;
  };
  auto by_edge = [](const Support& a, const Support& b) {
    return a.edge != b.edge ? a.edge < b.edge : support_less(a, b);
  };
  EdgeTally tally(s.edges, s.sources, s.mentions);
  if (s.memory_budget == 0) {
    std::deque<Support>& held = s.mentions.memory();
    for (Support& p : held) remap(p);
    std::sort(held.begin(), held.end(), by_edge);
    s.texts.stop_interning();
    for (std::size_t i = 0; i < held.size(); ++i) tally.add(held[i], i);
  } else {
    // An eighth of the budget for the sort's buffer: the nodes, edges and
    // document table are held beside it. Mentions equal under by_edge are the
    // same mention of one sentence (every field the writers read is
    // compared), so they may come in any order and runs sort in place.
    ExternalSorter<Support, decltype(by_edge)> sorter(s.evidence_dir, std::max<std::size_t>(s.memory_budget / 8, sizeof(Support)),
                                                       by_edge, Ties::Interchangeable);
    if (s.unsorted) {
      std::vector<Support> chunk(4096);
      for (std::size_t at = 0; at < s.unsorted_count; at += chunk.size()) {
        const std::size_t n = std::min(chunk.size(), s.unsorted_count - at);
        s.unsorted->read(static_cast<std::uint64_t>(at) * sizeof(Support), chunk.data(), n * sizeof(Support));
        for (std::size_t i = 0; i < n; ++i) {
          remap(chunk[i]);
          sorter.add(chunk[i]);
        }
      }
      s.unsorted.reset();
    }
    s.texts.stop_interning();
    s.mentions.keep_on_disk(s.evidence_dir);
    std::size_t i = 0;
    sorter.merge([&](const Support& p) {
      s.mentions.push_back(p);
      tally.add(p, i++);
    });
  }
  tally.finish();
  s.mentions.seal();
  compute_analytics(s.nodes, s.edges);
}

std::vector<EdgeSummary> KnowledgeGraph::edge_summaries() const {
  std::vector<EdgeSummary> out;
  out.reserve(impl_->edges.size());
  for (const Edge& e : impl_->edges) {
    EdgeSummary m;
    m.head = e.head;
    m.tail = e.tail;
    m.type = e.type;
    m.modality = e.modality;
    m.weight = e.weight;
    m.source_count = e.source_count;
    m.outlet_count = e.outlet_count;
    m.modality_mentions = e.modality_mentions;
    m.first_seen = e.first_seen;
    m.last_seen = e.last_seen;
    for (const Support& p : e.support)  // support is sorted by source
      if (m.sources.empty() || m.sources.back() != p.source) m.sources.push_back(p.source);
    if (!e.support.empty()) m.first_evidence = e.support.front().evidence.text.str();
    out.push_back(std::move(m));
  }
  return out;
}

namespace {
// An edge from its summary, without support.
Edge edge_of(const EdgeSummary& m) {
  Edge e;
  e.head = m.head;
  e.tail = m.tail;
  e.type = m.type;
  e.modality = m.modality;
  e.weight = m.weight;
  e.source_count = m.source_count;
  e.outlet_count = m.outlet_count;
  e.modality_mentions = m.modality_mentions;
  e.first_seen = m.first_seen;
  e.last_seen = m.last_seen;
  return e;
}
}  // namespace

void KnowledgeGraph::analyse(const std::vector<EdgeSummary>& all) {
  if (!impl_->final) throw std::logic_error("KnowledgeGraph::analyse before finalize");
  std::vector<Edge> edges;
  edges.reserve(all.size());
  for (const EdgeSummary& m : all) edges.push_back(edge_of(m));
  compute_analytics(impl_->nodes, edges);
}

void KnowledgeGraph::adopt_summaries(std::vector<EdgeSummary> all) {
  Impl& s = *impl_;
  if (!s.final) throw std::logic_error("KnowledgeGraph::adopt_summaries before finalize");
  s.edges.clear();
  s.edges.reserve(all.size());
  s.mentions = MentionStore();
  if (!s.evidence) s.evidence = std::make_unique<EvidenceFile>(s.evidence_dir);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EdgeSummary& m = all[i];
    Edge e = edge_of(m);
    const std::size_t first = s.mentions.size();
    for (std::size_t k = 0; k < m.sources.size(); ++k) {
      Support p;
      p.source = m.sources[k];
      p.edge = static_cast<int>(i);
      p.modality = m.modality;
      if (k == 0) p.evidence.text = s.evidence->append(m.first_evidence);
      s.mentions.push_back(p);
    }
    e.support = SupportList(&s.mentions, first, m.sources.size());
    s.edges.push_back(std::move(e));
    m = EdgeSummary();  // freed as it is taken
  }
  s.evidence->flush();
  s.mentions.seal();
  compute_analytics(s.nodes, s.edges);
}

const DocumentTable& KnowledgeGraph::sources() const { return impl_->sources; }
const NodeTable& KnowledgeGraph::nodes() const { return impl_->nodes; }
const std::vector<Edge>& KnowledgeGraph::edges() const { return impl_->edges; }
Support KnowledgeGraph::mention(std::size_t i) const { return impl_->mentions[i]; }
int KnowledgeGraph::dropped_relations() const { return impl_->dropped_relations; }

// Nodes are sorted by name and names are unique: a binary search, no index to hold.
int KnowledgeGraph::find(std::string_view name) const {
  const NodeTable& nodes = impl_->nodes;
  std::size_t lo = 0, hi = nodes.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (nodes.name(mid) < name) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < nodes.size() && nodes.name(lo) == name ? static_cast<int>(lo) : -1;
}

}  // namespace kgraph::graph
