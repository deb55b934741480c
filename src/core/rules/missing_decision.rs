//! An item that plainly called for a decision and records none.
//!
//! An item that asked the meeting to decide something (a proposal, a motion, a recommendation, an
//! application, payments, "To agree …", "To approve …", "To resolve …") should say what was
//! decided; without it readers cannot tell whether anything was agreed. The same goes for every
//! business item of a document whose own style records a decision under each item: formal
//! committee minutes (a "Minutes:" part, then "RESOLVED –", "AGREED" or "NOTED"), or minutes that
//! mark decisions in most of their items.
//!
//! Outcomes count however they are written: a marker, or in a sentence ("It was RESOLVED to …",
//! "The Council resolved that …", "After discussion, it was agreed …", "was unanimously
//! approved", "was appointed", "were adopted", "Motion carried.", "Proposed X, seconded Y, all in
//! favour", "5 for, 1 against", "No objection", "Supported.", "… – noted.", "The Panel noted the
//! report"; but not "noted that …", which reports discussion), and an item put off to a later
//! meeting, withdrawn or deferred needs none. Items that need no decision are left alone:
//! procedural ones (apologies, declarations of interest, the previous minutes, the date of the
//! next meeting, welcomes, urgent business, exclusion of the public), nil returns ("None.",
//! "There were no petitions."), and, unless they asked for a decision, reports received (police,
//! clerk, councillors, outside bodies), open forums, correspondence, announcements, matters
//! arising and the close of the meeting; in formal minutes, forums, questions, announcements and
//! a single sentence recording an event. So is a bare title with no text (often a heading over
//! sub-items), a sub-item whose decision sits in a sibling ("5.1" … "5.3 … approved"), and a last
//! item that stops mid-sentence (an excerpt cut short). A marker with nothing after it is
//! `empty-decision`'s business, not this rule's. When in doubt the rule stays silent.
//!
//! ## Example
//!
//! ```text
//! 21/49
//!
//! Developing a Council-wide approach to Children's Services
//!
//! Minutes:
//!
//! The Panel received a presentation …
//!
//! 21/50
//! ```
//!
//! In minutes whose other items end with "NOTED" or "RESOLVED – …", item 21/49 ends without
//! either, or a "Decision" block.
//!
//! ## Fix
//!
//! Unsafe, because it invents content: insert a decision block after the item's last paragraph,
//! in the document's own style. That is `[style] decision-template` from the config when set;
//! otherwise the marker the other items use most ("NOTED"; a "Decision" line followed by a
//! sentence to complete; "RESOLVED – That the report be noted."), separated by a blank line when
//! the document separates its paragraphs that way.

use crate::core::analysis::decisions;
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::{BlockKind, Decision, DecisionKind, Item, Minutes};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use crate::core::vocabulary::Vocabulary;

/// Used when neither the config nor the document shows a style.
const DEFAULT_DECISION: &str = "RESOLVED – That the report be noted.";

