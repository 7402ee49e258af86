#include "extract/match/modality_scope.hpp"

#include <cstdlib>
#include <string>
#include <vector>

namespace kgraph::extract::match {
namespace {

std::optional<Modality> cue_of(const Analysis& a, const std::string& word, CueKind kind) {
  if (const auto* cues = a.rules->cues(word))
    for (const ModalityCue& c : *cues)
      if (c.kind == kind) return c.modality;
  return std::nullopt;
}

}  // namespace

std::optional<Modality> cue_at(const Analysis& a, std::uint32_t i, CueKind kind) {
  if (auto m = cue_of(a, a.key(i), kind)) return m;
  return cue_of(a, a.deps[i].lemma, kind);
}

namespace {

// A governor cue for the head g: its lemma with its particle first ("call off" the talks,
// "lead up" to them), then the lemma alone. With `preposition`, only phrases that end in it
// ("lead-up to", "run-up to"): an oblique says when or where unless the phrase says otherwise.
std::optional<Modality> governor_cue(const Analysis& a, const SentenceTree& tree, std::uint32_t g,
                                     const std::string& preposition = {}) {
  // the form too: "called off" has no lemma row (lemmas.tsv leaves "called" out)
  std::vector<std::string> heads;
  int prt = tree.child(g, "compound:prt");
  // an adverb right after the verb read as its modifier is a particle too: "go ahead with the summit"
  if (prt < 0 && g + 1 < tree.last() && tree.head(g + 1) == static_cast<int>(g) &&
      a.rules->labels()[a.deps[g + 1].label] == "advmod")
    prt = static_cast<int>(g + 1);
  for (const std::string* w : {&a.deps[g].lemma, &a.key(g)})
    if (prt >= 0) heads.push_back(*w + " " + a.key(static_cast<std::uint32_t>(prt)));
  heads.push_back(a.deps[g].lemma);
  for (const std::string& h : heads)
    if (auto m = cue_of(a, preposition.empty() ? h : h + " " + preposition, CueKind::Governor)) return m;
  return std::nullopt;
}

// Whether the auxiliary c of `node` can be a modal: a modal takes the bare verb ("may meet",
// "could have met"), so before a past form with no other auxiliary it is a name the tagger read
// as one ("Trump and May met with ..."), as is a word of an entity mention ("Theresa May").
bool modal_stands(const Analysis& a, const SentenceTree& tree, std::uint32_t node, std::uint32_t c) {
  if (a.tokens[c].mention >= 0) return false;
  if (a.rules->tags()[a.deps[node].upos] != "VERB" || a.key(node) == a.deps[node].lemma) return true;
  for (std::uint32_t o : tree.children(node)) {
    const std::string& l = a.rules->labels()[a.deps[o].label];
    if (o != c && (l == "aux" || l == "aux:pass" || l == "cop")) return true;
  }
  return false;
}

// Cues among the dependents of `node`; negation wins over the rest.
std::optional<Modality> own_cues(const Analysis& a, const SentenceTree& tree, std::uint32_t node) {
  std::optional<Modality> found;
  for (std::uint32_t c : tree.children(node)) {
    const std::string& label = a.rules->labels()[a.deps[c].label];
    std::optional<Modality> m;
    if ((label == "aux" || label == "aux:pass") && modal_stands(a, tree, node, c)) m = cue_at(a, c, CueKind::Aux);
    if (!m && (label == "advmod" || label == "det" || label == "neg")) m = cue_at(a, c, CueKind::Neg);
    if (!m && label == "mark") {
      m = cue_at(a, c, CueKind::Mark);
      // a two-word preposition before a gerund: "ahead of meeting X" (of marks the clause)
      if (!m && c > tree.first()) m = cue_of(a, a.key(c - 1) + " " + a.key(c), CueKind::Case);
    }
    if (!m && (label == "amod" || label == "advmod" || label == "compound" || label == "nmod:tmod" || label == "obl:tmod" ||
               label == "obl:unmarked" || label == "nmod:unmarked"))
      m = cue_at(a, c, CueKind::Modifier);
    // a plan said to be made before is one of the past, not one still to come: "head into a previously scheduled
    // meeting with X" (word list plan_made_before: the participle's own adverb)
    if (m && *m == Modality::Planned && label == "amod")
      for (std::uint32_t t : tree.children(c))
        if (t < c && a.rules->labels()[a.deps[t].label] == "advmod" && a.in_list("plan_made_before", t)) m.reset();
    if (!m && label == "case") {
      m = cue_at(a, c, CueKind::Case);
      // a two-word preposition parsed as an adverb and a case word: "ahead of", "prior to"
      if (!m && c > tree.first()) m = cue_of(a, a.key(c - 1) + " " + a.key(c), CueKind::Case);
    }
    // a modifier the parser hung on the first noun of a compound: "a potential [Camp David] meeting"
    if (!m && label == "compound")
      for (std::uint32_t t : tree.children(c)) {
        if (t > c || a.rules->labels()[a.deps[t].label] != "amod") continue;
        if ((m = cue_at(a, t, CueKind::Modifier))) break;
      }
    // a time said by a modifier of a bare time noun: "meets Kim next month"
    if (!m && (label == "obl:tmod" || label == "obl:unmarked" || label == "nmod:tmod" || label == "nmod:unmarked"))
      for (std::uint32_t t : tree.children(c)) {
        const std::string& tl = a.rules->labels()[a.deps[t].label];
        if (tl == "amod" || tl == "det") m = cue_at(a, t, CueKind::Modifier);
        if (m) break;
      }
    if (!m) continue;
    if (*m == Modality::Negated) return m;
    if (!found) found = m;
  }
  return found;
}

// A verb in the present: its form is its lemma or the lemma with -s ("meet", "meets"). The head of
// an adverbial clause is a verb whatever its tag: "when Trump and Kim meet" with "meet" tagged a noun.
bool present_tense(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  const std::string& tag = a.rules->tags()[a.deps[i].upos];
  const bool clause_head = a.rules->labels()[tree.label(i)] == "advcl";
  if (tag != "VERB" && !(clause_head && tag == "NOUN")) return false;
  const std::string& k = a.key(i);
  const std::string& l = a.deps[i].lemma;
  // a form the lemma table does not list is its own lemma: "visited" is still a past form
  if (k == l && k.size() > 3 && k.compare(k.size() - 2, 2, "ed") == 0) return false;
  return k == l || k == l + "s" || k == l + "es";
}

// A verb in the past, said of itself: "flew", "traveled", "has rushed" (word list past_form for the
// forms that neither end in -ed nor have a lemma row). An auxiliary other than a past or perfect one
// says otherwise ("is flying", "will travel").
bool past_tense(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  if (a.rules->tags()[a.deps[i].upos] != "VERB") return false;
  for (std::uint32_t c : tree.children(i)) {
    const std::string& l = a.rules->labels()[a.deps[c].label];
    if (l != "aux" && l != "aux:pass") continue;
    const std::string& k = a.key(c);
    if (k != "was" && k != "were" && k != "had" && k != "has" && k != "have" && k != "did") return false;
  }
  const std::string& k = a.key(i);
  const std::string& l = a.deps[i].lemma;
  const auto ends = [&k](const char* suffix) {
    const std::size_t n = std::char_traits<char>::length(suffix);
    return k.size() > n && k.compare(k.size() - n, n, suffix) == 0;
  };
  if (ends("ed") || a.in_list("past_form", i)) return true;
  return k != l && !ends("ing") && k != l + "s" && k != l + "es";
}

// A verb in the present progressive: "is heading", "are traveling".
bool progressive_present(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  const std::string& k = a.key(i);
  if (a.rules->tags()[a.deps[i].upos] != "VERB" || k.size() < 5 || k.compare(k.size() - 3, 3, "ing") != 0) return false;
  for (std::uint32_t c : tree.children(i))
    if (a.rules->labels()[a.deps[c].label] == "aux") {
      const std::string& x = a.key(c);
      if (x == "is" || x == "are" || x == "am" || x == "'s" || x == "'re") return true;
    }
  return false;
}

// Whether the clause headed by i is introduced by a time word of the cue table ("when", "once").
bool time_clause(const Analysis& a, const SentenceTree& tree, std::uint32_t i) {
  for (std::uint32_t c : tree.children(i)) {
    const std::string& l = a.rules->labels()[a.deps[c].label];
    if ((l == "mark" || l == "advmod") && c < i && cue_at(a, c, CueKind::TimeClause)) return true;
  }
  return false;
}

// The month a token names (1-12), 0 when none. Calendar names, not vocabulary: fixed by the
// language, so a table in code. "May" counts only as a proper noun (not the modal).
int month_of(const Analysis& a, std::uint32_t i) {
  static const char* const kMonths[][2] = {{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
                                           {"may", "may"},     {"june", "jun"},     {"july", "jul"},   {"august", "aug"},
                                           {"september", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"}};
  if (a.rules->tags()[a.deps[i].upos] != "PROPN") return 0;
  std::string k = a.key(i);
  if (!k.empty() && k.back() == '.') k.pop_back();
  if (k == "sept") k = "sep";
  for (int m = 0; m < 12; ++m)
    if (k == kMonths[m][0] || k == kMonths[m][1]) return m + 1;
  return 0;
}

// A number token's value when it is a plain integer, else -1.
int number_of(const Analysis& a, std::uint32_t i) {
  const std::string& k = a.key(i);
  if (k.empty() || k.size() > 4) return -1;
  int v = 0;
  for (char c : k) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "a June 12 summit", "his April meeting", "the meeting on June 12": a date on the trigger noun
// later than the document's date says the event is still to come. Planned then; nullopt when the
// trigger has no date, the document none, or the date is not later (the same month without a day
// cannot tell). A month without a year is read as the nearer one: up to five months ahead.
std::optional<Modality> date_cue(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger) {
  const std::string& date = a.doc.meta.date;  // YYYY-MM-DD
  // a verb says its time by its tense and auxiliaries; only a noun needs the date
  if (date.size() < 10 || a.rules->tags()[a.deps[trigger].upos] != "NOUN") return std::nullopt;
  const int doc_year = std::atoi(date.substr(0, 4).c_str()), doc_month = std::atoi(date.substr(5, 2).c_str()),
            doc_day = std::atoi(date.substr(8, 2).c_str());
  for (std::uint32_t c : tree.children(trigger)) {
    const std::string& l = a.rules->labels()[a.deps[c].label];
    if (l != "compound" && l.rfind("obl", 0) != 0 && l.rfind("nmod", 0) != 0) continue;
    // the month and the day are the child and one of its children, in either order
    int month = month_of(a, c), day = -1, year = -1;
    const int n = number_of(a, c);
    for (std::uint32_t g : tree.children(c)) {
      const int v = number_of(a, g);
      if (!month && month_of(a, g)) month = month_of(a, g);
      else if (v >= 1000) year = v;
      else if (v >= 1 && v <= 31) day = v;
    }
    if (!month) continue;
    if (n >= 1 && n <= 31) day = n;
    if (n >= 1000) year = n;
    if (year > 0 && year != doc_year) {
      if (year > doc_year) return Modality::Planned;
      continue;
    }
    if (year == doc_year) {
      if (month > doc_month || (month == doc_month && day > doc_day)) return Modality::Planned;
      continue;
    }
    // no year: the nearer reading, "a call in December" in April is last December's
    const int ahead = (month - doc_month + 12) % 12;
    if ((ahead == 0 && day > doc_day) || (ahead >= 1 && ahead <= 5)) return Modality::Planned;
  }
  return std::nullopt;
}

// What a head says of its dependent from its own cues and its lemma's: its own come first
// ("should cancel his meeting" is not yet decided), but a negated head that negates is a double
// negative, a meeting still possible ("has not ruled out talks", "did not cancel the summit").
std::optional<Modality> head_says(std::optional<Modality> own, std::optional<Modality> lemma, bool verb = false) {
  if (own && lemma && *own == Modality::Negated && *lemma == Modality::Negated) return Modality::Hypothetical;
  // a verb of planning negated says the meeting is not (yet) arranged, not that it was called off:
  // "is not slated to meet X", "is not expected to meet Y" (realnews-train annotates it not-yet). A
  // plan noun said not to exist stays negated: "there were no plans for talks with X".
  if (verb && own && lemma && *own == Modality::Negated && *lemma == Modality::Planned) return Modality::Hypothetical;
  return own ? own : lemma;
}

// A meeting tied in time to what the head g does, by a time-clause word (`word`, when not empty: the
// oblique's preposition, "after the talks"), is still to come when that is: planned or hypothetical
// as the head's own scope says; nullopt otherwise (a past or negated head tells nothing of the meeting).
std::optional<Modality> time_linked(const Analysis& a, const SentenceTree& tree, std::uint32_t g, const std::string& word) {
  if (!word.empty() && !cue_of(a, word, CueKind::TimeClause)) return std::nullopt;
  const std::optional<Modality> m = scope_modality(a, tree, g);
  if (m && (*m == Modality::Planned || *m == Modality::Hypothetical)) return m;
  return std::nullopt;
}

// The modality the heads above the trigger give it: the walk up the tree through core and
// oblique arcs, nullopt when no head says anything.
std::optional<Modality> governed_modality(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger) {
  std::uint32_t node = trigger;
  for (int depth = 0; depth < 8; ++depth) {
    const int h = tree.head(node);
    if (h < 0) break;
    const std::string& arc = a.rules->labels()[a.deps[node].label];
    // An oblique or nominal modifier says when or where, not whether: "in a call, X agreed to ...",
    // "after talks with X, Y will travel". Only "for" ties it to a plan ("set for his meeting").
    const bool oblique = arc.rfind("obl", 0) == 0 || arc.rfind("nmod", 0) == 0;
    const bool core = arc == "xcomp" || arc == "ccomp" || arc == "obj" || arc == "nsubj" || arc == "nsubj:pass" ||
                      arc == "csubj" || arc == "acl";
    // "rushing to New York to meet X": a purpose is intended, not yet done
    // But a purpose the subject itself went for, told in the past, was carried out: "flew to Seoul
    // to meet X this month", "traveled to three capitals to meet their leaders" (so annotated on
    // realnews-train). One sent with it is still to go: "dispatched his envoy to meet X".
    if (arc == "advcl") {
      const int mark = tree.child(node, "mark");
      // a gerund with no mark of its own is the object of a cue verb the parse read as a clause: "should
      // rule out putting troops in X", "ruled out sending forces to Y"; the verb's cue is its own
      if (mark < 0 && a.key(node).size() > 3 && a.key(node).compare(a.key(node).size() - 3, 3, "ing") == 0 &&
          a.rules->tags()[a.deps[node].upos] == "VERB")
        if (auto m = governor_cue(a, tree, static_cast<std::uint32_t>(h)))
          return head_says(own_cues(a, tree, static_cast<std::uint32_t>(h)), m);
      if (mark >= 0 && a.key(static_cast<std::uint32_t>(mark)) == "to") {
        const auto g = static_cast<std::uint32_t>(h);
        // (a head of the cue table still says its own: "was scheduled to meet X" read as a purpose)
        if (past_tense(a, tree, g) && tree.child(g, "obj") < 0) return governor_cue(a, tree, g);
        return Modality::Planned;
      }
    }
    // a gerund clause after a cue phrase's preposition: "a condition for resuming negotiations with
    // X", "preparations for meeting Y" (the preposition parsed as the clause's mark)
    if (arc == "advcl" || arc == "acl") {
      const int mark = tree.child(node, "mark");
      if (mark >= 0 && a.key(static_cast<std::uint32_t>(mark)) != "to")
        if (auto m = governor_cue(a, tree, static_cast<std::uint32_t>(h), a.key(static_cast<std::uint32_t>(mark))))
          return head_says(own_cues(a, tree, static_cast<std::uint32_t>(h)), m);
    }
    // "when Trump meets Kim next month, he will ...", "Trump will not be boxed in when he meets
    // Kim": news tells what happened in the past tense, so a time clause in the present says
    // what is still to come, whatever the main clause says of itself
    if (arc == "advcl" && present_tense(a, tree, node) && time_clause(a, tree, node)) return Modality::Planned;
    // a time clause not in the past takes the main clause's time when that is to come: "will speak to
    // reporters after meeting X" (a clause in the past tells its own: "after he met X, he will ...")
    if (arc == "advcl" && !past_tense(a, tree, node) && time_clause(a, tree, node))
      if (auto m = time_linked(a, tree, static_cast<std::uint32_t>(h), {})) return m;
    // a verb in the past that modifies a noun tells its own time: "jeopardy after Trump spoke with
    // X" parsed with "spoke" under "jeopardy" takes nothing from "could be in jeopardy"
    if (arc == "acl" && tree.child(node, "mark") < 0 && past_tense(a, tree, node) &&
        a.rules->tags()[a.deps[static_cast<std::uint32_t>(h)].upos] != "VERB")
      break;
    if (!core && !oblique) break;  // a relative clause, conjunct, adverbial clause ... keeps its own modality
    const std::uint32_t governor = static_cast<std::uint32_t>(h);
    // The head's own cues come before its lemma: "should cancel his meeting" is not yet
    // decided, "cancelled his meeting" is negated. A saying's cues are not the meeting's.
    if (oblique) {
      const int c = tree.child(node, "case");
      if (c < 0) break;
      const std::string& preposition = a.key(static_cast<std::uint32_t>(c));
      auto m = governor_cue(a, tree, governor, preposition);
      // the phrase's noun may be the verb's object, the preposition hung on the verb: "had low
      // expectations for his meeting with X", "made preparations for the summit"
      if (const int o = tree.child(governor, "obj"); !m && o >= 0 && static_cast<std::uint32_t>(o) < node)
        m = governor_cue(a, tree, static_cast<std::uint32_t>(o), preposition);
      // a noun's lemma alone negates nothing through "for": "sets a high bar for X's meeting" (a
      // noun that negates has its own phrase, "cancellation of")
      if (!m && preposition == "for") {
        m = governor_cue(a, tree, governor);
        if (m && *m == Modality::Negated && a.rules->tags()[a.deps[governor].upos] == "NOUN") m.reset();
        // a noun without a cue of its own says what its verb does for the meeting: "set a date for his
        // meeting with X", "sets a high bar for Y's talks with Z" (the verb's cue, as of its object)
        if (!m && a.rules->tags()[a.deps[governor].upos] == "NOUN" && tree.head(governor) >= 0) {
          const std::string& garc = a.rules->labels()[a.deps[governor].label];
          const auto verb = static_cast<std::uint32_t>(tree.head(governor));
          if ((garc == "obj" || garc == "nsubj:pass") && a.rules->tags()[a.deps[verb].upos] == "VERB")
            if (auto v = governor_cue(a, tree, verb)) return head_says(own_cues(a, tree, verb), v, true);
        }
      }
      if (m) return head_says(own_cues(a, tree, governor), m);
      // "for" says what the verb is for, so the verb's time is the meeting's: "he would sit for
      // interviews with NBC", "she will travel to Cairo for talks with X"
      // A going in the present progressive is for what is still to come: "is heading to Paris for
      // talks with X", "are flying to Seoul for a summit with Y".
      // So is a finite one in the present ("I go to Helsinki for a meeting with X"): a verb with its
      // own subject, not an infinitive ("the right to retaliate for the deployment"), not a past
      // form the lemma table leaves alone ("flew", "said").
      if (preposition == "for") {
        if (auto own = own_cues(a, tree, governor)) return own;
        const bool finite_present = present_tense(a, tree, governor) && !past_tense(a, tree, governor) &&
                                    tree.child(governor, "nsubj") >= 0 && tree.child(governor, "mark") < 0;
        if (progressive_present(a, tree, governor) || finite_present) return Modality::Planned;
        // a to-infinitive has no time of its own: what it is for is what its head says of it, "a plan, later
        // scrapped, to use Camp X for negotiations with Y" (the plan's cue, not the verb's)
        if (const int mk = tree.child(governor, "mark"); mk >= 0 && a.key(static_cast<std::uint32_t>(mk)) == "to") {
          node = governor;
          continue;
        }
        return std::nullopt;
      }
      // a meeting the future verb is at or during is still to come too: "will cap their first day at a dinner
      // with X", "will raise it during talks with Y" (only a future auxiliary: "would" says nothing of when)
      if ((preposition == "at" || preposition == "during") && own_cues(a, tree, governor) == Modality::Planned)
        return Modality::Planned;
      // going into a meeting in the present progressive is going to one still to come: "X is coming
      // into his meetings with Y this week", "is heading into talks with Z"
      if ((preposition == "into" || preposition == "to") && progressive_present(a, tree, governor) &&
          !own_cues(a, tree, governor))
        return Modality::Planned;
      // talks that are a stage or a stretch of more ("a new round of talks", "two days of talks") are where
      // that noun is: "is pushing for a new round of talks" is planned as "pushing for talks" is
      if (preposition == "of" && arc.rfind("nmod", 0) == 0 && a.in_list("stage_noun", governor) &&
          !own_cues(a, tree, governor)) {
        node = governor;
        continue;
      }
      // an event before or after one still to come is to come too: "plans to hold a news conference after
      // Thursday's meetings with X" (the prepositions of the time-clause words)
      if (auto t = time_linked(a, tree, governor, preposition)) return t;
      break;
    }
    if (arc == "ccomp") return governor_cue(a, tree, governor);  // "said (that) they met": no change
    // a noun read as a to-infinitive: "open to talks with X" ("to" its mark, "open to" the phrase)
    if (const int mark = tree.child(node, "mark"); mark >= 0 && a.key(static_cast<std::uint32_t>(mark)) == "to")
      if (auto m = governor_cue(a, tree, governor, "to")) return head_says(own_cues(a, tree, governor), m);
    // a meeting that aims or seeks is held: "the talks between X and Y are aimed at a ceasefire",
    // "the summit seeks to ..." say what it is for; only the verb's own words ("will aim") say when
    if ((arc == "nsubj" || arc == "nsubj:pass") && cue_at(a, governor, CueKind::AgentGoal))
      return own_cues(a, tree, governor);
    std::optional<Modality> own = own_cues(a, tree, governor);
    const std::optional<Modality> lemma = governor_cue(a, tree, governor);
    // A negation on what a meeting was or did is not one of the meeting: "the Kerry and Lavrov meeting
    // wasn't about punishing Assad", "the talks did not produce a deal"; only a verb of taking place
    // (word list occurrence_verb) says it was not held ("the meeting did not happen").
    if (arc == "nsubj" && own && *own == Modality::Negated && !lemma && !a.in_list("occurrence_verb", governor))
      break;
    if (auto said = head_says(own, lemma, a.rules->tags()[a.deps[governor].upos] == "VERB")) {
      // a plan, offer or invitation that a verb turns down or drops is no meeting: "rejected an offer to
      // meet X", "scrapped plans for talks with Y" (the noun's own cue is planned, its verb's negated)
      if (*said == Modality::Planned && a.rules->tags()[a.deps[governor].upos] == "NOUN" && tree.head(governor) >= 0 &&
          a.rules->labels()[a.deps[governor].label] == "obj") {
        const auto verb = static_cast<std::uint32_t>(tree.head(governor));
        const auto dropped = head_says(own_cues(a, tree, verb), governor_cue(a, tree, verb));
        if (dropped && *dropped == Modality::Negated) return dropped;
      }
      return said;
    }
    // a subject of a linking verb takes what its complement says: "a meeting seemed impossible",
    // "talks looked unlikely"
    if (arc == "nsubj")
      if (const int x = tree.child(governor, "xcomp"); x >= 0)
        if (auto m = governor_cue(a, tree, static_cast<std::uint32_t>(x))) return m;
    node = governor;
  }
  return std::nullopt;
}

// A to-infinitive that heads its sentence or hangs from a head of the cue table's kind
// "infinitive" ("was to meet", "is to visit"): news says so of what is arranged, not done. A
// headline writes the future so ("Levy to meet Mubarak in Egypt"); the table's row "(root)" says
// what a to-infinitive without a head means.
std::optional<Modality> infinitive_cue(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger) {
  const int mark = tree.child(trigger, "mark");
  if (mark < 0 || a.key(static_cast<std::uint32_t>(mark)) != "to" || static_cast<std::uint32_t>(mark) > trigger) return std::nullopt;
  const int h = tree.head(trigger);
  // a headline has neither auxiliary nor copula: "Clinton was to meet X" parsed with "was" below
  // the verb is a sentence of the body
  // the body's "X is to meet Y" parsed with "is" below the verb takes that word's row
  if (h < 0) {
    for (const char* label : {"aux", "cop"})
      if (const int be = tree.child(trigger, label); be >= 0 && be < mark)
        return cue_at(a, static_cast<std::uint32_t>(be), CueKind::Infinitive);
    if (tree.child(trigger, "aux") >= 0 || tree.child(trigger, "cop") >= 0) return std::nullopt;
    return cue_of(a, "(root)", CueKind::Infinitive);
  }
  const std::string& arc = a.rules->labels()[a.deps[trigger].label];
  if (arc != "xcomp" && arc != "ccomp") return std::nullopt;
  // the head must be the verb alone ("was to meet"), not a verb with its own object or
  // complement ("was able to meet", "is the first to meet")
  for (std::uint32_t c : tree.children(static_cast<std::uint32_t>(h))) {
    const std::string& l = a.rules->labels()[a.deps[c].label];
    if (c != trigger && (l == "obj" || l == "xcomp" || l == "cop")) return std::nullopt;
  }
  return cue_at(a, static_cast<std::uint32_t>(h), CueKind::Infinitive);
}

// A to-infinitive with its own subject brought in by a word of kind "infinitive-subject": "it is right for
// X to meet Y", "a deal was struck for X to meet Y". It says what should or may be, not what was. The parse
// gives the word as a second mark of the verb, or as the case word of a noun the verb modifies.
std::optional<Modality> infinitive_subject_cue(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger) {
  bool infinitive = false;
  for (std::uint32_t c : tree.children(trigger))
    if (c < trigger && a.rules->labels()[a.deps[c].label] == "mark" && a.key(c) == "to") infinitive = true;
  if (!infinitive) return std::nullopt;
  for (std::uint32_t c : tree.children(trigger))
    if (c < trigger && a.rules->labels()[a.deps[c].label] == "mark")
      if (auto m = cue_at(a, c, CueKind::InfinitiveSubject)) return m;
  const int h = tree.head(trigger);
  if (h < 0 || static_cast<std::uint32_t>(h) > trigger || a.rules->labels()[a.deps[trigger].label] != "acl")
    return std::nullopt;
  const int c = tree.child(static_cast<std::uint32_t>(h), "case");
  if (c < 0 || static_cast<std::uint32_t>(c) > static_cast<std::uint32_t>(h)) return std::nullopt;
  // the word may belong to a phrase of the noun's head, which says its own: "is bound for Abu Dhabi to meet X"
  if (const int hh = tree.head(static_cast<std::uint32_t>(h)); hh >= 0)
    if (auto m = governor_cue(a, tree, static_cast<std::uint32_t>(hh), a.key(static_cast<std::uint32_t>(c)))) return m;
  return cue_at(a, static_cast<std::uint32_t>(c), CueKind::InfinitiveSubject);
}

}  // namespace

std::optional<Modality> scope_modality(const Analysis& a, const SentenceTree& tree, std::uint32_t trigger) {
  std::optional<Modality> own = own_cues(a, tree, trigger);
  if (!own) own = date_cue(a, tree, trigger);
  if (!own) own = infinitive_cue(a, tree, trigger);
  if (!own) own = infinitive_subject_cue(a, tree, trigger);
  // Forces where they are stay there whatever the clause around them plans: "to visit U.S.
  // troops in Iraq", "the troops in Syria could stay"; only their own words ("no troops") count.
  // But forces that a verb moves there take its modality: "the authority to put U.S. troops in Syria".
  if (cue_at(a, trigger, CueKind::OwnOnly)) {
    const int h = tree.head(trigger);
    const bool moved = h >= 0 && a.rules->labels()[a.deps[trigger].label] == "obj" &&
                       cue_at(a, static_cast<std::uint32_t>(h), CueKind::Mover);
    if (!moved) return own;
  }
  if (own && *own == Modality::Negated) return own;
  const std::optional<Modality> above = governed_modality(a, tree, trigger);
  if (!own) return above;
  // The trigger's own words say when it was to happen; a head that cancels it says it did not:
  // "called off a planned meeting", "cancelled his upcoming talks" are negated.
  if (above && *above == Modality::Negated) return above;
  return own;
}

}  // namespace kgraph::extract::match
