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

#[test]
fn a_present_list_with_names_not_read_gives_no_count() {
    let text = "Minutes of the Council held on 4 March 2025 at 7pm

PRESENT: The Mayor (Councillor Ann Quick) in the Chair
The Deputy Mayor (Councillor Ned Rowe)
Councillors: Abbas, Bright, Cheung, Ellis-Hart and Young.

1. Motion
Councillor Abbas moved the motion, which was carried by 4 votes to 1.
";
    let (_, _, p) = read(text);
    assert!(p.present_unread);
    assert!(!p.has_present_list());
    assert_eq!(p.voting_count_at(text.len() - 5), None);
    // Every name read: the count stands.
    let (_, _, p) = read(PARISH);
    assert!(!p.present_unread);
    assert!(p.has_present_list());
}

#[test]
fn a_meeting_resumed_on_another_day_is_marked() {
    let text = "Minutes of the meeting held on Thursday 16 May 2024 at 7.30 pm

Present: Cllr L Abbott, Cllr W Birch, Cllr H Cole

1. Solar farm
The meeting adjourned at 9.45 pm.
The meeting resumed on Monday 20 May 2024 at 6.00 pm.

The meeting closed at 7.05 pm.
";
    let (_, _, p) = read(text);
    assert!(p.adjourned_to_another_day);
    let (_, _, p) = read(&text.replace("resumed on Monday 20 May 2024 at", "resumed at"));
    assert!(!p.adjourned_to_another_day);
}

#[test]
fn the_name_before_proposed_is_the_mover_and_the_name_after_the_nominee() {
    let text = "Present: Cllr N Ash, Cllr B Dunmore, Cllr G Frame, Cllr V Lowry
Apologies: Cllr O Moran

1. Representatives
Cllr Frame proposed Cllr Moran as the representative on the hall committee, seconded by Cllr Lowry.
Proposed Cllr Ash seconded Cllr Dunmore.
";
    let (_, _, p) = read(text);
    let pairs: Vec<(&str, &str)> = p
        .motions
        .iter()
        .map(|m| (m.mover.unwrap().span.slice(text), m.seconder.unwrap().span.slice(text)))
        .collect();
    assert_eq!(pairs, vec![("Cllr Frame", "Cllr Lowry"), ("Cllr Ash", "Cllr Dunmore")]);
}

#[test]
fn declarations_read_denials_and_dispensations_in_their_clause() {
    let text = "Present: Cllr P Ames, Cllr R Lowe, Cllr S Kerr, Cllr T Egan

1. Declarations
Cllr Egan declared an interest in item 2 which was not a disclosable pecuniary interest. Cllr Kerr declared a pecuniary interest in item 2. A dispensation to speak had been granted in May. Cllr Lowe declared a DPI in item 2 and left.

2. Trees
Noted.
";
    let (_, _, p) = read(text);
    let kinds: Vec<(&str, InterestKind, bool)> = p
        .declarations
        .iter()
        .map(|d| (d.party.span.slice(text), d.kind, d.dispensation))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Cllr Egan", InterestKind::Unspecified, false),
            ("Cllr Kerr", InterestKind::Pecuniary, true),
            ("Cllr Lowe", InterestKind::Pecuniary, false),
        ]
    );
}

#[test]
fn exclusions_under_other_schedules_and_licensing_hearings_have_grounds() {
    let scottish = "Present: Cllr A Baird, Cllr R Cairns

1. Exclusion
The Committee resolved under Section 50A(4) of the Local Government (Scotland) Act 1973 to exclude the press and public on the grounds that the item involved exempt information as defined in Paragraph 9 of Part I of Schedule 7A to the Act.
";
    let (_, _, p) = read(scottish);
    assert_eq!(p.exclusions.len(), 1);
    assert!(p.exclusions[0].grounds);
    assert!(p.exclusions[0].paragraphs.is_empty());
    let hearing = "Present: Cllr R Jameson, Cllr P Kowalski

1. Premises licence
RESOLVED that under regulation 14(2) of the Licensing Act 2003 (Hearings) Regulations 2005 the public be excluded while the Sub-Committee deliberates.
";
    let (_, _, p) = read(hearing);
    assert_eq!(p.exclusions.len(), 1);
    assert!(p.exclusions[0].grounds);
    let english = scottish.replace("Part I of Schedule 7A", "Part 1 of Schedule 12A");
    let (_, _, p) = read(&english);
    assert_eq!(p.exclusions[0].paragraphs.len(), 1);
}

#[test]
fn counts_of_residents_letters_and_replies_are_no_vote_of_the_meeting() {
    let text = "Present: Cllr A Brook, Cllr C Dunn, Cllr E Frost

1. Village plan
A show of hands of the residents present (12 for, 2 against) supported the limit. Of the 96 households that replied, 71 were in favour and 25 against. The plan was approved, 3 for and 0 against.
";
    let (_, _, p) = read(text);
    assert_eq!(p.votes.len(), 1);
    assert_eq!(p.votes[0].total(), Some(3));
}

#[test]
fn one_subject_for_leaving_and_returning_and_the_item_after_the_return_is_not_the_absence() {
    let text = "Present: Cllr R Abel, Cllr J Kay, Cllr L Mann

1. Grants
Cllr Kay left the room while this item was discussed and returned for item 2. Agreed.

2. Parking
Cllr Kay proposed writing to the district council; seconded Cllr Mann.
";
    let (_, people, p) = read(text);
    let kinds: Vec<MovementKind> = p.movements.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, vec![MovementKind::Left, MovementKind::Returned]);
    assert_eq!(p.movements[0].scope, Scope::ThisItem);
    let kay = p.movements[0].party.person.unwrap();
    assert_eq!(people.people[kay].key, "kay");
    assert_eq!(
        p.whereabouts(kay, text.find("Cllr Kay proposed").unwrap()),
        Whereabouts::InRoom
    );
}

