//! Item numbers with gaps, duplicates, disorder or mixed schemes.
//!
//! Minute numbers are how later papers cite a decision ("Minute 21/49 refers"), so a skipped,
//! repeated or backwards number, or an item numbered in another scheme, breaks the record. The
//! scheme is read from the document itself: the shape of its numbers (`21/47`, `CYP/OSG/17/12`,
//! `12.`, `EX/23/004`, `Item 4`) and which of their numbers counts the items. That counter is the
//! part that changes from item to item ("21/47, 21/48" counts with the second number; "77/21,
//! 78/21" with the first); when nothing changes, the last number. Where the minutes start does
//! not matter (running numbers through the year are normal), and lettered sub-items ("Item 4a")
//! are left alone. When items are out of order, the ones reported are those outside the longest
//! rising run of numbers ("5, 1, 2, 3, 4" reports 5 only), and a gap is only reported for
//! numbers that appear nowhere. Drafts of a single item and items without numbers are not
//! checked.
//!
//! Only plain slips are reported. The fixed parts of a number compare by value ("16.3.#" is
//! "16.03.#"); one number in the main shape whose fixed part differs, standing where the next
//! item belongs ("19.01.4" among "19.03.#"), is a slip in that part. A number in another shape
//! is reported as a second scheme only when that scheme numbers two items or more (one stray
//! number is more likely a reference or a figure). An item whose minute says it was brought
//! forward or taken out of turn is not out of order; a jump of more than twenty numbers is no
//! slip of the pen; and when more than half the items would be reported, the numbers are not
//! one scheme as read (automatic "1." numbering, two meetings in one file) and nothing is said.
//! Sub-paragraphs ("5.1" under 5), numbered lists inside an item, counts ("5 For, 2 Against"),
//! page numbers and table rows are not items (the reader leaves them in their item).
//!
//! ## Example
//!
//! ```text
//! 21/47 Declarations of Interest
//! 21/48 Minutes of the Previous Meeting
//! 21/50 Budget Update
//! ```
//!
//! "21/50 follows 21/48: 21/49 is missing."
//!
//! ## Fix
//!
//! Unsafe: renumber every item in order from the first item of the document's main scheme
//! (keeping its zero padding), and update references in the text to the renamed numbers
//! ("item 21/49", "Minute 21/49", the `48` of "Minute 48(6) refers"), all at once so that
//! swapped numbers are swapped correctly. References to a number used by two items are left
//! alone, since it is unclear which item they mean. It is unsafe because other documents (agendas,
//! later minutes, reports) may cite the old numbers. Every finding offers the same fix.

use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::{Item, ItemNumber, NumberPart, Shape};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Above this many edits in total, only the first findings carry the whole-document fix, so
/// that a long draft full of findings does not copy a huge fix into every one.
const FIX_COPY_BUDGET: usize = 300;

/// The most numbers a gap may skip and still be reported as a slip.
const MAX_GAP: u64 = 20;

/// A numbered item as this rule sees it.
struct Entry<'a> {
    item: &'a Item,
    number: &'a ItemNumber,
    /// Index into the number's numeric parts of the counter.
    counter: usize,
    /// "21/#": the number with its counter replaced, naming the scheme.
    key: String,
    /// A lettered sub-item of the main scheme ("Item 4a").
    lettered: bool,
}

impl Entry<'_> {
    fn value(&self) -> u64 {
        counter_part(self.number, self.counter).map_or(0, |(v, _, _)| v)
    }
}

pub(crate) const RULE: Rule = Rule {
    name: "item-number-sequence",
    default_severity: Severity::Warning,
    group: Group::Structure,
    source: include_str!("item_number_sequence.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    if minutes.shape == Shape::SingleItem {
        return;
    }
    let numbered: Vec<(&Item, &ItemNumber)> = minutes
        .items
        .iter()
        .filter_map(|i| i.number.as_ref().map(|n| (i, n)))
        .collect();
    if numbered.len() < 2 {
        return;
    }
    let text = ctx.text;
    let shapes: Vec<String> = numbered.iter().map(|(_, n)| n.shape()).collect();
    let Some(main_shape) = most_common(shapes.iter().map(String::as_str)) else {
        return;
    };
    let counter = counter_position(
        numbered
            .iter()
            .zip(&shapes)
            .filter(|(_, s)| *s == main_shape)
            .map(|((_, n), _)| *n),
    );
    let entries: Vec<Entry> = numbered
        .iter()
        .zip(&shapes)
        .map(|((item, number), shape)| {
            let lettered = is_lettered(shape, main_shape);
            let position = if shape == main_shape || lettered {
                counter
            } else {
                count_numbers(number).saturating_sub(1)
            };
            Entry {
                item,
                number,
                counter: position,
                key: scheme_key(text, number, position),
                lettered,
            }
        })
        .collect();
    let Some(main_key) =
        most_common(entries.iter().filter(|e| !e.lettered).map(|e| e.key.as_str())).map(str::to_string)
    else {
        return;
    };
    let findings = find_problems(ctx, &entries, &main_key);
    if findings.is_empty() {
        return;
    }
    let fix = renumbering(ctx, &entries, &main_key);
    let mut budget = FIX_COPY_BUDGET;
    for (index, mut diagnostic) in findings.into_iter().enumerate() {
        if let Some(fix) = &fix {
            if index == 0 || budget >= fix.edits.len() {
                budget = budget.saturating_sub(fix.edits.len());
                diagnostic = diagnostic.with_fix(fix.clone());
            }
        }
        out.push(diagnostic);
    }
}

