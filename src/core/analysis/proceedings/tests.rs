//! Tests of the proceedings model on drafts written for them.

use super::*;
use crate::core::parse::parse;

fn read(text: &str) -> (Minutes, PeopleAnalysis, Proceedings) {
    let minutes = parse(text);
    let people = PeopleAnalysis::new(text, &minutes);
    let proceedings = Proceedings::new(text, &minutes, &people);
    (minutes, people, proceedings)
}

const PARISH: &str = "Harwick Parish Council

Minutes of the meeting held on Tuesday 4 March 2025 at 7.30pm in the Village Hall

Present: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr, Cllr T Bright
Apologies: Cllr D Fenn
In attendance: Mrs J Pope (Clerk)

1. Declarations of interest
Cllr Kerr declared a pecuniary interest in item 4 as the applicant and left the room for that item.

2. Minutes
The minutes of the meeting held on 4 February were approved. Proposed Cllr Lowe, seconded Cllr Bright; all in favour.

3. Playing field
Cllr Bright left the meeting at 8.05pm. After discussion it was proposed by Cllr Ames and seconded by Cllr Lowe that the quote be accepted. Carried by 2 votes to 1.

4. Planning
Cllr Bright returned at 8.20 pm. Councillor Kerr left the Chamber for this item. Cllr Lowe moved and Cllr Ames seconded no objection; 3 for, 0 against.

5. Close
The meeting closed at 9.10pm.
";

#[test]
fn reads_times_motions_votes_and_movements() {
    let (minutes, people, p) = read(PARISH);
    assert_eq!(minutes.items.len(), 5);
    assert_eq!(p.opened.unwrap().0.minutes, 19 * 60 + 30);
    assert_eq!(p.closed.unwrap().0.minutes, 21 * 60 + 10);
    let movers: Vec<&str> = p
        .motions
        .iter()
        .filter_map(|m| m.mover)
        .map(|m| m.span.slice(PARISH))
        .collect();
    assert_eq!(movers, vec!["Cllr Lowe", "Cllr Ames", "Cllr Lowe"]);
    let seconders: Vec<&str> = p
        .motions
        .iter()
        .filter_map(|m| m.seconder)
        .map(|m| m.span.slice(PARISH))
        .collect();
    assert_eq!(seconders, vec!["Cllr Bright", "Cllr Lowe", "Cllr Ames"]);
    assert!(p.votes[0].unanimous.is_some());
    let by = p.votes[1].by_votes.unwrap();
    assert_eq!((by.0.value, by.1.value), (2, 1));
    assert_eq!(p.votes[1].outcome.unwrap().0, Outcome::Carried);
    assert_eq!(p.votes[2].tally(), "3 for, 0 against");
    assert_eq!(p.movements.len(), 4, "{:?}", p.movements);
    assert_eq!(
        p.movements[0].scope,
        Scope::Items(vec![3]),
        "left for the item declared"
    );
    assert_eq!(p.movements[1].kind, MovementKind::Left);
    assert_eq!(p.movements[1].time.unwrap().0.minutes, 20 * 60 + 5);
    assert_eq!(p.movements[3].scope, Scope::ThisItem);
    assert_eq!(p.declarations.len(), 1);
    assert_eq!(p.declarations[0].kind, InterestKind::Pecuniary);
    assert_eq!(p.declarations[0].items, vec![3]);
    assert!(p.declarations[0].left);
    // Voting members: Ames, Lowe, Kerr, Bright (not the clerk, not Fenn).
    assert_eq!(p.voting_members.len(), 4);
    let item3 = minutes.items[2].span.end - 2;
    assert_eq!(p.voting_count_at(item3), Some(3), "Bright had left");
    let item4 = minutes.items[3].span.end - 2;
    assert_eq!(p.voting_count_at(item4), Some(3), "Bright back, Kerr out for the item");
    let kerr = people
        .person_at(PARISH.find("Kerr").unwrap())
        .map(|_| people.mention_at(PARISH.find("Kerr").unwrap()).unwrap().person)
        .unwrap();
    assert!(matches!(p.whereabouts(kerr, item4), Whereabouts::Left(_)));
    assert_eq!(
        p.whereabouts(kerr, minutes.items[4].span.start + 1),
        Whereabouts::InRoom
    );
    let fenn = people.mention_at(PARISH.find("Fenn").unwrap()).unwrap().person;
    assert_eq!(p.whereabouts(fenn, item4), Whereabouts::SentApologies);
    let bright = people.mention_at(PARISH.find("T Bright").unwrap()).unwrap().person;
    let hover = p.describe_person(PARISH, &minutes, bright).unwrap();
    assert!(
        hover.contains("left at 8.05 pm") && hover.contains("returned at 8.20 pm"),
        "{hover}"
    );
}

