//! The parts of a draft that are not prose (item numbers, URLs, e-mail addresses, comments,
//! pasted residue),
//! asked about in order of position: rules that read prose word by word skip them in one pass.

use crate::core::model::{Minutes, Residue};
use crate::core::text::Span;

/// Spans that are not prose (URLs, comments, residue), asked about in increasing order of
/// position so that a long text with many of them stays linear.
pub struct Opaque<'m> {
    opaque: &'m [Span],
    next_opaque: usize,
    residue: &'m [Residue],
    next_residue: usize,
}

impl<'m> Opaque<'m> {
    pub fn new(minutes: &'m Minutes) -> Self {
        Opaque {
            opaque: &minutes.opaque,
            next_opaque: 0,
            residue: &minutes.residue,
            next_residue: 0,
        }
    }

    /// Whether `span` overlaps an opaque span; `span.start` must not go back between calls.
    pub fn overlaps(&mut self, span: Span) -> bool {
        hit(self.opaque, |s| *s, &mut self.next_opaque, span)
            || hit(self.residue, |r| r.span, &mut self.next_residue, span)
    }
}

/// Whether `span` overlaps one of `items` (sorted by start), from `*next` on; spans ending
/// before `span` starts are skipped for good, since later questions start no earlier.
fn hit<T>(items: &[T], key: impl Fn(&T) -> Span, next: &mut usize, span: Span) -> bool {
    while items.get(*next).is_some_and(|item| key(item).end <= span.start) {
        *next += 1;
    }
    items
        .get(*next..)
        .unwrap_or(&[])
        .iter()
        .map(key)
        .take_while(|s| s.start < span.end)
        .any(|s| s.overlaps(span))
}
