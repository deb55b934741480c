//! End-to-end tests of `minutes-lint server`: the real binary, JSON-RPC over stdio.
//!
//! Tests that need a rule's findings go through [`rule_written`]: until the rule colleagues'
//! work lands (the rule files are stubs that say "not written yet") those parts are skipped
//! with a note on stderr, and they switch themselves on after the merge.

mod support;

use minutes_lint::core::config::Config;
use minutes_lint::core::text::{ColumnUnit, LineCol, LineIndex};
use minutes_lint::server::analysis::analyse;
use minutes_lint::server::symbols;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use support::lsp_client::LspClient;
use tower_lsp::lsp_types::Url;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");

fn corpus(name: &str) -> String {
    std::fs::read_to_string(format!("{CORPUS}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// True once `name` is implemented (the stubs' documentation says "not written yet").
fn rule_written(name: &str) -> bool {
    let written = minutes_lint::core::rules::find(name).is_some_and(|r| !r.doc().contains("not written yet"));
    if !written {
        eprintln!("note: rule {name} is a stub in this tree; its part of the test is skipped");
    }
    written
}

/// A URI in a folder that holds no minutes-lint.toml, so the defaults apply.
fn doc_uri(name: &str) -> String {
    format!("file:///nonexistent-minutes-lint-tests/{name}")
}

fn utf16() -> Value {
    json!({})
}

fn utf8() -> Value {
    json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
}

fn unit_name(unit: ColumnUnit) -> &'static str {
    match unit {
        ColumnUnit::Utf8 => "utf-8",
        _ => "utf-16",
    }
}

fn with_rule(diagnostics: &[Value], rule: &str) -> Vec<Value> {
    diagnostics.iter().filter(|d| d["code"] == rule).cloned().collect()
}

/// Applies an LSP range edit to a local copy of the text (the client side of the oracle).
fn apply(text: &str, range: &Value, new_text: &str, unit: ColumnUnit) -> String {
    let index = LineIndex::new(text);
    let pos = |p: &Value| {
        let lc = LineCol {
            line: p["line"].as_u64().unwrap() as u32,
            col: p["character"].as_u64().unwrap() as u32,
        };
        index.to_offset(text, lc, unit).0
    };
    let (start, end) = (pos(&range["start"]), pos(&range["end"]));
    format!("{}{}{}", &text[..start], new_text, &text[end..])
}

fn apply_all(text: &str, edits: &[Value], unit: ColumnUnit) -> String {
    // Apply from the end so that earlier ranges stay valid.
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| {
        (
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        )
    });
    let mut out = text.to_string();
    for e in edits.iter().rev() {
        out = apply(&out, &e["range"], e["newText"].as_str().unwrap(), unit);
    }
    out
}

fn position(text: &str, offset: usize, unit: ColumnUnit) -> Value {
    let lc = LineIndex::new(text).to_line_col(text, offset, unit);
    json!({"line": lc.line, "character": lc.col})
}

fn at(uri: &str, text: &str, needle: &str, unit: ColumnUnit) -> Value {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    json!({"textDocument": {"uri": uri}, "position": position(text, offset, unit)})
}

/// What the server's outline and folding must be for `text`: the same functions run on the
/// client's copy. If the server's rope differs from the client's text anywhere that the outline
/// shows (every item's number, title, range and each fold's lines), this differs.
fn expected_outline(uri: &str, text: &str, unit: ColumnUnit) -> (Value, Value, Value) {
    let url = Url::parse(uri).unwrap();
    let name = uri.rsplit('/').next().map(str::to_string);
    let analysis = analyse(&url, 0, text.to_string(), Arc::new(Config::default()), name, unit).unwrap();
    (
        serde_json::to_value(symbols::document_symbols(&analysis)).unwrap(),
        serde_json::to_value(symbols::folding_ranges(&analysis)).unwrap(),
        serde_json::to_value(
            analysis
                .diagnostics()
                .iter()
                .map(|d| (d.code.clone(), d.range, d.message.clone()))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
    )
}

fn assert_server_text(client: &mut LspClient, uri: &str, text: &str, unit: ColumnUnit) {
    let (symbols, folds, _) = expected_outline(uri, text, unit);
    let got = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_eq!(got, symbols, "outline differs from the client's text:\n{text}");
    let got = client.request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    assert_eq!(got, folds, "folding differs from the client's text");
}

#[test]
fn initialize_advertises_capabilities_and_negotiates_encoding() {
    let (client, result) = LspClient::initialized(utf16());
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["referencesProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["foldingRangeProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert_eq!(caps["completionProvider"]["triggerCharacters"], json!([" "]));
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.minutes-lint"])
    );
    assert_eq!(result["serverInfo"]["name"], "minutes-lint");
    assert_eq!(client.shutdown(), Some(0), "clean exit");

    let (client, result) = LspClient::initialized(utf8());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    drop(client);
    let (_client, result) = LspClient::initialized(json!({"general": {"positionEncodings": ["utf-32", "utf-16"]}}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
}

#[test]
fn unknown_requests_are_method_not_found() {
    let (mut client, _) = LspClient::initialized(utf16());
    let response = client.request_raw("minutes-lint/noSuchThing", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
}

#[test]
fn publishes_diagnostics_for_the_opened_version_of_a_corpus_draft() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("middlesbrough.minutes");
    let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    client.open(&uri, 7, &text);
    let diagnostics = client.diagnostics(&uri, 7);
    for d in &diagnostics {
        assert_eq!(d["source"], "minutes-lint");
        assert!(d["code"].is_string(), "{d}");
        assert!(d["severity"].as_u64().is_some_and(|s| (1..=3).contains(&s)), "{d}");
    }
    let (_, _, expected) = expected_outline(&uri, &text, ColumnUnit::Utf16);
    let got: Vec<Value> = diagnostics
        .iter()
        .map(|d| json!([d["code"], d["range"], d["message"]]))
        .collect();
    assert_eq!(
        Value::Array(got),
        expected,
        "the server publishes exactly what the engine finds"
    );
    // Hovering a diagnostic explains its rule.
    if let Some(d) = diagnostics.first() {
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": d["range"]["start"]}),
        );
        let value = hover["contents"]["value"].as_str().unwrap_or_default();
        assert!(value.contains(d["code"].as_str().unwrap()), "{hover}");
    }
    if rule_written("paste-residue") {
        let residue = with_rule(&diagnostics, "paste-residue");
        let line = text.lines().position(|l| l.contains("pdf icon PDF 284 KB")).unwrap();
        assert!(
            residue.iter().any(|d| d["range"]["start"]["line"] == line),
            "{residue:?}"
        );
        assert!(
            residue.iter().all(|d| d["data"]["fixes"][0]["safe"] == true),
            "removal is a safe fix carried in data"
        );
    }
    // Closing clears the diagnostics.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let cleared = client.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(cleared["params"]["version"].is_null());
}

#[test]
fn the_outline_of_middlesbrough_lists_six_items() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("middlesbrough.minutes");
    let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    client.open(&uri, 1, &text);
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let items: Vec<&Value> = symbols.as_array().unwrap().iter().filter(|s| s["kind"] == 2).collect();
    let names: Vec<&str> = items.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 6, "{names:#?}");
    for (i, name) in names.iter().enumerate() {
        assert!(name.starts_with(&format!("21/{}", 47 + i)), "{name}");
    }
    assert_eq!(names[0], "21/47 Declarations of Interest");
    assert!(
        names[2].starts_with("21/49 Developing a Council-wide approach"),
        "{}",
        names[2]
    );
    for item in &items {
        let (r, s) = (&item["range"], &item["selectionRange"]);
        assert!(r["start"]["line"].as_u64() <= s["start"]["line"].as_u64());
        assert!(s["end"]["line"].as_u64() <= r["end"]["line"].as_u64());
    }
    let folds = client.request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    assert!(folds.as_array().unwrap().len() >= 6, "{folds}");
    assert_server_text(&mut client, &uri, &text, ColumnUnit::Utf16);
}

fn random_edits(unit: ColumnUnit, steps: usize, check_every: usize) {
    let (mut client, _) = LspClient::initialized(if unit == ColumnUnit::Utf8 { utf8() } else { utf16() });
    let uri = doc_uri(&format!("edits-{}.minutes", unit_name(unit)));
    let mut text = String::from(
        "Committee 😀 minutes\r\n\r\nPresent:\r\n\r\nCouncillor Zoë Ab\u{301}bott (Chair), Cllr Jones\r\n\r\n1. First item é\u{301} title\r\n\r\nText 👩\u{200d}👩\u{200d}👧 and more.\n\n2. Second item 𝒜 title\r\rText.\n\n3. Third item\n\nRESOLVED – That the report be noted.\n",
    );
    client.open(&uri, 0, &text);
    let pieces = [
        "😀",
        "e\u{301}",
        "\r\n",
        "\n",
        "\r",
        "x",
        "4. New item 👍🏽 title\n\n",
        "Cllr ",
        "𝒜𝒜",
        "",
        "é",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let boundary = |text: &str, mut o: usize| {
        while !text.is_char_boundary(o)
            || (o > 0 && o < text.len() && text.as_bytes()[o - 1] == b'\r' && text.as_bytes()[o] == b'\n')
        {
            o -= 1;
        }
        o
    };
    for version in 1..=steps as i64 {
        let a = boundary(&text, next(text.len() + 1));
        let b = boundary(&text, (a + next(12)).min(text.len()));
        let (start, end) = if next(3) == 0 { (a, b) } else { (a, a) };
        let new_text = pieces[next(pieces.len())];
        let range = json!({"start": position(&text, start, unit), "end": position(&text, end, unit)});
        let expected = format!("{}{}{}", &text[..start], new_text, &text[end..]);
        assert_eq!(
            apply(&text, &range, new_text, unit),
            expected,
            "the oracle's own conversion"
        );
        text = expected;
        client.change(&uri, version, json!([{"range": range, "text": new_text}]));
        if version as usize % check_every == 0 {
            assert_server_text(&mut client, &uri, &text, unit);
        }
    }
    assert_server_text(&mut client, &uri, &text, unit);
    let diagnostics = client.diagnostics(&uri, steps as i64);
    let (_, _, expected) = expected_outline(&uri, &text, unit);
    let got: Vec<Value> = diagnostics
        .iter()
        .map(|d| json!([d["code"], d["range"], d["message"]]))
        .collect();
    assert_eq!(Value::Array(got), expected);
}

#[test]
fn incremental_edits_with_emoji_combining_marks_and_crlf_in_utf16() {
    random_edits(ColumnUnit::Utf16, 120, 10);
}

#[test]
fn incremental_edits_with_emoji_combining_marks_and_crlf_in_utf8() {
    random_edits(ColumnUnit::Utf8, 120, 10);
}

#[test]
fn a_thousand_rapid_edits_end_in_the_clients_text_and_the_last_versions_diagnostics() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("rapid.minutes");
    let mut text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
    client.open(&uri, 0, &text);
    let end_of_line_3 = |t: &str| {
        let line: String = t.split('\n').nth(2).unwrap().to_string();
        json!({"line": 2, "character": line.encode_utf16().count()})
    };
    for version in 1..=1000i64 {
        let p = end_of_line_3(&text);
        let piece = if version % 7 == 0 { "😀" } else { "a" };
        client.change(&uri, version, json!([{"range": {"start": p, "end": p}, "text": piece}]));
        text = apply(&text, &json!({"start": p, "end": p}), piece, ColumnUnit::Utf16);
    }
    // Every publish, in arrival order, until the last version's and a quiet spell after it.
    let mut publishes: Vec<i64> = Vec::new();
    let deadline = std::time::Instant::now() + support::lsp_client::TIMEOUT;
    while !publishes.contains(&1000) {
        assert!(
            std::time::Instant::now() < deadline,
            "no diagnostics for version 1000: {publishes:?}"
        );
        for m in client.drain(Duration::from_millis(300)) {
            if m["method"] == "textDocument/publishDiagnostics" {
                publishes.push(m["params"]["version"].as_i64().unwrap());
            }
        }
    }
    assert!(
        publishes.windows(2).all(|w| w[0] < w[1]),
        "versions go forward: {publishes:?}"
    );
    assert_eq!(
        publishes.last(),
        Some(&1000),
        "nothing after the last version: {publishes:?}"
    );
    eprintln!("{} publishes for 1000 edits", publishes.len());
    assert_server_text(&mut client, &uri, &text, ColumnUnit::Utf16);
}

#[test]
fn bad_ranges_are_clamped_and_logged() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("bad-range.minutes");
    let mut text = "1. Item 😀\n\nText.\n".to_string();
    client.open(&uri, 1, &text);
    client.diagnostics(&uri, 1);
    // Past the end: clamped to the end.
    client.change(&uri, 2, json!([{"range": {"start": {"line": 99, "character": 5}, "end": {"line": 120, "character": 0}}, "text": "2. More"}]));
    text.push_str("2. More");
    client.wait_for("a log about clamping", |m| {
        m["method"] == "window/logMessage" && m["params"]["message"].as_str().is_some_and(|s| s.contains("clamped"))
    });
    // Inside a surrogate pair: clamped to the character's start.
    client.change(
        &uri,
        3,
        json!([{"range": {"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 9}}, "text": "!"}]),
    );
    text = text.replacen("😀", "!😀", 1);
    // Reversed.
    client.change(
        &uri,
        4,
        json!([{"range": {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 0}}, "text": "3."}]),
    );
    text = format!("3.{}", &text[3..]);
    client.diagnostics(&uri, 4);
    assert_server_text(&mut client, &uri, &text, ColumnUnit::Utf16);
    // Requests with positions outside the document are clamped too.
    let hover = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 999, "character": 999}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
}

#[test]
fn a_change_to_a_document_never_opened_is_ignored_and_logged() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("never-opened.minutes");
    client.change(&uri, 3, json!([{"text": "hello"}]));
    client.wait_for("a log about the unopened document", |m| {
        m["method"] == "window/logMessage" && m["params"]["message"].as_str().is_some_and(|s| s.contains("not open"))
    });
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert!(symbols.is_null());
    // The server is still serving.
    assert_eq!(client.shutdown(), Some(0));
}

const ACRONYMS: &str = "1. Local partners\n\nThe Local Government Association (LGA) met the Panel. The LGA offered support.\n\nCHC – Continuing Health Care\n\nRESOLVED – That the CHC report be noted, see item 2.\n\n2. Next steps\n\nThe LGA will return.\n";

#[test]
fn hover_shows_an_acronyms_long_form() {
    for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8] {
        let (mut client, _) = LspClient::initialized(if unit == ColumnUnit::Utf8 { utf8() } else { utf16() });
        let uri = doc_uri("acronyms.minutes");
        client.open(&uri, 1, ACRONYMS);
        let hover = client.request("textDocument/hover", at(&uri, ACRONYMS, "LGA offered", unit));
        let value = hover["contents"]["value"].as_str().unwrap_or_default();
        assert!(value.contains("Local Government Association"), "{hover}");
        let hover = client.request("textDocument/hover", at(&uri, ACRONYMS, "CHC report", unit));
        assert!(
            hover["contents"]["value"]
                .as_str()
                .unwrap_or_default()
                .contains("Continuing Health Care"),
            "{hover}"
        );
    }
}

