//! The server's didChange budget (DESIGN §7): apply an incremental edit to a 1 MB rope, lint the
//! new text and convert the findings to LSP diagnostics, under 20 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use minutes_lint::core::config::Config;
use minutes_lint::core::text::ColumnUnit;
use minutes_lint::server::analysis::analyse;
use minutes_lint::server::document::apply_change;
use ropey::Rope;
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
}

/// A one-character edit in the middle of `text`, then the lint and the LSP diagnostics.
fn did_change_on(c: &mut Criterion, name: &str, text: String) {
    let config = Arc::new(Config::default());
    let uri = Url::parse("file:///bench/draft.minutes").unwrap();
    let mut rope = Rope::from_str(&text);
    let middle = (rope.len_lines() / 2) as u32;
    let mut version = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            version += 1;
            let at = Position::new(middle, 3);
            apply_change(&mut rope, Some(Range::new(at, at)), "x", ColumnUnit::Utf16);
            let analysis = analyse(
                &uri,
                version,
                rope.to_string(),
                config.clone(),
                Some("draft.minutes".into()),
                ColumnUnit::Utf16,
            )
            .unwrap();
            apply_change(
                &mut rope,
                Some(Range::new(at, Position::new(middle, 4))),
                "",
                ColumnUnit::Utf16,
            );
            analysis.diagnostics().len()
        })
    });
}

/// The parts of a didChange, one by one.
fn core_parts(c: &mut Criterion, text: &str) {
    let config = Config::default();
    let mut rope = Rope::from_str(text);
    let middle = (rope.len_lines() / 2) as u32;
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
    c.bench_function("rope to_string + LineIndex (1MB)", |b| {
        b.iter(|| {
            let s = rope.to_string();
            minutes_lint::LineIndex::new(&s).line_count()
        })
    });
    c.bench_function("rope edit only (1MB)", |b| {
        b.iter(|| {
            let at = Position::new(middle, 3);
            apply_change(&mut rope, Some(Range::new(at, at)), "x", ColumnUnit::Utf16);
            apply_change(
                &mut rope,
                Some(Range::new(at, Position::new(middle, 4))),
                "",
                ColumnUnit::Utf16,
            );
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = did_change
}
criterion_main!(benches);
