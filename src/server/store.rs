//! The document store: the one owner of the server's state, on a thread of its own, fed by
//! [`Event`]s (as rust-analyzer's main loop is).
//!
//! The `LanguageServer` handlers send an event before their first `.await`, so edits, opens and
//! closes take effect in the order the client sent them, and a request sent after an edit sees
//! it. The store holds each open document's text and line index, the effective config (client
//! settings over `minutes-lint.toml`, resolved here: small file reads on this thread, never under
//! a lock nor on the async runtime's threads) and the workspace folders. For each version it
//! hands out one immutable [`Snapshot`]; lints run on the blocking pool (a few at once, newest
//! edit first, at most one per document, edits arriving meanwhile coalesced) and come back as
//! events; the store publishes a lint's diagnostics only if its snapshot is still the
//! document's current one. Everything sent to the client goes through one ordered outbox.

use crate::core::config::CONFIG_FILE_NAME;
use crate::core::text::{ColumnUnit, LineIndex};
use crate::server::analysis::Snapshot;
use crate::server::convert::Lines;
use crate::server::paths;
use crate::server::settings::{is_config_file, ClientSettings, ConfigState, DocumentConfig};
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};
use tower_lsp::lsp_types::{self as lsp, MessageType, Range, TextDocumentContentChangeEvent, Url};
use tower_lsp::Client;

/// What applying a change had to repair.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ChangeReport {
    /// A position in the change was outside the document or inside a character.
    pub clamped: bool,
    /// The range's end was before its start (the two were swapped).
    pub reversed: bool,
}

/// Room left after a copy of a text for the next edits, so typing does not copy it each time.
fn slack(len: usize) -> usize {
    (len / 256).max(64)
}

/// Applies one content change (`range` None replaces everything) to `text`, whose line index is
/// `index`. Positions convert through the same [`Lines`] as every other position in the server,
/// clamped as LSP asks. The text is changed in place when no snapshot shares it, else copied
/// once with the change made.
pub fn apply_change(
    text: &mut Arc<String>,
    index: &LineIndex,
    range: Option<Range>,
    new_text: &str,
    unit: ColumnUnit,
) -> ChangeReport {
    let Some(range) = range else {
        *text = Arc::new(new_text.to_string());
        return ChangeReport::default();
    };
    let lines = Lines::new(text, index, unit);
    let (start, c1) = lines.offset(range.start);
    let (end, c2) = lines.offset(range.end);
    let report = ChangeReport {
        clamped: c1 || c2,
        reversed: end < start,
    };
    let span = start.min(end)..start.max(end);
    let grows = new_text.len().saturating_sub(span.len());
    match Arc::get_mut(text) {
        Some(own) if own.capacity() - own.len() >= grows => own.replace_range(span, new_text),
        _ => {
            let old = text.as_str();
            let len = old.len() - span.len() + new_text.len();
            let mut new = String::with_capacity(len + slack(len));
            new.push_str(&old[..span.start]);
            new.push_str(new_text);
            new.push_str(&old[span.end..]);
            *text = Arc::new(new);
        }
    }
    report
}

/// How many documents keep their analysis once published: the ones most recently opened, edited
/// or asked about. The others keep only their text and line index, and are analysed again when
/// a request comes (a hundred open drafts would otherwise hold a model and findings each, often
/// several times the size of their text).
const KEEP_ANALYSED: usize = 8;

/// Closing a document at least this big hands the freed memory back to the system.
const RETURN_MEMORY_AFTER: usize = 1 << 20;