#[test]
fn definition_and_references_of_an_acronym_and_an_item_reference() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("acronyms.minutes");
    client.open(&uri, 1, ACRONYMS);
    let defs = client.request(
        "textDocument/definition",
        at(&uri, ACRONYMS, "LGA will", ColumnUnit::Utf16),
    );
    let defined_at = position(ACRONYMS, ACRONYMS.find("LGA)").unwrap(), ColumnUnit::Utf16);
    assert_eq!(defs[0]["range"]["start"], defined_at, "{defs}");
    assert_eq!(defs[0]["uri"], uri.as_str());
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": position(ACRONYMS, ACRONYMS.find("LGA will").unwrap(), ColumnUnit::Utf16), "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().map(Vec::len), Some(3), "{refs}");
    let defs = client.request(
        "textDocument/definition",
        at(&uri, ACRONYMS, "item 2.", ColumnUnit::Utf16),
    );
    let item_two = position(ACRONYMS, ACRONYMS.find("2. Next").unwrap(), ColumnUnit::Utf16);
    assert_eq!(defs[0]["range"]["start"], item_two, "{defs}");
}

#[test]
fn hover_and_completion_know_the_attendees() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("ofsted.minutes");
    let mut text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
    client.open(&uri, 1, &text);
    let apologies = text.find("Apologies:").unwrap();
    let taylor = apologies + text[apologies..].find("Taylor").unwrap();
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(&text, taylor, ColumnUnit::Utf16)}),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(value.contains("present") && value.contains("apologies"), "{hover}");
    let hover = client.request("textDocument/hover", at(&uri, &text, "Stone", ColumnUnit::Utf16));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .contains("present (in the chair)"),
        "{hover}"
    );

    // Type "Councillor " on a new line at the end and ask for completion.
    let end = position(&text, text.len(), ColumnUnit::Utf16);
    client.change(
        &uri,
        2,
        json!([{"range": {"start": end, "end": end}, "text": "\nCouncillor "}]),
    );
    text.push_str("\nCouncillor ");
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position(&text, text.len(), ColumnUnit::Utf16)}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    for name in ["Stone", "Taylor", "Reid", "Newman"] {
        assert!(labels.contains(&name), "{name} missing from {labels:?}");
    }
}

