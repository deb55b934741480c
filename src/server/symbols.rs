//! The outline (document symbols: attendance, items, decisions, motions and votes) and folding
//! ranges.

use crate::core::analysis::decisions;
use crate::core::analysis::proceedings::{Motion, Vote};
use crate::core::model::{AttendanceKind, DecisionKind, Item};
use crate::core::text::Span;
use crate::server::analysis::Analysis;
use tower_lsp::lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

fn heading_name(kind: AttendanceKind) -> &'static str {
    match kind {
        AttendanceKind::Present => "Present",
        AttendanceKind::Apologies => "Apologies",
        AttendanceKind::Absent => "Absent",
        AttendanceKind::InAttendance => "In attendance",
        AttendanceKind::AlsoPresent => "Also present",
        AttendanceKind::Officers => "Officers",
    }
}

/// One line of text, whitespace collapsed, for a symbol name (never empty: editors reject that).
fn one_line(text: &str, fallback: &str) -> String {
    let s = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

/// The name of an item in the outline: "21/49 Developing a Council-wide approach…".
pub fn item_name(text: &str, item: &Item) -> String {
    let number = item.number.as_ref().map(|n| n.as_str(text)).unwrap_or("");
    let title = item.title.slice(text);
    one_line(&format!("{number} {title}"), "(untitled item)")
}

#[allow(deprecated)] // DocumentSymbol::deprecated must be given.
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: tower_lsp::lsp_types::Range,
    selection: tower_lsp::lsp_types::Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: if children.is_empty() { None } else { Some(children) },
    }
}

/// The outline: attendance sections (with their people), then each item with its decisions.
pub fn document_symbols(analysis: &Analysis) -> Vec<DocumentSymbol> {
    let text = analysis.text.as_str();
    let minutes = &analysis.linted.minutes;
    let lines = analysis.lines();
    let mut out = Vec::new();
    for section in &minutes.attendance {
        let span = section.span.join(section.heading);
        let people = section
            .people
            .iter()
            .filter(|p| span.covers(p.span))
            .map(|p| {
                let detail = if p.chair {
                    Some("Chair".to_string())
                } else if p.vice_chair {
                    Some("Vice-Chair".to_string())
                } else {
                    None
                };
                symbol(
                    one_line(&p.display_name(text), "?"),
                    detail,
                    SymbolKind::FIELD,
                    lines.range(p.name_span()),
                    lines.range(p.name_span()),
                    Vec::new(),
                )
            })
            .collect();
        out.push(symbol(
            heading_name(section.kind).to_string(),
            Some(format!("{} listed", section.people.len())),
            SymbolKind::NAMESPACE,
            lines.range(span),
            lines.range(section.heading),
            people,
        ));
    }
    for (index, item) in minutes.items.iter().enumerate() {
        let selection: Span = match &item.number {
            Some(n) if item.span.covers(n.span) => n.span,
            _ if item.span.covers(item.title) => item.title,
            _ => Span::empty(item.span.start),
        };
        let mut children: Vec<DocumentSymbol> = item
            .decisions
            .iter()
            .map(|d| {
                let span = d.body.map_or(d.marker, |b| d.marker.join(b));
                let span = if item.span.covers(span) { span } else { d.marker };
                let name = match d.kind {
                    DecisionKind::Marker => one_line(d.marker.slice(text), "Decision"),
                    DecisionKind::Outcome => {
                        format!("Outcome: {}", one_line(d.marker.slice(text), "?"))
                    }
                };
                let detail = d.body.map(|b| {
                    let s = one_line(b.slice(text), "");
                    if s.chars().count() > 80 {
                        format!("{}…", s.chars().take(79).collect::<String>())
                    } else {
                        s
                    }
                });
                symbol(
                    name,
                    detail,
                    SymbolKind::EVENT,
                    lines.range(span),
                    lines.range(d.marker),
                    Vec::new(),
                )
            })
            .filter(|s| s.range.start >= lines.range(item.span).start)
            .collect();
        children.extend(
            motion_symbols(analysis, index)
                .into_iter()
                .filter(|s| s.range.start >= lines.range(item.span).start),
        );
        children.sort_by_key(|s| (s.range.start.line, s.range.start.character));
        // As `missing-decision` reads it: an outcome written in the text ("Carried.", "All in
        // favour") decides an item as a marker does.
        let detail = if !item.decisions.is_empty() {
            None
        } else if item.procedural.is_some() {
            Some("procedural, no decision needed".to_string())
        } else if decisions::records_outcome(item.span.slice(text)) {
            Some("outcome in the text".to_string())
        } else {
            Some("no decision".to_string())
        };
        out.push(symbol(
            item_name(text, item),
            detail,
            SymbolKind::MODULE,
            lines.range(item.span),
            lines.range(selection),
            children,
        ));
    }
    out
}

