//! Budget (DESIGN §7): parse and lint a 1 MB draft in under 10 ms on one core, also when the
//! draft is dense with findings (fixes and messages are built for each).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use minutes_lint::core::config::Config;
use minutes_lint::{lint, parse};

#[path = "support/dense.rs"]
mod dense;

/// A realistic whole-meeting draft of about `bytes` bytes: the corpus's items repeated with
/// running numbers, attendance, acronyms, decisions and some residue.
pub fn one_megabyte_draft(bytes: usize) -> String {
    let mut text = String::from(
        "Children and Young People Scrutiny Committee\n\nMinutes of the meeting held on Monday 21 March 2022\n\nPresent:\n\nCouncillor Stone – in the Chair Councillors Alijah, Collins, Lovecy, Reid and Taylor\n\nApologies:\n\nCouncillor Brown\n\n",
    );
    let mut n = 1;
    while text.len() < bytes {
        text.push_str(&format!(
            "21/{n}\n\nUpdate on the Children's Services Improvement Programme pdf icon PDF 129 KB\n\nMinutes:\n\nThe Executive Director of Children's Services provided the Panel with an update on progress, including the findings of the most recent Ofsted monitoring visit. The Local Government Association (LGA) had offered support, and the SEND strategy was discussed with the CCG and GPs. Councillor Taylor asked about caseloads and the Chair welcomed the report.\n\nA Member asked how the average case load for a social worker of 20 cases compared nationally; the Director said it was slightly above the national average\n\nbut the Council was aiming to reduce it.\n\nRESOLVED – That the report be noted.\n\n"
        ));
        n += 1;
    }
    text
}

fn bench_lint(c: &mut Criterion) {
    let text = one_megabyte_draft(1_000_000);
    let config = Config::default();
    let mut group = c.benchmark_group("core");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("parse 1 MB", |b| b.iter(|| parse(&text)));
    group.bench_function("parse and lint 1 MB", |b| {
        b.iter(|| lint(&text, &config, Some("draft.minutes")))
    });
    group.finish();

    // Real drafts carry about one finding per 600 bytes; the cost is in the findings too.
    let dense = dense::findings_dense_draft(1_000_000, 0);
    let findings = lint(&dense, &config, Some("draft.minutes")).diagnostics.len();
    eprintln!(
        "findings-dense draft: {} bytes, {findings} findings, one per {} bytes",
        dense.len(),
        dense.len() / findings.max(1)
    );
    let mut group = c.benchmark_group("core-dense");
    group.throughput(Throughput::Bytes(dense.len() as u64));
    group.sample_size(20);
    group.bench_function("parse, lint and build fixes, 1 MB findings-dense", |b| {
        b.iter(|| lint(&dense, &config, Some("draft.minutes")).diagnostics.len())
    });
    group.finish();
}

criterion_group!(benches, bench_lint);
criterion_main!(benches);