#[test]
fn completion_offers_the_next_item_number_and_decisions_at_the_start_of_a_line() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("middlesbrough.minutes");
    let mut text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    client.open(&uri, 1, &text);
    let end = position(&text, text.len(), ColumnUnit::Utf16);
    client.change(&uri, 2, json!([{"range": {"start": end, "end": end}, "text": "\n\n"}]));
    text.push_str("\n\n");
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position(&text, text.len(), ColumnUnit::Utf16)}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"21/53"), "{labels:?}");
    assert!(
        items.as_array().unwrap().iter().any(|i| i["kind"] == 15),
        "a decision template: {labels:?}"
    );
    // Acronyms from the document, with their long forms.
    client.change(&uri, 3, json!([{"range": {"start": position(&text, text.len(), ColumnUnit::Utf16), "end": position(&text, text.len(), ColumnUnit::Utf16)}, "text": "The CA"}]));
    text.push_str("The CA");
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position(&text, text.len(), ColumnUnit::Utf16)}),
    );
    let camhs = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "CAMHS")
        .expect("CAMHS offered");
    assert!(
        camhs["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("Child and Adolescent Mental Health"),
        "{camhs}"
    );
}

/// Applies the first quick fix of `rule` and checks that its diagnostic goes away.
fn quick_fix_removes(rule: &str, text: &str) {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("fix.minutes");
    client.open(&uri, 1, text);
    let diagnostics = client.diagnostics(&uri, 1);
    let ours = with_rule(&diagnostics, rule);
    let target = ours
        .iter()
        .find(|d| !d["data"]["fixes"].is_null())
        .unwrap_or_else(|| panic!("no fixable {rule}: {diagnostics:?}"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": target["range"], "context": {"diagnostics": [target]}}),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["kind"] == "quickfix" && a["diagnostics"][0] == *target && a["edit"]["changes"][uri.as_str()].is_array()
        })
        .unwrap_or_else(|| panic!("no quick fix in {actions}"));
    let edits = action["edit"]["changes"][uri.as_str()].as_array().unwrap().clone();
    let fixed = apply_all(text, &edits, ColumnUnit::Utf16);
    client.change(&uri, 2, json!([{"text": fixed}]));
    let after = client.diagnostics(&uri, 2);
    assert!(
        with_rule(&after, rule).len() < ours.len(),
        "{rule} still there: {after:?}"
    );
}

