//! Word drafts (`.docx`): reading the text a reader sees, with a map back to the document's XML
//! so that fixes can be written into it, and the facts (tracked changes, comments, properties)
//! the Word-only rules check.
//!
//! This is an edge: it reads a zip container (`zip`) and XML (`quick-xml`); the core only ever
//! sees the text and [`WordFacts`]. What the text is:
//!
//! - one line per paragraph of the body, in order; a table gives one line per row, its cells
//!   joined with ` | ` (paragraphs within a cell joined with a space);
//! - runs' text as written, a tab as a tab, a line or page break within a paragraph as a space
//!   (so that line N of the text is always the Nth paragraph or row);
//! - Word's automatic numbering as the number a reader sees, before the paragraph's text;
//! - tracked changes as if accepted: inserted text in, deleted text out;
//! - drawings, text boxes, field codes and comments' own text left out.
//!
//! Reading never panics: any bytes give either a draft or a [`DocxError`] that says what is wrong.

mod numbering;
mod write;

pub use write::{apply_fixes, WordFixOutcome};

use crate::core::text::Span;
use crate::core::word::{ChangeKind, DocumentProperties, ReviewComment, TrackedChange, WordFacts};
use numbering::Numbering;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The main part of a Word document.
pub const DOCUMENT_PART: &str = "word/document.xml";

/// A part larger than this (uncompressed) is refused: a real document's text is far smaller, and
/// a zip bomb must not exhaust memory.
const MAX_PART_BYTES: u64 = 512 << 20;

/// A Word draft as read: its text, where each line came from, and its Word-only facts.
#[derive(Clone, Debug, Default)]
pub struct WordDraft {
    /// The text a reader sees, one line per paragraph (or table row), joined with `\n`.
    pub text: String,
    /// One entry per line of `text`, in order.
    pub paragraphs: Vec<ParagraphMap>,
    pub facts: WordFacts,
    /// `word/document.xml` as stored (decompressed), which the run locations index into.
    pub document_xml: Vec<u8>,
}

/// One line of the text: a body paragraph or a table row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphMap {
    /// The line's text in [`WordDraft::text`], without its `\n`.
    pub span: Span,
    /// True for a table row.
    pub table_row: bool,
    /// The runs' text elements on this line, in order.
    pub runs: Vec<RunText>,
}

/// One `w:t` element: its decoded text in the draft's text and its content in the XML.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunText {
    /// Where its text is in [`WordDraft::text`].
    pub span: Span,
    /// The element's content (between `<w:t …>` and `</w:t>`) in `document_xml`.
    pub xml: std::ops::Range<usize>,
    /// The element keeps leading and trailing spaces (`xml:space="preserve"`).
    pub preserve: bool,
    /// False when the text was changed on reading (a raw newline in the XML): not editable.
    pub editable: bool,
}

/// Why a file could not be read as a Word document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxError(pub String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DocxError {}

/// True when a file name is a Word document (`.docx`), and not Word's lock file (`~$name.docx`).
pub fn is_docx_name(path: &std::path::Path) -> bool {
    let Some(name) = path.file_name() else { return false };
    let name = name.to_string_lossy().to_ascii_lowercase();
    name.ends_with(".docx") && name.len() > 5 && !name.starts_with("~$")
}

/// Reads a `.docx` from its bytes.
pub fn read_docx(bytes: &[u8]) -> Result<WordDraft, DocxError> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(DocxError(
            "not a .docx that can be read: it is password-protected (encrypted) or an old Word 97-2003 \
             document; save it in Word as an unprotected .docx"
                .to_string(),
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        DocxError(format!(
            "not a Word document (.docx): the zip container cannot be read ({e})"
        ))
    })?;
    let document_xml = read_part(&mut archive, DOCUMENT_PART)?.ok_or_else(|| {
        DocxError(format!(
            "not a Word document (.docx): it has no {DOCUMENT_PART} (a .docx saved by another program?)"
        ))
    })?;
    // The other parts are optional; a damaged one is an error all the same (never half-read).
    let numbering_xml = read_part(&mut archive, "word/numbering.xml")?;
    let styles_xml = read_part(&mut archive, "word/styles.xml")?;
    let comments_xml = read_part(&mut archive, "word/comments.xml")?;
    let core_xml = read_part(&mut archive, "docProps/core.xml")?;
    let numbering = Numbering::read(numbering_xml.as_deref(), styles_xml.as_deref());
    let mut draft = read_document(document_xml, numbering)?;
    if let Some(xml) = comments_xml {
        attach_comments(&mut draft, &xml);
    }
    if let Some(xml) = core_xml {
        draft.facts.properties = read_properties(&xml);
    }
    Ok(draft)
}

