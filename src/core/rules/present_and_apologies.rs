//! A person listed both as present and as having sent apologies.
//!
//! Someone who sent apologies was not at the meeting, and someone present did not need to send
//! them: one of the two lists is wrong, and published minutes are the legal record of who took
//! part. The same person means the same surname with titles and first names or initials that fit
//! together ("Councillor Taylor" and "Councillors … and Taylor"; not "Mr Taylor" the officer, and
//! not "Councillor J Taylor" and "Councillor S Taylor"), and either first names on both or
//! titles of one family on both: "Alison Hale, Dog Warden" in attendance and "Cllr Hale"
//! sending apologies may be two people. Being "also present" or "in attendance" counts as
//! present. Attendance lists end where prose starts, even without a blank line, so a present
//! councillor thanked in the next paragraph is not read into the apologies. In an apologies
//! item's prose, only names the sentence gives as apologising count: not substitutes, people
//! arriving late or leaving early, nor the proposer and seconder of accepting the apologies.
//!
//! ## Example
//!
//! ```text
//! Present:
//!
//! Councillor Stone – in the Chair Councillors Alijah, Collins, Lovecy, Reid and Taylor
//!
//! Apologies:
//!
//! Councillor Taylor
//! ```
//!
//! reports "Councillor Taylor is listed as present and as sending apologies", pointing at the
//! other listing.
//!
//! ## Fix
//!
//! Two unsafe fixes, since only the clerk knows which list is right: remove the person from the
//! present list ("Councillors Alijah, Collins, Lovecy and Reid"), or remove them from the
//! apologies (a name alone on its line takes the line with it).

use crate::core::analysis::people::{block_at, Mention, Source};
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::{AttendanceKind, Minutes, Person};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;


fn is_present(kind: AttendanceKind) -> bool {
    matches!(
        kind,
        AttendanceKind::Present | AttendanceKind::AlsoPresent | AttendanceKind::InAttendance
    )
}

pub(crate) const RULE: Rule = Rule {
    name: "present-and-apologies",
    default_severity: Severity::Error,
    group: Group::People,
    source: include_str!("present_and_apologies.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let people = ctx.people();
    for person in people.people.iter().filter(|p| !p.ambiguous) {
        let listed: Vec<&Mention> = people.mentions_of(person).filter(|m| !m.uncertain).collect();
        let present: Vec<&Mention> = listed
            .iter()
            .copied()
            .filter(|m| m.kind().is_some_and(is_present))
            .collect();
        let apologies: Vec<&Mention> = listed
            .iter()
            .copied()
            .filter(|m| m.kind() == Some(AttendanceKind::Apologies))
            .collect();
        // Only a pair that certainly names one person counts: "Alison Robertson, Dog Warden"
        // in attendance and "Cllr Robertson" sending apologies may be two people.
        let present: Vec<&Mention> = present
            .iter()
            .copied()
            .filter(|p| apologies.iter().any(|a| certainly_same(p, a)))
            .collect();
        let apologies: Vec<&Mention> = apologies
            .iter()
            .copied()
            .filter(|a| present.iter().any(|p| certainly_same(p, a)))
            .collect();
        let (Some(first_apology), false) = (apologies.first(), present.is_empty()) else {
            continue;
        };
        let name = people.display_name(ctx.text, person);
        let mut diagnostic = Diagnostic::new(
            RULE.name,
            first_apology.span,
            format!("{name} is listed as present and as sending apologies"),
        );
        for m in &present {
            diagnostic = diagnostic.with_related(m.span, format!("{name} listed as {}", kind_label(m)));
        }
        for m in apologies.iter().skip(1) {
            diagnostic = diagnostic.with_related(m.span, format!("{name} listed again as sending apologies"));
        }
        let from_present = removal_edits(ctx.text, ctx.minutes, &present);
        if !from_present.is_empty() {
            diagnostic = diagnostic.with_fix(Fix::unsafe_(
                format!("Remove {name} from the present list"),
                from_present,
            ));
        }
        let from_apologies = removal_edits(ctx.text, ctx.minutes, &apologies);
        if !from_apologies.is_empty() {
            diagnostic = diagnostic.with_fix(Fix::unsafe_(
                format!("Remove {name} from the apologies"),
                from_apologies,
            ));
        }
        out.push(diagnostic);
    }
}

/// Two mentions of one surname, already found compatible, that also certainly name one person:
/// both give first names or initials (which fit), or both carry a title of the same family.
/// A bare "Jo Hale" and a titled "Councillor Hale" may be the officer and the councillor.
fn certainly_same(a: &Mention, b: &Mention) -> bool {
    (a.given.is_some() && b.given.is_some()) || a.titles & b.titles != 0
}

fn kind_label(m: &Mention) -> &'static str {
    m.kind().map_or("present", |k| k.label())
}

