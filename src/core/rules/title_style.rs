//! "Cllr" and "Councillor" mixed in one document.
//!
//! Published minutes read better, and search better, when every councillor is titled the same
//! way. Only titles written before a name count ("Cllr Jones", "Councillors Reid and Taylor"),
//! not the word used as a noun ("Councillors and Officers"), nor a designation such as "District
//! Councillor Wright" in a parish council's minutes. The plural forms "Cllrs" and
//! "Councillors" count with their singulars. A document that abbreviates every title in its
//! attendance lists and writes every title in full in its prose (or the other way round)
//! follows a house style and is not reported. When `[style] councillor` is set in
//! `minutes-lint.toml`, every title in the other style is reported, even in a document that uses
//! only that other style.
//!
//! ## Example
//!
//! ```text
//! Present: Councillor Stone (Chair), Councillors Alijah and Reid
//!
//! Cllr Reid asked about the budget.
//! ```
//!
//! reports "Cllr" on the last line: the document mostly writes "Councillor".
//!
//! ## Fix
//!
//! Safe: write the title in the configured style, or else in the style the document uses most
//! (the first one used when it is a tie), keeping singular and plural: "Cllrs" becomes
//! "Councillors" and the other way round.

use crate::core::config::CouncillorStyle;
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;


fn style_of(word: &str) -> Option<(CouncillorStyle, bool)> {
    match word.trim_end_matches('.') {
        "Councillor" => Some((CouncillorStyle::Councillor, false)),
        "Councillors" => Some((CouncillorStyle::Councillor, true)),
        "Cllr" => Some((CouncillorStyle::Cllr, false)),
        "Cllrs" => Some((CouncillorStyle::Cllr, true)),
        _ => None,
    }
}

fn written(style: CouncillorStyle, plural: bool) -> &'static str {
    match (style, plural) {
        (CouncillorStyle::Councillor, false) => "Councillor",
        (CouncillorStyle::Councillor, true) => "Councillors",
        (CouncillorStyle::Cllr, false) => "Cllr",
        (CouncillorStyle::Cllr, true) => "Cllrs",
    }
}

/// "District Councillor Wright", "County Councillor Ellis": a designation of another council's
/// member, written in full whatever the house style.
fn qualified(text: &str, title: Span) -> bool {
    let before = text.get(..title.start).unwrap_or("").trim_end_matches([' ', '\u{a0}']);
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(
        word.to_lowercase().as_str(),
        "district" | "county" | "borough" | "city" | "town" | "parish" | "unitary" | "ward" | "former" | "ex"
    )
}

