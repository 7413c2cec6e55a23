//! Free-sentence objectives are read in French and English, accents, case and inflections
//! ignored; a sentence naming two objectives stands for both.

use facilitation::Objective::*;
use facilitation::analysis::reader::MOST_WORDS;
use facilitation::analysis::resolve;
use facilitation::{Catalogue, Lang, Localize, Objective, PlanError, Planner, Profile, Question, Request};
use proptest::prelude::*;

#[test]
fn reads_co_construire_le_bilan_as_review() {
    assert_eq!(resolve("Co-construire le bilan").objectives, [Review]);
}

#[test]
fn reads_redonner_du_sens_as_remobilize() {
    assert_eq!(resolve("redonner du sens à nos missions").objectives, [Remobilize]);
}

#[test]
fn reads_a_sentence_naming_two_objectives_as_both() {
    let read = resolve("co-construire des pistes d'action avec les partenaires");
    assert_eq!(read.objectives, [ActionPlan, NetworkPartners]);
    assert!(!read.exact);
}

#[test]
fn ignores_accents_and_case() {
    assert_eq!(resolve("HARMONISER LES PRATIQUES").objectives, [HarmonizePractices]);
    assert_eq!(resolve("Évaluer la séance").objectives, [Feedback]);
}

#[test]
fn reads_english_sentences() {
    assert_eq!(resolve("Build an action plan with our partners").objectives, [ActionPlan, NetworkPartners]);
}

#[test]
fn takes_an_objective_id_as_is() {
    let read = resolve("resolve-irritants");
    assert_eq!(read.objectives, [ResolveIrritants]);
    assert!(read.exact);
}

#[test]
fn a_sentence_naming_nothing_maps_to_nothing() {
    assert!(resolve("que tout le monde soit content").objectives.is_empty());
}

// The sentences of issue 14, read as a facilitator reads them.

#[test]
fn reads_the_sentences_the_old_reader_refused() {
    let cases: &[(&str, &[facilitation::Objective])] = &[
        ("que les nouveaux arrivants et les anciens se connaissent mieux", &[BuildTrust]),
        ("trouver des solutions aux difficultés d'accueil du public", &[ResolveIrritants]),
        ("repartir avec des engagements concrets et des pilotes", &[ActionPlan]),
        ("savoir ce que les collègues ont pensé de la matinée", &[Feedback]),
        ("tirer les enseignements du projet", &[Review]),
        ("sortir du conflit entre les deux équipes", &[BuildTrust, ResolveIrritants]),
    ];
    for (text, expected) in cases {
        assert_eq!(resolve(text).objectives, *expected, "{text}");
    }
}

#[test]
fn reads_partners_to_mobilise_as_the_partner_network_not_a_remobilisation() {
    assert_eq!(resolve("mobiliser les partenaires du territoire").objectives, [NetworkPartners]);
}

#[test]
fn reads_the_users_experience_as_user_participation() {
    assert_eq!(resolve("améliorer l'expérience des usagers").objectives, [UserParticipation]);
}

#[test]
fn folds_elisions_inflections_and_missing_accents() {
    assert_eq!(resolve("renforcer la cohesion de l'equipe").objectives, [BuildTrust]);
    assert_eq!(resolve("Hiérarchisation des chantiers").objectives, [Prioritize]);
}

#[test]
fn corrects_a_slip_of_the_keyboard_with_less_confidence() {
    let line = resolve("partage d'expérinces");
    assert_eq!(line.objectives, [SharePractices]);
    let clean = resolve("partage d'expériences");
    assert!(line.readings[0].confidence < clean.readings[0].confidence);
}

#[test]
fn does_not_read_what_is_negated() {
    assert_eq!(resolve("prioriser les sujets, sans décider aujourd'hui").objectives, [Prioritize]);
    assert_eq!(resolve("prioritise the topics without deciding").objectives, [Prioritize]);
}