/// Edits that take these attendance mentions out of their lists, leaving correct lists behind.
/// A mention that cannot be removed cleanly gets no edit.
pub(crate) fn removal_edits(text: &str, minutes: &Minutes, mentions: &[&Mention]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut done_groups: Vec<Span> = Vec::new();
    for mention in mentions {
        let Some(person) = mention.person_in(minutes) else {
            continue;
        };
        if done_groups.contains(&person.group) {
            continue;
        }
        let (section, index) = match mention.source {
            Source::Attendance { section, index, .. } => (section, index),
            _ => continue,
        };
        let Some(sec) = minutes.attendance.get(section) else {
            continue;
        };
        // A list's names sit next to each other in the section.
        let Some(members) = neighbours(&sec.people, index, |p| p.group == person.group) else {
            continue;
        };
        // The people of this mention's group being removed.
        let removing: Vec<&Person> = members
            .iter()
            .copied()
            .filter(|p| {
                mentions
                    .iter()
                    .any(|m| m.person_in(minutes).is_some_and(|q| std::ptr::eq(q, *p)))
            })
            .collect();
        done_groups.push(person.group);
        if members.is_empty() {
            continue;
        }
        if members.len() > 1 && removing.len() < members.len() {
            if let Some(new_text) = rewrite_list(text, person.group, &members, &removing) {
                edits.push(Edit::replace(person.group, new_text));
            }
            continue;
        }
        // The whole group goes: the line or sentence if nothing else is in it, else the entry.
        if let Some(entry_edits) = remove_entry(text, minutes, &sec.people, index, person.group) {
            edits.extend(entry_edits);
        }
    }
    edits
}

/// The run of people around `index` (included when it matches) for whom `keep` holds; none
/// when the run is longer than any real list, so that hostile input gets no fix rather than
/// quadratic work.
fn neighbours(people: &[Person], index: usize, keep: impl Fn(&Person) -> bool) -> Option<Vec<&Person>> {
    const LIMIT: usize = 256;
    if index >= people.len() {
        return None;
    }
    let mut start = index;
    while start > 0 && keep(&people[start - 1]) {
        start -= 1;
        if index - start > LIMIT {
            return None;
        }
    }
    let mut end = index;
    while end < people.len() && keep(&people[end]) {
        end += 1;
        if end - index > LIMIT {
            return None;
        }
    }
    Some(people[start..end.max(start)].iter().filter(|p| keep(p)).collect())
}

/// "Councillors Alijah, Collins, Lovecy, Reid and Taylor" without Taylor: "Councillors Alijah,
/// Collins, Lovecy and Reid"; down to one name the title becomes singular.
fn rewrite_list(text: &str, group: Span, members: &[&Person], removing: &[&Person]) -> Option<String> {
    let starts: Vec<usize> = members
        .iter()
        .map(|p| p.given.map_or(p.surname.start, |g| g.start))
        .collect();
    let mut pieces = Vec::new();
    let mut separators = Vec::new();
    for i in 0..members.len() {
        let end = if i + 1 < members.len() {
            starts[i + 1]
        } else {
            group.end
        };
        let chunk = text.get(starts[i]..end)?;
        let sep_len = if i + 1 < members.len() {
            separator_at_end().find(chunk).map_or(0, |m| m.len())
        } else {
            0
        };
        let piece = &chunk[..chunk.len() - sep_len];
        if piece.is_empty() {
            return None;
        }
        pieces.push(piece);
        separators.push(&chunk[chunk.len() - sep_len..]);
    }
    let final_sep = if members.len() >= 2 {
        separators[members.len() - 2]
    } else {
        ", "
    };
    let final_sep = if final_sep.is_empty() { " and " } else { final_sep };
    let kept: Vec<&str> = members
        .iter()
        .zip(&pieces)
        .filter(|(p, _)| !removing.iter().any(|r| std::ptr::eq(*r, **p)))
        .map(|(_, piece)| *piece)
        .collect();
    if kept.is_empty() {
        return None;
    }
    // An Oxford comma only between three or more: "Reid, Stone, and Taylor" but "Reid and Stone".
    let oxford = final_sep.trim_start_matches([',', ' ', '\u{a0}']);
    let final_sep = if kept.len() == 2 && final_sep.starts_with(',') && oxford.len() < final_sep.len() - 1 {
        &final_sep[final_sep.len() - oxford.len() - 1..]
    } else {
        final_sep
    };
    let prefix = text.get(group.start..starts[0])?;
    let mut out = String::new();
    if kept.len() == 1 {
        let title_len = prefix.trim_end().len();
        let (title, gap) = prefix.split_at(title_len);
        out.push_str(&singular_title(title));
        out.push_str(gap);
    } else {
        out.push_str(prefix);
    }
    for (i, piece) in kept.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == kept.len() { final_sep } else { ", " });
        }
        out.push_str(piece);
    }
    Some(out)
}