pub(crate) const RULE: Rule = Rule {
    name: "missing-decision",
    default_severity: Severity::Warning,
    group: Group::Structure,
    source: include_str!("missing_decision.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    let house = house_style_of(ctx.text, minutes);
    let vocabulary = Vocabulary::default();
    let undecided: Vec<&Item> = minutes
        .items
        .iter()
        .enumerate()
        .filter(|(index, item)| lacks_a_needed_decision(ctx.text, minutes, *index, item, house, &vocabulary))
        .map(|(_, item)| item)
        .collect();
    if undecided.is_empty() {
        return;
    }
    let newline = ctx.newline();
    let separator = if blank_lines_between_blocks(ctx.text, minutes) {
        newline.repeat(2)
    } else {
        newline.to_string()
    };
    let block = decision_block(ctx, &separator);
    for item in undecided {
        let span = item_place(ctx.text, item);
        let label = match &item.number {
            Some(n) => format!("item {}", n.as_str(ctx.text)),
            None if !item.title.is_empty() => {
                format!("\"{}\"", shorten(item.title.slice(ctx.text)))
            }
            None => "this item".to_string(),
        };
        let message = format!("{label} records no decision, resolution or noted outcome");
        let mut diagnostic = Diagnostic::new(RULE.name, span, message);
        if let Some(at) = insertion_point(minutes, item) {
            let title = format!("Add \"{}\" after the item", shorten(first_line(&block)));
            let fix = Fix::unsafe_(title, vec![Edit::insert(at, format!("{separator}{block}"))]);
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
}

/// The item's title and the text after it (its number left out).
fn title_and_body<'t>(text: &'t str, item: &Item) -> (&'t str, &'t str) {
    let title = item.title.slice(text);
    let after_number = item.number.as_ref().map_or(item.span.start, |n| n.span.end);
    let body_start = item.title.end.max(after_number).min(item.span.end);
    (title, text.get(body_start..item.span.end).unwrap_or(""))
}

/// Whether an item called for a decision and records none.
///
/// An item needs one when its title or opening asks for it ("To approve …", a motion, payments),
/// or when the document records its decisions under markers ("RESOLVED –", "NOTED") item after
/// item and this item is not a report, a forum or the like. Procedural items, nil returns and
/// items whose text records an outcome in any wording need nothing more; neither does the last
/// item when it stops mid-sentence (an excerpt cut short), nor a bare heading over sub-items.
fn lacks_a_needed_decision(
    text: &str,
    minutes: &Minutes,
    index: usize,
    item: &Item,
    house: HouseStyle,
    vocabulary: &Vocabulary,
) -> bool {
    if item.procedural.is_some() || !item.decisions.is_empty() {
        return false;
    }
    let (mut title, body) = title_and_body(text, item);
    if title.trim().is_empty() {
        // A title the reader did not take as one ("Apologies" read as a list heading): the
        // item's first line stands in for it.
        title = body.trim_start().split(['\n', '\r']).next().unwrap_or("");
        if vocabulary.procedural(title).is_some() {
            return false;
        }
    }
    let lower_title = title.to_lowercase();
    if ["withdrawn", "deferred", "postponed"]
        .iter()
        .any(|w| lower_title.contains(w))
    {
        return false;
    }
    let whole = item.span.slice(text);
    if decisions::records_outcome(whole) || decisions::is_nil_return(title, body) {
        return false;
    }
    let next = minutes.items.get(index + 1);
    if next.is_none() && decisions::ends_mid_sentence(whole) {
        return false;
    }
    if body.trim().is_empty() || in_a_decided_family(text, minutes, index, item) {
        // A bare title (a heading over sub-items, or an item the reader split from its text),
        // or a sub-item whose decision sits in a sibling.
        return false;
    }
    if decisions::calls_for_decision(title, body) {
        return true;
    }
    match house {
        HouseStyle::Loose => false,
        // An account of an event weighs nothing to decide, whatever the house style; a paper,
        // a proposal or a sum of money laid before the meeting does.
        HouseStyle::Marked => !decisions::needs_no_decision(title) && decisions::weighs_a_choice(body),
        // One sentence recording an event ("The Mayor read the summons.") is not business.
        HouseStyle::Formal => {
            let minutes_part = item
                .minutes_marker
                .and_then(|m| text.get(m.end..item.span.end))
                .unwrap_or(body);
            !decisions::is_business_free(title) && !decisions::is_one_statement(minutes_part)
        }
    }
}

/// "112.1" and "112.2", or "5" with "5.1" and "5.2": when any of the family records a decision,
/// it is the family's. "24.31" and "24.32" in minutes of 2024 are year.number items, not a family.
fn in_a_decided_family(text: &str, minutes: &Minutes, index: usize, item: &Item) -> bool {
    let Some(number) = &item.number else {
        return false;
    };
    let own = number.as_str(text).trim_end_matches(['.', ' ']);
    let (parent, child) = match own.rsplit_once('.') {
        Some((parent, _)) if !parent.is_empty() => (parent, true),
        _ => (own, false),
    };
    if child && is_year(parent, minutes.meeting_year()) {
        return false;
    }
    let related = |other: &Item| {
        other.number.as_ref().is_some_and(|n| {
            let theirs = n.as_str(text).trim_end_matches(['.', ' ']);
            (child && theirs == parent) || theirs.strip_prefix(parent).is_some_and(|rest| rest.starts_with('.'))
        })
    };
    let decided = |other: &Item| !other.decisions.is_empty() || decisions::records_outcome(other.span.slice(text));
    let before = minutes.items[..index].iter().rev().take_while(|o| related(o));
    let after = minutes
        .items
        .get(index + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|o| related(o));
    let mut family = before.chain(after).peekable();
    family.peek().is_some() && family.any(decided)
}

/// "24" or "2024" in minutes of 2024 (or the year before, for a council year): the year part of
/// a year.number scheme. Without a known year, any two-digit number from 10 to 40 may be one.
fn is_year(prefix: &str, meeting_year: Option<i32>) -> bool {
    let Ok(value) = prefix.parse::<i32>() else {
        return false;
    };
    match meeting_year {
        Some(year) => [year, year - 1, year % 100, (year - 1) % 100].contains(&value),
        None => (10..=40).contains(&value) || (2010..=2040).contains(&value),
    }
}

/// How strictly the document's own style expects every item to end with a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HouseStyle {
    /// No such habit: only items that ask for a decision need one.
    Loose,
    /// Decisions under markers ("RESOLVED –") in at least half of the business items (and two
    /// or more): an item without one stands out, unless it is a report, a forum or the like.
    Marked,
    /// A committee's formal minutes (items with a "Minutes:" part, decisions under markers):
    /// even an update or a presentation ends with one ("NOTED"), so only forums, questions,
    /// announcements and the close of the meeting go without.
    Formal,
}

fn house_style_of(text: &str, minutes: &Minutes) -> HouseStyle {
    let mut substantive = 0usize;
    let mut marked = 0usize;
    let mut formal = false;
    for item in minutes.items.iter().filter(|i| i.procedural.is_none()) {
        let has_marker = item.decisions.iter().any(|d| d.kind == DecisionKind::Marker);
        formal |= has_marker && item.minutes_marker.is_some();
        let (title, body) = title_and_body(text, item);
        if decisions::needs_no_decision(title) || decisions::is_nil_return(title, body) {
            continue;
        }
        substantive += 1;
        if has_marker {
            marked += 1;
        }
    }
    if formal {
        HouseStyle::Formal
    } else if marked >= 2 && marked * 2 >= substantive {
        HouseStyle::Marked
    } else {
        HouseStyle::Loose
    }
}

/// The item's number, else its title, else its start.
fn item_place(text: &str, item: &Item) -> Span {
    if let Some(number) = &item.number {
        return number.span;
    }
    if !item.title.is_empty() && !item.title.slice(text).is_empty() {
        return item.title;
    }
    Span::new(item.span.start, item.span.start)
}

/// After the item's last block that is not residue or a comment.
fn insertion_point(minutes: &Minutes, item: &Item) -> Option<usize> {
    minutes
        .item_blocks(item)
        .iter()
        .rev()
        .find(|b| !matches!(b.kind, BlockKind::Residue | BlockKind::Comment))
        .map(|b| b.span.end)
}

/// True when most consecutive blocks are separated by a blank line.
fn blank_lines_between_blocks(text: &str, minutes: &Minutes) -> bool {
    let mut blank = 0usize;
    let mut tight = 0usize;
    for pair in minutes.blocks.windows(2) {
        let gap = text.get(pair[0].span.end..pair[1].span.start).unwrap_or("");
        if line_breaks(gap) >= 2 {
            blank += 1;
        } else {
            tight += 1;
        }
    }
    blank >= tight
}

fn line_breaks(gap: &str) -> usize {
    let bytes = gap.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => count += 1,
            b'\r' => {
                count += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    count
}

/// The decision text to insert (without the leading separator), with the document's newlines.
fn decision_block(ctx: &Context, separator: &str) -> String {
    let newline = ctx.newline();
    if let Some(template) = ctx
        .config
        .decision_template
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return template
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\n', newline);
    }
    match house_style(ctx) {
        Some(style) => style.render(separator),
        None => DEFAULT_DECISION.to_string(),
    }
}

/// How the document's other items write their decisions.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Style {
    /// A marker that is a decision on its own: "NOTED".
    Alone(String),
    /// A marker on its own line, then the decision: "Decision" / "To note the report."
    Line {
        marker: String,
        placeholder: String,
        blank: bool,
    },
    /// A marker opening the decision's line: "RESOLVED – That the report be noted."
    Opening { lead: String, placeholder: String },
}

