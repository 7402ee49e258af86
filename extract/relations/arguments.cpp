#include "extract/relations/arguments.hpp"

#include <algorithm>

#include "extract/entities/name_rules.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/entities/quote_addressee.hpp"
#include "extract/entities/quote_attribution.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

// Words that may stand between a trigger and its party: "with then President-elect X",
// "with new Bulgarian President, X", "an exclusive interview with X".
bool is_filler(const Analysis& a, std::uint32_t i) {
  static const char* const kFillers[] = {"the", "a", "an", "then", "new", "former", "recent", "incoming", "outgoing",
                                         "his", "her", "its", "their", "our", "both", ",", "newly", "elected", "top"};
  const std::string& k = a.key(i);
  for (const char* f : kFillers)
    if (k == f) return true;
  return false;
}

// The arguments a reference ("they", "the two leaders") stands for: one per entity, at the
// reference's token, noting what it was read as.
std::vector<Argument> standing_for(const Analysis& a, std::uint32_t reference, const std::vector<int>& entities) {
  std::vector<Argument> out;
  for (int e : entities) {
    Argument arg;
    arg.entity = e;
    arg.token = reference;
    arg.note = std::string(a.token_text(reference)) + " -> " + a.entities[static_cast<std::size_t>(e)].name;
    out.push_back(arg);
  }
  return out;
}

}  // namespace

EntityType type_of(const Analysis& a, const Argument& arg) {
  return a.entities[static_cast<std::size_t>(arg.entity)].type;
}

bool outside_place(std::string_view case_word, EntityType place) {
  return case_word == "around" && place != EntityType::Location;
}

Argument argument_at(const Analysis& a, std::uint32_t i) {
  Argument arg;
  arg.token = i;
  const int m = a.tokens[i].mention;
  if (m >= 0) {
    const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
    arg.entity = md.entity;
    arg.token = md.first;
    if (md.source == MentionSource::Description && md.entity >= 0)
      arg.note = std::string(a.span_of(md.first, md.last).of(a.doc.text)) + " -> " +
                 a.entities[static_cast<std::size_t>(md.entity)].name;
    const std::uint32_t after = md.last;
    if (after < a.token_count() && (a.key(after) == "'s" || a.key(after) == "'")) arg.possessive = true;
    return arg;
  }
  const int q = a.tokens[i].quote;
  if (q >= 0 && a.in_list("first_person", i)) {
    arg.entity = a.quotes[static_cast<std::size_t>(q)].speaker;
    if (arg.entity >= 0)
      arg.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(arg.entity)].name + " (quote speaker)";
    return arg;
  }
  // "you" in a letter the text says its speaker wrote to Y: Y
  if (q >= 0 && a.in_list("second_person", i)) {
    arg.entity = quote_addressee(a, q);
    if (arg.entity >= 0)
      arg.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(arg.entity)].name + " (addressee)";
    return arg;
  }
  if (a.in_list("person_pronoun", i) && a.key(i) != "his" && a.key(i) != "her") {
    arg.entity = resolve_person_pronoun(a, i);
    if (arg.entity >= 0)
      arg.note = std::string(a.token_text(i)) + " -> " + a.entities[static_cast<std::size_t>(arg.entity)].name;
  }
  return arg;
}

