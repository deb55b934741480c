//! One person's surname spelled two ways in one document.
//!
//! A misspelt name in published minutes is a correction request waiting to happen, and it breaks
//! searches for that person's record. Two surnames count as one person spelled two ways when
//! they differ by one letter (two for surnames of eight letters or more; swapped neighbours count
//! as one), and the names carry the same title or fitting first names or initials ("Councillor
//! Taylor" and "Councillor Tayler", "J Smith" and "John Smyth").
//!
//! Left alone, because they are usually two people: surnames under four letters; four-letter
//! surnames with one letter changed ("Hill" and "Hall"; "Reid" and "Ried", two letters swapped,
//! and "Reid" and "Reidd" still count); short surnames that differ only in their first letter
//! ("Terry" and "Berry" are two families, and a slip of the keyboard rarely falls on a name's
//! capital); and two names that are both written in lists,
//! since lists are copied from the register: "Councillors Reid and Reed", "Councillor A Brown"
//! present and "Councillor A Browne" sending apologies, or "Cllrs Allen, Aylen and Berry" in a
//! recorded vote. A possessive ("Mr Thomas' report", "Councillor Hale’s motion") is not part of
//! the name. The same letters in other capitals ("McDonald" and "Mcdonald") are a variant too,
//! but a surname written in capitals ("Councillor J SMITH", a house style for lists) and a
//! different apostrophe ("O’Neill", "O'Neill") are not.
//!
//! ## Example
//!
//! ```text
//! Present: Councillors Alijah, Collins, Lovecy, Reid and Taylor
//!
//! Councillor Tayler asked about the budget. Councillor Taylor replied.
//! ```
//!
//! reports "Tayler", pointing at "Taylor".
//!
//! ## Fix
//!
//! Unsafe, because a name is easy to get wrong in either direction: use the spelling written
//! most often (on a tie, the attendance list's spelling, then the first one written).

use crate::core::analysis::people::{given_compatible, titles_compatible, PeopleAnalysis, PersonEntry};
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::rules::{Context, Group, Rule};
use std::collections::HashMap;


/// Surnames longer than this (in characters) are not compared: no real surname is.
const MAX_LEN: usize = 40;
/// Longest surname whose two-letter deletions are generated.
const MAX_LEN_DOUBLE: usize = 24;
/// Past this many different surnames (hostile input) only one-letter differences are looked for.
const MAX_KEYS_DOUBLE: usize = 2000;
/// Names sharing one deletion key beyond this are not compared pairwise.
const MAX_BUCKET: usize = 8;