pub(crate) const RULE: Rule = Rule {
    name: "title-style",
    default_severity: Severity::Info,
    group: Group::People,
    source: include_str!("title_style.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // Every councillor title written before a name, once each (a list shares its title).
    let mut listed: Vec<(Span, CouncillorStyle, bool)> = Vec::new();
    let mut titles: Vec<(Span, CouncillorStyle, bool)> = Vec::new();
    for m in &ctx.people().mentions {
        let Some(t) = m.title.filter(|t| !qualified(ctx.text, *t)) else {
            continue;
        };
        let Some((style, plural)) = style_of(t.slice(ctx.text)) else {
            continue;
        };
        titles.push((t, style, plural));
        if m.in_attendance() {
            listed.push((t, style, plural));
        }
    }
    titles.sort_by_key(|t| t.0);
    titles.dedup_by_key(|t| t.0);
    let Some(first) = titles.first() else { return };
    let full = titles.iter().filter(|t| t.1 == CouncillorStyle::Councillor).count();
    let short = titles.len() - full;
    // "Cllr" throughout the attendance lists and "Councillor" throughout the prose (or the other
    // way round) is a house style, abbreviating lists, not a mix.
    let split_by_place = {
        let in_lists = |t: &(Span, CouncillorStyle, bool)| listed.iter().any(|l| l.0 == t.0);
        let list_styles: Vec<CouncillorStyle> = titles.iter().filter(|t| in_lists(t)).map(|t| t.1).collect();
        let prose_styles: Vec<CouncillorStyle> = titles.iter().filter(|t| !in_lists(t)).map(|t| t.1).collect();
        !list_styles.is_empty()
            && !prose_styles.is_empty()
            && list_styles.iter().all(|s| *s == list_styles[0])
            && prose_styles.iter().all(|s| *s == prose_styles[0])
    };
    let (preferred, reason) = match ctx.config.councillor_style {
        Some(style) => (style, "the configured style"),
        None if full == 0 || short == 0 || split_by_place => return,
        None if full > short => (CouncillorStyle::Councillor, "the style this document uses most"),
        None if short > full => (CouncillorStyle::Cllr, "the style this document uses most"),
        None => (first.1, "the style this document uses first"),
    };
    for &(span, _, plural) in titles.iter().filter(|t| t.1 != preferred) {
        let want = written(preferred, plural);
        let have = span.slice(ctx.text);
        out.push(
            Diagnostic::new(
                RULE.name,
                span,
                format!("\"{have}\" here, but {reason} is \"{}\"", written(preferred, false)),
            )
            .with_fix(Fix::safe(format!("Write \"{want}\""), vec![Edit::replace(span, want)])),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::core::config::{Config, CouncillorStyle};
    use crate::core::diagnostic::Diagnostic;
    use crate::core::fix::{apply_edits, fix_all};

    fn check_with(text: &str, config: &Config) -> Vec<Diagnostic> {
        super::RULE.findings_with(text, config, None)
    }

    fn check(text: &str) -> Vec<Diagnostic> {
        check_with(text, &Config::default())
    }


    #[test]
    fn the_minority_style_is_reported_and_fixed() {
        let text = "Present: Councillor Stone (Chair), Councillors Alijah and Reid\n\n1. Budget\n\nCllr Reid and Cllrs Alijah and Stone spoke.\n\nCouncillor Stone thanked them.\n";
        let found = check(text);
        let spans: Vec<&str> = found.iter().map(|d| d.span.slice(text)).collect();
        assert_eq!(spans, ["Cllr", "Cllrs"]);
        assert!(found[0].fixes[0].applicability == crate::core::diagnostic::Applicability::Safe);
        let fixed = fix_all(text, &Config::default(), None, false).text;
        assert!(
            fixed.contains("Councillor Reid and Councillors Alijah and Stone spoke."),
            "{fixed}"
        );
        assert!(check(&fixed).is_empty());
    }

    #[test]
    fn one_style_alone_is_fine_unless_configured_otherwise() {
        let text = "Present: Cllr A Smith (Chair), Cllrs Jones and Reid\n\nCouncillors and Officers met.\n";
        assert!(check(text).is_empty());
        let config = Config {
            councillor_style: Some(CouncillorStyle::Councillor),
            ..Config::default()
        };
        let found = check_with(text, &config);
        assert_eq!(found.len(), 2);
        let fixed = apply_edits(
            text,
            &[found[0].fixes[0].edits[0].clone(), found[1].fixes[0].edits[0].clone()],
        );
        assert_eq!(
            fixed,
            "Present: Councillor A Smith (Chair), Councillors Jones and Reid\n\nCouncillors and Officers met.\n"
        );
        assert!(check_with(&fixed, &config).is_empty());
    }

    #[test]
    fn a_tie_goes_to_the_first_style_and_dots_go() {
        let text = "Cllr. Smith met Councillor Jones.\n";
        let found = check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Councillor");
        let text = "Cllr. Smith met Councillor Jones and Councillor Reid.\n";
        let fixed = fix_all(text, &Config::default(), None, false).text;
        assert_eq!(fixed, "Councillor Smith met Councillor Jones and Councillor Reid.\n");
    }

    #[test]
    fn abbreviated_lists_and_full_prose_are_a_house_style() {
        let text = "Present: Cllr P Okafor (Chair), Cllrs Venn and Ashby\n\n1. Budget\n\nCouncillor Venn asked about reserves; Councillor Ashby replied.\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
        // Once the prose mixes the two, it is a mix again.
        let text = "Present: Cllr P Okafor (Chair), Cllrs Venn and Ashby\n\n1. Budget\n\nCouncillor Venn asked about reserves; Cllr Ashby replied; Councillor Okafor closed.\n";
        assert!(!check(text).is_empty());
    }

    #[test]
    fn designations_of_other_councils_are_left_alone() {
        let text = "Present: Cllr J Bloggs (Chairman), Cllr R Jones\nIn attendance: District Councillor K Wright, County Councillor Ellis\n";
        assert!(check(text).is_empty());
    }
}
