//! The VS Code extension's settings schema (`editors/vscode/package.json`) lists every rule with
//! its default severity and the one set of level words, from the rule table: a rule added,
//! renamed or given another default fails here until the schema says so too.
//! Run `MINUTES_LINT_BLESS=1 cargo test --test vscode_schema` to rewrite that part of the file.

use minutes_lint::core::config::RuleLevel;
use minutes_lint::core::rules::RULES;
use serde_json::{json, Value};

const PACKAGE_JSON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json");

fn package_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(PACKAGE_JSON).unwrap()).unwrap()
}

/// `package.json` with the rules' `properties` object replaced by `expected`, the rest of the
/// file kept byte for byte (its key order and layout are hand-kept).
fn blessed(text: &str, expected: &Value) -> String {
    let rules = text
        .find("\"minutes-lint.rules\"")
        .expect("package.json has minutes-lint.rules");
    let key = "\"properties\": ";
    let start = rules + text[rules..].find(key).expect("minutes-lint.rules has properties") + key.len();
    let mut depth = 0;
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            end = start + i + 1;
            break;
        }
    }
    let indent = " ".repeat(text[..start].rsplit('\n').next().unwrap().len() - key.len());
    let pretty = serde_json::to_string_pretty(expected)
        .unwrap()
        .replace('\n', &format!("\n{indent}"));
    format!("{}{}{}", &text[..start], pretty, &text[end..])
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
        if std::env::var_os("MINUTES_LINT_BLESS").is_some() {
            let text = std::fs::read_to_string(PACKAGE_JSON).unwrap();
            std::fs::write(PACKAGE_JSON, blessed(&text, &expected)).unwrap();
            return;
        }
        panic!(
            "editors/vscode/package.json's minutes-lint.rules.properties is stale (run \
             MINUTES_LINT_BLESS=1 cargo test --test vscode_schema); it should be:\n{}",
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
fn blessing_rewrites_only_the_rule_properties() {
    let text = std::fs::read_to_string(PACKAGE_JSON).unwrap();
    // Blessing the schema already there changes nothing, byte for byte.
    let current =
        package_json()["contributes"]["configuration"]["properties"]["minutes-lint.rules"]["properties"].clone();
    assert_eq!(blessed(&text, &current), text);
    // Blessing another schema changes that object and nothing else.
    let other = json!({"a-rule": {"type": "string"}});
    let rewritten: Value = serde_json::from_str(&blessed(&text, &other)).unwrap();
    assert_eq!(
        rewritten["contributes"]["configuration"]["properties"]["minutes-lint.rules"]["properties"],
        other
    );
    let mut back = rewritten.clone();
    back["contributes"]["configuration"]["properties"]["minutes-lint.rules"]["properties"] = current;
    assert_eq!(back, package_json());
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