std::vector<Argument> parties_after(const Analysis& a, std::uint32_t from, int max_skip) {
  std::vector<Argument> out;
  if (from >= a.token_count()) return out;  // a trigger that ends the text has no party after it
  const int s = a.tokens[from].sentence;
  const std::uint32_t slast = a.sentence_last(s);
  std::uint32_t i = from;
  int skipped = 0;
  bool after_comma = false;
  while (i < slast) {
    const TitleEntry* te = nullptr;
    // a title phrase starting here ("secretary of defense X", "President-elect X")
    int title_len = 0;
    for (std::uint32_t e = i; e < std::min<std::uint32_t>(slast, i + 4); ++e)
      if (int len = title_ending_at(a, e, &te); len == static_cast<int>(e - i + 1)) title_len = len;
    if (title_len > 0 && a.tokens[i].mention < 0) {
      i += static_cast<std::uint32_t>(title_len);
      continue;
    }
    Argument arg = argument_at(a, i);
    if (arg.entity >= 0) {
      const int m = a.tokens[i].mention;
      std::uint32_t next = m >= 0 ? a.mentions[static_cast<std::size_t>(m)].last : i + 1;
      // A country or organisation that qualifies a title before a person is not the party:
      // "US Defense Secretary Lloyd Austin", "Finnish President, Sauli Niinistö".
      // "his Russian counterpart Sergei Lavrov": the country says whose counterpart; the name is the party.
      if (m >= 0 && a.mentions[static_cast<std::size_t>(m)].type != EntityType::Person && next + 1 < slast &&
          a.in_list("counterpart", next) && a.tokens[next + 1].mention >= 0 &&
          a.mentions[static_cast<std::size_t>(a.tokens[next + 1].mention)].type == EntityType::Person) {
        i = next + 1;
        continue;
      }
      if (m >= 0 && a.mentions[static_cast<std::size_t>(m)].type != EntityType::Person && next < slast) {
        // the longest title there ("Secretary of State", not "Secretary"); a generic head
        // word counts when a name follows ("Belarusian leader X")
        const int len = title_starting_at(a, next, slast);
        if (len > 0) {
          const std::uint32_t e = next + static_cast<std::uint32_t>(len) - 1;
          title_ending_at(a, e, &te);
          if (te && te->kind != "honorific" &&
              (te->kind != "head" || (e + 1 < slast && a.tokens[e + 1].upper && a.tokens[e + 1].mention >= 0))) {
            i = e + 1;
            continue;
          }
        }
      }
      // "Russia's Kursk region", "Russia's foreign minister X": the owner is no party; what it owns may be
      if (arg.possessive && out.empty()) {
        i = next + 1;
        continue;
      }
      // "talks with Russia, Doe said", "talks with Y, the Herald reported": a name after a comma
      // that a speech or report verb follows is the source of the sentence, not one more party
      if (after_comma && next < slast && (a.in_list("speech_verb", next) || a.in_list("report_verb", next))) break;
      if (!arg.possessive) out.push_back(arg);
      // coordination: "A and B", "A, B and C"
      i = next;
      after_comma = false;
      if (i < slast && (a.key(i) == "and" || a.token_text(i) == ",")) {
        after_comma = a.token_text(i) == ",";
        ++i;
        if (i < slast && a.key(i) == "and") ++i;
        skipped = max_skip - 3;  // the next party must follow closely
        continue;
      }
      break;
    }
    if (!is_filler(a, i) || ++skipped > max_skip) break;
    ++i;
  }
  return out;
}

