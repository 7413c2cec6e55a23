//! The words of a method's texts that depend on the session they are read in: what the
//! session is called (« cette séance », « cette matinée », « cette journée ») and who takes
//! the notes (another facilitator, or the one who leads alone), what it kept (read
//! aloud at the close) and what each one answers in the closing round. A method file
//! writes `{session}`, `{scribe}`, `{kept}`, `{commit}` and `{settled}`
//! ([`Method::SESSION_PLACEHOLDERS`]) instead of a word that only holds for one kind of
//! session.
//!
//! [`Method::SESSION_PLACEHOLDERS`]: crate::method::Method::SESSION_PLACEHOLDERS

use super::wording;
use crate::agenda::{Agenda, SlotKind};
use crate::clock::ClockTime;
use crate::method::EVERYONE_SPEAKS_UP_TO;
use crate::text::{Lang, Text};
use crate::vocabulary::Objective;

/// A session at least this long (in minutes) that ends by lunchtime is « cette matinée »,
/// one that starts after it « cet après-midi »: a half-day, not a meeting.
const HALF_DAY_MINUTES: u32 = 150;

/// What the session is called when said aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    /// A meeting or a workshop of a few hours: « cette séance ».
    Session,
    /// A morning: « cette matinée ».
    Morning,
    /// An afternoon: « cet après-midi ».
    Afternoon,
    /// A day with a lunch: « cette journée ».
    Day,
}

/// The session a method's texts are read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Setting {
    span: Span,
    /// How many facilitators run it; `None` on a method card, read outside any session.
    facilitators: Option<u32>,
    /// What it kept, read aloud at the close.
    kept: Text,
    /// What each one answers in the closing round.
    commit: Text,
    /// What a sequence comparing options settles: a decision or a ranking.
    settled: Text,
    /// The name of the facilitator who records in this sequence, when the team is named.
    recorder: Option<String>,
    /// How many take part; `None` on a method card.
    participants: Option<u32>,
    /// The date a vision is set at ([`wording::horizon`]).
    horizon: Text,
}

impl Setting {
    /// The session of `agenda`.
    pub(super) fn of(agenda: &Agenda) -> Self {
        let lunch = agenda.slots.iter().any(|slot| slot.kind == SlotKind::Lunch);
        let long = agenda.minutes() >= HALF_DAY_MINUTES;
        let span = if lunch {
            Span::Day
        } else if long && agenda.end <= ClockTime::at(13, 30) {
            Span::Morning
        } else if long && agenda.start >= ClockTime::at(12, 0) {
            Span::Afternoon
        } else {
            Span::Session
        };
        // What the request asked: a grid that prepares a plan names `decide`, which nobody asked.
        let asked = |o: &Objective| agenda.objectives.is_empty() || agenda.objectives.contains(o);
        let served: Vec<Objective> =
            agenda.slots.iter().flat_map(|slot| slot.objectives.iter().copied()).filter(asked).collect();
        let (kept, commit, settled) =
            (wording::kept(&served), wording::commit(&served), wording::settled(&served));
        let (facilitators, participants) = (Some(agenda.facilitators), Some(agenda.participants));
        let horizon = wording::no_horizon();
        Setting { span, facilitators, kept, commit, settled, recorder: None, participants, horizon }
    }

    /// The same session, its vision set at the horizon the request's calling questions
    /// name (« dans un an »), the vision's first.
    pub(super) fn looking_to(self, request: Option<&crate::request::Request>) -> Self {
        let Some(request) = request else { return self };
        let vision = request.question(Objective::Vision);
        let questions = vision.into_iter().chain(request.questions.values().map(String::as_str));
        Setting { horizon: wording::horizon(questions, request.date.as_deref()), ..self }
    }

    /// The same session, where `name` records (the first of the cast after the lead, as
    /// « Qui fait quoi » says): the notes are « notées par Clémence », not by « another
    /// facilitator » the reader must work out.
    pub(super) fn recorded_by(self, name: Option<&str>) -> Self {
        Setting { recorder: name.map(str::to_string), ..self }
    }

    /// Any session: the words of a method card.
    pub(super) fn any() -> Self {
        Setting {
            span: Span::Session,
            facilitators: None,
            kept: wording::kept(&[]),
            commit: wording::commit(&[]),
            settled: wording::settled(&[]),
            recorder: None,
            participants: None,
            horizon: wording::no_horizon(),
        }
    }

