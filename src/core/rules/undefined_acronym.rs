//! An acronym whose long form the document never gives.
//!
//! Minutes are read by residents, journalists and new councillors as well as officers, and a
//! reader who meets "OSB" or "SEND" with no explanation has to guess. An acronym is a word with
//! two or more capitals (mixed case such as `DfE`, `PfA` or `SENCo` included, and a plural such
//! as `GPs` counts as `GP`), or a dotted one ("P.C.C." is PCC). It counts as defined when the
//! document spells it out anywhere as "Long Form (ABC)" (the bracket may open the next line of
//! hard-wrapped text), "ABC (Long Form)", "ABC – Long Form", "ABC: Long Form" or "ABC = Long
//! Form", in a glossary list ("CHC – Continuing Health Care – …") or a Markdown glossary table,
//! or when the config's `[acronyms.glossary]` gives it. Well-known acronyms never need spelling
//! out: the built-in list holds what no clerk in the UK would spell out (UK, NHS, VAT, HMRC, MP,
//! MSP, AGM, CCTV, PCSO, HGV, …, and companies known by their letters such as RBS or BT), and the
//! config's `known` list adds more.
//!
//! Capitals that are not acronyms: words in all-capitals lines and headings (a date line such as
//! "MONDAY 3rd MARCH 2025 AT 7pm" is one, its ordinals and times notwithstanding); day and month
//! names; ordinary English words shouted ("CLERK", "SLOW", from a word list; a word the built-in
//! glossary knows as an acronym, such as NICE or SEND, stays one); item numbers, words with digits
//! or slashes, URLs, web-page residue, roman numerals, units after numbers ("284 KB", "20-30
//! MPH"); ranks before a name ("PC Hartley", "PCSO Lee"); company names ("KLT Ltd", "RBW
//! Services"); initials before a surname ("Mr AH Porter", "D.J. Hartley", "AH Dunmore" in a
//! column of names); and people's initials: a code beside a name ("Tom Hartley   TH",
//! "E. Ballard (EB)", "K Vance (Chair KV)"), a proposer or seconder ("Proposed by AL", "seconded
//! (PQ)"), initials alone in an action column, two initials opening a sentence as the one who
//! acted ("TH reported …"), and the initials of anyone in an attendance list, however laid out;
//! once a code is known to be a person, all its uses go. The capitalised markers of minutes
//! ("RESOLVED", "NOTED") are not acronyms either.
//!
//! The finding sits on the acronym's first use, once per acronym. An acronym that the document
//! does define, but only after using it, is `acronym-defined-late` instead.
//!
//! ## Example
//!
//! ```text
//! The Chair reported on the Overview and Scrutiny Board meeting.
//! It was recognised that some children had needs due to SEND.
//! Next OSB meeting – 23 March 2022.
//! ```
//!
//! `SEND` and `OSB` are never spelled out.
//!
//! ## Fix
//!
//! - When a capitalised phrase whose initials spell the acronym appears in the document
//!   ("Overview and Scrutiny Board"), the fix adds " (OSB)" after its first appearance in
//!   prose before the first use (or in an item's title, when that is the only one), or else
//!   spells the acronym out at its first use from that phrase. Safe only when the document
//!   settles it: the acronym has three letters or more (two initials fit a person's name or
//!   "Parish Clerk" for a parish council's PC by chance), every phrase in the document that fits
//!   it is the same phrase, and the phrase is not in the possessive ("the Council's (CC)").
//!   Otherwise unsafe: offered in the editor, never applied by `--fix`.
//! - Otherwise, when the built-in glossary of UK local-government acronyms has exactly one
//!   meaning, the fix spells it out at the first use: "special educational needs and
//!   disabilities (SEND)". Unsafe: the glossary's meaning is a guess at what this document
//!   means by the letters.
//! - When the glossary has several meanings ("AP", "CP", "ASC"), each is offered as a separate
//!   unsafe fix for a person to choose.
//!
//! A fix is safe only when the linter will read what it writes as a definition, checked on the
//! edited line before the fix is offered. It is unsafe when it would not be: a long form whose
//! initials do not follow its words and that is not the acronym's meaning in the glossary or
//! the config, or one followed by words in capitals, where "(ABC)" would read as part of a
//! heading. Applying such a fix would not end the finding. A glossary or config long form
//! written before the bracketed acronym ("National Institute for Health and Care Excellence
//! (NICE)") is read as its definition, whatever its initials.
//!
//! In a document with more than 500 fixes to check, the rest are offered as unsafe: the check
//! costs a little for each, and the editor lints on every keystroke.
//!
//! Anything else (adding the acronym to the config's `known` list) is left to the user.

