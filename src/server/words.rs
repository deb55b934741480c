//! What the server says about the acronym or person at a position.
//!
//! Everything here reads the core's shared analyses (`AcronymAnalysis`, `PeopleAnalysis`, built
//! once per linted version), so hover, completion, go to definition and the rules agree on what
//! is an acronym, where it is defined and who was present.

use crate::core::analysis::acronyms::{acronym_base, AcronymInfo, LongFormSource};
use crate::core::analysis::people::fold_surname;
use crate::core::glossary::Glossary;
use crate::core::text::{floor_char_boundary, Span};
use crate::server::analysis::Analysis;

/// The acronym used at `offset`, or ending just before it (the cursor after the word), with the
/// span of that use.
pub fn acronym_at(analysis: &Analysis, offset: usize) -> Option<(&AcronymInfo, Span)> {
    let acronyms = analysis.acronyms();
    acronyms
        .at(offset)
        .or_else(|| offset.checked_sub(1).and_then(|before| acronyms.at(before)))
}

/// What hover says of an acronym.
#[derive(Debug)]
pub struct AcronymHover {
    /// The word hovered.
    pub span: Span,
    /// The acronym ("GP" for "GPs").
    pub name: String,
    /// Every long form known, best first, each with where it comes from.
    pub forms: Vec<(String, String)>,
}

/// The long forms of the acronym at `offset`. Outside the uses the rules count (a heading in
/// capitals), an acronym-shaped word still gets the config's and the built-in glossary's.
pub fn long_forms_at(analysis: &Analysis, offset: usize) -> Option<AcronymHover> {
    let text = analysis.text.as_str();
    if let Some((info, span)) = acronym_at(analysis, offset) {
        let forms = info
            .long_forms(text)
            .into_iter()
            .map(|(long, source)| (long, describe_source(source)))
            .collect();
        return Some(AcronymHover {
            span,
            name: info.name.clone(),
            forms,
        });
    }
    let word = word_at(text, offset)?;
    let name = acronym_base(word.slice(text))?;
    let mut forms = Vec::new();
    if let Some(long) = analysis.config.glossary.get(name) {
        forms.push((long.clone(), describe_source(LongFormSource::Config)));
    }
    for meaning in Glossary::builtin().meanings(name) {
        forms.push((
            meaning.long_form.clone(),
            describe_source(LongFormSource::Builtin(meaning.category.as_str())),
        ));
    }
    (!forms.is_empty()).then(|| AcronymHover {
        span: word,
        name: name.to_string(),
        forms,
    })
}

/// Where a long form comes from, in words for hover and completion.
pub fn describe_source(source: LongFormSource) -> String {
    match source {
        LongFormSource::Document(_) => "defined in this document".to_string(),
        LongFormSource::Config => "from minutes-lint.toml".to_string(),
        LongFormSource::Builtin(category) => format!("built-in glossary, {category}"),
    }
}

/// The person named at `offset`, with the name's span: a name in the lists or a titled name in
/// the prose, else a bare surname ("Taylor said") that only one listed person has. The person is
/// an index into the people analysis.
pub fn person_at(analysis: &Analysis, offset: usize) -> Option<(Span, usize)> {
    let text = analysis.text.as_str();
    let people = analysis.people();
    if let Some(mention) = people.mention_at(offset) {
        return Some((mention.span, mention.person));
    }
    let word = word_at(text, offset)?;
    if !word.slice(text).starts_with(char::is_uppercase) {
        return None;
    }
    let key = fold_surname(word.slice(text));
    let mut listed = people
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.key == key && !people.statuses(p).is_empty());
    let (person, _) = listed.next()?;
    listed.next().is_none().then_some((word, person))
}

/// What hover and completion say of a person: their place in the attendance lists
/// ("Councillor Taylor: present (in the chair)"), then, when the minutes record more, their
/// comings and goings and interests ("left at 8.15 pm for item 6; returned").
pub fn describe_person(analysis: &Analysis, person: usize) -> PersonDescription {
    let text = analysis.text.as_str();
    let people = analysis.people();
    let listed = people
        .people
        .get(person)
        .map(|entry| people.describe(text, entry))
        .unwrap_or_default();
    let in_the_room = analysis
        .proceedings()
        .describe_person(text, &analysis.linted.minutes, person);
    PersonDescription { listed, in_the_room }
}

/// A person as hover shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDescription {
    /// "Councillor Taylor: present; sent apologies".
    pub listed: String,
    /// "arrived at 7.40 pm for item 3; declared a pecuniary interest in item 5", when recorded.
    pub in_the_room: Option<String>,
}

/// The people in the attendance lists, one per surname in order of listing: the surname as
/// listed and what hover says of them.
pub fn attendees(analysis: &Analysis) -> Vec<(&str, String)> {
    let text = analysis.text.as_str();
    let people = analysis.people();
    let mut out: Vec<(&str, String)> = Vec::new();
    for mention in people.mentions.iter().filter(|m| m.in_attendance()) {
        let surname = mention.surname.slice(text);
        if surname.is_empty() || out.iter().any(|(s, _)| *s == surname) {
            continue;
        }
        if let Some(person) = people.people.get(mention.person) {
            out.push((surname, people.describe(text, person)));
        }
    }
    out
}