    /// `text` with `{session}`, `{scribe}`, `{heard}`, `{kept}`, `{commit}`, `{settled}` and
    /// `{horizon}` said for this session.
    pub(super) fn fill(&self, text: &Text) -> Text {
        let one = |lang: Lang, text: &str| {
            text.replace("{session}", self.session(lang))
                .replace("{scribe}", &self.scribe(lang))
                .replace("{heard}", self.heard(lang))
                .replace("{kept}", self.kept.get(lang))
                .replace("{commit}", self.commit.get(lang))
                .replace("{settled}", self.settled.get(lang))
                .replace("{horizon}", self.horizon.get(lang))
        };
        Text { fr: one(Lang::Fr, &text.fr), en: text.en.as_deref().map(|en| one(Lang::En, en)) }
    }

    fn session(&self, lang: Lang) -> &'static str {
        match self.span {
            Span::Session => lang.pick("cette séance", "this session"),
            Span::Morning => lang.pick("cette matinée", "this morning"),
            Span::Afternoon => lang.pick("cet après-midi", "this afternoon"),
            Span::Day => lang.pick("cette journée", "today"),
        }
    }

    /// How many of a round's voices the group hears: all of them where everyone speaks.
    fn heard(&self, lang: Lang) -> &'static str {
        match self.participants {
            Some(n) if n <= EVERYONE_SPEAKS_UP_TO => {
                lang.pick("nous les entendrons toutes", "we will hear them all")
            }
            _ => lang.pick("nous en entendrons le plus possible", "we will hear as many as we can"),
        }
    }

    /// Who takes the notes, after « par »: the recorder by name, else the other facilitator
    /// of a pair, another one of a larger team, or a volunteer participant when one leads
    /// alone (who cannot note while leading).
    fn scribe(&self, lang: Lang) -> String {
        if let Some(name) = &self.recorder {
            return name.clone();
        }
        let said = match self.facilitators {
            Some(0 | 1) => lang.pick("un participant volontaire", "a volunteer participant"),
            Some(2) => lang.pick("l'autre facilitateur", "the other facilitator"),
            Some(_) => lang.pick("un autre facilitateur", "another facilitator"),
            None => lang.pick(
                "un autre facilitateur (ou un participant volontaire si vous animez seul)",
                "another facilitator (or a volunteer participant if you lead alone)",
            ),
        };
        said.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(span: Span, facilitators: Option<u32>) -> Setting {
        Setting {
            span,
            facilitators,
            kept: wording::kept(&[]),
            commit: wording::commit(&[]),
            settled: wording::settled(&[]),
            recorder: None,
            participants: Some(12),
            horizon: wording::no_horizon(),
        }
    }

    #[test]
    fn a_comparison_of_options_settles_a_decision_a_ranking_or_the_options_a_plan_takes_up() {
        use crate::vocabulary::Objective;
        let settled = |served: &[Objective]| wording::settled(served).fr;
        assert!(settled(&[Objective::Prioritize]).starts_with("Le classement"));
        assert!(settled(&[Objective::Prioritize, Objective::Decide]).starts_with("La décision"));
        assert!(settled(&[]).starts_with("La décision"));
        // A grid before a plan of action keeps several options, one per table of the plan.
        assert!(
            settled(&[Objective::ExploreIssue, Objective::ActionPlan]).starts_with("Les options retenues")
        );
        assert!(settled(&[Objective::Decide, Objective::ActionPlan]).starts_with("La décision"));
    }

    #[test]
    fn the_session_is_named_by_its_span_and_the_scribe_by_the_team() {
        let text = Text::new("De {session}, noté par {scribe}.", "From {session}, noted by {scribe}.");
        let day = setting(Span::Day, Some(3)).fill(&text);
        assert_eq!(day.fr, "De cette journée, noté par un autre facilitateur.");
        let alone = setting(Span::Afternoon, Some(1)).fill(&text);
        assert_eq!(alone.en.as_deref(), Some("From this afternoon, noted by a volunteer participant."));
        assert!(Setting::any().fill(&text).fr.contains("cette séance"));
    }

    #[test]
    fn a_vision_is_set_at_the_date_the_question_names_from_the_session_s_date() {
        let horizon =
            |questions: &[&str], date: Option<&str>| wording::horizon(questions.iter().copied(), date);
        let year =
            horizon(&["Dans un an, à quoi verrons-nous que le RSA accompagne mieux ?"], Some("2027-03-18"));
        assert_eq!((year.fr.as_str(), year.en.as_deref()), ("en mars 2028", Some("March 2028")));
        assert_eq!(
            horizon(&["D'ici six mois, qu'aura-t-on changé ?"], Some("2027-09-02")).fr,
            "en mars 2028"
        );
        assert_eq!(
            horizon(&["In three years, what will we see?"], Some("2027-12-01")).fr,
            "en décembre 2030"
        );
        // No horizon named, or no date: the date the facilitators write on the template.
        let unknown = "à la date écrite en haut du gabarit";
        assert_eq!(horizon(&["Qu'est-ce qui compte le plus ?"], Some("2027-03-18")).fr, unknown);
        assert_eq!(horizon(&["Dans un an, que verrons-nous ?"], None).fr, unknown);
        assert_eq!(horizon(&["Dans un an, que verrons-nous ?"], Some("mars")).fr, unknown);
    }

    #[test]
    fn the_notes_are_taken_by_the_recorder_by_name_else_by_the_other_of_a_pair() {
        let text = Text::fr("Noté par {scribe}.");
        let pair = setting(Span::Session, Some(2));
        assert_eq!(pair.clone().fill(&text).fr, "Noté par l'autre facilitateur.");
        assert_eq!(pair.recorded_by(Some("Clémence")).fill(&text).fr, "Noté par Clémence.");
    }

    #[test]
    fn a_round_hears_every_voice_where_everyone_speaks_and_as_many_as_it_can_beyond() {
        let text = Text::fr("Une phrase chacun : {heard}.");
        let twelve = setting(Span::Session, Some(2));
        assert_eq!(twelve.fill(&text).fr, "Une phrase chacun : nous les entendrons toutes.");
        let sixty = Setting { participants: Some(EVERYONE_SPEAKS_UP_TO + 1), ..setting(Span::Day, Some(3)) };
        assert!(sixty.fill(&text).fr.ends_with("le plus possible."));
        assert!(Setting::any().fill(&text).fr.ends_with("le plus possible."));
    }

    #[test]
    fn what_was_kept_is_the_plan_before_the_decision_and_the_decision_before_the_priorities() {
        use crate::vocabulary::Objective;
        let kept = |served: &[Objective]| wording::kept(served).fr;
        assert!(kept(&[Objective::Prioritize, Objective::ActionPlan]).starts_with("les actions du plan"));
        assert!(kept(&[Objective::Prioritize, Objective::Decide]).starts_with("la décision"));
        assert!(kept(&[Objective::Prioritize]).starts_with("les priorités"));
        assert_eq!(kept(&[Objective::SharePractices]), kept(&[]));
    }

    #[test]
    fn after_a_decision_or_a_plan_each_one_says_what_it_changes_for_them_not_a_call_to_make() {
        use crate::vocabulary::Objective;
        let commit = |served: &[Objective]| wording::commit(served);
        let decided = commit(&[Objective::Decide, Objective::BuildTrust]);
        assert!(decided.fr.starts_with("Ce que cette décision change pour moi"), "{}", decided.fr);
        assert!(decided.has_english());
        let planned = commit(&[Objective::ActionPlan]).fr;
        assert!(planned.starts_with("Mon premier pas pour faire avancer ce plan"), "{planned}");
        let explored = commit(&[Objective::ExploreIssue]).fr;
        assert!(explored.starts_with("Ce que je retiens, et ce que je ferai"), "{explored}");
        assert_eq!(commit(&[]), commit(&[Objective::Review]));
    }

    #[test]
    fn after_a_ranking_each_one_names_the_priority_they_will_work_on() {
        use crate::vocabulary::Objective;
        let ranked = wording::commit(&[Objective::Prioritize]).fr;
        assert!(ranked.starts_with("Mon premier pas sur la priorité que je porte"), "{ranked}");
        // A plan of action built on the ranking still asks for each one's first step in the plan.
        let planned = wording::commit(&[Objective::Prioritize, Objective::ActionPlan]).fr;
        assert!(planned.starts_with("Mon premier pas pour faire avancer ce plan"), "{planned}");
    }
}