Argument subject_before(const Analysis& a, std::uint32_t trigger, bool prefer_person) {
  const int s = a.tokens[trigger].sentence;
  const std::uint32_t sfirst = a.sentence_first(s);
  Argument first_found;
  for (std::uint32_t i = trigger; i-- > sfirst;) {
    // "He is an associate of X, who sought a meeting with Y": the relative pronoun the trigger's clause
    // opens with stands for the person named right before it, whatever names that person's role
    if (a.tokens[i].mention < 0 && a.key(i) == "who" && i > sfirst) {
      std::uint32_t k = i - 1;
      if (a.token_text(k) == "," && k > sfirst) --k;
      const int m = a.tokens[k].mention;
      if (m >= 0 && a.mentions[static_cast<std::size_t>(m)].last == k + 1 &&
          a.mentions[static_cast<std::size_t>(m)].type == EntityType::Person) {
        Argument named = argument_at(a, k);
        if (named.entity >= 0) return named;
      }
    }
    Argument arg = argument_at(a, i);
    // "I went to the Star Trek convention and met with X": the writer, outside any quotation, is
    // the subject; no name further left stands in for them
    if (arg.entity < 0 && a.tokens[i].mention < 0 && a.key(i) == "i" && a.in_list("first_person", i)) return Argument{};
    if (arg.entity < 0) continue;
    const int m = a.tokens[i].mention;
    if (m >= 0) {
      const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
      i = md.first;  // skip the rest of the mention
      if (md.locative) continue;
      // A demonym before a common noun qualifies an unnamed party ("Turkish officers met ..."):
      // the officers, not their country, are the subject. When they stand right before the verb
      // ("after a South Korean delegation met with X"), no name further left is the subject either.
      if (md.kind == LexKind::Demonym && md.source == MentionSource::Gazetteer && md.last < trigger &&
          !a.tokens[md.last].upper && has_letter(a.token_text(md.last)) && !a.in_list("speech_verb", md.last) &&
          !a.in_list("verb_helper", md.last) && !a.lex.trigger(a.key(md.last))) {
        if (unnamed_subject_before(a, trigger) || md.last + 1 == trigger) return Argument{};
        continue;
      }
      // the object of "of"/"with"/"to" is not a subject
      if (md.first > sfirst) {
        const std::string& prev = a.key(md.first - 1);
        if (prev == "of" || prev == "with" || prev == "to" || prev == "for" || prev == "against" || prev == "by") continue;
        // nor a name that qualifies the noun a "to" leads to: "went to the Star Trek convention and met with
        // X" ("for the X to ..." names the subject of an infinitive, "the forces of the X" their owner)
        const bool det = prev == "the" || prev == "a" || prev == "an";
        if (det && md.first - 1 > sfirst && a.key(md.first - 2) == "to") continue;
        // nor the second half of a firm's name written "A - B" ("a director at A - B, ..."): the name
        // right before the dash is tested in its place
        if (prev == "-" && md.first - 1 > sfirst && a.tokens[md.first - 2].mention >= 0) continue;
      }
    }
    if (type_of(a, arg) == EntityType::Location) continue;
    if (arg.possessive) continue;
    if (!prefer_person || type_of(a, arg) == EntityType::Person) return arg;
    if (first_found.entity < 0) first_found = arg;
  }
  return first_found;
}

bool unnamed_subject_before(const Analysis& a, std::uint32_t trigger) {
  const std::uint32_t sfirst = a.sentence_first(a.tokens[trigger].sentence);
  std::uint32_t v = trigger;
  while (v > sfirst && a.in_list("verb_helper", v - 1)) --v;
  if (v < sfirst + 2) return false;
  const std::uint32_t noun = v - 1, det = v - 2;
  static const char* const kDeterminers[] = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"};
  bool determiner = false;
  for (const char* d : kDeterminers) determiner = determiner || a.key(det) == d;
  // a description the resolver bound to no one ("the king met X") is unnamed too
  const int m = a.tokens[noun].mention;
  const bool named = m >= 0 && a.mentions[static_cast<std::size_t>(m)].entity >= 0;
  if (!determiner || named || a.tokens[noun].upper || !has_letter(a.token_text(noun))) return false;
  return det == sfirst || (a.key(det - 1) != "and" && a.key(det - 1) != "," && a.key(det - 1) != "&");
}

