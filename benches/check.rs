//! The CLI's budget (DESIGN §7): check 100 MB of drafts at 100 MB/s or better on all cores.
//!
//! Builds a temporary folder of about 100 MB of corpus-like whole-meeting drafts (about 40 KB
//! each), then runs the `check` code path as a library function: discovery, config resolution,
//! parallel read and lint ([`check_files`]), and the same plus JSON output to a sink
//! ([`run_check`]). Criterion reports the throughput in bytes per second.
//!
//! `MINUTES_LINT_BENCH_MB` changes the size (default 100).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use minutes_lint::cli::args::OutputFormat;
use minutes_lint::cli::{check_files, run_check, CheckOptions};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

#[path = "support/dense.rs"]
mod dense;

const TOPICS: &[(&str, &str)] = &[
    ("Ofsted Monitoring Visit Feedback and Action Planning", "The Subgroup received a report of the Strategic Director of Children and Education Services (DCS) on the outcome of the third Ofsted monitoring visit. Members noted the progress made since the previous visits and asked about caseloads, the quality of supervision and the stability of the social work workforce. The Director of Children's Social Care said that caseloads had fallen to an average of 18 and that agency staffing had reduced."),
    ("Special Educational Needs and Disabilities (SEND) Update", "The Panel considered an update on the Written Statement of Action. Officers explained that the number of Education, Health and Care Plans (EHCPs) issued within 20 weeks had risen from 41% to 87%. Members asked how parents and carers had been involved in co-producing the Local Offer and whether the Preparation for Adulthood (PfA) pathway was understood by schools."),
    ("Children's Services Improvement Programme", "The Executive Member for Children's Services presented the report. The improvement plan had been refreshed following the Ofsted inspection of local authority children's services (ILACS). Members discussed the recruitment of social workers, the use of the Signs of Safety practice model and the work of the Multi-Agency Safeguarding Hub (MASH)."),
    ("Youth Justice Plan 2022-23", "The Head of Youth Justice introduced the annual plan, which set out priorities for reducing first-time entrants, reoffending and the use of custody. Members welcomed the reduction in first-time entrants and asked about the partnership with the police and the Clinical Commissioning Group (CCG) on mental health support for young people."),
];

/// One whole-meeting draft of about `target` bytes, numbered from `first`.
fn draft(index: usize, target: usize) -> String {
    let mut text = String::with_capacity(target + 2048);
    let day = 1 + index % 28;
    let _ = write!(
        text,
        "Children and Young People Scrutiny Panel\n\nMinutes of the meeting held on {day} March 2022 at 4.00 pm\n\nVenue: Council Chamber, Town Hall\n\n\
         Present: Councillor Walker (Chair), Councillor Smith, Councillor Jones, Councillor Taylor, Councillor Ahmed\n\n\
         Also present: J Brown (Director of Children's Services), S Patel (Democratic Services Officer)\n\n\
         Apologies: Councillor Green, Councillor Hussain\n\n"
    );
    let mut item = 1;
    let _ = write!(
        text,
        "22/{item} Declarations of Interest\n\nThere were no declarations of interest.\n\n"
    );
    item += 1;
    let _ = write!(
        text,
        "22/{item} Minutes of the previous meeting\n\nThe minutes of the meeting held on 14 February 2022 were submitted and approved as a correct record.\n\n"
    );
    while text.len() < target {
        item += 1;
        let (title, body) = TOPICS[(index + item) % TOPICS.len()];
        let _ = write!(
            text,
            "22/{item} {title}\n\n{body}\n\n{body}\n\nRESOLVED – That the report be noted.\n\n"
        );
    }
    item += 1;
    let _ = write!(
        text,
        "22/{item} Date of next meeting\n\nThe next meeting will be held on Monday 11 April 2022 at 4.00 pm.\n"
    );
    text
}

/// Writes drafts totalling about `megabytes` MB under `dir`, in folders of 100; returns the
/// total size in bytes.
fn build_corpus(dir: &Path, megabytes: usize) -> u64 {
    let per_file = 40 * 1024;
    let files = megabytes * 1024 * 1024 / per_file;
    let mut total = 0;
    for i in 0..files {
        let folder = dir.join(format!("committee-{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder).unwrap();
        }
        let text = draft(i, per_file);
        total += text.len() as u64;
        let name = if i % 5 == 0 {
            format!("meeting-{i}.minutes.md")
        } else {
            format!("meeting-{i}.minutes")
        };
        std::fs::write(folder.join(name), text).unwrap();
    }
    total
}

fn bench_check(c: &mut Criterion) {
    let megabytes = std::env::var("MINUTES_LINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let bytes = build_corpus(dir.path(), megabytes);
    let options = CheckOptions {
        paths: vec![dir.path().to_path_buf()],
        format: OutputFormat::Json,
        ..CheckOptions::default()
    };
    // Once outside the timer: a sanity check and warm file caches.
    let run = check_files(&options, None).expect("the bench corpus checks");
    let findings: usize = run.checked.iter().map(|c| c.report.diagnostics.len()).sum();
    eprintln!(
        "bench corpus: {} files, {:.1} MB, {findings} findings",
        run.checked.len(),
        bytes as f64 / 1e6
    );
    drop(run);

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(format!("check_files/{megabytes}MB"), |b| {
        b.iter(|| check_files(&options, None).unwrap().checked.len())
    });
    group.bench_function(format!("run_check_json_to_sink/{megabytes}MB"), |b| {
        b.iter(|| json_to_sink(&options))
    });
    group.finish();
}

/// The whole `check` path with its output written to a sink; returns the exit code.
fn json_to_sink(options: &CheckOptions) -> i32 {
    run_check(
        options,
        &mut std::io::empty(),
        &mut std::io::sink(),
        &mut std::io::sink(),
    )
}

/// Folders of many small findings-dense drafts, as a council's archive is: `count` drafts of
/// about `size` bytes, checked with JSON output. The cost per draft (config lookup, set-up,
/// output) shows here, not in one big folder of big drafts.
fn bench_many_small(c: &mut Criterion) {
    let mut group = c.benchmark_group("check-many");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    for (count, size) in [(10_000, 3 * 1024), (1_100, 10 * 1024)] {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = 0u64;
        for i in 0..count {
            let folder = dir.path().join(format!("year-{:02}", i / 500));
            if i % 500 == 0 {
                std::fs::create_dir_all(&folder).unwrap();
            }
            let text = dense::findings_dense_draft(size, i);
            bytes += text.len() as u64;
            std::fs::write(folder.join(format!("meeting-{i}.minutes")), text).unwrap();
        }
        let options = CheckOptions {
            paths: vec![dir.path().to_path_buf()],
            format: OutputFormat::Json,
            ..CheckOptions::default()
        };
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(format!("run_check_json/{count}x{}KB", size / 1024), |b| {
            b.iter(|| json_to_sink(&options))
        });
    }
    group.finish();
}

/// The whole process, from start to the first (and only) small draft checked: what a
/// pre-commit hook or an editor's save pays each time.
fn bench_start_up(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("short.minutes");
    std::fs::write(&draft, dense::findings_dense_draft(2 * 1024, 0)).unwrap();
    let binary = env!("CARGO_BIN_EXE_minutes-lint");
    let mut group = c.benchmark_group("start-up");
    group.sample_size(30);
    group.bench_function("process: check one 2 KB draft, JSON", |b| {
        b.iter(|| {
            std::process::Command::new(binary)
                .args(["check", "--format", "json"])
                .arg(&draft)
                .output()
                .unwrap()
                .status
                .code()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_check, bench_many_small, bench_start_up);
criterion_main!(benches);