#[test]
fn each_reading_names_the_words_that_led_to_it() {
    let line = resolve("faire le bilan et dégager des perspectives");
    assert_eq!(line.objectives, [Review, Vision]);
    assert!(line.readings[0].words.contains(&"bilan".to_string()));
    assert_eq!(line.readings[1].words, ["perspectives"]);
}

#[test]
fn an_objective_id_is_read_with_full_confidence() {
    assert_eq!(resolve("review").readings[0].confidence, 1.0);
}

#[test]
fn a_clear_wording_is_read_with_confidence_and_a_vague_one_is_unsure() {
    assert!(!resolve("faire le bilan de l'année").unsure());
    assert!(resolve("mesurer les résultats").unsure());
}

#[test]
fn reads_at_most_the_first_words_of_a_pasted_text() {
    let filler = "blabla ".repeat(250_000 / 7);
    let text = format!("{filler}faire le bilan");
    assert!(text.len() >= 250_000);
    let line = resolve(&text);
    assert!(line.objectives.is_empty(), "an objective after the first {MOST_WORDS} words is not read");
    let early = format!("faire le bilan {filler}");
    assert_eq!(resolve(&early).objectives, [Review]);
}

#[test]
fn a_single_huge_word_is_read_as_nothing() {
    let text = "a".repeat(250_000);
    assert!(resolve(&text).objectives.is_empty());
}

proptest! {
    #[test]
    fn any_text_reads_without_panicking_and_consistently(text in "\\PC{0,200}") {
        let line = resolve(&text);
        let read: Vec<Objective> = line.readings.iter().map(|r| r.objective).collect();
        prop_assert_eq!(&line.objectives, &read);
        for reading in &line.readings {
            prop_assert!((0.0..=1.0).contains(&reading.confidence));
            prop_assert!(!reading.words.is_empty());
        }
        prop_assert_eq!(resolve(&text), line);
    }

    #[test]
    fn a_sentence_read_as_nothing_offers_two_or_three_objectives(text in "[a-zé ]{0,60}") {
        let line = resolve(&text);
        if line.objectives.is_empty() && line.situation.is_none() {
            prop_assert!((2..=3).contains(&line.nearest.len()));
        }
    }
}

// The questions asked back.

fn request(objectives: &[&str]) -> Request {
    objectives
        .iter()
        .fold(Request::builder("Atelier").participants(20), |b, o| b.objective(*o))
        .build()
        .unwrap()
}

fn questions(objectives: &[&str]) -> Vec<Question> {
    request(objectives).clarify(Catalogue::builtin())
}

#[test]
fn a_refusal_names_the_nearest_objectives() {
    let asked = questions(&["que ce soit une belle journée"]);
    let Some(Question::Unclear { nearest, .. }) = asked.iter().find(|q| q.blocks_planning()) else {
        panic!("no refusal in {asked:?}")
    };
    assert!((2..=3).contains(&nearest.len()));
    let text = asked[0].text(Lang::Fr);
    assert!(text.contains("Voulez-vous dire"), "{text}");
    for objective in nearest {
        assert!(text.contains(objective.label(Lang::Fr)), "{text}");
    }
    assert!(asked[0].text(Lang::En).contains(nearest[0].label(Lang::En)));
}

#[test]
fn refusals_of_different_sentences_offer_different_objectives() {
    let nearest = |text: &str| resolve(text).nearest;
    assert_ne!(nearest("que tout le monde soit content"), nearest("une matinée sur les procédures"));
}

#[test]
fn organising_the_room_is_no_workshop_objective_and_blocks_planning() {
    let asked = questions(&["réserver la salle"]);
    assert!(matches!(&asked[0], Question::NotAnObjective { text } if text == "réserver la salle"));
    assert!(asked[0].blocks_planning());
    assert!(asked[0].text(Lang::Fr).contains("organisation"));
    let error = Planner::new(Catalogue::builtin()).plan(&request(&["réserver la salle"])).unwrap_err();
    assert!(matches!(error, PlanError::Unclear { .. }));
}

