// The working state of one document while the extract stages run. Internal to
// extract/: stages read what earlier stages wrote and add their own part; the
// pipeline turns the finished Analysis into an Extraction.
#pragma once

#include <string>
#include <vector>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/document.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::extract {

struct TokenInfo {
  std::string key;          // normalised (lower-cased) token text
  std::uint64_t key_hash = 0;  // key_hash(key), for the gazetteer's hash probes
  TokenVocab vocab;            // word lists, trigger and title facts of the key
  bool upper = false;       // starts with an upper-case letter
  bool caps = false;        // all capitals ("NATO")
  bool sentence_start = false;
  int sentence = 0;
  int mention = -1;         // index of the mention covering this token, or -1
  int quote = -1;           // index of the quote the token is inside, or -1
  // The statistical tagger's reading of this token: -1 none, else ner::NerLabel,
  // and the token range of the name it belongs to.
  int ner_label = -1;
  std::uint32_t ner_first = 0, ner_last = 0;
  float ner_confidence = 0;  // the tagger's confidence in that name (NerSpan::confidence)
};

enum class MentionSource : std::uint8_t { Gazetteer, Name, Description, Ner };

// A stretch of tokens that names (or describes) an entity.
struct MentionDraft {
  std::uint32_t first = 0, last = 0;  // token indices, half-open
  EntityType type = EntityType::Person;
  MentionSource source = MentionSource::Name;
  LexKind kind = LexKind::Place;  // for gazetteer mentions
  std::string name;               // proposed canonical name
  std::string org_kind;           // for organisations from the gazetteer
  bool locative = false;          // stands after "in", "at" ... (a place, not an actor)
  bool ambiguous = false;         // a short name that several full names in the text share (left as written)
  int entity = -1;                // filled by resolution
  // Office context found next to a person mention ("NATO Secretary General, X").
  int office_of = -1;             // mention index of the organisation/country, or -1
  std::string title;              // normalised title
  std::uint32_t title_first = 0, title_last = 0;  // tokens of the title phrase, for evidence
  bool appointed = false;         // the title follows an appointment ("X was sworn in as president")
  // A second office named after the name of a person titled before it: "Sen. X, chairman of the Y
  // Committee" (an organisation only; name_rules.cpp second_office_after_name).
  int office2_of = -1;
  std::string title2;
  // For descriptions ("the NATO chief"): the organisation whose head is meant.
  std::string described_org;
  std::string described_title;
  bool described_country = false;  // described_org is a country ("the Russian leader"): the title must match
};

struct EntityDraft {
  std::string name;
  EntityType type = EntityType::Person;
  std::vector<int> mentions;  // indices into Analysis::mentions, in text order
  std::string org_kind;
};

// A quotation and who said it.
struct Quote {
  std::uint32_t first = 0, last = 0;  // tokens inside the quote marks
  int speaker = -1;                   // entity index, -1 when unknown
};

// The dependency parse of one token, filled only in the sentences the relation
// stage parses (those with a trigger word; see extract/match/sentence_parses.hpp).
struct DepInfo {
  int head = -1;           // token index of the head, -1 for the root or an unparsed token
  std::uint8_t label = 0;  // index into match::RuleSet::labels (the parser's relation names)
  std::uint8_t upos = 0;   // index into the parser's tag names
  std::string lemma;       // from ontology/relations/lemmas.tsv; the key when no entry
};

namespace match {
class RuleSet;
struct Rule;
}
class RelationScorer;
namespace syntax {
class SyntaxModel;
}

struct Analysis {
  Document& doc;
  const Lexicon& lex;
  std::vector<TokenInfo> tokens;
  // Per sentence, how its letters are cased (SentenceCase bits, extract/entities/name_rules.hpp),
  // worked out once when the entity stage starts: the rules ask it for every word.
  std::vector<std::uint8_t> sentence_case;
  std::vector<MentionDraft> mentions;  // sorted by first token once the entity stage is done
  std::vector<EntityDraft> entities;
  std::vector<Quote> quotes;
  std::vector<Relation> relations;     // head/tail are entity indices
  // Dependency parses: per token (empty until parsed), and per sentence s whether it is
  // parsed (match::kParsed), worth parsing but not parsed yet (match::kWorthParsing), or
  // neither (0); see extract/match/sentence_parses.hpp.
  std::vector<DepInfo> deps;
  std::vector<char> parsed;
  // Per token, the lemma the relation rules read (RuleSet::lemma of its key) and the rules that
  // lemma triggers, looked up once per document by match::select_trigger_sentences (empty until
  // then; read them through match::rule_lemma and match::trigger_rules): the parse gates and the
  // scorer's trigger test ask them of every token several times, and each string lookup missed the cache.
  std::vector<const std::string*> rule_lemmas;
  std::vector<const std::vector<const match::Rule*>*> token_rules;
  const match::RuleSet* rules = nullptr;          // the parse rules and cue tables, when loaded
  const syntax::SyntaxModel* syntax = nullptr;    // the parser, for sentences parsed on first need
  // The learned candidate scorer (extract/relations/relation_scorer.hpp), when its model is loaded.
  const RelationScorer* scorer = nullptr;
  // With write_candidates, every scored candidate is kept here instead (features in the attribute
  // "features", the rule "candidate:<type>"), for training the scorer; the scorer then adds nothing.
  bool write_candidates = false;
  std::vector<Relation> candidates;

  Analysis(Document& d, const Lexicon& l) : doc(d), lex(l) {}

  std::string_view token_text(std::size_t i) const { return doc.tokens[i].of(doc.text); }
  const std::string& key(std::size_t i) const { return tokens[i].key; }
  // Whether token i's key is in a word list: a bit test, hashing the list
  // name only for the few tokens that are in some list.
  bool in_list(std::string_view list, std::size_t i) const {
    return tokens[i].vocab.lists && (tokens[i].vocab.lists & lex.list_bit(list));
  }
  // Whether the `n` tokens from i, joined by spaces, are an entry of a word list.
  bool in_list(std::string_view list, std::size_t i, std::size_t n) const {
    if (n == 1) return in_list(list, i);
    if (!tokens[i].vocab.list_phrase_start) return false;
    return lex.list_phrase(
        lex.list_bit(list), n, [&](std::size_t k) -> const std::string& { return tokens[i + k].key; },
        [&](std::size_t k) { return tokens[i + k].key_hash; });
  }
  std::size_t token_count() const { return doc.tokens.size(); }
  // Token range [first, last) of sentence s.
  std::uint32_t sentence_first(int s) const { return doc.sentence_first_token[static_cast<std::size_t>(s)]; }
  std::uint32_t sentence_last(int s) const { return doc.sentence_first_token[static_cast<std::size_t>(s) + 1]; }
  Span span_of(std::uint32_t first, std::uint32_t last) const {
    return {doc.tokens[first].begin, doc.tokens[last - 1].end};
  }
};

}  // namespace kgraph::extract
