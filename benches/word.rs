//! The Word budget (issue 11): read a 1 MB `.docx` (about 150 pages) and lint it in under 50 ms.
//!
//! The document is built in memory with the `zip` crate: a body of numbered paragraphs (Word's
//! automatic numbering), runs split as Word splits them, and a table, about 2 MB of XML holding 1 MB of text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use minutes_lint::core::lint::lint_with_facts;
use minutes_lint::docx::read_docx;
use minutes_lint::Config;
use std::fmt::Write as _;
use std::io::Write as _;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

fn paragraph(body: &mut String, text: &str) {
    // Word splits text into runs at spell-check and edit boundaries: three runs a paragraph.
    let third = text.len() / 3;
    let (a, rest) = text.split_at(text.floor_char_boundary_compat(third));
    let (b, c) = rest.split_at(rest.floor_char_boundary_compat(third));
    let _ = write!(
        body,
        r#"<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr><w:t xml:space="preserve">{a}</w:t></w:r><w:r><w:t xml:space="preserve">{b}</w:t></w:r><w:r><w:t xml:space="preserve">{c}</w:t></w:r></w:p>"#
    );
}

trait Boundary {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
}

impl Boundary for str {
    fn floor_char_boundary_compat(&self, mut at: usize) -> usize {
        while !self.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// A `.docx` of about `target` bytes.
fn build(target: usize) -> Vec<u8> {
    let mut body = String::new();
    paragraph(&mut body, "Environment and Transport Committee");
    paragraph(
        &mut body,
        "Minutes of the meeting held on Tuesday 3 March 2026 at 7.00 pm",
    );
    paragraph(
        &mut body,
        "Present: Councillor A Moss (Chair), Councillor B Lark, Councillor C Wren",
    );
    let mut item = 0;
    loop {
        item += 1;
        let _ = write!(
            body,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Highways maintenance programme {item}</w:t></w:r></w:p>"#
        );
        for _ in 0..3 {
            paragraph(&mut body, "The Committee considered the report of the Head of Highways on the resurfacing programme, the budget for pothole repairs and the winter gritting routes. Members asked about the condition survey and the timetable for the works on the rural roads.");
        }
        body.push_str(r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Scheme</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#);
        paragraph(&mut body, "RESOLVED – That the report be noted.");
        // Measured by the XML it holds, not the zip: repeated paragraphs compress a hundredfold,
        // and a real 150-page draft is about 1 MB of text in 2 MB of XML.
        if body.len() >= target {
            return package(&body);
        }
    }
}

fn package(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in [
        ("word/document.xml", document.as_str()),
        ("word/numbering.xml", NUMBERING),
    ] {
        writer.start_file(name, options).unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn word(c: &mut Criterion) {
    let docx = build(2 << 20);
    let config = Config::default();
    let mut group = c.benchmark_group("word");
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.sample_size(20);
    group.bench_function("read and lint a 1 MB .docx", |b| {
        b.iter(|| {
            let draft = read_docx(&docx).unwrap();
            lint_with_facts(&draft.text, &config, Some("draft.docx"), Some(&draft.facts))
        })
    });
    group.finish();
}

criterion_group!(benches, word);
criterion_main!(benches);
