#include "extract/relations/relation_finder.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "extract/entities/name_rules.hpp"
#include "extract/entities/quote_attribution.hpp"
#include "extract/match/rule_matcher.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/match/sentence_parses.hpp"
#include "extract/relations/arguments.hpp"
#include "extract/relations/deployment_modality.hpp"
#include "extract/relations/parse_relations.hpp"
#include "extract/relations/relation_candidates.hpp"
#include "extract/relations/relation_scorer.hpp"
#include "extract/relations/with_frame_check.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

struct TriggerHit {
  std::uint32_t first = 0, last = 0;  // tokens of the trigger phrase
  const std::vector<TriggerEntry>* entries = nullptr;
};

bool has_frame(const TriggerHit& t, RelationType r, std::string_view frame) {
  for (const TriggerEntry& e : *t.entries)
    if (e.relation == r && e.frame == frame) return true;
  return false;
}

class RelationFinder {
 public:
  explicit RelationFinder(Analysis& a) : a_(a) {}

  void run() {
    const int sentences = static_cast<int>(a_.doc.sentence_first_token.size()) - 1;
    for (int s = 0; s < sentences; ++s) {
      const std::size_t before = a_.relations.size();
      // The parse rules first; a trigger they read, the token-window rules of that type leave alone.
      std::set<std::pair<RelationType, std::uint32_t>> by_parse;
      for (const ParsedRelation& r : parse_relations(a_, s)) {
        if (r.type == RelationType::HoldsPosition) {
          if (represents(r.title, r.tail.entity)) continue;
          // an ambassador at a body of states holds no office of it: the reading is dropped before it
          // counts as the parse's reading of the title, so the office context's sending country
          // ("Country A's U.N. ambassador X", "Country A Ambassador to the U.N. X") still stands
          if (member_state_post_at_body(r.title, r.tail.entity)) continue;
          // one holds_position per person and office in a document; the entity stage's office
          // context (positions()) adds only the pairs the parse rules did not find
          if (!positions_seen_.insert({r.head.entity, r.tail.entity}).second) continue;
          parsed_offices_[{r.head.entity, s}].push_back(normalize_key(r.title));
          std::map<std::string, std::string> attrs;
          const std::string title = fuller_title(r.head, r.title);
          if (!title.empty()) attrs["title"] = title;
          add(r.type, r.head, r.tail, r.trigger, Modality::Asserted, r.confidence, r.rule, attrs);
          continue;
        }
        add(r.type, r.head, r.tail, r.trigger, r.modality, r.confidence, r.rule);
        by_parse.insert({r.type, r.trigger});
      }
      auto read_by_parse = [&](const TriggerHit& t, RelationType type) {
        for (std::uint32_t i = t.first; i < t.last; ++i)
          if (by_parse.count({type, i})) return true;
        return false;
      };
      for (const TriggerHit& t : triggers_in(s)) {
        if (!read_by_parse(t, RelationType::MetWith)) interaction(t, RelationType::MetWith);
        if (!read_by_parse(t, RelationType::SpokeWith)) interaction(t, RelationType::SpokeWith);
        if (!read_by_parse(t, RelationType::DeployedTo)) deployment(t);
        annexation(t);
        joining(t);
      }
      attendance(s);
      forces_present(s);
      members_named(s);
      places_in(s);
      scored_candidates(s, before);
    }
    // "the A-B summit" (parse_relations.hpp hyphenated_pairs): only for a pair the rest found no meeting
    // of, whose modality the document may tell elsewhere ("the A-B summit" of a text written before it)
    for (const ParsedRelation& r : hyphenated_pairs(a_))
      if (!met_already(r.head.entity, r.tail.entity))
        add(r.type, r.head, r.tail, r.trigger, r.modality, r.confidence, r.rule);
    positions();
    operations();
  }

 private:
  bool met_already(int x, int y) const {
    for (const Relation& r : a_.relations)
      if (r.type == RelationType::MetWith && ((r.head == x && r.tail == y) || (r.head == y && r.tail == x))) return true;
    return false;
  }

  std::vector<TriggerHit> triggers_in(int s) {
    std::vector<TriggerHit> out;
    const std::uint32_t end = a_.sentence_last(s);
    for (std::uint32_t i = a_.sentence_first(s); i < end;) {
      if (!a_.tokens[i].vocab.trigger_start) {  // no trigger phrase starts with this word
        ++i;
        continue;
      }
      int found = 0;
      for (int len = std::min<int>(a_.lex.max_trigger_tokens(), static_cast<int>(end - i)); len >= 1 && !found; --len) {
        std::string key;
        for (std::uint32_t k = i; k < i + static_cast<std::uint32_t>(len); ++k) {
          if (k > i) key.push_back(' ');
          key += a_.key(k);
        }
        if (a_.tokens[i].mention >= 0) break;  // names are never triggers ("Meeting" in a title is)
        if (const auto* entries = a_.lex.trigger(key)) {
          out.push_back({i, i + static_cast<std::uint32_t>(len), entries});
          found = len;
        }
      }
      i += found > 0 ? static_cast<std::uint32_t>(found) : 1;
    }
    return out;
  }

  // The modality cue nearest before the trigger, within its window; asserted when none.
  Modality modality_before(std::uint32_t trigger, std::uint32_t from) {
    const int s = a_.tokens[trigger].sentence;
    const std::uint32_t sfirst = a_.sentence_first(s);
    Modality found = Modality::Asserted;
    int best_distance = 1 << 30;
    for (const ModalityCue& cue : a_.lex.modality_cues()) {
      const auto n = static_cast<std::uint32_t>(cue.tokens.size());
      for (std::uint32_t i = std::max(sfirst, from); i + n <= trigger; ++i) {
        bool match = true;
        for (std::uint32_t k = 0; k < n && match; ++k) match = a_.key(i + k) == cue.tokens[k];
        if (!match) continue;
        const int distance = static_cast<int>(trigger - (i + n));
        if (distance < cue.window && distance < best_distance) {
          best_distance = distance;
          found = cue.modality;
        }
      }
    }
    return found;
  }

  // Hearsay relayed from elsewhere: "according to ...", "..., Agency reported".
  // A speaker's own quoted statement is asserted, not reported.
  bool reported_by_third_party(std::uint32_t trigger, int head, int tail) {
    const int s = a_.tokens[trigger].sentence;
    for (std::uint32_t i = a_.sentence_first(s); i + 1 < a_.sentence_last(s); ++i) {
      if (a_.key(i) == "according" && a_.key(i + 1) == "to") {
        Argument source = argument_at(a_, i + 2 < a_.sentence_last(s) ? i + 2 : i);
        if (source.entity != head && source.entity != tail) return true;
      }
      if ((a_.key(i + 1) == "reported" || a_.key(i + 1) == "reports") && a_.tokens[i].mention >= 0 && i + 1 > trigger) {
        Argument source = argument_at(a_, i);
        if (source.entity >= 0 && source.entity != head && source.entity != tail &&
            type_of(a_, source) == EntityType::Organisation)
          return true;
      }
    }
    return false;
  }

  void add(RelationType type, const Argument& head, const Argument& tail, std::uint32_t trigger, Modality modality,
           double confidence, std::string rule, std::map<std::string, std::string> attributes = {}) {
    if (head.entity < 0 || tail.entity < 0 || head.entity == tail.entity) return;
    // The press reports meetings and deployments and takes no part in them: "Fox News host X",
    // "(Reuters) - ... headed for talks with Y", "the Times learned that ... troops to X".
    if ((type == RelationType::MetWith || type == RelationType::DeployedTo) && (is_press(head.entity) || is_press(tail.entity)))
      return;
    // Kinds of relation that were mostly wrong on the training articles (relation_filter.tsv,
    // counted by scripts/relation-filter): a person "meeting" a country, a pronoun read by a
    // token-window rule ...
    if (a_.rules && a_.rules->filtered(type, a_.entities[static_cast<std::size_t>(head.entity)].type,
                                       a_.entities[static_cast<std::size_t>(tail.entity)].type, rule,
                                       through_pronoun(head) || through_pronoun(tail)))
      return;
    if (vetoed(type, rule, trigger, head, tail)) return;
    // a country's ambassador at a body of states holds the country's office ("China's U.N. ambassador X")
    if (type == RelationType::HoldsPosition && attributes.count("title") &&
        member_state_post_at_body(attributes["title"], tail.entity))
      return;
    Relation r;
    r.type = type;
    r.head = head.entity;
    r.tail = tail.entity;
    r.modality = modality;
    // In a parsed sentence the trigger's scope decides over the cue window of the token rules.
    // A cue the window saw that the scope does not reach stands in another clause: "declined to comment on
    // negotiations being held with X" (the declining is not the negotiations').
    // The same for forces found by position ("There will be no U.S. troops in Syria": the scope
    // reads "no", the window only "will").
    if (token_rule_reads_parse(type, rule)) {
      // a deployment's modality may be that of the forces' own clause (deployment_modality.hpp)
      if (auto scoped = type == RelationType::DeployedTo ? parsed_deployment_modality(a_, trigger, tail.token)
                                                         : parsed_modality(a_, trigger))
        r.modality = *scoped;
      else if (a_.parsed[static_cast<std::size_t>(a_.tokens[trigger].sentence)] == match::kParsed)
        r.modality = Modality::Asserted;
    }
    if (r.modality == Modality::Asserted && reported_by_third_party(trigger, head.entity, tail.entity))
      r.modality = Modality::Reported;
    r.confidence = confidence - (head.note.empty() ? 0.0 : 0.05) - (tail.note.empty() ? 0.0 : 0.05);
    const int s = a_.tokens[trigger].sentence;
    r.evidence.span = a_.doc.sentences[static_cast<std::size_t>(s)];
    r.evidence.text = std::string(r.evidence.span.of(a_.doc.text));
    r.evidence.rule = std::move(rule);
    r.evidence.note = head.note;
    if (!tail.note.empty()) r.evidence.note += (r.evidence.note.empty() ? "" : "; ") + tail.note;
    r.attributes = std::move(attributes);
    if (!a_.doc.meta.date.empty() && !r.attributes.count("date")) r.attributes["date"] = a_.doc.meta.date;
    // one relation per (type, head, tail, sentence); symmetric pairs in either order
    int h = r.head, t = r.tail;
    if (is_symmetric(type) && h > t) std::swap(h, t);
    if (!seen_.insert({static_cast<int>(type), h, t, s}).second) return;
    a_.relations.push_back(std::move(r));
  }

