//! Data flows one way through the crate: no module of `src/` is reachable from the modules
//! it uses. The graph is read from the `crate::` paths of each file (uses and paths in
//! code; comments are left out), by top-level module.

use std::collections::{BTreeMap, BTreeSet};
#[path = "support/repo.rs"]
mod repo;

/// The top-level modules each top-level module names through `crate::`.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = repo::file("src");
    let mut pending = vec![src.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let top = relative.iter().next().unwrap().to_string_lossy().to_string();
            if top == "lib" {
                continue;
            }
            let code: String = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let uses = graph.entry(top.clone()).or_default();
            for (at, _) in code.match_indices("crate::") {
                let name: String =
                    code[at + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if !name.is_empty() && name != top {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

/// A cycle through `start`, if any, as the path of modules.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((module, path)) = stack.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if next == start {
                return Some([path.clone(), vec![next.clone()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn no_module_is_reachable_from_the_modules_it_uses() {
    let graph = module_graph();
    assert!(graph.contains_key("planner") && graph.contains_key("check"), "{graph:?}");
    let cycles: Vec<String> =
        graph.keys().filter_map(|module| cycle_from(&graph, module)).map(|path| path.join(" → ")).collect();
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn error_and_text_are_leaves() {
    let graph = module_graph();
    for leaf in ["error", "text"] {
        let uses: Vec<&String> = graph[leaf].iter().filter(|module| module.as_str() != "text").collect();
        assert!(uses.is_empty(), "{leaf} uses {uses:?}");
    }
}
