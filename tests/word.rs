//! Word drafts made by real tools: python-docx (PyPI) writes documents with automatic numbering,
//! a table, tracked changes and comments; LibreOffice (Debian, headless) turns a text draft into
//! a `.docx`, and after `--fix` opens the fixed document again and converts it back to text.
//!
//! `.ci/run` installs both and sets `MINUTES_LINT_DOCX_PYTHON` (a Python with python-docx) and
//! `MINUTES_LINT_SOFFICE`. Without them the test is skipped locally, with the reason printed,
//! and fails when `CI` is set.

use std::path::{Path, PathBuf};
use std::process::Command;

fn require(var: &str, what: &str) -> Option<PathBuf> {
    let path = std::env::var_os(var).map(PathBuf::from);
    let usable = path.as_ref().is_some_and(|p| p.exists());
    if usable {
        return path;
    }
    let message = format!("{what} not found: set {var} (.ci/run installs it)");
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("skipped: {message}");
    None
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_minutes-lint")
}

const MAKE_DOCX: &str = r#"
import sys, docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

out = sys.argv[1]
d = docx.Document()
d.core_properties.title = "Licensing Committee minutes"
d.add_paragraph("Parks Committee")
d.add_paragraph("Minutes of the meeting held on Tuesday 3 March 2026 at 7pm")
d.add_paragraph("Present: Councillor A Moss (Chair), Councillor B Lark")
for title in ["Apologies", "Declarations of interest", "Play area repairs"]:
    d.add_paragraph(title, style="List Number")
    d.add_paragraph("RESOLVED - That the item be noted.")
t = d.add_table(rows=2, cols=2)
t.cell(0, 0).text = "Payee"
t.cell(0, 1).text = "Amount"
t.cell(1, 0).text = "Mowing Ltd"
t.cell(1, 1).text = "120.00"
p = d.add_paragraph("The grant of ")
p._p.append(parse_xml('<w:del %s w:id="901" w:author="Clerk" w:date="2026-03-04T10:00:00Z"><w:r><w:delText>500 pounds</w:delText></w:r></w:del>' % nsdecls("w")))
p._p.append(parse_xml('<w:ins %s w:id="902" w:author="Chair" w:date="2026-03-04T10:00:00Z"><w:r><w:t>750 pounds</w:t></w:r></w:ins>' % nsdecls("w")))
p.add_run(" was approved.")
q = d.add_paragraph()
run = q.add_run("The budget was noted.")
d.add_comment(run, text="Check the figure with finance", author="Deputy Clerk")
d.save(out)
"#;

