//! The README's rule list is generated from the rule table; this test fails when it is stale.
//! Run `MINUTES_LINT_BLESS=1 cargo test --test readme` to rewrite it.

const START: &str = "<!-- rules:start (generated from the rule table by tests/readme.rs) -->\n";
const END: &str = "<!-- rules:end -->";

#[test]
fn readme_rule_list_matches_the_rule_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(START).expect("README has the rules:start marker") + START.len();
    let end = readme.find(END).expect("README has the rules:end marker");
    let expected = minutes_lint::core::rules::rules_markdown();
    if readme[start..end] != expected {
        if std::env::var_os("MINUTES_LINT_BLESS").is_some() {
            let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
            std::fs::write(path, updated).unwrap();
            return;
        }
        panic!("README.md's rule list is stale; run MINUTES_LINT_BLESS=1 cargo test --test readme");
    }
    for rule in minutes_lint::core::rules::RULES {
        assert!(readme.contains(&format!("`{}`", rule.name)));
    }
}