#[test]
fn reads_initials_and_lines_of_their_own() {
    let text = "Minutes of the meeting of Orton Community Council held on 2 May 2024

Present: Ruth Tanner (RT), Gill Marsh (GM), Owen Hale (OH)

1. Minutes
RT proposed and GM seconded that the minutes be approved.

2. Grants
Moved by Councillor Hale,

Seconded by Councillor Marsh and

RESOLVED – That the grant be paid.
";
    let (_, _, p) = read(text);
    assert_eq!(p.motions.len(), 2, "{:?}", p.motions);
    assert_eq!(p.motions[0].mover.unwrap().span.slice(text), "RT");
    assert_eq!(p.motions[0].seconder.unwrap().span.slice(text), "GM");
    assert_eq!(p.motions[1].mover.unwrap().span.slice(text), "Councillor Hale");
    assert_eq!(p.motions[1].seconder.unwrap().span.slice(text), "Councillor Marsh");
}

#[test]
fn reads_recorded_votes_in_lines_and_tables() {
    let text = "Minutes of the Council held on 9 June 2024

Present: Councillors Ames, Lowe, Kerr, Bright, Fenn and Hale

7. Budget
The recommendation was put to a recorded vote.
For (3): Councillors Ames, Lowe and Kerr
Against: Councillors Bright and Fenn (2)
Abstained: Councillor Hale

| Vote | Councillors | Count |
|---|---|---|
| For | P Ames, R Lowe | 2 |
| Against | None | 0 |
";
    let (_, _, p) = read(text);
    let recorded: Vec<&Vote> = p.votes.iter().filter(|v| !v.recorded.is_empty()).collect();
    assert_eq!(recorded.len(), 2, "{:?}", p.votes);
    assert_eq!(recorded[0].recorded.len(), 3);
    assert_eq!(recorded[0].recorded[0].names.len(), 3);
    assert_eq!(recorded[0].recorded[0].count.unwrap().value, 3);
    assert_eq!(recorded[0].recorded[1].count.unwrap().value, 2);
    assert_eq!(recorded[0].tally(), "3 for, 2 against, 1 abstention");
    assert_eq!(recorded[1].recorded[0].names.len(), 2);
    assert_eq!(recorded[1].recorded[1].names.len(), 0);
}

#[test]
fn reads_exclusions_and_private_items() {
    let text = "Minutes of the Cabinet held on 9 June 2024

1. Exclusion of the press and public
RESOLVED – That the press and public be excluded for the following item on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.

2. Depot lease
The Cabinet agreed the terms.
";
    let (_, _, p) = read(text);
    assert_eq!(p.exclusions.len(), 1);
    assert_eq!(
        p.exclusions[0].paragraphs.iter().map(|c| c.value).collect::<Vec<_>>(),
        vec![3]
    );
    assert_eq!(p.exclusions[0].part, Some(1));
    assert!(p.exclusions[0].grounds);
    assert!(p.private_items.iter().any(|(i, _)| *i == 1));
}

#[test]
fn prose_that_only_looks_like_proceedings_is_not_read() {
    let text = "Minutes of the meeting held on 2 May 2024

Present: Cllr A Dunn, Cllr B Frost

1. Village hall
It was proposed that the hall be repainted. The skips have arrived. The forms were returned to the county. The cost of £500 for the repairs was noted and 3 members of the public left.
";
    let (_, _, p) = read(text);
    assert!(p.motions.is_empty(), "{:?}", p.motions);
    assert!(p.movements.is_empty(), "{:?}", p.movements);
    assert!(p.votes.is_empty(), "{:?}", p.votes);
}

#[test]
fn a_bare_outcome_after_a_vote_is_its_result() {
    let text = "Present: Cllrs Ames, Lowe, Kerr and Hale\n\n1. Play area\n\n\
        Voting: 3 in favour, 1 against. Carried.\n\n\
        2. Bins\n\nFor 1, against 3.\nThe motion was lost.\n\n\
        3. Hall\n\nFor 4, against 0.\n\nThe hall hire was agreed by the trustees on 12 May.\n\n\
        4. Bus stop\n\nFor 2, against 5. Agreed to defer.\n";
    let (_, _, p) = read(text);
    let outcomes: Vec<Option<Outcome>> = p.votes.iter().map(|v| v.outcome.map(|(o, _)| o)).collect();
    // The third vote's outcome is a paragraph away and a long sentence, the fourth's says more
    // than a result: neither is taken.
    assert_eq!(outcomes, [Some(Outcome::Carried), Some(Outcome::Lost), None, None]);
}