#[test]
fn python_docx_documents_read_with_numbering_tables_changes_and_comments() {
    let Some(python) = require("MINUTES_LINT_DOCX_PYTHON", "a Python with python-docx") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("parks.docx");
    let made = Command::new(&python)
        .args(["-c", MAKE_DOCX])
        .arg(&file)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let draft = minutes_lint::docx::read_docx(&std::fs::read(&file).unwrap()).unwrap();
    for expected in [
        "1.\tApologies\nRESOLVED",
        "2.\tDeclarations of interest\n",
        "3.\tPlay area repairs\n",
        "Payee | Amount\nMowing Ltd | 120.00\n",
        "The grant of 750 pounds was approved.",
    ] {
        assert!(draft.text.contains(expected), "{expected:?} not in {:?}", draft.text);
    }
    assert!(!draft.text.contains("500 pounds"), "deleted text is not read");

    let output = Command::new(binary())
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in ["tracked-changes", "review-comments", "document-metadata"] {
        assert!(rules.contains(&rule), "{rule} not in {rules:?}");
    }
    // The numbered items read as a clean sequence, each with its decision.
    assert!(!rules.contains(&"item-number-sequence"), "{rules:?}");
    assert!(!rules.contains(&"missing-decision"), "{rules:?}");
    let change = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "tracked-changes")
        .unwrap();
    let line = change["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert_eq!(
        draft.text.lines().nth(line - 1),
        Some("The grant of 750 pounds was approved."),
        "the finding's line is the paragraph"
    );
    for format in ["sarif", "github", "html", "human"] {
        let shown = Command::new(binary())
            .args(["check", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(shown.status.code(), Some(1), "{format}");
        let out = String::from_utf8(shown.stdout).unwrap();
        assert!(out.contains("tracked-changes"), "{format}: {out}");
    }
    // The same document on standard input.
    let piped = Command::new(binary())
        .args(["check", "--format", "json", "--stdin-filename", "parks.docx", "-"])
        .stdin(std::fs::File::open(&file).unwrap())
        .output()
        .unwrap();
    let piped: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    assert_eq!(piped.as_array().unwrap().len(), findings.as_array().unwrap().len());
}

fn soffice(dir: &Path, soffice: &Path, args: &[&str], files: &[&str]) {
    let profile = dir.join("lo-profile");
    let status = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore"])
        .args(args)
        .args(["--outdir", dir.to_str().unwrap()])
        .args(files.iter().map(|f| dir.join(f)))
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
}

#[test]
fn libreoffice_documents_are_fixed_in_place_and_still_open() {
    let Some(office) = require("MINUTES_LINT_SOFFICE", "LibreOffice (soffice)") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hall.txt"),
        "Village Hall Committee\nMinutes of the meeting held on Monday 3 March 2026 at 7pm\n\n\
         Present: Councillor A Moss (Chair), Councillor B Lark\n\n1. Apologies\nNone were received.\n\n\
         2. Hall hire charges\nThe Committee agreed to keep the charges as they are.\n",
    )
    .unwrap();
    soffice(
        dir.path(),
        &office,
        &["--convert-to", "docx:MS Word 2007 XML"],
        &["hall.txt"],
    );
    let docx = dir.path().join("hall.docx");
    let before = std::fs::read(&docx).unwrap();
    let draft = minutes_lint::docx::read_docx(&before).unwrap();
    assert!(draft.text.contains("held on Monday 3 March 2026"), "{:?}", draft.text);

    let fixed = Command::new(binary())
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(&docx)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&fixed.stdout);
    assert!(
        stdout.contains("Fixed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
    let after = std::fs::read(&docx).unwrap();
    assert_ne!(before, after);
    // Every other part of the package is as it was.
    let parts = |bytes: &[u8]| -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut content = Vec::new();
                std::io::Read::read_to_end(&mut file, &mut content).unwrap();
                (file.name().to_string(), content)
            })
            .collect()
    };
    let (old, new) = (parts(&before), parts(&after));
    assert_eq!(old.len(), new.len());
    for ((name, a), (name2, b)) in old.iter().zip(&new) {
        assert_eq!(name, name2);
        if name != "word/document.xml" {
            assert_eq!(a, b, "{name} changed");
        }
    }
    // LibreOffice opens the fixed document and reads the fix in it.
    std::fs::rename(&docx, dir.path().join("fixed.docx")).unwrap();
    soffice(
        dir.path(),
        &office,
        &["--convert-to", "txt:Text (encoded):UTF8"],
        &["fixed.docx"],
    );
    let text = std::fs::read_to_string(dir.path().join("fixed.txt")).unwrap();
    assert!(text.contains("held on Tuesday 3 March 2026"), "{text}");
    assert!(text.contains("Hall hire charges"), "{text}");
}

#[test]
fn an_unreadable_docx_is_an_error_naming_it_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("Cabinet draft.docx");
    std::fs::write(&bad, b"PK\x03\x04 this is not really a zip").unwrap();
    for args in [&["check"][..], &["check", "--fix"][..]] {
        let output = Command::new(binary()).args(args).arg(&bad).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.contains("Cabinet draft.docx") && err.contains("not a Word document"),
            "{err}"
        );
        assert_eq!(std::fs::read(&bad).unwrap(), b"PK\x03\x04 this is not really a zip");
    }
    // A folder holding only Word's lock file has no drafts: exit 2, not a silent pass.
    let folder = dir.path().join("drafts");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("~$binet draft.docx"), b"lock").unwrap();
    let output = Command::new(binary()).arg("check").arg(&folder).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no drafts found"));
}

/// A minimal .docx with these paragraphs, built with the zip crate.
fn small_docx(paragraphs: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let body: String = paragraphs
        .iter()
        .map(|p| format!(r#"<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>"#))
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    writer.start_file("word/document.xml", options).unwrap();
    writer.write_all(document.as_bytes()).unwrap();
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_docx_on_standard_input_is_fixed_to_standard_output() {
    let docx = small_docx(&[
        "Parks Committee",
        "Minutes of the meeting held on Monday 3 March 2026 at 7pm",
    ]);
    let mut child = Command::new(binary())
        .args([
            "check",
            "--fix",
            "--unsafe-fixes",
            "--stdin-filename",
            "parks.docx",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &docx).unwrap();
    let output = child.wait_with_output().unwrap();
    let fixed = minutes_lint::docx::read_docx(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    assert!(fixed.text.contains("held on Tuesday 3 March 2026"), "{:?}", fixed.text);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Fixed"));
}
