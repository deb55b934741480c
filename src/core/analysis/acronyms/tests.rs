//! Tests of the acronym analysis as a whole and of its parts.

use super::*;
use super::{definitions::*, detection::*, tokens::*};
use crate::core::config::Config;
use crate::core::glossary::Glossary;
use crate::core::model::Minutes;
use crate::core::parse::parse;
use regex::Regex;

fn analyse(text: &str) -> AcronymAnalysis {
    AcronymAnalysis::new(text, &parse(text), &Config::default())
}

fn names(a: &AcronymAnalysis) -> Vec<&str> {
    a.iter().map(|i| i.name.as_str()).collect()
}

#[test]
fn ascii_chunk_separators_agree() {
    for b in 0..128u8 {
        assert_eq!(
            is_ascii_chunk_separator(b),
            is_any_chunk_separator(char::from(b)),
            "{b}"
        );
        assert_eq!(
            is_chunk_separator(char::from(b)),
            is_any_chunk_separator(char::from(b)),
            "{b}"
        );
    }
}

#[test]
fn finds_lone_capital_words_like_a_byte_scan() {
    let reference = |bytes: &[u8], at: usize| {
        if at > 0 && !is_ascii_chunk_separator(bytes[at - 1]) {
            return None;
        }
        for (i, &b) in bytes.iter().enumerate().skip(at + 1) {
            if is_ascii_chunk_separator(b) {
                return Some(i);
            }
            if !b.is_ascii() || b.is_ascii_uppercase() {
                return None;
            }
        }
        Some(bytes.len())
    };
    for text in [
        "Council met",
        "Council",
        "A",
        "Councillorship's work",
        "Councillorshipsandmore.",
        "Councillorshipsandmorey's(x)",
        "The abcdefghijklmnopqrstuvwxyz{` met",
        "Abcdefghijklmnopqrstuvwxyz",
        "Abcdefgh\u{e9}ijk met",
        "AbcdefghijklmnopqrstuvwxyzabcdefghI met",
        "x Meeting@abcdefghij\t",
    ] {
        let bytes = text.as_bytes();
        for at in (0..bytes.len()).filter(|&i| bytes[i].is_ascii_uppercase()) {
            assert_eq!(lone_capital_word(bytes, at), reference(bytes, at), "{text:?} at {at}");
        }
    }
}

#[test]
fn finds_bytes_in_a_range_like_a_comparison() {
    for (low, high) in [(b'A', b'Z'), (b'a', b'z')] {
        for b in 0..=255u8 {
            let mask = bytes_between(u64::from(b) << 16, low, high);
            assert_eq!(mask != 0, (low..=high).contains(&b), "{b}");
            assert_eq!(mask & !(0x80 << 16), 0);
        }
    }
}

#[test]
fn name_titles_start_with_a_capital() {
    // `is_name_title` relies on it to skip other words.
    assert!(NAME_TITLES.iter().all(|t| t.as_bytes()[0].is_ascii_uppercase()));
}

#[test]
fn stop_words_are_short() {
    // `is_stop` relies on it to skip comparing longer words.
    assert!(STOP_WORDS.iter().all(|w| w.len() <= 4));
}

#[test]
fn finds_the_next_ascii_capital_like_a_byte_scan() {
    let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
    let mut texts: Vec<&[u8]> = vec![&all];
    for text in [
        "",
        "a",
        "abcdefghijklmnopqrstuvwxyz A",
        "@[`{ AZ",
        "héllo wörld Ä Z",
        "\u{ff}\u{80}zzzzzzzzzzzzzM",
        "AB CD efghijklmnopqrstuvwxyzXYZ",
    ] {
        texts.push(text.as_bytes());
    }
    for bytes in texts {
        let expected = |from: usize| {
            bytes
                .get(from..)
                .and_then(|b| b.iter().position(u8::is_ascii_uppercase))
                .map(|p| from + p)
        };
        for from in 0..=bytes.len() + 9 {
            assert_eq!(next_ascii_capital(bytes, from), expected(from), "{bytes:?} from {from}");
        }
    }
}

