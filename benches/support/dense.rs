//! Findings-dense drafts for the benches: real drafts carry about one finding per 600 bytes
//! (undefined acronyms, first person, broken paragraphs, items without a decision), and the
//! cost of a lint is in its findings (fixes, messages, output) as much as in the parse. Written
//! for the benches, in our own words.

use std::fmt::Write as _;

/// A three-letter code that differs for every `n`, so each item brings acronyms never seen
/// before in the draft (an acronym is reported at its first use only).
fn code(n: usize, salt: u8) -> String {
    let letter = |k: usize| char::from(b'B' + (k % 24) as u8);
    format!("{}{}{}", char::from(b'P' + salt), letter(n / 24), letter(n))
}

/// The header and attendance of a parish council meeting.
fn header(text: &mut String, day: usize) {
    let _ = write!(
        text,
        "Hollowmere Parish Council\n\nMinutes of the meeting held on {day} May 2024 at 7.30 pm in the Village Hall\n\n\
         Present: Councillor R Ashdown (Chair), Councillor P Brightwell, Councillor M Carrow, Councillor T Dunmore\n\n\
         Apologies: Councillor H Elsworth\n\n"
    );
}

/// One item of about 600 to 700 bytes with about one finding per 600 bytes.
fn item(text: &mut String, number: usize) {
    let (a, b) = (code(number, 0), code(number, 1));
    let _ = match number % 4 {
        0 => write!(
            text,
            "{number}. Play area inspection\n\nThe Clerk reported on the annual inspection by the {a} and the repairs it asked for. \
             Members discussed the cost of the new safety surface and the timing of the work before the summer holidays, \
             and asked that the {b} be told of the dates.\n\nRESOLVED – That the repairs be carried out in July.\n\n"
        ),
        1 => write!(
            text,
            "{number}. Footpath improvements\n\nCouncillor Carrow reported that we had written to the highway authority about the \
             flooded section of the bridleway. The reply said the drainage survey would be done in the autumn and that the \
             work would follow\n\nif money allowed in the next financial year.\n\nRESOLVED – That the reply be noted.\n\n"
        ),
        2 => write!(
            text,
            "{number}. To approve the grant application to the {a}\n\nThe Chair introduced the draft application for a grant towards \
             the cost of the new noticeboards. Members asked about the match funding required and whether the village \
             society would contribute to the cost of the installation.\n\n"
        ),
        _ => write!(
            text,
            "{number}. Planning applications\n\nThe Council considered the application for a rear extension at Mill Cottage and \
             the notice from the {b} about the tree works in the conservation area. Councillor Brightwel said the neighbours \
             had been consulted.\n\nRESOLVED – No objection.\n\n"
        ),
    };
}

/// A whole-meeting draft of about `bytes` bytes, dense with findings.
pub fn findings_dense_draft(bytes: usize, seed: usize) -> String {
    let mut text = String::with_capacity(bytes + 1024);
    header(&mut text, 1 + seed % 28);
    let mut number = 1;
    while text.len() < bytes {
        item(&mut text, number + seed * 7);
        number += 1;
    }
    text
}