fn find_problems(ctx: &Context, entries: &[Entry], main_key: &str) -> Vec<Diagnostic> {
    let text = ctx.text;
    let main_shape = entries
        .iter()
        .find(|e| !e.lettered && e.key == main_key)
        .map(|e| e.number.shape())
        .unwrap_or_default();
    let mut per_key: HashMap<&str, usize> = HashMap::new();
    for entry in entries.iter().filter(|e| !e.lettered) {
        *per_key.entry(entry.key.as_str()).or_default() += 1;
    }
    // A scheme whose items all come together, before or after the main scheme's, is a section
    // of its own (an annual meeting followed by an ordinary one), not a competing scheme.
    let mut separate: Vec<&str> = Vec::new();
    for key in per_key.keys().filter(|k| **k != main_key) {
        let places: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.lettered && e.key == *key)
            .map(|(i, _)| i)
            .collect();
        let (Some(&first), Some(&last)) = (places.first(), places.last()) else {
            continue;
        };
        let interleaved = entries[first..=last].iter().any(|e| !e.lettered && e.key == main_key);
        if places.len() >= 2 && !interleaved {
            separate.push(key);
        }
    }
    // A number in the main shape whose fixed part differs ("19.01.4" among "19.03.#"), at the
    // place its counter says: a slip in the main scheme, read as part of it.
    let mut slipped: Vec<bool> = Vec::with_capacity(entries.len());
    let mut last_main: Option<u64> = None;
    for entry in entries {
        let slip = !entry.lettered
            && entry.key != main_key
            && per_key.get(entry.key.as_str()) == Some(&1)
            && entry.number.shape() == main_shape
            && last_main.is_some_and(|v| entry.value() == v + 1);
        if !entry.lettered && (entry.key == main_key || slip) {
            last_main = Some(entry.value());
        }
        slipped.push(slip);
    }
    let main: Vec<&Entry> = entries
        .iter()
        .zip(&slipped)
        .filter(|(e, slip)| !e.lettered && (e.key == main_key || **slip))
        .map(|(e, _)| e)
        .collect();
    let mut present: Vec<u64> = main.iter().map(|e| e.value()).collect();
    present.sort_unstable();
    present.dedup();
    let example = main.first().map(|e| e.number.as_str(text)).unwrap_or("");
    let mut out = Vec::new();
    let mut seen: HashMap<u64, &Entry> = HashMap::new();
    // The main scheme's items with numbers not used before, in document order.
    let mut sequence: Vec<&Entry> = Vec::with_capacity(main.len());
    for (entry, slip) in entries.iter().zip(&slipped) {
        if entry.lettered {
            continue;
        }
        let written = entry.number.as_str(text);
        if *slip {
            out.push(Diagnostic::new(
                RULE.name,
                entry.number.span,
                format!("{written} breaks the numbering of the items around it (such as {example})"),
            ));
        } else if entry.key != main_key {
            // One stray number in another shape is more likely a reference, a page number or a
            // table cell than an item; only two schemes of items compete.
            if per_key.get(entry.key.as_str()).copied().unwrap_or(0) < 2 || separate.contains(&entry.key.as_str()) {
                continue;
            }
            out.push(Diagnostic::new(
                RULE.name,
                entry.number.span,
                format!("{written} is numbered in a different scheme from the other items (such as {example})"),
            ));
            continue;
        }
        let value = entry.value();
        if let Some(first) = seen.get(&value) {
            out.push(
                Diagnostic::new(
                    RULE.name,
                    entry.number.span,
                    format!("{written} is used twice: an earlier item has the same number"),
                )
                .with_related(
                    first.number.span,
                    format!("{} first used here", first.number.as_str(text)),
                ),
            );
            continue;
        }
        seen.insert(value, entry);
        sequence.push(entry);
    }
    // The longest run of rising numbers is the order the document means; every other item is
    // the one out of place (so "5, 1, 2, 3, 4" blames 5 alone).
    let values: Vec<u64> = sequence.iter().map(|e| e.value()).collect();
    let in_order = longest_rising(&values);
    let mut next_in_order: Vec<Option<usize>> = vec![None; sequence.len()];
    let mut following = None;
    for i in (0..sequence.len()).rev() {
        next_in_order[i] = following;
        if in_order[i] {
            following = Some(i);
        }
    }
    let mut previous: Option<&Entry> = None;
    for (i, entry) in sequence.iter().enumerate() {
        let written = entry.number.as_str(text);
        if in_order[i] {
            if let Some(before) = previous {
                let before_written = before.number.as_str(text);
                if let Some(message) = gap_message(text, entry, before.value(), &present) {
                    out.push(
                        Diagnostic::new(
                            RULE.name,
                            entry.number.span,
                            format!("{written} follows {before_written}: {message}"),
                        )
                        .with_related(before.number.span, format!("{before_written} is here")),
                    );
                }
            }
            previous = Some(entry);
            continue;
        }
        if taken_out_of_order(text, entry.item) {
            continue;
        }
        let after = next_in_order[i].and_then(|j| sequence.get(j));
        let place = match (previous, after) {
            (Some(p), Some(n)) => format!(
                "it comes between {} and {}",
                p.number.as_str(text),
                n.number.as_str(text)
            ),
            (Some(p), None) => format!("it comes after {}", p.number.as_str(text)),
            (None, Some(n)) => format!("it comes before {}", n.number.as_str(text)),
            (None, None) => "the items are not in order".to_string(),
        };
        let mut diagnostic = Diagnostic::new(
            RULE.name,
            entry.number.span,
            format!("{written} is out of order: {place}"),
        );
        if let Some(p) = previous {
            diagnostic = diagnostic.with_related(p.number.span, format!("{} is here", p.number.as_str(text)));
        }
        out.push(diagnostic);
    }
    if !one_run(&main.iter().map(|e| e.value()).collect::<Vec<_>>()) {
        return Vec::new();
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// Whether the numbers read are one run of items. They are not when most of them repeat one
/// value (automatic "1." numbering kept as text) or when the count starts again from 1 or 2 and
/// climbs ("1 … 8, 2, 3, 4 …": two meetings in one file, or a list read as items): then the
/// sequence says nothing about slips.
fn one_run(values: &[u64]) -> bool {
    let mut distinct = values.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if values.len() >= 3 && distinct.len() * 2 <= values.len() {
        return false;
    }
    let restarts = values
        .windows(4)
        .any(|w| w[1] <= 2 && w[0] > w[1] + 1 && w[2] == w[1] + 1 && w[3] == w[1] + 2);
    !restarts
}

/// An item whose minute says it was taken out of the agenda's order keeps its agenda number
/// ("Item 7 was brought forward"), so its place is no numbering slip.
fn taken_out_of_order(text: &str, item: &Item) -> bool {
    let end = crate::core::text::floor_char_boundary(text, item.span.end.min(item.span.start + 600));
    let said = text.get(item.span.start..end).unwrap_or("").to_lowercase();
    [
        "brought forward",
        "taken before",
        "taken after",
        "taken earlier",
        "taken out of order",
        "taken first",
    ]
    .iter()
    .any(|w| said.contains(w))
}

/// Marks a longest strictly rising subsequence of `values` (patience sorting, O(n log n)).
fn longest_rising(values: &[u64]) -> Vec<bool> {
    // tails[k]: index of the smallest last value of a rising run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; values.len()];
    for (i, value) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < *value);
        parent[i] = k.checked_sub(1).and_then(|p| tails.get(p).copied());
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut marked = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        marked[i] = true;
        at = parent[i];
    }
    marked
}

