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