/// glibc's malloc keeps freed memory in its arenas, so a closed 50 MB document would leave the
/// server's resident size at its peak: ask it to give free pages back (elsewhere, a no-op).
pub fn return_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim takes no pointers and is thread-safe in glibc.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// What the handlers and the lint tasks tell the store.
#[derive(Debug)]
pub enum Event {
    Initialize {
        unit: ColumnUnit,
        roots: Vec<PathBuf>,
    },
    Open {
        uri: Url,
        version: i32,
        text: String,
    },
    Change {
        uri: Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    },
    Close {
        uri: Url,
    },
    /// A config file was saved, created, changed or deleted.
    ConfigFilesChanged,
    Settings(ClientSettings),
    Folders {
        added: Vec<PathBuf>,
        removed: Vec<PathBuf>,
    },
    /// The current snapshot of a document (None when it is not open).
    Snapshot {
        uri: Url,
        reply: oneshot::Sender<Option<Arc<Snapshot>>>,
    },
    /// Where a config edit for a document goes.
    ConfigTarget {
        uri: Url,
        reply: oneshot::Sender<Option<ConfigPlace>>,
    },
    /// A lint worker finished: the diagnostics of its snapshot, or the panic's message.
    Linted {
        worker: usize,
        snapshot: Arc<Snapshot>,
        diagnostics: Result<Vec<lsp::Diagnostic>, String>,
    },
}

/// The config file a document's config edits go to, and its text when it is open.
#[derive(Debug)]
pub struct ConfigPlace {
    pub file: PathBuf,
    pub open_text: Option<Arc<String>>,
    /// The document's path relative to the config file's folder.
    pub relative_path: String,
}

/// What the store sends to the client, in order.
#[derive(Debug)]
enum Outgoing {
    Publish {
        uri: Url,
        diagnostics: Vec<lsp::Diagnostic>,
        version: Option<i32>,
    },
    Log(MessageType, String),
    Show(MessageType, String),
}

/// The store's end of the handlers' channel.
pub type Events = mpsc::UnboundedSender<Event>;

/// Starts the store on a thread of its own and the outbox on the runtime; returns the channel
/// the handlers send to. Must be called inside the tokio runtime.
pub fn start(client: Client) -> Events {
    let (events, inbox) = mpsc::unbounded_channel();
    let (outbox, mut outgoing) = mpsc::unbounded_channel::<Outgoing>();
    let runtime = tokio::runtime::Handle::current();
    tokio::spawn(async move {
        while let Some(message) = outgoing.recv().await {
            match message {
                Outgoing::Publish {
                    uri,
                    diagnostics,
                    version,
                } => client.publish_diagnostics(uri, diagnostics, version).await,
                Outgoing::Log(typ, text) => client.log_message(typ, text).await,
                Outgoing::Show(typ, text) => client.show_message(typ, text).await,
            }
        }
    });
    let count = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, LINT_WORKERS));
    let workers = (0..count).filter_map(|i| lint_worker(i, events.clone())).collect();
    let store = Store {
        unit: ColumnUnit::Utf16,
        roots: Vec::new(),
        config: ConfigState::default(),
        generation: 0,
        docs: HashMap::new(),
        clock: 0,
        queue: VecDeque::new(),
        workers,
        idle: (0..count).collect(),
        outbox,
        runtime,
    };
    let spawned = std::thread::Builder::new()
        .name("minutes-lint-store".into())
        .spawn(move || store.run(inbox));
    if let Err(e) = spawned {
        eprintln!("minutes-lint server: cannot start the document store: {e}");
    }
    events
}

/// At most this many lints run at once, each on a thread of its own for the life of the server:
/// every thread that lints keeps scratch memory (regex caches, a malloc arena), so the same few
/// threads do all the linting.
const LINT_WORKERS: usize = 2;

/// Starts lint worker `id`: it lints the snapshots it is sent and reports each as an event.
fn lint_worker(id: usize, events: Events) -> Option<std::sync::mpsc::Sender<Arc<Snapshot>>> {
    let (jobs, inbox) = std::sync::mpsc::channel::<Arc<Snapshot>>();
    let spawned = std::thread::Builder::new()
        .name(format!("minutes-lint-lint-{id}"))
        .spawn(move || {
            while let Ok(snapshot) = inbox.recv() {
                let diagnostics = snapshot
                    .analysis()
                    .map(|analysis| analysis.diagnostics())
                    .map_err(str::to_string);
                let linted = Event::Linted {
                    worker: id,
                    snapshot,
                    diagnostics,
                };
                if events.send(linted).is_err() {
                    return;
                }
            }
        });
    match spawned {
        Ok(_) => Some(jobs),
        Err(e) => {
            eprintln!("minutes-lint server: cannot start a lint worker: {e}");
            None
        }
    }
}

