//! `check --format html` end to end: the page the binary writes for drafts holding markup, read
//! as text and then rendered in real headless Chromium.
//!
//! Chromium is Debian's `chromium` (`.ci/run` installs it); `MINUTES_LINT_CHROMIUM` names another
//! binary. Without it the browser test fails in CI and is skipped locally with a printed reason.
//! The rendered page is kept for a person to look at: `target/tmp/html-report/report.png` (a
//! screenshot), `report.pdf` (as printed) and `report.html`.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A draft with a wrong weekday, a breadcrumb and a clash between present and apologies; its
/// title line carries a script and its date line an attribute break-out.
const HOSTILE: &str = "Minutes of the Licensing Panel <script>document.title='pwned'</script>\n\
Monday 26 April 2022 at 10.00 am \"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\n\
\n\
Home > Council > Licensing\n\
\n\
Present: Councillor Ames (Chair), Councillor Bell, Councillor Carr\n\
Apologies: Councillor Carr\n\
\n\
1. Declarations of Interest\n\
There were none.\n\
\n\
2. Premises Licence Review\n\
RESOLVED – That the licence be suspended for one month.\n";

/// Three drafts: two hostile (one with a hostile file name), one small one.
fn drafts(dir: &Path) -> Vec<PathBuf> {
    let hostile_name = if cfg!(windows) {
        "panel.minutes".to_string()
    } else {
        "panel \"><img src=x onerror=alert(1)>.minutes".to_string()
    };
    let files = [
        (hostile_name, HOSTILE.to_string()),
        ("second.minutes".to_string(), HOSTILE.replace("Licensing", "Standards")),
        (
            "third.minutes".to_string(),
            "Minutes of the Audit Panel\nFriday 3 March 2023\n\nHome > Audit\n\n1. Minutes\nRESOLVED – That they be signed.\n"
                .to_string(),
        ),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn check(dir: &Path, format: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_minutes-lint"))
        .current_dir(dir)
        .args(["check", ".", "--format", format])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// Where the rendered page is kept (under `target/`, never committed).
fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Escapes text the way a serialised DOM does in element content.
fn dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Escapes text the way the page does.
fn page_text(s: &str) -> String {
    dom_text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

/// The page for the three drafts, with the JSON findings for the same run.
fn page_and_findings() -> (tempfile::TempDir, String, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    drafts(dir.path());
    let (code, page) = check(dir.path(), "html");
    assert_eq!(code, Some(1), "findings exit 1 in every format");
    let (_, json) = check(dir.path(), "json");
    let findings: Vec<Value> = serde_json::from_str::<Value>(&json)
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    assert!(findings.len() >= 6, "{findings:?}");
    (dir, page, findings)
}

#[test]
fn the_page_shows_every_finding_and_draft_markup_only_as_text() {
    let (_dir, page, findings) = page_and_findings();
    fs::write(artifacts().join("report.html"), &page).unwrap();

    // Nothing from a draft became markup.
    for markup in ["<script", "<img", "onerror=alert(1)>", "onerror=\"document"] {
        assert!(!page.contains(markup), "{markup} reached the page as markup");
    }
    for text in [
        "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;",
        "&quot;&gt;&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&quot;&gt;",
    ] {
        assert!(page.contains(text), "{text} is not shown as text");
    }
    if cfg!(unix) {
        assert!(page.contains("panel &quot;&gt;&lt;img src=x onerror=alert(1)&gt;.minutes"));
    }

    // Self-contained: nothing is loaded from anywhere, no script runs.
    for outside in ["<link", "src=\"", "url(", "@import", "http:", "https:"] {
        assert!(!page.contains(outside), "{outside}");
    }

    // One article per finding, each with its message, rule and severity; one section per draft.
    assert_eq!(page.matches("<article class=\"finding").count(), findings.len());
    assert_eq!(page.matches("<section class=\"draft\"").count(), 3);
    for f in &findings {
        let message = page_text(f["message"].as_str().unwrap());
        assert!(page.contains(&message), "missing message {message}");
        let severity = f["severity"].as_str().unwrap();
        let line = f["range"]["start"]["line"].as_u64().unwrap();
        let column = f["range"]["start"]["column"].as_u64().unwrap();
        let where_ = format!(
            "Line {line}, column {column} &middot; rule <code>{}</code> &middot; {severity}",
            f["rule"].as_str().unwrap()
        );
        assert!(page.contains(&where_), "missing {where_}");
        for fix in f["fixes"].as_array().unwrap().iter().take(1) {
            let title = page_text(fix["title"].as_str().unwrap());
            assert!(page.contains(&title), "missing fix {title}");
        }
    }
    // The summary counts by severity agree with the JSON.
    let count = |s: &str| findings.iter().filter(|f| f["severity"] == s).count();
    let overview = format!(
        "3 drafts checked: {} error{}, {} warning{}",
        count("error"),
        if count("error") == 1 { "" } else { "s" },
        count("warning"),
        if count("warning") == 1 { "" } else { "s" },
    );
    assert!(page.contains(&overview), "{overview}");
    // A wrong weekday is shown with its line, the span marked, and the fix as before and after.
    assert!(page.contains("<del>Monday</del>"), "the weekday fix's before");
    assert!(page.contains("<ins>Tuesday</ins>"), "the weekday fix's after");
}

// ---------------------------------------------------------------- in a real browser

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MINUTES_LINT_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `page` with `args`, within a minute; returns its stdout.
fn chromium_run(chromium: &Path, profile: &Path, args: &[String], page: &Path) -> String {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "Chromium {args:?} exited {status}");
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("Chromium {args:?} took over a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

#[test]
fn chromium_renders_the_findings_runs_nothing_from_the_drafts_and_prints_a_page_per_draft() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is missing in CI: .ci/run installs Debian's chromium"
        );
        eprintln!("skipping: no Chromium (apt-get install chromium, or set MINUTES_LINT_CHROMIUM)");
        return;
    };
    let (_dir, page, findings) = page_and_findings();
    let out = artifacts();
    let html = out.join("report.html");
    fs::write(&html, &page).unwrap();
    let profile = tempfile::tempdir().unwrap();

    // The DOM after loading: what the browser made of the page.
    let dom = chromium_run(&chromium, profile.path(), &["--dump-dom".to_string()], &html);
    assert!(dom.contains("Report on the draft minutes"), "{dom}");
    // No element came from a draft, and the draft's script did not run.
    assert!(!dom.contains("<script"), "a <script> element exists");
    assert!(!dom.contains("<img"), "an <img> element exists");
    assert!(!dom.contains("data-pwned=\""), "the onerror handler ran");
    assert!(!dom.contains("<title>pwned"), "the draft's script ran");
    assert!(dom.contains(&dom_text("<script>document.title='pwned'</script>")));
    assert!(dom.contains(&dom_text(
        "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    )));
    for f in &findings {
        let message = dom_text(f["message"].as_str().unwrap());
        assert!(dom.contains(&message), "{message} is not in the rendered page");
    }
    assert_eq!(dom.matches("<article class=\"finding").count(), findings.len());

    // A screenshot, kept for a person to look at.
    let png = out.join("report.png");
    let _ = fs::remove_file(&png);
    chromium_run(
        &chromium,
        profile.path(),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1100,2400".to_string(),
        ],
        &html,
    );
    let shot = fs::read(&png).expect("Chromium wrote the screenshot");
    assert!(shot.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(shot.len() > 20_000, "a near-empty screenshot: {} bytes", shot.len());

    // Printed: the summary, then each draft from a new page.
    let pdf = out.join("report.pdf");
    let _ = fs::remove_file(&pdf);
    chromium_run(
        &chromium,
        profile.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
        ],
        &html,
    );
    let printed = fs::read(&pdf).expect("Chromium printed the page");
    assert!(printed.starts_with(b"%PDF-"));
    let pages = pdf_page_count(&printed);
    assert!(
        pages >= 4,
        "the summary and 3 drafts each from a new page: {pages} pages"
    );

    // Three drafts with one short finding each would fit on one page: printed, each starts its
    // own page after the summary's (without the print style sheet this is 2 pages).
    let small = tempfile::tempdir().unwrap();
    fs::write(
        small.path().join("minutes-lint.toml"),
        "[rules]\nmissing-section = \"off\"\n",
    )
    .unwrap();
    for name in ["a", "b", "c"] {
        fs::write(
            small.path().join(format!("{name}.minutes")),
            "Minutes of the Audit Panel\nFriday 3 March 2023\n\nHome > Council > Audit\n\n\
             1. Minutes\nRESOLVED – That they be signed.\n",
        )
        .unwrap();
    }
    let (code, small_page) = check(small.path(), "html");
    assert_eq!(code, Some(1));
    assert_eq!(
        small_page.matches("<article class=\"finding").count(),
        3,
        "{small_page}"
    );
    let small_html = out.join("small.html");
    fs::write(&small_html, &small_page).unwrap();
    let small_pdf = out.join("small.pdf");
    let _ = fs::remove_file(&small_pdf);
    chromium_run(
        &chromium,
        profile.path(),
        &[
            format!("--print-to-pdf={}", small_pdf.display()),
            "--no-pdf-header-footer".to_string(),
        ],
        &small_html,
    );
    assert_eq!(pdf_page_count(&fs::read(&small_pdf).unwrap()), 4);
    eprintln!("kept {}, {} and {}", html.display(), png.display(), pdf.display());
}

/// The page count a PDF's page tree declares (its largest `/Count`).
fn pdf_page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Count ")
        .filter_map(|(at, _)| {
            let digits: String = text[at + 7..].chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .max()
        .unwrap_or(0)
}
