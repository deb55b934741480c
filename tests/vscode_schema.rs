//! The VS Code extension's settings schema (`editors/vscode/package.json`) lists every rule with
//! its default severity and the one set of level words, from the rule table: a rule added,
//! renamed or given another default fails here until the schema says so too.

use minutes_lint::core::config::RuleLevel;
use minutes_lint::core::rules::RULES;
use serde_json::{json, Value};

fn package_json() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What `minutes-lint.rules` must be: one property per rule, each taking the level words.
fn expected_rules_schema() -> Value {
    let properties: serde_json::Map<String, Value> = RULES
        .iter()
        .map(|rule| {
            let schema = json!({
                "type": "string",
                "enum": RuleLevel::WORDS,
                "markdownDescription": format!(
                    "{} Default: `{}`.",
                    rule.summary().replace('\n', " "),
                    rule.default_severity.as_str()
                ),
            });
            (rule.name.to_string(), schema)
        })
        .collect();
    Value::Object(properties)
}

#[test]
fn the_extension_schema_lists_every_rule_with_its_default_and_the_level_words() {
    let package = package_json();
    let rules = &package["contributes"]["configuration"]["properties"]["minutes-lint.rules"];
    assert_eq!(rules["type"], "object");
    let expected = expected_rules_schema();
    if rules["properties"] != expected {
        panic!(
            "editors/vscode/package.json's minutes-lint.rules.properties is stale; it should be:\n{}",
            serde_json::to_string_pretty(&expected).unwrap()
        );
    }
    assert_eq!(
        rules["additionalProperties"],
        json!(false),
        "unknown rule names are flagged by the editor"
    );
}

#[test]
fn every_level_word_parses_and_nothing_else_does() {
    for word in RuleLevel::WORDS {
        assert!(RuleLevel::parse(word).is_some(), "{word}");
    }
    for word in ["warn", "hint", "none", "Warning", ""] {
        assert!(RuleLevel::parse(word).is_none(), "{word}");
    }
}
