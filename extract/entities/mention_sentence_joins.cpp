// Names run across a sentence end that an abbreviation's full stop hides: "allied with the U.S.
// There are ...", "returning to the U.S. Trump blamed ...". The stop of "U.S." ends the sentence
// too, and the tagger or a capitalised run reads the country and the next sentence's first word as
// one name.
#include <algorithm>
#include <vector>

#include "extract/entities/mention_passes.hpp"
#include "extract/entities/name_rules.hpp"

namespace kgraph::extract {

// A name of two words whose first is a country written as an abbreviation with its full stop
// ("U.S.", "U.K.") is the country and a new sentence where the second word opens none of the
// country's names: a capitalised word of the list not_a_name ("There", "It"), a body's head word
// excepted, that is then dropped, or the surname of a person the document names elsewhere ("Trump" beside "Donald
// Trump" or "Trump said"), a person's mention. A name the country really opens ("U.S. Embassy",
// "U.K. Parliament") has neither second word and stays whole.
void split_countries_off_next_sentences(Analysis& a) {
  std::vector<MentionDraft> added;
  bool changed = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first != 2) continue;
    const std::string_view abbreviation = a.token_text(m.first);
    if (abbreviation.size() < 3 || abbreviation.back() != '.' || !a.tokens[m.first + 1].upper) continue;
    const std::vector<LexEntry>* entries = a.lex.phrase(a.key(m.first));
    const LexEntry* country = nullptr;
    if (entries)
      for (const LexEntry& e : *entries)
        if (e.kind == LexKind::CountryName) country = &e;
    if (!country) continue;
    const std::uint32_t next = m.first + 1;
    // (a body's head word of the list stays the country's: "U.S. Army", "U.K. Parliament")
    const bool opener = a.in_list("not_a_name", next) && !a.tokens[next].vocab.title_word && !a.in_list("org_suffix", next) &&
                        !a.in_list("chamber_word", next) && !a.in_list("force", next) && !a.in_list("state_force", next) &&
                        !a.in_list("place_actor_noun", next);
    const bool surname = !opener && std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
      return &o != &m && o.type == EntityType::Person && a.tokens[o.last - 1].key_hash == a.tokens[next].key_hash;
    });
    if (!opener && !surname) continue;
    if (surname) {
      MentionDraft p;
      p.first = next;
      p.last = next + 1;
      p.type = EntityType::Person;
      p.source = m.source;
      spell_name(a, p);
      added.push_back(std::move(p));
    }
    m.last = next;
    m.type = EntityType::Country;
    m.source = MentionSource::Gazetteer;
    m.kind = LexKind::CountryName;
    m.name = country->name;
    changed = true;
  }
  if (!changed) return;
  for (MentionDraft& p : added) a.mentions.push_back(std::move(p));
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& p, const MentionDraft& q) { return p.first < q.first; });
  index_mentions(a);
}

}  // namespace kgraph::extract
