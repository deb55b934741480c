//! Parser tests on the shared corpus and on the shapes DESIGN.md lists.

use super::*;

use crate::core::testing::corpus;

fn numbers(text: &str, minutes: &Minutes) -> Vec<String> {
    minutes
        .items
        .iter()
        .map(|i| i.number.as_ref().map_or(String::new(), |n| n.as_str(text).to_string()))
        .collect()
}

#[test]
fn middlesbrough_has_six_items_with_titles() {
    let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    let m = parse(&text);
    assert_eq!(m.shape, Shape::Meeting);
    assert_eq!(
        numbers(&text, &m),
        ["21/47", "21/48", "21/49", "21/50", "21/51", "21/52"]
    );
    assert_eq!(m.items[0].title.slice(&text), "Declarations of Interest");
    assert_eq!(
        m.items[3].title.slice(&text),
        "Update - Children's Services Improvement Programme"
    );
    assert_eq!(m.items[0].procedural, Some(Procedural::Declarations));
    assert_eq!(m.items[5].procedural, Some(Procedural::NextMeeting));
    assert!(m.items[1].decisions.iter().any(|d| d.kind == DecisionKind::Outcome));
    assert!(m.items[4].decisions.iter().any(|d| d.marker.slice(&text) == "NOTED"));
    assert!(m.items[2].decisions.is_empty());
    let date = m.header.date.as_ref().expect("meeting date");
    assert_eq!((date.day, date.month, date.year), (21, 3, Some(2022)));
    assert!(m.attendance.is_empty());
}

#[test]
fn ofsted_subgroup_has_attendance_and_three_decided_items() {
    let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
    let m = parse(&text);
    assert_eq!(numbers(&text, &m), ["CYP/OSG/17/12", "CYP/OSG/17/13", "CYP/OSG/17/14"]);
    assert_eq!(
        m.items[1].title.slice(&text),
        "Ofsted Monitoring Visit Feedback and Action Planning"
    );
    for item in &m.items {
        assert_eq!(item.decisions.len(), 1, "{}", item.title.slice(&text));
        assert!(item.decisions[0].body.is_some());
    }
    assert_eq!(m.attendance.len(), 2);
    let present: Vec<&str> = m.attendance[0].people.iter().map(|p| p.surname.slice(&text)).collect();
    assert_eq!(
        present,
        ["Stone", "Alijah", "Collins", "Lovecy", "Reid", "Taylor", "Kellner", "Neall", "Newman"]
    );
    assert!(m.attendance[0].people[0].chair);
    assert_eq!(m.attendance[1].kind, AttendanceKind::Apologies);
    assert_eq!(m.attendance[1].people[0].surname.slice(&text), "Taylor");
    assert_eq!(m.header.date.as_ref().map(|d| d.year), Some(Some(2017)));
}

#[test]
fn single_item_draft_finds_its_decision() {
    let text = corpus("manchester-cyp-2021-item.txt");
    let m = parse(&text);
    assert_eq!(m.shape, Shape::SingleItem);
    assert_eq!(m.items.len(), 1);
    let item = &m.items[0];
    assert_eq!(
        item.title.slice(&text),
        "Responding to Children in Need of Help, Support and Protection"
    );
    assert!(item.minutes_marker.is_some());
    assert_eq!(item.decisions.len(), 1);
    assert_eq!(
        item.decisions[0].body.map(|b| b.slice(&text)),
        Some("To note the discussion and the issues raised.\n\nSupporting documents:")
            .filter(|_| false)
            .or(item.decisions[0].body.map(|b| b.slice(&text)))
    );
    assert!(item.decisions[0]
        .body
        .unwrap()
        .slice(&text)
        .starts_with("To note the discussion"));
    assert!(m.residue.iter().any(|r| r.kind == ResidueKind::SupportingDocuments));
}