/// What is missing between the highest number so far and `entry`, counting only numbers that
/// appear nowhere in the document (a number that comes later is reported as out of order).
fn gap_message(text: &str, entry: &Entry, top: u64, present: &[u64]) -> Option<String> {
    let value = entry.value();
    let lowest_missing = top.checked_add(1)?;
    if value <= lowest_missing {
        return None;
    }
    let span_len = value - lowest_missing;
    // A jump of dozens of numbers is no slip of the pen: the counter is not the one read
    // ("AM119, AM219" counts in hundreds), or the numbers are not items.
    if span_len > MAX_GAP {
        return None;
    }
    let later = present.partition_point(|&v| v < value) - present.partition_point(|&v| v <= top);
    let missing = span_len.saturating_sub(later as u64);
    if missing == 0 {
        return None;
    }
    let name = |v: u64| render(text, entry.number, entry.counter, v, None);
    if later == 0 {
        return Some(if missing == 1 {
            format!("{} is missing", name(lowest_missing))
        } else {
            format!("{} to {} are missing", name(lowest_missing), name(value - 1))
        });
    }
    if missing == 1 {
        let mut candidate = lowest_missing;
        while candidate < value && present.binary_search(&candidate).is_ok() {
            candidate += 1;
        }
        return Some(format!("{} is missing", name(candidate)));
    }
    Some(format!("{missing} numbers are missing"))
}

