//! The public API keeps the habits other DSol tools rely on: types shareable across
//! threads, a catalogue built from and extended with methods, lookups by plain text, and
//! messages in French by default.

use facilitation::craft::{CraftReport, CraftRule};
use facilitation::{
    Agenda, AgendaError, Analysis, Breach, Catalogue, Lang, LoadError, Localize, Method, MethodId, Plan,
    PlanError, Planner, Problem, Question, Report, Request, RequestError, Score,
};

fn shareable<T: Send + Sync>() {}

#[test]
fn public_types_can_cross_threads() {
    shareable::<Catalogue>();
    shareable::<Method>();
    shareable::<Request>();
    shareable::<Agenda>();
    shareable::<Plan>();
    shareable::<Planner<'static>>();
    shareable::<Score>();
    shareable::<Report>();
    shareable::<CraftReport>();
    shareable::<Analysis>();
    shareable::<Question>();
    shareable::<Breach>();
    shareable::<Problem>();
    shareable::<PlanError>();
    shareable::<LoadError>();
    shareable::<RequestError>();
    shareable::<AgendaError>();
}

#[test]
fn a_catalogue_is_collected_from_methods_and_extended_with_more() {
    let builtin = Catalogue::builtin();
    let mut catalogue: Catalogue =
        builtin.iter().filter(|m| m.id.as_str().starts_with('r')).cloned().collect();
    assert!(catalogue.get("roti").is_some());
    assert!(catalogue.get("world-cafe").is_none());
    let world_cafe = builtin.get("world-cafe").unwrap().clone();
    Extend::extend(&mut catalogue, [world_cafe]);
    assert!(catalogue.get("world-cafe").is_some());
}

#[test]
fn a_method_is_found_by_its_id_as_plain_text() {
    let id = MethodId::new("world-cafe").unwrap();
    let text: &str = id.as_ref();
    assert_eq!(Catalogue::builtin().get(text).map(|m| &m.id), Some(&id));
    assert!(Catalogue::builtin().get("Not An Id").is_none());
}

#[test]
fn messages_are_french_by_default_and_english_on_request() {
    let error = Request::from_yaml("demande.yaml", "title: t\nstart: \"09:00\"\nend: \"08:00\"\nparticipants: 10\nfacilitators: 1\nobjectives: [review]\n")
        .unwrap_err();
    let fr = error.text(Lang::Fr);
    let en = error.text(Lang::En);
    assert!(fr.contains("demande.yaml") && fr.contains("la séance finit à 08:00"), "{fr}");
    assert!(en.contains("the session ends at 08:00"), "{en}");
    assert_eq!(error.to_string(), en, "Display is the English text, for logs");
}

#[test]
fn craft_rules_are_numbered_one_to_fifteen() {
    let numbers: Vec<u8> = CraftRule::ALL.iter().map(|rule| rule.number()).collect();
    assert_eq!(numbers, (1..=15).collect::<Vec<u8>>());
}
