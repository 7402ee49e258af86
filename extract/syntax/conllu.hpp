// A reader for CoNLL-U (Universal Dependencies) files: the syntactic words of
// each sentence with their UPOS tag, head and relation. Multiword-token lines
// ("1-2	don't") are skipped, because the tree is over the syntactic words they
// split into; empty nodes ("8.1", enhanced graphs only) are skipped too, since
// the basic tree never points at them.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace kgraph::extract::syntax {

struct Word {
  std::string form;
  std::string upos;
  int head = 0;  // 0 = the root; words are numbered from 1
  std::string deprel;
};

struct Sentence {
  std::vector<Word> words;
};

// Throws DataFileError (E336) naming `where`:line for a malformed word line.
std::vector<Sentence> read_conllu(std::istream& in, const std::string& where);
std::vector<Sentence> read_conllu_file(const std::string& path);

// True if no two arcs cross (the arc-eager system builds only such trees).
bool is_projective(const Sentence& s);

}  // namespace kgraph::extract::syntax