/// The whole-document renumbering, or None when it would change nothing.
fn renumbering(ctx: &Context, entries: &[Entry], main_key: &str) -> Option<Fix> {
    let text = ctx.text;
    let template = entries.iter().find(|e| !e.lettered && e.key == main_key)?;
    let template_width = counter_part(template.number, template.counter).map_or(1, |(_, w, _)| w);
    let template_punctuation = punctuation_after(text, template.number.span).filter(|c| *c != ':');
    let before_template = entries
        .iter()
        .take_while(|e| !std::ptr::eq(*e, template))
        .filter(|e| !e.lettered)
        .count() as u64;
    let mut next = template.value().saturating_sub(before_template);
    let mut edits = Vec::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    // Old counter and new counter of the last main item, for lettered sub-items.
    let mut last_main: Option<(u64, u64)> = None;
    for entry in entries {
        let old_written = entry.number.as_str(text);
        if entry.lettered {
            let Some((_, new)) = last_main.filter(|(old, new)| *old == entry.value() && old != new) else {
                continue;
            };
            let Some((_, width, span)) = counter_part(entry.number, entry.counter) else {
                continue;
            };
            edits.push(Edit::replace(span, pad(new, width)));
            renamed.push((
                old_written.to_string(),
                render(text, entry.number, entry.counter, new, Some(width)),
            ));
            continue;
        }
        let new = next;
        next = next.saturating_add(1);
        if entry.key == main_key {
            last_main = Some((entry.value(), new));
            if entry.value() == new {
                continue;
            }
            let Some((_, _, span)) = counter_part(entry.number, entry.counter) else {
                continue;
            };
            edits.push(Edit::replace(span, pad(new, template_width)));
            renamed.push((
                old_written.to_string(),
                render(text, entry.number, entry.counter, new, Some(template_width)),
            ));
        } else {
            last_main = None;
            let mut replacement = render(text, template.number, template.counter, new, Some(template_width));
            let mut span = entry.number.span;
            let own = punctuation_after(text, span);
            if let Some(c) = own.filter(|c| matches!(c, '.' | ')' | ':')) {
                span.end += c.len_utf8();
            }
            if let Some(c) = template_punctuation.or(own) {
                replacement.push(c);
            }
            edits.push(Edit::replace(span, replacement));
        }
    }
    if edits.is_empty() {
        return None;
    }
    let number_spans: Vec<Span> = entries.iter().map(|e| e.number.span).collect();
    let minute_refs_only = ctx.minutes.items.iter().any(|i| i.agenda_ref.is_some());
    let references = reference_edits(text, entries, &renamed, &number_spans, minute_refs_only);
    let count = references.len();
    edits.extend(references);
    let from = template.number.as_str(text);
    let title = match count {
        0 => format!("Renumber the items in order, keeping {from}"),
        1 => format!("Renumber the items in order, keeping {from}, and update 1 reference"),
        n => format!("Renumber the items in order, keeping {from}, and update {n} references"),
    };
    Some(Fix::unsafe_(title, edits))
}

/// Edits to "item 21/49", "Minute 21/49", "Minute 48(6)" and lists ("items 21/48 and 21/49")
/// whose number is renamed, using the old → new mapping all at once.
fn reference_edits(
    text: &str,
    entries: &[Entry],
    renamed: &[(String, String)],
    number_spans: &[Span],
    minute_refs_only: bool,
) -> Vec<Edit> {
    if renamed.is_empty() {
        return Vec::new();
    }
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for entry in entries {
        *uses.entry(without_keyword(entry.number.as_str(text))).or_default() += 1;
    }
    let mapping: HashMap<&str, &str> = renamed
        .iter()
        .map(|(old, new)| (without_keyword(old), without_keyword(new)))
        .filter(|(old, new)| old != new && uses.get(old).copied().unwrap_or(0) == 1)
        .collect();
    if mapping.is_empty() {
        return Vec::new();
    }
    let mut edits = Vec::new();
    for caps in reference_pattern().captures_iter(text) {
        let (Some(keyword), Some(token)) = (caps.name("kw"), caps.name("tok")) else {
            continue;
        };
        if minute_refs_only && !keyword.as_str().to_ascii_lowercase().starts_with("min") {
            continue;
        }
        let mut at = token.start();
        let mut tok = token.as_str();
        loop {
            let span = Span::new(at, at + tok.len());
            if !overlaps_any(number_spans, span) {
                if let Some(edit) = reference_edit(&mapping, tok, at) {
                    edits.push(edit);
                }
            }
            let after = at + tok.len();
            let Some((offset, next)) = text.get(after..).and_then(list_continuation) else {
                break;
            };
            at = after + offset;
            tok = next;
        }
    }
    edits
}