fn singular_title(title: &str) -> String {
    let (word, dot) = match title.strip_suffix('.') {
        Some(w) => (w, "."),
        None => (title, ""),
    };
    let word = match word {
        "Councillors" => "Councillor",
        "Cllrs" => "Cllr",
        other => other,
    };
    format!("{word}{dot}")
}

fn separator_at_end() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:,[\s\u{a0}]*(?:and[\s\u{a0}]+|&[\s\u{a0}]+)?|[\s\u{a0}]+(?:and|&)[\s\u{a0}]+)$").expect("valid")
    })
}

fn separator_at_start() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:[\s\u{a0}]*[,;][\s\u{a0}]*(?:and[\s\u{a0}]+|&[\s\u{a0}]+)?|[\s\u{a0}]+(?:and|&)[\s\u{a0}]+|[\s\u{a0}]+)").expect("valid"))
}

/// Removes one entry (a name with its chair marker and role, or a whole list) from its block.
fn remove_entry(
    text: &str,
    minutes: &Minutes,
    section_people: &[Person],
    index: usize,
    entry: Span,
) -> Option<Vec<Edit>> {
    let block = block_at(minutes, entry.start)?;
    let content = block.content;
    let before = text.get(content.start..entry.start)?;
    let after = text.get(entry.end..content.end)?;
    let around = neighbours(section_people, index, |p| content.covers(p.group))?;
    let others = around.iter().filter(|p| !p.group.overlaps(entry)).count();
    let leftover_blank = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || c == '–' || c == '—')
    };
    if others == 0 {
        if leftover_blank(before) && leftover_blank(after) {
            return Some(vec![Edit::delete(block_removal(text, block.span))]);
        }
        if before.trim_end().ends_with(':') {
            // "Apologies: Councillor Smith." loses the name, keeps its heading.
            let start = content.start + before.trim_end().len();
            let end = if leftover_blank(after) { content.end } else { entry.end };
            return Some(vec![Edit::delete(Span::new(start, end))]);
        }
        let single_sentence = !after.trim_end().trim_end_matches('.').contains(". ") && !before.contains(". ");
        if single_sentence {
            // "Apologies for absence were received from Councillor Brown."
            return Some(vec![Edit::delete(block_removal(text, block.span))]);
        }
        return None;
    }
    // Other names stay in the block: take the entry with a separator, keeping the "and" before
    // the last name.
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    let before_sep = BEFORE.get_or_init(|| {
        Regex::new(r"(?:[\s\u{a0}]*[,;][\s\u{a0}]*(?:and[\s\u{a0}]+|&[\s\u{a0}]+)?|[\s\u{a0}]+(?:and|&)[\s\u{a0}]+|[\s\u{a0}]+)$").expect("valid")
    });
    let has_and = |sep: &str| {
        sep.contains(" and ")
            || sep.contains(",and ")
            || sep.contains('&')
            || sep.trim_start_matches([',', ' ']).starts_with("and")
    };
    let previous = around
        .into_iter()
        .filter(|p| p.group.end <= entry.start)
        .max_by_key(|p| p.group.end)
        .map(|p| p.group);
    let following = separator_at_start()
        .find(after)
        .filter(|m| entry.end + m.end() < content.end)
        .map(|m| m.as_str());
    let preceding = before_sep
        .find(before)
        .map(|m| m.as_str())
        .filter(|_| previous.is_some());
    match (preceding, following) {
        // "A, B and C" without B: "A and C".
        (Some(pre), Some(fol)) if has_and(fol) && !pre.trim().is_empty() => {
            Some(vec![Edit::delete(Span::new(entry.start - pre.len(), entry.end))])
        }
        (_, Some(fol)) => Some(vec![Edit::delete(Span::new(entry.start, entry.end + fol.len()))]),
        (Some(pre), None) => {
            let mut edits = vec![Edit::delete(Span::new(entry.start - pre.len(), entry.end))];
            // "A, B and C" without C: "A and B".
            if has_and(pre) {
                if let Some(prev) = previous {
                    let head = text.get(content.start..prev.start).unwrap_or("");
                    if let Some(m) = before_sep.find(head) {
                        if m.as_str().trim() == "," {
                            let at = prev.start - m.len();
                            edits.push(Edit::replace(Span::new(at, prev.start), pre));
                        }
                    }
                }
            }
            Some(edits)
        }
        (None, None) => Some(vec![Edit::delete(entry)]),
    }
}

