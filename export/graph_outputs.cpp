#include "export/graph_outputs.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

#include "export/atomic_file.hpp"
#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/rdf_writer.hpp"
#include "export/report_writer.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::exports {
namespace {

using Temporaries = std::vector<std::pair<std::filesystem::path, std::filesystem::path>>;

struct Job {
  std::string format;
  std::vector<std::string> files;      // what the job writes into the folder
  std::function<void()> write;
  // Filled by whichever thread ran the job.
  Temporaries written;
  std::exception_ptr error;
};

// Roughly the order of the formats' writing times on a large graph
// (tests/bench/bench_export): handing out the longest first keeps the threads
// busy until the end. Only the schedule depends on it, never the bytes.
int expected_rank(const std::string& format) {
  static const std::vector<std::string> kLongestFirst = {"nq", "nt", "trig", "ttl", "html",
                                                         "gexf", "md", "graphml", "csv"};
  return static_cast<int>(std::find(kLongestFirst.begin(), kLongestFirst.end(), format) - kLongestFirst.begin());
}

std::vector<Job> jobs_for(const graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                          const std::set<std::string>& formats, const ExportOptions& options) {
  std::vector<Job> jobs;
  auto file = [&](const std::string& format, const std::string& name, std::function<void(std::ostream&)> writer) {
    if (!formats.count(format)) return;
    jobs.push_back(Job{format, {name}, [path = dir / name, writer = std::move(writer)] {
                         write_atomically(path, writer);
                       }, {}, nullptr});
  };
  file("graphml", "graph.graphml", [&](std::ostream& o) { write_graphml(g, o, options); });
  file("gexf", "graph.gexf", [&](std::ostream& o) { write_gexf(g, o, options); });
  // The RDF writers share one table of slugs, IRIs and mentions by source
  // (the HTML report its slugs), built here once rather than by each writer.
  std::shared_ptr<const RdfShared> rdf;
  if (formats.count("ttl") || formats.count("nt") || formats.count("nq") || formats.count("trig"))
    rdf = std::make_shared<const RdfShared>(g, options);
  std::shared_ptr<const GraphSlugs> slugs;
  if (formats.count("html"))
    slugs = rdf ? std::shared_ptr<const GraphSlugs>(rdf, &rdf->slugs) : std::make_shared<const GraphSlugs>(graph_slugs(g));
  file("ttl", "graph.ttl", [&g, &options, rdf](std::ostream& o) { write_rdf(g, o, RdfSyntax::Turtle, options, *rdf); });
  file("nt", "graph.nt", [&g, &options, rdf](std::ostream& o) { write_rdf(g, o, RdfSyntax::NTriples, options, *rdf); });
  file("nq", "graph.nq", [&g, &options, rdf](std::ostream& o) { write_rdf(g, o, RdfSyntax::NQuads, options, *rdf); });
  file("trig", "graph.trig", [&g, &options, rdf](std::ostream& o) { write_rdf(g, o, RdfSyntax::TriG, options, *rdf); });
  file("md", "report.md", [&](std::ostream& o) { write_markdown_report(g, o, options); });
  file("html", "report.html", [&g, &options, slugs](std::ostream& o) { write_html_report(g, o, options, *slugs); });
  if (formats.count("csv")) {
    jobs.push_back(Job{"csv", {"nodes.csv", "relationships.csv"}, [&g, dir, &options] { write_neo4j_csv(g, dir, options); },
                       {}, nullptr});
  }
  return jobs;
}

// Runs one job on this thread. Its files go to a batch of the job's own, then
// into job.written for the caller to place; a failure is kept in job.error.
void run(Job& job, const FormatTimer& timer) {
  try {
    OutputBatch own;
    const auto start = std::chrono::steady_clock::now();
    job.write();
    job.written = own.release();
    if (timer) timer(job.format, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  } catch (...) {
    job.error = std::current_exception();
  }
}

}  // namespace

const std::vector<std::string>& all_formats() {
  static const std::vector<std::string> kFormats = {"graphml", "gexf", "ttl", "nt", "nq", "trig", "md", "html", "csv"};
  return kFormats;
}

std::set<std::string> parse_formats(const std::string& list) {
  std::set<std::string> out;
  for (const std::string& f : split_nonempty(list, ',')) {
    if (std::find(all_formats().begin(), all_formats().end(), f) == all_formats().end()) {
      throw std::invalid_argument("unknown output format '" + f + "' (known: graphml,gexf,ttl,nt,nq,trig,md,html,csv)");
    }
    out.insert(f);
  }
  return out;
}

std::vector<std::filesystem::path> write_graph_outputs(const graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                                                       const std::set<std::string>& formats,
                                                       const ExportOptions& options, int threads,
                                                       const FormatTimer& timer) {
  std::filesystem::create_directories(dir);
  std::vector<Job> jobs = jobs_for(g, dir, formats, options);

  std::vector<Job*> schedule;
  for (Job& job : jobs) schedule.push_back(&job);
  std::stable_sort(schedule.begin(), schedule.end(),
                   [](const Job* a, const Job* b) { return expected_rank(a->format) < expected_rank(b->format); });
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    // After a failure the run is lost anyway: start nothing new.
    for (std::size_t i; !failed && (i = next++) < schedule.size();) {
      run(*schedule[i], timer);
      if (schedule[i]->error) failed = true;
    }
  };
  const std::size_t helpers = std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), jobs.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  // Every temporary joins one batch, in job order: the caller's, or one of our
  // own that removes them all if some job failed.
  std::optional<OutputBatch> own;
  OutputBatch* batch = OutputBatch::open();
  if (!batch) batch = &own.emplace();
  std::vector<std::filesystem::path> paths;
  for (Job& job : jobs) {
    for (auto& [temporary, target] : job.written) batch->add(std::move(temporary), std::move(target));
    for (const std::string& name : job.files) paths.push_back(dir / name);
  }
  for (const Job& job : jobs) {
    if (job.error) std::rethrow_exception(job.error);
  }
  if (own) own->commit();
  return paths;
}

}  // namespace kgraph::exports