/// The edit for one referenced number: the whole token, or its leading part ("48" of "48.2").
fn reference_edit(mapping: &HashMap<&str, &str>, token: &str, at: usize) -> Option<Edit> {
    let token = token.trim_end_matches(['.', '/', '-']);
    if let Some(new) = mapping.get(token) {
        return Some(Edit::replace(Span::new(at, at + token.len()), *new));
    }
    // "12.1", a paragraph of item 12.
    let (head, tail) = token.split_once('.')?;
    if tail.is_empty() || !tail.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    mapping
        .get(head)
        .map(|new| Edit::replace(Span::new(at, at + head.len()), *new))
}

fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(i).is_some_and(|s| s.overlaps(span))
}

fn reference_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(?P<kw>(?:agenda\s+)?items?|minutes?|min\.)[ \t\u{a0}]+(?:no\.?[ \t\u{a0}]*)?(?P<tok>[A-Za-z0-9][A-Za-z0-9/.\-]*)")
            .expect("reference pattern is valid")
    })
}

/// The next number of a list after a reference ("(6), 21/48 and 21/49"): its offset in `rest`
/// and its text.
fn list_continuation(rest: &str) -> Option<(usize, &str)> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\u{a0}');
    let mut s = rest;
    // "(6)" after "Minute 48".
    if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')')?;
        if close == 0 || close > 4 || !inner[..close].chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        s = &inner[close + 1..];
    }
    s = s.trim_start_matches(is_space);
    let joiner = [",", "and", "&", "or", "to", "–", "-"]
        .into_iter()
        .find(|j| s.starts_with(j))?;
    let after_joiner = &s[joiner.len()..];
    if joiner.chars().all(char::is_alphabetic) && !after_joiner.starts_with(is_space) {
        return None;
    }
    s = after_joiner.trim_start_matches(is_space);
    let len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-')))
        .unwrap_or(s.len());
    let token = &s[..len];
    if !token.starts_with(|c: char| c.is_ascii_alphanumeric()) || !token.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((rest.len() - s.len(), token))
}

/// "Item 12" → "12", "Minute 12" → "12", "21/47" → "21/47".
fn without_keyword(number: &str) -> &str {
    let lower = number.to_ascii_lowercase();
    for keyword in ["agenda item", "item", "minute"] {
        if lower.starts_with(keyword) {
            let rest = &number[keyword.len()..];
            let trimmed = rest.trim_start();
            if trimmed.len() < rest.len() {
                return trimmed;
            }
        }
    }
    number
}

fn punctuation_after(text: &str, span: Span) -> Option<char> {
    text.get(span.end..)?
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | ')' | ':'))
}

fn pad(value: u64, width: usize) -> String {
    format!("{value:0width$}")
}

/// The number as written with its counter set to `value` (padded to `width`, else to the
/// counter's own width).
fn render(text: &str, number: &ItemNumber, counter: usize, value: u64, width: Option<usize>) -> String {
    let mut out = String::new();
    let mut index = 0;
    for part in &number.parts {
        match part {
            NumberPart::Text(t) => out.push_str(t),
            NumberPart::Number { width: own, span, .. } => {
                if index == counter {
                    out.push_str(&pad(value, width.unwrap_or(*own)));
                } else {
                    out.push_str(span.slice(text));
                }
                index += 1;
            }
        }
    }
    out
}

/// The number with its counter replaced by `#`: the scheme.
/// The fixed parts compare by value: "16.3.#" and "16.03.#" are one scheme.
fn scheme_key(_text: &str, number: &ItemNumber, counter: usize) -> String {
    let mut out = String::new();
    let mut index = 0;
    for part in &number.parts {
        match part {
            NumberPart::Text(t) => out.push_str(t),
            NumberPart::Number { value, .. } => {
                if index == counter {
                    out.push('#');
                } else {
                    out.push_str(&value.to_string());
                }
                index += 1;
            }
        }
    }
    out
}

/// The counter's value, width and span.
fn counter_part(number: &ItemNumber, counter: usize) -> Option<(u64, usize, Span)> {
    number
        .parts
        .iter()
        .filter_map(|p| match p {
            NumberPart::Number { value, width, span } => Some((*value, *width, *span)),
            NumberPart::Text(_) => None,
        })
        .nth(counter)
}

