//! Hover: the rule behind a diagnostic, a person's attendance status, an acronym's long form.

use crate::core::rules;
use crate::server::analysis::Analysis;
use crate::server::words;
use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// What to show at a byte offset, if anything.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let lines = analysis.lines();
    let mut parts: Vec<String> = Vec::new();
    let mut range = None;

    for d in &analysis.linted.diagnostics {
        let inside = d.span.contains(offset) || (d.span.is_empty() && d.span.start == offset);
        if !inside {
            continue;
        }
        let summary = rules::find(d.rule).map(|r| r.summary()).unwrap_or_default();
        parts.push(format!("**{}**: {}\n\n{}", d.rule, d.message, summary));
        range.get_or_insert(lines.range(d.span));
    }

    if let Some((span, person)) = words::person_at(analysis, offset) {
        let described = words::describe_person(analysis, person);
        let mut part = bold_name(&described.listed);
        if let Some(record) = described.in_the_room {
            part.push_str(&format!("\n\nIn the meeting: {record}"));
        }
        parts.push(part);
        range.get_or_insert(lines.range(span));
    } else if let Some(words::AcronymHover { span, name, forms }) = words::long_forms_at(analysis, offset) {
        let body = forms
            .iter()
            .map(|(long, origin)| format!("- {long} _({origin})_"))
            .collect::<Vec<_>>()
            .join("\n");
        parts.push(format!("**{name}**\n\n{body}"));
        range.get_or_insert(lines.range(span));
    }

    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// "Councillor Taylor: present" → "**Councillor Taylor**: present".
fn bold_name(description: &str) -> String {
    match description.split_once(": ") {
        Some((name, rest)) => format!("**{name}**: {rest}"),
        None => description.to_string(),
    }
}
