//! The kit's wording that follows the vocabulary (transitions per phase and per product,
//! plain words per phase,
//! what each objective produces, a first wording of its calling question, the questions to
//! settle with the project lead), kept as
//! data in `wording.yaml`.

use super::typography;
use crate::request::Request;
use crate::rules;
use crate::text::Text;
use crate::vocabulary::{Format, Objective, Phase, Product};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("wording.yaml");

/// What is said about one phase.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhaseWords {
    /// Said aloud when the group moves into the phase.
    pub transition: Text,
    /// What the group does in it, in plain words.
    pub does: Text,
}

/// Words said aloud, as one text or as variants: a déroulé says the first variant it has
/// not said yet.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "OneOrMany")]
pub(super) struct Variants(Vec<Text>);

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Text),
    Many(Vec<Text>),
}

impl From<OneOrMany> for Variants {
    fn from(read: OneOrMany) -> Self {
        match read {
            OneOrMany::One(text) => Variants(vec![text]),
            OneOrMany::Many(texts) => Variants(texts),
        }
    }
}

impl Variants {
    /// All the variants, in the order of preference.
    pub(super) fn all(&self) -> &[Text] {
        &self.0
    }

    #[cfg(test)]
    fn has_english(&self) -> bool {
        !self.0.is_empty() && self.0.iter().all(Text::has_english)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wording {
    into_work: Variants,
    carry_on: Variants,
    reopen: Variants,
    back_from_break: Variants,
    back_from_lunch: Variants,
    new_subject_after_lunch: Variants,
    new_subject: Variants,
    last_before_closing: Variants,
    known_group: Text,
    straight_in: Text,
    opens_then_keeps: Text,
    takes_up: Text,
    chooses_for: Text,
    products: BTreeMap<String, Text>,
    phases: BTreeMap<String, PhaseWords>,
    objectives: BTreeMap<String, Text>,
    results: BTreeMap<String, Vec<Product>>,
    questions: BTreeMap<String, Text>,
    questions_first: BTreeMap<String, Text>,
    questions_before_action: BTreeMap<String, Text>,
    after_vision: Text,
    after_vision_lead: Text,
    among_vision: Text,
    among_vision_and_earlier: Text,
    session_kinds: Vec<String>,
    subject_lead: SubjectLead,
    checklist: Vec<Text>,
    checklist_beyond_team: Vec<Text>,
    checklist_team: Vec<Text>,
    checklist_with_users: Vec<Text>,
    checklist_managers: Vec<Text>,
    checklist_disability: Vec<Text>,
    checklist_room: Vec<Text>,
    checklist_remote: Vec<Text>,
    checklist_hybrid: Vec<Text>,
    checklist_hybrid_pair: Vec<Text>,
    checklist_remote_alone: Vec<Text>,
    kept: Vec<Kept>,
    commits: Vec<Kept>,
    settled: Vec<Kept>,
    confidential: Confidential,
    in_confidence: InConfidence,
    horizons: BTreeMap<String, u32>,
    horizon_unknown: Text,
    months: Months,
}

/// The months' names, January first.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Months {
    fr: Vec<String>,
    en: Vec<String>,
}

/// What a session kept, said for the first objective of the list that it serves (`None`:
/// the words when it serves none of them).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kept {
    #[serde(default)]
    objective: Option<Objective>,
    fr: String,
    en: String,
}

/// Words (lower case) whose presence in what a request says calls for a text.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
struct Words(Vec<String>);

impl Words {
    /// Whether `said` (a request's title and calling questions) names one of the words.
    fn named_in(&self, said: &str) -> bool {
        let said = said.to_lowercase();
        self.0.iter().any(|word| said.contains(word.as_str()))
    }
}

/// The reminder of confidentiality, and the words of a request that call for it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Confidential {
    words: Words,
    fr: String,
    en: String,
}

/// The reminder that what is said in pairs and small groups stays there, and the
/// objectives that call for it (trust is built on what people risk saying).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InConfidence {
    objectives: Vec<Objective>,
    fr: String,
    en: String,
}

/// The embedded wording; a test checks that it reads and covers the whole vocabulary, so
/// the empty fallback is never what a user sees.
fn wording() -> &'static Wording {
    static WORDING: OnceLock<Wording> = OnceLock::new();
    WORDING.get_or_init(|| serde_yaml::from_str(SOURCE).unwrap_or_default())
}

