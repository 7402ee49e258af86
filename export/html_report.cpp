// The HTML report: one self-contained page (inline CSS and SVG, no script).
// Every piece of input text goes through html_escape(); the page also carries
// a Content-Security-Policy that forbids scripts, as a second line of defence.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "export/entity_palette.hpp"
#include "export/graph_picture.hpp"
#include "export/graph_values.hpp"
#include "export/report_facts.hpp"
#include "export/report_writer.hpp"
#include "export/slugs.hpp"
#include "export/text_escape.hpp"

namespace kgraph::exports {
namespace {

constexpr std::string_view kStyle = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1100px;padding:0 1.2em 3em;color:#222;background:#fff}
h1{margin-top:1em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
nav a{margin-right:1em}
table{border-collapse:collapse;margin:.6em 0 1.2em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right}
.modality-planned,.modality-hypothetical{color:#8a6d00}.modality-negated{color:#b00020}
blockquote{margin:.2em 0 .5em 0;padding:.1em .8em;border-left:3px solid #bbb;color:#444}
.src{font-size:.9em;color:#555}.counts{font-size:.85em;color:#555}
figure{margin:0;overflow:auto;border:1px solid #ddd;padding:.5em}figure svg{max-width:100%;height:auto}
.legend ul,ul.unrelated{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:.2em;margin-right:.35em;vertical-align:-.1em}
.legend svg{margin-right:.4em;vertical-align:middle}
.note{color:#666;font-style:italic}
article.entity{border-top:1px solid #eee;padding:.3em 0}
)";

std::string h(std::string_view text) { return html_escape(text); }

std::string fixed3(double v) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 3);
  return std::string(buf.data(), r.ptr);
}

std::string hex(Rgb c) {
  std::array<char, 8> buf{};
  std::snprintf(buf.data(), buf.size(), "#%02x%02x%02x", c.r, c.g, c.b);
  return buf.data();
}

std::string phrase(RelationType t) {
  std::string s(to_string(t));
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

std::string modality_span(Modality m) {
  return "<span class=\"modality-" + std::string(to_string(m)) + "\">" + std::string(to_string(m)) + "</span>";
}

class HtmlReport {
 public:
  HtmlReport(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options,
             const GraphSlugs& slugs)
      : graph_(graph), out_(out), options_(options), slugs_(slugs), incidence_(incident_edges(graph)) {}

  void write() {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         << "<meta name=\"generator\" content=\"" << h(options_.generator) << "\">\n"
         << "<title>Knowledge graph report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
         << "<h1>Knowledge graph report</h1>\n<p>Built by " << h(options_.generator) << " from "
         << graph_.sources().size() << (graph_.sources().size() == 1 ? " document" : " documents");
    if (!options_.generated_at.empty()) out_ << " on " << h(options_.generated_at);
    out_ << ".</p>\n<nav><a href=\"#picture\">Graph</a><a href=\"#summary\">Summary</a><a href=\"#sources\">Sources</a>"
         << "<a href=\"#relations\">Relations</a><a href=\"#entities\">Entities</a>"
         << "<a href=\"#disagreements\">Disagreements</a></nav>\n";
    picture();
    summary();
    sources();
    relations();
    entities();
    disagreement_section();
    out_ << "</body>\n</html>\n";
  }

 private:
  std::string entity_link(int node) const {
    return "<a href=\"#entity-" + std::string(slugs_.nodes[node]) + "\">" + h(graph_.nodes().name(static_cast<std::size_t>(node))) + "</a>";
  }

  void picture() {
    const EntityPalette palette = EntityPalette::load(options_.ontology_dir);
    TypeColours colours;
    for (int t = 0; t < kEntityTypeCount; ++t) colours[t] = hex(palette.color(static_cast<EntityType>(t)));
    const DotGraph dot = graph_dot(graph_, colours);
    out_ << "<section id=\"picture\">\n<h2>Graph</h2>\n";
    if (dot.nodes_drawn == 0) {
      out_ << "<p class=\"note\">No picture: no entity has a relation.</p>\n";
    } else if (const Picture picture = render_svg(dot); picture.svg.empty()) {
      out_ << "<p class=\"note\">No picture: " << h(picture.problem) << "</p>\n";
    } else {
      out_ << "<figure>\n" << picture.svg << "\n</figure>\n";
      picture_legend(dot, colours);
    }
    if (dot.nodes_left_out > 0) {
      out_ << "<p class=\"note\">The " << dot.nodes_left_out
           << " related entities of lowest PageRank are left out of the picture.</p>\n";
    }
    unrelated_entities(dot, colours);
    out_ << "</section>\n";
  }

  // The key to the picture: a swatch per entity type drawn, and a sample of
  // each edge style drawn with the same stroke as the picture's edges.
  void picture_legend(const DotGraph& dot, const TypeColours& colours) {
    out_ << "<div class=\"legend\">\n<ul class=\"legend-types\">";
    for (int t = 0; t < kEntityTypeCount; ++t) {
      if (!dot.types_drawn[t]) continue;
      out_ << "<li><span class=\"swatch\" style=\"background:" << colours[t] << "\"></span>"
           << to_string(static_cast<EntityType>(t)) << "</li>";
    }
    out_ << "</ul>\n<ul class=\"legend-edges\">";
    for (const EdgeStyle& s : edge_styles()) {
      out_ << "<li class=\"edge-" << s.dot_style << "\"><svg width=\"44\" height=\"10\" aria-hidden=\"true\">"
           << "<line x1=\"1\" y1=\"5\" x2=\"43\" y2=\"5\" stroke=\"" << s.colour << "\" stroke-width=\"2\"";
      if (!s.dasharray.empty()) out_ << " stroke-dasharray=\"" << s.dasharray << "\"";
      out_ << "/></svg>" << s.what << " (" << s.dot_style << ")</li>";
    }
    std::string symmetric;
    for (int t = 0; t < kRelationTypeCount; ++t) {
      const auto type = static_cast<RelationType>(t);
      if (is_symmetric(type)) symmetric += (symmetric.empty() ? "" : ", ") + phrase(type);
    }
    out_ << "<li>An arrow points from the subject to the object; symmetric relations (" << symmetric
         << ") have none.</li></ul>\n</div>\n";
  }

  void unrelated_entities(const DotGraph& dot, const TypeColours& colours) {
    if (dot.isolated.empty()) return;
    const std::size_t n = dot.isolated.size();
    out_ << "<p class=\"note\">" << n << (n == 1 ? " entity has" : " entities have")
         << " no relation and " << (n == 1 ? "is" : "are") << " not drawn:</p>\n<ul class=\"unrelated\">";
    for (const int i : dot.isolated) {
      const EntityType type = graph_.nodes().type(static_cast<std::size_t>(i));
      out_ << "<li><span class=\"swatch\" style=\"background:" << colours[static_cast<std::size_t>(type)]
           << "\" title=\"" << to_string(type) << "\"></span>" << entity_link(i) << "</li>";
    }
    out_ << "</ul>\n";
  }

  void summary() {
    const ReportSummary s = summarize(graph_);
    out_ << "<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<tr><th>What</th><th>Count</th></tr>\n"
         << "<tr><td>Documents</td><td class=\"n\">" << s.documents << "</td></tr>\n"
         << "<tr><td>Entities</td><td class=\"n\">" << graph_.nodes().size() << "</td></tr>\n"
         << "<tr><td>Relations</td><td class=\"n\">" << graph_.edges().size() << "</td></tr>\n</table>\n"
         << "<table>\n<tr><th>Entity type</th><th>Entities</th></tr>\n";
    for (int t = 0; t < kEntityTypeCount; ++t) {
      out_ << "<tr><td>" << to_string(static_cast<EntityType>(t)) << "</td><td class=\"n\">" << s.entities[t]
           << "</td></tr>\n";
    }
    out_ << "</table>\n<table>\n<tr><th>Relation type</th><th>Relations</th><th>Mentions</th></tr>\n";
    for (int t = 0; t < kRelationTypeCount; ++t) {
      out_ << "<tr><td>" << to_string(static_cast<RelationType>(t)) << "</td><td class=\"n\">" << s.relations[t]
           << "</td><td class=\"n\">" << s.mentions[t] << "</td></tr>\n";
    }
    out_ << "</table>\n</section>\n";
  }

  void sources() {
    out_ << "<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n"
         << "<tr><th>Document</th><th>Outlet</th><th>Date</th><th>Title</th></tr>\n";
    for (std::size_t i = 0; i < graph_.sources().size(); ++i) {
      const DocumentMeta& m = graph_.sources()[i];
      out_ << "<tr id=\"source-" << slugs_.sources[i] << "\"><td>" << h(m.id) << "</td><td>" << h(outlet_of(m))
           << "</td><td>" << h(m.date) << "</td><td>" << h(m.title) << "</td></tr>\n";
    }
    out_ << "</table>\n</section>\n";
  }

  void relations() {
    out_ << "<section id=\"relations\">\n<h2>Relations</h2>\n<p>Modality says how the text presents a relation; "
            "only <em>asserted</em> and <em>reported</em> ones describe something said to have happened.</p>\n";
    for (int t = 0; t < kRelationTypeCount; ++t) {
      const auto type = static_cast<RelationType>(t);
      const std::vector<int> edges = edges_of_type(graph_, type);
      if (edges.empty()) continue;
      out_ << "<h3 id=\"relation-" << to_string(type) << "\">" << to_string(type) << " (" << edges.size() << ")</h3>\n"
           << "<table class=\"relations\">\n<tr><th>Head</th><th>Tail</th><th>Modality</th><th>Weight</th>"
           << "<th>Outlets</th><th>Evidence</th></tr>\n";
      for (const int i : edges) relation_row(graph_.edges()[i]);
      out_ << "</table>\n";
    }
    out_ << "</section>\n";
  }

  void relation_row(const graph::Edge& e) {
    std::string outlets;
    for (const auto& o : edge_outlets(graph_, e)) outlets += (outlets.empty() ? "" : ", ") + h(o);
    out_ << "<tr><td>" << entity_link(e.head) << "</td><td>" << entity_link(e.tail) << "</td><td>"
         << modality_span(e.modality) << "<div class=\"counts\">" << modality_mentions_text(e)
         << "</div></td><td class=\"n\">" << std::llround(e.weight) << "</td><td>" << outlets << "</td><td>";
    for (const graph::Support& s : e.support) {
      const DocumentMeta& m = graph_.sources().at(s.source);
      out_ << "<blockquote>" << h(s.evidence.text.str()) << "</blockquote>\n<div class=\"src\">" << h(outlet_of(m));
      if (!m.title.empty()) out_ << ", “" << h(m.title) << "”";
      out_ << " (<a href=\"#source-" << slugs_.sources[s.source] << "\">" << h(m.id) << "</a>)";
      if (!m.date.empty()) out_ << ", " << h(m.date);
      out_ << " · " << modality_span(s.modality) << ", confidence " << fixed3(s.confidence);
      if (auto it = s.attributes.find("title"); it != s.attributes.end() && !it->second.empty()) {
        out_ << ", title “" << h(it->second) << "”";
      }
      out_ << "</div>\n";
    }
    out_ << "</td></tr>\n";
  }

  void entities() {
    out_ << "<section id=\"entities\">\n<h2>Entities</h2>\n";
    for (std::size_t i = 0; i < graph_.nodes().size(); ++i) entity(static_cast<int>(i));
    out_ << "</section>\n";
  }

  void entity(int node) {
    const graph::Node n = graph_.nodes()[static_cast<std::size_t>(node)];
    out_ << "<article class=\"entity\" id=\"entity-" << slugs_.nodes[node] << "\">\n<h3>" << h(n.name) << "</h3>\n<ul>\n"
         << "<li>Type: " << to_string(n.type) << "</li>\n";
    if (!n.aliases.empty()) {
      std::string aliases;
      for (const auto& a : n.aliases) aliases += (aliases.empty() ? "" : ", ") + h(a);
      out_ << "<li>Also called: " << aliases << "</li>\n";
    }
    if (is_wikidata_id(n.wikidata))
      out_ << "<li>Wikidata: <a href=\"https://www.wikidata.org/wiki/" << n.wikidata << "\">" << n.wikidata
           << "</a></li>\n";
    out_ << "<li>Mentions: " << n.mentions << " in " << n.sources.size()
         << (n.sources.size() == 1 ? " document" : " documents");
    if (!n.first_seen.empty()) {
      out_ << ", " << h(n.first_seen);
      if (n.last_seen != n.first_seen) out_ << " to " << h(n.last_seen);
    }
    out_ << "</li>\n";
    const auto offices = offices_of(graph_, node, incidence_);
    if (!offices.empty()) {
      out_ << "<li>Offices:<ul>\n";
      for (const Office& o : offices) {
        std::string titles;
        for (const auto& t : o.titles) titles += (titles.empty() ? "" : " / ") + h(t);
        out_ << "<li>" << (titles.empty() ? std::string("position") : titles) << ", " << entity_link(o.organisation);
        if (o.modality != Modality::Asserted) out_ << " (" << modality_span(o.modality) << ")";
        out_ << "</li>\n";
      }
      out_ << "</ul></li>\n";
    }
    const auto neighbours = neighbours_of(graph_, node, incidence_);
    if (!neighbours.empty()) {
      out_ << "<li>Relations:<ul>\n";
      for (const Neighbour& nb : neighbours) {
        const graph::Edge& e = graph_.edges()[nb.edge];
        out_ << "<li>";
        if (nb.outgoing || is_symmetric(e.type)) {
          out_ << phrase(e.type) << " " << entity_link(nb.other);
        } else {
          out_ << entity_link(nb.other) << " " << phrase(e.type) << " " << h(n.name);
        }
        out_ << " (" << modality_span(e.modality) << ", " << e.support.size()
             << (e.support.size() == 1 ? " mention" : " mentions");
        if (e.mentions(e.modality) != static_cast<int>(e.support.size())) out_ << ": " << modality_mentions_text(e);
        out_ << ")</li>\n";
      }
      out_ << "</ul></li>\n";
    }
    out_ << "</ul>\n</article>\n";
  }

  void disagreement_section() {
    out_ << "<section id=\"disagreements\">\n<h2>Disagreements between outlets</h2>\n";
    const auto list = disagreements(graph_);
    if (list.empty()) {
      out_ << "<p>No pair of entities is described differently by different outlets.</p>\n</section>\n";
      return;
    }
    out_ << "<table>\n<tr><th>Pair</th><th>Reading</th><th>Modality</th><th>According to</th></tr>\n";
    for (const Disagreement& d : list) {
      bool first = true;
      for (const Reading& r : d.readings) {
        const int head = r.forward ? d.a : d.b, tail = r.forward ? d.b : d.a;
        std::string outlets;
        for (const auto& o : r.outlets) outlets += (outlets.empty() ? "" : ", ") + h(o);
        out_ << "<tr>";
        if (first) {
          out_ << "<td rowspan=\"" << d.readings.size() << "\">" << entity_link(d.a) << " and " << entity_link(d.b)
               << "</td>";
        }
        first = false;
        out_ << "<td>" << h(graph_.nodes().name(static_cast<std::size_t>(head))) << " " << phrase(r.type) << " " << h(graph_.nodes().name(static_cast<std::size_t>(tail)))
             << "</td><td>" << modality_span(r.modality) << "</td><td>" << outlets << "</td></tr>\n";
      }
    }
    out_ << "</table>\n</section>\n";
  }

  const graph::KnowledgeGraph& graph_;
  std::ostream& out_;
  const ExportOptions& options_;
  const GraphSlugs& slugs_;
  Incidence incidence_;
};

}  // namespace

void write_html_report(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options,
                       const GraphSlugs& slugs) {
  HtmlReport(graph, out, options, slugs).write();
}

void write_html_report(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options) {
  write_html_report(graph, out, options, graph_slugs(graph));
}

}  // namespace kgraph::exports
