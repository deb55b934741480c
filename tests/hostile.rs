//! Hostile input for the core (DESIGN.md §8): parse, lint and fix_all must not panic, must finish
//! (a generous time limit catches a quadratic blow-up, not a performance budget — those are in
//! `benches/`), and must give sane output: the model's ranges and every diagnostic inside the text.

#[path = "support/invariants.rs"]
mod invariants;

use minutes_lint::core::fix::{fix_all, MAX_PASSES};
use minutes_lint::core::model::{BlockKind, Minutes};
use minutes_lint::core::text::{ColumnUnit, LineIndex};
use minutes_lint::{lint, Config};
use std::time::{Duration, Instant};

/// Far above what any of these takes even in a debug build on a busy machine; only a hang or a
/// quadratic algorithm on a large input gets near it.
const LIMIT: Duration = Duration::from_secs(120);

/// Inputs above this size are run once (format guessed) rather than once per format.
const SMALL: usize = 64 * 1024;

/// Runs the whole core over `text` (as plain text, Markdown and with the format guessed, for
/// small inputs), checks every invariant, and returns the guessed-format model.
fn survive(text: &str) -> Minutes {
    let started = Instant::now();
    let config = Config::default();
    let mut guessed = None;
    let paths: &[Option<&str>] = if text.len() <= SMALL {
        &[None, Some("draft.minutes"), Some("draft.minutes.md")]
    } else {
        &[None]
    };
    for &path in paths {
        let linted = lint(text, &config, path);
        eprintln!("{path:?}: lint {:?}", started.elapsed());
        if let Err(e) = invariants::check_model(text, &linted.minutes) {
            panic!("{path:?}: model: {e}");
        }
        if let Err(e) = invariants::check_diagnostics(text, &linted.diagnostics) {
            panic!("{path:?}: diagnostics: {e}");
        }
        // Every diagnostic converts to a position and back at the edges.
        let index = LineIndex::new(text);
        for d in &linted.diagnostics {
            for unit in [ColumnUnit::Utf16, ColumnUnit::Char] {
                let lc = index.to_line_col(text, d.span.start, unit);
                assert!(index.to_offset(text, lc, unit).0 <= d.span.start);
            }
        }
        let outcome = fix_all(text, &config, path, false);
        eprintln!("{path:?}: fix_all {:?}", started.elapsed());
        if let Err(e) = invariants::check_diagnostics(&outcome.text, &outcome.remaining) {
            panic!("{path:?}: after fixing: {e}");
        }
        if outcome.total_applied() > 0 {
            let again = fix_all(&outcome.text, &config, path, false);
            assert_eq!(
                again.text, outcome.text,
                "{path:?}: safe fixing did not converge in {MAX_PASSES} passes"
            );
        }
        let risky = fix_all(text, &config, path, true);
        eprintln!("{path:?}: fix_all with unsafe fixes {:?}", started.elapsed());
        if let Err(e) = invariants::check_diagnostics(&risky.text, &risky.remaining) {
            panic!("{path:?}: after unsafe fixing: {e}");
        }
        if path.is_none() {
            guessed = Some(linted.minutes);
        }
    }
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    guessed.expect("ran")
}

#[test]
fn empty_text() {
    let m = survive("");
    assert!(m.blocks.is_empty() && m.items.is_empty());
}

#[test]
fn whitespace_only() {
    for text in [" ", "\n\n\n", "\t \r\n \r \u{a0}\u{a0}\n", "\u{2003}\u{3000}"] {
        let m = survive(text);
        assert!(m.items.is_empty(), "{text:?}");
    }
}

#[test]
fn a_line_of_a_million_characters() {
    let line = "Councillor Smith and the NHS reviewed ".repeat(26_316);
    let text = format!("Title\n\n21/47 Item\n\n{}\n", &line[..1_000_000]);
    let m = survive(&text);
    assert_eq!(m.items.len(), 1);
    // And one without a single space or line break.
    let m = survive(&"x".repeat(1_000_000));
    assert_eq!(m.blocks.len(), 1);
    let m = survive(&"😀".repeat(250_000));
    assert_eq!(m.blocks.len(), 1);
}

