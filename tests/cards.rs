//! Method cards as a trainer prints them: pinned so that a change of wording is seen.

use facilitation::{Catalogue, Lang};

#[test]
fn world_cafe_card_in_french() {
    let method = Catalogue::builtin().get("world-cafe").unwrap();
    insta::assert_snapshot!(method.card_markdown(Lang::Fr));
}

#[test]
fn resolution_irritants_card_in_english() {
    let method = Catalogue::builtin().get("resolution-irritants").unwrap();
    insta::assert_snapshot!(method.card_markdown(Lang::En));
}