std::vector<Argument> coordinated_subject(const Analysis& a, std::uint32_t trigger) {
  static const char* const kAux[] = {"will", "would", "also", "to", "have", "has", "had", "are", "were", "is", "was",
                                     "soon", "then", "later", "reportedly", "already", "again", "both", "each", "could"};
  const int s = a.tokens[trigger].sentence;
  const std::uint32_t sfirst = a.sentence_first(s);
  std::uint32_t i = trigger;
  while (i > sfirst) {
    bool aux = false;
    for (const char* w : kAux) aux = aux || a.key(i - 1) == w;
    if (!aux) break;
    --i;
  }
  std::vector<Argument> out;
  if (i == sfirst) return out;
  Argument last = argument_at(a, i - 1);
  if (last.entity < 0) return out;
  std::uint32_t p = last.token;
  // "A and Ethiopian Prime Minister B": the title and its country stand between "and" and B
  if (p > sfirst) {
    const TitleEntry* te = nullptr;
    const int len = title_ending_at(a, p - 1, &te);
    if (len > 0 && te->kind != "honorific") {
      p -= static_cast<std::uint32_t>(len);
      if (p > sfirst && a.tokens[p - 1].mention >= 0 &&
          a.mentions[static_cast<std::size_t>(a.tokens[p - 1].mention)].type != EntityType::Person)
        p = a.mentions[static_cast<std::size_t>(a.tokens[p - 1].mention)].first;
    }
  }
  if (p < sfirst + 2 || a.key(p - 1) != "and") return out;
  Argument first = argument_at(a, p - 2);
  if (first.entity < 0 || first.entity == last.entity) return out;
  out.push_back(first);
  out.push_back(last);
  return out;
}

std::vector<Argument> pair_named_earlier_in_sentence(const Analysis& a, std::uint32_t reference) {
  const std::uint32_t first = a.sentence_first(a.tokens[reference].sentence);
  std::vector<int> people;  // distinct person entities named before the reference, in order
  int pair_first = -1, pair_second = -1;  // the last "A and B" of two people
  for (std::uint32_t i = first; i < reference; ++i) {
    const int mi = a.tokens[i].mention;
    if (mi < 0) continue;
    const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
    i = std::max(i, std::min(m.last, reference) - 1);
    if (m.entity < 0 || a.entities[static_cast<std::size_t>(m.entity)].type != EntityType::Person) continue;
    if (std::find(people.begin(), people.end(), m.entity) == people.end()) people.push_back(m.entity);
    if (m.last + 1 < reference && a.key(m.last) == "and") {
      const int ri = a.tokens[m.last + 1].mention;
      if (ri >= 0) {
        const MentionDraft& r = a.mentions[static_cast<std::size_t>(ri)];
        if (r.first == m.last + 1 && r.entity >= 0 && r.entity != m.entity &&
            a.entities[static_cast<std::size_t>(r.entity)].type == EntityType::Person) {
          pair_first = m.entity;
          pair_second = r.entity;
        }
      }
    }
  }
  if (pair_first < 0 && people.size() == 2) pair_first = people[0], pair_second = people[1];
  if (pair_first < 0) return {};
  return standing_for(a, reference, {pair_first, pair_second});
}

std::vector<Argument> group_named_earlier_in_sentence(const Analysis& a, std::uint32_t reference) {
  const std::uint32_t first = a.sentence_first(a.tokens[reference].sentence);
  std::vector<int> run, found;  // the list being read, the last complete one
  bool named_after = false;     // a person named after the last complete list ("they" is theirs)
  bool separated = false;       // a comma or "and" since the run's last name
  bool and_since = false;       // an "and" since the run's last name
  bool joined = false;          // the run's last name came after an "and"
  auto close = [&] {
    if (run.size() >= 3 && joined) {
      found = run;
      named_after = false;
    } else if (!run.empty()) {
      named_after = true;
    }
    run.clear();
    separated = and_since = joined = false;
  };
  for (std::uint32_t i = first; i < reference; ++i) {
    const int mi = a.tokens[i].mention;
    if (mi >= 0) {
      const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
      i = std::max(i, std::min(m.last, reference) - 1);
      if (m.entity < 0 || a.entities[static_cast<std::size_t>(m.entity)].type != EntityType::Person) continue;
      if (!run.empty() && (!separated || joined || std::find(run.begin(), run.end(), m.entity) != run.end())) close();
      joined = and_since;
      run.push_back(m.entity);
      separated = and_since = false;
      continue;
    }
    const std::string_view k = a.key(i);
    if (k == "," || k == "and") {
      if (run.empty() || (separated && k == ",")) {  // ", ," or "and ,": no list
        close();
        continue;
      }
      separated = true;
      if (k == "and") and_since = true;
      continue;
    }
    // what may stand before a name in a list: a title, an article, a possessive clitic, a name's
    // capitalised title words ("South Korea's Foreign Minister X")
    const std::string_view upos = a.rules ? std::string_view(a.rules->tags()[a.deps[i].upos]) : std::string_view();
    if (separated && (a.tokens[i].vocab.title_word || upos == "DET" || upos == "PART" || upos == "PROPN" || upos == "ADJ"))
      continue;
    close();
  }
  close();
  if (named_after) return {};
  return standing_for(a, reference, found);
}