#[test]
fn a_quick_fix_makes_its_diagnostic_go_away() {
    if rule_written("paste-residue") {
        quick_fix_removes("paste-residue", &corpus("middlesbrough-cyp-panel-2022-03-21.txt"));
    }
    if rule_written("weekday-mismatch") {
        quick_fix_removes("weekday-mismatch", "Cabinet\n\nMinutes of the meeting held on Monday 26 April 2022\n\n1. Item\n\nRESOLVED – That the report be noted.\n");
    }
}

#[test]
fn fix_all_applies_every_safe_fix_in_one_edit() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("fix-all.minutes");
    let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    client.open(&uri, 1, &text);
    let before = client.diagnostics(&uri, 1);
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let actions = actions.as_array().unwrap();
    assert!(
        actions.iter().all(|a| a["kind"] == "source.fixAll.minutes-lint"),
        "only fix-all was asked for: {actions:?}"
    );
    let safe_fixable = before.iter().any(|d| {
        d["data"]["fixes"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["safe"] == true))
    });
    if !safe_fixable {
        assert!(actions.is_empty(), "nothing to fix, no action: {actions:?}");
        eprintln!("note: no safe fixes yet (rules are stubs); fix-all's application is skipped");
        return;
    }
    let edits = actions[0]["edit"]["changes"][uri.as_str()].as_array().unwrap().clone();
    assert_eq!(edits.len(), 1, "one minimal edit");
    let fixed = apply_all(&text, &edits, ColumnUnit::Utf16);
    client.change(&uri, 2, json!([{"text": fixed}]));
    let after = client.diagnostics(&uri, 2);
    let still_safe = after.iter().any(|d| {
        d["data"]["fixes"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["safe"] == true))
    });
    assert!(!still_safe, "safe fixes converge: {after:?}");
}

