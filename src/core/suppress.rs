//! In-text suppressions for Markdown drafts: `<!-- minutes-lint: allow RULE -->` silences RULE on
//! the next line, `<!-- minutes-lint: allow-file RULE -->` in the whole file.

use crate::core::text::{LineIndex, Span};
use regex::Regex;
use std::sync::OnceLock;

/// The suppressions written in a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// Rules allowed in the whole file ("all" allows every rule).
    pub file: Vec<String>,
    /// Rules allowed on a span (the line after the comment).
    pub lines: Vec<(Span, Vec<String>)>,
    /// The comments themselves, so that rules do not read them as prose.
    pub comments: Vec<Span>,
}

impl Suppressions {
    /// True when a diagnostic of `rule` starting at `offset` is silenced.
    pub fn allows(&self, rule: &str, offset: usize) -> bool {
        let named = |rules: &Vec<String>| rules.iter().any(|r| r == rule || r == "all");
        named(&self.file)
            || self
                .lines
                .iter()
                .any(|(span, rules)| span.contains(offset) && named(rules))
    }
}

/// Reads the suppression comments of a Markdown text.
pub fn find_suppressions(text: &str, index: &LineIndex) -> Suppressions {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"<!--\s*minutes-lint:\s*(allow-file|allow)\s+([a-z][a-z0-9, -]*?)\s*-->").expect("valid")
    });
    let mut found = Suppressions::default();
    for caps in re.captures_iter(text) {
        let (Some(all), Some(kind), Some(list)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let rules: Vec<String> = list
            .as_str()
            .split([',', ' '])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        found.comments.push(Span::new(all.start(), all.end()));
        if kind.as_str() == "allow-file" {
            found.file.extend(rules);
        } else {
            let next_line = index.line_of(all.end()) + 1;
            let span = index.line_span(text, next_line);
            // The span also takes the line break, so that a diagnostic at the line's end counts.
            found.lines.push((Span::new(span.start, span.end + 1), rules));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_covers_the_next_line_only() {
        let text = "<!-- minutes-lint: allow undefined-acronym -->\nThe LGA met.\nThe LGA met again.\n";
        let s = find_suppressions(text, &LineIndex::new(text));
        let first = text.find("LGA").unwrap();
        let second = text.rfind("LGA").unwrap();
        assert!(s.allows("undefined-acronym", first));
        assert!(!s.allows("undefined-acronym", second));
        assert!(!s.allows("first-person", first));
    }

    #[test]
    fn allow_file_covers_everything() {
        let text = "x\n<!-- minutes-lint: allow-file first-person, title-style -->\n";
        let s = find_suppressions(text, &LineIndex::new(text));
        assert!(s.allows("title-style", 0));
        assert!(s.allows("first-person", 0));
        assert!(!s.allows("paste-residue", 0));
    }
}