std::vector<Argument> pair_named_before(const Analysis& a, int s, std::string_view reference) {
  auto person = [&](int mi) {
    const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
    return m.entity >= 0 && a.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Person;
  };
  for (int back = s - 1; back >= 0 && back >= s - 2; --back) {
    const std::uint32_t first = a.sentence_first(back), last = a.sentence_last(back);
    std::vector<Argument> found;
    for (std::uint32_t i = first; i + 2 < last; ++i) {
      const int left = a.tokens[i].mention;
      if (left < 0 || !person(left) || a.mentions[static_cast<std::size_t>(left)].last != i + 1 || a.key(i + 1) != "and")
        continue;
      // the second name may have its title and country before it ("A and Japanese Prime Minister B")
      std::uint32_t r0 = i + 2;
      while (r0 < last && r0 < i + 7 && (a.tokens[r0].vocab.title_word ||
                                         (a.tokens[r0].mention >= 0 && !person(a.tokens[r0].mention))))
        ++r0;
      if (r0 >= last) continue;
      const int right = a.tokens[r0].mention;
      if (right < 0 || !person(right) || a.mentions[static_cast<std::size_t>(right)].first != r0) continue;
      const MentionDraft& l = a.mentions[static_cast<std::size_t>(left)];
      const MentionDraft& r = a.mentions[static_cast<std::size_t>(right)];
      if (l.entity == r.entity) continue;
      found.clear();
      for (const MentionDraft* m : {&l, &r}) {
        Argument arg;
        arg.entity = m->entity;
        arg.token = m->first;
        arg.note = std::string(reference) + " -> " + a.entities[static_cast<std::size_t>(m->entity)].name;
        found.push_back(arg);
      }
    }
    if (!found.empty()) return found;
  }
  return {};
}

int country_leader_named(const Analysis& a, int country) {
  int found = -1;
  for (const MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || m.entity < 0 || m.office_of < 0 || m.title.empty()) continue;
    if (a.mentions[static_cast<std::size_t>(m.office_of)].entity != country) continue;
    if (!a.lex.in_list("country_leader_title", normalize_key(m.title))) continue;
    if (found >= 0 && found != m.entity) return -1;
    found = m.entity;
  }
  return found;
}

namespace {

constexpr int kOwnerSentences = 3;

// The country or organisation named right before the force word at token k, within a few words
// and no clause break ("X troops", "X's forces", "X already has 3,000 troops"); -1 when none.
int owner_right_before(const Analysis& a, std::uint32_t k, std::uint32_t sfirst) {
  for (std::uint32_t i = k; i-- > sfirst && i + 5 > k;) {
    const int m = a.tokens[i].mention;
    if (m >= 0) {
      const int e = a.mentions[static_cast<std::size_t>(m)].entity;
      if (e < 0) return -1;
      const EntityType t = a.entities[static_cast<std::size_t>(e)].type;
      return t == EntityType::Country || t == EntityType::Organisation ? e : -1;
    }
    const std::string_view w = a.token_text(i);
    if (w == "," || w == ";" || w == ":" || a.key(i) == "of" || a.key(i) == "and" || a.key(i) == "with" ||
        a.key(i) == "against" || a.key(i) == "from" || a.key(i) == "to")
      return -1;
  }
  return -1;
}

}  // namespace

