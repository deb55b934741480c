//! Outcome phrases ("approved as a correct record"): searched for once in the whole draft and
//! handed out paragraph by paragraph, instead of one search per paragraph.

use crate::core::text::Span;
use crate::core::vocabulary::Vocabulary;
use std::ops::Range;

/// The outcome phrases of a draft, found on first use.
#[derive(Default)]
pub(super) struct Outcomes {
    /// Every match in the whole text, in order; `Some(None)` when that search cannot stand in
    /// for a paragraph's own (an empty phrase matches everywhere, differently at the edges).
    whole: Option<Option<Vec<Range<usize>>>>,
}

impl Outcomes {
    /// The outcome phrases in `content`, as a search of `content` alone finds them.
    ///
    /// The phrases are literal, so the whole text's matches inside `content` are its own
    /// matches, unless a match crosses one of its edges (it might then hide another): then
    /// `content` is searched alone.
    pub fn in_block(&mut self, text: &str, vocabulary: &Vocabulary, content: Span) -> Vec<Span> {
        let whole = self.whole.get_or_insert_with(|| {
            let literal = !vocabulary.outcome_phrases.iter().any(String::is_empty);
            literal.then(|| vocabulary.outcomes(text))
        });
        if let Some(found) = whole {
            let first = found.partition_point(|r| r.end <= content.start);
            let touching = found
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|r| r.start < content.end);
            if touching
                .clone()
                .all(|r| content.start <= r.start && r.end <= content.end)
            {
                return touching.map(|r| Span::new(r.start, r.end)).collect();
            }
        }
        let slice = text.get(content.range()).unwrap_or_default();
        vocabulary.outcomes(slice).into_iter().map(|r| content.sub(r)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_get_the_matches_of_their_own_search() {
        let vocabulary = Vocabulary::default();
        let text = "Minutes approved as a correct record.\nThe minutes were agreed as a correct\nrecord. Approved As A Correct Record";
        let mut outcomes = Outcomes::default();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            for end in [line.len(), line.len() / 2] {
                let content = Span::new(at, at + end);
                let own: Vec<Span> = vocabulary
                    .outcomes(content.slice(text))
                    .into_iter()
                    .map(|r| content.sub(r))
                    .collect();
                assert_eq!(outcomes.in_block(text, &vocabulary, content), own, "{content:?}");
            }
            at += line.len();
        }
        let whole = Span::new(0, text.len());
        // The phrase broken over a line is not one.
        assert_eq!(outcomes.in_block(text, &vocabulary, whole).len(), 2);
    }
}
