//! What an item's text says about decisions: whether it records an outcome in prose (in any of
//! the ways councils write one), whether it plainly called for a decision, and whether it is the
//! kind of item that needs none (reports received, open forums, nil returns).
//!
//! The shapes are general ("subject + decision verb", "passive of a decision verb", "a vote
//! outcome"), not phrases copied from particular minutes. When in doubt these functions lean
//! towards "an outcome is recorded" and "no decision needed", so that a rule built on them stays
//! silent rather than raising a false alarm.

use crate::core::model::Decision;
use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("decision pattern is valid"))
}

/// `text` with its ASCII capitals lowered (every byte offset unchanged). The patterns here are
/// written in lower case and matched against this instead of with `(?i)`: case-insensitive
/// alternations of whole words cost the regex compiler twice as much, paid by the first draft a
/// process checks. (Unicode folding would also have matched the Kelvin sign for "k" and the long
/// s for "s", which minutes never contain.)
fn lowered(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// True when `text` records an outcome somewhere: a decision verb in the past tense ("agreed",
/// "resolved", "approved", "was appointed", "were adopted"), a vote ("seconded", "all in
/// favour", "5 for, 1 against", "Motion carried"), a consultee's answer ("No objection",
/// "Supported."), a noted outcome ("The Council noted the report", "… – noted.") or an item
/// that was withdrawn or deferred. "noted that …" alone reports discussion, not an outcome.
pub fn records_outcome(text: &str) -> bool {
    static DECIDED: OnceLock<Regex> = OnceLock::new();
    static PASSIVE: OnceLock<Regex> = OnceLock::new();
    static NOTED: OnceLock<Regex> = OnceLock::new();
    static ALONE: OnceLock<Regex> = OnceLock::new();
    static VOTES: OnceLock<Regex> = OnceLock::new();
    let original = text;
    let text = &*lowered(text);
    // Past tenses that only a decision produces, in any case, anywhere in the item.
    let decided = regex(
        &DECIDED,
        concat!(
            r"\b(?:resolved|agreed|approved|decided|endorsed|adopted|ratified|carried|seconded|",
            r"unanimous(?:ly)?|elected|re-elected|appointed|co-?opted|granted|refused|rejected|",
            r"deferred|withdrawn|postponed|authori[sz]ed|voted|determined|",
            // Welsh: resolved, agreed, noted.
            r"penderfynwyd|cytunwyd|nodwyd)\b",
        ),
    );
    if decided.is_match(text) {
        return true;
    }
    // "was accepted", "were noted", "be supported", "is confirmed".
    let passive = regex(
        &PASSIVE,
        r"\b(?:was|were|be|been|is|are)\s+(?:[A-Za-z]+ly\s+)?(?:noted|supported|accepted|confirmed|signed|paid|awarded|received\s+and\s+noted)\b(?P<that>\s+that\b)?",
    );
    if passive.captures_iter(text).any(|c| c.name("that").is_none()) {
        return true;
    }
    // "The Committee noted the report", "Members noted the update"; not "noted that …".
    let noted = regex(
        &NOTED,
        r"\b(?:it|council|committee|panel|board|cabinet|members|councillors|meeting|group|forum|all|everyone)\s+(?:[A-Za-z]+ly\s+)?(?:noted|supported|accepted|confirmed)\b(?P<that>\s+that\b)?",
    );
    if noted.captures_iter(text).any(|c| c.name("that").is_none()) {
        return true;
    }
    // An answer at the end of a line or sentence: "Supported.", "– noted.", "No objection".
    let alone = regex(
        &ALONE,
        r"(?im)(?:^|[.:;,\-–—]\s*)(?:noted|supported|accepted|objection|objections|no\s+objections?|no\s+comments?|no\s+observations?)\s*[.;!]?(?:\s+(?-i:[A-Z]{1,3})(?:\s*/\s*(?-i:[A-Z]{1,3}))*)?\s*$",
    );
    if alone.is_match(original) {
        return true;
    }
    let votes = regex(
        &VOTES,
        concat!(
            r"\bno\s+objections?\b|\bin\s+favou?r\b|\b[0-9]+\s+(?:votes?\s+)?(?:for|against|abstentions?)\b|",
            r"\b(?:for|against|abstentions?)\s*[:\-–]?\s*[0-9]+\b|\bmotion\s+(?:was\s+)?(?:lost|fell|passed|defeated)\b|",
            // Put off: "… would be an agenda item for the next meeting."
            r"\b(?:next|future|later|following|subsequent)\s+(?:meeting|agenda)\b",
        ),
    );
    votes.is_match(text)
}

/// True when an item's title (or the agenda wording that opens its text) plainly asks for a
/// decision: "To agree …", "To approve …", "To consider and resolve …", "Resolution to …", or
/// names a motion, a proposal, a recommendation, an application, payments, a precept, a
/// co-option, quotes or tenders.
pub fn calls_for_decision(title: &str, body: &str) -> bool {
    static ASKS: OnceLock<Regex> = OnceLock::new();
    static NAMES: OnceLock<Regex> = OnceLock::new();
    let asks = regex(
        &ASKS,
        concat!(
            r"^[^A-Za-z]*(?:item\s+)?(?:(?:to|resolution\s+to)\s+(?:(?:consider|receive|review|discuss)\s+(?:and\s+|&\s+)?(?:if\s+[A-Za-z]+\s+)?)?",
            r"(?:agree|approve|resolve|adopt|ratify|authori[sz]e|determine|decide|accept|confirm|elect|",
            r"appoint|co-?opt|nominate|endorse|award|grant|set|vote)\b)",
        ),
    );
    let names = regex(
        &NAMES,
        concat!(
            r"\b(?:motions?|proposals?|recommendations?|applications?|payments?|precept|",
            r"co-?options?|quotes|quotations|tenders?|(?:accounts|invoices|bills|cheques)\s+for\s+(?:payment|approval))\b",
        ),
    );
    static RECEIVED: OnceLock<Regex> = OnceLock::new();
    // "Payments received", "Planning decisions", "Applications update": news, not a request.
    let received = regex(
        &RECEIVED,
        r"\b(?:received|receipts|decisions|determined|granted|refused)\b",
    );
    let opening = lowered(body.trim_start().split(['\n', '\r']).next().unwrap_or(""));
    let opening = &*opening;
    let lower_title = lowered(title);
    let named = names.is_match(&lower_title) && !received.is_match(&lower_title) && !needs_no_decision(title);
    asks.is_match(&lower_title) || named || asks.is_match(opening)
}

/// True when an item's title says it needs no decision: a report received from a person or a
/// body (police, clerk, chair, councillors, treasurer, outside bodies), an open forum or public
/// participation, questions, correspondence, announcements, matters arising, items for
/// information, the close of the meeting, visitors and guests.
pub fn needs_no_decision(title: &str) -> bool {
    static INFORMATION: OnceLock<Regex> = OnceLock::new();
    let information = regex(
        &INFORMATION,
        concat!(
            r"\b(?:reports?|updates?|feedback|briefing|public|open\s+forum|forum|participation|questions?|",
            r"correspondence|communications|announcements?|remarks|matters\s+arising|arising|for\s+information|",
            r"information|to\s+note|noting|close|closed|closure|closing|visitors?|visiting|guests?|",
            r"petitions?|deputations?|presentations?|a\.?o\.?c?\.?b\.?|any\s+other|other\s+business|",
            r"items?\s+for\s+(?:the\s+)?(?:next|future)|agenda\s+items|issues|news)\b",
        ),
    );
    information.is_match(&lowered(title))
}

/// True when an item's title says it is no business of the meeting's to decide: public
/// participation, an open forum, questions, petitions, announcements or remarks, visitors, the
/// close of the meeting. Narrower than [`needs_no_decision`]: reports and updates are left out,
/// since formal minutes note even those.
pub fn is_business_free(title: &str) -> bool {
    static FREE: OnceLock<Regex> = OnceLock::new();
    let free = regex(
        &FREE,
        concat!(
            r"\b(?:public|open\s+forum|participation|questions?|petitions?|deputations?|announcements?|",
            r"remarks|close|closed|closure|closing|visitors?|visiting)\b",
        ),
    );
    free.is_match(&lowered(title))
}

/// True when an item's text weighs something the meeting could decide: a sum of money; a
/// proposal, recommendation, request, quote, tender, application, motion or options put to it;
/// or a paper laid before it (a report, presentation, plan, programme, strategy, policy,
/// contract, budget or assessment). An account of an event ("Members felt the fair had gone
/// well") weighs nothing.
pub fn weighs_a_choice(text: &str) -> bool {
    static CHOICE: OnceLock<Regex> = OnceLock::new();
    let choice = regex(
        &CHOICE,
        concat!(
            r"£\s?[0-9]|\b[0-9]+\s?(?:pounds|euros)\b|\b(?:propos(?:al|als|ed|ing)|recommend(?:ation|ations|ed|s)?|",
            r"request(?:s|ed)?|quot(?:e|es|ation|ations)|tenders?|applications?|motions?|options?|",
            r"whether\s+to|asked\s+(?:the\s+[A-Za-z]+\s+)?to\s+(?:agree|approve|decide|consider|support)|",
            r"reports?|presentations?|plans?|programmes?|strateg(?:y|ies)|polic(?:y|ies)|contracts?|budgets?|assessments?)\b",
        ),
    );
    choice.is_match(&lowered(text))
}

/// True when `text` is at most one sentence: a record of a single event, not business weighed.
pub fn is_one_statement(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches(['.', '!', '?']);
    !trimmed
        .char_indices()
        .any(|(i, c)| matches!(c, '.' | '!' | '?') && trimmed[i + 1..].starts_with(char::is_whitespace))
}

/// True when the item's text says there was nothing to deal with: "None.", "There were no
/// petitions.", "No items.", "Nothing to report", "Nil", or a title ending "– none".
pub fn is_nil_return(title: &str, body: &str) -> bool {
    static NIL: OnceLock<Regex> = OnceLock::new();
    static TITLE_NIL: OnceLock<Regex> = OnceLock::new();
    let nil = regex(
        &NIL,
        r"^[^A-Za-z0-9_]*(?:there\s+(?:was|were|had\s+been|are|is)\s+(?:no(?:ne)?|nothing)\b|none\b|no\s+[A-Za-z0-9]+|nothing\b|nil\b|n/?a\b|not\s+applicable\b)",
    );
    let title_nil = regex(
        &TITLE_NIL,
        r"[\-–—:.]\s*(?:none|nil|n/?a|nothing\s+to\s+report)[^A-Za-z0-9_]*$",
    );
    let body = body.trim();
    (body.len() < 200 && nil.is_match(&lowered(body)))
        || (body.is_empty() && title_nil.is_match(&lowered(title.trim())))
}

/// True when `text` stops in the middle of a sentence (no closing punctuation at its end): the
/// last item of a cut-off excerpt, whose decision may simply not have been copied.
pub fn ends_mid_sentence(text: &str) -> bool {
    let trimmed = text.trim_end();
    let Some(last) = trimmed.chars().next_back() else {
        return false;
    };
    !matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | ')' | ']' | '"' | '\'' | '”' | '’' | '*' | '_' | '>'
    )
}