/// The words of `phase`.
pub(super) fn phase(phase: Phase) -> Option<&'static PhaseWords> {
    wording().phases.get(phase.id())
}

/// Said when a content sequence whose method gives `product` first moves into a new phase.
pub(super) fn starts(product: Product) -> Option<&'static Text> {
    wording().products.get(product.id())
}

/// Said when the first content sequence does not open up.
pub(super) fn into_work() -> &'static Variants {
    &wording().into_work
}

/// Said when a method placed to converge opens up first (1-2-4-All): ideas, then a choice.
pub(super) fn opens_then_keeps() -> &'static Text {
    &wording().opens_then_keeps
}

/// Said when a method takes up what the sequence right before it produced, to work on it
/// further (six hats on the ideas of a brainwriting).
pub(super) fn takes_up() -> &'static Text {
    &wording().takes_up
}

/// Said, before the question it prepares, by a convergence there to prepare the next
/// sequence (a vote among the café's ideas before the plan): it chooses among what is on
/// the wall; the question is the next sequence's to answer.
pub(super) fn chooses_for() -> &'static Text {
    &wording().chooses_for
}

/// Said for a sequence of the opening phase that does not open the session.
pub(super) fn reopen() -> &'static Variants {
    &wording().reopen
}

/// Said first when the group comes back from a break.
pub(super) fn back_from_break() -> &'static Variants {
    &wording().back_from_break
}

/// Said first when the group comes back from lunch.
pub(super) fn back_from_lunch() -> &'static Variants {
    &wording().back_from_lunch
}

/// Said first when the group comes back from lunch to a new subject.
pub(super) fn new_subject_after_lunch() -> &'static Variants {
    &wording().new_subject_after_lunch
}

/// Said first by a sequence that opens a new subject, not right after lunch.
pub(super) fn new_subject() -> &'static Variants {
    &wording().new_subject
}

/// Said first for the last sequence of content before the closing.
pub(super) fn last_before_closing() -> &'static Variants {
    &wording().last_before_closing
}

/// Said when the session opens on a method that brings its own opening (a forum ouvert).
pub(super) fn straight_in() -> &'static Text {
    &wording().straight_in
}

/// Said to open the work of a group that knows itself (a team), instead of the opening
/// phase's « faisons connaissance ».
pub(super) fn known_group() -> &'static Text {
    &wording().known_group
}

/// What `{horizon}` says when the request names no horizon: the date the facilitators
/// write at the top of the template.
pub(super) fn no_horizon() -> Text {
    wording().horizon_unknown.clone()
}

