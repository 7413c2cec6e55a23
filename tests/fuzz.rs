//! Fuzz-style properties over the three readers (requests, agendas, method files), the
//! planner and the checker: whatever the input, no panic (overflow checks are on in the
//! test profile), and either a clear error in French or an agenda the checker accepts.

use facilitation::{
    Agenda, Catalogue, Format, Lang, Localize, PlanOptions, Planner, Request, Slot, SlotKind, check,
};
use proptest::prelude::*;

/// Pieces of YAML and JSON that the readers treat specially, so that random texts reach
/// their corners: nesting, quotes, anchors, aliases, tags, block scalars, comments, times.
const PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ",",
    ": ",
    "- ",
    "\n",
    "  ",
    "'",
    "\"",
    "''",
    "\\\"",
    "&a ",
    "*a",
    "!!str ",
    "!t ",
    "|\n",
    ">-\n",
    "# c\n",
    "? ",
    "title",
    "start",
    "end",
    "\"09:30\"",
    "12:30",
    "25:00",
    "null",
    "~",
    "yes",
    "participants",
    "objectives",
    "review",
    "4294967295",
    "-1",
    "1e300",
    "\u{feff}",
    "\\ud83d",
    "\\ude00",
    "slots",
    "kind",
    "method",
    "world-cafe",
    "part",
    "0",
    "é",
    "\u{1b}",
];

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|pieces| pieces.concat())
}

/// Readers either read or say what is wrong, in French, naming the file.
fn read_all(text: &str) {
    match Request::from_yaml("demande.yaml", text) {
        Ok(request) => {
            let _ = request.analyse();
        }
        Err(error) => assert!(error.text(Lang::Fr).contains("demande")),
    }
    if let Err(problem) = Agenda::from_yaml("agenda.yaml", text) {
        assert!(problem.text(Lang::Fr).starts_with("agenda.yaml"));
    }
    if let Err(error) = Catalogue::from_files([("methods/x.yaml", text)]) {
        assert!(!error.text(Lang::Fr).is_empty());
    }
}

const OBJECTIVES: &[&str] = &[
    "review",
    "decide",
    "action-plan",
    "share-practices",
    "build-trust",
    "feedback",
    "co-construire des pistes d'action avec les partenaires",
    "xyzzy",
];

prop_compose! {
    fn requests()(
        start in prop_oneof![4 => 480u32..840, 1 => 0u32..=1440],
        minutes in prop_oneof![8 => 30u32..480, 1 => 0u32..30, 1 => Just(u32::MAX), 1 => 480u32..2000],
        participants in prop_oneof![8 => 2u32..200, 1 => Just(0), 1 => Just(u32::MAX)],
        facilitators in prop_oneof![8 => 1u32..6, 1 => Just(u32::MAX), 1 => Just(107_374_183u32)],
        max_stretch in prop_oneof![8 => 60u32..200, 1 => 0u32..60, 1 => Just(u32::MAX)],
        format in prop::sample::select(vec![Format::Onsite, Format::Remote, Format::Hybrid]),
        objectives in prop::collection::vec(prop::sample::select(OBJECTIVES), 0..4),
        breakout in any::<bool>(),
    ) -> Result<Request, facilitation::RequestError> {
        let start = format!("{:02}:{:02}", start / 60, start % 60);
        let mut builder = Request::builder("Atelier")
            .start_for(&start, minutes)
            .participants(participants)
            .facilitators(facilitators)
            .max_stretch(max_stretch)
            .format(format)
            .breakout_rooms(breakout);
        for objective in objectives {
            builder = builder.objective(objective);
        }
        builder.build()
    }
}

fn planner(catalogue: &Catalogue) -> Planner<'_> {
    // A narrower search than the default keeps the property within seconds.
    let mut options = PlanOptions::default();
    options.beam_width = 40;
    options.alternatives = 2;
    Planner::new(catalogue).with_options(options)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_a_reader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        read_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn yaml_like_texts_never_panic_a_reader(text in yamlish()) {
        read_all(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn a_request_is_refused_clearly_or_planned_validly(request in requests()) {
        let catalogue = Catalogue::builtin();
        let Ok(request) = request else { return Ok(()) };
        match planner(catalogue).plan(&request) {
            Ok(plan) => prop_assert!(check(&plan.agenda, &request, catalogue).is_valid()),
            Err(error) => prop_assert!(!error.text(Lang::Fr).trim().is_empty()),
        }
    }

    #[test]
    fn a_mangled_agenda_is_checked_without_panicking(
        edits in prop::collection::vec((0usize..20, any::<u32>(), 0u8..6, prop::option::of(any::<u32>())), 1..6),
        header in (any::<u32>(), any::<u32>()),
    ) {
        let request = Request::builder("Atelier")
            .time("09:00", "11:30")
            .participants(20)
            .facilitators(2)
            .objective("share-practices")
            .build()
            .unwrap();
        let catalogue = Catalogue::builtin();
        let mut agenda = planner(catalogue).plan(&request).unwrap().agenda;
        (agenda.participants, agenda.facilitators) = header;
        for (index, minutes, kind, part) in edits {
            let Some(slot) = agenda.slots.get_mut(index % 12) else { continue };
            slot.minutes = minutes;
            slot.part = part;
            slot.kind = [SlotKind::Welcome, SlotKind::Method, SlotKind::Break, SlotKind::Lunch][usize::from(kind % 4)];
            if kind >= 4 {
                let at = slot.start;
                agenda.slots.push(Slot::new(SlotKind::Lunch, at, at));
            }
        }
        let report = check(&agenda, &request, catalogue);
        prop_assert!(!report.is_valid());
        prop_assert!(!report.to_text(&agenda, Lang::Fr).is_empty());
        let _ = Agenda::from_yaml("agenda.yaml", &agenda.to_yaml());
    }

    #[test]
    fn a_trainer_method_file_with_extreme_figures_never_panics(
        figures in (any::<u32>(), any::<u32>(), any::<u32>(), prop_oneof![Just(1e300), Just(-1.0), 0.0f64..10.0, Just(f64::NAN)]),
        people in (any::<u32>(), any::<u32>(), prop::option::of(any::<u32>())),
        request in requests(),
    ) {
        let (min, typical, max, per) = figures;
        let per = if per.is_nan() { ".nan".to_string() } else { format!("{per:e}") };
        let roti = include_str!("../methods/roti.yaml")
            .replace(
                "duration: {min: 3, typical: 5, max: 10, per_participant: 0}",
                &format!("duration: {{min: {min}, typical: {typical}, max: {max}, per_participant: {per}}}"),
            )
            .replace("participants: {min: 2, max: 2000}", &format!("participants: {{min: {}, max: {}}}", people.0, people.1))
            .replace(
                "facilitators: {min: 1}",
                &people.2.map_or("facilitators: {min: 1}".to_string(), |per| format!("facilitators: {{min: 1, per: {per}}}")),
            );
        let mut catalogue = Catalogue::builtin().clone();
        match Catalogue::from_files([("methods/roti.yaml", roti.as_str())]) {
            Ok(trainer) => catalogue.extend(trainer),
            Err(error) => {
                prop_assert!(error.text(Lang::Fr).contains("methods/roti.yaml"));
                return Ok(());
            }
        }
        let Ok(request) = request else { return Ok(()) };
        if let Ok(plan) = planner(&catalogue).plan(&request) {
            prop_assert!(check(&plan.agenda, &request, &catalogue).is_valid());
        }
    }
}
