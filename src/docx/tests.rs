//! Unit tests of the Word reader and fixer on packages built in memory.

use super::*;
use crate::core::diagnostic::{Diagnostic, Edit, Fix};
use std::io::Write;

pub(crate) const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx package with these parts (name, content), stored deflated.
pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

pub(crate) fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="12"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

fn numbered(ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn paragraphs_numbering_tables_and_breaks_read_as_a_reader_sees_them() {
    let body = [
        para("Minutes of the Parks Committee"),
        r#"<w:p><w:r><w:t>Present:</w:t></w:r><w:r><w:tab/><w:t>Cllr A Moss</w:t><w:br/><w:t>Cllr B Lark</w:t></w:r></w:p>"#.to_string(),
        numbered(0, "Apologies"),
        numbered(1, "From Cllr C Wren"),
        numbered(0, "Play area &amp; benches"),
        r#"<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Payee</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Amount</w:t></w:r></w:p><w:p><w:r><w:t>(net)</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Mowing Ltd</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#.to_string(),
        "<w:p/>".to_string(),
        para("Close"),
    ]
    .concat();
    let bytes = package(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", NUMBERING),
    ]);
    let draft = read_docx(&bytes).unwrap();
    assert_eq!(
        draft.text,
        "Minutes of the Parks Committee\nPresent:\tCllr A Moss Cllr B Lark\n12.\tApologies\n(a)\tFrom Cllr C Wren\n13.\tPlay area & benches\nPayee | Amount (net)\nMowing Ltd | \n\nClose"
    );
    assert_eq!(draft.paragraphs.len(), 9);
    assert!(draft.paragraphs[5].table_row);
    // Every run's text maps back to its place in the XML.
    for p in &draft.paragraphs {
        assert!(draft.text[p.span.start..p.span.end].find('\n').is_none());
        for run in &p.runs {
            let xml = std::str::from_utf8(&draft.document_xml[run.xml.clone()]).unwrap();
            let decoded = xml.replace("&amp;", "&");
            assert_eq!(&draft.text[run.span.start..run.span.end], decoded);
        }
    }
}

#[test]
fn tracked_changes_read_as_accepted_and_are_recorded() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">The grant of </w:t></w:r><w:del w:id="1" w:author="Clerk"><w:r><w:delText>£500</w:delText></w:r></w:del><w:ins w:id="2" w:author="Chair"><w:r><w:t>£750</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> was approved.</w:t></w:r></w:p>"#;
    let comments = format!(
        r#"<w:comments {W}><w:comment w:id="0" w:author="Deputy Clerk"><w:p><w:r><w:t>Check the sum</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let body = format!(
        r#"{body}<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Budget</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#
    );
    let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Agenda template</dc:title><dc:creator>A N Other</dc:creator><cp:lastModifiedBy>Clerk</cp:lastModifiedBy></cp:coreProperties>"#;
    let bytes = package(&[
        ("word/document.xml", &document(&body)),
        ("word/comments.xml", &comments),
        ("docProps/core.xml", core),
    ]);
    let draft = read_docx(&bytes).unwrap();
    assert_eq!(draft.text, "The grant of £750 was approved.\nBudget");
    let changes = &draft.facts.tracked_changes;
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0].kind, ChangeKind::Deletion);
    assert_eq!(changes[0].text, "£500");
    assert_eq!(changes[1].kind, ChangeKind::Insertion);
    assert_eq!(&draft.text[changes[1].span.start..changes[1].span.end], "£750");
    assert_eq!(changes[1].author.as_deref(), Some("Chair"));
    let comment = &draft.facts.comments[0];
    assert_eq!(comment.text, "Check the sum");
    assert_eq!(comment.author.as_deref(), Some("Deputy Clerk"));
    assert_eq!(&draft.text[comment.span.start..comment.span.end], "Budget");
    assert_eq!(draft.facts.properties.title.as_deref(), Some("Agenda template"));
    assert_eq!(draft.facts.properties.author.as_deref(), Some("A N Other"));
}

