//! The server's didChange budget (DESIGN §7): apply an incremental edit to a 1 MB document as the
//! store does (text and line index), make the version's snapshot, lint it and convert the
//! findings to the LSP diagnostics published, under 20 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use minutes_lint::core::config::Config;
use minutes_lint::core::text::ColumnUnit;
use minutes_lint::server::analysis::Snapshot;
use minutes_lint::server::store::apply_change;
use minutes_lint::LineIndex;
use std::sync::Arc;
use tower_lsp::lsp_types::{Position, Range, Url};

#[path = "support/dense.rs"]
mod dense;

fn megabyte_draft() -> String {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");
    let mut one = String::new();
    for name in [
        "middlesbrough-cyp-panel-2022-03-21.txt",
        "manchester-ofsted-subgroup-2017-09-12.txt",
    ] {
        one.push_str(&std::fs::read_to_string(format!("{corpus}{name}")).unwrap_or_default());
        one.push('\n');
    }
    if one.trim().is_empty() {
        one = "21/47\n\nDeclarations of Interest\n\nThere were none. The LGA (Local Government Association) 😀 noted.\n\n".to_string();
    }
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(&one);
    }
    text
}

fn did_change(c: &mut Criterion) {
    did_change_on(c, "didChange 1MB: edit + lint + diagnostics", megabyte_draft());
    did_change_on(
        c,
        "didChange 1MB findings-dense: edit + lint + diagnostics",
        dense::findings_dense_draft(1 << 20, 0),
    );
    core_parts(c, &megabyte_draft());
    publish_part(c, dense::findings_dense_draft(1 << 20, 0));
}

/// The server's own share of a didChange on a findings-dense draft: its findings turned into the
/// LSP diagnostics published, and those into the JSON sent.
fn publish_part(c: &mut Criterion, text: String) {
    let uri = Url::parse("file:///bench/draft.minutes").unwrap();
    let held = Held::new(text);
    let snapshot = held.snapshot(&uri, 1, &Arc::new(Config::default()));
    let analysis = snapshot.analysis().unwrap();
    c.bench_function("LSP diagnostics + JSON (1MB findings-dense)", |b| {
        b.iter(|| serde_json::to_vec(&analysis.diagnostics()).unwrap().len())
    });
}

/// A document as the store holds it: its text and line index.
struct Held {
    text: Arc<String>,
    index: Arc<LineIndex>,
}

impl Held {
    fn new(text: String) -> Self {
        let index = Arc::new(LineIndex::new(&text));
        Held {
            text: Arc::new(text),
            index,
        }
    }

    /// One change, then the new line index, as the store applies a didChange.
    fn change(&mut self, range: Range, new_text: &str) {
        apply_change(&mut self.text, &self.index, Some(range), new_text, ColumnUnit::Utf16);
        self.index = Arc::new(LineIndex::new(&self.text));
    }

    fn snapshot(&self, uri: &Url, version: i32, config: &Arc<Config>) -> Snapshot {
        Snapshot::new(
            uri.clone(),
            version,
            self.text.clone(),
            self.index.clone(),
            ColumnUnit::Utf16,
            config.clone(),
            Some("draft.minutes".into()),
        )
    }
}

/// A one-character edit in the middle of `text`, then the lint and the LSP diagnostics.
fn did_change_on(c: &mut Criterion, name: &str, text: String) {
    let config = Arc::new(Config::default());
    let uri = Url::parse("file:///bench/draft.minutes").unwrap();
    let mut held = Held::new(text);
    let middle = (held.index.line_count() / 2) as u32;
    let mut version = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            version += 1;
            let at = Position::new(middle, 3);
            // The snapshot of the previous version is still held, as a lint or request would.
            let previous = held.snapshot(&uri, version, &config);
            held.change(Range::new(at, at), "x");
            let snapshot = held.snapshot(&uri, version, &config);
            let published = snapshot.analysis().unwrap().diagnostics().len();
            drop(previous);
            held.change(Range::new(at, Position::new(middle, 4)), "");
            published
        })
    });
}

/// The parts of a didChange, one by one.
fn core_parts(c: &mut Criterion, text: &str) {
    let config = Config::default();
    let mut held = Held::new(text.to_string());
    let middle = (held.index.line_count() / 2) as u32;
    c.bench_function("core lint only (1MB)", |b| {
        b.iter(|| {
            minutes_lint::lint(text, &config, Some("draft.minutes"))
                .diagnostics
                .len()
        })
    });
    c.bench_function("core parse only (1MB)", |b| {
        b.iter(|| minutes_lint::parse(text).items.len())
    });
    c.bench_function("LineIndex (1MB)", |b| {
        b.iter(|| minutes_lint::LineIndex::new(text).line_count())
    });
    c.bench_function("store edit + line index (1MB)", |b| {
        b.iter(|| {
            let at = Position::new(middle, 3);
            held.change(Range::new(at, at), "x");
            held.change(Range::new(at, Position::new(middle, 4)), "");
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = did_change
}
criterion_main!(benches);