/// One part of the package, decompressed; `None` when absent.
fn read_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>, DocxError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError(format!("{name} cannot be read: {e}"))),
    };
    if file.encrypted() {
        return Err(DocxError(format!(
            "{name} is encrypted: save the document without a password"
        )));
    }
    let mut bytes = Vec::with_capacity(file.size().min(MAX_PART_BYTES) as usize);
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxError(format!("{name} is damaged and cannot be decompressed ({e})")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError(format!("{name} is larger than {} MB", MAX_PART_BYTES >> 20)));
    }
    Ok(Some(bytes))
}

/// The value of the attribute with this local name (any namespace), unescaped.
fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .ok()
        })?
    })
}

/// The text of a predefined entity or character reference (`&amp;`, `&#8211;`).
fn entity(name: &[u8]) -> Option<char> {
    Some(match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        _ => {
            let name = std::str::from_utf8(name).ok()?;
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

/// Elements whose content is not part of the text a reader sees in the body.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"AlternateContent"
            | b"drawing"
            | b"pict"
            | b"object"
            | b"txbxContent"
            | b"instrText"
            | b"pPrChange"
            | b"rPrChange"
            | b"sectPr"
            | b"tblPr"
            | b"tblGrid"
            | b"sdtPr"
            | b"fldData"
    )
}

/// The state of the body walk.
struct Walker {
    text: String,
    paragraphs: Vec<ParagraphMap>,
    facts: WordFacts,
    numbering: Numbering,
    /// Table nesting depth.
    table_depth: usize,
    /// In the outermost table: cells started in this row, paragraphs in this cell.
    cells_in_row: usize,
    paragraphs_in_cell: usize,
    line_start: usize,
    line_runs: Vec<RunText>,
    /// Inside a paragraph: its properties so far, and whether its start was written.
    in_paragraph: bool,
    paragraph_started: bool,
    in_ppr: bool,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
    run_depth: usize,
    /// Open tracked changes (kind, author, start, text).
    changes: Vec<(ChangeKind, Option<String>, usize, String)>,
    /// Comment anchors: id → (start, end).
    comment_ranges: HashMap<String, (usize, Option<usize>)>,
}

impl Walker {
    fn hidden(&self) -> bool {
        self.changes
            .iter()
            .any(|(k, ..)| matches!(k, ChangeKind::Deletion | ChangeKind::MoveFrom))
    }

    /// Writes what comes before a paragraph's text: the cell separator and its number.
    /// A new paragraph: its numbering and style are not known until its properties are read.
    fn open_paragraph(&mut self) {
        self.in_paragraph = true;
        self.paragraph_started = false;
        self.num_id = None;
        self.ilvl = None;
        self.style = None;
    }

    fn start_paragraph_text(&mut self) {
        if !self.in_paragraph || self.paragraph_started {
            return;
        }
        self.paragraph_started = true;
        if self.table_depth > 0 {
            if self.paragraphs_in_cell > 0 {
                self.text.push(' ');
            } else if self.cells_in_row > 1 {
                self.text.push_str(" | ");
            }
            self.paragraphs_in_cell += 1;
        }
        let (mut num_id, mut ilvl) = (self.num_id.clone(), self.ilvl);
        if num_id.is_none() {
            if let Some(style) = &self.style {
                let (n, l) = self.numbering.style_numbering(style);
                num_id = n;
                ilvl = ilvl.or(l);
            }
        }
        if let Some(num_id) = num_id {
            if let Some(number) = self.numbering.next(&num_id, ilvl.unwrap_or(0)) {
                self.text.push_str(&number);
            }
        }
    }

    fn end_line(&mut self, table_row: bool) {
        let span = Span::new(self.line_start, self.text.len());
        self.paragraphs.push(ParagraphMap {
            span,
            table_row,
            runs: std::mem::take(&mut self.line_runs),
        });
        self.text.push('\n');
        self.line_start = self.text.len();
    }

    fn change_kind(local: &[u8]) -> Option<ChangeKind> {
        match local {
            b"ins" => Some(ChangeKind::Insertion),
            b"del" => Some(ChangeKind::Deletion),
            b"moveFrom" => Some(ChangeKind::MoveFrom),
            b"moveTo" => Some(ChangeKind::MoveTo),
            _ => None,
        }
    }
}

fn read_document(document_xml: Vec<u8>, numbering: Numbering) -> Result<WordDraft, DocxError> {
    let mut w = Walker {
        text: String::with_capacity(document_xml.len() / 4),
        paragraphs: Vec::new(),
        facts: WordFacts::default(),
        numbering,
        table_depth: 0,
        cells_in_row: 0,
        paragraphs_in_cell: 0,
        line_start: 0,
        line_runs: Vec::new(),
        in_paragraph: false,
        paragraph_started: false,
        in_ppr: false,
        num_id: None,
        ilvl: None,
        style: None,
        run_depth: 0,
        changes: Vec::new(),
        comment_ranges: HashMap::new(),
    };
    let damaged =
        |e: &dyn std::fmt::Display, at: u64| DocxError(format!("{DOCUMENT_PART} is damaged: {e} (at byte {at})"));
    let mut reader = Reader::from_reader(document_xml.as_slice());
    let mut skip_depth = 0usize;
    // Inside a `w:t` (or `w:delText`): where its content starts in the XML and the text.
    let mut text_element: Option<(usize, usize, bool, bool)> = None; // (xml start, text start, preserve, editable)
    let mut in_del_text = false;
    loop {
        let before = reader.buffer_position();
        let event = reader.read_event().map_err(|e| damaged(&e, reader.error_position()))?;
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                Event::Eof => return Err(damaged(&"the document ends inside an element", before)),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if skipped(local) {
                    skip_depth = 1;
                    continue;
                }
                match local {
                    b"p" => {
                        w.open_paragraph();
                    }
                    b"pPr" => w.in_ppr = true,
                    b"tbl" => {
                        w.table_depth += 1;
                    }
                    b"tr" if w.table_depth == 1 => w.cells_in_row = 0,
                    b"tc" if w.table_depth == 1 => {
                        w.cells_in_row += 1;
                        w.paragraphs_in_cell = 0;
                    }
                    b"r" => {
                        w.start_paragraph_text();
                        w.run_depth += 1;
                    }
                    b"t" if w.run_depth > 0 => {
                        w.start_paragraph_text();
                        let preserve = attr(&e, b"space").as_deref() == Some("preserve");
                        text_element = Some((reader.buffer_position() as usize, w.text.len(), preserve, true));
                    }
                    b"delText" => in_del_text = true,
                    _ => {
                        if let Some(kind) = Walker::change_kind(local) {
                            if w.in_paragraph {
                                w.start_paragraph_text();
                            }
                            let start = w.text.len();
                            w.changes.push((kind, attr(&e, b"author"), start, String::new()));
                        } else if w.in_paragraph && !w.in_ppr {
                            w.start_paragraph_text();
                        }
                    }
                }
            }
            Event::Empty(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if let Some(kind) = Walker::change_kind(local) {
                    // A paragraph mark or table row inserted or deleted.
                    let at = w.text.len();
                    w.facts.tracked_changes.push(TrackedChange {
                        kind,
                        author: attr(&e, b"author"),
                        span: Span::empty(at),
                        text: String::new(),
                    });
                    continue;
                }
                if w.in_ppr {
                    match local {
                        b"pStyle" => w.style = attr(&e, b"val"),
                        b"numId" => w.num_id = attr(&e, b"val"),
                        b"ilvl" => w.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok()),
                        _ => {}
                    }
                    continue;
                }
                match local {
                    b"p" => {
                        // An empty paragraph.
                        w.open_paragraph();
                        w.start_paragraph_text();
                        w.in_paragraph = false;
                        if w.table_depth == 0 {
                            w.end_line(false);
                        }
                    }
                    b"tab" | b"br" | b"cr" | b"noBreakHyphen" | b"ptab" if w.run_depth > 0 => {
                        w.start_paragraph_text();
                        let c = match local {
                            b"tab" | b"ptab" => '\t',
                            b"noBreakHyphen" => '-',
                            _ => ' ',
                        };
                        if w.hidden() {
                            if let Some(change) = w.changes.last_mut() {
                                change.3.push(c);
                            }
                        } else {
                            w.text.push(c);
                        }
                    }
                    b"commentRangeStart" => {
                        if let Some(id) = attr(&e, b"id") {
                            w.comment_ranges.insert(id, (w.text.len(), None));
                        }
                    }
                    b"commentRangeEnd" => {
                        if let Some(id) = attr(&e, b"id") {
                            let end = w.text.len();
                            w.comment_ranges.entry(id).or_insert((end, None)).1 = Some(end);
                        }
                    }
                    b"commentReference" => {
                        if let Some(id) = attr(&e, b"id") {
                            let at = w.text.len();
                            w.comment_ranges.entry(id).or_insert((at, Some(at)));
                        }
                    }
                    b"tc" if w.table_depth == 1 => {
                        w.cells_in_row += 1;
                        w.paragraphs_in_cell = 0;
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some(element) = text_element.as_mut() {
                    let decoded = t.decode().map_err(|e| damaged(&e, before))?;
                    let mut s = decoded.into_owned();
                    if s.contains(['\n', '\r', '\t']) {
                        s = s.replace(['\n', '\r', '\t'], " ");
                        element.3 = false;
                    }
                    if w.hidden() {
                        if let Some(change) = w.changes.last_mut() {
                            change.3.push_str(&s);
                        }
                    } else {
                        w.text.push_str(&s);
                    }
                } else if in_del_text {
                    let decoded = t.decode().map_err(|e| damaged(&e, before))?;
                    if let Some(change) = w.changes.last_mut() {
                        change.3.push_str(&decoded);
                    }
                }
            }
            Event::GeneralRef(r) if text_element.is_some() || in_del_text => {
                let Some(c) = entity(r.as_ref()) else {
                    return Err(damaged(&"an unknown entity in the text", before));
                };
                let c = if matches!(c, '\n' | '\r' | '\t') {
                    if let Some(element) = text_element.as_mut() {
                        element.3 = false;
                    }
                    ' '
                } else {
                    c
                };
                if in_del_text || w.hidden() {
                    if let Some(change) = w.changes.last_mut() {
                        change.3.push(c);
                    }
                } else {
                    w.text.push(c);
                }
            }
            Event::CData(c) if text_element.is_some() && !w.hidden() => {
                w.text.push_str(&String::from_utf8_lossy(&c));
                if let Some(element) = text_element.as_mut() {
                    element.3 = false;
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                match local {
                    b"t" if text_element.is_some() => {
                        let (xml_start, text_start, preserve, editable) = text_element.take().unwrap_or_default();
                        if !w.hidden() {
                            w.line_runs.push(RunText {
                                span: Span::new(text_start, w.text.len()),
                                xml: xml_start..before as usize,
                                preserve,
                                editable,
                            });
                        }
                    }
                    b"delText" => in_del_text = false,
                    b"pPr" => {
                        w.in_ppr = false;
                    }
                    b"r" => w.run_depth = w.run_depth.saturating_sub(1),
                    b"p" if w.in_paragraph => {
                        w.start_paragraph_text();
                        w.in_paragraph = false;
                        w.in_ppr = false;
                        w.run_depth = 0;
                        if w.table_depth == 0 {
                            w.end_line(false);
                        }
                    }
                    b"tr" if w.table_depth == 1 => w.end_line(true),
                    b"tbl" => w.table_depth = w.table_depth.saturating_sub(1),
                    _ => {
                        if Walker::change_kind(local).is_some() {
                            if let Some((kind, author, start, text)) = w.changes.pop() {
                                let span = match kind {
                                    ChangeKind::Insertion | ChangeKind::MoveTo => Span::new(start, w.text.len()),
                                    _ => Span::empty(start),
                                };
                                w.facts.tracked_changes.push(TrackedChange {
                                    kind,
                                    author,
                                    span,
                                    text,
                                });
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Anchors of comments; their text is attached from comments.xml.
    let mut anchors: Vec<(String, Span)> = w
        .comment_ranges
        .into_iter()
        .map(|(id, (start, end))| (id, Span::new(start, end.unwrap_or(start).max(start))))
        .collect();
    anchors.sort_by_key(|(_, s)| (s.start, s.end));
    w.facts.comments = anchors
        .into_iter()
        .map(|(id, span)| ReviewComment {
            author: None,
            text: id,
            span,
        })
        .collect();
    w.facts.tracked_changes.sort_by_key(|c| (c.span.start, c.span.end));
    // The last line ends without a newline, as a text file's may.
    if w.text.ends_with('\n') {
        w.text.pop();
    }
    Ok(WordDraft {
        text: w.text,
        paragraphs: w.paragraphs,
        facts: w.facts,
        document_xml,
    })
}

/// Fills in the comments' authors and text from `word/comments.xml` (their anchors' ids were
/// kept in `text` until now). Comments with no anchor in the body are kept at the start.
fn attach_comments(draft: &mut WordDraft, xml: &[u8]) {
    let mut reader = Reader::from_reader(xml);
    let mut found: Vec<(String, Option<String>, String)> = Vec::new();
    let mut current: Option<(String, Option<String>, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"comment" => {
                    current = Some((attr(&e, b"id").unwrap_or_default(), attr(&e, b"author"), String::new()));
                }
                b"t" => in_text = true,
                b"p" => {
                    if let Some((_, _, text)) = current.as_mut() {
                        if !text.is_empty() && !text.ends_with(' ') {
                            text.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let (Some((_, _, text)), Ok(s)) = (current.as_mut(), t.decode()) {
                    text.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let (Some((_, _, text)), Some(c)) = (current.as_mut(), entity(r.as_ref())) {
                    text.push(c);
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"comment" => found.extend(current.take()),
                _ => {}
            },
            _ => {}
        }
    }
    let mut anchored: HashMap<String, Span> = draft.facts.comments.drain(..).map(|c| (c.text, c.span)).collect();
    for (id, author, text) in found {
        let span = anchored.remove(&id).unwrap_or(Span::empty(0));
        draft.facts.comments.push(ReviewComment {
            author,
            text: text.trim().to_string(),
            span,
        });
    }
    draft.facts.comments.sort_by_key(|c| (c.span.start, c.span.end));
}

/// The core properties: title, subject, author and who saved it last.
fn read_properties(xml: &[u8]) -> DocumentProperties {
    let mut reader = Reader::from_reader(xml);
    let mut properties = DocumentProperties::default();
    let mut current: Option<Vec<u8>> = None;
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => {
                current = Some(e.local_name().as_ref().to_vec());
                value.clear();
            }
            Ok(Event::Text(t)) if current.is_some() => {
                if let Ok(s) = t.decode() {
                    value.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) if current.is_some() => {
                if let Some(c) = entity(r.as_ref()) {
                    value.push(c);
                }
            }
            Ok(Event::End(_)) => {
                let v = value.trim();
                let v = (!v.is_empty()).then(|| v.to_string());
                match current.take().as_deref() {
                    Some(b"title") => properties.title = v,
                    Some(b"subject") => properties.subject = v,
                    Some(b"creator") => properties.author = v,
                    Some(b"lastModifiedBy") => properties.last_modified_by = v,
                    _ => {}
                }
                value.clear();
            }
            _ => {}
        }
    }
    properties
}

#[cfg(test)]
pub(crate) mod tests;