#[test]
fn config_edits_on_disk_and_client_settings_change_the_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.minutes");
    let config = dir.path().join("minutes-lint.toml");
    let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    std::fs::write(&draft, &text).unwrap();
    std::fs::write(&config, "# house style\n[rules]\n").unwrap();
    let root = Url::from_directory_path(dir.path()).unwrap();
    let caps = json!({"workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut client, _) = LspClient::initialized_with(caps, json!([{"uri": root, "name": "w"}]));
    client.wait_for("the watcher registration", |m| {
        m["method"] == "client/registerCapability"
            && m["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"]
                == "**/minutes-lint.toml"
    });
    let uri = Url::from_file_path(&draft).unwrap().to_string();
    let config_uri = Url::from_file_path(&config).unwrap().to_string();
    client.open(&uri, 1, &text);
    let first = client.diagnostics(&uri, 1);
    let watched = |client: &mut LspClient| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": config_uri, "type": 2}]}),
        );
    };

    // A broken config is shown with its file and line; the last good config stays in force.
    std::fs::write(&config, "# house style\n[rules\n").unwrap();
    watched(&mut client);
    let shown = client.wait_for("the config error", |m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("minutes-lint.toml:2"), "{message}");
    assert_eq!(client.diagnostics(&uri, 1), first);

    // "Allow RULE in this file" edits the config file, keeping its comment.
    if let Some(d) = first.first() {
        let actions = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
        );
        let allow = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Allow ")))
            .expect("an allow action");
        let edits = allow["edit"]["changes"][config_uri.as_str()]
            .as_array()
            .unwrap()
            .clone();
        let new_config = apply_all("# house style\n[rules\n", &edits, ColumnUnit::Utf16);
        assert!(new_config.starts_with("# house style\n"), "{new_config}");
        assert!(new_config.contains("\"draft.minutes\" = ["), "{new_config}");
    }

    if rule_written("paste-residue") {
        assert!(!with_rule(&first, "paste-residue").is_empty());
        std::fs::write(&config, "# house style\n[rules]\npaste-residue = \"off\"\n").unwrap();
        watched(&mut client);
        let after = client.diagnostics(&uri, 1);
        assert!(with_rule(&after, "paste-residue").is_empty(), "{after:?}");
        // Client settings override the file.
        *client.settings.lock().unwrap() = json!({"rules": {"paste-residue": "error"}});
        client.notify("workspace/didChangeConfiguration", json!({"settings": null}));
        let after = loop {
            let d = client.diagnostics(&uri, 1);
            if !with_rule(&d, "paste-residue").is_empty() {
                break d;
            }
        };
        assert!(with_rule(&after, "paste-residue").iter().all(|d| d["severity"] == 1));
    } else {
        // A fixed config is re-read and every open document re-linted.
        std::fs::write(&config, "# house style\n[rules]\nfirst-person = \"off\"\n").unwrap();
        watched(&mut client);
        client.diagnostics(&uri, 1);
        client.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"minutes-lint": {"rules": {"no-such-rule": "off"}}}}),
        );
        let shown = client.wait_for("a settings warning", |m| m["method"] == "window/showMessage");
        assert!(shown["params"]["message"].as_str().unwrap().contains("no-such-rule"));
    }
}