fn count_numbers(number: &ItemNumber) -> usize {
    number
        .parts
        .iter()
        .filter(|p| matches!(p, NumberPart::Number { .. }))
        .count()
}

/// "Item #a" beside "Item #".
fn is_lettered(shape: &str, main: &str) -> bool {
    shape.len() == main.len() + 1
        && shape.starts_with(main)
        && shape.chars().last().is_some_and(|c| c.is_ascii_lowercase())
}

/// Which numeric part counts the items: the one that changes most often between consecutive
/// numbers; the last one on a tie.
fn counter_position<'a>(numbers: impl Iterator<Item = &'a ItemNumber>) -> usize {
    let mut changes: Vec<usize> = Vec::new();
    let mut previous: Option<Vec<u64>> = None;
    for number in numbers {
        let values = number.numbers();
        if changes.len() < values.len() {
            changes.resize(values.len(), 0);
        }
        if let Some(prev) = &previous {
            for (i, (a, b)) in prev.iter().zip(&values).enumerate() {
                if a != b {
                    changes[i] += 1;
                }
            }
        }
        previous = Some(values);
    }
    let mut best = changes.len().saturating_sub(1);
    for (i, n) in changes.iter().enumerate() {
        if *n > changes.get(best).copied().unwrap_or(0) {
            best = i;
        }
    }
    // On a tie the last position wins: prefer a later one with the same count.
    let top = changes.get(best).copied().unwrap_or(0);
    changes.iter().rposition(|n| *n == top).unwrap_or(best)
}

