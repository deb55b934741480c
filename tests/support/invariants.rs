//! Structural invariants of the core's output, shared by the property tests, the hostile-input
//! tests and the fuzz targets (which include this file with `#[path]`), so that all three check
//! the same thing. Each function returns a description of the first violation, or `Ok`.

#![allow(dead_code)]

use minutes_lint::core::diagnostic::{Diagnostic, Edit};
use minutes_lint::core::model::Minutes;
use minutes_lint::Span;

/// A span that starts before it ends, fits the text and falls on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end {
        return Err(format!("{what}: start {} after end {}", span.start, span.end));
    }
    if span.end > text.len() {
        return Err(format!("{what}: end {} past the text's {} bytes", span.end, text.len()));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what}: {}..{} splits a character", span.start, span.end));
    }
    Ok(())
}

fn within(outer: Span, inner: Span, what: &str) -> Result<(), String> {
    if outer.covers(inner) {
        Ok(())
    } else {
        Err(format!("{what}: {inner:?} is not within {outer:?}"))
    }
}

/// Every node of the model lies in the text, on character boundaries, nested and in order.
pub fn check_model(text: &str, minutes: &Minutes) -> Result<(), String> {
    let whole = Span::new(0, text.len());
    if minutes.content_start > text.len() || !text.is_char_boundary(minutes.content_start) {
        return Err(format!("content_start {} is not a boundary", minutes.content_start));
    }
    let mut previous_end = 0usize;
    for (i, block) in minutes.blocks.iter().enumerate() {
        check_span(text, block.span, &format!("block {i}"))?;
        check_span(text, block.content, &format!("block {i} content"))?;
        within(block.span, block.content, &format!("block {i} content"))?;
        if block.span.start < previous_end {
            return Err(format!(
                "block {i} {:?} starts before block {} ends at {previous_end}",
                block.span,
                i - 1
            ));
        }
        if block.span.start < minutes.content_start {
            return Err(format!("block {i} starts inside the byte-order mark"));
        }
        if let Some(item) = block.item {
            if item >= minutes.items.len() {
                return Err(format!("block {i} names item {item} of {}", minutes.items.len()));
            }
        }
        previous_end = block.span.end;
    }
    let mut previous_item_end = 0usize;
    for (i, item) in minutes.items.iter().enumerate() {
        let what = format!("item {i}");
        check_span(text, item.span, &what)?;
        within(whole, item.span, &what)?;
        if item.span.start < previous_item_end {
            return Err(format!(
                "{what} {:?} starts before the previous item ends at {previous_item_end}",
                item.span
            ));
        }
        previous_item_end = item.span.end;
        check_span(text, item.title, &format!("{what} title"))?;
        if let Some(number) = &item.number {
            check_span(text, number.span, &format!("{what} number"))?;
            within(item.span, number.span, &format!("{what} number"))?;
        }
        if let Some(r) = item.agenda_ref {
            check_span(text, r, &format!("{what} agenda ref"))?;
        }
        if let Some(m) = item.minutes_marker {
            check_span(text, m, &format!("{what} minutes marker"))?;
        }
        if item.blocks.start > item.blocks.end || item.blocks.end > minutes.blocks.len() {
            return Err(format!("{what} blocks {:?} of {}", item.blocks, minutes.blocks.len()));
        }
        for b in item.blocks.clone() {
            let block = &minutes.blocks[b];
            within(item.span, block.span, &format!("{what} block {b}"))?;
            if block.item != Some(i) && block.item.is_some() {
                return Err(format!(
                    "{what} holds block {b} which says it belongs to item {:?}",
                    block.item
                ));
            }
        }
        for (d, decision) in item.decisions.iter().enumerate() {
            check_span(text, decision.marker, &format!("{what} decision {d} marker"))?;
            within(item.span, decision.marker, &format!("{what} decision {d} marker"))?;
            if let Some(body) = decision.body {
                check_span(text, body, &format!("{what} decision {d} body"))?;
                within(item.span, body, &format!("{what} decision {d} body"))?;
            }
        }
    }
    for (s, section) in minutes.attendance.iter().enumerate() {
        let what = format!("attendance section {s}");
        check_span(text, section.span, &what)?;
        check_span(text, section.heading, &format!("{what} heading"))?;
        for (p, person) in section.people.iter().enumerate() {
            let who = format!("{what} person {p}");
            check_span(text, person.span, &who)?;
            within(section.span, person.span, &who)?;
            check_span(text, person.surname, &format!("{who} surname"))?;
            check_span(text, person.group, &format!("{who} group"))?;
            for (name, part) in [("title", person.title), ("given", person.given), ("role", person.role)] {
                if let Some(part) = part {
                    check_span(text, part, &format!("{who} {name}"))?;
                }
            }
        }
    }
    for (header, span) in [
        ("title", minutes.header.title),
        ("meeting line", minutes.header.meeting_line),
        ("venue", minutes.header.venue),
    ] {
        if let Some(span) = span {
            check_span(text, span, &format!("header {header}"))?;
        }
    }
    for (i, entry) in minutes.glossary.iter().enumerate() {
        check_span(text, entry.acronym, &format!("glossary {i} acronym"))?;
        check_span(text, entry.long_form, &format!("glossary {i} long form"))?;
    }
    for (i, residue) in minutes.residue.iter().enumerate() {
        check_span(text, residue.span, &format!("residue {i}"))?;
        check_span(text, residue.removal, &format!("residue {i} removal"))?;
    }
    for (i, date) in minutes.dates.iter().enumerate() {
        check_span(text, date.span, &format!("date {i}"))?;
    }
    for (i, span) in minutes.opaque.iter().enumerate() {
        check_span(text, *span, &format!("opaque {i}"))?;
    }
    Ok(())
}

/// Edits sorted by start, each on boundaries inside the text, none overlapping another, and no
/// two insertions at one place (their order would be unknown).
pub fn check_edits(text: &str, edits: &[Edit], what: &str) -> Result<(), String> {
    let mut previous: Option<Span> = None;
    for (i, edit) in edits.iter().enumerate() {
        check_span(text, edit.span, &format!("{what} edit {i}"))?;
        if let Some(p) = previous {
            if edit.span.start < p.end || (p.is_empty() && edit.span.is_empty() && p.start == edit.span.start) {
                return Err(format!(
                    "{what} edit {i} {:?} overlaps or is not after {p:?}",
                    edit.span
                ));
            }
        }
        previous = Some(edit.span);
    }
    Ok(())
}

/// Every diagnostic's span, related spans and fix edits lie on boundaries inside the text, and
/// the edits of one fix do not overlap.
pub fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) -> Result<(), String> {
    for (i, d) in diagnostics.iter().enumerate() {
        let what = format!("diagnostic {i} ({} {:?})", d.rule, d.message);
        check_span(text, d.span, &what)?;
        for (r, related) in d.related.iter().enumerate() {
            check_span(text, related.span, &format!("{what} related {r}"))?;
        }
        for (f, fix) in d.fixes.iter().enumerate() {
            check_edits(text, &fix.edits, &format!("{what} fix {f} {:?}", fix.title))?;
        }
    }
    Ok(())
}

/// A straightforward reference for applying sorted, non-overlapping edits.
pub fn reference_apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::new();
    let mut cursor = 0;
    for edit in edits {
        out += &text[cursor..edit.span.start];
        out += &edit.new_text;
        cursor = edit.span.end;
    }
    out += &text[cursor..];
    out
}
