// CSV files for `neo4j-admin database import full`:
//   nodes.csv          id:ID,name,:LABEL,aliases:string[],mentions:int,...
//   relationships.csv  :START_ID,:END_ID,:TYPE,weight:double,sources:int,...
// Import with
//   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv
// Ids are the GraphML/GEXF node ids (n0..), labels the entity type, :TYPE the
// relation type in upper snake case (MET_WITH). Neo4j relationships are always
// directed; met_with/spoke_with run from the alphabetically first name.
// Fields follow RFC 4180 (quoted when needed, quotes doubled); newlines in
// text become spaces so that the importer needs no --multiline-fields, and
// ';' inside an alias becomes ',' because ';' is the importer's array delimiter.
// A text cell that starts with =, +, -, @, tab or CR (a formula to a
// spreadsheet) is written with a leading single quote, as OWASP advises for CSV
// injection; the value imported into Neo4j then starts with that quote too.
#pragma once

#include <filesystem>

#include "export/export_options.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// Requires a finalized graph. Creates `dir` if needed and writes both files
// atomically; throws std::runtime_error naming the file on failure.
void write_neo4j_csv(const graph::KnowledgeGraph& g, const std::filesystem::path& dir, const ExportOptions& opts);

// For `kgraph merge --mpi`, where each rank holds a partition of the edges:
// nodes.csv alone; the relationships' header line alone (the importer takes it
// as the first file of a list: --relationships=relationships.header.csv,
// relationships.part-0.csv,...); the rows of the edges `g` holds, no header.
// Each written atomically; throws std::runtime_error naming the file on failure.
void write_neo4j_nodes(const graph::KnowledgeGraph& g, const std::filesystem::path& file);
void write_neo4j_relationship_header(const std::filesystem::path& file);
void write_neo4j_relationship_rows(const graph::KnowledgeGraph& g, const std::filesystem::path& file);

}  // namespace kgraph::exports