/// The word (letters and digits) around a byte offset.
fn word_at(text: &str, offset: usize) -> Option<Span> {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| offset + i);
    (end > start).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    use crate::core::text::ColumnUnit;
    use crate::server::analysis::{analyse, Analysed};
    use std::sync::Arc;
    use tower_lsp::lsp_types::Url;

    fn analysed(text: &str, config: Config) -> Analysed {
        let uri = Url::parse("file:///d.minutes").unwrap();
        analyse(&uri, 1, text.to_string(), Arc::new(config), None, ColumnUnit::Utf16).unwrap()
    }

    const TEXT: &str = "Present: Councillor Stone (Chair), Councillor Reid\n\n1. Partners\n\n\
        The Local Government Association (LGA) met the GPs. The LGA agreed.\n\n\
        2. SEND UPDATE\n\nReid said the SEND plan was late.\n";

    #[test]
    fn an_acronym_is_found_at_and_just_after_its_use() {
        let a = analysed(TEXT, Config::default());
        let agreed = TEXT.find("LGA agreed").unwrap();
        for offset in [agreed, agreed + 2, agreed + 3] {
            let (info, span) = acronym_at(&a, offset).unwrap();
            assert_eq!((info.name.as_str(), span.slice(TEXT)), ("LGA", "LGA"), "at {offset}");
        }
        let gps = TEXT.find("GPs").unwrap();
        assert_eq!(acronym_at(&a, gps).map(|(i, _)| i.name.as_str()), Some("GP"));
        assert!(acronym_at(&a, TEXT.find("agreed").unwrap() + 2).is_none());
    }

    #[test]
    fn long_forms_say_where_they_come_from() {
        let mut config = Config::default();
        config.glossary.insert("LGA".into(), "Local Government Assoc.".into());
        let a = analysed(TEXT, config);
        let AcronymHover { name, forms, .. } = long_forms_at(&a, TEXT.find("LGA agreed").unwrap()).unwrap();
        assert_eq!(name, "LGA");
        assert_eq!(
            forms[0],
            ("Local Government Association".into(), "defined in this document".into())
        );
        assert_eq!(
            forms[1],
            ("Local Government Assoc.".into(), "from minutes-lint.toml".into())
        );
        // In a heading in capitals the rules see no acronym, but hover still explains it.
        let AcronymHover { span, name, forms } = long_forms_at(&a, TEXT.find("SEND UPDATE").unwrap() + 1).unwrap();
        assert_eq!((span.slice(TEXT), name.as_str()), ("SEND", "SEND"));
        assert!(
            forms
                .iter()
                .any(|(long, _)| long.to_lowercase().contains("special educational needs")),
            "{forms:?}"
        );
    }

    #[test]
    fn people_are_described_in_the_lists_and_by_a_bare_surname() {
        let a = analysed(TEXT, Config::default());
        let describe = |offset| person_at(&a, offset).map(|(span, p)| (span, describe_person(&a, p).listed));
        let (_, stone) = describe(TEXT.find("Stone").unwrap()).unwrap();
        assert!(
            stone.contains("Councillor Stone") && stone.contains("in the chair"),
            "{stone}"
        );
        let said = TEXT.find("Reid said").unwrap();
        let (span, reid) = describe(said + 1).unwrap();
        assert_eq!(span.slice(TEXT), "Reid");
        assert!(reid.contains("present"), "{reid}");
        assert!(person_at(&a, TEXT.find("plan").unwrap()).is_none());
        let names: Vec<&str> = attendees(&a).iter().map(|(s, _)| *s).collect();
        assert_eq!(names, ["Stone", "Reid"]);
    }

    #[test]
    fn a_person_is_described_with_their_comings_and_goings() {
        let text = "Present: Councillors Ames, Lowe and Kerr\n\n\
            1. Declarations of interest\n\nCouncillor Kerr declared a pecuniary interest in item 2.\n\n\
            2. Land at Mill Lane\n\nCouncillor Kerr left the meeting for this item.\n\n\
            RESOLVED: that the land be sold.\n";
        let a = analysed(text, Config::default());
        let (_, kerr) = person_at(&a, text.find("Kerr left").unwrap()).unwrap();
        let described = describe_person(&a, kerr);
        assert!(described.listed.contains("present"), "{described:?}");
        let record = described.in_the_room.unwrap_or_default();
        assert!(
            record.contains("left for item 2") && record.contains("pecuniary interest in item 2"),
            "{record}"
        );
        let (_, ames) = person_at(&a, text.find("Ames").unwrap()).unwrap();
        assert_eq!(
            describe_person(&a, ames).in_the_room,
            None,
            "nothing recorded beyond the list"
        );
    }
}