#[test]
fn recognises_acronym_shapes() {
    for (word, base) in [
        ("LGA", "LGA"),
        ("DfE", "DfE"),
        ("PfA", "PfA"),
        ("SENCo", "SENCo"),
        ("GPs", "GP"),
        ("LAs", "LA"),
        ("CiCC", "CiCC"),
        ("NHS", "NHS"),
    ] {
        assert_eq!(acronym_base(word), Some(base), "{word}");
    }
    for word in [
        "McDonald",
        "YouTube",
        "Ofsted",
        "A",
        "lga",
        "iPad",
        "Wi",
        "ABCDEFGHIJ",
        "Émile",
    ] {
        assert_eq!(acronym_base(word), None, "{word}");
    }
}

#[test]
fn matches_initials_loosely() {
    let m = long_form_matches;
    assert!(m("DfE", "Department for Education"));
    assert!(m("CiCC", "Children in Care Council"));
    assert!(m("ASB", "anti-social behaviour"));
    assert!(m("SEND", "special educational needs and disabilities"));
    assert!(m("PfA", "Preparation for Adulthood"));
    assert!(m("HMRC", "HM Revenue and Customs"));
    assert!(m("SENCo", "Special Educational Needs Co-ordinator"));
    assert!(m("SENCo", "Special Educational Needs Coordinator"));
    assert!(!m("LGA", "Local Government"));
    assert!(!m("LGA", "Local Government Association Board"));
    assert!(!m("OSB", "and Scrutiny Board"));
    assert!(m("SMART", "specific, measurable, achievable, relevant and time-bound"));
    assert!(!m("LGA", "Local Government Association (x)"));
}

#[test]
fn every_builtin_glossary_entry_spells_its_acronym() {
    let mut bad = Vec::new();
    for (acronym, meanings) in Glossary::builtin().iter() {
        if acronym.contains('&') {
            continue;
        }
        let Some(base) = acronym_base(acronym) else {
            bad.push(format!("{acronym} is not shaped like an acronym"));
            continue;
        };
        for meaning in meanings {
            if !long_form_matches(base, &meaning.long_form) {
                bad.push(format!("{acronym}: {}", meaning.long_form));
            }
        }
    }
    // Names whose initials do not follow their words; their fixes are offered as unsafe.
    let expected = [
        "BEIS: Department for Business, Energy and Industrial Strategy",
        "NICE: National Institute for Health and Care Excellence",
        "PSHE: personal, social, health and economic education",
    ];
    assert_eq!(bad, expected);
}