#[test]
fn what_absent_members_asked_and_reported_speech_are_not_speech_in_the_room() {
    let text = "Present: Cllr A Brook, Cllr C Dunn, Cllr E Frost
Apologies: Cllr K Lamb

1. Apologies
Cllr Lamb's apologies were accepted. Cllr Lamb asked that the Council thank the snow wardens.

2. Design statement
The Chairman noted that Cllr Lamb said she supported it. Cllr Dunn said it should be published.
";
    let (_, _, p) = read(text);
    let speakers: Vec<&str> = p.speeches.iter().map(|s| s.party.span.slice(text)).collect();
    assert_eq!(speakers, vec!["Cllr Dunn"]);
}

#[test]
fn a_pronoun_in_the_next_sentence_records_the_declarer_taking_no_part() {
    let text = "Present: Cllr A Brook, Cllr C Dunn, Cllr J Irwin

1. Declarations
Cllr Irwin declared a pecuniary interest in item 2 as a plot holder. She did not take part in the discussion or vote.
Cllr Dunn declared a pecuniary interest in item 2. Cllr Brook said the rents were fair.

2. Allotments
Rents were held.
";
    let (_, _, p) = read(text);
    let left: Vec<(&str, bool)> = p
        .declarations
        .iter()
        .map(|d| (d.party.span.slice(text), d.left))
        .collect();
    assert_eq!(left, vec![("Cllr Irwin", true), ("Cllr Dunn", false)]);
}

#[test]
fn returning_to_open_session_ends_the_private_part() {
    let text = "Present: Cllr A Baker, Cllr C Doyle

1. Exclusion
RESOLVED that the press and public be excluded under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.

2. Depot sale
Agreed on the terms in the exempt report.

The meeting returned to open session at 6.40 pm.

3. Budget
The outturn of £18,412,000 was noted.
";
    let (_, _, p) = read(text);
    let private: Vec<usize> = p.private_items.iter().map(|e| e.0).collect();
    assert_eq!(private, vec![1]);
}

#[test]
fn at_a_meeting_of_the_electors_the_members_listed_are_not_the_voters() {
    let text = "Annual Parish Meeting held on 16 April 2025 at 7pm

Present: Cllr A Brook, Cllr C Dunn, Cllr E Frost and 31 electors

1. Resolutions
Mr Ellery proposed a 20mph limit, seconded by Mrs Ford. Carried by 27 votes to 3.
";
    let (_, _, p) = read(text);
    assert!(p.electors_meeting);
    assert_eq!(p.voting_count_at(text.len() - 3), None);
    let (_, _, p) = read(&text.replace("Annual Parish Meeting", "Parish Council meeting"));
    assert!(!p.electors_meeting);
    assert_eq!(p.voting_count_at(text.len() - 3), Some(3));
}

#[test]
fn the_author_of_a_motion_on_notice_is_not_its_mover() {
    let text = "Present: Cllr R Abel, Cllr B Cole, Cllr H Ives
Apologies: Cllr N Odell

1. Notice of motion
Motion by Cllr Odell: that the Council declares a nature emergency. In Cllr Odell's absence the motion was moved by Cllr Ives and seconded by Cllr Cole.
Motion by Cllr Abel, seconded by Cllr Cole, that the report be noted.
";
    let (_, _, p) = read(text);
    let movers: Vec<&str> = p
        .motions
        .iter()
        .filter_map(|m| m.mover)
        .map(|m| m.span.slice(text))
        .collect();
    assert_eq!(movers, vec!["Cllr Ives", "Cllr Abel"]);
}

#[test]
fn a_number_after_a_side_is_that_sides_count_and_lost_is_a_result_only_as_one() {
    let text = "Present: Cllr A Brook, Cllr C Dunn, Cllr E Frost, Cllr G Hale, Cllr J Irwin

1. Signs
Members voted to replace the lost footpath signs (3 for, 2 against).

2. Appeal
The Council agreed to comment on the appeal; In favour 4 Against 1.

3. Swings
The motion to replace the swings was lost, 2 for and 3 against.
";
    let (_, _, p) = read(text);
    let read: Vec<(Option<u32>, Option<u32>, Option<Outcome>)> = p
        .votes
        .iter()
        .map(|v| {
            (
                v.side_count(Side::For),
                v.side_count(Side::Against),
                v.outcome.map(|o| o.0),
            )
        })
        .collect();
    assert_eq!(
        read,
        vec![
            (Some(3), Some(2), None),
            (Some(4), Some(1), Some(Outcome::Carried)),
            (Some(2), Some(3), Some(Outcome::Lost)),
        ]
    );
}

#[test]
fn comings_and_goings_at_another_meeting_are_not_read() {
    let text = "Present: Cllr A Brook, Cllr C Dunn, Cllr E Frost

1. Matters arising
It was noted that Cllr Frost left the meeting before the vote at the last meeting.

2. Bench
Proposed Cllr Frost, seconded Cllr Dunn.
";
    let (_, _, p) = read(text);
    assert!(p.movements.is_empty());
}