/// The date a vision is set at (`{horizon}`): `date` (`YYYY-MM-DD`) moved on by the first
/// horizon one of `questions` names (« dans un an »), said « en mars 2028 »; else the
/// date the facilitators write at the top of the template.
pub(super) fn horizon<'q>(questions: impl IntoIterator<Item = &'q str>, date: Option<&str>) -> Text {
    let read = wording();
    let months = questions.into_iter().find_map(|question| {
        let question = question.to_lowercase();
        read.horizons.iter().find(|(words, _)| question.contains(words.as_str())).map(|(_, months)| *months)
    });
    let start = date.and_then(|date| {
        let mut parts = date.splitn(3, '-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        (1..=12).contains(&month).then_some((year, month))
    });
    let Some(((year, month), ahead)) = start.zip(months) else { return no_horizon() };
    let index = (month - 1 + ahead) as usize;
    let (year, month) = (year + (index / 12) as u32, index % 12);
    match (read.months.fr.get(month), read.months.en.get(month)) {
        (Some(fr), Some(en)) => Text::new(format!("en {fr} {year}"), format!("{en} {year}")),
        _ => no_horizon(),
    }
}

/// What a session that serves `served` kept, read aloud at the close (`{kept}`).
pub(super) fn kept(served: &[Objective]) -> Text {
    first_kept(&wording().kept, served)
}

/// What each one answers in the closing round of a session that serves `served`
/// (`{commit}`): the words of the first of `commits` whose objective it serves.
pub(super) fn commit(served: &[Objective]) -> Text {
    first_kept(&wording().commits, served)
}

/// What a sequence comparing options settles at its end in a session that serves `served`
/// (`{settled}`): a decision, the order of the options when the session prioritises, or
/// the options an action plan takes up, one per table.
pub(super) fn settled(served: &[Objective]) -> Text {
    first_kept(&wording().settled, served)
}

/// The words of the first of `all` whose objective is among `served`, else of the one
/// that names none.
fn first_kept(all: &[Kept], served: &[Objective]) -> Text {
    let found = all.iter().find(|kept| kept.objective.is_some_and(|o| served.contains(&o)));
    let fallback = all.iter().find(|kept| kept.objective.is_none());
    found.or(fallback).map_or_else(Text::default, |kept| Text::new(kept.fr.as_str(), kept.en.as_str()))
}

/// The reminder of confidentiality said at the welcome, when `subject` (a request's title
/// and calling questions) touches on people's situations; otherwise, when one of the
/// `objectives` asks people to risk a word (trust, a team to remobilise, service users'
/// voices), the reminder that what is said in small groups stays there.
pub(super) fn confidentiality(subject: &str, objectives: &[Objective]) -> Option<Text> {
    let wording = wording();
    let (confidential, in_confidence) = (&wording.confidential, &wording.in_confidence);
    if confidential.words.named_in(subject) {
        return Some(Text::new(confidential.fr.as_str(), confidential.en.as_str()));
    }
    risks_a_word(objectives).then(|| Text::new(in_confidence.fr.as_str(), in_confidence.en.as_str()))
}

/// Whether one of `objectives` asks people to risk a word (trust, a team to remobilise,
/// service users' voices: `in_confidence.objectives`): the welcome promises confidentiality,
/// and the opening, where each one first says how they are, is not dropped to make up a delay.
pub(super) fn risks_a_word(objectives: &[Objective]) -> bool {
    objectives.iter().any(|objective| wording().in_confidence.objectives.contains(objective))
}

/// Said when a sequence stays in the phase of the one before it.
pub(super) fn carry_on() -> &'static Variants {
    &wording().carry_on
}

/// What the group leaves with for `objective`, in plain words.
pub(super) fn produces(objective: Objective) -> Option<&'static Text> {
    wording().objectives.get(objective.id())
}

/// Whether a sequence whose method gives `gives` may promise what `objective` produces:
/// an objective that names a result (ranked priorities, a vision) is promised only by a
/// method that gives one of its products.
pub(super) fn promises(objective: Objective, gives: &[Product]) -> bool {
    wording().results.get(objective.id()).is_none_or(|needs| needs.iter().any(|p| gives.contains(p)))
}

/// The objective whose result is `product` (priorities: prioritize), when one names it.
pub(super) fn result_of(product: Product) -> Option<Objective> {
    let named = |id: &String| Objective::ALL.iter().copied().find(|o| o.id() == id);
    wording()
        .results
        .iter()
        .find(|(_, products)| products.first() == Some(&product))
        .and_then(|(id, _)| named(id))
}

/// A first wording of the calling question for `objective`, proposed when the request
/// gives none.
pub(super) fn draft_question(objective: Objective) -> Option<&'static Text> {
    wording().questions.get(objective.id())
}

/// A first wording of the calling question for `objective` when its sequence comes first in
/// the session's work, where the usual one would choose among what came out before (« Parmi
/// tout ce qui est sorti… »); `None` when the usual one fits there too.
pub(super) fn draft_question_first(objective: Objective) -> Option<&'static Text> {
    wording().questions_first.get(objective.id())
}

/// A first wording of the calling question for `objective` when a plan of action comes
/// later in the session: it opens onto where the group could act; `None` when the usual
/// one fits there too.
pub(super) fn draft_question_before_action(objective: Objective) -> Option<&'static Text> {
    wording().questions_before_action.get(objective.id())
}

/// The calling question proposed for a sequence that opens up right after a vision, when
/// the request gives none: it starts from what the group just imagined, not from a fresh
/// page.
pub(super) fn after_vision() -> &'static Text {
    &wording().after_vision
}

/// The words that lead a method's own calling question right after a vision (« Pour que ce
/// que nous venons d'imaginer devienne vrai »), so that its rounds start from the vision.
pub(super) fn after_vision_lead() -> &'static Text {
    &wording().after_vision_lead
}

/// The calling question proposed for a convergence on the vision just built (a gallery
/// that visits the front pages): choose among what was imagined.
pub(super) fn among_vision() -> &'static Text {
    &wording().among_vision
}