/// Memory with 100 open 100 KB documents (DESIGN §7: under 100 MB resident; issue 12 asks for
/// 50 MB, measured at about 35 MB). The budget is the shipped server's, so an up-to-date release
/// build is measured when there is one.
#[test]
fn memory_with_a_hundred_open_documents() {
    let binary = support::binary::optimised_binary()
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_BIN_EXE_minutes-lint")));
    let (mut client, _) = LspClient::initialized_binary(&binary, utf16());
    let mut one = String::new();
    for name in [
        "middlesbrough-cyp-panel-2022-03-21.txt",
        "manchester-ofsted-subgroup-2017-09-12.txt",
    ] {
        one.push_str(&corpus(name));
    }
    let mut doc = String::new();
    while doc.len() < 100 * 1024 {
        doc.push_str(&one);
    }
    let rss = |pid: u32| -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let before = rss(client.pid());
    for i in 0..100 {
        client.open(&doc_uri(&format!("mem-{i}.minutes")), 1, &doc);
    }
    for i in 0..100 {
        client.diagnostics(&doc_uri(&format!("mem-{i}.minutes")), 1);
    }
    std::thread::sleep(Duration::from_millis(300));
    let after = rss(client.pid());
    eprintln!(
        "VmRSS: {before} kB at start, {after} kB with 100 open documents of {} bytes",
        doc.len()
    );
    assert!(after < 50 * 1024, "{after} kB");
}

