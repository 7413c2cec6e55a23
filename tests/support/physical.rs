//! What a remote déroulé must not name: physical material, room setups and gestures.

/// Physical things and gestures that have no place in a remote session.
pub const PHYSICAL: [&str; 16] = [
    "ruban",
    "chaise",
    "gommettes ",
    "post-it ",
    "paperboard",
    "feutre",
    "nappe",
    "imprim",
    "au sol",
    "papier",
    "stylo",
    "une affiche",
    "affiches",
    "clochette",
    "objet de parole",
    "au mur",
];

/// The words of `text` that name something physical (digital dots and sticky notes are not).
pub fn physical_words(text: &str) -> Vec<&'static str> {
    let text = text.to_lowercase().replace("gommettes numériques", "").replace("post-it numérique", "");
    PHYSICAL.iter().copied().filter(|word| text.contains(word)).collect()
}
