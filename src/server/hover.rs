//! Hover: the rule behind a diagnostic, a person's attendance status, an acronym's long form.

use crate::core::rules;
use crate::server::analysis::Analysis;
use crate::server::words;
use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// What to show at a byte offset, if anything.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let text = analysis.text.as_str();
    let minutes = &analysis.linted.minutes;
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

    if let Some((span, attendee)) = words::attendee_at(text, minutes, offset) {
        let name = attendee
            .person
            .span
            .slice(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        parts.push(format!("**{}**: {}", name, words::status(&attendee)));
        range.get_or_insert(lines.range(span));
    } else if let Some(word) = words::word_at(text, offset) {
        let acronym = word.slice(text);
        if words::is_acronym(acronym) {
            let forms = words::long_forms(text, minutes, &analysis.config, acronym);
            if !forms.is_empty() {
                let body = forms
                    .iter()
                    .map(|(long, origin)| format!("- {long} _({origin})_"))
                    .collect::<Vec<_>>()
                    .join("\n");
                parts.push(format!("**{}**\n\n{}", acronym, body));
                range.get_or_insert(lines.range(word));
            }
        }
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
