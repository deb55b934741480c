//! Inlay hints: after each item's number (and its full stop), how many voting members were in the room; after each
//! vote, its tally as the minutes record it.

use crate::core::text::Span;
use crate::server::analysis::Analysis;
use tower_lsp::lsp_types::{InlayHint, InlayHintKind, InlayHintLabel, Position, Range};

/// The hints whose place falls within `range` (all of them when it is `None`).
pub fn inlay_hints(analysis: &Analysis, range: Option<Range>) -> Vec<InlayHint> {
    let text = analysis.text.as_str();
    let lines = analysis.lines();
    let proceedings = analysis.proceedings();
    let mut hints: Vec<(usize, String)> = Vec::new();
    for item in &analysis.linted.minutes.items {
        let Some(number) = &item.number else { continue };
        if let Some(count) = proceedings.voting_count_at(item.title.start.max(number.span.end)) {
            let noun = if count == 1 { "voting member" } else { "voting members" };
            hints.push((after_punctuation(text, number.span.end), format!("{count} {noun}")));
        }
    }
    for vote in &proceedings.votes {
        let tally = vote.tally();
        if !tally.is_empty() {
            hints.push((end_of_text(text, vote.span), tally));
        }
    }
    hints.sort_by_key(|(at, _)| *at);
    hints
        .into_iter()
        .map(|(at, label)| (lines.position(at), label))
        .filter(|(position, _)| within(range, *position))
        .map(|(position, label)| InlayHint {
            position,
            // No space of its own: padding_left already asks the editor for the gap (Neovim
            // draws a space, VS Code a margin), so a leading space would show as two.
            label: InlayHintLabel::String(label),
            kind: Some(InlayHintKind::TYPE),
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// Past the full stop, bracket or colon that closes an item number ("1." of "1. Bus shelter"),
/// so that a hint reads as a note on the item and not as more digits ("1 ⟨5 voting members⟩."
/// looks like "15").
fn after_punctuation(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b'.' | b')' | b':') => at + 1,
        _ => at,
    }
}

/// Where a span's text ends, before any white space it takes in at its end.
fn end_of_text(text: &str, span: Span) -> usize {
    span.start + span.slice(text).trim_end().len()
}

/// Whether a requested range holds a position (no range holds every position).
fn within(range: Option<Range>, position: Position) -> bool {
    let key = |p: Position| (p.line, p.character);
    range.is_none() || range.is_some_and(|r| key(r.start) <= key(position) && key(position) <= key(r.end))
}