#[test]
fn cr_only_line_ends() {
    let text = "Panel\r\rPresent: Councillor A Smith (Chair)\r\r21/47 Declarations of Interest\rNone.\r\r21/48 Budget\rRESOLVED – That the report be noted.\r";
    let m = survive(text);
    assert_eq!(m.newline, "\r");
    assert_eq!(m.items.len(), 2);
    assert_eq!(m.attendance.len(), 1);
    assert!(m.items[1]
        .decisions
        .iter()
        .any(|d| d.marker.slice(text).starts_with("RESOLVED")));
}

#[test]
fn mixed_line_endings() {
    let text = "Panel\r\n\nPresent: Councillor A Smith\r\r\n21/47 Declarations of Interest\n\rNone.\r\n\r21/48 Budget\n\r\nNOTED\r";
    let m = survive(text);
    assert_eq!(m.items.len(), 2);
    // No block may hold a line break it did not start with.
    for b in &m.blocks {
        assert!(!b.content.slice(text).starts_with(['\r', '\n']));
    }
}

#[test]
fn byte_order_mark() {
    let m = survive("\u{feff}");
    assert!(m.blocks.is_empty());
    assert_eq!(m.content_start, 3);
    let m = survive("\u{feff}\u{feff}\u{feff}");
    assert_eq!(m.content_start, 3);
    let text = "\u{feff}21/47 Declarations of Interest\r\nNone.";
    let m = survive(text);
    assert_eq!(m.items.len(), 1);
    assert_eq!(m.items[0].span.start, 3);
}

#[test]
fn emoji_and_combining_marks_in_names() {
    let text = "Panel 🏛️\n\nPresent: Councillor Zoë Ångström (Chair), Cllr Jose\u{301} Nu\u{303}ez, Councillor 😀 Smith, Mrs B 👩🏽‍💻 Kellner\nApologies: Councillor Zoe\u{308} Ångström, Councillor Ǆemal Ĳssel\n\n21/47 Declarations of Interest 🙂\nNone.\n\n21/48 Ré\u{301}port\nRESOLVED – That the repo\u{301}rt be noted 👍.\n";
    let m = survive(text);
    assert_eq!(m.items.len(), 2);
    assert!(!m.attendance.is_empty());
    assert!(m.attendance.iter().flat_map(|s| &s.people).count() >= 2);
}

fn numbered_items(count: usize, gap_at: Option<usize>) -> String {
    let mut text = String::from("Finance Committee\nMinutes of the meeting held on Tuesday 11 June 2024\n\nPresent: Councillor A Smith (Chair), Councillor B Jones\n\n");
    for i in 1..=count {
        let number = if gap_at.is_some_and(|g| i >= g) { i + 1 } else { i };
        text.push_str(&format!("{number}. Report on the SEND budget, part {i}\nThe Committee considered the report.\nRESOLVED – That the report be noted.\n\n"));
    }
    text
}

#[test]
fn ten_thousand_items() {
    let text = numbered_items(10_000, None);
    let m = survive(&text);
    assert_eq!(m.items.len(), 10_000);
    assert!(m.items.iter().all(|i| i.decisions.len() == 1));
    assert_eq!(m.items[9_999].number.as_ref().map(|n| n.as_str(&text)), Some("10000"));
}

#[test]
fn ten_thousand_items_with_a_gap_near_the_start() {
    // Every item after the gap is misnumbered: rules may offer a whole-document renumbering,
    // and the fixer must choose among thousands of findings and edits without a quadratic pass.
    let text = numbered_items(10_000, Some(3));
    let m = survive(&text);
    assert_eq!(m.items.len(), 10_000);
}

