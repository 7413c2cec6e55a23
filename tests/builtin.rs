//! The built-in catalogue: every file loads, is complete in French and English, and the
//! catalogue covers every phase and objective.

use facilitation::{Catalogue, Format, Level, Method, Objective, Phase};

#[path = "support/physical.rs"]
mod physical;
use physical::physical_words;
#[path = "support/repo.rs"]
mod repo;

fn methods() -> Vec<&'static Method> {
    Catalogue::builtin().iter().collect()
}

#[test]
fn every_method_file_is_in_the_builtin_catalogue() {
    let dir = repo::file("methods");
    let files = std::fs::read_dir(dir)
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().path().extension().is_some_and(|ext| ext == "yaml"))
        .count();
    assert_eq!(Catalogue::builtin().len(), files);
    assert!(files >= 60, "only {files} methods");
}

#[test]
fn every_builtin_method_has_english_texts_sources_and_groupings() {
    for method in methods() {
        let id = &method.id;
        assert!(
            method.name.has_english() && method.summary.has_english() && method.setup.has_english(),
            "{id}"
        );
        assert!(method.steps.iter().all(|step| step.text.has_english()), "{id}: a step lacks English");
        assert!(method.tips.iter().all(|tip| tip.has_english()), "{id}: a tip lacks English");
        assert!(method.materials.iter().all(|m| m.en.is_some()), "{id}: a material lacks English");
        assert!(!method.sources.is_empty(), "{id}: no source");
        assert!(!method.groupings.is_empty(), "{id}: no grouping");
    }
}

#[test]
fn every_phase_has_at_least_five_methods() {
    for phase in Phase::ALL {
        let count = methods().iter().filter(|m| m.has_phase(*phase)).count();
        assert!(count >= 5, "{phase}: {count}");
    }
}

#[test]
fn every_objective_has_at_least_three_methods() {
    for objective in Objective::ALL {
        let count = methods().iter().filter(|m| m.serves(*objective)).count();
        assert!(count >= 3, "{objective}: {count}");
    }
}

#[test]
fn the_catalogue_holds_remote_beginner_large_and_small_group_methods() {
    let all = methods();
    assert!(all.iter().filter(|m| m.formats.contains(&Format::Remote)).count() >= 15);
    assert!(all.iter().filter(|m| m.level == Level::Beginner).count() >= 20);
    assert!(all.iter().filter(|m| m.participants.max >= 100).count() >= 10);
    assert!(all.iter().filter(|m| m.participants.min <= 4).count() >= 10);
}

#[test]
fn openings_and_closings_exist_for_every_format_and_ordinary_group_sizes() {
    for format in [Format::Onsite, Format::Remote, Format::Hybrid] {
        for n in [6, 12, 25, 40, 80, 150] {
            for phase in [Phase::Opening, Phase::Closing] {
                let found = methods().iter().any(|m| {
                    m.has_phase(phase)
                        && m.fits(n, format, Level::Beginner, false)
                        && m.facilitators_for(n) <= 3
                });
                assert!(found, "no beginner {phase} method for {n} people {format}");
            }
        }
    }
}

#[test]
fn the_network_repertoire_is_there() {
    for id in [
        "forum-ouvert",
        "world-cafe",
        "resolution-irritants",
        "meteo",
        "roti",
        "1-2-4-all",
        "vote-par-gommettes",
    ] {
        assert!(Catalogue::builtin().get(id).is_some(), "{id}");
    }
}

/// The three kinds of request the issue names: a beginner facilitator on site, a remote
/// session, a hybrid session (any level for the last two).
const ORDINARY_KINDS: [(Format, Level); 3] =
    [(Format::Onsite, Level::Beginner), (Format::Remote, Level::Advanced), (Format::Hybrid, Level::Advanced)];

/// Lists what no method can serve: `(what, format, level, participants)`, without breakout
/// rooms (the request's default) and with at most three facilitators.
fn gaps(serves: impl Fn(&Method) -> bool, what: &str) -> Vec<String> {
    let mut gaps = Vec::new();
    for (format, level) in ORDINARY_KINDS {
        for n in 6..=150 {
            let found = methods()
                .iter()
                .any(|m| serves(m) && m.fits(n, format, level, false) && m.facilitators_for(n) <= 3);
            if !found {
                gaps.push(format!("{what} {format} {level} {n}"));
            }
        }
    }
    gaps
}