/// One open document.
#[derive(Debug)]
struct Doc {
    version: i32,
    text: Arc<String>,
    index: Arc<LineIndex>,
    /// The config in force and the config generation it was resolved in.
    config: Option<(DocumentConfig, u64)>,
    /// The snapshot of the current version and config, once one was asked for.
    snapshot: Option<Arc<Snapshot>>,
    /// A lint task holds a snapshot of this document.
    linting: bool,
    /// Waiting in the lint queue.
    queued: bool,
    /// The snapshot whose diagnostics were published last, as (version, config generation).
    published: Option<(i32, u64)>,
    /// A config file or anything else the rules do not read.
    lintable: bool,
    /// When the document was last opened, edited or asked about (the store's clock).
    used: u64,
}

struct Store {
    unit: ColumnUnit,
    roots: Vec<PathBuf>,
    config: ConfigState,
    /// Bumped whenever the configuration changes; snapshots remember theirs.
    generation: u64,
    docs: HashMap<Url, Doc>,
    /// Counts events that use a document, for [`Doc::used`].
    clock: u64,
    /// Documents waiting for a lint, the most recently edited first.
    queue: VecDeque<Url>,
    /// The lint workers' inboxes, and which of them wait for work.
    workers: Vec<std::sync::mpsc::Sender<Arc<Snapshot>>>,
    idle: Vec<usize>,
    outbox: mpsc::UnboundedSender<Outgoing>,
    runtime: tokio::runtime::Handle,
}

impl Store {
    fn run(mut self, mut inbox: mpsc::UnboundedReceiver<Event>) {
        while let Some(event) = inbox.blocking_recv() {
            self.handle(event);
        }
    }

