//! Structural invariants of the core's output, shared by the property tests, the hostile-input
//! tests, the regression tests and the fuzz targets (which include this file with `#[path]`), so
//! that all of them check the same thing. Each function returns a description of the first
//! violation, or `Ok`.

#![allow(dead_code)]

use minutes_lint::core::diagnostic::{Applicability, Diagnostic, Edit};
use minutes_lint::core::fix::{apply_edits, choose_fixes, fix_all, MAX_PASSES};
use minutes_lint::core::model::Minutes;
use minutes_lint::{lint, Config, Span};

/// Decodes a fuzz input: the first byte chooses how (odd: lossy UTF-8, so invalid input still
/// reaches the parser the way the CLI's lossy paths and editors would deliver it; even: only
/// valid UTF-8, rejecting the rest) and which file name the text is linted under.
pub fn decode_fuzz_input(data: &[u8]) -> Option<(String, Option<&'static str>)> {
    let (&flags, rest) = data.split_first()?;
    let text = if flags & 1 == 1 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        std::str::from_utf8(rest).ok()?.to_string()
    };
    let path = match (flags >> 1) % 3 {
        0 => None,
        1 => Some("draft.minutes"),
        _ => Some("draft.minutes.md"),
    };
    Some((text, path))
}

/// What the `lint` fuzz target checks: with the default config, the model's spans nest and fall
/// on character boundaries, and so does every diagnostic's span, related span and fix edit.
pub fn check_linting(text: &str, path: Option<&str>) -> Result<(), String> {
    let linted = lint(text, &Config::default(), path);
    check_model(text, &linted.minutes).map_err(|e| format!("model invariant: {e}"))?;
    check_diagnostics(text, &linted.diagnostics).map_err(|e| format!("diagnostic invariant: {e}"))
}

/// What the `fix` fuzz target checks, applying safe fixes pass by pass as
/// `fix_all(include_unsafe = false)` does: the chosen edits are valid and disjoint; applying them
/// changes nothing outside them (checked against [`reference_apply`]); a fixed finding is not
/// reported again at the same place or inside the text its fix wrote; no acronym becomes
/// undefined; fixing converges within `MAX_PASSES`; the loop agrees with `fix_all`; and a second
/// `fix_all` changes nothing. Unsafe fixing must leave valid spans.
pub fn check_safe_fixing(text: &str, path: Option<&str>) -> Result<(), String> {
    let config = Config::default();
    let mut current = text.to_string();
    let mut passes = 0;
    loop {
        let linted = lint(&current, &config, path);
        check_diagnostics(&current, &linted.diagnostics).map_err(|e| format!("pass {passes}: {e}"))?;
        let (edits, _rules) = choose_fixes(&linted.diagnostics, false);
        if edits.is_empty() {
            break;
        }
        passes += 1;
        if passes > MAX_PASSES {
            return Err(format!("safe fixes still apply after {MAX_PASSES} passes: {edits:?}"));
        }
        check_edits(&current, &edits, "chosen").map_err(|e| format!("pass {passes}: {e}"))?;
        let fixed = apply_edits(&current, &edits);
        if fixed != reference_apply(&current, &edits) {
            return Err(format!("pass {passes}: apply_edits changed text outside its edits"));
        }
        if fixed == current {
            return Err(format!(
                "pass {passes}: safe fixes that change nothing would loop: {edits:?}"
            ));
        }
        let relinted = lint(&fixed, &config, path);
        if let Some((d, title, again)) = reported_again(&linted.diagnostics, &edits, &relinted.diagnostics) {
            return Err(format!(
                "pass {passes}: {} fixed by {title:?} is reported again: {again:?}",
                d.rule
            ));
        }
        if let Some(undone) = undone_definition(&linted.diagnostics, &relinted.diagnostics) {
            return Err(format!("pass {passes}: safe fixes undid a definition: {undone:?}"));
        }
        current = fixed;
    }
    let outcome = fix_all(text, &config, path, false);
    if outcome.text != current {
        return Err("fix_all disagrees with applying the chosen fixes pass by pass".into());
    }
    let again = fix_all(&outcome.text, &config, path, false);
    if again.total_applied() != 0 || again.text != outcome.text {
        return Err(format!("a second fix_all applied {:?}", again.applied));
    }
    let risky = fix_all(text, &config, path, true);
    check_diagnostics(&risky.text, &risky.remaining).map_err(|e| format!("after unsafe fixes: {e}"))
}

/// A finding whose safe fix was among `edits` and that `after` (the findings once they were
/// applied) reports again, at the same place or inside the text the fix wrote, with the fix's
/// title and the finding again.
fn reported_again<'d>(
    before: &'d [Diagnostic],
    edits: &[Edit],
    after: &'d [Diagnostic],
) -> Option<(&'d Diagnostic, &'d str, &'d Diagnostic)> {
    before.iter().find_map(|d| {
        let fix = d.fixes.iter().find(|f| f.applicability == Applicability::Safe)?;
        if fix.edits.is_empty() || !fix.edits.iter().all(|e| edits.contains(e)) {
            return None;
        }
        let starts = [
            map_offset(edits, d.span.start, false),
            map_offset(edits, d.span.start, true),
        ];
        let ends = [
            map_offset(edits, d.span.end, false),
            map_offset(edits, d.span.end, true),
        ];
        let written: Vec<Span> = fix
            .edits
            .iter()
            .map(|e| {
                let start = map_offset(edits, e.span.start, false);
                Span::new(start, start + e.new_text.len())
            })
            .collect();
        let again = after.iter().find(|n| {
            n.rule == d.rule
                && n.message == d.message
                && ((starts.contains(&n.span.start) && ends.contains(&n.span.end))
                    || written.iter().any(|w| w.covers(n.span)))
        })?;
        Some((d, fix.title.as_str(), again))
    })
}

/// An acronym that `after` (the findings once safe fixes were applied) reports as never spelled
/// out when `before` did not: a fix wrote over its definition ("Group (CG) (CCG)"). Findings are
/// matched by the acronym they name, as the rest of the message may change with the fixes (a
/// long form written by one fix lets another acronym's finding point to it).
fn undone_definition<'d>(before: &[Diagnostic], after: &'d [Diagnostic]) -> Option<&'d Diagnostic> {
    const RULE: &str = "undefined-acronym";
    let named = |d: &Diagnostic| d.message.split('`').nth(1).map(str::to_string);
    let reported: Vec<String> = before.iter().filter(|d| d.rule == RULE).filter_map(named).collect();
    after
        .iter()
        .filter(|n| n.rule == RULE)
        .find(|n| named(n).is_some_and(|name| !reported.contains(&name)))
}

/// Where `offset` lands after `edits`; `after_inserts` says whether an insertion exactly at
/// `offset` goes before it. An offset inside a replaced range maps to the replacement's start.
fn map_offset(edits: &[Edit], offset: usize, after_inserts: bool) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        let shift = e.new_text.len() as isize - e.span.len() as isize;
        if e.span.end < offset || (e.span.end == offset && (!e.span.is_empty() || after_inserts)) {
            delta += shift;
        } else if e.span.start < offset && offset < e.span.end {
            return (e.span.start as isize + delta) as usize;
        } else {
            break;
        }
    }
    (offset as isize + delta) as usize
}

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