/// The calling question proposed for a convergence on the vision just built that also
/// shows what an earlier sequence gave (the morning's review beside the front pages).
pub(super) fn among_vision_and_earlier() -> &'static Text {
    &wording().among_vision_and_earlier
}

/// How a subject may lead a proposed question (see `subject_lead` in `wording.yaml`).
#[derive(Debug, Default, Deserialize)]
struct SubjectLead {
    verb_endings: Vec<String>,
    adverbs: Vec<String>,
    not_verbs: Vec<String>,
    prepositions: Vec<String>,
    framed: Vec<String>,
    we: Vec<String>,
    you: Vec<String>,
}

/// Whether a subject's `lead` and a `question` speak of the group in two persons (« Pour
/// résoudre nos irritants, qu'est-ce qui vous fait perdre du temps ? »): `we` and `you`
/// in `wording.yaml`'s `subject_lead`.
pub(super) fn clashes(lead: &str, question: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect()
    };
    let says = |text: &str, person: &[String]| words(text).iter().any(|word| person.contains(word));
    let persons = &wording().subject_lead;
    (says(lead, &persons.we) && says(question, &persons.you))
        || (says(lead, &persons.you) && says(question, &persons.we))
}

/// Whether a proposed question already opens on a frame of its own (a horizon, a choice
/// among what was said: `framed` in `wording.yaml`, or a colon): no subject leads it.
pub(super) fn framed(question: &str) -> bool {
    let first = question.split([' ', ',']).next().unwrap_or("");
    question.contains(':') || wording().subject_lead.framed.iter().any(|frame| frame == first)
}

/// The words that lead a proposed calling question into the request's subject, when the
/// subject opens with an infinitive (« Pour harmoniser l'instruction des aides
/// facultatives ») or a preposition (« Après une année difficile »): the question then
/// speaks of the subject, and reads as one sentence, not as « Subject: question ». `None`
/// for a subject led by a noun, or a title that names none.
pub(super) fn subject_lead(title: &str) -> Option<String> {
    let subject = subject(title)?;
    let lead = &wording().subject_lead;
    let words: Vec<String> = subject.split_whitespace().take(2).map(str::to_lowercase).collect();
    let first = words.first()?;
    let verb = |word: &String| {
        word.chars().count() >= 5
            && lead.verb_endings.iter().any(|ending| word.ends_with(ending.as_str()))
            && !lead.not_verbs.contains(word)
    };
    let opens_with_verb = verb(first) || (lead.adverbs.contains(first) && words.get(1).is_some_and(verb));
    let uncapitalised = typography::uncapitalised(subject);
    if lead.prepositions.contains(first) {
        Some(typography::capitalised(subject))
    } else if opens_with_verb {
        Some(format!("Pour {uncapitalised}"))
    } else {
        None
    }
}

/// The subject a request's title names, to head a proposed calling question: what follows
/// the colon when what precedes it names the kind of session or the service that holds it
/// (« Réunion d'équipe : remettre à plat l'accueil », « Service social de proximité : nos
/// pratiques d'accueil à distance »), the theme before it otherwise (« Handicap et inclusion : du bilan
/// au plan d'action »), else the whole title, without a closing parenthesis (« (format
/// court) »). A title that only names the session (« Séminaire de rentrée de la
/// sous-direction »), is a question, or is too long to head a poster, names none.
pub(super) fn subject(title: &str) -> Option<&str> {
    let kind = |words: &str| {
        let first = words.split([' ', '\'', '’']).next().unwrap_or("").to_lowercase();
        wording().session_kinds.contains(&first)
    };
    let subject = match title.split_once(':') {
        Some((before, after)) if kind(before.trim()) => after,
        // « Handicap et inclusion : du bilan au plan d'action » : the theme, so that the
        // question on the wall holds one colon, not two.
        Some((before, _)) => before,
        None if kind(title.trim()) => return None,
        None => title,
    };
    let subject = subject.split(" (").next().unwrap_or(subject).trim();
    let fits = !subject.is_empty() && !subject.ends_with('?') && subject.chars().count() <= SUBJECT_MOST;
    fits.then_some(subject)
}

/// The longest subject that heads a question on a poster, in characters.
const SUBJECT_MOST: usize = 80;