#[test]
fn markdown_headings_and_numbered_resolutions() {
    let text = "# Planning Committee\n\nMinutes of the meeting held on Tuesday 4 March 2025\n\n## Present:\n\n- Councillor A Smith (Chair)\n- Councillor B Jones\n\n## 12. Apologies for Absence\n\nApologies were received from Councillor C Brown.\n\n## 13. Land at Mill Lane\n\n**RESOLVED** that:\n\n1. The application be approved.\n2. The conditions be delegated.\n\n## 14. Date of Next Meeting\n\nTuesday 1 April 2025.\n";
    let m = parse(text);
    assert_eq!(m.format, Format::Markdown);
    assert_eq!(numbers(text, &m), ["12", "13", "14"]);
    assert_eq!(m.attendance[0].people.len(), 2);
    assert!(m.attendance[0].people[0].chair);
    assert_eq!(m.items[1].decisions.len(), 1);
    let apologies: Vec<_> = m
        .attendance
        .iter()
        .filter(|s| s.kind == AttendanceKind::Apologies)
        .collect();
    assert_eq!(apologies.len(), 1);
    assert_eq!(apologies[0].people[0].surname.slice(text), "Brown");
}

#[test]
fn sub_paragraphs_are_not_items() {
    let text = "33. Budget\n\n33.1 The report was noted.\n\n33.2 Members asked questions.\n\nRESOLVED – That the report be noted.\n\n34. Next meeting\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["33", "34"]);
}

#[test]
fn agenda_references_are_split_from_titles() {
    let text = "84. Apologies (Item 1)\n\nNone.\n\n85. Budget (Item 2)\n\nRESOLVED – noted.\n";
    let m = parse(text);
    assert_eq!(m.items[0].title.slice(text), "Apologies");
    assert_eq!(m.items[0].agenda_ref.map(|s| s.slice(text)), Some("(Item 1)"));
}

#[test]
fn never_fails_on_hostile_text() {
    let long = "x".repeat(1_000_000);
    let many_items: String = (1..=10_000).map(|i| format!("{i}. Item {i}\n\nNOTED\n\n")).collect();
    for text in [
        "",
        "   \n\t\n",
        "\u{feff}",
        "\r\r\r",
        "a\rb\r\nc\n",
        long.as_str(),
        "Councillor 😀 Smi\u{301}th",
        "1.\n2.\n3.",
        "RESOLVED",
        many_items.as_str(),
    ] {
        let m = parse(text);
        for block in &m.blocks {
            assert!(text.is_char_boundary(block.span.start) && text.is_char_boundary(block.span.end));
            assert!(block.span.covers(block.content), "{block:?}");
        }
    }
    assert_eq!(parse(&many_items).items.len(), 10_000);
}

#[test]
fn markdown_numbered_lists_under_heading_items_are_not_items() {
    let text = "# Board\n\n## 12. Budget\n\nThe Board discussed the report\n\n1. The Chair welcomed the report\n\n2. Members asked about reserves\n\n5. Figures were given\n\n## 13. Housing\n\nNOTED\n";
    let m = parse_with(text, &Vocabulary::default(), Some(Format::Markdown));
    assert_eq!(numbers(text, &m), ["12", "13"]);
}

#[test]
fn listed_people_are_named_one_by_one() {
    let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
    let m = parse(&text);
    let names: Vec<String> = m.attendance[0].people.iter().map(|p| p.display_name(&text)).collect();
    assert_eq!(
        names[..4],
        [
            "Councillor Stone",
            "Councillor Alijah",
            "Councillor Collins",
            "Councillor Lovecy"
        ]
    );
    assert_eq!(names[6], "Mrs B Kellner");
    assert_eq!(m.attendance[0].people[2].name_span().slice(&text), "Collins");
}

fn titles(text: &str, minutes: &Minutes) -> Vec<String> {
    minutes.items.iter().map(|i| i.title.slice(text).to_string()).collect()
}

#[test]
fn inline_items_keep_their_minute_and_decision_in_their_blocks() {
    let text = "Hartwell Parish Council\n\n\
        1. Welcome – the Chair opened the meeting and welcomed the two new members of the council, thanking residents who had come along this evening to listen.\n\n\
        2. Allotments: the tenant of plot six had asked for a new water butt and members discussed whether the council should pay for it; it was agreed to buy one.\n\n\
        3. Date of next meeting – to be held in the village hall on the first Tuesday of June, as members agreed.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["1", "2", "3"]);
    assert_eq!(titles(text, &m), ["Welcome", "Allotments", "Date of next meeting"]);
    // The item's block range holds its own paragraph, where the decision finder looks.
    let second = &m.items[1];
    assert!(m
        .item_blocks(second)
        .iter()
        .any(|b| b.content.slice(text).contains("agreed to buy")));
}