#[test]
fn finds_every_kind_of_definition() {
    let text = "The Local Government Association (LGA) came.\nCCG (Clinical Commissioning Group) met.\nPlans for anti-social behaviour (ASB) and an ICS – Integrated Care System.\nDfE: Department for Education\n";
    let a = analyse(text);
    let kinds = |n: &str| {
        a.get(n)
            .unwrap()
            .definitions
            .iter()
            .map(|d| (d.kind, d.glossary, d.long_text(text).to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("LGA"),
        [(
            DefinitionKind::LongThenShort,
            false,
            "Local Government Association".into()
        )]
    );
    assert_eq!(
        kinds("CCG"),
        [(
            DefinitionKind::ShortThenLong,
            true,
            "Clinical Commissioning Group".into()
        )]
    );
    assert_eq!(
        kinds("ASB"),
        [(DefinitionKind::LongThenShort, false, "anti-social behaviour".into())]
    );
    assert_eq!(
        kinds("ICS"),
        [(DefinitionKind::Dashed, false, "Integrated Care System".into())]
    );
    assert_eq!(
        kinds("DfE"),
        [(DefinitionKind::Dashed, true, "Department for Education".into())]
    );
}

#[test]
fn skips_what_only_looks_like_an_acronym() {
    let text = "APOLOGIES FOR ABSENCE\nCYP/OSG/17/12 Minutes\nThe CB20 file was 284 KB at 4.00 PM, see Part IV and Schedule XII and phase II.\nRESOLVED – That the report be NOTED. See https://example.org/ABC or ABC.DEF@x.org.\nWe NOTE THAT THE BOARD agreed.\n";
    let a = analyse(text);
    assert!(a.is_empty(), "{:?}", names(&a));
}

#[test]
fn records_uses_and_finds_them_by_offset() {
    let text = "The LGA and the GPs met. LGA's view.\n";
    let a = analyse(text);
    assert_eq!(names(&a), ["LGA", "GP"]);
    let lga = a.get("LGA").unwrap();
    assert_eq!(lga.uses.len(), 2);
    assert_eq!(lga.uses[1].slice(text), "LGA");
    let gps = text.find("GPs").unwrap();
    let (info, span) = a.at(gps + 1).unwrap();
    assert_eq!((info.name.as_str(), span.slice(text)), ("GP", "GPs"));
    assert!(info.known);
    assert!(a.at(0).is_none());
    assert!(a.definition_at(gps).is_none());
    let forms = a.get("LGA").unwrap().long_forms(text);
    assert_eq!(
        forms,
        [(
            "Local Government Association".to_string(),
            LongFormSource::Builtin("bodies")
        )]
    );
}

#[test]
fn finds_long_forms_in_capitalised_phrases() {
    let text = "Overview and Scrutiny Board Update\n\nThe Overview and Scrutiny Board met. The Department for Education agreed.\n";
    let m = parse(text);
    let hits = find_long_forms(text, &m, &["OSB", "DfE"]);
    let osb: Vec<&str> = hits["OSB"].iter().map(|h| h.span.slice(text)).collect();
    assert_eq!(osb, ["Overview and Scrutiny Board", "Overview and Scrutiny Board"]);
    assert_eq!(hits["DfE"][0].span.slice(text), "Department for Education");
    let text = "See Appendix A, Part II and Appendix A Part 2 and the Council's PFI and A Plan.\n";
    let hits = find_long_forms(text, &parse(text), &["AP", "CP", "AAP"]);
    assert!(!hits.contains_key("AP") && !hits.contains_key("CP"), "{hits:?}");
}

#[test]
fn long_forms_may_open_with_a_quote_but_not_inside_a_word() {
    let text = "The 'Financial Strategy' and the ’Forward Plan’ and O’Brien Paul Smith.\n";
    let hits = find_long_forms(text, &parse(text), &["FS", "FP", "BPS"]);
    assert_eq!(hits["FS"][0].span.slice(text), "Financial Strategy");
    assert_eq!(hits["FP"][0].span.slice(text), "Forward Plan");
    assert!(!hits.contains_key("BPS"), "{hits:?}");
}

#[test]
fn long_forms_have_no_more_words_than_a_definition_may() {
    // 11 small words: "Financial … Strategy" has 13 words, more than the 10 "FS" may have.
    let long = "Financial of the and of the and of the and of the Strategy";
    let text = format!("The {long} met.\n");
    let hits = find_long_forms(&text, &parse(&text), &["FS", "ABCDEFGH"]);
    assert!(!hits.contains_key("FS"), "{hits:?}");
    let text = "The Financial of the Strategy met.\n";
    let hits = find_long_forms(text, &parse(text), &["FS", "ABCDEFGH"]);
    assert_eq!(hits["FS"][0].span.slice(text), "Financial of the Strategy");
}

#[test]
fn definitions_read_the_long_form_back_from_the_bracket() {
    let defined = |text: &str, name: &str| {
        let a = analyse(text);
        let info = a.get(name).unwrap_or_else(|| panic!("{name} not found in {text:?}"));
        info.definitions.first().map(|d| d.long_text(text).to_string())
    };
    // A quote that opens the long form, in either form of apostrophe.
    let camhs = "Child and Adolescent Mental Health Services";
    for quote in ["'", "’", "‘"] {
        let close = if quote == "‘" { "’" } else { quote };
        let text = format!("Work with {quote}{camhs}{close} (CAMHS) goes on.\n");
        assert_eq!(defined(&text, "CAMHS").as_deref(), Some(camhs), "{text}");
    }
    // More than forty words since the last full stop: the long form is at the end.
    let text = format!("{}Local Government Association (LGA).\n", "and then ".repeat(25));
    assert_eq!(defined(&text, "LGA").as_deref(), Some("Local Government Association"));
    // A hard stop inside the long form ends it.
    assert_eq!(defined("Local 2 Government Association (LGA).\n", "LGA"), None);
    assert_eq!(defined("Local Government 'Association (LGA).\n", "LGA"), None);
}

#[test]
fn a_bracket_wrapped_onto_the_next_line_is_read_to_its_close() {
    let definition = |text: &str| {
        let a = analyse(text);
        let info = a.get("TVT").expect("TVT");
        info.definitions
            .first()
            .map(|d| (d.long_text(text).to_string(), d.removal.is_some()))
    };
    for newline in ["\n", "\r\n"] {
        let text = format!("We were asked by the TVT (Tern Valley{newline}    Trust) to name two trustees.{newline}");
        // Read, but not offered for removal: that would join the two lines.
        assert_eq!(
            definition(&text),
            Some(("Tern Valley{newline}    Trust".replace("{newline}", newline), false))
        );
        // Shown and spelled out on one line.
        let a = analyse(&text);
        assert_eq!(
            a.get("TVT").and_then(|i| i.long_form(&text)).as_deref(),
            Some("Tern Valley Trust")
        );
        let use_at = text.find("TVT").unwrap();
        assert_eq!(
            spelled_out(&text, Span::new(use_at, use_at + 3), "Tern Valley\n  Trust"),
            "Tern Valley Trust (TVT)"
        );
    }
    // The bracket closes on its own line as before, and may be taken out.
    assert_eq!(
        definition("the TVT (Tern Valley Trust) asked\n"),
        Some(("Tern Valley Trust".to_string(), true))
    );
    // A bracket that does not close on the next line defines nothing.
    assert_eq!(definition("the TVT (Tern Valley\nand beyond, said the\nTrust)\n"), None);
}

#[test]
fn words_backward_reads_the_end_as_words_forward_reads_it() {
    // The reference: the longest tail made only of words (a letter, then letters and
    // apostrophes), "&" and soft separators, read forwards.
    let tail = Regex::new(r"(?:\p{Alphabetic}[\p{Alphabetic}'’]*|&|[\s\-,/])*$").unwrap();
    let parts = [
        "Local",
        " ",
        "'",
        "’",
        "&",
        "-",
        ",",
        "/",
        "O’Brien",
        "2",
        ".",
        "é",
        "a",
        "(",
        "‘",
        "x\n",
    ];
    for text in crate::core::testing::random_texts(&parts, 60, 7, 20_000) {
        let cut = tail.find(&text).map_or(text.len(), |m| m.start());
        let mut expected: Vec<(usize, usize)> = words_forward_at_most(&text[cut..], usize::MAX)
            .into_iter()
            .map(|(a, b)| (cut + a, cut + b))
            .collect();
        let keep = expected.len().saturating_sub(40);
        expected.drain(..keep);
        assert_eq!(words_backward(&text), expected, "{text:?}");
    }
}

#[test]
fn edits_are_judged_by_whether_they_define() {
    let config = Config::default();
    let text = "The Financial Strategy was agreed.\n";
    let after = Span::new(22, 22);
    assert!(edit_defines(text, after, " (FS)", "FS", &config));
    assert!(!edit_defines(text, after, " (FP)", "FP", &config));
    // Three words in capitals in a row are no acronyms, so "(FS)" there defines nothing.
    let text = "The Financial Strategy ABC DEF was agreed.\n";
    assert!(!edit_defines(text, after, " (FS)", "FS", &config));
    // Initials that do not follow the words define nothing...
    let text = "NICE guidance.\n";
    let long = "Network for Improving Care (NICE)";
    assert!(!edit_defines(text, Span::new(0, 4), long, "NICE", &config));
    // ...unless the long form is the one the acronym is known by.
    let long = "National Institute for Health and Care Excellence (NICE)";
    assert!(edit_defines(text, Span::new(0, 4), long, "NICE", &config));
    let text = "LGA guidance.\n";
    assert!(edit_defines(
        text,
        Span::new(0, 3),
        "Local Government Association (LGA)",
        "LGA",
        &config
    ));
    // A long chunk ("111…X") cut by an excerpt would hide a run of capitals.
    let text = format!("The Financial Strategy {}X AB was agreed.\n", "1".repeat(600));
    assert!(!edit_defines(&text, after, " (FS)", "FS", &config));
    // Defining one acronym must not undo another's definition.
    let text = "The Clinical Commissioning Group (CCG) met.\n";
    assert!(!edit_defines(text, Span::new(32, 32), " (CG)", "CG", &config));
    // A line too long to cut near the edit is not judged; a long line of words is.
    let text = format!("The Financial Strategy {}\n", "x".repeat(10_000));
    assert!(!edit_defines(&text, after, " (FS)", "FS", &config));
    let text = format!("{}The Financial Strategy was agreed.\n", "word ".repeat(2_000));
    let far = Span::new(10_022, 10_022);
    assert_eq!(&text[far.start - 8..far.start], "Strategy");
    assert!(edit_defines(&text, far, " (FS)", "FS", &config));
    // An edit outside the text, reversed, or not on character boundaries defines nothing.
    assert!(!edit_defines("LGA.", Span::new(20, 20), " (LGA)", "LGA", &config));
    assert!(!edit_defines("LGA.", Span::new(2, 1), " (LGA)", "LGA", &config));
    assert!(!edit_defines("é", Span::new(1, 1), " (LGA)", "LGA", &config));
}

#[test]
fn long_forms_are_judged_by_their_second_word_alike() {
    // Phrases the search drops after two words, and phrases like them it must keep.
    let text = "Councillor Taylor met the Council's Children's Services and the Council was told; \
        the Chair welcomed Children and Young People and Council Tax.\n";
    let m = parse(text);
    let spans = |names: &[&str]| {
        let hits = find_long_forms(text, &m, names);
        let mut found: Vec<(String, Vec<&str>)> = hits
            .into_iter()
            .map(|(name, hits)| (name, hits.iter().map(|h| h.span.slice(text)).collect()))
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        spans(&["CT", "CS", "CYP", "CW"]),
        [
            ("CS".to_string(), vec!["Children's Services"]),
            ("CT".to_string(), vec!["Councillor Taylor", "Council Tax"]),
            ("CYP".to_string(), vec!["Children and Young People"]),
        ]
    );
    // A one-letter name matches a first word alone, whatever follows it.
    let one = spans(&["C", "CT"]);
    assert_eq!(one[0].0, "C");
    assert!(one[0].1.contains(&"Council") && one[0].1.contains(&"Chair"), "{one:?}");
}

#[test]
fn normalises_long_forms() {
    assert_eq!(
        normalise_long_form("Anti-Social  Behaviour"),
        normalise_long_form("anti social behaviour")
    );
    assert_eq!(
        normalise_long_form("Children & Young People"),
        normalise_long_form("children and young people")
    );
    assert_eq!(
        normalise_long_form("General Practitioners"),
        normalise_long_form("general practitioner")
    );
    assert_ne!(
        normalise_long_form("Local Area"),
        normalise_long_form("Local Authority")
    );
}

#[test]
fn initials_after_a_title_are_not_acronyms() {
    let text = "Present: Mr AH Porter and Councillor JA Smith with the QRS.\n";
    assert_eq!(names(&analyse(text)), ["QRS"]);
}

#[test]
fn glossary_lookup_falls_back_to_another_case() {
    let a = analyse("The EQIA and the DfE met.\n");
    assert_eq!(
        a.get("EQIA").unwrap().builtin[0].long_form,
        "equality impact assessment"
    );
    assert_eq!(a.get("DfE").unwrap().builtin[0].long_form, "Department for Education");
}

#[test]
fn spells_out_plurals_and_sentence_starts() {
    let text = "LAs met. The GPs and LAs met.\n";
    assert_eq!(
        spelled_out(text, Span::new(0, 3), "local authority"),
        "Local authorities (LAs)"
    );
    assert_eq!(
        spelled_out(text, Span::new(13, 16), "general practitioner"),
        "general practitioners (GPs)"
    );
    assert_eq!(
        spelled_out(text, Span::new(21, 24), "Local Authority"),
        "Local Authorities (LAs)"
    );
}

#[test]
fn a_dotted_acronym_keeps_its_full_stop_inside_the_brackets() {
    let apply = |text: &str, word: &str| {
        let at = text.find(word).unwrap();
        let edit = spell_out_edit(text, Span::new(at, at + word.len()), "Police and Crime Commissioner");
        let mut out = text.to_string();
        out.replace_range(edit.span.start..edit.span.end, &edit.new_text);
        out
    };
    // Mid-sentence: the stop belongs to the letters.
    assert_eq!(
        apply("The P.C.C. attended.\n", "P.C.C"),
        "The Police and Crime Commissioner (P.C.C.) attended.\n"
    );
    // At the end of a sentence it served both, so it is given back after the brackets.
    assert_eq!(
        apply("A report from the P.C.C.\nNext.\n", "P.C.C"),
        "A report from the Police and Crime Commissioner (P.C.C.).\nNext.\n"
    );
    assert_eq!(
        apply("We thanked the P.C.C. Officers left.\n", "P.C.C"),
        "We thanked the Police and Crime Commissioner (P.C.C.). Officers left.\n"
    );
    // Undotted, nothing changes: the stop after the letters ends the sentence.
    assert_eq!(
        apply("From the PCC. Next.\n", "PCC"),
        "From the Police and Crime Commissioner (PCC). Next.\n"
    );
}

#[test]
fn glossary_is_large_enough() {
    assert!(Glossary::builtin().len() >= 150);
    assert!(Glossary::builtin().meanings("AP").len() >= 2);
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "(\\PC|[ \\r\\n\u{a0}()–:A-Z]|LGA|GPs|DfE){0,80}") {
        let m = parse(&text);
        let a = AcronymAnalysis::new(&text, &m, &Config::default());
        for info in a.iter() {
            for def in &info.definitions {
                let _ = def.long_text(&text);
                proptest::prop_assert!(text.is_char_boundary(def.span.start) && text.is_char_boundary(def.span.end));
            }
            for use_ in &info.uses {
                proptest::prop_assert!(!use_.slice(&text).is_empty());
                let _ = spelled_out(&text, *use_, "Long Form");
            }
        }
        let names: Vec<&str> = a.iter().map(|i| i.name.as_str()).collect();
        let _ = find_long_forms(&text, &m, &names);
        let _ = crate::core::fix::fix_all(&text, &Config::default(), None, true);
    }
}

#[test]
fn a_million_character_line_stays_linear() {
    let unit = "the Local Government Association (LGA), the LGA, QRS – x, ÉTÉ 😀 e\u{301} ";
    let text = unit.repeat(1_000_000 / unit.len());
    let minutes = Minutes::default();
    let start = std::time::Instant::now();
    let a = AcronymAnalysis::new(&text, &minutes, &Config::default());
    let hits = find_long_forms(&text, &minutes, &["LGA", "QRS"]);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    let lga = a.get("LGA").unwrap();
    assert_eq!(lga.definitions.len(), lga.uses.len() / 2);
    assert!(!hits["LGA"].is_empty());
}

#[test]
fn long_runs_of_capitals_and_letters_stay_linear() {
    for unit in ["C", "Ca", "C'", "CC a"] {
        let text = unit.repeat(400_000 / unit.len());
        let minutes = Minutes::default();
        let start = std::time::Instant::now();
        let _ = AcronymAnalysis::new(&text, &minutes, &Config::default());
        let _ = find_long_forms(&text, &minutes, &["CC", "CA"]);
        let _ = find_long_forms(&text, &minutes, &["CC", "AB", "BC", "DE"]);
        assert!(start.elapsed().as_secs() < 20, "{unit:?}: {:?}", start.elapsed());
    }
}

#[test]
fn survives_awkward_input() {
    let long = "É".repeat(300_000) + "LGA (Local Government Association) 😀\u{301}";
    for text in [
        "",
        "\r",
        "A\rB\r\nCD-EF\n",
        "(LGA)",
        "LGA (",
        "LGA –",
        "😀LGA😀 (😀)",
        "x\u{301}LGA\u{301} (Local\u{301} Government Association)",
        long.as_str(),
    ] {
        let a = analyse(text);
        for info in a.iter() {
            for def in &info.definitions {
                let _ = def.long_text(text);
            }
        }
        let _ = find_long_forms(text, &parse(text), &["LGA", "OSB"]);
    }
}

#[test]
fn a_known_long_form_before_the_bracket_defines_the_acronym_whatever_its_initials() {
    // The glossary's long form for NICE does not spell N-I-C-E word by word.
    let text = "The National Institute for Health and Care Excellence (NICE) guidance was read.\n";
    let a = analyse(text);
    let nice = a.get("NICE").expect("NICE is an acronym here");
    let definition = nice.definitions.first().expect("read as a definition");
    assert_eq!(
        definition.long_text(text),
        "National Institute for Health and Care Excellence"
    );
    assert_eq!(
        definition.span.slice(text),
        "National Institute for Health and Care Excellence (NICE)"
    );

    // Only whole, after a word boundary, and only right before the bracket.
    let line = Span::new(0, text.len());
    let at = text.find("NICE").unwrap();
    let span = Span::new(at, at + 4);
    assert!(find_known_long_form(text, line, span, ["Health and Care Excellence"]).is_some());
    assert!(find_known_long_form(text, line, span, ["ealth and Care Excellence"]).is_none());
    let apart = "Care Excellence, as (NICE) said.\n";
    let at = apart.find("NICE").unwrap();
    assert!(find_known_long_form(
        apart,
        Span::new(0, apart.len()),
        Span::new(at, at + 4),
        ["Care Excellence"]
    )
    .is_none());
}