/// The questions to settle with the project lead before the day: those of every session,
/// those of a team among colleagues ([`rules::among_colleagues`]: no invitation to send, and
/// the project lead knows its needs) or of a wider group, whether managers who come alone
/// make one team or several services, and those asked besides when some
/// take part in a room (onsite or hybrid) or by video (remote or hybrid), the connected room
/// when both take part at once (hybrid), when the request
/// names a disability, when a hybrid session has no third person for the technique
/// ([`HYBRID_TEAM_LEAST`]), when one person alone facilitates by video and when service
/// users take part.
pub(super) fn checklist(request: &Request) -> impl Iterator<Item = &'static Text> {
    let remote = request.format != Format::Onsite;
    let room: &[Text] = if request.format != Format::Remote { &wording().checklist_room } else { &[] };
    let video: &[Text] = if remote { &wording().checklist_remote } else { &[] };
    let hybrid: &[Text] = if request.format == Format::Hybrid { &wording().checklist_hybrid } else { &[] };
    let short = request.format == Format::Hybrid && request.facilitators < HYBRID_TEAM_LEAST;
    let pair: &[Text] = if short { &wording().checklist_hybrid_pair } else { &[] };
    let alone = request.format == Format::Remote && request.facilitators < 2;
    let alone: &[Text] = if alone { &wording().checklist_remote_alone } else { &[] };
    let users: &[Text] = if request.with_users() { &wording().checklist_with_users } else { &[] };
    let disability = crate::analysis::names_a_disability(request);
    let needs: &[Text] = if disability { &wording().checklist_disability } else { &[] };
    let only_managers = request.profiles == [crate::vocabulary::Profile::Managers];
    let managers: &[Text] = if only_managers { &wording().checklist_managers } else { &[] };
    let team = rules::among_colleagues(&request.profiles, request.participants);
    let group = if team { &wording().checklist_team } else { &wording().checklist_beyond_team };
    wording()
        .checklist
        .iter()
        .chain(room)
        .chain(group)
        .chain(managers)
        .chain(needs)
        .chain(video)
        .chain(hybrid)
        .chain(pair)
        .chain(alone)
        .chain(users)
}