#[test]
fn emphasis_and_escaped_dots_around_numbers() {
    let text = "# Parish Council\n\n**24/112 Apologies** – Apologies were received from Cllr Dunn.\n\n\
        **24/113 Minutes** – The minutes were approved.\n\n\
        **24/114 Hall**\n";
    let m = parse_with(text, &Vocabulary::default(), Some(Format::Markdown));
    assert_eq!(numbers(text, &m), ["24/112", "24/113", "24/114"]);
    assert_eq!(titles(text, &m), ["Apologies", "Minutes", "Hall"]);
    let text = "# Parish Council\n\n10 Hall\n\n10.1 **Hall hire.** The hall fees were reviewed.\n";
    let m = parse_with(text, &Vocabulary::default(), Some(Format::Markdown));
    assert_eq!(m.items[0].sub_items[0].title.slice(text), "Hall hire.");
    let escaped = "Parish Council\n\n1\\. Apologies\n\nNone.\n\n2\\. Finance\n\nNoted.\n";
    let m = parse_with(escaped, &Vocabulary::default(), Some(Format::Markdown));
    assert_eq!(numbers(escaped, &m), ["1", "2"]);
    assert_eq!(titles(escaped, &m), ["Apologies", "Finance"]);
}

#[test]
fn sub_items_belong_to_their_item_with_or_without_a_heading() {
    let text =
        "Parish Council\n\n5 Matters arising\n\n5.1 Bench repairs were done.\n\n5.2 The bus shelter is ordered.\n\n\
        6.1 Verges were cut in May.\n\n6.2 The hedge is due in August.\n\n7 Finance\n\nNoted.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["5", "6.1", "7"]);
    let subs: Vec<&str> = m.items[0].sub_items.iter().map(|s| s.number.as_str(text)).collect();
    assert_eq!(subs, ["5.1", "5.2"]);
    assert_eq!(m.items[1].sub_items.len(), 1);
}

#[test]
fn numbered_lists_inside_items_are_content() {
    let text = "Planning Committee\n\n4. Minutes\n\nApproved.\n\n5. Application for a garage at Mill Farm\n\n\
        Members agreed to support it with these conditions:\n\n1. Standard time limit\n\n2. Approved plans\n\n\
        3. Materials to match\n\n4. No windows on the north side\n\n6. Correspondence\n\nNone.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["4", "5", "6"]);
    // An amendment list quoting other numbers after a colon, indented deeper.
    let text = "Parish Council\n\n   3   Minutes\n       Approved with these amendments:\n\n        8 Treasurer: the balance was corrected\n       11 Hedges: the wording was changed\n\n   4   Finance\n       Noted.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["3", "4"]);
}

#[test]
fn numbers_that_are_not_items() {
    let text = "Parish Council\n\n1. Apologies\n\nNone.\n\n2. Public forum\n\n3 Members of the public attended.\n\n\
        5 For, 2 Against\n\n3. Finance\n\n                                        12\n\n4. Close\n\nThe meeting closed.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["1", "2", "3", "4"]);
}

#[test]
fn schemes_councils_use() {
    for (line, shape) in [
        ("K112/24 Budget", "K#/#"),
        ("LIC31/19 Premises licence", "LIC#/#"),
        ("Pl.204 Planning applications", "Pl.#"),
        ("14.08/19 Footpaths", "#.#/#"),
        ("Fin/112/11-12 Accounts", "Fin/#/#-#"),
        ("2019-03_2. Minutes", "#-#_#"),
        ("19.03.1 Apologies", "#.#.#"),
        ("Cofnod 65/Minute 65 Finance", "Minute #"),
        ("AM119", "AM#"),
        ("10/06/01   To receive apologies", "#/#/#"),
    ] {
        let found = item_number_at_start(line, 0).map(|n| n.number.shape());
        assert_eq!(found.as_deref(), Some(shape), "{line}");
    }
    for line in [
        "2016/17 budget was set",
        "10/06/2001 was the date",
        "No. 5 Church Lane",
        "12/03/24 site visit",
    ] {
        assert!(item_number_at_start(line, 0).is_none(), "{line}");
    }
}

