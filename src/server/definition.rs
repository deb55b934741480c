//! Go to definition (an acronym's definition, "item 21/49" → the item) and references.

use crate::core::text::Span;
use crate::server::analysis::Analysis;
use crate::server::words;
use regex::Regex;
use std::sync::OnceLock;

/// Where the thing at `offset` is defined, as byte spans: the item an "item 21/49" names, or
/// the definition of the acronym (a glossary entry first, else the first spelling out).
pub fn definition(analysis: &Analysis, offset: usize) -> Vec<Span> {
    if let Some(span) = item_reference_at(analysis, offset) {
        return vec![span];
    }
    words::acronym_at(analysis, offset)
        .and_then(|(info, _)| info.definition())
        .map(|d| vec![d.acronym])
        .unwrap_or_default()
}

/// Every use of the acronym at `offset`; with `declarations`, the acronyms written in its
/// definitions too.
pub fn references(analysis: &Analysis, offset: usize, declarations: bool) -> Vec<Span> {
    let Some((info, _)) = words::acronym_at(analysis, offset) else {
        return Vec::new();
    };
    let mut found: Vec<Span> = info.uses.clone();
    let defined_at: Vec<Span> = info.definitions.iter().map(|d| d.acronym).collect();
    if declarations {
        found.extend(defined_at);
    } else {
        found.retain(|u| !defined_at.contains(u));
    }
    found.sort_by_key(|s| (s.start, s.end));
    found.dedup();
    found
}

fn reference_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:item|minute)s?\s+(?:no\.?\s*)?([A-Z0-9][A-Z0-9/.\-]*[A-Z0-9]|[0-9])").unwrap()
    })
}

/// "item 21/49" or "Minute 21/49" around `offset`: the span of the item it names.
fn item_reference_at(analysis: &Analysis, offset: usize) -> Option<Span> {
    let text = analysis.text.as_str();
    let lines = &analysis.linted.lines;
    let line = lines.line_span(text, lines.line_of(offset.min(text.len())));
    let line_text = line.slice(text);
    for caps in reference_pattern().captures_iter(line_text) {
        let whole = caps.get(0)?;
        let number = caps.get(1)?;
        let span = line.sub(whole.range());
        if !(span.start <= offset && offset <= span.end) {
            continue;
        }
        let wanted = number.as_str().trim_end_matches('.');
        let item = analysis.linted.minutes.items.iter().find(|item| {
            item.number
                .as_ref()
                .is_some_and(|n| n.as_str(text).trim_end_matches('.') == wanted)
        })?;
        // Don't jump from an item's own heading to itself.
        if item.number.as_ref().is_some_and(|n| n.span.overlaps(span)) {
            return None;
        }
        return Some(item.number.as_ref().map_or(item.span, |n| n.span));
    }
    None
}