/// The fewest facilitators a hybrid session needs: one leads the room, one relays the
/// people online, one keeps the technique and goes round the room's groups.
const HYBRID_TEAM_LEAST: u32 = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn the_wording_reads_and_covers_every_phase_and_objective() {
        let read: Wording = serde_yaml::from_str(SOURCE).expect("wording.yaml reads");
        for phase in Phase::ALL {
            let words = read.phases.get(phase.id()).expect("every phase has words");
            assert!(words.transition.has_english() && words.does.has_english(), "{phase}");
        }
        for product in Product::ALL {
            assert!(read.products.get(product.id()).is_some_and(Text::has_english), "{product}");
        }
        for objective in Objective::ALL {
            assert!(read.objectives.get(objective.id()).is_some_and(Text::has_english), "{objective}");
            assert!(read.questions.get(objective.id()).is_some_and(Text::has_english), "{objective}");
        }
        let known = |id: &String| Objective::ALL.iter().any(|objective| objective.id() == id);
        assert!(read.questions_first.iter().all(|(id, text)| known(id) && text.has_english()));
        assert!(read.questions_before_action.iter().all(|(id, text)| known(id) && text.has_english()));
        assert!(!read.session_kinds.is_empty());
        assert!(read.kept.iter().any(|kept| kept.objective.is_none()), "the words when nothing is kept");
        assert!(read.commits.iter().any(|commit| commit.objective.is_none()), "the words of any closing");
        assert!(read.confidential.words.0.iter().all(|word| *word == word.to_lowercase()));
        assert!(!read.checklist_disability.is_empty());
        assert!(
            read.checklist.len() >= 3
                && !read.checklist_room.is_empty()
                && read.into_work.has_english()
                && read.carry_on.has_english()
        );
        assert!(!read.checklist_team.is_empty() && read.checklist_beyond_team.len() >= 2);
        assert!(!read.checklist_hybrid.is_empty() && read.checklist_hybrid.iter().all(Text::has_english));
        assert!(
            read.known_group.has_english() && read.reopen.has_english() && read.straight_in.has_english()
        );
        assert!(
            read.opens_then_keeps.has_english()
                && read.takes_up.has_english()
                && read.chooses_for.has_english()
                && read.among_vision_and_earlier.has_english()
        );
        assert!(
            read.months.fr.len() == 12 && read.months.en.len() == 12 && read.horizon_unknown.has_english()
        );
        assert!(read.horizons.keys().all(|words| *words == words.to_lowercase()));
        assert!(read.results.keys().all(|id| Objective::ALL.iter().any(|o| o.id() == id)));
        let leads = [
            &read.back_from_break,
            &read.back_from_lunch,
            &read.new_subject_after_lunch,
            &read.new_subject,
            &read.last_before_closing,
        ];
        assert!(leads.iter().all(|lead| lead.has_english()));
    }

    #[test]
    fn a_subject_led_by_an_infinitive_or_a_preposition_leads_the_question_a_noun_does_not() {
        for (title, led) in [
            (
                "Harmoniser l'instruction des aides facultatives",
                "Pour harmoniser l'instruction des aides facultatives",
            ),
            ("Mieux accueillir au centre social : vos idées", "Pour mieux accueillir au centre social"),
            ("Forum ouvert : vieillir chez soi dans le 18e", "Pour vieillir chez soi dans le 18e"),
            ("Après une année difficile : reprendre souffle ensemble", "Après une année difficile"),
        ] {
            assert_eq!(subject_lead(title).as_deref(), Some(led), "{title}");
        }
        for title in [
            "Semaine du management : nos irritants du quotidien",
            "Plan d'action partenarial de l'insertion",
            "Centre d'hébergement : le dossier unique",
            "Séminaire de rentrée de la sous-direction",
        ] {
            assert_eq!(subject_lead(title), None, "{title}: a noun, or no subject");
        }
    }

    #[test]
    fn a_lead_and_a_question_that_speak_of_the_group_in_two_persons_clash() {
        let lead = "Pour résoudre nos irritants";
        assert!(clashes(lead, "Qu'est-ce qui vous fait perdre du temps ?"));
        assert!(clashes("Pour mieux vous accueillir", "Que pourrions-nous changer ?"));
        assert!(!clashes(lead, "Qu'est-ce qui nous fait perdre du temps ?"));
        assert!(!clashes("Pour harmoniser l'instruction", "Qu'est-ce qui vous fait perdre du temps ?"));
        // Words, not letters: « nouveau » is not « nous ».
        assert!(!clashes("Pour un nouveau départ", "Qu'est-ce qui vous retient ?"));
    }

    #[test]
    fn the_subject_is_what_follows_the_kind_of_session_or_the_service_that_holds_it() {
        let subject = |title| subject(title);
        assert_eq!(
            subject("Réunion d'équipe : remettre à plat l'accueil téléphonique"),
            Some("remettre à plat l'accueil téléphonique")
        );
        assert_eq!(
            subject("Semaine du management : résoudre les irritants (format court)"),
            Some("résoudre les irritants")
        );
        assert_eq!(
            subject("Plan d'action partenarial de l'insertion"),
            Some("Plan d'action partenarial de l'insertion")
        );
        assert_eq!(subject("Forum RSA : bilan et perspectives"), Some("bilan et perspectives"));
        assert_eq!(subject("Comment mieux accueillir ?"), None);
        assert_eq!(
            subject("Handicap et inclusion : du bilan au plan d'action avec nos partenaires"),
            Some("Handicap et inclusion")
        );
        assert_eq!(subject("Séminaire de rentrée de la sous-direction"), None);
        assert_eq!(
            subject("Service social de proximité : nos pratiques d'accueil à distance"),
            Some("nos pratiques d'accueil à distance")
        );
        assert_eq!(subject("ASE : plan d'action partenarial"), Some("plan d'action partenarial"));
    }

    #[test]
    fn a_request_naming_a_disability_asks_how_each_sequence_meets_everyone_s_needs() {
        let needs = |title: &str| {
            let request = Request::builder(title).time("09:30", "12:30").participants(20).objective("vision");
            let request = request.build().unwrap();
            checklist(&request).any(|item| item.get(Lang::Fr).contains("langue des signes placé"))
        };
        assert!(needs("Journée avec des personnes en situation de handicap : l'accueil de demain"));
        assert!(needs("Atelier avec des personnes malvoyantes"));
        assert!(!needs("Semaine du management : résoudre les irritants"));
    }
}