/// A block's lines with their line break, and one blank line after them when the block stands
/// between blank lines, so that paragraph spacing stays as it was.
fn block_removal(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let mut start = span.start;
    while start > 0 && matches!(bytes[start - 1], b' ' | b'\t') {
        start -= 1;
    }
    let mut end = skip_line_break(text, skip_spaces(text, span.end));
    let prev_blank = start == 0 || previous_line_blank(text, start);
    if prev_blank {
        let after_spaces = skip_spaces(text, end);
        let next = skip_line_break(text, after_spaces);
        if next > after_spaces {
            end = next;
        }
    }
    Span::new(start, end)
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t') {
        at += 1;
    }
    at
}

fn skip_line_break(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(at) {
        Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => at + 2,
        Some(b'\r') | Some(b'\n') => at + 1,
        _ => at,
    }
}

/// True when the line before the one starting at `line_start` holds only white space.
fn previous_line_blank(text: &str, line_start: usize) -> bool {
    let before = &text[..line_start];
    let before = before.strip_suffix('\n').unwrap_or(before);
    let before = before.strip_suffix('\r').unwrap_or(before);
    let line = before.rsplit(['\n', '\r']).next().unwrap_or("");
    line.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use crate::core::config::Config;
    use crate::core::diagnostic::Diagnostic;
    use crate::core::fix::apply_edits;

    fn check(text: &str) -> Vec<Diagnostic> {
        super::RULE.findings(text)
    }

    use crate::core::testing::corpus;

    fn fixed(text: &str, d: &Diagnostic, fix: usize) -> String {
        apply_edits(text, &d.fixes[fix].edits)
    }

    #[test]
    fn ofsted_reports_councillor_taylor() {
        let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
        let found = check(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(d.span.slice(&text), "Councillor Taylor");
        assert!(d.message.contains("Councillor Taylor"), "{}", d.message);
        assert_eq!(d.related.len(), 1);
        assert_eq!(d.related[0].span.slice(&text), "Taylor");
        assert_eq!(d.fixes.len(), 2);
        assert!(d
            .fixes
            .iter()
            .all(|f| f.applicability == crate::core::diagnostic::Applicability::Unsafe));
        let present = fixed(&text, d, 0);
        assert!(present.contains("Councillor Stone – in the Chair Councillors Alijah, Collins, Lovecy and Reid\n"));
        assert!(present.contains("Apologies:\n\nCouncillor Taylor\n"));
        let apologies = fixed(&text, d, 1);
        assert!(
            apologies.contains("Apologies:\n\nCYP/OSG/17/12 Minutes"),
            "{}",
            &apologies[..600]
        );
        assert!(apologies.contains("Reid and Taylor"));
        assert!(check(&present).is_empty());
        assert!(check(&apologies).is_empty());
    }

    #[test]
    fn an_untitled_officer_and_a_titled_councillor_may_be_two_people() {
        let text = "Present:\n\nCouncillor R Venn (Chair)\n\nIn attendance:\n\nMaya Lorimer, Tree Officer\n\nApologies:\n\nCllr Lorimer, County Council\n\n1. Budget\n\nRESOLVED – noted.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
        // With first names on both, or titles on both, it is one person.
        let text =
            "Present:\n\nMaya Lorimer, Tree Officer\n\nApologies:\n\nMaya Lorimer\n\n1. Budget\n\nRESOLVED – noted.\n";
        assert_eq!(check(text).len(), 1);
    }

    #[test]
    fn a_present_councillor_named_in_prose_after_the_apologies_is_no_clash() {
        let text = "Present:\nCouncillor R Venn (Chair), Councillor T Ashby\nApologies\nCouncillor L Moss\nOn behalf of the council the Chair wished Councillor Ashby a happy retirement from the board.\nMinutes\nThe minutes were approved.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
    }

    #[test]
    fn an_inline_apologies_item_is_read() {
        let text = "Present: Cllr A Lowe (Chair), Cllr B Ames\n\n25/01 Apologies – Apologies were received from Cllr Ames and Cllr Kerr.\n\n25/02 Budget – The budget was approved.\n";
        let found = check(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "Cllr Ames");
        assert!(found[0].span.start > text.find("25/01").unwrap());
    }

    fn removal(list: &str, apology: &str) -> String {
        let text = format!("Present:\n\n{list}\n\nApologies:\n\n{apology}\n\n1. Budget\n\nRESOLVED – noted.\n");
        let found = check(&text);
        assert_eq!(found.len(), 1, "{text}");
        let out = fixed(&text, &found[0], 0);
        let start = "Present:\n\n".len();
        out[start..out.find("\n\nApologies").unwrap()].to_string()
    }

    #[test]
    fn removal_leaves_a_correct_list() {
        let list = "Councillors Alijah, Collins, Lovecy, Reid and Taylor";
        assert_eq!(
            removal(list, "Councillor Taylor"),
            "Councillors Alijah, Collins, Lovecy and Reid"
        );
        assert_eq!(
            removal(list, "Councillor Collins"),
            "Councillors Alijah, Lovecy, Reid and Taylor"
        );
        assert_eq!(
            removal(list, "Councillor Alijah"),
            "Councillors Collins, Lovecy, Reid and Taylor"
        );
        assert_eq!(
            removal("Councillors Reid and Taylor", "Councillor Taylor"),
            "Councillor Reid"
        );
        assert_eq!(removal("Cllrs Reid & Taylor", "Cllr Reid"), "Cllr Taylor");
        assert_eq!(
            removal("Councillors Reid, Stone, and Taylor", "Councillor Taylor"),
            "Councillors Reid and Stone"
        );
        assert_eq!(
            removal("Councillor Stone – in the Chair Councillor Reid", "Councillor Reid"),
            "Councillor Stone – in the Chair"
        );
        assert_eq!(
            removal("Councillor A Stone (Chair), Councillor B Reid", "Councillor Stone"),
            "Councillor B Reid"
        );
    }

    #[test]
    fn a_name_alone_on_its_line_takes_the_line() {
        let text = "Present:\n\nCouncillor A Smith (Chair)\nCouncillor B Jones\nCouncillor C Brown\n\nApologies:\n\nCouncillor Jones\n";
        let found = check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            fixed(text, &found[0], 0),
            "Present:\n\nCouncillor A Smith (Chair)\nCouncillor C Brown\n\nApologies:\n\nCouncillor Jones\n"
        );
        assert_eq!(
            fixed(text, &found[0], 1),
            "Present:\n\nCouncillor A Smith (Chair)\nCouncillor B Jones\nCouncillor C Brown\n\nApologies:\n\n"
        );
    }

    #[test]
    fn different_people_with_one_surname_are_not_reported() {
        // An officer, another councillor, different initials.
        for apologies in ["Mr Taylor", "Councillor S Taylor", "Mrs Taylor"] {
            let text = format!("Present:\n\nCouncillor J Taylor (Chair)\n\nApologies:\n\n{apologies}\n");
            assert!(check(&text).is_empty(), "{apologies}");
        }
        let text = "Present:\n\nCouncillor J Taylor (Chair), Councillor S Taylor\n\nApologies:\n\nCouncillor Taylor\n";
        assert!(check(text).is_empty());
    }

    #[test]
    fn apologies_items_and_substitutes() {
        let text = "Present:\n\nCouncillor A Smith (Chair)\nCouncillor D Green\n\n1. Apologies for Absence\n\nApologies were received from Councillor C Brown. Councillor D Green attended as a substitute.\n\n2. Budget\n\nRESOLVED – noted.\n";
        assert!(check(text).is_empty());
        let text = "Present:\n\nCouncillor A Smith (Chair)\nCouncillor C Brown\n\n1. Apologies for Absence\n\nApologies for absence were received from Councillor C Brown.\n\n2. Budget\n\nRESOLVED – noted.\n";
        let found = check(text);
        assert_eq!(found.len(), 1);
        let out = fixed(text, &found[0], 1);
        assert!(out.contains("1. Apologies for Absence\n\n2. Budget"), "{out}");
    }

    #[test]
    fn crlf_and_odd_text_do_not_panic() {
        let text =
            "Present:\r\n\r\nCouncillors Ré\u{301}id and Taylor 😀\r\n\r\nApologies:\r\n\r\nCouncillor Taylor\r\n";
        let found = check(text);
        for d in &found {
            for f in &d.fixes {
                let _ = apply_edits(text, &f.edits);
            }
        }
        let text = "Present:\r\rCouncillors Reid and Taylor\r\rApologies:\r\rCouncillor Taylor\r";
        let found = check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            fixed(text, &found[0], 1),
            "Present:\r\rCouncillors Reid and Taylor\r\rApologies:\r\r"
        );
    }

    #[test]
    fn markdown_list_entries_are_removed_with_their_marker() {
        let text = "## Present:\n\n- Councillor A Smith (Chair)\n- Councillor B Jones\n- Councillor C Brown\n\n## Apologies:\n\n- Councillor Jones\n\n## 12. Budget\n\nRESOLVED – noted.\n";
        let found = super::RULE.findings_with(text, &Config::default(), Some("a.md"));
        assert_eq!(found.len(), 1);
        let out = fixed(text, &found[0], 0);
        assert!(
            out.starts_with("## Present:\n\n- Councillor A Smith (Chair)\n- Councillor C Brown\n\n## Apologies:"),
            "{out}"
        );
        let out = fixed(text, &found[0], 1);
        assert!(out.contains("## Apologies:\n\n## 12. Budget"), "{out}");
    }

    #[test]
    fn prose_lists_keep_their_and() {
        let cases = [
            (
                "Councillor A Reid, Councillor B Stone and Councillor C Taylor",
                "Councillor C Taylor",
                "Councillor A Reid and Councillor B Stone",
            ),
            (
                "Councillor A Reid, Councillor B Stone and Councillor C Taylor",
                "Councillor B Stone",
                "Councillor A Reid and Councillor C Taylor",
            ),
            (
                "Councillor A Reid, Councillor B Stone and Councillor C Taylor",
                "Councillor A Reid",
                "Councillor B Stone and Councillor C Taylor",
            ),
            (
                "Councillor A Reid and Councillor C Taylor.",
                "Councillor C Taylor",
                "Councillor A Reid.",
            ),
        ];
        for (list, apology, want) in cases {
            let text = format!("Present:\n\nCouncillor Z Stone (Chair)\n\nApologies:\n\nApologies were received from {list}\n\n1. Budget\n\nRESOLVED – noted.\n");
            let text = text.replace(
                "Present:\n\nCouncillor Z Stone (Chair)",
                &format!("Present:\n\nCouncillor Z Jones (Chair), {apology}"),
            );
            let found = check(&text);
            assert_eq!(found.len(), 1, "{text}");
            let out = fixed(&text, &found[0], 1);
            assert!(out.contains(&format!("Apologies were received from {want}\n")), "{out}");
        }
    }

    #[test]
    fn huge_lists_stay_fast_and_sound() {
        let names: Vec<String> = (0..3000u32)
            .map(|i| {
                (0..3)
                    .map(|k| char::from(b'a' + ((i / 26u32.pow(k)) % 26) as u8))
                    .collect::<String>()
            })
            .map(|s| format!("Ab{s}"))
            .collect();
        let list = format!("Councillors {}", names.join(", "));
        let text = format!("Present:\n\nCouncillor Q Zed (Chair) {list}\n\nApologies:\n\n{list}\n");
        let start = std::time::Instant::now();
        let found = check(&text);
        assert_eq!(found.len(), 3000);
        assert!(found.iter().all(|d| d.fixes.is_empty()));
        assert!(start.elapsed().as_secs() < 30);
    }

    #[test]
    fn apologies_given_as_a_list() {
        let text =
            "Present:\n\nCouncillor Stone (Chair), Councillor Taylor\n\nApologies:\n\nCouncillors Reid and Taylor\n";
        let found = check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Taylor");
        assert_eq!(found[0].related[0].span.slice(text), "Councillor Taylor");
        assert_eq!(
            fixed(text, &found[0], 0),
            "Present:\n\nCouncillor Stone (Chair)\n\nApologies:\n\nCouncillors Reid and Taylor\n"
        );
        assert_eq!(
            fixed(text, &found[0], 1),
            "Present:\n\nCouncillor Stone (Chair), Councillor Taylor\n\nApologies:\n\nCouncillor Reid\n"
        );
    }
}
