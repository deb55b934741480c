//! `minutes-lint outline FILE`: the structure of a draft as the reader understood it (header,
//! attendance with each person, items with their numbers, titles, sub-items and decisions), so
//! that a clerk can see how the tool read the draft, and a developer why a check was skipped.

use super::args::OutputFormat;
use super::files::describe_io;
use crate::core::model::{DecisionKind, Item, Minutes, Shape};
use crate::core::parse::{format_for_path, parse_indexed};
use crate::core::text::{LineIndex, Span};
use crate::workspace::Resolver;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::Path;

/// Runs the command; returns the exit code.
pub fn run_outline(path: &Path, format: OutputFormat, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let display = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "minutes-lint: cannot read {display}: {}", describe_io(&e))?;
            return Ok(2);
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        writeln!(err, "minutes-lint: {display} is not UTF-8 text")?;
        return Ok(2);
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let config = match Resolver::new().resolve(&absolute) {
        Ok(config) => config,
        Err(e) => {
            writeln!(err, "minutes-lint: {e}")?;
            return Ok(2);
        }
    };
    let lines = LineIndex::new(&text);
    let format_kind = format_for_path(&display);
    let minutes = parse_indexed(&text, &lines, &config.config.vocabulary, Some(format_kind));
    let outline = Outline {
        text: &text,
        lines: &lines,
        minutes: &minutes,
    };
    match format {
        OutputFormat::Json => {
            let value = outline.json(&display);
            writeln!(out, "{}", serde_json::to_string_pretty(&value).unwrap_or_default())?;
        }
        _ => outline.human(&display, out)?,
    }
    Ok(0)
}

struct Outline<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    minutes: &'a Minutes,
}

impl Outline<'_> {
    /// The 1-based line of an offset.
    fn line(&self, offset: usize) -> usize {
        self.lines.line_of(offset) + 1
    }

    /// A span's text on one line, shortened for display.
    fn show(&self, span: Span) -> String {
        let text = span.slice(self.text).split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > 80 {
            let short: String = text.chars().take(77).collect();
            format!("{short}…")
        } else {
            text
        }
    }

    fn decision_kind(kind: DecisionKind) -> &'static str {
        match kind {
            DecisionKind::Marker => "marker",
            DecisionKind::Outcome => "outcome",
        }
    }

    fn human(&self, display: &str, out: &mut dyn Write) -> io::Result<()> {
        let m = self.minutes;
        writeln!(out, "{display}")?;
        let shape = match m.shape {
            Shape::Meeting => "meeting",
            Shape::SingleItem => "single item",
        };
        writeln!(out, "  shape: {shape}")?;
        match m.header.title {
            Some(t) => writeln!(out, "  title: {} (line {})", self.show(t), self.line(t.start))?,
            None => writeln!(out, "  title: (none read)")?,
        }
        match &m.header.date {
            Some(d) => writeln!(out, "  date: {} (line {})", self.show(d.span), self.line(d.span.start))?,
            None => writeln!(out, "  date: (none read)")?,
        }
        writeln!(out, "  attendance: {} section(s)", m.attendance.len())?;
        for section in &m.attendance {
            writeln!(
                out,
                "    {} (line {}): {} person(s)",
                section.kind.label(),
                self.line(section.heading.start),
                section.people.len()
            )?;
            for person in &section.people {
                let mut name = person.display_name(self.text);
                if person.chair {
                    name.push_str(" [chair]");
                }
                if person.vice_chair {
                    name.push_str(" [vice-chair]");
                }
                writeln!(out, "      - {name} (line {})", self.line(person.span.start))?;
            }
        }
        writeln!(out, "  items: {}", m.items.len())?;
        for item in &m.items {
            self.human_item(item, out)?;
        }
        Ok(())
    }

    fn human_item(&self, item: &Item, out: &mut dyn Write) -> io::Result<()> {
        let number = item.number.as_ref().map_or("(unnumbered)", |n| n.as_str(self.text));
        writeln!(
            out,
            "    {number}  {} (line {})",
            self.show(item.title),
            self.line(item.span.start)
        )?;
        for sub in &item.sub_items {
            writeln!(
                out,
                "      {}  {} (line {})",
                sub.number.as_str(self.text),
                self.show(sub.title),
                self.line(sub.number.span.start)
            )?;
        }
        if item.decisions.is_empty() {
            let note = if item.procedural.is_some() {
                "no decision (procedural)"
            } else {
                "no decision read"
            };
            writeln!(out, "      {note}")?;
        }
        for decision in &item.decisions {
            writeln!(
                out,
                "      decision ({}): {} (line {})",
                Self::decision_kind(decision.kind),
                self.show(decision.marker),
                self.line(decision.marker.start)
            )?;
        }
        Ok(())
    }

    fn json(&self, display: &str) -> Value {
        let m = self.minutes;
        let span = |s: Span| json!({"line": self.line(s.start), "text": s.slice(self.text)});
        let attendance: Vec<Value> = m
            .attendance
            .iter()
            .map(|section| {
                json!({
                    "kind": section.kind.label(),
                    "line": self.line(section.heading.start),
                    "people": section.people.iter().map(|p| json!({
                        "name": p.display_name(self.text),
                        "line": self.line(p.span.start),
                        "chair": p.chair,
                        "vice_chair": p.vice_chair,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let items: Vec<Value> = m
            .items
            .iter()
            .map(|item| {
                json!({
                    "number": item.number.as_ref().map(|n| n.as_str(self.text)),
                    "title": item.title.slice(self.text),
                    "line": self.line(item.span.start),
                    "procedural": item.procedural.is_some(),
                    "sub_items": item.sub_items.iter().map(|s| json!({
                        "number": s.number.as_str(self.text),
                        "title": s.title.slice(self.text),
                        "line": self.line(s.number.span.start),
                    })).collect::<Vec<_>>(),
                    "decisions": item.decisions.iter().map(|d| json!({
                        "kind": Self::decision_kind(d.kind),
                        "line": self.line(d.marker.start),
                        "text": d.marker.slice(self.text),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "path": display,
            "shape": match m.shape { Shape::Meeting => "meeting", Shape::SingleItem => "single-item" },
            "title": m.header.title.map(span),
            "date": m.header.date.as_ref().map(|d| span(d.span)),
            "attendance": attendance,
            "items": items,
        })
    }
}