#[test]
fn each_workspace_folder_uses_its_own_config() {
    let dir = tempfile::tempdir().unwrap();
    let mut folders = Vec::new();
    let text = "1. Quotas\n\nThe ZZQ was discussed.\n\nRESOLVED – That the ZZQ be noted.\n";
    for (name, long) in [("north", "Zebra Zone Quota"), ("south", "Zinc Zone Queue")] {
        let root = dir.path().join(name);
        std::fs::create_dir_all(root.join("drafts")).unwrap();
        std::fs::write(
            root.join("minutes-lint.toml"),
            format!("[acronyms.glossary]\nZZQ = \"{long}\"\n"),
        )
        .unwrap();
        folders.push(json!({"uri": Url::from_directory_path(&root).unwrap(), "name": name}));
    }
    let (mut client, _) = LspClient::initialized_with(utf16(), Value::Array(folders));
    for (name, long) in [("north", "Zebra Zone Quota"), ("south", "Zinc Zone Queue")] {
        let uri = Url::from_file_path(dir.path().join(name).join("drafts/a.minutes"))
            .unwrap()
            .to_string();
        client.open(&uri, 1, text);
        let hover = client.request("textDocument/hover", at(&uri, text, "ZZQ be", ColumnUnit::Utf16));
        let value = hover["contents"]["value"].as_str().unwrap_or_default();
        assert!(
            value.contains(long) && value.contains("minutes-lint.toml"),
            "{name}: {hover}"
        );
        let items = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": position(text, text.find("ZZQ was").unwrap() + 2, ColumnUnit::Utf16)}),
        );
        assert!(
            items
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["label"] == "ZZQ" && i["detail"] == long),
            "{items}"
        );
    }
}

#[test]
fn undefined_acronyms_can_be_added_to_the_config() {
    if !rule_written("undefined-acronym") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.minutes");
    let text = "Cabinet\n\nMinutes of the meeting held on 26 April 2022\n\n1. Partners\n\nThe QZX attended.\n\nRESOLVED – That the report be noted.\n";
    std::fs::write(&draft, text).unwrap();
    let root = Url::from_directory_path(dir.path()).unwrap();
    let (mut client, _) = LspClient::initialized_with(utf16(), json!([{"uri": root, "name": "w"}]));
    let uri = Url::from_file_path(&draft).unwrap().to_string();
    client.open(&uri, 1, text);
    let diagnostics = client.diagnostics(&uri, 1);
    let undefined = with_rule(&diagnostics, "undefined-acronym");
    let d = undefined.first().expect("QZX is undefined");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Add QZX to known acronyms"))
        })
        .unwrap_or_else(|| panic!("{actions}"));
    // No config yet: the action creates minutes-lint.toml at the workspace root.
    let ops = add["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    let config_text = ops[1]["edits"][0]["newText"].as_str().unwrap();
    std::fs::write(dir.path().join("minutes-lint.toml"), config_text).unwrap();
    let config_uri = Url::from_file_path(dir.path().join("minutes-lint.toml"))
        .unwrap()
        .to_string();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 1}]}),
    );
    let after = client.diagnostics(&uri, 1);
    assert!(
        with_rule(&after, "undefined-acronym")
            .iter()
            .all(|x| x["range"] != d["range"]),
        "{after:?}"
    );
}

/// A parish meeting of our own: four voting members, one leaving at the end of the first item.
const VOTES: &str = "Elmbridge Parish Council\n\nMinutes of the meeting held on Tuesday 4 March 2025 at 7.30pm\n\n\
Present: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr, Cllr T Hale\nIn attendance: Mrs J Pope (Clerk)\n\n\
1. Play area\n\nCllr Lowe proposed and Cllr Kerr seconded that the new swings be bought. \
Voting: 3 in favour, 1 against. Carried.\n\nCllr Hale left the meeting at 8.10pm.\n\n\
2. Allotments\n\n\
Cllr Ames proposed that the rents stay the same; seconded by Cllr Lowe. All in favour.\n\n\
The meeting closed at 8.45pm.\n";