use crate::core::analysis::acronyms::{
    edit_defines, find_long_forms, normalise_long_form, spell_out_edit, spelled_out, AcronymInfo, LongFormHit,
};
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use std::collections::BTreeMap;


pub(crate) const RULE: Rule = Rule {
    name: "undefined-acronym",
    default_severity: Severity::Warning,
    group: Group::Acronyms,
    source: include_str!("undefined_acronym.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let analysis = ctx.acronyms();
    let targets: Vec<&AcronymInfo> = analysis
        .iter()
        .filter(|info| !info.exempt() && info.definitions.is_empty())
        .collect();
    if targets.is_empty() {
        return;
    }
    let names: Vec<&str> = targets.iter().map(|info| info.name.as_str()).collect();
    let long_forms = find_long_forms(ctx.text, ctx.minutes, &names);
    let mut fixer = Fixer {
        ctx,
        claimed: BTreeMap::new(),
        checked: 0,
    };
    for info in targets {
        let first = info.first_use();
        let name = info.name.as_str();
        let mut diagnostic = Diagnostic::new(
            RULE.name,
            first,
            format!("`{name}` is used without being spelled out; give its long form at its first use"),
        );
        let hits = long_forms.get(name).map(Vec::as_slice).unwrap_or(&[]);
        if let Some((fix, phrase)) = fixer.fix_from_document(info, hits) {
            let long = phrase.slice(ctx.text);
            diagnostic = diagnostic
                .with_related(phrase, format!("“{long}” is written here without `{name}`"))
                .with_fix(fix);
        } else {
            match info.builtin {
                [] => {}
                [only] => {
                    // The glossary's meaning is a guess at what this document means by the
                    // letters ("PI" may be an institute, "CCG" a builder): offered, never applied
                    // unattended.
                    let new_text = spelled_out(ctx.text, first, &only.long_form);
                    let title = format!("Spell out {name} as “{new_text}”");
                    let edit = spell_out_edit(ctx.text, first, &only.long_form);
                    diagnostic = diagnostic.with_fix(Fix::unsafe_(title, vec![edit]));
                }
                several => {
                    diagnostic
                        .message
                        .push_str(&format!(" (it has {} common meanings)", several.len()));
                    for meaning in several {
                        let new_text = spelled_out(ctx.text, first, &meaning.long_form);
                        diagnostic = diagnostic.with_fix(Fix::unsafe_(
                            format!("Spell out {name} as “{new_text}” ({})", meaning.category),
                            vec![spell_out_edit(ctx.text, first, &meaning.long_form)],
                        ));
                    }
                }
            }
        }
        out.push(diagnostic);
    }
}

/// Whether the document itself settles that `hit` is what the acronym `name` stands for, so that
/// `--fix` may write it unattended: the acronym has three letters or more (two initials match
/// too many phrases by chance: a person's name, "Parish Clerk" for a parish council's "PC"),
/// every phrase in the document whose initials fit it is the same phrase (no choice between
/// "City Council" and "Community Council"), and the phrase is not taken in the possessive ("the
/// Community Council's (CC)" would misread).
fn settled_by_document(text: &str, name: &str, hits: &[LongFormHit], hit: &LongFormHit) -> bool {
    if name.len() < 3 {
        return false;
    }
    let long = normalise_long_form(hit.span.slice(text));
    if hits.iter().any(|h| normalise_long_form(h.span.slice(text)) != long) {
        return false;
    }
    let after = text.get(hit.span.end..).unwrap_or("");
    let phrase = hit.span.slice(text);
    let possessive = |s: &str| ["'s", "’s", "s'", "s’"].iter().any(|p| s.ends_with(p));
    !(possessive(phrase) || after.starts_with(['\'', '’']))
}

/// How many fixes a document's findings have checked before the rest are offered as unsafe
/// unchecked: each check reads about a kilobyte around its edit, twice, and the editor lints on
/// every keystroke. Only a document with hundreds of undefined acronyms reaches it.
const MAX_CHECKED_FIXES: usize = 500;

/// Builds the rule's fixes, remembering where its safe fixes edit.
struct Fixer<'c, 'a> {
    ctx: &'c Context<'a>,
    /// What each safe fix so far rewrites or writes after (a long form, or a use spelled out):
    /// start → end, none touching another.
    claimed: BTreeMap<usize, usize>,
    /// How many fixes have been checked with [`edit_defines`].
    checked: usize,
}

impl Fixer<'_, '_> {
    /// A fix built from the long form written elsewhere in the document, with where that is.
    fn fix_from_document(&mut self, info: &AcronymInfo, hits: &[LongFormHit]) -> Option<(Fix, Span)> {
        let text = self.ctx.text;
        let first = info.first_use();
        let name = info.name.as_str();
        let before: Vec<&LongFormHit> = hits.iter().filter(|h| h.span.end <= first.start).collect();
        // Prose first, an item's title next; the document's title, header and attendance lists
        // name things as they are and are not edited.
        let chosen = before
            .iter()
            .find(|h| h.prose)
            .or_else(|| before.iter().find(|h| h.item_title));
        let settled = |hit: &LongFormHit| settled_by_document(text, name, hits, hit);
        if let Some(hit) = chosen {
            let long = hit.span.slice(text);
            let title = format!("Add ({name}) after “{long}”");
            let edit = Edit::insert(hit.span.end, format!(" ({name})"));
            let fix = if settled(hit) {
                self.fix(name, title, edit, hit.span)
            } else {
                Fix::unsafe_(title, vec![edit])
            };
            return Some((fix, hit.span));
        }
        let hit = hits
            .iter()
            .find(|h| h.prose && !h.span.overlaps(first))
            .or_else(|| hits.iter().find(|h| !h.span.overlaps(first)))?;
        let new_text = spelled_out(text, first, hit.span.slice(text));
        let title = format!("Spell out {name} as “{new_text}”");
        let edit = spell_out_edit(text, first, hit.span.slice(text));
        let fix = if settled(hit) {
            self.fix(name, title, edit, first)
        } else {
            Fix::unsafe_(title, vec![edit])
        };
        Some((fix, hit.span))
    }

    /// The fix, safe when the definition it writes is one the linter will recognise and it
    /// touches nothing another safe fix of this rule rewrites or writes after (each is judged on
    /// the text as it is, and "Medium Term (MT) Financial Strategy (MTFS)" would break one).
    /// Otherwise unsafe: a long form the linter would not read back as a definition, or one written
    /// where the words around it hide it, would leave the finding in place after every fix.
    fn fix(&mut self, name: &str, title: String, edit: Edit, region: Span) -> Fix {
        // The claimed regions do not touch, so only the last to start by the region's end can.
        let touches = self
            .claimed
            .range(..=region.end)
            .next_back()
            .is_some_and(|(_, &end)| end >= region.start);
        if touches || self.checked == MAX_CHECKED_FIXES {
            return Fix::unsafe_(title, vec![edit]);
        }
        self.checked += 1;
        if !edit_defines(self.ctx.text, edit.span, &edit.new_text, name, self.ctx.config) {
            return Fix::unsafe_(title, vec![edit]);
        }
        self.claimed.insert(region.start, region.end);
        Fix::safe(title, vec![edit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    use crate::core::diagnostic::Applicability;
    use crate::core::fix::{apply_edits, fix_all};
    use crate::core::lint::lint;

    fn run(text: &str) -> Vec<Diagnostic> {
        run_with(text, &Config::default())
    }

    fn run_with(text: &str, config: &Config) -> Vec<Diagnostic> {
        RULE.findings_with(text, config, None)
    }

    fn flagged(text: &str) -> Vec<String> {
        run(text).iter().map(|d| d.span.slice(text).to_string()).collect()
    }

    use crate::core::testing::corpus;

    fn fixed(text: &str, d: &Diagnostic) -> String {
        apply_edits(text, &d.fixes[0].edits)
    }

    #[test]
    fn flags_undefined_acronyms_once_at_first_use() {
        let text = "The XYZ met.\n\nThe XYZ met again and the QRS too.\n";
        let found = run(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, crate::core::text::Span::new(4, 7));
        assert_eq!(found[1].span.slice(text), "QRS");
    }

    #[test]
    fn accepts_every_way_of_defining() {
        let text = "The Local Government Association (LGA) and the DfE (Department for Education) met.\n\
            Work on anti-social behaviour (ASB), an ICS – Integrated Care System, and CiCC: Children in Care Council.\n\
            Later the LGA, DfE, ASB, ICS and CiCC met.\n\n\
            · CHC – Continuing Health Care – a package of care.\n";
        assert!(flagged(text).is_empty(), "{:?}", flagged(text));
        let late_glossary = "The CHC met.\n\n· CHC – Continuing Health Care – a package of care.\n";
        assert!(flagged(late_glossary).is_empty());
    }

    #[test]
    fn known_and_configured_acronyms_pass() {
        let text = "The NHS, the GPs, the UK, IT and the XYZ and the ABQ.\n";
        assert_eq!(flagged(text), ["XYZ", "ABQ"]);
        let mut config = Config::default();
        config.known_acronyms.push("XYZ".into());
        config.glossary.insert("ABQ".into(), "A Big Question".into());
        assert!(run_with(text, &config).is_empty());
    }

    #[test]
    fn ignores_what_is_not_an_acronym() {
        let text = "APOLOGIES FOR ABSENCE\n\nCYP/OSG/17/12 Minutes\n\nMr McDonald watched YouTube at 4.00 PM on a 284 KB file under Part IV and Phase II of CB20.\n\nRESOLVED – That the report be NOTED.\n\nSee https://www.example.org/LGA/page or mail xyz.ABC@example.org.\n";
        assert!(flagged(text).is_empty(), "{:?}", flagged(text));
    }

    #[test]
    fn adds_the_acronym_after_an_earlier_long_form_preferring_prose() {
        let text = "1. Overview and Scrutiny Board Update\n\nThe Chair reported on the Overview and Scrutiny Board meeting.\n\nThe next OSB meeting is in March.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        let fix = &found[0].fixes[0];
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(found[0].related[0].span.slice(text), "Overview and Scrutiny Board");
        assert_eq!(
            fixed(text, &found[0]),
            "1. Overview and Scrutiny Board Update\n\nThe Chair reported on the Overview and Scrutiny Board (OSB) meeting.\n\nThe next OSB meeting is in March.\n"
        );
    }

    #[test]
    fn leaves_the_document_title_alone() {
        let text =
            "Health and Wellbeing Board\n\nMinutes of the meeting held on 3 March 2021\n\n1. Plans\n\nThe HWB met.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            fixed(text, &found[0]),
            "Health and Wellbeing Board\n\nMinutes of the meeting held on 3 March 2021\n\n1. Plans\n\nThe Health and Wellbeing Board (HWB) met.\n"
        );
    }

    #[test]
    fn spells_out_at_first_use_from_a_later_long_form() {
        let text = "The OSB met.\n\nThe Overview and Scrutiny Board agreed.\n";
        let found = run(text);
        assert_eq!(
            fixed(text, &found[0]),
            "The Overview and Scrutiny Board (OSB) met.\n\nThe Overview and Scrutiny Board agreed.\n"
        );
    }

    #[test]
    fn spells_out_from_the_builtin_glossary() {
        let text = "SEND support was discussed with the LGA.\n";
        let found = run(text);
        assert_eq!(found.len(), 2);
        assert_eq!(
            fixed(text, &found[0]),
            "Special educational needs and disabilities (SEND) support was discussed with the LGA.\n"
        );
        assert_eq!(
            fixed(text, &found[1]),
            "SEND support was discussed with the Local Government Association (LGA).\n"
        );
    }

    #[test]
    fn ambiguous_glossary_acronyms_get_one_unsafe_fix_per_meaning() {
        let text = "The AP was discussed.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].fixes.len() >= 2);
        assert!(found[0].fixes.iter().all(|f| f.applicability == Applicability::Unsafe));
    }

    #[test]
    fn fixes_converge() {
        let text = "1. Overview and Scrutiny Board Update\n\nThe Overview and Scrutiny Board met about SEND and the LGA.\n\nNext OSB meeting soon; SEND again.\n";
        let config = Config::default();
        let once = fix_all(text, &config, None, false);
        // The built-in glossary's meanings are guesses, offered but never applied unattended.
        let left: Vec<&str> = once
            .remaining
            .iter()
            .filter(|d| d.rule == RULE.name)
            .map(|d| d.span.slice(&once.text))
            .collect();
        assert_eq!(left, ["SEND", "LGA"], "{:?}", once.remaining);
        assert!(once.text.contains("Overview and Scrutiny Board (OSB) met"));
        assert!(
            once.remaining.iter().all(|d| !d.rule.starts_with("acronym")),
            "{:?}",
            once.remaining
        );
        let twice = fix_all(&once.text, &config, None, false);
        assert_eq!(twice.text, once.text);
    }

    #[test]
    fn fixes_that_would_break_each_other_are_not_both_safe() {
        // CG's long form ends where CCG's does, and MT's is inside MTFS's: adding both in one
        // pass would give "Group (CG) (CCG)" or "Medium Term (MT) Financial Strategy (MTFS)".
        let text = "1. Health\n\nThe Clinical Commissioning Group met. The Medium Term Financial Strategy was set.\n\n\
            The CCG and the CG met. The MTFS and the FS and the MT.\n";
        let safe: Vec<&str> = run(text)
            .iter()
            .filter(|d| d.fixes.iter().any(|f| f.applicability == Applicability::Safe))
            .map(|d| d.span.slice(text))
            .collect();
        assert_eq!(safe, ["CCG", "MTFS"]);
        let once = fix_all(text, &Config::default(), None, false);
        assert!(
            once.text.contains("Clinical Commissioning Group (CCG) met"),
            "{}",
            once.text
        );
        assert!(
            once.text.contains("Medium Term Financial Strategy (MTFS) was"),
            "{}",
            once.text
        );
        let undefined: Vec<&str> = once
            .remaining
            .iter()
            .filter(|d| d.rule == RULE.name)
            .map(|d| d.span.slice(&once.text))
            .collect();
        assert_eq!(undefined, ["CG", "FS", "MT"]);
        assert_eq!(fix_all(&once.text, &Config::default(), None, false).total_applied(), 0);
    }

    #[test]
    fn only_so_many_fixes_are_checked() {
        let mut text = String::from("1. Many\n\n");
        for i in 0..MAX_CHECKED_FIXES + 100 {
            let letters: Vec<char> = [i / 676, i / 26 % 26, i % 26]
                .iter()
                .map(|&n| char::from(b'A' + n as u8))
                .collect();
            let long: Vec<String> = letters.iter().map(|c| format!("{c}xq")).collect();
            let name: String = letters.iter().collect();
            text.push_str(&format!("The {} met. The {name} went.\n", long.join(" ")));
        }
        let found = run(&text);
        // A few three-letter words ("AND", "ARE", "MAY", "SUN") are no acronyms.
        assert!(found.len() > MAX_CHECKED_FIXES + 80, "{}", found.len());
        let safe = found
            .iter()
            .filter(|d| d.fixes[0].applicability == Applicability::Safe)
            .count();
        assert_eq!(safe, MAX_CHECKED_FIXES);
        assert!(found[MAX_CHECKED_FIXES..]
            .iter()
            .all(|d| d.fixes[0].applicability == Applicability::Unsafe));
    }

    #[test]
    fn handles_crlf_and_lone_cr() {
        for newline in ["\r\n", "\r"] {
            let text = [
                "1. Overview and Scrutiny Board Update",
                "",
                "The Overview and Scrutiny Board met.",
                "",
                "Next OSB meeting about SEND.",
                "",
            ]
            .join(newline);
            let found = run(&text);
            let names: Vec<&str> = found.iter().map(|d| d.span.slice(&text)).collect();
            assert_eq!(names, ["OSB", "SEND"]);
            let once = fix_all(&text, &Config::default(), None, false);
            assert!(once.text.contains("Overview and Scrutiny Board (OSB) met."));
            let left: Vec<&str> = once
                .remaining
                .iter()
                .filter(|d| d.rule.contains("acronym"))
                .map(|d| d.span.slice(&once.text))
                .collect();
            assert_eq!(left, ["SEND"]);
            assert_eq!(fix_all(&once.text, &Config::default(), None, false).text, once.text);
        }
    }

    #[test]
    fn middlesbrough_flags_exactly_lga_send_and_osb() {
        let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
        let found = run(&text);
        let names: Vec<&str> = found.iter().map(|d| d.span.slice(&text)).collect();
        assert_eq!(names, ["LGA", "SEND", "OSB"]);
        let lga = &found[0];
        assert_eq!(lga.fixes[0].edits[0].new_text, "Local Government Association (LGA)");
        let osb = &found[2];
        let edit = &osb.fixes[0].edits[0];
        assert_eq!(edit.new_text, " (OSB)");
        assert!(text[..edit.span.start].ends_with("at the Overview and Scrutiny Board"));
        let all = lint(&text, &Config::default(), None).diagnostics;
        for d in all.iter().filter(|d| d.rule.contains("acronym")) {
            let word = d.span.slice(&text);
            for quiet in ["CHC", "CC", "PfA", "CAMHS", "CCG", "ICS", "NHS", "GPs", "PDF", "KB"] {
                assert!(!word.contains(quiet), "{} fired on {word}", d.rule);
            }
        }
    }

    #[test]
    fn manchester_drafts_do_not_flag_cyp_osg_camhs_or_it() {
        for name in [
            "manchester-ofsted-subgroup-2017-09-12.txt",
            "manchester-cyp-2021-item.txt",
        ] {
            let text = corpus(name);
            let all = lint(&text, &Config::default(), None).diagnostics;
            let words: Vec<&str> = all
                .iter()
                .filter(|d| d.rule.contains("acronym"))
                .map(|d| d.span.slice(&text))
                .collect();
            for word in &words {
                assert!(
                    matches!(*word, "SMART" | "THRIVE"),
                    "{name}: unexpected acronym finding on {word}"
                );
            }
        }
    }
}