/// "NOTED", "AGREED", "The Panel noted": markers that are a complete decision without a body,
/// unless a colon or dash written after them promises one.
pub fn is_self_contained(text: &str, decision: &Decision) -> bool {
    let marker = decision.marker.slice(text);
    let words = marker.trim_end_matches(|c: char| !c.is_alphanumeric());
    let promises_more = marker.len() > words.len() && marker[words.len()..].contains([':', '-', '–', '—'])
        || following_on_line(text, decision.marker.end).starts_with([':', '-', '–', '—']);
    if promises_more {
        return false;
    }
    let last = words
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "noted" | "agreed" | "approved" | "endorsed" | "accepted" | "received"
    )
}

/// The rest of the line after `at`, with leading white space skipped.
fn following_on_line(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    line.trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_of_an_event_weighs_no_choice_but_a_paper_or_a_sum_does() {
        assert!(!weighs_a_choice(
            "Members felt the summer fete had gone well and that more stalls would help next year."
        ));
        assert!(weighs_a_choice(
            "The Director presented the report on the new contract."
        ));
        assert!(weighs_a_choice("A quote of £450 was received for the railings."));
        assert!(weighs_a_choice("The society asked the Council to support its bid."));
    }

    #[test]
    fn outcomes_are_read_in_every_shape() {
        for text in [
            "After some discussion it was RESOLVED to buy two benches.",
            "The Council resolved that the grant be paid.",
            "The revised policy was unanimously approved.",
            "Mrs Ford was appointed as tree warden.",
            "Cllr Dean was elected Chairman for the year.",
            "The standing orders were adopted.",
            "The quotation from Greenways was accepted.",
            "Motion carried.",
            "After discussion, it was agreed that the clerk would write.",
            "Letter from the county council on verges – noted.",
            "No objections.",
            "The following payments were approved:",
            "Members agreed to the new hire charges.",
            "Members noted the accounts.",
            "Proposed Cllr Fenn, seconded Cllr Hale, all in favour.",
            "Votes: 6 for, 2 against.",
            "the clerk's proposal was agreed by all",
            "Rear extension at 4 Mill Lane. Supported.",
            "The item was withdrawn by the applicant.",
            "Penderfynwyd cefnogi'r cais.",
            "Barn conversion at Low Farm. Supported.      JT",
            "The contract will come back to the next meeting.",
        ] {
            assert!(records_outcome(text), "{text}");
        }
    }

    #[test]
    fn case_is_ignored_in_every_test() {
        assert!(records_outcome("The Committee AGREED to write to the owner."));
        assert!(records_outcome("The report Was Noted."));
        assert!(records_outcome("Members NOTED the update."));
        assert!(records_outcome("Motion LOST by 3 votes."));
        assert!(!records_outcome("MEMBERS DISCUSSED THE REPORT AT LENGTH."));
        assert!(calls_for_decision("TO APPROVE THE ACCOUNTS", ""));
        assert!(calls_for_decision("Planning Applications", ""));
        assert!(!calls_for_decision("PAYMENTS RECEIVED", ""));
        assert!(needs_no_decision("CLERK'S REPORT"));
        assert!(is_business_free("Public Participation"));
        assert!(weighs_a_choice("The Clerk presented the QUOTATIONS for the work."));
        assert!(is_nil_return("Correspondence", "NONE."));
        assert!(is_nil_return("Petitions – NIL", ""));
    }

    #[test]
    fn discussion_is_not_an_outcome() {
        for text in [
            "The clerk reported that the bus shelter had been repaired.",
            "Members noted that the hedge was overgrown.",
            "It was noted that the police had attended.",
            "The Chair asked whether the grant would cover the cost.",
            "A proposal to merge the two authorities was described.",
        ] {
            assert!(!records_outcome(text), "{text}");
        }
    }

    #[test]
    fn decisions_are_called_for_by_agenda_wording_and_subjects() {
        for (title, body) in [
            ("To agree the grass-cutting contract", ""),
            ("To consider and approve the annual return", ""),
            ("Resolution to adopt the new standing orders", ""),
            ("Accounts for payment", ""),
            ("Motion from Cllr Webb on street lighting", ""),
            ("Playing field", "To approve the hire agreement with the football club."),
            ("Planning applications", ""),
        ] {
            assert!(calls_for_decision(title, body), "{title}");
        }
        for title in [
            "Village hall",
            "Christmas lights",
            "Consultation on bus routes",
            "Payments received",
            "Planning decisions",
            "Planning applications update",
        ] {
            assert!(!calls_for_decision(title, "The lights were discussed."), "{title}");
        }
    }

    #[test]
    fn information_items_need_no_decision() {
        for title in [
            "Police Report",
            "Clerk's report",
            "Reports from county and district councillors",
            "Open Forum",
            "Public participation",
            "Correspondence",
            "Chairman's announcements",
            "Matters arising from the previous minutes",
            "Items for information",
            "Meeting closed at 9.05pm",
            "AOCB",
        ] {
            assert!(needs_no_decision(title), "{title}");
        }
        assert!(!needs_no_decision("Street lighting"));
    }

    #[test]
    fn nil_returns_are_recognised() {
        assert!(is_nil_return("Petitions", "There were no petitions."));
        assert!(is_nil_return("Planning applications", "None."));
        assert!(is_nil_return("Payments", "No payments this month."));
        assert!(is_nil_return("Planning applications – none", ""));
        assert!(!is_nil_return("Budget", "The budget was discussed at length."));
    }

    #[test]
    fn one_statement_is_one_sentence() {
        assert!(is_one_statement("  The Mayor read the summons.  "));
        assert!(!is_one_statement("The Mayor read the summons. Members stood."));
        assert!(is_one_statement(""));
    }

    #[test]
    fn a_cut_off_ending_is_seen() {
        assert!(ends_mid_sentence(
            "Village hall\nThe committee considered the quotes for the"
        ));
        assert!(!ends_mid_sentence("Village hall\nThe quotes were considered."));
        assert!(ends_mid_sentence("Village hall"));
        assert!(!ends_mid_sentence(""));
    }

    #[test]
    fn ascii_classes_read_what_the_unicode_ones_read() {
        // The patterns spell letters and digits in ASCII (Unicode classes cost the first draft of
        // a run milliseconds to compile); bullets, curly quotes and adverbs still read as before.
        assert!(calls_for_decision("• To agree the budget", ""));
        assert!(calls_for_decision("12. “To approve the accounts”", ""));
        assert!(records_outcome("The report was unanimously noted."));
        assert!(records_outcome("Members formally accepted the plan."));
        assert!(is_nil_return("Declarations of interest – none’", ""));
        assert!(is_nil_return("Petitions", "• There were no petitions."));
        assert!(!records_outcome("The 2nd quarter figures were discussed."));
    }
}