impl Style {
    fn render(&self, separator: &str) -> String {
        match self {
            Style::Alone(marker) => marker.clone(),
            Style::Line {
                marker,
                placeholder,
                blank,
            } => {
                let gap = if *blank {
                    separator.to_string()
                } else {
                    first_newline(separator).to_string()
                };
                format!("{marker}{gap}{placeholder}")
            }
            Style::Opening { lead, placeholder } => format!("{lead}{placeholder}"),
        }
    }

    /// What decides which style is "the same": the marker as written.
    fn key(&self) -> &str {
        match self {
            Style::Alone(m) => m,
            Style::Line { marker, .. } => marker,
            Style::Opening { lead, .. } => lead,
        }
    }
}

fn first_newline(separator: &str) -> &str {
    if separator.starts_with("\r\n") {
        "\r\n"
    } else {
        separator.get(..1).unwrap_or("\n")
    }
}

/// The style most of the document's marker decisions use (the first one seen wins a tie).
fn house_style(ctx: &Context) -> Option<Style> {
    let mut styles: Vec<(Style, usize)> = Vec::new();
    for decision in ctx.minutes.items.iter().flat_map(|i| i.decisions.iter()) {
        let Some(style) = style_of(ctx.text, decision) else {
            continue;
        };
        match styles.iter_mut().find(|(s, _)| s.key() == style.key()) {
            Some((_, n)) => *n += 1,
            None => styles.push((style, 1)),
        }
    }
    let mut best: Option<(Style, usize)> = None;
    for (style, n) in styles {
        if best.as_ref().map_or(true, |(_, b)| n > *b) {
            best = Some((style, n));
        }
    }
    best.map(|(s, _)| s)
}

