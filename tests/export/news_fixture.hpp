// A small knowledge graph built from hand-made Extractions of realistic news
// sentences, for the RDF and report tests:
//   - two outlets (Reuters, AP) report the same meeting of a foreign minister
//     with a president; a third (DW) also has a planned meeting that must not
//     become a fact, a reported deployment, and a negated meeting that
//     disagrees with AP's phone call between the same two people;
//   - offices held (holds_position with titles), a located_in, a member_of.
// `nasty` variants put markup, quotes, backslashes, control characters, RTL
// marks and invalid UTF-8 into names, titles, sentences and metadata.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::testing {

// Builds one Extraction: the text is the sentences joined by spaces, so the
// evidence offsets are real byte offsets.
class DocBuilder {
 public:
  DocBuilder(std::string id, std::string title, std::string date, std::string outlet, std::string url) {
    x_.meta.id = std::move(id);
    x_.meta.title = std::move(title);
    x_.meta.date = std::move(date);
    x_.meta.source = std::move(outlet);
    x_.meta.url = std::move(url);
  }
  // Adds the sentence to the text; returns its index for relation().
  int sentence(const std::string& s) {
    if (!text_.empty()) text_ += ' ';
    spans_.push_back(Span{static_cast<std::uint32_t>(text_.size()),
                          static_cast<std::uint32_t>(text_.size() + s.size())});
    text_ += s;
    return static_cast<int>(spans_.size()) - 1;
  }
  // An entity mentioned by `surface` in sentence `in` (its first occurrence there).
  int entity(const std::string& name, EntityType type, int in, const std::string& surface) {
    for (std::size_t i = 0; i < x_.entities.size(); ++i) {
      if (x_.entities[i].name == name) {
        add_mention(x_.entities[i], in, surface);
        return static_cast<int>(i);
      }
    }
    Entity e;
    e.id = "e" + std::to_string(x_.entities.size() + 1);
    e.name = name;
    e.type = type;
    add_mention(e, in, surface);
    x_.entities.push_back(std::move(e));
    return static_cast<int>(x_.entities.size()) - 1;
  }
  void relation(RelationType type, int head, int tail, Modality modality, double confidence, int in,
                const std::string& rule, std::map<std::string, std::string> attributes = {}) {
    Relation r;
    r.type = type;
    r.head = head;
    r.tail = tail;
    r.modality = modality;
    r.confidence = confidence;
    r.evidence.span = spans_.at(in);
    r.evidence.text = text_.substr(spans_[in].begin, spans_[in].size());
    r.evidence.rule = rule;
    r.attributes = std::move(attributes);
    x_.relations.push_back(std::move(r));
  }
  Extraction done() {
    x_.text = text_;
    return x_;
  }

 private:
  void add_mention(Entity& e, int in, const std::string& surface) {
    const std::size_t at = text_.find(surface, spans_.at(in).begin);
    const auto begin = static_cast<std::uint32_t>(at == std::string::npos ? spans_[in].begin : at);
    e.mentions.push_back(Mention{Span{begin, static_cast<std::uint32_t>(begin + surface.size())}, surface});
  }
  Extraction x_;
  std::string text_;
  std::vector<Span> spans_;
};

struct NewsNames {
  std::string minister = "Annalena Baerbock";
  std::string president = "Volodymyr Zelensky";
  std::string us_president = "Joe Biden";
  std::string polish_minister = "Radosław Sikorski";
  std::string ministry_title = "Foreign Minister";
  std::string reuters_sentence =
      "German Foreign Minister Annalena Baerbock met President Volodymyr Zelensky in Kyiv on Friday.";
  std::string ap_sentence = "Baerbock held talks with Zelensky in the Ukrainian capital, officials said.";
  std::string reuters_title = "Baerbock visits Kyiv";
  std::string ap_url = "https://apnews.com/article/baerbock-kyiv";
};