  // Whether a veto of vetoes.tsv says this reading is no relation of its type ("Juventus meet United"
  // in a fixture list). A veto reads the parse the rules already made and costs none of its own: in a
  // sentence nothing parsed (only a token-window pattern fired there) no veto applies.
  // Whether a relation of this type from this rule takes its modality from the parse (add()).
  static bool token_rule_reads_parse(RelationType type, const std::string& rule) {
    return (rule.rfind("trigger:", 0) == 0 || rule.rfind("pattern:deployed_to", 0) == 0) &&
           type != RelationType::HoldsPosition;
  }

  bool vetoed(RelationType type, const std::string& rule, std::uint32_t trigger, const Argument& head, const Argument& tail) {
    if (!a_.rules) return false;
    bool any = false;
    for (const match::Veto& v : a_.rules->vetoes()) any = any || v.relation == type;
    const int s = a_.tokens[trigger].sentence;
    if (!any) return false;
    // a token-window rule's relation has its modality read from the parse (add() below parses its sentence
    // for it): parse first, so the vetoes read that parse too ("an American military cemetery" in a sentence
    // no parse rule opened is no force present)
    if (token_rule_reads_parse(type, rule)) match::ensure_parsed_for_token_rule(a_, s);
    if (a_.parsed[static_cast<std::size_t>(s)] != match::kParsed) return false;
    const match::SentenceTree tree(a_, s);
    auto token_in = [&](const Argument& arg) {
      return a_.tokens[arg.token].sentence == s ? static_cast<int>(arg.token) : -1;
    };
    return match::veto_of(a_, tree, type, rule, trigger, token_in(head), token_in(tail)) != nullptr;
  }

  // The learned scorer's relations in sentence s (relation_scorer.hpp): candidates the rules did
  // not find (relations since `before`, of this sentence) that score at or above the threshold of
  // their type. With write_candidates, every candidate is kept with its features instead.
  void scored_candidates(int s, std::size_t before) {
    if ((!a_.scorer && !a_.write_candidates) || !may_have_candidates(a_, s)) return;
    const Span sentence = a_.doc.sentences[static_cast<std::size_t>(s)];
    std::vector<const Relation*> found;
    for (std::size_t k = before; k < a_.relations.size(); ++k)
      if (a_.relations[k].evidence.span.begin == sentence.begin && a_.relations[k].evidence.span.end == sentence.end)
        found.push_back(&a_.relations[k]);
    const std::vector<RelationCandidate> candidates = candidates_in(a_, s, found);
    if (a_.write_candidates) {
      for (const RelationCandidate& c : candidates) {
        Relation r;
        r.type = c.type;
        r.head = c.head.entity;
        r.tail = c.tail.entity;
        r.modality = c.modality;
        r.evidence.span = sentence;
        r.evidence.text = std::string(sentence.of(a_.doc.text));
        r.evidence.rule = "candidate:" + std::string(to_string(c.type));
        std::string joined;
        for (const std::string& f : c.features) joined += (joined.empty() ? "" : " ") + f;
        r.attributes["features"] = std::move(joined);
        r.attributes["by_rule"] = c.by_rule ? "1" : "0";
        a_.candidates.push_back(std::move(r));
      }
      return;
    }
    // "A and B met with X": one parse rule read A and B as one side of the meeting with X; the model
    // pairing A with B would join two conjuncts of one argument, which the sentence does not say met
    auto one_side = [&](const RelationCandidate& c) {
      if (!is_symmetric(c.type)) return false;
      auto other = [](const Relation* r, int e) { return r->head == e ? r->tail : r->tail == e ? r->head : -1; };
      for (const Relation* r : found) {
        if (r->type != c.type || r->evidence.rule.rfind("parse:", 0) != 0) continue;
        const int x = other(r, c.head.entity);
        if (x < 0 || x == c.tail.entity) continue;
        for (const Relation* q : found)
          if (q->type == c.type && q->evidence.rule == r->evidence.rule && other(q, c.tail.entity) == x) return true;
      }
      return false;
    };
    for (const RelationCandidate& c : candidates) {
      if (c.by_rule || one_side(c)) continue;
      const double p = a_.scorer->probability(c.features);
      if (p >= a_.scorer->threshold(c.type))
        add(c.type, c.head, c.tail, c.trigger, c.modality, p, "model:" + std::string(to_string(c.type)));
    }
  }

  // An argument read from a pronoun ("he", "his"); the first person inside a quote, resolved to
  // the quote's speaker, is not one: who says "I met X" is known.
  static bool through_pronoun(const Argument& arg) {
    return !arg.note.empty() && arg.note.find("(quote speaker)") == std::string::npos;
  }

  bool is_press(int entity) const {
    const EntityDraft& e = a_.entities[static_cast<std::size_t>(entity)];
    return e.type == EntityType::Organisation && !e.org_kind.empty() && a_.lex.in_list("press_kind", e.org_kind);
  }

  bool is_party(const Analysis& a, const Argument& arg) {
    EntityType t = type_of(a, arg);
    return t == EntityType::Person || t == EntityType::Organisation || t == EntityType::Country;
  }