fn style_of(text: &str, decision: &Decision) -> Option<Style> {
    if decision.kind != DecisionKind::Marker {
        return None;
    }
    let bare = decision.marker.slice(text).trim();
    if bare.is_empty() || bare.contains(['\n', '\r']) {
        return None;
    }
    // "**RESOLVED**" in Markdown: the marker's span leaves out the emphasis around it.
    let emphasis = ["**", "__"].into_iter().find(|m| {
        text.get(..decision.marker.start)
            .is_some_and(|before| before.ends_with(m))
    });
    let closed = emphasis.filter(|m| {
        text.get(decision.marker.end..)
            .is_some_and(|after| after.starts_with(m))
    });
    let marker = match closed {
        Some(m) => format!("{m}{bare}{m}"),
        None => bare.to_string(),
    };
    let Some(body) = decision
        .body
        .filter(|b| b.slice(text).chars().any(char::is_alphanumeric))
    else {
        return decisions::is_self_contained(text, decision).then_some(Style::Alone(marker));
    };
    let between = text.get(decision.marker.end..body.start)?;
    let placeholder = placeholder_like(body.slice(text));
    let breaks = line_breaks(between);
    if breaks == 0 {
        // "RESOLVED – That …": keep the marker and the punctuation after it as written.
        let lead = format!("{}{}{}", emphasis.unwrap_or(""), decision.marker.slice(text), between);
        if lead.chars().count() > 80 {
            return None;
        }
        return Some(Style::Opening { lead, placeholder });
    }
    Some(Style::Line {
        marker,
        placeholder,
        blank: breaks >= 2,
    })
}