#[test]
fn inlay_hints_show_who_could_vote_and_each_votes_tally() {
    for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8] {
        let (mut client, _) = LspClient::initialized(if unit == ColumnUnit::Utf8 { utf8() } else { utf16() });
        let uri = doc_uri("votes.minutes");
        client.open(&uri, 1, VOTES);
        let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}});
        let hints = client.request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": whole}),
        );
        let labels: Vec<(Value, String)> = hints
            .as_array()
            .unwrap_or_else(|| panic!("{hints}"))
            .iter()
            .map(|h| {
                (
                    h["position"].clone(),
                    h["label"].as_str().unwrap_or_default().trim().to_string(),
                )
            })
            .collect();
        let at_end_of = |needle: &str| {
            let offset = VOTES.find(needle).unwrap() + needle.len();
            position(VOTES, offset, unit)
        };
        assert!(
            labels.contains(&(at_end_of("\n1."), "4 voting members".to_string())),
            "{labels:?}"
        );
        assert!(
            labels.contains(&(at_end_of("\n2."), "3 voting members".to_string())),
            "{labels:?}"
        );
        assert!(
            labels.iter().any(|(_, l)| l.starts_with("3 for, 1 against")),
            "{labels:?}"
        );
        assert!(labels.iter().any(|(_, l)| l == "unanimous"), "{labels:?}");

        // Only the hints inside the range asked for.
        let first_line = json!({"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}});
        let none = client.request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": first_line}),
        );
        assert_eq!(none, json!([]));
    }
}

#[test]
fn the_outline_shows_each_motion_and_hover_shows_when_a_member_left() {
    let (mut client, _) = LspClient::initialized(utf16());
    let uri = doc_uri("votes.minutes");
    client.open(&uri, 1, VOTES);
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let item = |number: &str| {
        symbols
            .as_array()
            .unwrap_or_else(|| panic!("{symbols}"))
            .iter()
            .find(|s| s["name"].as_str().is_some_and(|n| n.starts_with(number)))
            .unwrap_or_else(|| panic!("no item {number} in {symbols}"))
            .clone()
    };
    let children = |item: &Value| -> Vec<(String, String)> {
        item["children"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
                (text(&c["name"]), text(&c["detail"]))
            })
            .collect()
    };
    // The vote's "Carried." decides the item: the outline does not call it undecided.
    assert_eq!(item("1")["detail"], "outcome in the text", "{symbols}");
    assert!(
        children(&item("1")).contains(&(
            "Motion: 3 for, 1 against: carried".to_string(),
            "moved by Cllr Lowe, seconded by Cllr Kerr".to_string()
        )),
        "{symbols}"
    );
    assert!(
        children(&item("2")).contains(&(
            "Motion: unanimous".to_string(),
            "moved by Cllr Ames, seconded by Cllr Lowe".to_string()
        )),
        "{symbols}"
    );

    let hover = client.request("textDocument/hover", at(&uri, VOTES, "Hale left", ColumnUnit::Utf16));
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.contains("**Councillor T Hale**: present") && value.contains("In the meeting: left at 8.10 pm (item 1)"),
        "{hover}"
    );
}

#[test]
fn completion_after_a_title_offers_the_committees_members_first() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("minutes-lint.toml"),
        "[committee]\nmembers = [\"Cllr P Ames\", \"Cllr R Lowe\", \"Cllr N Oduya\"]\nsubstitutes = [\"Cllr V Marsh\"]\n",
    )
    .unwrap();
    let folders = json!([{"uri": Url::from_directory_path(dir.path()).unwrap(), "name": "parish"}]);
    let (mut client, _) = LspClient::initialized_with(utf16(), folders);
    let uri = Url::from_file_path(dir.path().join("march.minutes"))
        .unwrap()
        .to_string();
    let text = format!("{VOTES}\nCouncillor ");
    client.open(&uri, 1, &text);
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position(&text, text.len(), ColumnUnit::Utf16)}),
    );
    let mut offered: Vec<(String, String, String)> = items
        .as_array()
        .unwrap_or_else(|| panic!("{items}"))
        .iter()
        .map(|i| {
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            (text(&i["sortText"]), text(&i["label"]), text(&i["detail"]))
        })
        .collect();
    offered.sort();
    let labels: Vec<&str> = offered.iter().map(|(_, label, _)| label.as_str()).collect();
    // Members in the config's order, then its substitute, then the rest of the attendance lists.
    assert_eq!(
        labels,
        ["Ames", "Lowe", "Oduya", "Marsh", "Kerr", "Hale", "Pope"],
        "{items}"
    );
    assert!(
        offered[0]
            .2
            .starts_with("member of the committee; Councillor P Ames: present"),
        "{items}"
    );
    assert!(offered[2].2.contains("not in this draft's lists"), "{items}");
    assert!(offered[3].2.starts_with("substitute of the committee"), "{items}");
}