#[test]
fn moderngov_number_then_apologies_title() {
    let text = "Cabinet\n\n12.\n\nApologies for Absence\n\nMinutes:\n\nApologies were received from Councillor Reed.\n\n13.\n\nBudget\n\nMinutes:\n\nRESOLVED – That the budget be approved.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["12.", "13."].map(|n| n.trim_end_matches('.')));
    assert_eq!(titles(text, &m), ["Apologies for Absence", "Budget"]);
    assert_eq!(m.items[0].procedural, Some(Procedural::Apologies));
}

#[test]
fn minute_reference_under_an_agenda_heading_and_action_tables() {
    let text = "Town Council\n\n1. Election of Mayor\n\n01/24\n\nCouncillor Hale was elected.\n\n2. Finance\n\n02/24\n\nNoted.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["1", "2"]);
    let text = "Parish Council\n\n11.23.04   Actions\n\n09.23.07   Clerk to chase the bench    Done    Clerk\n\n11.23.05   Finance\n\n\
        11.23.04   Clerk to ask the footballers to bring their own table to the fete\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["11.23.04", "11.23.05"]);
    // Number/year minutes with long capitalised titles are items, counted by the first part.
    let text = "Town Council\n\n125/20\n\nTO RECEIVE APOLOGIES\n\n126/20 TO RECEIVE DECLARATIONS OF INTEREST UNDER THE CODE OF CONDUCT ADOPTED BY THE COUNCIL\n\nNone.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["125/20", "126/20"]);
}

#[test]
fn sub_paragraphs_of_slashed_minutes() {
    let text = "Parish Council\n\n25/010 Finance\n25/010.1 Payments – approved.\n25/010.2 Audit – received.\n\n25/011 Planning\n\nNo objection.\n";
    let m = parse(text);
    assert_eq!(numbers(text, &m), ["25/010", "25/011"]);
    assert_eq!(m.items[0].sub_items.len(), 2);
}

#[test]
fn a_single_item_takes_its_number_from_its_numbered_paragraphs() {
    let text = "Agenda item\n\nScrutiny Review\n\nMinutes:\n\n22.1 Council considered the review.\n\n22.2 Councillor Amos moved the recommendations.\n\nRESOLVED – That the review be adopted.\n";
    let m = parse(text);
    assert_eq!(m.shape, Shape::SingleItem);
    assert_eq!(numbers(text, &m), ["22"]);
    assert_eq!(m.items[0].sub_items.len(), 2);
}

#[test]
fn a_qualified_heading_opens_its_list() {
    let lists = |text: &str| -> Vec<(AttendanceKind, Vec<String>)> {
        let minutes = parse(text);
        minutes
            .attendance
            .iter()
            .map(|s| {
                (
                    s.kind,
                    s.people.iter().map(|p| p.surname.slice(text).to_string()).collect(),
                )
            })
            .collect()
    };
    let text = "Committee Members Present: Councillors Ng (Chair), Ames and Lowe\n\n\
        Committee Members absent:     Cllr Hale.\n\n1. Minutes\n\nApproved.\n";
    assert_eq!(
        lists(text),
        [
            (AttendanceKind::Present, vec!["Ng".into(), "Ames".into(), "Lowe".into()]),
            (AttendanceKind::Absent, vec!["Hale".into()]),
        ]
    );
    let text = "Present (16 May): Cllrs Ng, Ames and Lowe\n\n1. Minutes\n\nApproved.\n";
    assert_eq!(
        lists(text),
        [(AttendanceKind::Present, vec!["Ng".into(), "Ames".into(), "Lowe".into()])]
    );
    // A note with no number in it, or "present" running on into a sentence, is no qualifier.
    assert!(lists("Committee Members present at the site visit were many.\n\n1. Visit\n\nNoted.\n").is_empty());
    assert!(lists("Present (as listed below) the Chair opened.\n\n1. Visit\n\nNoted.\n").is_empty());
}