#[test]
fn every_objective_is_served_for_beginners_remote_and_hybrid_from_6_to_150_people() {
    let missing: Vec<String> = Objective::ALL.iter().flat_map(|o| gaps(|m| m.serves(*o), o.id())).collect();
    assert!(missing.is_empty(), "no method for:\n{}", missing.join("\n"));
}

#[test]
fn every_phase_is_served_for_beginners_remote_and_hybrid_from_6_to_150_people() {
    let missing: Vec<String> = Phase::ALL.iter().flat_map(|p| gaps(|m| m.has_phase(*p), p.id())).collect();
    assert!(missing.is_empty(), "no method for:\n{}", missing.join("\n"));
}

/// The words the network does not use, and the one it uses instead: French of France, one
/// word per object.
const BANNED_WORDS: [(&str, &str); 8] = [
    ("papillon", "post-it"),
    ("tableau de papier", "paperboard"),
    ("tableau à feuilles", "paperboard"),
    ("tableau de conférence", "paperboard"),
    ("note autocollante", "post-it"),
    ("notes autocollantes", "post-it"),
    ("pastille", "gommettes"),
    ("marqueur", "feutres"),
];

#[test]
fn the_catalogue_says_paperboard_post_it_gommettes_and_feutres_and_no_variant() {
    let dir = repo::file("methods");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
        for (banned, instead) in BANNED_WORDS {
            if text.contains(banned) {
                found.push(format!("{}: « {banned} » (write « {instead} »)", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_method_that_runs_remotely_says_how_without_physical_material() {
    for method in methods().into_iter().filter(|m| m.formats.contains(&Format::Remote)) {
        let remote = method.remote.as_ref();
        let remote = remote.unwrap_or_else(|| panic!("{}: no remote block", method.id));
        assert!(remote.setup.has_english() && !remote.materials.is_empty(), "{}", method.id);
        let mut texts = vec![remote.setup.fr.clone()];
        texts.extend(remote.materials.iter().map(|m| m.fr.clone()));
        let steps = if remote.steps.is_empty() { &method.steps } else { &remote.steps };
        texts.extend(steps.iter().map(|s| s.text.fr.clone()));
        texts.extend(remote.leaves.iter().map(|leaves| leaves.fr.clone()));
        if let Some(plenary) = &remote.plenary {
            assert!(plenary.setup.has_english() && !plenary.materials.is_empty(), "{}", method.id);
            assert!(plenary.steps.iter().all(|s| s.text.has_english()), "{}", method.id);
            texts.push(plenary.setup.fr.clone());
            texts.extend(plenary.materials.iter().map(|m| m.fr.clone()));
            texts.extend(plenary.steps.iter().map(|s| s.text.fr.clone()));
        }
        for text in texts {
            assert!(physical_words(&text).is_empty(), "{}: {text}", method.id);
        }
    }
}

#[test]
fn the_embedded_json_is_the_same_catalogue_as_the_yaml_files() {
    let from_yaml = Catalogue::builtin_from_yaml().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(&from_yaml, Catalogue::builtin());
    assert_eq!(from_yaml.len(), Catalogue::builtin().len());
}

#[test]
fn what_each_method_says_aloud_leaves_nothing_to_complete_on_the_day() {
    // Words to be said as written: no blank for the facilitator to fill in on the spot
    // (« je vous dis combien »), no list left open (« etc. »).
    let blanks = ["je vous dis combien", "etc.", "I will tell you how many"];
    let mut found = Vec::new();
    for method in methods() {
        let texts = [&method.say, &method.say_with_users].into_iter().flatten();
        for text in texts.flat_map(|text| std::iter::once(&text.fr).chain(text.en.as_ref())) {
            found.extend(
                blanks
                    .iter()
                    .filter(|blank| text.contains(*blank))
                    .map(|blank| format!("{}: « {blank} »", method.id)),
            );
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