    fn log(&self, typ: MessageType, text: String) {
        let _ = self.outbox.send(Outgoing::Log(typ, text));
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Initialize { unit, roots } => {
                self.unit = unit;
                self.roots = roots;
            }
            Event::Open { uri, version, text } => self.open(uri, version, text),
            Event::Change { uri, version, changes } => self.change(uri, version, changes),
            Event::Close { uri } => self.close(uri),
            Event::ConfigFilesChanged => {
                self.config.files_changed();
                self.relint_all();
            }
            Event::Settings(settings) => {
                if self.config.set_settings(settings) {
                    self.relint_all();
                }
            }
            Event::Folders { added, removed } => {
                self.roots.retain(|r| !removed.contains(r));
                self.roots.extend(added);
            }
            Event::Snapshot { uri, reply } => {
                self.touch(&uri);
                let _ = reply.send(self.snapshot(&uri));
            }
            Event::ConfigTarget { uri, reply } => {
                let _ = reply.send(self.config_place(&uri));
            }
            Event::Linted {
                worker,
                snapshot,
                diagnostics,
            } => {
                self.idle.push(worker);
                self.linted(snapshot, diagnostics)
            }
        }
    }

    fn open(&mut self, uri: Url, version: i32, mut text: String) {
        text.shrink_to_fit();
        let index = Arc::new(LineIndex::new(&text));
        let lintable = !paths::file_path(&uri).is_some_and(|p| is_config_file(&p));
        self.docs.insert(
            uri.clone(),
            Doc {
                version,
                text: Arc::new(text),
                index,
                config: None,
                snapshot: None,
                linting: false,
                queued: false,
                published: None,
                lintable,
                used: 0,
            },
        );
        self.touch(&uri);
        self.enqueue(uri, true);
    }

    fn change(&mut self, uri: Url, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        let unit = self.unit;
        let Some(doc) = self.docs.get_mut(&uri) else {
            self.log(
                MessageType::WARNING,
                format!("minutes-lint: didChange for {uri}, which is not open; ignored"),
            );
            return;
        };
        // Let go of the old snapshot, so the text can change in place when no lint holds it.
        doc.snapshot = None;
        let mut problems = Vec::new();
        for (i, change) in changes.into_iter().enumerate() {
            let report = apply_change(&mut doc.text, &doc.index, change.range, &change.text, unit);
            doc.index = Arc::new(LineIndex::new(&doc.text));
            if report.clamped || report.reversed {
                problems.push(format!(
                    "minutes-lint: change {i} of version {version} of {uri} had a range outside the document ({:?}); clamped",
                    change.range
                ));
            }
        }
        doc.version = version;
        for problem in problems {
            self.log(MessageType::WARNING, problem);
        }
        self.touch(&uri);
        self.enqueue(uri, true);
    }

    fn close(&mut self, uri: Url) {
        let Some(doc) = self.docs.remove(&uri) else {
            return;
        };
        self.queue.retain(|u| *u != uri);
        if doc.text.len() >= RETURN_MEMORY_AFTER {
            drop(doc.snapshot);
            drop(doc.text);
            // Lints and requests still in flight hold their copy a moment longer.
            self.runtime.spawn(async {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                let _ = tokio::task::spawn_blocking(return_free_memory).await;
            });
        }
        if doc.lintable {
            let _ = self.outbox.send(Outgoing::Publish {
                uri,
                diagnostics: Vec::new(),
                version: None,
            });
        }
    }

    /// Forgets every document's config (it changed) and lints every open document again.
    fn relint_all(&mut self) {
        self.generation += 1;
        let uris: Vec<Url> = self.docs.keys().cloned().collect();
        for uri in uris {
            if let Some(doc) = self.docs.get_mut(&uri) {
                doc.snapshot = None;
            }
            self.enqueue(uri, false);
        }
    }

    /// The config in force for a document, resolved again after a config change. A broken
    /// config file is shown to the user once, and its last good config stays in force.
    fn document_config(&mut self, uri: &Url) -> Option<DocumentConfig> {
        let generation = self.generation;
        let doc = self.docs.get(uri)?;
        if let Some((config, resolved_in)) = &doc.config {
            if *resolved_in == generation {
                return Some(config.clone());
            }
        }
        let path = paths::file_path(uri);
        let (config, error) = self.config.for_document(path.as_deref());
        if let Some(e) = error {
            let _ = self.outbox.send(Outgoing::Show(
                MessageType::ERROR,
                format!("minutes-lint: {e} (the last good configuration stays in force)"),
            ));
        }
        let doc = self.docs.get_mut(uri)?;
        doc.config = Some((config.clone(), generation));
        Some(config)
    }

    /// The snapshot of a document's current version and config, made once and shared.
    fn snapshot(&mut self, uri: &Url) -> Option<Arc<Snapshot>> {
        let config = self.document_config(uri)?;
        let unit = self.unit;
        let doc = self.docs.get_mut(uri)?;
        let snapshot = doc.snapshot.get_or_insert_with(|| {
            Arc::new(Snapshot::new(
                uri.clone(),
                doc.version,
                doc.text.clone(),
                doc.index.clone(),
                unit,
                config.config,
                config.relative_path,
            ))
        });
        Some(snapshot.clone())
    }

    fn touch(&mut self, uri: &Url) {
        self.clock += 1;
        if let Some(doc) = self.docs.get_mut(uri) {
            doc.used = self.clock;
        }
    }

    /// Lets go of the analyses of all but the [`KEEP_ANALYSED`] most recently used documents
    /// (a lint or request still holding one keeps it until done).
    fn forget_idle_analyses(&mut self) {
        let mut analysed: Vec<(u64, &mut Doc)> = self
            .docs
            .values_mut()
            .filter(|d| !d.linting && d.snapshot.as_ref().is_some_and(|s| s.is_analysed()))
            .map(|d| (d.used, d))
            .collect();
        if analysed.len() <= KEEP_ANALYSED {
            return;
        }
        analysed.sort_by_key(|(used, _)| std::cmp::Reverse(*used));
        for (_, doc) in analysed.into_iter().skip(KEEP_ANALYSED) {
            doc.snapshot = None;
        }
    }

    fn enqueue(&mut self, uri: Url, first: bool) {
        let Some(doc) = self.docs.get_mut(&uri) else {
            return;
        };
        if !doc.lintable {
            return;
        }
        if doc.queued {
            if first {
                // An edit: this document goes before the ones waiting after a config change.
                self.queue.retain(|u| *u != uri);
                self.queue.push_front(uri);
            }
        } else if !doc.linting {
            doc.queued = true;
            if first {
                self.queue.push_front(uri);
            } else {
                self.queue.push_back(uri);
            }
        }
        self.dispatch();
    }

    /// Hands queued documents to idle lint workers.
    fn dispatch(&mut self) {
        while let Some(&worker) = self.idle.last() {
            let Some(uri) = self.queue.pop_front() else {
                return;
            };
            let Some(doc) = self.docs.get_mut(&uri) else {
                continue;
            };
            doc.queued = false;
            let Some(snapshot) = self.snapshot(&uri) else {
                continue;
            };
            if self.workers[worker].send(snapshot).is_err() {
                // A worker that is gone takes no more work; its document waits for the others.
                self.idle.pop();
                if let Some(doc) = self.docs.get_mut(&uri) {
                    doc.queued = true;
                }
                self.queue.push_front(uri);
                continue;
            }
            self.idle.pop();
            if let Some(doc) = self.docs.get_mut(&uri) {
                doc.linting = true;
            }
        }
    }

    fn linted(&mut self, snapshot: Arc<Snapshot>, diagnostics: Result<Vec<lsp::Diagnostic>, String>) {
        let uri = snapshot.uri.clone();
        let generation = self.generation;
        let current = match self.docs.get_mut(&uri) {
            None => false,
            Some(doc) => {
                doc.linting = false;
                let current = doc.version == snapshot.version
                    && doc.config.as_ref().is_some_and(|(_, g)| *g == generation)
                    && doc.snapshot.as_ref().is_some_and(|s| Arc::ptr_eq(s, &snapshot));
                let key = (snapshot.version, generation);
                match diagnostics {
                    // Never an older version than the store holds, nor the same one twice.
                    Ok(diagnostics) if current && doc.published != Some(key) => {
                        doc.published = Some(key);
                        let _ = self.outbox.send(Outgoing::Publish {
                            uri: uri.clone(),
                            diagnostics,
                            version: Some(snapshot.version),
                        });
                    }
                    Ok(_) => {}
                    // Logged, and not tried again: the same text would panic again.
                    Err(panic) => self.log(
                        MessageType::ERROR,
                        format!(
                            "minutes-lint: internal error while linting {uri} (version {}): {panic}",
                            snapshot.version
                        ),
                    ),
                }
                current
            }
        };
        drop(snapshot);
        self.forget_idle_analyses();
        if !current {
            // Edited or reconfigured meanwhile: lint the newest version next.
            self.enqueue(uri, true);
        } else {
            self.dispatch();
        }
        if self.idle.len() == self.workers.len() && self.queue.is_empty() {
            // A lint's scratch memory is freed by now; without this, glibc keeps it in
            // per-thread arenas and a hundred open drafts look twice their size.
            return_free_memory();
        }
    }

    /// Where config edits for a document go: the config file in force, else a new one at the
    /// root of its workspace folder (or beside it).
    fn config_place(&mut self, uri: &Url) -> Option<ConfigPlace> {
        let path = paths::file_path(uri)?;
        let config = self.document_config(uri)?;
        let file = match config.file {
            Some(file) => file,
            None => {
                let root = self
                    .roots
                    .iter()
                    .filter(|r| path.starts_with(r))
                    .max_by_key(|r| r.as_os_str().len())
                    .cloned()
                    .or_else(|| path.parent().map(Path::to_path_buf))?;
                root.join(CONFIG_FILE_NAME)
            }
        };
        let open_text = Url::from_file_path(&file)
            .ok()
            .and_then(|u| self.docs.get(&u).map(|d| d.text.clone()));
        let dir = file.parent().unwrap_or(Path::new("/"));
        let relative_path = path
            .strip_prefix(dir)
            .map(|r| {
                r.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_else(|_| {
                format!(
                    "**/{}",
                    path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
                )
            });
        Some(ConfigPlace {
            file,
            open_text,
            relative_path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::Position;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    fn edit(text: &str, range: (Position, Position), new: &str, unit: ColumnUnit) -> (String, ChangeReport) {
        let mut shared = Arc::new(text.to_string());
        let index = LineIndex::new(text);
        let report = apply_change(&mut shared, &index, Some(Range::new(range.0, range.1)), new, unit);
        (shared.to_string(), report)
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let (out, r) = edit("a😀b\nx", (pos(0, 3), pos(0, 4)), "B", ColumnUnit::Utf16);
        assert_eq!(out, "a😀B\nx");
        assert_eq!(r, ChangeReport::default());
    }

    #[test]
    fn utf8_columns_count_bytes() {
        let (out, _) = edit("é😀b", (pos(0, 6), pos(0, 7)), "B", ColumnUnit::Utf8);
        assert_eq!(out, "é😀B");
    }

    #[test]
    fn mid_surrogate_and_past_end_are_clamped() {
        let (out, r) = edit("😀b\r\nx", (pos(0, 1), pos(0, 1)), "|", ColumnUnit::Utf16);
        assert_eq!(out, "|😀b\r\nx");
        assert!(r.clamped);
        let (out, r) = edit("ab\r\nx", (pos(0, 99), pos(0, 99)), "|", ColumnUnit::Utf16);
        assert_eq!(out, "ab|\r\nx");
        assert!(r.clamped);
        let (out, r) = edit("ab", (pos(7, 0), pos(9, 0)), "!", ColumnUnit::Utf16);
        assert_eq!(out, "ab!");
        assert!(r.clamped);
    }

    #[test]
    fn lone_cr_breaks_lines() {
        let (out, _) = edit("a\rb\rc", (pos(2, 0), pos(2, 1)), "C", ColumnUnit::Utf16);
        assert_eq!(out, "a\rb\rC");
    }

    #[test]
    fn reversed_ranges_are_swapped() {
        let (out, r) = edit("abcdef", (pos(0, 4), pos(0, 1)), "", ColumnUnit::Utf16);
        assert_eq!(out, "aef");
        assert!(r.reversed);
    }

    #[test]
    fn a_shared_text_is_copied_and_an_own_one_changed_in_place() {
        let index = LineIndex::new("abc");
        let mut text = Arc::new("abc".to_string());
        let held = text.clone();
        apply_change(
            &mut text,
            &index,
            Some(Range::new(pos(0, 1), pos(0, 1))),
            "X",
            ColumnUnit::Utf16,
        );
        assert_eq!(
            (held.as_str(), text.as_str()),
            ("abc", "aXbc"),
            "the snapshot keeps its text"
        );
        let room = text.capacity() - text.len();
        assert!(room >= 64, "the copy leaves room for typing: {room}");
        let before = text.as_ptr();
        let index = LineIndex::new(&text);
        apply_change(
            &mut text,
            &index,
            Some(Range::new(pos(0, 4), pos(0, 4))),
            "!",
            ColumnUnit::Utf16,
        );
        assert_eq!(text.as_str(), "aXbc!");
        assert_eq!(text.as_ptr(), before, "changed in place");
    }
}