/// A sentence to complete, shaped like the document's own decisions ("That …" or "To …").
fn placeholder_like(body: &str) -> String {
    let first = body.split_whitespace().next().unwrap_or("");
    let lower = first.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let capital = first.chars().next().map_or(true, char::is_uppercase);
    let sentence = match lower.as_str() {
        "that" => "that the report be noted.",
        _ => "to note the report.",
    };
    if capital {
        let mut chars = sentence.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        sentence.to_string()
    }
}

fn first_line(text: &str) -> &str {
    text.split(['\n', '\r']).next().unwrap_or("")
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    use crate::core::fix::apply_edits;

    fn run_with(text: &str, config: &Config) -> Vec<Diagnostic> {
        RULE.findings_with(text, config, None)
    }

    fn run(text: &str) -> Vec<Diagnostic> {
        run_with(text, &Config::default())
    }

    fn spans(text: &str) -> Vec<String> {
        run(text).iter().map(|d| d.span.slice(text).to_string()).collect()
    }

    fn fixed(text: &str, config: &Config) -> String {
        let found = run_with(text, config);
        apply_edits(text, &found[0].fixes[0].edits)
    }

    use crate::core::testing::corpus;

    #[test]
    fn middlesbrough_misses_decisions_on_21_49_and_21_50_only() {
        let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
        assert_eq!(spans(&text), ["21/49", "21/50"]);
        let found = run(&text);
        let edit = &found[0].fixes[0].edits[0];
        assert_eq!(edit.new_text, "\n\nNOTED");
        // Inserted after the item's last paragraph, before the next item.
        assert!(text[edit.span.start..].trim_start().starts_with("21/50"));
    }

    #[test]
    fn procedural_and_outcome_items_are_exempt() {
        let text = "Panel\n\n1. Apologies for Absence\n\nNone.\n\n2. Minutes\n\nThe minutes were approved as a correct record.\n\n3. Date of Next Meeting\n\n4 May.\n\n4. To approve the budget\n\nDiscussed.\n";
        assert_eq!(spans(text), ["4"]);
    }

    #[test]
    fn outcomes_written_as_sentences_count() {
        let text = "Panel\n\n1. Budget\n\nThe Panel noted the update.\n\n2. Housing\n\nThe Committee agreed to defer the item.\n\n3. To approve the parks plan\n\nParks were discussed. The Panel noted that the parks were busy.\n\n4. Roads\n\nIt was resolved that the scheme proceed.\n";
        assert_eq!(spans(text), ["3"]);
        let text = "Panel\n\n1. Budget (Withdrawn)\n\n2. Housing\n\nThis item was deferred to the next meeting.\n\n3. To agree the parks budget\n\nDiscussed.\n";
        assert_eq!(spans(text), ["3"]);
    }

    #[test]
    fn fix_copies_a_decision_line_style() {
        let text = "Panel\n\nCYP/21/1 Budget\n\nDiscussed.\n\nDecision\n\nTo agree the budget.\n\nCYP/21/2 To approve the housing plan\n\nDiscussed.\n";
        assert_eq!(
            fixed(text, &Config::default()),
            "Panel\n\nCYP/21/1 Budget\n\nDiscussed.\n\nDecision\n\nTo agree the budget.\n\nCYP/21/2 To approve the housing plan\n\nDiscussed.\n\nDecision\n\nTo note the report.\n"
        );
    }

    #[test]
    fn fix_copies_a_resolved_opening_and_crlf() {
        let text = "Panel\r\n\r\n1. Budget\r\n\r\nRESOLVED: that the budget be agreed.\r\n\r\n2. To agree the housing scheme\r\n\r\nDiscussed.\r\n";
        assert_eq!(
            fixed(text, &Config::default()),
            "Panel\r\n\r\n1. Budget\r\n\r\nRESOLVED: that the budget be agreed.\r\n\r\n2. To agree the housing scheme\r\n\r\nDiscussed.\r\n\r\nRESOLVED: that the report be noted.\r\n"
        );
    }

    #[test]
    fn fix_uses_the_config_template_and_the_default() {
        let text = "Panel\n\n1. To approve the budget\n\nDiscussed.\n";
        let config = Config {
            decision_template: Some("AGREED\nThat it be so.".into()),
            ..Config::default()
        };
        assert_eq!(
            fixed(text, &config),
            "Panel\n\n1. To approve the budget\n\nDiscussed.\n\nAGREED\nThat it be so.\n"
        );
        assert_eq!(
            fixed(text, &Config::default()),
            "Panel\n\n1. To approve the budget\n\nDiscussed.\n\nRESOLVED – That the report be noted.\n"
        );
        assert_eq!(
            run(text)[0].fixes[0].applicability,
            crate::core::diagnostic::Applicability::Unsafe
        );
    }

    #[test]
    fn fix_keeps_markdown_emphasis() {
        let text =
            "# Board\n\n## 1. Budget\n\n**RESOLVED** – That it be approved.\n\n## 2. To adopt the plan\n\nDiscussed.\n";
        assert!(fixed(text, &Config::default()).ends_with("Discussed.\n\n**RESOLVED** – That the report be noted.\n"));
        let text = "# Board\n\n## 1. Budget\n\n**NOTED**\n\n## 2. To adopt the plan\n\nDiscussed.\n";
        assert!(fixed(text, &Config::default()).ends_with("Discussed.\n\n**NOTED**\n"));
    }

    #[test]
    fn the_fix_makes_the_finding_go_away() {
        let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
        let found = run(&text);
        let mut edits: Vec<_> = found.iter().flat_map(|d| d.fixes[0].edits.clone()).collect();
        edits.sort_by_key(|e| e.span.start);
        let after = apply_edits(&text, &edits);
        assert!(run(&after).is_empty());
    }

    #[test]
    fn sub_items_share_a_decision_but_year_numbers_do_not() {
        // A decision in a sibling sub-item is the family's.
        let text = "Council\n\n7.1 To approve the play area quotes\n\nThe quotes were compared.\n\n7.2 The quote from Parkway was accepted.\n";
        assert!(spans(text).is_empty(), "{:?}", spans(text));
        // Year.number items are a sequence, not a family.
        let text = "Council\n\nMinutes of the meeting held on 3 June 2025\n\n25.40 Play area\n\nIt was agreed to repaint the swings.\n\n25.41 To approve the bench quotes\n\nThe quotes were compared.\n\n25.42 Correspondence\n\nA letter about litter bins.\n";
        assert_eq!(spans(text), ["25.41"]);
        // A repeated number is not a family either.
        let text =
            "Council\n\n9 To approve the budget\n\nDiscussed.\n\n9 To approve the fees\n\nThe fees were approved.\n";
        assert_eq!(spans(text), ["9"]);
    }

    #[test]
    fn formal_minutes_expect_a_decision_on_every_business_item() {
        let text = "Panel\n\n4.\n\nBus Services Update\n\nMinutes:\n\nThe officer described the new routes. Members asked about rural services.\n\n5.\n\nLibrary Review\n\nMinutes:\n\nThe Panel considered the review.\n\nNOTED\n\n6.\n\nMayor's Announcements\n\nMinutes:\n\nThe Mayor thanked the volunteers. She listed her engagements.\n";
        assert_eq!(spans(text), ["4"]);
    }

    #[test]
    fn loose_minutes_only_report_items_that_asked_for_a_decision() {
        let text = "Parish Council\n\n1. Police report\n\nTwo thefts were reported.\n\n2. Village hall roof\n\nThe roof was discussed.\n\n3. To approve the roof repair quote\n\nThe quote was discussed.\n\n4. Planning applications\n\nNone received.\n";
        assert_eq!(spans(text), ["3"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "1. A\r\r2. B\r", "😀\n\n12. 😀\n\n13. 😀", "Agenda item\n\nTitle\n"] {
            let _ = run(text);
        }
    }
}