  void interaction(const TriggerHit& t, RelationType type) {
    const std::string name(to_string(type));
    const std::uint32_t slast = a_.sentence_last(a_.tokens[t.first].sentence);
    // "between" frame: "talks between A and B", "a phone call between A and B"
    if (has_frame(t, type, "between") && t.last < slast && a_.key(t.last) == "between") {
      auto parties = t.last + 1 < slast ? parties_after(a_, t.last + 1) : std::vector<Argument>{};
      if (parties.size() >= 2) {
        for (std::size_t i = 0; i < parties.size(); ++i)
          for (std::size_t j = i + 1; j < parties.size(); ++j)
            if (is_party(a_, parties[i]) && is_party(a_, parties[j]))
              add(type, parties[i], parties[j], t.first, modality_before(t.first, a_.sentence_first(a_.tokens[t.first].sentence)),
                  0.8, "trigger:" + name + "/between");
        return;
      }
    }
    // "outlet" frame: "gave an interview to X", "said in a telephone interview on X": the
    // outlet is an organisation; "with" also takes a person ("an interview with X").
    if (has_frame(t, type, "outlet")) {
      for (std::uint32_t w = t.last; w < std::min<std::uint32_t>(slast, t.last + 2); ++w) {
        const std::string& k = a_.key(w);
        if (k != "to" && k != "on" && k != "with") continue;
        auto tails = w + 1 < slast ? parties_after(a_, w + 1, 2) : std::vector<Argument>{};
        Argument head = owner_before(t.first);
        if (head.entity < 0) head = subject_before(a_, t.first, true);
        if (head.entity < 0) head = speaker_after_opening(t.first, w + 1, slast);
        if (head.entity < 0 || !is_party(a_, head)) break;
        for (const Argument& tail : tails)
          if (type_of(a_, tail) == EntityType::Organisation || (k == "with" && type_of(a_, tail) == EntityType::Person))
            add(type, head, tail, t.first, modality_before(t.first, head.token), 0.8, "trigger:" + name + "/outlet");
        return;
      }
    }
    // "with" frame: "met with X", "talks with X", "interview with X"; the head may be a
    // possessive before the noun ("his meeting with X", "Obama's talks with X")
    if (has_frame(t, type, "with")) {
      for (std::uint32_t w = t.last; w < std::min<std::uint32_t>(slast, t.last + 3); ++w) {
        if (a_.key(w) != "with") continue;
        auto tails = w + 1 < slast ? parties_after(a_, w + 1) : std::vector<Argument>{};
        if (tails.empty()) break;
        Argument head = owner_before(t.first);
        if (head.entity < 0) head = subject_before(a_, t.first, true);
        // "In a phone call with X, Y discussed ...": the phrase opens the sentence
        if (head.entity < 0) head = speaker_after_opening(t.first, w + 1, slast);
        if (head.entity < 0 || !is_party(a_, head)) break;
        // in a parsed sentence the parse may say the meeting is someone else's
        if (parse_contradicts_with_frame(a_, t.first, t.last, head)) return;
        for (const Argument& tail : tails)
          if (is_party(a_, tail))
            add(type, head, tail, t.first, modality_before(t.first, head.token), 0.85, "trigger:" + name + "/with");
        return;
      }
    }
    // object frame: "X met Y", "X hosted Y"; not a noun of the same form the parse tags so: "Fox host Bill
    // O'Reilly asked ...", "conservative radio host X argued" (a title before a name)
    if (has_frame(t, type, "object") && t.last < slast && !parsed_as_noun(t)) {
      auto tails = parties_after(a_, t.last, 1);
      // "... would not let his family meet him": the family met him, not a name further back
      Argument head = unnamed_subject_before(a_, t.first) ? Argument{} : subject_before(a_, t.first, false);
      if (!tails.empty() && head.entity >= 0 && is_party(a_, head)) {
        for (const Argument& tail : tails)
          if (is_party(a_, tail) && type_of(a_, tail) != EntityType::Country)
            add(type, head, tail, t.first, modality_before(t.first, head.token), 0.8, "trigger:" + name + "/object");
        return;
      }
    }
    // phone frame: "Macron spoke to Zelensky by phone", "Blinken told his Chinese counterpart Wang Yi
    // in a phone call that ...": a verb of talking and its party, and the sentence says it was a call.
    if (has_frame(t, type, "phone") && t.last < slast && says_by_phone(a_.tokens[t.first].sentence)) {
      std::uint32_t p = t.last;
      if (a_.key(p) == "to" || a_.key(p) == "with") ++p;
      auto tails = p < slast ? parties_after(a_, p, 2) : std::vector<Argument>{};
      Argument head = unnamed_subject_before(a_, t.first) ? Argument{} : subject_before(a_, t.first, true);
      // the name nearest before the verb may be the party of another phrase: "X, during a phone call with Y,
      // urged Z to ..." (the parse names X the subject)
      if (head.entity >= 0 && parse_contradicts_with_frame(a_, t.first, t.last, head)) return;
      if (!tails.empty() && head.entity >= 0 && is_party(a_, head)) {
        for (const Argument& tail : tails)
          // people only: "told Reuters by phone" is a statement to the press, not a conversation
          if (type_of(a_, tail) == EntityType::Person)
            add(type, head, tail, t.first, modality_before(t.first, head.token), 0.75, "trigger:" + name + "/phone");
        return;
      }
    }
    // mutual frame: "X and Y met", "X and Y will hold talks"; not when they met a third party: "Obama and
    // Biden met with the lawmakers", "he and Carter were meeting their Filipino counterparts" (the parse
    // rule met.verb.mutual asks the same: no object, no "with")
    if (has_frame(t, type, "mutual") && !meets_a_third_party(t)) {
      auto parties = coordinated_subject(a_, t.first);
      if (parties.size() == 2 && is_party(a_, parties[0]) && is_party(a_, parties[1]))
        add(type, parties[0], parties[1], t.first, modality_before(t.first, parties[0].token), 0.8,
            "trigger:" + name + "/mutual");
    }
  }

  // Whether the parse of the trigger's sentence tags its word a noun (false when the sentence is not parsed).
  bool parsed_as_noun(const TriggerHit& t) {
    const int s = a_.tokens[t.first].sentence;
    if (!a_.rules || !match::ensure_parsed(a_, s)) return false;
    const std::string& tag = a_.rules->tags()[a_.deps[t.first].upos];
    return tag == "NOUN" || tag == "PROPN";
  }

  // Whether the trigger has a party of its own after it: the word "with" right after it, or in a parsed
  // sentence an object (not a time: "spoke Friday") or a "with" oblique of the trigger's word.
  bool meets_a_third_party(const TriggerHit& t) {
    const int s = a_.tokens[t.first].sentence;
    if (t.last < a_.sentence_last(s) && a_.key(t.last) == "with") return true;
    if (!a_.rules || !match::ensure_parsed(a_, s)) return false;
    const match::SentenceTree tree(a_, s);
    const auto& labels = a_.rules->labels();
    for (std::uint32_t i = t.first; i < t.last; ++i)
      for (std::uint32_t c : tree.children(i)) {
        const std::string& l = labels[a_.deps[c].label];
        if (c < t.last) continue;  // "that" read as the object before the verb
        if (l == "obj" && !a_.in_list("time_word", c) && !a_.in_list("time_noun", c)) return true;
        if (l.rfind("obl", 0) == 0)
          if (const int k = tree.child(c, "case"); k >= 0 && a_.key(static_cast<std::uint32_t>(k)) == "with") return true;
      }
    return false;
  }

  // Whether sentence s says a conversation was by phone or video (ontology list phone_cue).
  bool says_by_phone(int s) {
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    for (std::uint32_t i = sfirst; i < slast; ++i)
      for (std::size_t n = 1; n <= 4 && i + n <= slast; ++n)
        if (a_.in_list("phone_cue", i, n)) return true;
    return false;
  }

  // The possessor of a trigger noun: "his meeting", "her planned talks", "Obama's phone call".
  // At most one lower-case modifier may stand between; entity -1 when there is none.
  Argument owner_before(std::uint32_t trigger) {
    const std::uint32_t sfirst = a_.sentence_first(a_.tokens[trigger].sentence);
    std::uint32_t i = trigger;
    for (int k = 0; k < 2 && i > sfirst; ++k) {
      --i;
      const std::string& key = a_.key(i);
      if (key == "his" || key == "her") {
        Argument arg;
        arg.token = i;
        arg.entity = resolve_person_pronoun(a_, i);
        if (arg.entity >= 0)
          arg.note = std::string(a_.token_text(i)) + " -> " + a_.entities[static_cast<std::size_t>(arg.entity)].name;
        return arg;
      }
      if ((key == "'s" || key == "'") && i > sfirst && a_.tokens[i - 1].mention >= 0) {
        Argument arg = argument_at(a_, i - 1);
        if (arg.entity >= 0 && is_party(a_, arg)) return arg;
        return {};
      }
      if (a_.tokens[i].upper || a_.tokens[i].mention >= 0 || !has_letter(a_.token_text(i))) break;
    }
    return {};
  }

  bool is_place(const Argument& arg) {
    EntityType t = type_of(a_, arg);
    return t == EntityType::Country || t == EntityType::Location;
  }