#[test]
fn bad_bytes_are_errors_never_panics() {
    for bytes in [
        &b""[..],
        b"not a zip at all",
        b"PK\x03\x04 broken",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old word or encrypted",
    ] {
        assert!(read_docx(bytes).is_err());
    }
    let encrypted = read_docx(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").unwrap_err();
    assert!(encrypted.0.contains("password"), "{encrypted}");
    let no_document = read_docx(&package(&[("word/other.xml", "<x/>")])).unwrap_err();
    assert!(no_document.0.contains("word/document.xml"), "{no_document}");
    let damaged = read_docx(&package(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")])).unwrap_err();
    assert!(damaged.0.contains("damaged"), "{damaged}");
    // Truncated packages and random bytes: an error or a draft, never a panic.
    let good = package(&[("word/document.xml", &document(&para("Minutes")))]);
    for cut in (0..good.len()).step_by(7) {
        let _ = read_docx(&good[..cut]);
    }
    let mut seed = 12345u32;
    for _ in 0..200 {
        let mut bytes = good.clone();
        for _ in 0..4 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let at = (seed as usize >> 3) % bytes.len();
            bytes[at] ^= (seed >> 24) as u8 | 1;
        }
        let _ = read_docx(&bytes);
    }
}

#[test]
fn lock_files_are_not_drafts() {
    assert!(is_docx_name(std::path::Path::new("Parish Council.DOCX")));
    assert!(!is_docx_name(std::path::Path::new("~$rish Council.docx")));
    assert!(!is_docx_name(std::path::Path::new("notes.doc")));
}

fn fix_diagnostic(span: Span, new_text: &str) -> Diagnostic {
    Diagnostic::new("weekday-mismatch", span, "x").with_fix(Fix::safe("fix", vec![Edit::replace(span, new_text)]))
}

#[test]
fn fixes_inside_one_run_are_written_and_nothing_else_changes() {
    let body = [
        para("Monday 26 April 2022 at 7pm"),
        r#"<w:p><w:r><w:t>Tues</w:t></w:r><w:r><w:t>day split</w:t></w:r></w:p>"#.to_string(),
        numbered(0, "Item &lt;one&gt;"),
    ]
    .concat();
    let bytes = package(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", NUMBERING),
    ]);
    let draft = read_docx(&bytes).unwrap();
    let monday = draft.text.find("Monday").unwrap();
    let split = draft.text.find("Tuesday").unwrap();
    let number = draft.text.find("12.").unwrap();
    let item = draft.text.find("one").unwrap();
    let diagnostics = [
        fix_diagnostic(Span::new(monday, monday + 6), "Tuesday"),
        fix_diagnostic(Span::new(split, split + 7), "Wednesday"),
        fix_diagnostic(Span::new(number, number + 3), "13."),
        fix_diagnostic(Span::new(item, item + 3), "1 & 2"),
    ];
    let outcome = apply_fixes(&bytes, &draft, &diagnostics, false).unwrap();
    assert!(outcome.changed);
    assert_eq!(outcome.applied, vec![("weekday-mismatch", 2)]);
    assert_eq!(outcome.not_fixable.len(), 2, "across runs and in a Word number");
    let fixed = read_docx(&outcome.bytes).unwrap();
    assert_eq!(
        fixed.text,
        "Tuesday 26 April 2022 at 7pm\nTuesday split\n12.\tItem <1 & 2>"
    );
    let old_xml = String::from_utf8(draft.document_xml.clone()).unwrap();
    let new_xml = String::from_utf8(fixed.document_xml.clone()).unwrap();
    assert_eq!(
        new_xml,
        old_xml
            .replace(">Monday 26", ">Tuesday 26")
            .replace("&lt;one&gt;", "&lt;1 &amp; 2&gt;")
    );
    // Other parts are copied as they were.
    let mut archive = zip::ZipArchive::new(Cursor::new(&outcome.bytes)).unwrap();
    let mut numbering = String::new();
    archive
        .by_name("word/numbering.xml")
        .unwrap()
        .read_to_string(&mut numbering)
        .unwrap();
    assert_eq!(numbering, NUMBERING);
    assert_eq!(archive.by_index(0).unwrap().name(), "[Content_Types].xml");
    // Nothing to apply: the bytes are the original's.
    let none = apply_fixes(&bytes, &draft, &diagnostics[1..3], false).unwrap();
    assert!(!none.changed);
    assert_eq!(none.bytes, bytes);
}