/// An item's motions, each named with its result ("Motion: carried", "Amendment: 3 for, 5
/// against: lost") and detailed with its mover and seconder, then the votes no motion claims.
fn motion_symbols(analysis: &Analysis, item: usize) -> Vec<DocumentSymbol> {
    let text = analysis.text.as_str();
    let lines = analysis.lines();
    let proceedings = analysis.proceedings();
    let motions: Vec<&Motion> = proceedings.motions.iter().filter(|m| m.item == Some(item)).collect();
    let mut claimed = Vec::new();
    let mut out = Vec::new();
    for (i, motion) in motions.iter().enumerate() {
        let next_motion = motions.get(i + 1).map_or(usize::MAX, |m| m.span.start);
        let vote = motion.vote.or_else(|| {
            proceedings
                .votes
                .iter()
                .position(|v| v.item == Some(item) && v.span.start >= motion.span.start && v.span.start < next_motion)
        });
        claimed.extend(vote);
        let what = if motion.amendment { "Amendment" } else { "Motion" };
        let result = vote
            .and_then(|v| proceedings.votes.get(v))
            .map(Vote::tally)
            .filter(|t| !t.is_empty());
        let name = result.map_or_else(|| what.to_string(), |t| format!("{what}: {t}"));
        let span = vote
            .and_then(|v| proceedings.votes.get(v))
            .map_or(motion.span, |v| motion.span.join(v.span));
        out.push(symbol(
            name,
            motion_detail(text, motion),
            SymbolKind::FUNCTION,
            lines.range(span),
            lines.range(motion.span),
            Vec::new(),
        ));
    }
    for (index, vote) in proceedings.votes.iter().enumerate() {
        if vote.item != Some(item) || claimed.contains(&index) {
            continue;
        }
        let tally = vote.tally();
        let name = if tally.is_empty() {
            "Vote".to_string()
        } else {
            format!("Vote: {tally}")
        };
        out.push(symbol(
            name,
            None,
            SymbolKind::NUMBER,
            lines.range(vote.span),
            lines.range(vote.span),
            Vec::new(),
        ));
    }
    out
}

/// "moved by Councillor Ames, seconded by Councillor Lowe", or `None` when neither is written.
fn motion_detail(text: &str, motion: &Motion) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(mover) = motion.mover {
        parts.push(format!("moved by {}", one_line(mover.span.slice(text), "?")));
    }
    if let Some(seconder) = motion.seconder {
        parts.push(format!("seconded by {}", one_line(seconder.span.slice(text), "?")));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Folding ranges: each attendance section and each item spanning more than one line.
pub fn folding_ranges(analysis: &Analysis) -> Vec<FoldingRange> {
    let minutes = &analysis.linted.minutes;
    let lines = analysis.lines();
    let spans = minutes
        .attendance
        .iter()
        .map(|s| s.span.join(s.heading))
        .chain(minutes.items.iter().map(|i| i.span));
    let mut out: Vec<FoldingRange> = spans
        .filter_map(|span| {
            let range = lines.range(span);
            (range.end.line > range.start.line).then_some(FoldingRange {
                start_line: range.start.line,
                start_character: None,
                end_line: range.end.line,
                end_character: None,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: None,
            })
        })
        .collect();
    out.sort_by_key(|f| (f.start_line, f.end_line));
    out.dedup_by_key(|f| (f.start_line, f.end_line));
    out
}
