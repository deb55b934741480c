//! `minutes-lint outline FILE`: the structure as read, for people (human) and tools (JSON).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::time::Duration;

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("minutes-lint").unwrap();
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(60));
    cmd
}

/// A whole meeting: header, attendance, an inline item, an item with sub-items and a decision.
const DRAFT: &str = "Marlow End Parish Council\n\
Minutes of the meeting held on Tuesday 9 April 2024\n\
\n\
Present: Councillor Jo Field (Chair), Councillor Sam Hart\n\
Apologies: Councillor Lee Ward\n\
\n\
1. Apologies – apologies were received from Councillor Ward and were accepted by the members present.\n\
\n\
2. Matters arising\n\
\n\
2.1 The bench has been repaired.\n\
\n\
2.2 The noticeboard is on order.\n\
\n\
RESOLVED – That the clerk buy a second noticeboard.\n";

fn draft_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("april.minutes.txt");
    fs::write(&path, DRAFT).unwrap();
    (dir, path)
}

#[test]
fn human_outline_lists_header_people_items_sub_items_and_decisions() {
    let (_dir, path) = draft_file();
    let output = bin()
        .arg("outline")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    assert!(text.contains("title: Marlow End Parish Council"), "{text}");
    assert!(text.contains("date: Tuesday 9 April 2024 (line 2)"), "{text}");
    assert!(text.contains("Councillor Jo Field [chair] (line 4)"), "{text}");
    assert!(text.contains("Councillor Lee Ward (line 5)"), "{text}");
    assert!(text.contains("1  Apologies (line 7)"), "{text}");
    assert!(text.contains("2  Matters arising (line 9)"), "{text}");
    assert!(text.contains("2.1  The bench has been repaired. (line 11)"), "{text}");
    assert!(text.contains("decision (marker): RESOLVED (line 15)"), "{text}");
}

#[test]
fn json_outline_is_one_object_for_tools() {
    let (_dir, path) = draft_file();
    let output = bin()
        .args(["outline", "--format", "json"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(value["title"]["line"], 1);
    assert_eq!(value["attendance"][0]["kind"], "present");
    assert_eq!(value["attendance"][0]["people"][0]["chair"], true);
    let items = value["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["number"], "1");
    assert_eq!(items[0]["title"], "Apologies");
    assert_eq!(items[1]["sub_items"].as_array().unwrap().len(), 2);
    assert_eq!(items[1]["decisions"][0]["kind"], "marker");
    assert_eq!(items[1]["decisions"][0]["line"], 15);
}

#[test]
fn a_missing_file_is_named_and_exits_2() {
    bin()
        .args(["outline", "no-such-draft.minutes.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-draft.minutes.txt"));
}
