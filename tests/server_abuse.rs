//! The server against a hostile or careless client, over the real binary's stdio: malformed
//! frames, wrong lengths, requests out of order, huge documents, floods of edits, requests for
//! closed documents, `exit` without `shutdown`. Every wait is bounded.

mod support;

use minutes_lint::core::config::Config;
use minutes_lint::core::text::ColumnUnit;
use minutes_lint::server::analysis::analyse;
use minutes_lint::server::symbols;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::lsp_client::LspClient;
use tower_lsp::lsp_types::Url;

const SHORT: Duration = Duration::from_secs(10);

fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .or_else(|_| std::fs::read_to_string(format!("/work/shared/corpus/{name}")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn doc_uri(name: &str) -> String {
    format!("file:///nonexistent-minutes-lint-tests/{name}")
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// A request that needs no open document and is answered with `null`.
fn probe(client: &mut LspClient) -> Option<Value> {
    let id = client.send_request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc_uri("never-opened.minutes")}}),
    );
    client.response(id, SHORT)
}

fn assert_serving(client: &mut LspClient, after: &str) {
    let answer = probe(client).unwrap_or_else(|| panic!("no answer after {after}"));
    assert_eq!(answer["result"], Value::Null, "after {after}: {answer}");
}

#[test]
fn malformed_json_is_ignored_and_the_server_keeps_serving() {
    let (mut client, _) = LspClient::initialized(json!({}));
    for (what, body) in [
        ("broken JSON", b"{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\":".to_vec()),
        ("not JSON-RPC", br#"{"foo": 1}"#.to_vec()),
        ("a JSON array", b"[1, 2, 3]".to_vec()),
        ("invalid UTF-8", b"{\"jsonrpc\":\"2.0\",\"method\":\"x\xff\"}".to_vec()),
        ("an empty body", Vec::new()),
    ] {
        let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        bytes.extend_from_slice(&body);
        client.send_raw(&bytes);
        assert_serving(&mut client, what);
    }
    // Garbage with no header at all, and unknown headers.
    client.send_raw(b"hello, server\r\n\r\n");
    assert_serving(&mut client, "a line of garbage");
    let body = r#"{"jsonrpc":"2.0","method":"$/noSuchNotification"}"#;
    client.send_raw(
        format!(
            "X-Whatever: 1\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    assert_serving(&mut client, "unknown headers");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_wrong_content_length_never_hangs_the_server() {
    let (mut client, _) = LspClient::initialized(json!({}));
    let lost = r#"{"jsonrpc":"2.0","id":"lost","method":"shutdown"}"#;
    // Too small: the body is cut, the rest is garbage until the next header.
    client.send_raw(format!("Content-Length: 10\r\n\r\n{lost}").as_bytes());
    assert_serving(&mut client, "a Content-Length too small");
    // Too large: the server waits for the missing bytes (nothing is answered meanwhile)...
    client.send_raw(format!("Content-Length: {}\r\n\r\n{lost}", lost.len() + 40).as_bytes());
    let id = client.send_request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc_uri("x.minutes")}}),
    );
    let swallowed = client.response(id, Duration::from_millis(500));
    assert!(
        swallowed.is_none(),
        "that request's bytes completed the long body: {swallowed:?}"
    );
    // ...and the frame after the swallowed one is served.
    assert_serving(&mut client, "a Content-Length too large");
    assert!(
        client
            .try_wait_for(Duration::from_millis(200), &|m: &Value| m["id"] == "lost")
            .is_none(),
        "a cut or overlong message is never acted on"
    );
    // A length that cannot be a number, and one too big for memory, then a good frame.
    client.send_raw(b"Content-Length: lots\r\n\r\n{}");
    assert_serving(&mut client, "a Content-Length that is not a number");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn an_unknown_notification_is_ignored() {
    let (mut client, _) = LspClient::initialized(json!({}));
    client.notify("$/minutes-lint/noSuchThing", json!({"x": 1}));
    client.notify("noSuchNotification", json!({}));
    client.send_raw(&frame(
        r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"nonsense":true}}"#,
    ));
    assert_serving(&mut client, "unknown and ill-formed notifications");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn requests_before_initialize_are_server_not_initialized() {
    let mut client = LspClient::start();
    for method in ["textDocument/hover", "textDocument/documentSymbol", "shutdown"] {
        let response = client.request_raw(
            method,
            json!({"textDocument": {"uri": doc_uri("a.minutes")}, "position": {"line": 0, "character": 0}}),
        );
        assert_eq!(response["error"]["code"], -32002, "{method}: {response}");
    }
    client.open(&doc_uri("a.minutes"), 1, "Minutes\n");
    let result = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(result["serverInfo"]["name"], "minutes-lint");
    client.notify("initialized", json!({}));
    assert_serving(&mut client, "a late initialize");
    assert_eq!(client.shutdown(), Some(0));
}

fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// A 50 MB didOpen is linted and answered, and closing it gives the memory back. Unoptimised, a
/// 50 MB document takes over a minute to lint here, so the debug build gets 8 MB and the 50 MB
/// case runs through the release binary when it is up to date (`cargo build --release`).
///
/// "Back" is measured as resident size: after closing, the server is within a few megabytes of
/// where it started (here 6.6 MB → 630 MB open → 14 MB closed), and a second open and close
/// grows nothing.
#[test]
fn a_huge_document_is_answered_and_its_memory_returned_on_close() {
    // Heap fragments and caches that may stay: a fraction of a percent of the peak.
    const BACK_TO_NORMAL_KB: u64 = 24 * 1024;
    let (binary, size) = match support::binary::optimised_binary() {
        Some(release) => (release, 50 << 20),
        None => (std::path::PathBuf::from(env!("CARGO_BIN_EXE_minutes-lint")), 8 << 20),
    };
    eprintln!("{} bytes through {}", size, binary.display());
    let mut client = LspClient::start_binary(&binary);
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    assert_serving(&mut client, "initialize");
    std::thread::sleep(Duration::from_millis(200));
    let baseline = rss_kb(client.pid());
    let one = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
    let mut text = one.repeat(size / one.len() + 1);
    text.truncate(text.floor_char_boundary_compat(size));
    let document_kb = (size / 1024) as u64;
    let mut after_close = Vec::new();
    for round in 0..2 {
        let uri = doc_uri(&format!("huge-{round}.minutes"));
        let started = Instant::now();
        client.open(&uri, 1, &text);
        let diagnostics = client.diagnostics(&uri, 1);
        assert!(!diagnostics.is_empty(), "a repeated draft has findings");
        let id = client.send_request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
        let folds = client
            .response(id, Duration::from_secs(60))
            .expect("folding ranges for the huge document");
        assert!(
            folds["result"].as_array().is_some_and(|f| !f.is_empty()),
            "{}",
            folds["result"]
        );
        let peak = rss_kb(client.pid());
        eprintln!("round {round}: answered in {:?}", started.elapsed());
        client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
        client.wait_for("the cleared diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"] == json!([])
        });
        assert_serving(&mut client, "closing the huge document");
        // An analysis still in flight frees its copy when it finishes: wait for it, up to a bound.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut after = rss_kb(client.pid());
        while after >= baseline + BACK_TO_NORMAL_KB && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            after = rss_kb(client.pid());
        }
        eprintln!("round {round}: VmRSS {baseline} kB at start, {peak} kB open, {after} kB after close");
        assert!(peak > baseline + document_kb, "the document was held: {peak} kB");
        assert!(
            after < baseline + BACK_TO_NORMAL_KB,
            "closing gives back what opening took: {baseline} → {peak} → {after} kB"
        );
        after_close.push((peak, after));
    }
    // Opening costs many times the document (rope, analysis, JSON): a kept document or analysis
    // would show as a second round's growth of that order, fragmentation as a few megabytes.
    let cost = after_close[0].0 - baseline;
    assert!(
        after_close[1].1 < after_close[0].1 + cost / 4,
        "a second open and close of the same size keeps nothing: {after_close:?} kB"
    );
    assert_eq!(client.shutdown(), Some(0));
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
}

