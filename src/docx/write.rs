//! `--fix` on a Word draft: apply the safe fixes whose every edit lies inside the text of one
//! run (`w:t`), rewriting only that element's text; every other part of the package and every
//! other byte of `word/document.xml` is kept as it was.

use super::{read_docx, DocxError, WordDraft, DOCUMENT_PART};
use crate::core::diagnostic::{Applicability, Diagnostic, Edit};
use std::io::{Cursor, Write};

/// What fixing a Word draft did.
#[derive(Debug, Default)]
pub struct WordFixOutcome {
    /// The new package (the original bytes when nothing was applied).
    pub bytes: Vec<u8>,
    /// True when `bytes` differs from the original.
    pub changed: bool,
    /// Fixes applied, per rule.
    pub applied: Vec<(&'static str, usize)>,
    /// Findings with a fix that could not be written into Word (an edit across runs, in an
    /// automatic number, or beyond one paragraph).
    pub not_fixable: Vec<Diagnostic>,
}

/// Applies the fixes of `diagnostics` (found on `draft.text`) to the package `original`.
/// The result is read back before it is returned: a package this reader cannot read again is
/// never handed out.
pub fn apply_fixes(
    original: &[u8],
    draft: &WordDraft,
    diagnostics: &[Diagnostic],
    include_unsafe: bool,
) -> Result<WordFixOutcome, DocxError> {
    let runs: Vec<&super::RunText> = draft.paragraphs.iter().flat_map(|p| &p.runs).collect();
    // The run holding an edit wholly, by binary search on the runs' starts.
    let run_of = |edit: &Edit| -> Option<usize> {
        let i = runs.partition_point(|r| r.span.start <= edit.span.start);
        // An insertion at a run boundary may belong to the run before or after: take the one
        // before unless it starts there.
        (i.saturating_sub(2)..i.min(runs.len()))
            .rev()
            .find(|&k| runs[k].span.start <= edit.span.start && edit.span.end <= runs[k].span.end)
    };
    let mut outcome = WordFixOutcome::default();
    // Edits chosen so far, per run: (run index, edit).
    let mut chosen: Vec<(usize, Edit)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for diagnostic in diagnostics {
        let Some(fix) = diagnostic
            .fixes
            .iter()
            .find(|f| !f.edits.is_empty() && (f.applicability == Applicability::Safe || include_unsafe))
        else {
            continue;
        };
        let placed: Option<Vec<(usize, Edit)>> = fix
            .edits
            .iter()
            .map(|e| {
                let k = run_of(e)?;
                let run = runs[k];
                if !run.editable || e.new_text.contains(['\n', '\r', '\t']) {
                    return None;
                }
                // Without xml:space="preserve", Word drops spaces at the ends of the element.
                if !run.preserve {
                    let mut s = draft.text[run.span.start..e.span.start].to_string();
                    s.push_str(&e.new_text);
                    s.push_str(&draft.text[e.span.end..run.span.end]);
                    if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
                        return None;
                    }
                }
                Some((k, e.clone()))
            })
            .collect();
        let Some(placed) = placed else {
            outcome.not_fixable.push(diagnostic.clone());
            continue;
        };
        // Another fix already edits here: left for a later run of --fix, as for text.
        let overlaps = placed.iter().any(|(_, e)| {
            taken
                .iter()
                .any(|&(s, end)| e.span.start < end && s < e.span.end || (s == e.span.start && end == e.span.end))
        });
        if overlaps {
            continue;
        }
        taken.extend(placed.iter().map(|(_, e)| (e.span.start, e.span.end)));
        chosen.extend(placed);
        match outcome.applied.iter_mut().find(|(r, _)| *r == diagnostic.rule) {
            Some((_, n)) => *n += 1,
            None => outcome.applied.push((diagnostic.rule, 1)),
        }
    }
    if chosen.is_empty() {
        outcome.bytes = original.to_vec();
        return Ok(outcome);
    }
    chosen.sort_by_key(|(k, e)| (*k, e.span.start, e.span.end));

    // The new document.xml: each touched run's content replaced, everything else copied.
    let xml = &draft.document_xml;
    let mut new_xml = Vec::with_capacity(xml.len() + 256);
    let mut cursor = 0;
    let mut i = 0;
    while i < chosen.len() {
        let k = chosen[i].0;
        let run = runs[k];
        let mut text = String::new();
        let mut at = run.span.start;
        while i < chosen.len() && chosen[i].0 == k {
            let edit = &chosen[i].1;
            text.push_str(&draft.text[at..edit.span.start]);
            text.push_str(&edit.new_text);
            at = edit.span.end;
            i += 1;
        }
        text.push_str(&draft.text[at..run.span.end]);
        new_xml.extend_from_slice(&xml[cursor..run.xml.start]);
        new_xml.extend_from_slice(quick_xml::escape::partial_escape(text.as_str()).as_bytes());
        cursor = run.xml.end;
    }
    new_xml.extend_from_slice(&xml[cursor..]);

    outcome.bytes = repackage(original, &new_xml)?;
    outcome.changed = true;
    // Never hand out a package that does not read back.
    read_docx(&outcome.bytes).map_err(|e| DocxError(format!("the fixed document would not read back ({e})")))?;
    Ok(outcome)
}

/// The package with `word/document.xml` replaced; every other entry copied as stored.
fn repackage(original: &[u8], document_xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    let fail = |e: zip::result::ZipError| DocxError(format!("cannot rebuild the .docx: {e}"));
    let mut archive = zip::ZipArchive::new(Cursor::new(original)).map_err(fail)?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(original.len() + 1024)));
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(fail)?;
        if file.name() == DOCUMENT_PART {
            let mut options =
                zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            if let Some(time) = file.last_modified() {
                options = options.last_modified_time(time);
            }
            drop(file);
            writer.start_file(DOCUMENT_PART, options).map_err(fail)?;
            writer
                .write_all(document_xml)
                .map_err(|e| DocxError(format!("cannot rebuild the .docx: {e}")))?;
        } else {
            writer.raw_copy_file(file).map_err(fail)?;
        }
    }
    let done = writer.finish().map_err(fail)?;
    Ok(done.into_inner())
}
