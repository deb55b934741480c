//! The vocabulary's line openings grouped by first byte, so that each line of a long draft is
//! compared only with the few headings and decision openings that could start it.

use crate::core::model::AttendanceKind;
use crate::core::vocabulary::Vocabulary;

/// The vocabulary, with its attendance headings and decision openings indexed for [`line_role`](super).
pub(super) struct LineWords<'v> {
    pub vocabulary: &'v Vocabulary,
    attendance: ByFirstByte,
    openings: ByFirstByte,
}

impl<'v> LineWords<'v> {
    pub fn new(vocabulary: &'v Vocabulary) -> Self {
        LineWords {
            vocabulary,
            // Headings are compared ignoring ASCII case, openings exactly.
            attendance: ByFirstByte::new(vocabulary.attendance_headings.iter().map(|(w, _)| w.as_str()), true),
            openings: ByFirstByte::new(vocabulary.decision_openings.iter().map(String::as_str), false),
        }
    }

    /// The attendance headings that may start `line` (ignoring ASCII case), in vocabulary order.
    pub fn attendance_headings<'a>(&'a self, line: &str) -> impl Iterator<Item = &'v (String, AttendanceKind)> + 'a {
        let headings = &self.vocabulary.attendance_headings;
        self.attendance.candidates(line).iter().filter_map(|&i| headings.get(i))
    }

    /// The decision openings that may start `line`, in vocabulary order.
    pub fn decision_openings<'a>(&'a self, line: &str) -> impl Iterator<Item = &'v String> + 'a {
        let openings = &self.vocabulary.decision_openings;
        self.openings.candidates(line).iter().filter_map(|&i| openings.get(i))
    }
}

/// Indices of words grouped by their first byte (ASCII lower-cased when folding), each group in
/// the words' order. An empty word starts every line, so it is in every group.
struct ByFirstByte {
    /// One group per byte value, then one for the empty line.
    groups: Vec<Vec<usize>>,
    fold: bool,
}

impl ByFirstByte {
    fn new<'w>(words: impl Iterator<Item = &'w str>, fold: bool) -> Self {
        let mut groups = vec![Vec::new(); 257];
        for (i, word) in words.enumerate() {
            match word.as_bytes().first() {
                Some(&b) => {
                    if let Some(group) = groups.get_mut(slot(b, fold)) {
                        group.push(i);
                    }
                }
                None => groups.iter_mut().for_each(|g| g.push(i)),
            }
        }
        ByFirstByte { groups, fold }
    }

    fn candidates(&self, line: &str) -> &[usize] {
        let slot = line.as_bytes().first().map_or(256, |&b| slot(b, self.fold));
        self.groups.get(slot).map_or(&[], Vec::as_slice)
    }
}

fn slot(byte: u8, fold: bool) -> usize {
    usize::from(if fold { byte.to_ascii_lowercase() } else { byte })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_empty_words() {
        let index = ByFirstByte::new(["Present", "", "apologies", "Absent", "É"].into_iter(), true);
        assert_eq!(index.candidates("present:"), &[0, 1]);
        assert_eq!(index.candidates("ABSENT"), &[1, 2, 3]);
        assert_eq!(index.candidates(""), &[1]);
        assert_eq!(index.candidates("Élu"), &[1, 4]);
        assert_eq!(index.candidates("x"), &[1]);
        let exact = ByFirstByte::new(["RESOLVED", "Resolved", "AGREED"].into_iter(), false);
        assert_eq!(exact.candidates("Resolved that"), &[0, 1]);
        assert_eq!(exact.candidates("resolved"), &[] as &[usize]);
    }
}