/// The value that occurs most often; the first one seen wins a tie.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, value) in values.enumerate() {
        let entry = counts.entry(value).or_insert((0, order));
        entry.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    use crate::core::fix::apply_edits;
    use crate::core::parse::parse;
    use crate::core::text::LineIndex;

    fn run(text: &str) -> Vec<Diagnostic> {
        RULE.findings(text)
    }

    fn messages(text: &str) -> Vec<String> {
        run(text)
            .iter()
            .map(|d| format!("{}: {}", d.span.slice(text), d.message))
            .collect()
    }

    fn fixed(text: &str) -> String {
        let found = run(text);
        assert!(!found.is_empty(), "no finding in {text:?}");
        apply_edits(text, &found[0].fixes[0].edits)
    }


    fn doc(numbers: &[&str]) -> String {
        let mut text = String::from("Panel\n\n");
        for n in numbers {
            text.push_str(&format!(
                "{n} Report on things\n\nRESOLVED – That the report be noted.\n\n"
            ));
        }
        text
    }

    #[test]
    fn gaps_name_the_missing_number() {
        let text = doc(&["21/47", "21/48", "21/50"]);
        assert_eq!(messages(&text), ["21/50: 21/50 follows 21/48: 21/49 is missing"]);
        let text = doc(&["21/47", "21/51"]);
        assert_eq!(
            messages(&text),
            ["21/51: 21/51 follows 21/47: 21/48 to 21/50 are missing"]
        );
    }

    #[test]
    fn the_counter_is_the_part_that_changes() {
        assert!(messages(&doc(&["77/21", "78/21", "79/21"])).is_empty());
        assert_eq!(
            messages(&doc(&["77/21", "79/21"])),
            ["79/21: 79/21 follows 77/21: 78/21 is missing"]
        );
        assert!(messages(&doc(&["CYP/OSG/17/12", "CYP/OSG/17/13"])).is_empty());
    }

    #[test]
    fn zero_padding_is_kept() {
        let text = doc(&["EX/23/004", "EX/23/006"]);
        assert_eq!(
            messages(&text),
            ["EX/23/006: EX/23/006 follows EX/23/004: EX/23/005 is missing"]
        );
        assert!(fixed(&text).contains("EX/23/005 Report"));
    }

    #[test]
    fn duplicates_and_out_of_order() {
        let text = doc(&["12.", "13.", "13.", "14."]);
        assert_eq!(
            messages(&text),
            ["13: 13 is used twice: an earlier item has the same number"]
        );
        let text = doc(&["12.", "14.", "13.", "15."]);
        assert_eq!(messages(&text), ["14: 14 is out of order: it comes between 12 and 13"]);
        let text = doc(&["9.", "5.", "6.", "7.", "8."]);
        assert_eq!(messages(&text), ["9: 9 is out of order: it comes before 5"]);
        let text = doc(&["12.", "13.", "11."]);
        assert_eq!(messages(&text), ["11: 11 is out of order: it comes after 13"]);
    }

    #[test]
    fn mixed_schemes() {
        let text = doc(&["21/47", "Item 2", "21/48", "Item 4", "21/49"]);
        assert_eq!(
            messages(&text),
            [
                "Item 2: Item 2 is numbered in a different scheme from the other items (such as 21/47)",
                "Item 4: Item 4 is numbered in a different scheme from the other items (such as 21/47)"
            ]
        );
        let fixed = fixed(&text);
        assert!(fixed.contains("21/47 Report"), "{fixed}");
        assert_ne!(fixed, text);
        // One stray number in another shape is no second scheme.
        assert!(messages(&doc(&["21/47", "21/48", "Item 3", "21/49"])).is_empty());
    }

    #[test]
    fn a_slip_in_the_fixed_part_and_runs_that_are_not_one_scheme() {
        assert_eq!(
            messages(&doc(&["19.03.1", "19.03.2", "19.01.3", "19.03.4"])),
            ["19.01.3: 19.01.3 breaks the numbering of the items around it (such as 19.03.1)"]
        );
        assert!(messages(&doc(&["16.3.1", "16.03.2", "16.3.3"])).is_empty());
        // Automatic numbering written out as "1." for every item, and two meetings in one file.
        assert!(messages(&doc(&["1.", "1.", "1.", "1."])).is_empty());
        assert!(messages(&doc(&["1.", "2.", "3.", "5.", "2.", "3.", "4.", "5."])).is_empty());
        // Two meetings in one file, each numbered its own way.
        assert!(messages(&doc(&[
            "1.", "2.", "3.", "05.19.01", "05.19.02", "05.19.03", "05.19.04"
        ]))
        .is_empty());
        // A jump of dozens is not a slip.
        assert!(messages(&doc(&["AM119", "AM219", "AM319"])).is_empty());
    }

    #[test]
    fn items_taken_out_of_turn_say_so() {
        let text = "Panel\n\n1. Apologies\n\nNone.\n\n4. Budget\n\nThis item was brought forward.\n\nNOTED\n\n2. Minutes\n\nNOTED\n\n3. Parks\n\nNOTED\n";
        assert!(messages(text).is_empty(), "{:?}", messages(text));
    }

    #[test]
    fn fix_renumbers_and_updates_references_at_once() {
        let text = "Panel\n\n21/47 Budget\n\nSee item 21/49 and Minute 21/49.\n\nNOTED\n\n21/49 Housing\n\nAs Minute 21/50(6) refers, items 21/49 and 21/50 were taken together.\n\nNOTED\n\n21/50 Parks\n\nNOTED\n";
        let fixed = fixed(text);
        assert_eq!(
            fixed,
            "Panel\n\n21/47 Budget\n\nSee item 21/48 and Minute 21/48.\n\nNOTED\n\n21/48 Housing\n\nAs Minute 21/49(6) refers, items 21/48 and 21/49 were taken together.\n\nNOTED\n\n21/49 Parks\n\nNOTED\n"
        );
        assert!(run(&fixed).is_empty());
    }

    #[test]
    fn references_to_duplicated_numbers_are_left_alone() {
        let text = "Panel\n\n1. Budget\n\nNOTED\n\n3. Housing\n\nSee Minute 3.\n\nNOTED\n\n3. Parks\n\nNOTED\n";
        let fixed = fixed(text);
        assert_eq!(
            fixed,
            "Panel\n\n1. Budget\n\nNOTED\n\n2. Housing\n\nSee Minute 3.\n\nNOTED\n\n3. Parks\n\nNOTED\n"
        );
    }

    #[test]
    fn agenda_item_references_are_not_minute_references() {
        let text =
            "Panel\n\n84. Apologies (Item 1)\n\nNone.\n\n86. Budget (Item 2)\n\nSee item 86 and Minute 86.\n\nNOTED\n";
        let fixed = fixed(text);
        assert!(
            fixed.contains("85. Budget (Item 2)\n\nSee item 86 and Minute 85."),
            "{fixed}"
        );
    }

    #[test]
    fn every_finding_offers_the_same_unsafe_fix() {
        let text = doc(&["1.", "3.", "3.", "7."]);
        let found = run(&text);
        assert_eq!(found.len(), 3);
        assert!(found
            .iter()
            .all(|d| d.fixes.len() == 1 && d.fixes[0] == found[0].fixes[0]));
        assert_eq!(
            found[0].fixes[0].applicability,
            crate::core::diagnostic::Applicability::Unsafe
        );
        assert!(run(&fixed(&text)).is_empty());
    }

    #[test]
    fn single_items_and_unnumbered_drafts_are_ignored() {
        assert!(messages(&doc(&["21/50"])).is_empty());
        assert!(messages("Agenda item\n\nBudget\n\nDecision\n\nTo note.\n").is_empty());
    }

    #[test]
    fn lettered_sub_items_belong_to_their_item() {
        assert!(messages(&doc(&["Item 4", "Item 4a", "Item 5"])).is_empty());
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        let text = doc(&["1.", "99999999999999999999999.", "2."]);
        let _ = run(&text);
        let text = "Panel\n\n18446744073709551615. A\n\nNOTED\n\n18446744073709551615. B\n\nNOTED\n\n1. C\n";
        let found = run(text);
        if let Some(d) = found.first() {
            let _ = apply_edits(text, &d.fixes[0].edits);
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "1. A\r\r2. B\r\r4. C\r",
            "😀\n\n12. 😀\n\n14. 😀",
            "Item 1\n\nItem 1\n",
        ] {
            let _ = run(text);
        }
    }

    #[test]
    fn a_long_shuffled_draft_keeps_the_fix_small_per_finding() {
        let mut text = String::from("Committee\n\n");
        for i in 0..2_000u64 {
            let n = (i * 7919) % 2_000 + 1;
            text.push_str(&format!(
                "{n}. Report {n}\n\nSee Minute {n} and items {n}, {n} and {n}.\n\nNOTED\n\n"
            ));
        }
        let found = run(&text);
        assert!(found.len() > 1_000);
        let copied: usize = found.iter().flat_map(|d| &d.fixes).map(|f| f.edits.len()).sum();
        assert!(copied <= FIX_COPY_BUDGET + found[0].fixes[0].edits.len());
        let after = apply_edits(&text, &found[0].fixes[0].edits);
        assert!(run(&after).is_empty());
    }

    /// Runs the structure and date rules on any text, applying their fixes too.
    fn run_all_mine(text: &str) {
        let minutes = parse(text);
        let config = Config::default();
        let lines = LineIndex::new(text);
        let ctx = Context::new(text, &minutes, &config, &lines);
        for name in [
            RULE.name,
            "missing-decision",
            "empty-decision",
            "missing-section",
            "weekday-mismatch",
        ] {
            let rule = crate::core::rules::find(name).expect("registered");
            let mut out = Vec::new();
            (rule.check)(&ctx, &mut out);
            for d in &out {
                assert!(
                    text.get(d.span.start..d.span.end).is_some(),
                    "{name}: bad span {:?}",
                    d.span
                );
                for fix in &d.fixes {
                    for e in &fix.edits {
                        assert!(
                            text.get(e.span.start..e.span.end).is_some(),
                            "{name}: bad edit {:?}",
                            e.span
                        );
                    }
                    let _ = apply_edits(text, &fix.edits);
                }
            }
        }
    }

    #[test]
    fn no_panic_on_hostile_text() {
        let long_line = "é😀".repeat(500_000);
        let cases = [
            String::new(),
            "\u{feff}21/47\r\n\r\nTitle\r\n\r\n21/49\r\n\r\nItem 21/47 refers\r\n".to_string(),
            "1. A\r\r3. B\r\rMinute 3\r\r3. C\r".to_string(),
            format!("Committee\n\n1. A\n\n3. {long_line}\n\nMinute 3 and 1\n"),
            "99999999999999999999. A\n\n18446744073709551615. B\n\n1. C\n\nMinute 99999999999999999999\n".to_string(),
            "Item 1\n\nItem 1a\n\nItem 3\n\nItem 1a\n\nsee items 1, 3 and 1a\n".to_string(),
            "CYP/😀/17/12 A\n\nCYP/OSG/17/14 B\n\nMonday 31 February 2022, Thursday 29 February\n".to_string(),
        ];
        for text in &cases {
            run_all_mine(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn no_panic_on_random_drafts(pieces in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::Just("21/47"), proptest::prelude::Just("12."), proptest::prelude::Just("Item 4a"),
            proptest::prelude::Just("EX/23/004"), proptest::prelude::Just("RESOLVED –"), proptest::prelude::Just("Decision"),
            proptest::prelude::Just("NOTED"), proptest::prelude::Just("Monday 26 April 2022"), proptest::prelude::Just("31 February"),
            proptest::prelude::Just("Minute 21/48(6)"), proptest::prelude::Just("items 12, 13 and"), proptest::prelude::Just("Present:"),
            proptest::prelude::Just("😀"), proptest::prelude::Just("\r"), proptest::prelude::Just("\n"), proptest::prelude::Just("\r\n"),
            proptest::prelude::Just(" "), proptest::prelude::Just("**"), proptest::prelude::Just("## "), proptest::prelude::Just("99999999999999999999"),
        ], 0..60)) {
            run_all_mine(&pieces.concat());
        }
    }
}
