//! Completion: attendees after "Councillor "/"Cllr ", acronyms with their long forms, the next
//! item number at the start of a line, and decision templates in the document's style.

use crate::core::analysis::people::fold_surname;
use crate::core::analysis::proceedings::split_name;
use crate::core::glossary::Glossary;
use crate::core::model::{DecisionKind, Item, NumberPart};
use crate::server::analysis::Analysis;
use crate::server::words;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tower_lsp::lsp_types::{CompletionItem, CompletionItemKind};

/// The most acronyms offered at once.
const MAX_ACRONYMS: usize = 200;

fn councillor_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:Councillors?|Cllrs?\.?)\s+(\p{L}[\p{L}'’\-]*)?$").unwrap())
}

/// Completions at a byte offset.
pub fn complete(analysis: &Analysis, offset: usize) -> Vec<CompletionItem> {
    let text = analysis.text.as_str();
    let offset = crate::core::text::floor_char_boundary(text, offset.min(text.len()));
    let lines = &analysis.linted.lines;
    let line_start = lines.line_start(lines.line_of(offset));
    let before = &text[line_start.min(offset)..offset];

    if councillor_pattern().is_match(before) {
        return attendee_completions(analysis);
    }
    let trimmed = before.trim_start_matches(|c: char| c.is_whitespace() || c == '#');
    let mut out = Vec::new();
    if trimmed.is_empty()
        || (!trimmed.contains(char::is_whitespace) && trimmed.starts_with(|c: char| c.is_ascii_digit()))
    {
        out.extend(next_item_number(analysis, offset));
        out.extend(decision_templates(analysis));
        if !trimmed.is_empty() {
            return out;
        }
    }
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.starts_with(char::is_uppercase) || trimmed.is_empty() {
        out.extend(acronym_completions(analysis, &word));
    }
    out
}

/// Names after "Councillor ": the committee's members and substitutes from `[committee]` first,
/// when the config lists them, then anyone else in the attendance lists. Each is offered by
/// surname, as the minutes write it after a title.
fn attendee_completions(analysis: &Analysis) -> Vec<CompletionItem> {
    let committee = &analysis.config.committee;
    let attendees = words::attendees(analysis);
    let listed = |surname: &str| {
        attendees
            .iter()
            .find(|(s, _)| fold_surname(s) == fold_surname(surname))
            .map(|(_, description)| description.clone())
    };
    let mut out: Vec<CompletionItem> = Vec::new();
    let configured = [(&committee.members, "member"), (&committee.substitutes, "substitute")];
    for (names, role) in configured {
        for written in names {
            let Some((_, surname)) = split_name(written) else {
                continue;
            };
            if out.iter().any(|c| fold_surname(&c.label) == fold_surname(&surname)) {
                continue;
            }
            let detail = match listed(&surname) {
                Some(description) => format!("{role} of the committee; {description}"),
                None => format!("{role} of the committee ({written}); not in this draft's lists"),
            };
            out.push(name_completion(surname, detail, out.len()));
        }
    }
    for (surname, description) in attendees {
        if !out.iter().any(|c| fold_surname(&c.label) == fold_surname(surname)) {
            out.push(name_completion(surname.to_string(), description, out.len()));
        }
    }
    out
}

/// One name offered, kept in the order given.
fn name_completion(surname: String, detail: String, rank: usize) -> CompletionItem {
    CompletionItem {
        label: surname,
        kind: Some(CompletionItemKind::VALUE),
        detail: Some(detail),
        sort_text: Some(format!("{rank:04}")),
        ..CompletionItem::default()
    }
}

/// Acronyms starting with `prefix`: the document's own (with the long form it uses), then the
/// config's glossary, then the built-in glossary.
fn acronym_completions(analysis: &Analysis, prefix: &str) -> Vec<CompletionItem> {
    let text = analysis.text.as_str();
    let mut all: BTreeMap<String, Option<String>> = BTreeMap::new();
    for info in analysis.acronyms().iter() {
        all.insert(info.name.clone(), info.long_form(text));
    }
    for (acronym, long) in &analysis.config.glossary {
        let entry = all.entry(acronym.clone()).or_insert(None);
        entry.get_or_insert_with(|| long.clone());
    }
    for (acronym, meanings) in Glossary::builtin().iter() {
        let entry = all.entry(acronym.to_string()).or_insert(None);
        if entry.is_none() {
            *entry = meanings.first().map(|m| m.long_form.clone());
        }
    }
    all.into_iter()
        .filter(|(a, _)| a.starts_with(prefix))
        .take(MAX_ACRONYMS)
        .map(|(acronym, long)| CompletionItem {
            label: acronym,
            kind: Some(CompletionItemKind::CONSTANT),
            detail: long,
            ..CompletionItem::default()
        })
        .collect()
}

/// The number after `item`'s in the same scheme: the last numeric part plus one, zeros kept.
pub fn increment(item: &Item) -> Option<String> {
    let number = item.number.as_ref()?;
    let last = number
        .parts
        .iter()
        .rposition(|p| matches!(p, NumberPart::Number { .. }))?;
    let mut out = String::new();
    for (i, part) in number.parts.iter().enumerate() {
        match part {
            NumberPart::Text(t) => out.push_str(t),
            NumberPart::Number { value, width, .. } => {
                let value = if i == last { value + 1 } else { *value };
                out.push_str(&format!("{value:0width$}", width = *width));
            }
        }
    }
    Some(out)
}

fn next_item_number(analysis: &Analysis, offset: usize) -> Option<CompletionItem> {
    let items = &analysis.linted.minutes.items;
    let previous = items
        .iter()
        .rev()
        .find(|i| i.number.is_some() && i.span.start < offset)
        .or_else(|| items.iter().rev().find(|i| i.number.is_some()))?;
    let next = increment(previous)?;
    Some(CompletionItem {
        label: next.clone(),
        kind: Some(CompletionItemKind::ENUM_MEMBER),
        detail: Some(format!(
            "next item number after {}",
            previous.number.as_ref()?.as_str(&analysis.text)
        )),
        sort_text: Some("0".to_string()),
        ..CompletionItem::default()
    })
}

fn decision_templates(analysis: &Analysis) -> Vec<CompletionItem> {
    let text = analysis.text.as_str();
    let newline = analysis.linted.minutes.newline;
    let newline = if newline.is_empty() { "\n" } else { newline };
    let mut templates: Vec<(String, String)> = Vec::new();
    if let Some(template) = &analysis.config.decision_template {
        templates.push((template.clone(), "decision template from minutes-lint.toml".to_string()));
    }
    for item in &analysis.linted.minutes.items {
        for d in item.decisions.iter().filter(|d| d.kind == DecisionKind::Marker) {
            let marker = d.marker.slice(text).trim();
            if marker.is_empty() || templates.iter().any(|(t, _)| t.starts_with(marker)) {
                continue;
            }
            let on_own_line = d
                .body
                .is_some_and(|b| text[d.marker.end..b.start.max(d.marker.end)].contains(['\n', '\r']));
            let body = "That the report be noted.";
            let template = if on_own_line || d.body.is_none() {
                format!("{marker}{newline}{newline}{body}")
            } else {
                format!("{marker} {body}")
            };
            templates.push((template, "decision in this document's style".to_string()));
        }
    }
    if templates.is_empty() {
        templates.push((
            "RESOLVED – That the report be noted.".to_string(),
            "decision".to_string(),
        ));
    }
    templates
        .into_iter()
        .take(5)
        .enumerate()
        .map(|(i, (template, detail))| CompletionItem {
            label: template.lines().next().unwrap_or("").to_string(),
            kind: Some(CompletionItemKind::SNIPPET),
            detail: Some(detail),
            insert_text: Some(template),
            sort_text: Some(format!("1{i}")),
            ..CompletionItem::default()
        })
        .collect()
}