Argument owner_of_forces_before(const Analysis& a, std::uint32_t force) {
  Argument out;
  const int s = a.tokens[force].sentence;
  for (int back = s - 1; back >= 0 && back >= s - kOwnerSentences; --back) {
    const std::uint32_t first = a.sentence_first(back), last = a.sentence_last(back);
    std::vector<int> owners;
    auto note = [&](int e) {
      if (e >= 0 && std::find(owners.begin(), owners.end(), e) == owners.end()) owners.push_back(e);
    };
    for (std::uint32_t k = first; k < last; ++k)
      if (a.tokens[k].mention < 0 && a.in_list("force", k)) note(owner_right_before(a, k, first));
    const Span sentence = a.doc.sentences[static_cast<std::size_t>(back)];
    for (const Relation& r : a.relations)
      if (r.type == RelationType::DeployedTo && r.evidence.span.begin == sentence.begin) note(r.head);
    if (owners.empty()) continue;
    if (owners.size() > 1) return out;  // two owners named: whose forces these are is not said
    out.entity = owners[0];
    out.token = force;
    out.note = std::string(a.token_text(force)) + " -> " + a.entities[static_cast<std::size_t>(owners[0])].name +
               " (forces named before)";
    return out;
  }
  return out;
}

Argument sender_country(const Analysis& a, const Argument& person) {
  Argument out;
  if (person.entity < 0 || a.entities[static_cast<std::size_t>(person.entity)].type != EntityType::Person) return out;
  const std::string& name = a.entities[static_cast<std::size_t>(person.entity)].name;
  auto country_entity = [&](const std::string& country) {
    for (std::size_t e = 0; e < a.entities.size(); ++e)
      if (a.entities[e].type == EntityType::Country && a.entities[e].name == country && !a.entities[e].mentions.empty())
        return static_cast<int>(e);
    return -1;
  };
  // one source's answer: the single country entity it gives, -1 for none, -2 for several
  auto single = [](const std::vector<int>& found) {
    int one = -1;
    for (int e : found) {
      if (e < 0) continue;
      if (one >= 0 && one != e) return -2;
      one = e;
    }
    return one;
  };
  std::vector<int> on_date, in_text, any_time;
  const std::string& date = a.doc.meta.date;
  for (const OfficeTerm* t : a.lex.terms_of(name)) {
    if (!a.lex.is_country(t->office_of)) continue;
    const int e = country_entity(t->office_of);
    if (!date.empty() && t->holds_on(date)) on_date.push_back(e);
    any_time.push_back(e);
  }
  for (int mi : a.entities[static_cast<std::size_t>(person.entity)].mentions) {
    const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
    if (m.office_of < 0) continue;
    const int e = a.mentions[static_cast<std::size_t>(m.office_of)].entity;
    if (e >= 0 && a.entities[static_cast<std::size_t>(e)].type == EntityType::Country) in_text.push_back(e);
  }
  const char* from = nullptr;
  int country = -1;
  for (auto [found, what] : {std::pair{&on_date, "office-holder data"}, std::pair{&in_text, "the text's title"},
                             std::pair{&any_time, "office-holder data, earlier term"}}) {
    const int e = single(*found);
    if (e == -2) return out;  // offices of two countries: whose forces is not said
    if (e >= 0) {
      country = e;
      from = what;
      break;
    }
  }
  if (country < 0) return out;
  out.entity = country;
  out.token = person.token;
  out.note = (person.note.empty() ? std::string() : person.note + "; ") + name + " -> " +
             a.entities[static_cast<std::size_t>(country)].name + " (sender's country, " + from + ")";
  return out;
}

}  // namespace kgraph::extract