#[test]
fn a_conflict_plans_trust_then_irritants_and_suggests_a_mediation() {
    let asked = questions(&["sortir du conflit entre les deux équipes"]);
    let conflict =
        asked.iter().find(|q| matches!(q, Question::Conflict { .. })).expect("a conflict question");
    assert!(!conflict.blocks_planning());
    assert!(conflict.text(Lang::Fr).contains("médiation"));
    assert!(conflict.text(Lang::En).contains("mediation"));
}

#[test]
fn a_request_that_only_informs_plans_but_asks_whether_a_workshop_is_needed() {
    let asked = questions(&["présenter la réforme"]);
    let inform = asked.iter().find(|q| matches!(q, Question::OnlyInform { .. })).expect("an inform question");
    assert!(!inform.blocks_planning());
    assert!(asked.iter().all(|q| !q.blocks_planning()));
    assert!(
        questions(&["présenter la réforme", "decide"])
            .iter()
            .all(|q| !matches!(q, Question::OnlyInform { .. }))
    );
}

#[test]
fn an_unsure_reading_is_a_point_to_watch_with_its_words() {
    let asked = questions(&["mesurer les résultats"]);
    let unsure = asked.iter().find(|q| matches!(q, Question::Unsure { .. })).expect("an unsure reading");
    assert!(!unsure.blocks_planning());
    assert!(unsure.text(Lang::Fr).contains("résultats"), "{}", unsure.text(Lang::Fr));
}

#[test]
fn the_planner_reads_the_sentences_once_and_keeps_the_reading() {
    let plan = Planner::new(Catalogue::builtin())
        .seed(1)
        .plan(&request(&["sortir du conflit entre les deux équipes"]))
        .unwrap();
    assert_eq!(plan.analysis.objectives(), [BuildTrust, ResolveIrritants]);
    assert!(plan.questions.iter().any(|q| matches!(q, Question::Conflict { .. })));
}

#[test]
fn reads_an_expression_word_for_word() {
    assert_eq!(resolve("aider l'équipe à se projeter").objectives, [Vision]);
    assert!(!resolve("tirer les enseignements du projet").objectives.contains(&Vision));
    assert_eq!(resolve("faire équipe malgré la distance").objectives, [BuildTrust]);
    assert!(!resolve("faire un retour aux équipes sur l'enquête").objectives.contains(&BuildTrust));
}

#[test]
fn the_deroule_shows_how_the_words_were_read_in_french_and_english() {
    let request = Request::builder("Atelier")
        .time("14:00", "16:00")
        .participants(20)
        .objective("faire le bilan de l'année")
        .objective("mesurer les résultats")
        .objective("decide")
        .build()
        .unwrap();
    let catalogue = Catalogue::builtin();
    let plan = Planner::new(catalogue).seed(1).plan(&request).unwrap();
    let french = plan.to_markdown(catalogue, Lang::Fr);
    assert!(french.contains("Comment vos mots ont été lus"), "{french}");
    // The typesetting puts narrow spaces inside quotes and before colons: compare words.
    let read = french.split("Comment vos mots ont été lus").nth(1).unwrap_or_default();
    let sure = read.lines().find(|line| line.contains("année")).unwrap_or_default();
    assert!(sure.contains("Faire le bilan (d'après") && sure.contains("bilan"), "{read}");
    assert!(!sure.contains("incertaine"), "a sure reading shows no confidence: {sure}");
    let unsure = read.lines().find(|line| line.contains("mesurer")).unwrap_or_default();
    assert!(unsure.contains("résultats") && unsure.contains("lecture incertaine"), "{read}");
    assert!(!french.contains("« decide » :"), "an objective id needs no account");
    let english = plan.to_html(catalogue, Lang::En);
    assert!(english.contains("How your words were read") && english.contains("unsure reading"), "{english}");
}

