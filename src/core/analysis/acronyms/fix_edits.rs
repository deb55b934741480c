//! What fixes need from the analysis: the text that spells an acronym out at a use, and whether
//! an edit writes a definition the analysis would recognise (so that fixing converges).

use super::definitions::WINDOW;
use super::detection::acronym_base;
use super::tokens::is_chunk_separator;
use super::AcronymAnalysis;
use crate::core::config::Config;
use crate::core::diagnostic::Edit;
use crate::core::model::Minutes;
use crate::core::text::floor_char_boundary;
use crate::core::text::Span;

/// Whether replacing `span` of `text` with `new_text` writes a definition of the acronym `name`
/// that this analysis would recognise, and undoes none that it recognises now ("Clinical
/// Commissioning Group (CG) (CCG)" would define CG and undo CCG): a fix may call itself safe only
/// when it does, or fixing would never converge. Judged on an excerpt of the edited line that
/// holds everything the analysis reads around the edit (see [`excerpt_start`]); a line too long
/// to cut that way gets the answer no.
pub fn edit_defines(text: &str, span: Span, new_text: &str, name: &str, config: &Config) -> bool {
    if text.get(span.start..span.end).is_none() {
        return false;
    }
    let reach = 2 * WINDOW + new_text.len();
    let (Some(from), Some(to)) = (
        excerpt_start(text, span.start, reach),
        excerpt_end(text, span.end, reach),
    ) else {
        return false;
    };
    let edited = format!("{}{new_text}{}", &text[from..span.start], &text[span.end..to]);
    let inserted = Span::new(span.start - from, span.start - from + new_text.len());
    let now = AcronymAnalysis::new(&edited, &Minutes::default(), config);
    let defines = now
        .get(name)
        .is_some_and(|info| info.definitions.iter().any(|d| inserted.covers(d.acronym)));
    defines
        && AcronymAnalysis::new(&text[from..to], &Minutes::default(), config)
            .iter()
            .filter(|was| !was.definitions.is_empty())
            .all(|was| now.get(&was.name).is_some_and(|info| !info.definitions.is_empty()))
}

/// The furthest [`edit_defines`] looks from an edit; a line that cannot be cut within it is not
/// judged.
pub(super) const EXCERPT_LIMIT: usize = 4096;

/// How many chunks an excerpt keeps on each side of an edit: more than [`neighbours`](super::tokens::neighbours) reads.
pub(super) const EXCERPT_CHUNKS: usize = 7;

/// Where an excerpt of the line before `at` starts: at the line's start, or at the start of a
/// chunk at least `reach` bytes and [`EXCERPT_CHUNKS`] chunks before `at`, so that every chunk the
/// analysis reads near the edit is whole. None when that is more than [`EXCERPT_LIMIT`] away.
pub(super) fn excerpt_start(text: &str, at: usize, reach: usize) -> Option<usize> {
    let floor = floor_char_boundary(text, at.saturating_sub(EXCERPT_LIMIT));
    let steps = text[floor..at]
        .char_indices()
        .rev()
        .map(|(i, c)| (floor + i + c.len_utf8(), c));
    excerpt_edge(steps, at, reach, (floor == 0).then_some(0))
}

/// Where an excerpt of the line after `at` ends: the mirror of [`excerpt_start`].
pub(super) fn excerpt_end(text: &str, at: usize, reach: usize) -> Option<usize> {
    let mut ceiling = (at + EXCERPT_LIMIT).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling += 1;
    }
    let steps = text[at..ceiling].char_indices().map(|(i, c)| (at + i, c));
    excerpt_edge(steps, at, reach, (ceiling == text.len()).then_some(text.len()))
}

/// The edge of an excerpt, walking away from `at` over `steps` (each character with its
/// boundary on the side nearer `at`): the first line break, or the first chunk boundary far
/// enough away; else `text_end` when the walk reached the end of the text.
pub(super) fn excerpt_edge(
    steps: impl Iterator<Item = (usize, char)>,
    at: usize,
    reach: usize,
    text_end: Option<usize>,
) -> Option<usize> {
    let mut chunks = 0;
    let mut in_chunk = false;
    for (near, c) in steps {
        if c == '\n' || c == '\r' {
            return Some(near);
        }
        if !is_chunk_separator(c) {
            in_chunk = true;
            continue;
        }
        chunks += usize::from(std::mem::take(&mut in_chunk));
        if chunks >= EXCERPT_CHUNKS && near.abs_diff(at) >= reach {
            return Some(near);
        }
    }
    text_end
}

/// The text that spells an acronym out where it is used: "Local Government Association (LGA)",
/// with a plural long form for a plural use ("GPs") and a capital at the start of a sentence.
pub fn spelled_out(text: &str, use_span: Span, long: &str) -> String {
    let written = dotted_use(text, use_span).slice(text);
    // One line, whatever line breaks the long form was written across.
    let mut long = long.split_whitespace().collect::<Vec<_>>().join(" ");
    let plural =
        written.len() > 1 && written.ends_with('s') && acronym_base(written).is_some_and(|b| b.len() < written.len());
    if plural && !long.ends_with('s') {
        let consonant_y = long.ends_with('y') && !long[..long.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
        if consonant_y {
            long.pop();
            long.push_str("ies");
        } else {
            long.push('s');
        }
    }
    let from = floor_char_boundary(text, use_span.start.saturating_sub(64));
    let before = text.get(from..use_span.start).unwrap_or("");
    let line_before = before.rsplit(['\n', '\r']).next().unwrap_or("");
    let prefix = line_before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '"' | '“' | '‘' | '\'' | '(' | '-' | '•' | '·' | '#')
    });
    let sentence_start = prefix.is_empty() || prefix.ends_with(['.', '!', '?', ':']);
    if sentence_start {
        let mut chars = long.chars();
        if let Some(first) = chars.next() {
            long = first.to_uppercase().chain(chars).collect();
        }
    }
    format!("{long} ({written})")
}

/// The edit that spells an acronym out at a use: [`spelled_out`] in place of the use. A dotted
/// acronym takes its closing full stop into the brackets ("P.C.C. attended" → "Police and Crime
/// Commissioner (P.C.C.) attended"), and gives the full stop back after them when it also ended
/// the sentence.
pub fn spell_out_edit(text: &str, use_span: Span, long: &str) -> Edit {
    let span = dotted_use(text, use_span);
    let mut new_text = spelled_out(text, use_span, long);
    if span != use_span {
        let rest = &text[span.end..];
        let next = rest.trim_start_matches([' ', '\t']);
        let ends_sentence = rest.is_empty()
            || rest.starts_with(['\n', '\r'])
            || (next.len() < rest.len() && next.starts_with(|c: char| c.is_uppercase()));
        if ends_sentence {
            new_text.push('.');
        }
    }
    Edit::replace(span, new_text)
}

/// A dotted acronym's use with the full stop after its last letter ("P.C.C" of "P.C.C."), or the
/// use as it is.
fn dotted_use(text: &str, use_span: Span) -> Span {
    let written = use_span.slice(text);
    let dotted = written.contains('.') && !written.ends_with('.');
    if dotted && text[use_span.end..].starts_with('.') {
        Span::new(use_span.start, use_span.end + 1)
    } else {
        use_span
    }
}