#[test]
fn ten_thousand_undecided_items_with_duplicates() {
    let mut text = String::from("Panel\n\n");
    for i in 0..10_000 {
        text.push_str(&format!("21/{} Budget item\nDiscussed.\n\n", 47 + (i % 5_000)));
    }
    let m = survive(&text);
    assert_eq!(m.items.len(), 10_000);
}

#[test]
fn deeply_repeated_markers() {
    let cases = [
        "RESOLVED\n".repeat(20_000),
        "RESOLVED – RESOLVED – RESOLVED\n".repeat(5_000),
        "Present:\n".repeat(20_000),
        "Apologies: Councillor A Smith, ".repeat(10_000),
        "## ".repeat(50_000),
        "#".repeat(100_000),
        "- ".repeat(100_000),
        "**".repeat(50_000),
        "<!--".repeat(20_000),
        "<!-- minutes-lint: allow-file all -->\n".repeat(5_000),
        "(Item 1)".repeat(20_000),
        "1.".repeat(50_000),
        "21/47 ".repeat(20_000),
        "Minutes:\nDecision\n".repeat(10_000),
        "Home > ".repeat(20_000),
        "pdf icon PDF 284 KB ".repeat(10_000),
        "@".repeat(100_000),
        "a@b.c@".repeat(20_000),
        "www.".repeat(20_000),
        "Monday 26 April 2022 ".repeat(5_000),
        "Councillor ".repeat(20_000),
        "Cllr Cllr Councillor Mr Mrs ".repeat(5_000),
        "NHS (NHS) ".repeat(10_000),
        "(((((".repeat(20_000),
        "\u{a0}".repeat(100_000),
    ];
    for text in &cases {
        survive(text);
    }
}

#[test]
fn invalid_utf8_decoded_lossily() {
    let mut bytes: Vec<u8> = b"Panel\n\n21/47 Decl\xe2\x80rations\n\xff\xfe\xfd None.\n\n21/48 Budget\nRESOLVED \xc3 That the report be noted.\n".to_vec();
    bytes.extend([0xed, 0xa0, 0x80, b'\n', 0xf0, 0x9f, 0x98, b'\n', 0xc0, 0xaf]);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert!(text.contains('\u{fffd}'));
    let m = survive(&text);
    assert_eq!(m.items.len(), 2);
}

#[test]
fn nul_bytes() {
    let text = "Panel\0\n\n21/47\0Declarations of Interest\n\0\0\0\n\n21/48 Budget\0\nRESOLVED – \0\n";
    survive(text);
    survive(&"\0".repeat(100_000));
    survive(&"\0\n".repeat(50_000));
}

#[test]
fn control_characters_and_odd_separators() {
    let text = "Panel\u{b}\u{c}\u{1b}[31m\n\u{2028}21/47 Item\u{2029}None.\u{85}\n\n\u{200b}21/48\u{200d} Budget\n\u{202e}RESOLVED – noted\u{202c}\n\t\t21/49\tTabbed\tTitle\n";
    survive(text);
}

#[test]
fn corpus_and_examples_survive() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut seen = 0;
    for dir in [format!("{root}/../shared/corpus"), format!("{root}/examples")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            survive(&text);
            // The same drafts with every line ending swapped for CR and CRLF, and a BOM.
            survive(&text.replace('\n', "\r"));
            survive(&format!("\u{feff}{}", text.replace('\n', "\r\n")));
            seen += 1;
        }
    }
    assert!(seen >= 4, "found only {seen} drafts");
}

#[test]
fn only_structural_lines_give_structure() {
    // A document that is nothing but attendance headings and decision markers has no items.
    let text = "Present:\nApologies:\nDecision\nRESOLVED\n";
    let m = survive(text);
    assert!(m.items.is_empty());
    assert!(m.blocks.iter().all(|b| b.kind != BlockKind::ItemHeading));
}