impl FloorBoundary for String {
    fn floor_char_boundary_compat(&self, mut at: usize) -> usize {
        at = at.min(self.len());
        while !self.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// What the server's outline and folding must be for `text` (the library on the client's copy).
fn expected_outline(uri: &str, text: &str) -> (Value, Value) {
    let url = Url::parse(uri).unwrap();
    let name = uri.rsplit('/').next().map(str::to_string);
    let analysis = analyse(
        &url,
        0,
        text.to_string(),
        Arc::new(Config::default()),
        name,
        ColumnUnit::Utf16,
    )
    .unwrap();
    (
        serde_json::to_value(symbols::document_symbols(&analysis)).unwrap(),
        serde_json::to_value(symbols::folding_ranges(&analysis)).unwrap(),
    )
}

#[test]
fn ten_thousand_edits_sent_without_waiting_end_in_the_clients_text() {
    let (mut client, _) = LspClient::initialized(json!({}));
    let uri = doc_uri("flood.minutes");
    let mut text = String::from("Minutes of the Panel\nTuesday 26 April 2022\n\n1. Apologies\n\nNone.\n");
    client.open(&uri, 0, &text);
    let started = Instant::now();
    for version in 1..=10_000i64 {
        // Alternate: append a line with a new item every 500 edits, else type into line 1.
        let (line, piece) = if version % 500 == 0 {
            let lines = text.split('\n').count() as u64 - 1;
            (
                lines,
                format!(
                    "{}. Item {version}\n\nRESOLVED – That the report be noted.\n",
                    version / 500 + 1
                ),
            )
        } else {
            (
                1,
                if version % 3 == 0 {
                    "é".to_string()
                } else {
                    "x".to_string()
                },
            )
        };
        let character = if line == 1 { "Tuesday".len() } else { 0 };
        let p = json!({"line": line, "character": character});
        client.change(&uri, version, json!([{"range": {"start": p, "end": p}, "text": piece}]));
        let offset = text
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum::<usize>()
            + character;
        text.insert_str(offset, &piece);
    }
    eprintln!("10,000 changes written in {:?}", started.elapsed());
    client.diagnostics(&uri, 10_000);
    let (symbols, folds) = expected_outline(&uri, &text);
    let got = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_eq!(got, symbols, "outline differs from the client's text");
    let got = client.request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    assert_eq!(got, folds, "folding differs from the client's text");
    eprintln!("done in {:?}", started.elapsed());
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn requests_for_a_closed_document_get_empty_answers() {
    let (mut client, _) = LspClient::initialized(json!({}));
    let uri = doc_uri("closed.minutes");
    client.open(&uri, 1, &corpus("manchester-ofsted-subgroup-2017-09-12.txt"));
    client.diagnostics(&uri, 1);
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 4}});
    let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}});
    for (method, params) in [
        ("textDocument/hover", at.clone()),
        ("textDocument/completion", at.clone()),
        ("textDocument/definition", at.clone()),
        (
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 4}, "context": {"includeDeclaration": true}}),
        ),
        ("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})),
        ("textDocument/foldingRange", json!({"textDocument": {"uri": uri}})),
        (
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [], "only": ["quickfix", "source.fixAll.minutes-lint"]}}),
        ),
    ] {
        let response = client.request_raw(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        let result = &response["result"];
        assert!(
            result.is_null() || result.as_array().is_some_and(Vec::is_empty),
            "{method} on a closed document: {result}"
        );
    }
    // Edits and a second close for it are ignored too.
    client.change(&uri, 2, json!([{"text": "Minutes\n"}]));
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    assert_serving(&mut client, "edits to a closed document");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_the_process_with_code_1() {
    let (mut client, _) = LspClient::initialized(json!({}));
    client.open(&doc_uri("a.minutes"), 1, "Minutes\n");
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(SHORT), Some(1));
}