/// The largest edit distance accepted between two surnames of these lengths.
fn allowed(a: usize, b: usize) -> usize {
    match a.min(b) {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

pub(crate) const RULE: Rule = Rule {
    name: "name-variant",
    default_severity: Severity::Warning,
    group: Group::People,
    source: include_str!("name_variant.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let people = ctx.people();
    let text = ctx.text;
    // Distinct folded surnames and who carries each.
    let mut keys: Vec<&str> = Vec::new();
    let mut carriers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, person) in people.people.iter().enumerate() {
        let entry = carriers.entry(person.key.as_str()).or_default();
        if entry.is_empty() {
            keys.push(person.key.as_str());
        }
        entry.push(i);
    }
    case_variants(ctx, out);
    let pairs = close_pairs(&keys);
    if pairs.is_empty() {
        return;
    }
    // Whether a person is written in a list taken from the register: an attendance list, or a
    // roll of names in the prose ("Councillors Allen, Aylen and Berry voted for").
    let listed = |p: &PersonEntry| people.mentions_of(p).any(|m| m.in_list(text));
    let ranks: Vec<Rank> = people.people.iter().map(|p| rank(people, p)).collect();
    // For each person, the better-attested person whose spelling it probably misspells.
    let mut better: HashMap<usize, usize> = HashMap::new();
    for (a, b) in pairs {
        for &pa in carriers[keys[a]].iter().take(MAX_BUCKET) {
            for &pb in carriers[keys[b]].iter().take(MAX_BUCKET) {
                let (x, y) = (&people.people[pa], &people.people[pb]);
                // Two names each deliberately listed are two people ("Brown" present, "Browne"
                // sending apologies, "Allen" and "Aylen" in a vote): lists come from the register.
                if !same_person(x, y) || (listed(x) && listed(y)) {
                    continue;
                }
                let (lo, hi) = if ranks[pa] < ranks[pb] { (pa, pb) } else { (pb, pa) };
                let current = better.entry(lo).or_insert(hi);
                if ranks[hi] > ranks[*current] {
                    *current = hi;
                }
            }
        }
    }
    let mut found: Vec<(usize, usize)> = better.into_iter().collect();
    found.sort_unstable();
    for (lo, hi) in found {
        let (variant, preferred) = (&people.people[lo], &people.people[hi]);
        let Some(&(want, count)) = people.spellings(text, preferred).first() else {
            continue;
        };
        let Some(example) = people.mentions_of(preferred).find(|m| m.surname.slice(text) == want) else {
            continue;
        };
        let name = people.display_name(text, preferred);
        let listed = people.mentions_of(preferred).any(|m| m.in_attendance());
        let evidence = match (count, listed) {
            (1, true) => format!("{name} in the attendance"),
            (1, false) => format!("{name}, named earlier"),
            (n, _) => format!("{name}, written {n} times"),
        };
        for mention in people.mentions_of(variant) {
            let have = mention.surname.slice(text);
            if have == want {
                continue;
            }
            out.push(
                Diagnostic::new(
                    RULE.name,
                    mention.surname,
                    format!("\"{have}\" may be a misspelling of \"{want}\" ({evidence})"),
                )
                .with_related(example.surname, format!("spelled \"{want}\" here"))
                .with_fix(Fix::unsafe_(
                    format!("Spell it \"{want}\""),
                    vec![Edit::replace(mention.surname, want)],
                )),
            );
        }
    }
}

/// One person written "McDonald" and "Mcdonald": the same letters in other capitals. Surnames in
/// capitals ("Councillor J SMITH", a house style for lists) and apostrophe styles are not
/// variants.
fn case_variants(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let people = ctx.people();
    let text = ctx.text;
    for person in people.people.iter().filter(|p| p.mentions.len() > 1 && !p.ambiguous) {
        let spellings = people.spellings(text, person);
        let Some(&(want, count)) = spellings.first() else {
            continue;
        };
        let shouty = |s: &str| !s.chars().any(char::is_lowercase);
        if spellings.len() < 2 || shouty(want) {
            continue;
        }
        let Some(example) = people.mentions_of(person).find(|m| m.surname.slice(text) == want) else {
            continue;
        };
        for &(have, _) in &spellings[1..] {
            let straight = |s: &str| s.replace('’', "'");
            // Capitals, or only the apostrophe differs: a house style, not a misspelling.
            if shouty(have) || straight(have) == straight(want) {
                continue;
            }
            if straight(have).to_lowercase() != straight(want).to_lowercase() {
                continue;
            }
            for mention in people.mentions_of(person).filter(|m| m.surname.slice(text) == have) {
                out.push(
                    Diagnostic::new(
                        RULE.name,
                        mention.surname,
                        format!(
                            "\"{have}\" is written \"{want}\" elsewhere ({count} time{})",
                            if count == 1 { "" } else { "s" }
                        ),
                    )
                    .with_related(example.surname, format!("spelled \"{want}\" here"))
                    .with_fix(Fix::unsafe_(
                        format!("Spell it \"{want}\""),
                        vec![Edit::replace(mention.surname, want)],
                    )),
                );
            }
        }
    }
}

/// Same title or fitting first names, and nothing that says they differ.
fn same_person(a: &PersonEntry, b: &PersonEntry) -> bool {
    if a.ambiguous || b.ambiguous {
        return false;
    }
    let given = given_compatible(a.given.as_deref(), b.given.as_deref());
    let titles = titles_compatible(a.titles, b.titles);
    let shared_title = a.titles & b.titles != 0;
    given && titles && ((a.given.is_some() && b.given.is_some()) || shared_title)
}

/// How well attested a spelling is: times written, then listed in attendance, then written first.
type Rank = (usize, bool, std::cmp::Reverse<usize>);

fn rank(people: &PeopleAnalysis, p: &PersonEntry) -> Rank {
    let listed = people.mentions_of(p).any(|m| m.in_attendance());
    let first = people
        .mentions_of(p)
        .map(|m| m.surname.start)
        .min()
        .unwrap_or(usize::MAX);
    (p.mentions.len(), listed, std::cmp::Reverse(first))
}

/// Pairs of keys (indices) whose edit distance is within [`allowed`], found through shared
/// deletion variants so that the work stays near linear in the number of surnames.
fn close_pairs(keys: &[&str]) -> Vec<(usize, usize)> {
    let chars: Vec<Vec<char>> = keys.iter().map(|k| k.chars().collect()).collect();
    let double = keys.len() <= MAX_KEYS_DOUBLE;
    // Deletion variants are hashed rather than built as strings: a collision only costs one
    // extra distance check, since every candidate pair is verified.
    let mut variants: Vec<(u64, usize)> = Vec::new();
    for (i, word) in chars.iter().enumerate() {
        let n = word.len();
        if !(4..=MAX_LEN).contains(&n) {
            continue;
        }
        variants.push((hash_without(word, n, n), i));
        for a in 0..n {
            variants.push((hash_without(word, a, n), i));
            if double && (8..=MAX_LEN_DOUBLE).contains(&n) {
                for b in a + 1..n {
                    variants.push((hash_without(word, a, b), i));
                }
            }
        }
    }
    variants.sort_unstable();
    variants.dedup();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for run in variants.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < 2 || run.len() > MAX_BUCKET {
            continue;
        }
        for (x, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[x + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs.retain(|&(a, b)| {
        let limit = allowed(chars[a].len(), chars[b].len());
        let distance = strsim::osa_distance(keys[a], keys[b]);
        (1..=limit).contains(&distance) && !rhymes(&chars[a], &chars[b]) && !short_swap(&chars[a], &chars[b])
    });
    pairs
}

/// Short surnames that differ only in their first letter ("Terry" and "Berry", "Rowe" and
/// "Howe") are different families far more often than a slip of the keyboard, which rarely
/// falls on the capital that starts a name.
fn rhymes(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a.len() <= 6 && a.first() != b.first() && a[1..] == b[1..]
}

/// Four-letter surnames one letter apart ("Hill" and "Hall", "Alam" and "Alan", "Rose" and
/// "Rowe") are nearly always two names: only two letters swapped ("Reid" and "Ried") or one
/// left out or doubled counts as a slip at that length.
fn short_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() || a.len() > 4 {
        return false;
    }
    a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
}

/// A hash of `word` without the characters at positions `a` and `b` (pass the length to skip none).
fn hash_without(word: &[char], a: usize, b: usize) -> u64 {
    // FNV-1a: small, fast and deterministic.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, c) in word.iter().enumerate() {
        if i == a || i == b {
            continue;
        }
        h ^= u64::from(u32::from(*c));
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use crate::core::diagnostic::{Applicability, Diagnostic};
    use crate::core::fix::apply_edits;

    fn check(text: &str) -> Vec<Diagnostic> {
        super::RULE.findings(text)
    }


    #[test]
    fn four_letter_surnames_count_swaps_not_changed_letters() {
        let text = "Present:\n\nCouncillor P Hill (Chair)\n\n1. Budget\n\nCouncillor P Hall asked about reserves.\n\nRESOLVED – noted.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
        let text = "Present:\n\nCouncillor P Reid (Chair)\n\n1. Budget\n\nCouncillor P Ried asked about reserves.\n\nRESOLVED – noted.\n";
        assert_eq!(check(text).len(), 1, "{:?}", check(text));
    }

    #[test]
    fn rhyming_surnames_possessives_and_roll_calls_are_not_variants() {
        // A different first letter on a short surname: another family.
        let text = "Present:\n\nCouncillor P Kerry (Chair)\n\n1. Budget\n\nCouncillor P Berry asked about reserves.\n\nRESOLVED – noted.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
        // A possessive is the same spelling.
        let text =
            "Present:\n\nMr Dale Haddon, Clerk\n\n1. Budget\n\nMr Haddon' report was noted.\n\nRESOLVED – noted.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
        // Two names in rolls of a vote, each copied from the register.
        let text = "Apologies for absence were received from Councillor T Lennon.\n\n1. Budget\n\nFor: Cllrs T Lennon, A Venn and B Okafor. Against: Cllrs T Lemon, C Dunn and D Ashby.\n\nRESOLVED – agreed.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
        // One letter wrong away from the list is still a variant.
        let text = "Present:\n\nCouncillor T Lennon (Chair)\n\n1. Budget\n\nCouncillor T Lenon asked about reserves.\n\nRESOLVED – noted.\n";
        assert_eq!(check(text).len(), 1, "{:?}", check(text));
    }

    #[test]
    fn a_misspelling_is_fixed_to_the_common_spelling() {
        let text = "Present:\n\nCouncillors Alijah, Collins, Lovecy, Reid and Taylor (Chair)\n\n1. Budget\n\nCouncillor Tayler asked about the budget. Councillor Taylor replied.\n";
        let found = check(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(d.span.slice(text), "Tayler");
        assert_eq!(d.related[0].span.slice(text), "Taylor");
        assert_eq!(d.fixes[0].applicability, Applicability::Unsafe);
        let fixed = apply_edits(text, &d.fixes[0].edits);
        assert!(fixed.contains("Councillor Taylor asked"));
        assert!(check(&fixed).is_empty());
    }

    #[test]
    fn a_tie_prefers_the_attendance_list() {
        let text =
            "Present:\n\nCouncillor J Smith (Chair), Councillor B Lovecy\n\n1. Budget\n\nCouncillor Lovesy spoke.\n";
        let found = check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Lovesy");
        // First names that fit count as "same person" without a shared title.
        let text = "Mr J Smith (Chair)\n\nPresent: Councillor Patel\n\nJohn Smyth (Chair) thanked everyone.\n";
        let _ = check(text);
    }

    #[test]
    fn long_names_allow_two_letters_short_names_one() {
        let text = "Present:\n\nCouncillor Anne Richardson (Chair)\n\n1. Budget\n\nCouncillor Anne Richardsen spoke. Councillor Anne Richardsonn agreed. Councillor Richardson and Councillor Anne Rickhardsen left.\n";
        let found: Vec<&str> = check(text)
            .iter()
            .map(|d| d.span.slice(text))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let found: Vec<String> = found.iter().map(|s| s.to_string()).collect();
        assert!(found.contains(&"Richardsen".to_string()), "{found:?}");
        assert!(found.contains(&"Richardsonn".to_string()));
        assert!(found.contains(&"Rickhardsen".to_string()));
        // Four letters: two letters swapped, not one changed (Reed is another name); three
        // letters: never.
        let text = "Councillor Reid met Councillor Ried.\n\nCouncillor Reid and Councillor Reed left. Councillor Lee met Councillor Lea and Councillor Lee.\n";
        let found: Vec<&str> = check(text)
            .iter()
            .map(|d| d.span.slice(text))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let found: Vec<String> = found.iter().map(|s| s.to_string()).collect();
        assert_eq!(found, ["Ried"]);
    }

    #[test]
    fn different_people_are_not_variants() {
        // Both in one list.
        let text = "Present:\n\nCouncillors Reid and Reed (Chair)\n\n1. Budget\n\nCouncillor Reid spoke.\n";
        assert!(check(text).is_empty());
        // Different first names or titles.
        let text = "Councillor John Taylor met Councillor Jane Tayler.\n\nMr Taylor met Mrs Tayler. Councillor S Reid met Councillor J Reed.\n";
        assert!(check(text).is_empty());
    }

    #[test]
    fn swapped_letters_and_odd_text() {
        let text = "Councillor Taylor, Councillor Taylor and Councillor Talyor.\r\nCouncillor Zoë Smi\u{301}th met Councillor Zoë Smith 😀.\r";
        let found: Vec<String> = check(text).iter().map(|d| d.span.slice(text).to_string()).collect();
        assert!(found.contains(&"Talyor".to_string()), "{found:?}");
    }

    #[test]
    fn many_surnames_stay_fast() {
        let mut text = String::new();
        for i in 0..20_000u32 {
            let letters: String = (0..4)
                .map(|k| char::from(b'a' + ((i / 26u32.pow(k)) % 26) as u8))
                .collect();
            text.push_str(&format!("Councillor Ab{letters}son spoke. "));
        }
        let start = std::time::Instant::now();
        let _ = check(&text);
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn capitals_differing_are_variants_unless_shouted() {
        let text = "Present: Councillor A McDonald (Chair), Councillor B O’Neill, Councillor C SMITH\n\n1. Budget\n\nCouncillor Mcdonald spoke. Councillor McDonald replied. Councillor O'Neill and Councillor Smith agreed.\n";
        let found: Vec<&str> = check(text).iter().map(|d| d.span.slice(text)).collect::<Vec<_>>();
        let found: Vec<String> = found.into_iter().map(String::from).collect();
        assert_eq!(found, ["Mcdonald"]);
    }
}