#[test]
fn a_second_objective_on_words_of_the_main_one_is_not_read() {
    // « tensions » is the context of the trust named by « cohésion », not irritants to solve.
    let line = resolve("renforcer la cohésion entre les deux équipes, il y a des tensions depuis des mois");
    assert_eq!(line.objectives, [BuildTrust]);
    assert_eq!(
        line.situation,
        Some(facilitation::analysis::Situation::Conflict),
        "the conflict is still raised"
    );
}

#[test]
fn a_short_sentence_naming_two_aims_reads_both() {
    assert_eq!(resolve("Share practices and build an action plan").objectives, [SharePractices, ActionPlan]);
}

#[test]
fn an_errand_about_an_objective_word_is_refused_and_an_aim_about_a_room_is_read() {
    assert!(resolve("mettre à jour l'annuaire des partenaires").objectives.is_empty());
    assert!(resolve("Is there parking near the venue for partners?").objectives.is_empty());
    assert_eq!(
        resolve("brainstorm sur comment rendre la salle d'attente moins triste").objectives,
        [GenerateIdeas]
    );
}

#[test]
fn a_vision_built_with_managers_in_the_room_asks_the_lead_for_the_directions_course_first() {
    let course = |profiles: &[Profile]| {
        let mut request = request(&["vision"]);
        request.profiles = profiles.to_vec();
        request.clarify(Catalogue::builtin()).into_iter().find(|q| matches!(q, Question::CourseFirst))
    };
    let asked = course(&[Profile::Agents, Profile::Managers]).expect("the course first");
    assert!(asked.is_for_the_lead() && !asked.blocks_planning());
    assert!(asked.text(Lang::Fr).contains("la direction donne-t-elle d'abord son cap"));
    assert!(course(&[Profile::Agents, Profile::Partners]).is_none(), "no managers, no course to give");
    let mut review = request(&["review"]);
    review.profiles = vec![Profile::Managers];
    assert!(!review.clarify(Catalogue::builtin()).contains(&Question::CourseFirst));
}

#[test]
fn a_session_asked_to_decide_asks_the_lead_who_decides_and_how() {
    // A vote is not a decision: a group that only advised must not leave believing it
    // decided.
    let asked = questions(&["decide"]);
    let who = asked.iter().find(|q| matches!(q, Question::WhoDecides)).expect("who decides");
    assert!(!who.blocks_planning());
    assert!(who.text(Lang::Fr).contains("qui décide, et comment"));
    assert!(who.text(Lang::En).contains("who decides, and how"));
    assert!(questions(&["review"]).iter().all(|q| !matches!(q, Question::WhoDecides)));
}

#[test]
fn a_lunch_fixed_so_late_that_the_morning_needs_two_pauses_is_put_to_the_lead() {
    // 9:00 to a lunch at 12:45 is 3 h 45 of morning: two pauses under the 90-minute
    // stretch; at 12:15 one would do, and the afternoon still needs only one.
    let day = |lunch: &str| {
        let text = format!(
            "title: Journée\nstart: \"09:00\"\nend: \"16:30\"\nparticipants: 20\nfacilitators: 2\nobjectives: [review]\nfixed:\n  - {{kind: lunch, start: \"{lunch}\", minutes: 60}}\n"
        );
        Request::from_yaml("journee.yaml", &text).unwrap().clarify(Catalogue::builtin())
    };
    let asked = day("12:45");
    let late = asked.iter().find(|q| matches!(q, Question::LateLunch { .. })).expect("the late lunch");
    let Question::LateLunch { pauses, earlier, .. } = late else { unreachable!() };
    assert_eq!((*pauses, earlier.to_string()), (2, "12:15".to_string()));
    assert!(late.is_for_the_lead() && !late.blocks_planning());
    let text = late.text(Lang::Fr);
    assert!(text.contains("impose deux pauses le matin") && text.contains("à 12\u{a0}h\u{a0}15"), "{text}");
    for lunch in ["12:15", "12:00"] {
        assert!(!day(lunch).iter().any(|q| matches!(q, Question::LateLunch { .. })), "{lunch}");
    }
}