  // Index of a military-force noun in [from, to), or UINT32_MAX.
  std::uint32_t force_between(std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t i = from; i < to; ++i) {
      if (a_.in_list("force", i)) return i;
      if (i + 1 < to && a_.in_list("force", i, 2)) return i;
    }
    return UINT32_MAX;
  }

  // The country or organisation that owns a force noun: "US troops", "its tank brigade" (-> subject).
  Argument force_owner(std::uint32_t force) {
    const int s = a_.tokens[force].sentence;
    for (std::uint32_t i = force; i-- > a_.sentence_first(s) && i + 4 > force;) {
      Argument arg = argument_at(a_, i);
      if (arg.entity >= 0) {
        EntityType t = type_of(a_, arg);
        if (t == EntityType::Country || t == EntityType::Organisation) return arg;
        break;
      }
      if (a_.token_text(i) == "," || a_.key(i) == "of" || a_.key(i) == "and") break;
    }
    return {};
  }

  // Whether the verb at `trigger` is a passive participle: a form of "be" right before it, with
  // at most one helper between ("was deployed", "were being sent", "had been quietly stationed").
  bool passive_participle(std::uint32_t trigger) {
    const std::uint32_t sfirst = a_.sentence_first(a_.tokens[trigger].sentence);
    for (std::uint32_t i = trigger; i-- > sfirst && i + 3 > trigger;) {
      if (a_.in_list("predicate_verb", i) && a_.key(i) != "as") return true;
      if (!a_.in_list("verb_helper", i)) return false;
    }
    return false;
  }

  void deployment(const TriggerHit& t) {
    const bool lead = has_frame(t, RelationType::DeployedTo, "lead");
    const bool verb = lead || has_frame(t, RelationType::DeployedTo, "move");
    const bool noun = has_frame(t, RelationType::DeployedTo, "move_noun");
    if (!verb && !noun) return;
    const int s = a_.tokens[t.first].sentence;
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    // destination: "to|into|in" + place, within a short window after the trigger
    std::vector<Argument> places;
    std::uint32_t dest = UINT32_MAX;
    for (std::uint32_t i = t.last; i < std::min<std::uint32_t>(slast, t.last + 12); ++i) {
      const std::string& k = a_.key(i);
      if (k == "near" || k == "around" || k == "along" || k == "via" || k == "from" || k == "against") break;
      if (k != "to" && k != "into" && k != "in") continue;
      auto found = i + 1 < slast ? parties_after(a_, i + 1, 2) : std::vector<Argument>{};
      if (!found.empty() && is_place(found[0])) {
        for (const Argument& p : found)
          if (is_place(p)) places.push_back(p);
        dest = i;
        break;
      }
    }
    if (places.empty()) {
      implicit_deployment(t, verb);
      return;
    }
    // a military force must be what moves: between the trigger and the destination, or
    // as the subject ("US troops began arriving in Europe")
    std::uint32_t force = force_between(t.last, dest);
    Argument head;
    // one leads the forces that are its object, right after it (triggers.tsv, frame "lead")
    if (lead && !has_frame(t, RelationType::DeployedTo, "move") && (force == UINT32_MAX || force > t.last + 3)) return;
    if (force == UINT32_MAX) {
      force = force_between(sfirst, t.first);
      if (force == UINT32_MAX) return;
      head = force_owner(force);
    } else if (noun) {
      head = force_owner(force);
    }
    if (head.entity < 0) {
      if (noun) {
        // "X announced the deployment of ...": the subject only for verbs that launch one
        static const char* const kLaunch[] = {"announced", "began", "begins", "begin", "started", "completed", "ordered",
                                               "approved", "confirmed", "launched", "continued"};
        bool launch = false;
        for (std::uint32_t i = t.first; i-- > sfirst && i + 5 > t.first;)
          for (const char* w : kLaunch) launch = launch || a_.key(i) == w;
        if (!launch) return;
      } else if (passive_participle(t.first)) {
        // "if THAAD was deployed to South Korea", "X joined the army and was deployed to Y": the
        // subject of a passive is what was sent, never who sent it
        return;
      }
      head = subject_before(a_, t.first, false);
    }
    if (head.entity < 0) return;
    EntityType ht = type_of(a_, head);
    if (ht != EntityType::Country && ht != EntityType::Organisation) return;
    const Modality modality = modality_before(t.first, head.token < t.first ? head.token : sfirst);
    for (const Argument& p : places)
      if (p.entity != head.entity)
        add(RelationType::DeployedTo, head, p, t.first, modality, 0.75,
            std::string("trigger:deployed_to/") + (noun ? "noun" : "verb"));
  }

  // "French soldiers were deployed to secure the area": a purpose stands where the destination
  // would, so the forces went to the place the text is set in (its most named location). The
  // force is the subject; "federal troops" and "government forces" are the text's country's.
  void implicit_deployment(const TriggerHit& t, bool verb) {
    static const char* const kNotVerb[] = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
                                           "these", "those", "other", "more", "some", "all", "help", "be"};
    const int s = a_.tokens[t.first].sentence;
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    if (!verb || t.last + 1 >= slast || a_.key(t.last) != "to") return;
    const std::uint32_t purpose = t.last + 1;
    if (a_.tokens[purpose].upper || a_.tokens[purpose].mention >= 0 || !has_letter(a_.token_text(purpose))) return;
    for (const char* w : kNotVerb)
      if (a_.key(purpose) == w) return;
    // a place named after all ("to repel attacks in X") is where they went, not the story's setting
    for (std::uint32_t i = t.last; i < slast; ++i)
      if (a_.tokens[i].mention >= 0 && a_.mentions[static_cast<std::size_t>(a_.tokens[i].mention)].locative &&
          is_place(argument_at(a_, i)))
        return;
    const std::uint32_t force = force_between(sfirst, t.first);
    if (force == UINT32_MAX || (!a_.in_list("personnel", force) && !a_.in_list("personnel", force + 1)))
      return;
    Argument head = force_owner(force);
    if (head.entity < 0 && force > sfirst && a_.in_list("state_force", force - 1)) {
      head.entity = country_of_text(s);
      head.token = force;
      if (head.entity >= 0) head.note = std::string(a_.token_text(force - 1)) + " -> " + a_.entities[static_cast<std::size_t>(head.entity)].name;
    }
    if (head.entity < 0) return;
    Argument place;
    place.entity = main_location();
    place.token = t.first;
    if (place.entity < 0 || place.entity == head.entity) return;
    place.note = "destination -> " + a_.entities[static_cast<std::size_t>(place.entity)].name + " (the place the text is set in)";
    add(RelationType::DeployedTo, head, place, t.first, modality_before(t.first, sfirst), 0.6, "trigger:deployed_to/implicit");
  }

  void annexation(const TriggerHit& t) {
    if (!has_frame(t, RelationType::Annexed, "annex")) return;
    const int s = a_.tokens[t.first].sentence;
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    std::uint32_t obj = t.last;
    if (obj < slast && a_.key(obj) == "of") ++obj;  // "the annexation of X"
    if (obj >= slast) return;
    auto territories = parties_after(a_, obj, 1);
    if (territories.empty() || !is_place(territories[0])) return;
    const Argument& territory = territories[0];
    Argument head;
    // "by Y" after the territory
    const int tm = a_.tokens[territory.token].mention;
    std::uint32_t after = tm >= 0 ? a_.mentions[static_cast<std::size_t>(tm)].last : territory.token + 1;
    if (after + 1 < slast && a_.key(after) == "by") head = argument_at(a_, after + 1);
    if (head.entity < 0) {
      // "Y annexed X", "Y's annexation of X", else the nearest other country in the sentence
      int best = 1 << 30;
      for (std::uint32_t i = sfirst; i < slast; ++i) {
        Argument arg = argument_at(a_, i);
        if (arg.entity < 0 || arg.entity == territory.entity || type_of(a_, arg) != EntityType::Country) continue;
        int d = std::abs(static_cast<int>(i) - static_cast<int>(t.first));
        if (d < best) {
          best = d;
          head = arg;
        }
      }
    }
    if (head.entity >= 0)
      add(RelationType::Annexed, head, territory, t.first, modality_before(t.first, sfirst), 0.7, "trigger:annexed");
  }

  // member_of from a joining trigger: "Finland joined NATO", "Sweden became a member of the
  // alliance", "Ukraine's accession to the EU". Members are countries or organisations;
  // what they join is an organisation.
  void joining(const TriggerHit& t) {
    if (!has_frame(t, RelationType::MemberOf, "join")) return;
    if (t.last >= a_.sentence_last(a_.tokens[t.first].sentence)) return;  // nothing joined after the trigger
    auto bodies = parties_after(a_, t.last, 1);
    if (bodies.empty() || type_of(a_, bodies.front()) != EntityType::Organisation) return;
    std::vector<Argument> members = coordinated_subject(a_, t.first);
    if (members.empty()) {
      Argument owner = owner_before(t.first);
      members.push_back(owner.entity >= 0 ? owner : subject_before(a_, t.first, false));
    }
    for (const Argument& member : members) {
      if (member.entity < 0) continue;
      const EntityType mt = type_of(a_, member);
      if (mt != EntityType::Country && mt != EntityType::Organisation) continue;
      add(RelationType::MemberOf, member, bodies.front(), t.first, modality_before(t.first, member.token), 0.75,
          "trigger:member_of/join");
    }
  }

  // member_of from an organisation's member word before country names: "NATO members Poland
  // and Romania", "fellow EU member Hungary", "NATO ally Turkey" (ontology list member_word).
  void members_named(int s) {
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    for (std::uint32_t i = sfirst; i < slast; ++i) {
      const int om = a_.tokens[i].mention;
      if (om < 0) continue;
      const MentionDraft& org = a_.mentions[static_cast<std::size_t>(om)];
      i = org.last - 1;
      if (org.type != EntityType::Organisation || org.entity < 0) continue;
      std::uint32_t w = org.last;
      // the member word may already be part of the mention ("NATO members" acting together)
      const bool inside = org.last - org.first >= 2 && a_.in_list("member_word", org.last - 1);
      int n = 0;
      for (int len = 2; len >= 1 && n == 0 && !inside; --len) {
        if (w + static_cast<std::uint32_t>(len) <= slast && a_.in_list("member_word", w, static_cast<std::size_t>(len))) n = len;
      }
      if ((n == 0 && !inside) || w + static_cast<std::uint32_t>(n) >= slast) continue;
      w += static_cast<std::uint32_t>(n);
      if (a_.tokens[w].mention < 0) continue;  // "NATO members agreed": no member named
      Argument body{org.entity, org.first, "", false};
      for (const Argument& member : parties_after(a_, w, 0)) {
        if (type_of(a_, member) != EntityType::Country) continue;
        add(RelationType::MemberOf, member, body, org.first, modality_before(org.first, sfirst), 0.7,
            "pattern:member_of/named");
      }
    }
  }

  // located_in from how news places a place: "the Syrian city of Aleppo", "Aleppo in northern
  // Syria", "Kramatorsk, Ukraine". The place is a Location entity, the container a country.
  void places_in(int s) {
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    // A country named as such: not a capital standing for it ("Bilbao, Madrid"), and not a region
    // whose name holds a country's ("South Australia", a capitalised compass word first).
    // The entity of the mention that starts at token i, when it has this type.
    auto starting_at = [&](std::uint32_t i, EntityType type) -> const MentionDraft* {
      if (i >= slast || a_.tokens[i].mention < 0) return nullptr;
      const MentionDraft& m = a_.mentions[static_cast<std::size_t>(a_.tokens[i].mention)];
      if (m.first != i || m.entity < 0 || a_.entities[static_cast<std::size_t>(m.entity)].type != type) return nullptr;
      return &m;
    };
    auto country_at = [&](std::uint32_t i) -> Argument {
      const MentionDraft* m = starting_at(i, EntityType::Country);
      if (!m || (m->source == MentionSource::Gazetteer && (m->kind == LexKind::Capital || m->kind == LexKind::Metonym)))
        return {};
      if (a_.tokens[i].upper && a_.in_list("compass", i)) return {};
      return Argument{m->entity, m->first, "", false};
    };
    auto place_at = [&](std::uint32_t i) -> Argument {
      const MentionDraft* m = starting_at(i, EntityType::Location);
      return m ? Argument{m->entity, m->first, "", false} : Argument{};
    };
    for (std::uint32_t i = sfirst; i < slast; ++i) {
      const int mi = a_.tokens[i].mention;
      if (mi < 0) continue;
      const MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
      if (m.first != i) continue;
      const std::uint32_t after = m.last;
      // "the Syrian city of Aleppo": a country (or its demonym) before a place class and "of"
      if (Argument country = country_at(i); country.entity >= 0 && i > sfirst && a_.key(i - 1) == "the" &&
                                            after + 2 < slast && a_.in_list("place_class", after) &&
                                            a_.key(after + 1) == "of") {
        if (Argument place = place_at(after + 2); place.entity >= 0)
          add(RelationType::LocatedIn, place, country, i, Modality::Asserted, 0.8, "pattern:located_in/city-of");
        continue;
      }
      Argument place = place_at(i);
      if (place.entity < 0 || after + 1 >= slast) continue;
      // "Aleppo in [northern] Syria"
      if (a_.key(after) == "in") {
        std::uint32_t c = after + 1;
        // "in northern Syria": the compass word may open the country's mention or stand before it
        if (c + 1 < slast && country_at(c).entity < 0 && a_.in_list("compass", c)) ++c;
        if (Argument country = country_at(c); country.entity >= 0)
          add(RelationType::LocatedIn, place, country, i, Modality::Asserted, 0.75, "pattern:located_in/in");
        continue;
      }
      // "Kramatorsk, Ukraine": the country closes the phrase (not a list "Kyiv, Ukraine and Poland")
      if (a_.token_text(after) == ",") {
        Argument country = country_at(after + 1);
        if (country.entity < 0) continue;
        const std::uint32_t end = a_.mentions[static_cast<std::size_t>(a_.tokens[after + 1].mention)].last;
        const bool closes = end >= slast || a_.token_text(end) == "," || a_.token_text(end) == "." ||
                            a_.token_text(end) == ";" || a_.token_text(end) == ")";
        const bool listed = end < slast && (a_.key(end) == "and" || a_.key(end) == "or");
        if (closes && !listed && (end >= slast || end + 1 >= slast || a_.key(end + 1) != "and"))
          add(RelationType::LocatedIn, place, country, i, Modality::Asserted, 0.75, "pattern:located_in/comma");
      }
    }
  }

  // part_of for operations found with the organisation that runs them.
  void operations() {
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Operation || m.entity < 0 || m.described_org.empty()) continue;
      for (std::size_t e = 0; e < a_.entities.size(); ++e)
        if (a_.entities[e].name == m.described_org) {
          Argument op{m.entity, m.first, "", false};
          Argument org{static_cast<int>(e), m.first, "", false};
          add(RelationType::PartOf, op, org, m.first, Modality::Asserted, 0.7, "pattern:mission");
        }
    }
  }

  // "In an interview with Reuters, Hungarian Prime Minister Viktor Orban said ...": when the
  // trigger opens the sentence (within its first four words), the person named first after
  // the comma that closes the phrase gave the interview. An argument with entity -1 otherwise.
  Argument speaker_after_opening(std::uint32_t trigger, std::uint32_t from, std::uint32_t slast) {
    const std::uint32_t sfirst = a_.sentence_first(a_.tokens[trigger].sentence);
    if (trigger > sfirst + 3) return {};
    for (std::uint32_t c = from; c + 1 < slast && c < from + 8; ++c) {
      if (a_.token_text(c) != ",") continue;
      auto parties = parties_after(a_, c + 1, 3);
      if (!parties.empty() && type_of(a_, parties.front()) == EntityType::Person) return parties.front();
      return {};
    }
    return {};
  }

  // holds_position from the office context of person mentions.
  void positions() {
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.entity < 0) continue;
      Argument person;
      person.entity = m.entity;
      person.token = m.first;
      std::string title = m.title;
      int office = -1;
      std::string rule = m.appointed ? "title:appointment" : "title:apposition";
      if (m.source == MentionSource::Description && !m.described_org.empty()) {
        for (std::size_t e = 0; e < a_.entities.size(); ++e)
          if (a_.entities[e].name == m.described_org) office = static_cast<int>(e);
        title = m.described_title;
        rule = "title:description";
        person.note = std::string(a_.span_of(m.first, m.last).of(a_.doc.text)) + " -> " +
                      a_.entities[static_cast<std::size_t>(m.entity)].name;
      } else if (m.office_of >= 0 && !represents(title, a_.mentions[static_cast<std::size_t>(m.office_of)].entity)) {
        office = a_.mentions[static_cast<std::size_t>(m.office_of)].entity;
      } else if (!title.empty()) {
        office = office_from_table(a_.entities[static_cast<std::size_t>(m.entity)].name, title);
        rule = "title:office-table";
        // a title of one country's government or of one body, said without it ("Treasury Secretary X")
        const std::vector<TitleOffice>* offices = title_offices_of(m);
        if (office < 0 && offices) {
          office = office_of_title(m, *offices);
          rule = "title:title-office";
        }
        // a national office with no country beside it is one of the country the text is about
        // ("the interior minister, X", "lawmaker X")
        if (office < 0 && !offices && a_.lex.in_list("national_office", normalize_key(title))) {
          bool from_sentence = false;
          const int sentence = a_.tokens[m.first].sentence;
          office = country_of_text(sentence, &from_sentence);
          // two ids, so that their precision is counted apart (scripts/relation-filter)
          rule = from_sentence ? "title:sentence-country" : "title:document-country";
          // a list of titled names after one country's word: "the A-ian President X, Premier Y and
          // State Councilor Z" are all of that country
          if (const int listed = country_of_list(m); listed >= 0) {
            office = listed;
            rule = "title:list-country";
          }
          // a sentence that names no country continues the one before it ("Country A insists on a
          // vote. Briefing parliament, Foreign Minister X said ..."): the only country that names
          if (!from_sentence && office < 0)
            if (const int prev = only_country_of_sentence(sentence - 1); prev >= 0 && countries_in_sentence(sentence) == 0) {
              office = prev;
              rule = "title:previous-sentence-country";
            }
        }
      }
      // "leader A B C", "the regime's leader X": a head word alone names no office, but the
      // office-holder data's post in office on the document's date that the word names does
      if (title.empty() && m.source != MentionSource::Description)
        if (const OfficeTerm* t = term_named_by_head_word(m)) {
          for (std::size_t e = 0; e < a_.entities.size() && office < 0; ++e)
            if (a_.entities[e].name == t->office_of && named_in_text(static_cast<int>(e))) office = static_cast<int>(e);
          title = t->title;
          rule = "title:head-word-table";
        }
      if (office < 0 || (title.empty() && m.source != MentionSource::Description)) continue;
      const std::string& person_name = a_.entities[static_cast<std::size_t>(m.entity)].name;
      // The office-holder data outweighs the context: "Putin, German Chancellor Angela Merkel" or
      // an article about Ukraine does not make President Putin or President Trump holders of a
      // German or Ukrainian presidency. The data's own office stands when the text names it.
      if (rule != "title:office-table" && contradicts_table(person_name, title, office)) {
        office = office_from_table(person_name, title);
        rule = "title:office-table";
        if (office < 0) continue;
      }
      title = normalise_title(person_name, a_.entities[static_cast<std::size_t>(office)].name, title);
      EntityType ot = a_.entities[static_cast<std::size_t>(office)].type;
      if (ot != EntityType::Country && ot != EntityType::Organisation) continue;
      Argument org;
      org.entity = office;
      org.token = m.first;
      const int s = a_.tokens[m.first].sentence;
      // one holds_position per person and office in a document
      // where the parse read this person's title in this sentence, its office stands; the office
      // context adds a second one only from the office-holder data or for another title
      if (rule != "title:office-table" && parsed_title(m.entity, s, title)) continue;
      if (!positions_seen_.insert({m.entity, office}).second) continue;
      std::map<std::string, std::string> attrs;
      if (!title.empty()) attrs["title"] = title;
      add(RelationType::HoldsPosition, person, org, a_.sentence_first(s), Modality::Asserted,
          rule == "title:apposition" ? 0.9 : rule == "title:appointment" ? 0.85 : 0.7, rule, attrs);
    }
    // a second office after the name of a person titled before it ("Sen. X, chairman of the Y Committee")
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.entity < 0 || m.office2_of < 0) continue;
      const int office = a_.mentions[static_cast<std::size_t>(m.office2_of)].entity;
      if (office < 0 || a_.entities[static_cast<std::size_t>(office)].type != EntityType::Organisation) continue;
      const int s = a_.tokens[m.first].sentence;
      if (parsed_title(m.entity, s, m.title2) || !positions_seen_.insert({m.entity, office}).second) continue;
      Argument person, org;
      person.entity = m.entity;
      person.token = m.first;
      org.entity = office;
      org.token = m.first;
      add(RelationType::HoldsPosition, person, org, a_.sentence_first(s), Modality::Asserted, 0.85,
          "title:second-office", {{"title", m.title2}});
    }
  }

  // The title the entity stage read with the person's name when it ends with the parse's title:
  // it knows phrases the parse splits ("vice - president" in pre-tokenised text).
  std::string fuller_title(const Argument& person, const std::string& title) const {
    const int mi = a_.tokens[person.token].mention;
    if (mi < 0 || title.empty()) return title;
    const std::string& known = a_.mentions[static_cast<std::size_t>(mi)].title;
    const std::string k = normalize_key(known), t = normalize_key(title);
    if (k.size() > t.size() && k.compare(k.size() - t.size(), t.size(), t) == 0 && k[k.size() - t.size() - 1] == ' ') return known;
    return title;
  }

  // Whether the title is a country's post at a body of states (word list member_state_post) and the
  // entity such a body (organisation kind intergovernmental or alliance).
  bool member_state_post_at_body(const std::string& title, int entity) const {
    if (entity < 0 || title.empty() || !a_.lex.in_list("member_state_post", normalize_key(title))) return false;
    const std::string kind = a_.lex.organisation_kind(a_.entities[static_cast<std::size_t>(entity)].name);
    return kind == "intergovernmental" || kind == "alliance";
  }

  // Whether the entity named with a constituency title is whom the holder represents (a state, a
  // party), not the office: only a country is ("Florida Sen. X" holds no office of Florida).
  bool represents(const std::string& title, int entity) const {
    if (entity < 0 || !a_.lex.in_list("constituency_title", normalize_key(title))) return false;
    return a_.entities[static_cast<std::size_t>(entity)].type != EntityType::Country;
  }

  // Whether a title phrase and then a person's name follow the mention: "Polish Defence Minister X".
  bool qualifies_a_named_title(const MentionDraft& m) {
    const std::uint32_t slast = a_.sentence_last(a_.tokens[m.first].sentence);
    if (m.last >= slast || !a_.tokens[m.last].vocab.title_word) return false;
    const int len = title_starting_at(a_, m.last, slast);
    const std::uint32_t after = m.last + static_cast<std::uint32_t>(std::max(len, 0));
    if (len <= 0 || after >= slast || a_.tokens[after].mention < 0) return false;
    return a_.mentions[static_cast<std::size_t>(a_.tokens[after].mention)].type == EntityType::Person;
  }

  bool is_country(const MentionDraft& m) const {
    return m.entity >= 0 && a_.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Country;
  }
  // A country named by its own name or a demonym, not through its capital or a metonym ("Moscow",
  // "the Kremlin"): only those say whose an office is.
  static bool names_country_itself(const MentionDraft& m) {
    return !(m.source == MentionSource::Gazetteer && (m.kind == LexKind::Metonym || m.kind == LexKind::Capital));
  }
  // Whether a country mention says whose, not where: a country the sentence names as a place ("in
  // Germany", "to Germany") is where; one that qualifies another title ("Polish Defence Minister X")
  // is that person's.
  bool names_country_as_whose(const MentionDraft& m) {
    const bool place = m.locative || (m.first > 0 && (a_.key(m.first - 1) == "to" || a_.key(m.first - 1) == "towards"));
    return !place && !qualifies_a_named_title(m);
  }

  // The country a sentence is about: the only country named in it (not as a place), else the country the
  // document names most (at least twice and in more than half of its country mentions),
  // unless the sentence names another one. -1 when there is none.
  int country_of_text(int sentence, bool* from_sentence = nullptr) {
    std::map<int, int> in_sentence, in_document;
    int total = 0;
    for (const MentionDraft& m : a_.mentions) {
      if (!is_country(m) || !names_country_itself(m)) continue;
      ++in_document[m.entity];
      ++total;
      if (a_.tokens[m.first].sentence == sentence && names_country_as_whose(m)) ++in_sentence[m.entity];
    }
    if (from_sentence) *from_sentence = in_sentence.size() == 1;
    if (in_sentence.size() == 1) return in_sentence.begin()->first;
    if (!in_sentence.empty()) return -1;
    int best = -1, best_n = 0;
    for (const auto& [e, n] : in_document)
      if (n > best_n) {
        best = e;
        best_n = n;
      }
    return best_n >= 2 && best_n * 2 > total ? best : -1;
  }

  // The country of the titled name before this one in a list ("Country-A President X, Premier Y and
  // ..."): the country named with the title of the first titled name the list goes back to, each
  // item a titled person mention separated by "," or "and"; -1 if the list gives none.
  int country_of_list(const MentionDraft& m) const {
    const MentionDraft* cur = &m;
    for (int step = 0; step < 6; ++step) {
      std::uint32_t k = cur->title.empty() ? cur->first : std::min(cur->first, cur->title_first);
      const std::uint32_t sfirst = a_.sentence_first(a_.tokens[cur->first].sentence);
      int seps = 0;
      while (k > sfirst && (a_.key(k - 1) == "," || a_.key(k - 1) == "and") && seps < 2) {
        --k;
        ++seps;
      }
      if (seps == 0 || k <= sfirst) return -1;
      const int pi = a_.tokens[k - 1].mention;
      if (pi < 0) return -1;
      const MentionDraft& prev = a_.mentions[static_cast<std::size_t>(pi)];
      if (prev.type != EntityType::Person || prev.last != k || prev.title.empty() ||
          prev.source == MentionSource::Description)
        return -1;
      if (prev.office_of >= 0) {
        const MentionDraft& om = a_.mentions[static_cast<std::size_t>(prev.office_of)];
        if (om.entity < 0 || a_.entities[static_cast<std::size_t>(om.entity)].type != EntityType::Country) return -1;
        return om.entity;
      }
      cur = &prev;
    }
    return -1;
  }

  // The countries a sentence names as whose, as country_of_text counts them.
  std::map<int, int> countries_named_in(int sentence) {
    std::map<int, int> in_sentence;
    if (sentence < 0) return in_sentence;
    for (const MentionDraft& m : a_.mentions)
      if (is_country(m) && a_.tokens[m.first].sentence == sentence && names_country_itself(m) &&
          names_country_as_whose(m))
        ++in_sentence[m.entity];
    return in_sentence;
  }
  // Every country mention of a sentence, places and qualifiers included.
  int countries_in_sentence(int sentence) const {
    int n = 0;
    for (const MentionDraft& m : a_.mentions)
      if (is_country(m) && a_.tokens[m.first].sentence == sentence) ++n;
    return n;
  }
  // The one country a sentence names, as whose at least once; -1 if none, or if it names several
  // in any role ("officials from A and B": one of them read as a place leaves the other alone).
  int only_country_of_sentence(int sentence) {
    const std::map<int, int> in = countries_named_in(sentence);
    if (in.size() != 1) return -1;
    for (const MentionDraft& m : a_.mentions)
      if (is_country(m) && m.entity != in.begin()->first && a_.tokens[m.first].sentence == sentence) return -1;
    return in.begin()->first;
  }

  // The place the text is set in: the first location (not a country) its lead sentence names, if
  // the text names it again (a news lead sets the scene: "Police in the city of Lyon ..." before
  // a paragraph about earlier attacks in Paris); else the location named most often, at least
  // twice and more often than any other. -1 when there is none.
  int main_location() {
    std::map<int, int> n;
    int lead = -1;
    for (const MentionDraft& m : a_.mentions)
      if (m.entity >= 0 && a_.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Location) {
        if (++n[m.entity] == 1 && lead < 0 && a_.tokens[m.first].sentence == 0) lead = m.entity;
      }
    if (lead >= 0 && n[lead] >= 2) return lead;
    int best = -1, best_n = 0;
    bool tie = false;
    for (const auto& [e, k] : n) {
      if (k > best_n) {
        best = e;
        best_n = k;
        tie = false;
      } else if (k == best_n) {
        tie = true;
      }
    }
    return best_n >= 2 && !tie ? best : -1;
  }

  // Persons at the tokens [from, to) that are parties, not possessors ("one of X's aides, Y" gives Y).
  std::vector<Argument> persons_in(std::uint32_t from, std::uint32_t to) {
    std::vector<Argument> out;
    for (std::uint32_t i = from; i < to; ++i) {
      const int mi = a_.tokens[i].mention;
      if (mi < 0 || a_.tokens[i].quote >= 0) continue;
      const MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
      Argument arg = argument_at(a_, i);
      i = std::max(i, m.last - 1);
      if (arg.entity < 0 || arg.possessive || m.type != EntityType::Person) continue;
      bool seen = false;
      for (const Argument& o : out) seen = seen || o.entity == arg.entity;
      if (!seen) out.push_back(arg);
    }
    return out;
  }

  bool has_meeting_noun(std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t i = from; i < to; ++i)
      if (a_.tokens[i].mention < 0)
        if (const auto* entries = a_.lex.trigger(a_.key(i)))
          for (const TriggerEntry& e : *entries)
            if (e.relation == RelationType::MetWith && e.frame == "between") return true;
    return false;
  }

  // Attendance: "X, Y and Z attended the meeting", "X, Y and Z also attended" after a sentence
  // about a meeting. Those who attend one meeting meet each other; with "also", the persons the
  // sentence before names at that meeting are there too. Attending anything else (a funeral,
  // a match) is no meeting.
  void attendance(int s) {
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    for (std::uint32_t v = sfirst; v < slast; ++v) {
      if (a_.tokens[v].mention >= 0 || !a_.in_list("attend_verb", v)) continue;
      // the object: none (end of clause) or a meeting noun
      std::uint32_t o = v + 1;
      while (o < slast && (a_.key(o) == "the" || a_.key(o) == "a" || a_.key(o) == "an" || a_.key(o) == "this")) ++o;
      const bool bare = o >= slast || !has_letter(a_.token_text(o));
      const bool meeting_object = !bare && has_meeting_noun(o, std::min<std::uint32_t>(slast, o + 2));
      if (!bare && !meeting_object) continue;
      // the attendees: the persons of the subject, back to a clause boundary
      std::uint32_t from = v;
      while (from > sfirst) {
        const std::string& k = a_.key(from - 1);
        if (k == "that" || k == "who" || k == ";" || k == ":" || a_.in_list("speech_verb", from - 1) || a_.tokens[from - 1].quote >= 0)
          break;
        --from;
      }
      std::vector<Argument> party = persons_in(from, v);
      const bool also = v > sfirst && a_.key(v - 1) == "also";
      if (bare && s > 0 && has_meeting_noun(a_.sentence_first(s - 1), a_.sentence_last(s - 1))) {
        if (also)
          for (const Argument& p : persons_in(a_.sentence_first(s - 1), a_.sentence_last(s - 1))) {
            bool seen = false;
            for (const Argument& o2 : party) seen = seen || o2.entity == p.entity;
            if (!seen) party.push_back(p);
          }
      } else if (bare) {
        continue;  // "X attended." with no meeting named
      }
      const Modality modality = modality_before(v, from);
      for (std::size_t i = 0; i < party.size(); ++i)
        for (std::size_t j = i + 1; j < party.size(); ++j)
          add(RelationType::MetWith, party[i], party[j], v, modality, 0.7, "trigger:met_with/attended");
    }
  }

  // A place after `i`: "Lyon", "the city of Lyon", "the province of X"; else -1.
  Argument place_after(std::uint32_t i, std::uint32_t slast) {
    const bool definite = i < slast && a_.key(i) == "the";
    if (definite) ++i;
    if (i + 1 < slast && a_.tokens[i].mention < 0 && a_.in_list("place_class", i) && a_.key(i + 1) == "of") {
      i += 2;
    } else if (definite && i < slast && a_.tokens[i].mention < 0 && a_.in_list("place_class", i) &&
               (i + 1 >= slast || !has_letter(a_.token_text(i + 1)) || !a_.tokens[i + 1].upper)) {
      // "the republic": the place named before whose name has that word ("the Republic of X")
      return place_named_with(a_.key(i), i);
    }
    if (i >= slast) return {};
    Argument arg = argument_at(a_, i);
    if (arg.entity >= 0 && is_place(arg)) return arg;
    return {};
  }

  // The most recent place before `before` whose name contains the word `word_key`, as an
  // argument at `before`; entity -1 when none.
  Argument place_named_with(const std::string& word_key, std::uint32_t before) {
    Argument arg;
    arg.token = before;
    for (std::uint32_t i = before; i-- > 0;) {
      const int mi = a_.tokens[i].mention;
      if (mi < 0) continue;
      const int e = a_.mentions[static_cast<std::size_t>(mi)].entity;
      if (e < 0 || a_.entities[static_cast<std::size_t>(e)].type != EntityType::Location) continue;
      const std::string name = " " + normalize_key(a_.entities[static_cast<std::size_t>(e)].name) + " ";
      if (name.find(" " + word_key + " ") == std::string::npos) continue;
      arg.entity = e;
      arg.note = std::string(a_.token_text(before)) + " -> " + a_.entities[static_cast<std::size_t>(e)].name;
      return arg;
    }
    return arg;
  }

  // Forces where they are: "Russian soldiers ... near the city of X", "French troops in X", "the
  // Country A forces around X".
  // The country or organisation the force belongs to is deployed to the place it is in,
  // unless that place is its own country.
  void forces_present(int s) {
    const std::uint32_t sfirst = a_.sentence_first(s), slast = a_.sentence_last(s);
    // a place in the sentence's opening adverbial ("On Monday in X, ...") sets the scene for the clause
    Argument scene;
    for (std::uint32_t i = sfirst; i + 1 < std::min<std::uint32_t>(slast, sfirst + 10) && scene.entity < 0; ++i) {
      // an opening adverbial has no name before it: "Britain has trainers in Ukraine, and ..." sets no scene
      if (a_.tokens[i].mention >= 0) break;
      if (a_.key(i) != "in" && a_.key(i) != "at") {
        // and nothing but a time before its place ("On December 21, 2015 in X,"): "Now retired and living
        // in X," and "That sparked insurrection in X," open with a clause, which sets no scene
        const std::string& k = a_.key(i);
        if (k == "," || (!k.empty() && k[0] >= '0' && k[0] <= '9') || a_.in_list("time_word", i) ||
            a_.in_list("scene_opener", i))
          continue;
        break;
      }
      Argument place = place_after(i + 1, slast);
      if (place.entity < 0) continue;
      const int pm = a_.tokens[place.token].mention;
      const std::uint32_t after = pm >= 0 ? a_.mentions[static_cast<std::size_t>(pm)].last : place.token + 1;
      if (after < slast && a_.token_text(after) == ",") scene = place;  // the adverbial ends there
      break;
    }
    for (std::uint32_t f = sfirst; f < slast; ++f) {
      if (a_.tokens[f].mention >= 0) continue;
      std::uint32_t fend = f + 1;
      if (f + 1 < slast && a_.in_list("force", f, 2)) fend = f + 2;
      else if (!a_.in_list("force", f)) continue;
      if (!a_.in_list("personnel", fend - 1)) continue;  // troops, not equipment
      Argument owner = force_owner(f);
      if (owner.entity < 0) continue;
      bool placed = false;
      for (std::uint32_t i = fend; i < std::min<std::uint32_t>(slast, fend + 8) && !placed; ++i) {
        const std::string& k = a_.key(i);
        if (k == "from" || k == "against" || k == "to" || k == "into" || k == "," || k == "." || k == "said" ||
            a_.in_list("speech_verb", i))
          break;
        if (k != "in" && k != "at" && k != "near" && k != "around" && k != "inside") continue;
        Argument place = place_after(i + 1, slast);
        if (place.entity < 0) break;
        // forces around a city or region are in it; around a country, at its borders ("the build-up around X")
        if (outside_place(k, type_of(a_, place))) break;
        if (place.entity == owner.entity) {  // at home
          placed = true;
          break;
        }
        add(RelationType::DeployedTo, owner, place, f, modality_before(f, a_.sentence_first(s)), 0.65,
            "pattern:deployed_to/forces-in");
        placed = true;
        // and the places listed with it: "Country A troops in X and Y", "in X, Y and Z"
        for (Argument next = place;;) {
          const int pm = a_.tokens[next.token].mention;
          std::uint32_t j = pm >= 0 ? a_.mentions[static_cast<std::size_t>(pm)].last : next.token + 1;
          bool joined = false;
          while (j < slast && (a_.token_text(j) == "," || a_.key(j) == "and")) joined = true, ++j;
          if (!joined || j >= slast) break;
          next = argument_at(a_, j);
          if (next.entity < 0 || !is_place(next) || next.entity == owner.entity) break;
          add(RelationType::DeployedTo, owner, next, f, modality_before(f, a_.sentence_first(s)), 0.65,
              "pattern:deployed_to/forces-in");
        }
      }
      if (!placed && scene.entity >= 0 && scene.token < f && scene.entity != owner.entity)
        add(RelationType::DeployedTo, owner, scene, f, modality_before(f, a_.sentence_first(s)), 0.6,
            "pattern:deployed_to/forces-in-scene");
      f = fend - 1;
    }
  }

  // An office the table says this person held under this title, whose country or
  // organisation is named in the document.
  // Whether a title read in the text and one the office-holder data holds name the same post: one
  // opens or contains the other, whatever the case ("national security adviser", "Secretary" for
  // "Secretary of State").
  static bool same_post(const std::string& table_title, const std::string& title) {
    const std::string t = normalize_key(table_title), k = normalize_key(title);
    return !k.empty() && (t.rfind(k, 0) == 0 || k.rfind(t, 0) == 0 || k.find(t) != std::string::npos);
  }

  // Whether the office-holder data gives the person this title in an office other than `office`,
  // or a national office of a country on the document's date while `office` is something else.
  // Nobody holds the national offices of two countries at once ("Putin, German Chancellor Angela
  // Merkel" is not Putin's title), and a sitting head of state's title read beside an
  // organisation is most often another person's ("Trump's first CIA director", "the U.N. chief"
  // bound to a president). A party is spared: leaders of state lead parties too.
  bool contradicts_table(const std::string& person, const std::string& title, int office) const {
    const EntityDraft& e = a_.entities[static_cast<std::size_t>(office)];
    const std::string& date = a_.doc.meta.date;
    const bool party = e.type == EntityType::Organisation && a_.lex.organisation_kind(e.name) == "party";
    bool known = false;
    for (const OfficeTerm* t : a_.lex.terms_of(person)) {
      if (t->office_of == e.name) return false;
      const bool in_office = t->holds_on(date);
      if (same_post(t->title, title) || (in_office && !party && a_.lex.is_country(t->office_of))) known = true;
    }
    return known;
  }

  // Whether the parse rules read this title (or one they could not name) of the person in the
  // sentence: a second title there is a second office ("Republican Senator X of Tennessee, the
  // chairman of the Foreign Relations Committee": the Senate's and the committee's; "Coalition
  // spokesman US Army Col. X": the parse gives the Coalition's, the title chain the US Army's).
  bool parsed_title(int person, int sentence, const std::string& title) const {
    auto it = parsed_offices_.find({person, sentence});
    if (it == parsed_offices_.end()) return false;
    for (const std::string& t : it->second)
      if (t.empty() || title.empty() || same_post(t, title) || same_post(title, t)) return true;
    return false;
  }

  // The office-holder data's term of the person named right after a head word ("leader", "chief":
  // titles.tsv kind head) that is in office on the document's date and whose title has that word
  // ("Supreme Leader"); nullptr if none or if the text dates nothing.
  const OfficeTerm* term_named_by_head_word(const MentionDraft& m) const {
    const std::string& date = a_.doc.meta.date;
    if (date.empty() || m.first == 0 || a_.tokens[m.first - 1].sentence != a_.tokens[m.first].sentence) return nullptr;
    const TitleEntry* te = a_.lex.title(a_.key(m.first - 1));
    if (!te || te->kind != "head") return nullptr;
    const std::string word = normalize_key(te->title);
    for (const OfficeTerm* t : a_.lex.terms_of(a_.entities[static_cast<std::size_t>(m.entity)].name)) {
      const bool in_office = t->holds_on(date);
      const std::string k = " " + normalize_key(t->title) + " ";
      if (in_office && k.find(" " + word + " ") != std::string::npos) return t;
    }
    return nullptr;
  }

  // The offices the title data gives the mention's title: by the title as the text writes it
  // ("House Speaker": the House's), else as titles.tsv normalises it ("Speaker"). nullptr if none.
  const std::vector<TitleOffice>* title_offices_of(const MentionDraft& m) const {
    if (m.title_last > m.title_first)
      if (const auto* o = a_.lex.title_offices(a_.span_of(m.title_first, m.title_last).of(a_.doc.text))) return o;
    return a_.lex.title_offices(m.title);
  }

  // The country or organisation whose office the title names when the text names none with it
  // (ontology/lexicon/title_offices.tsv): the first of the title's offices the text names, under
  // any of its names ("Sen. X" in a text that names the Senate: the Senate's; else the United
  // States'), when the text does not name the person with another country's office: "Sen. X" in
  // an article that also has "Australian Senator X" is not the United States'. A chamber the text
  // names only in another person's title ("House Speaker Y") does not count for this one: "Rep. X"
  // in such a text is the United States' (title_chambers.hpp). -1 otherwise.
  int office_of_title(const MentionDraft& pm, const std::vector<TitleOffice>& offices) {
    const int person = pm.entity;
    int office = -1;
    for (const TitleOffice& o : offices) {
      for (std::size_t e = 0; e < a_.entities.size() && office < 0; ++e)
        if (std::find(o.names.begin(), o.names.end(), a_.entities[e].name) != o.names.end() &&
            named_in_text(static_cast<int>(e)) && named_beyond_others_titles(static_cast<int>(e), pm))
          office = static_cast<int>(e);
      if (office >= 0) break;
    }
    if (office < 0) return -1;
    for (const auto& [holder, other] : positions_seen_)
      if (holder == person && other != office && a_.entities[static_cast<std::size_t>(other)].type == EntityType::Country &&
          a_.entities[static_cast<std::size_t>(office)].type == EntityType::Country)
        return -1;
    return office;
  }

  // Whether the entity has a mention outside the title phrases of persons other than `pm`'s.
  bool named_beyond_others_titles(int entity, const MentionDraft& pm) const {
    for (int mi : a_.entities[static_cast<std::size_t>(entity)].mentions) {
      const MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
      bool in_title = false;
      for (const MentionDraft& p : a_.mentions)
        if (&p != &pm && p.type == EntityType::Person && p.title_last > p.title_first && m.first >= p.title_first &&
            m.last <= p.title_last)
          in_title = true;
      if (!in_title) return true;
    }
    return false;
  }

  int office_from_table(const std::string& person, const std::string& title) {
    for (const OfficeTerm* t : a_.lex.terms_of(person)) {
      if (!same_post(t->title, title)) continue;
      for (std::size_t e = 0; e < a_.entities.size(); ++e)
        if (a_.entities[e].name == t->office_of && named_in_text(static_cast<int>(e))) return static_cast<int>(e);
    }
    return -1;
  }

  // Whether the text names the entity, not only a building or capital standing for it
  // ("the White House said" does not name the United States as the office's country).
  bool named_in_text(int entity) {
    for (int mi : a_.entities[static_cast<std::size_t>(entity)].mentions) {
      const MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
      if (m.source != MentionSource::Gazetteer || (m.kind != LexKind::Metonym && m.kind != LexKind::Capital)) return true;
    }
    return false;
  }

  // Garbled or partial titles take the full title the table knows ("Secretary" -> "Secretary General").
  std::string normalise_title(const std::string& person, const std::string& office, const std::string& title) {
    const TitleEntry* generic = a_.lex.title(normalize_key(title));
    const bool head_word = generic && generic->kind == "head";  // "chief", "head", "leader"
    for (const OfficeTerm* t : a_.lex.terms_of(person))
      if (t->office_of == office && (title.empty() || head_word || t->title.rfind(title, 0) == 0)) return t->title;
    return title;
  }

  Analysis& a_;
  std::set<std::tuple<int, int, int, int>> seen_;
  std::set<std::pair<int, int>> positions_seen_;
  // (person entity, sentence) the parse rules gave an office -> the titles they read
  std::map<std::pair<int, int>, std::vector<std::string>> parsed_offices_;
};

}  // namespace

void find_relations(Analysis& a) { RelationFinder(a).run(); }

}  // namespace kgraph::extract