inline std::vector<Extraction> news_extractions(const NewsNames& n = {}) {
  std::vector<Extraction> docs;
  {
    DocBuilder d("reuters/2024-03-01-baerbock.txt", n.reuters_title, "2024-03-01", "Reuters",
                 "https://www.reuters.com/world/europe/baerbock-kyiv-2024-03-01/");
    const int s0 = d.sentence(n.reuters_sentence);
    const int s1 = d.sentence("Kyiv, Ukraine's capital, was quiet.");
    const int min = d.entity(n.minister, EntityType::Person, s0, n.minister);
    const int pres = d.entity(n.president, EntityType::Person, s0, n.president);
    const int de = d.entity("Germany", EntityType::Country, s0, "German");
    const int kyiv = d.entity("Kyiv", EntityType::Location, s0, "Kyiv");
    const int ua = d.entity("Ukraine", EntityType::Country, s1, "Ukraine");
    d.relation(RelationType::MetWith, min, pres, Modality::Asserted, 0.93, s0, "trigger:met_with/meet",
               {{"place", "Kyiv"}, {"date", "2024-03-01"}});
    d.relation(RelationType::HoldsPosition, min, de, Modality::Asserted, 0.9, s0, "title:before-name",
               {{"title", n.ministry_title}});
    d.relation(RelationType::LocatedIn, kyiv, ua, Modality::Asserted, 0.8, s1, "apposition:capital");
    docs.push_back(d.done());
  }
  {
    DocBuilder d("ap/baerbock-kyiv.txt", "German minister holds talks in Kyiv", "2024-03-01", "AP", n.ap_url);
    const int s0 = d.sentence(n.ap_sentence);
    const int s1 = d.sentence("Zelensky later spoke by phone with U.S. President Joe Biden.");
    const int min = d.entity(n.minister, EntityType::Person, s0, "Baerbock");
    const int pres = d.entity(n.president, EntityType::Person, s0, "Zelensky");
    d.entity(n.president, EntityType::Person, s1, "Zelensky");
    const int biden = d.entity(n.us_president, EntityType::Person, s1, "Joe Biden");
    const int us = d.entity("United States", EntityType::Country, s1, "U.S.");
    d.relation(RelationType::MetWith, pres, min, Modality::Asserted, 0.88, s0, "trigger:met_with/talks");
    d.relation(RelationType::SpokeWith, pres, biden, Modality::Asserted, 0.91, s1, "trigger:spoke_with/phone");
    d.relation(RelationType::HoldsPosition, biden, us, Modality::Asserted, 0.9, s1, "title:before-name",
               {{"title", "President"}});
    docs.push_back(d.done());
  }
  {
    DocBuilder d("dw/2024-03-02-patriot.txt", "Germany sends Patriot systems to Poland", "2024-03-02", "DW", "");
    const int s0 = d.sentence("Germany deployed Patriot air-defence systems to Poland, the defence ministry said.");
    const int s1 = d.sentence("Baerbock plans to meet Polish Foreign Minister Radosław Sikorski next week.");
    const int s2 = d.sentence("Zelensky and Biden did not meet in person.");
    const int s3 = d.sentence("Poland is a member of NATO.");
    const int de = d.entity("Germany", EntityType::Country, s0, "Germany");
    const int pl = d.entity("Poland", EntityType::Country, s0, "Poland");
    const int min = d.entity(n.minister, EntityType::Person, s1, "Baerbock");
    const int sik = d.entity(n.polish_minister, EntityType::Person, s1, n.polish_minister);
    const int pres = d.entity(n.president, EntityType::Person, s2, "Zelensky");
    const int biden = d.entity(n.us_president, EntityType::Person, s2, "Biden");
    const int nato = d.entity("NATO", EntityType::Organisation, s3, "NATO");
    d.entity("Poland", EntityType::Country, s3, "Poland");
    d.relation(RelationType::DeployedTo, de, pl, Modality::Reported, 0.85, s0, "trigger:deployed_to/deploy",
               {{"date", "2024-03-02"}});
    d.relation(RelationType::MetWith, min, sik, Modality::Planned, 0.7, s1, "trigger:met_with/plans-to-meet");
    d.relation(RelationType::MetWith, pres, biden, Modality::Negated, 0.75, s2, "trigger:met_with/meet");
    d.relation(RelationType::MemberOf, pl, nato, Modality::Asserted, 0.95, s3, "pattern:member-of");
    docs.push_back(d.done());
  }
  return docs;
}

// The graph of `docs` (in reverse order with `reverse`); a nonzero `memory_budget` sorts the
// relation mentions on disk as `merge --memory` does.
inline graph::KnowledgeGraph build_graph(const std::vector<Extraction>& docs, bool reverse = false,
                                         std::size_t memory_budget = 0) {
  graph::KnowledgeGraph g;
  if (memory_budget > 0) g.use_memory_budget(memory_budget);
  if (reverse) {
    for (auto it = docs.rbegin(); it != docs.rend(); ++it) g.add(*it);
  } else {
    for (const Extraction& x : docs) g.add(x);
  }
  g.finalize();
  return g;
}

// Input text that tries to break every output format.
inline NewsNames nasty_names() {
  NewsNames n;
  n.minister = "Anna <b>\"Bär\"</b> & Co \\ \x01 \xE2\x80\x8F\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A";
  n.president = "Volodymyr <script>alert(1)</script> Zelensky\nJr. \xFF\xFE bad";
  n.ministry_title = "Minister \"of\" <i>Foreign</i> Affairs\\\t\x7F | *star* [link](javascript:x)";
  n.reuters_sentence = "Anna <b>\"Bär\"</b> & Co \\ \x01 \xE2\x80\x8F\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A met "
                       "Volodymyr <script>alert(1)</script> Zelensky\nJr. \xFF\xFE bad in Kyiv.\r\n\"\"\"";
  n.ap_sentence = "Talks '''with''' \xC0\xAF overlong and \xED\xA0\x80 surrogate, \x1B[31m colour # _x_ `code`.";
  n.reuters_title = "<script>alert(1)</script> & \"quotes\" \\ \x02";
  n.ap_url = "https://apnews.com/a b<c>\"d\"?q=\xFF&x={1}|%zz";
  return n;
}

}  // namespace kgraph::testing
