//! The language server: `minutes-lint server` speaks LSP over stdio.
//!
//! Layout: [`document`] holds the ropes and applies edits; [`convert`] turns byte spans into
//! LSP positions through the core's line index; [`analysis`] lints one version (catching
//! panics); [`settings`] decides the config per document; the features live in [`actions`],
//! [`hover`], [`completion`], [`definition`] and [`symbols`]; [`transport`] frames the
//! JSON-RPC messages on stdio for tower-lsp's service, skipping malformed ones; [`words`] is the acronym and people
//! lookup that will switch to the core's shared analyses.
//!
//! Nothing here writes to stdout except the protocol; logs go to the client (window/logMessage)
//! or stderr.

pub mod actions;
pub mod analysis;
pub mod completion;
pub mod config_edit;
pub mod convert;
pub mod definition;
pub mod document;
pub mod hover;
pub mod paths;
pub mod settings;
pub mod symbols;
pub mod transport;
pub mod words;

use crate::core::config::CONFIG_FILE_NAME;
use crate::core::text::ColumnUnit;
use analysis::{analyse, Analysis};
use document::Document;
use serde_json::Value;
use settings::{is_config_file, ClientSettings, ConfigState};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp::jsonrpc::Result as RpcResult;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService};

/// The section of client settings the server reads.
pub const SETTINGS_SECTION: &str = "minutes-lint";

/// Runs the server on stdin/stdout until the client says `exit` or closes the stream.
pub fn run() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("minutes-lint server: cannot start the runtime: {e}");
            return 2;
        }
    };
    tune_allocator();
    let shutdown = Arc::new(AtomicBool::new(false));
    let exit = Arc::new(tokio::sync::Notify::new());
    runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        let service = ExitWatch {
            inner: service,
            shutdown: shutdown.clone(),
            exit: exit.clone(),
        };
        // The transport only notices `exit` when the next message arrives: stop as soon as it is seen.
        tokio::select! {
            _ = transport::serve(tokio::io::stdin(), tokio::io::stdout(), service, socket) => {}
            _ = exit.notified() => {}
        }
    });
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    // LSP: exit code 0 after a shutdown request, 1 otherwise.
    if shutdown.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// Passes every message to the service, noting `shutdown` and signalling `exit`.
struct ExitWatch<S> {
    inner: S,
    shutdown: Arc<AtomicBool>,
    exit: Arc<tokio::sync::Notify>,
}

impl<S: tower_service::Service<tower_lsp::jsonrpc::Request>> tower_service::Service<tower_lsp::jsonrpc::Request>
    for ExitWatch<S>
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: tower_lsp::jsonrpc::Request) -> S::Future {
        match request.method() {
            "shutdown" => self.shutdown.store(true, Ordering::SeqCst),
            "exit" => self.exit.notify_one(),
            _ => {}
        }
        self.inner.call(request)
    }
}

/// Closing a document at least this big hands the freed memory back to the system.
const RETURN_MEMORY_AFTER: usize = 1 << 20;

/// glibc's malloc keeps freed memory in its arenas, so a closed 50 MB document would leave the
/// server's resident size at its peak: ask it to give free pages back (elsewhere, a no-op).
fn return_free_memory() {
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

/// Allocations at least this big get pages of their own, returned to the system when freed.
const OWN_PAGES_FROM: std::ffi::c_int = 4 << 20;

/// glibc raises its mmap threshold to the largest block ever freed (up to 32 MB), and its trim
/// threshold with it: after one huge document, tens of megabytes of buffers would live in the
/// heap and stay resident when freed. A fixed threshold keeps huge buffers on pages of their
/// own (a document under 4 MB is unaffected) and lets freed heap tops go back.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
        // SAFETY: mallopt takes plain integers; it runs before the runtime starts any thread.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, OWN_PAGES_FROM);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[derive(Debug, Default, Clone, Copy)]
struct ClientFlags {
    configuration: bool,
    watch_dynamic: bool,
}

#[derive(Debug)]
struct Shared {
    docs: Mutex<HashMap<Url, Document>>,
    unit: Mutex<ColumnUnit>,
    config: Mutex<ConfigState>,
    /// Held while checking a version and publishing, so that diagnostics go out in version order.
    publish: tokio::sync::Mutex<()>,
    roots: Mutex<Vec<PathBuf>>,
    flags: Mutex<ClientFlags>,
    /// Bumped whenever the configuration changes, so that a lint started under the old
    /// configuration is not kept as the answer for the new one.
    config_generation: std::sync::atomic::AtomicU64,
}

impl Shared {
    fn config_generation(&self) -> u64 {
        self.config_generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn version_of(&self, uri: &Url) -> Option<i32> {
        lock(&self.docs).get(uri).map(|d| d.version)
    }
}

/// The `LanguageServer` implementation.
#[derive(Debug, Clone)]
pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

/// Negotiates the position encoding: UTF-8 when the client offers it, else UTF-16.
pub fn negotiate_encoding(params: &InitializeParams) -> ColumnUnit {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => ColumnUnit::Utf8,
        _ => ColumnUnit::Utf16,
    }
}

/// What the server offers.
pub fn capabilities(unit: ColumnUnit) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match unit {
            ColumnUnit::Utf8 => PositionEncodingKind::UTF8,
            _ => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            will_save: None,
            will_save_wait_until: None,
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".to_string()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(actions::kinds()),
            work_done_progress_options: WorkDoneProgressOptions::default(),
            resolve_provider: Some(false),
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            shared: Arc::new(Shared {
                docs: Mutex::new(HashMap::new()),
                unit: Mutex::new(ColumnUnit::Utf16),
                config: Mutex::new(ConfigState::default()),
                publish: tokio::sync::Mutex::new(()),
                roots: Mutex::new(Vec::new()),
                flags: Mutex::new(ClientFlags::default()),
                config_generation: std::sync::atomic::AtomicU64::new(0),
            }),
        }
    }

    fn unit(&self) -> ColumnUnit {
        *lock(&self.shared.unit)
    }

    async fn log(&self, typ: MessageType, message: impl std::fmt::Display) {
        self.client.log_message(typ, message).await;
    }

    fn is_lintable(uri: &Url) -> bool {
        !paths::file_path(uri).is_some_and(|p| is_config_file(&p))
    }

    /// Lints the current version in the background and publishes its diagnostics.
    /// A task that finds a newer version in the store leaves the work to that version's task.
    fn spawn_lint(&self, uri: Url, version: i32) {
        let this = self.clone();
        tokio::spawn(async move { this.lint_and_publish(uri, version).await });
    }

    /// Forgets every analysis (the config changed) and lints every open document again.
    fn relint_all(&self) {
        let uris: Vec<(Url, i32)> = {
            let mut docs = lock(&self.shared.docs);
            self.shared
                .config_generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            docs.values_mut().for_each(|d| d.analysis = None);
            docs.iter().map(|(u, d)| (u.clone(), d.version)).collect()
        };
        for (uri, version) in uris {
            self.spawn_lint(uri, version);
        }
    }

    /// Analyses the document's current version; None when it is closed, was superseded while
    /// linting, or the core panicked (logged).
    async fn analyse_current(&self, uri: &Url) -> Option<Arc<Analysis>> {
        let (rope, version) = {
            let docs = lock(&self.shared.docs);
            let doc = docs.get(uri)?;
            if let Some(done) = doc.current_analysis() {
                return Some(done);
            }
            (doc.rope.clone(), doc.version)
        };
        let generation = self.shared.config_generation();
        let shared = self.shared.clone();
        let unit = self.unit();
        let task_uri = uri.clone();
        // Config lookup reads the disk: it runs with the lint, off the async runtime's threads.
        let result = tokio::task::spawn_blocking(move || {
            if shared.version_of(&task_uri) != Some(version) {
                return (None, None);
            }
            let path = paths::file_path(&task_uri);
            let (doc_config, error) = lock(&shared.config).for_document(path.as_deref());
            let analysis = analyse(
                &task_uri,
                version,
                rope.to_string(),
                doc_config.config,
                doc_config.relative_path,
                unit,
            );
            (Some(analysis), error)
        })
        .await;
        let result = match result {
            Ok((analysis, error)) => {
                if let Some(e) = error {
                    self.client
                        .show_message(
                            MessageType::ERROR,
                            format!("minutes-lint: {e} (the last good configuration stays in force)"),
                        )
                        .await;
                }
                Ok(analysis)
            }
            Err(e) => Err(e),
        };
        let analysis = match result {
            Ok(Some(Ok(analysis))) => Arc::new(analysis),
            Ok(None) => return None,
            Ok(Some(Err(panic))) => {
                self.log(
                    MessageType::ERROR,
                    format!("minutes-lint: internal error while linting {uri} (version {version}): {panic}"),
                )
                .await;
                return None;
            }
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!("minutes-lint: lint task failed for {uri}: {e}"),
                )
                .await;
                return None;
            }
        };
        let mut docs = lock(&self.shared.docs);
        let doc = docs.get_mut(uri)?;
        if doc.version != version || self.shared.config_generation() != generation {
            return None;
        }
        // Another task may have finished the same version first: share its result.
        if let Some(done) = doc.current_analysis() {
            return Some(done);
        }
        doc.analysis = Some(analysis.clone());
        Some(analysis)
    }

    /// Lints and publishes; at most one lint per document runs at a time, and edits arriving
    /// meanwhile are coalesced into one more lint of the newest version when it finishes.
    async fn lint_and_publish(&self, uri: Url, version: i32) {
        if !Self::is_lintable(&uri) {
            return;
        }
        {
            let mut docs = lock(&self.shared.docs);
            let Some(doc) = docs.get_mut(&uri) else {
                return;
            };
            if doc.version != version {
                return; // A newer version's task takes over.
            }
            if doc.linting {
                doc.relint = true;
                return;
            }
            doc.linting = true;
        }
        loop {
            let attempted = self.shared.version_of(&uri);
            if let Some(analysis) = self.analyse_current(&uri).await {
                self.publish(&uri, analysis).await;
            }
            let mut docs = lock(&self.shared.docs);
            let Some(doc) = docs.get_mut(&uri) else {
                return;
            };
            // Not "no analysis": a panicking lint must not loop.
            if doc.relint || Some(doc.version) != attempted {
                doc.relint = false;
                continue;
            }
            doc.linting = false;
            drop(docs);
            // A lint's scratch memory (analyses, the JSON sent) is freed by now; without this,
            // glibc keeps it in per-thread arenas and a hundred open drafts look twice their size.
            return_free_memory();
            return;
        }
    }

    async fn publish(&self, uri: &Url, analysis: Arc<Analysis>) {
        let _order = self.shared.publish.lock().await;
        // Never publish for a version older than the store holds (or for a closed document),
        // nor the same analysis twice.
        {
            let mut docs = lock(&self.shared.docs);
            let Some(doc) = docs.get_mut(uri) else {
                return;
            };
            if doc.version != analysis.version || doc.published.as_ref().is_some_and(|p| Arc::ptr_eq(p, &analysis)) {
                return;
            }
            doc.published = Some(analysis.clone());
        }
        self.client
            .publish_diagnostics(uri.clone(), analysis.diagnostics(), Some(analysis.version))
            .await;
    }

    /// The analysis for a request and the byte offset of `pos` in it (clamped and logged).
    async fn at(&self, uri: &Url, pos: Position) -> Option<(Arc<Analysis>, usize)> {
        let analysis = self.analyse_current(uri).await?;
        let (offset, clamped) = analysis.lines().offset(pos);
        if clamped {
            self.log(
                MessageType::WARNING,
                format!(
                    "minutes-lint: position {}:{} is outside {uri}; clamped",
                    pos.line, pos.character
                ),
            )
            .await;
        }
        Some((analysis, offset))
    }

    async fn fetch_settings(&self) {
        if !lock(&self.shared.flags).configuration {
            return;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some(SETTINGS_SECTION.to_string()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => {
                let value = values.into_iter().next().unwrap_or(Value::Null);
                self.apply_settings(&value).await;
            }
            Err(e) => {
                self.log(
                    MessageType::WARNING,
                    format!("minutes-lint: workspace/configuration failed: {e}"),
                )
                .await
            }
        }
    }

    async fn apply_settings(&self, value: &Value) {
        let (settings, problems) = ClientSettings::from_json(value);
        for problem in problems {
            self.client
                .show_message(MessageType::WARNING, format!("minutes-lint: {problem}"))
                .await;
        }
        let changed = lock(&self.shared.config).set_settings(settings);
        if changed {
            self.relint_all();
        }
    }

    /// Where config edits for a document go. Reads the disk: call it off the runtime's threads.
    fn config_target(shared: &Shared, uri: &Url) -> Option<actions::ConfigTarget> {
        let path = paths::file_path(uri)?;
        let (doc_config, _) = lock(&shared.config).for_document(Some(&path));
        let file = match doc_config.file {
            Some(file) => file,
            None => {
                let roots = lock(&shared.roots);
                let root = roots
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
            .and_then(|u| lock(&shared.docs).get(&u).map(|d| d.rope.to_string()));
        let existing = open_text.or_else(|| std::fs::read_to_string(&file).ok());
        let dir = file.parent().unwrap_or(Path::new("/"));
        let relative = path
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
        Some(actions::ConfigTarget {
            file,
            existing,
            relative_path: relative,
        })
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let unit = negotiate_encoding(&params);
        *lock(&self.shared.unit) = unit;
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| paths::file_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(paths::file_path));
        }
        *lock(&self.shared.roots) = roots;
        let workspace = params.capabilities.workspace.as_ref();
        *lock(&self.shared.flags) = ClientFlags {
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            watch_dynamic: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        };
        Ok(InitializeResult {
            capabilities: capabilities(unit),
            server_info: Some(ServerInfo {
                name: "minutes-lint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let flags = *lock(&self.shared.flags);
        if flags.watch_dynamic {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE_NAME}")),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "minutes-lint-config-watch".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                self.log(
                    MessageType::WARNING,
                    format!("minutes-lint: cannot watch config files: {e}"),
                )
                .await;
            }
        }
        self.fetch_settings().await;
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let uri = doc.uri.clone();
        let version = doc.version;
        lock(&self.shared.docs).insert(
            uri.clone(),
            Document::new(doc.uri, doc.language_id, doc.version, &doc.text),
        );
        self.spawn_lint(uri, version);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // Applied before any .await: handlers may run concurrently.
        let unit = self.unit();
        let uri = params.text_document.uri;
        let mut problems = Vec::new();
        let opened = {
            let mut docs = lock(&self.shared.docs);
            match docs.get_mut(&uri) {
                Some(doc) => {
                    for (i, change) in params.content_changes.iter().enumerate() {
                        let report = doc.apply_change(change, unit);
                        if report.clamped || report.reversed {
                            problems.push(format!(
                                "minutes-lint: change {i} of version {} of {uri} had a range outside the document ({:?}); clamped",
                                params.text_document.version, change.range
                            ));
                        }
                    }
                    doc.version = params.text_document.version;
                    doc.analysis = None;
                    true
                }
                None => false,
            }
        };
        if !opened {
            self.log(
                MessageType::WARNING,
                format!("minutes-lint: didChange for {uri}, which is not open; ignored"),
            )
            .await;
            return;
        }
        if paths::file_path(&uri).is_some_and(|p| is_config_file(&p)) {
            return;
        }
        self.spawn_lint(uri, params.text_document.version);
        for problem in problems {
            self.log(MessageType::WARNING, problem).await;
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if paths::file_path(&params.text_document.uri).is_some_and(|p| is_config_file(&p)) {
            lock(&self.shared.config).files_changed();
            self.relint_all();
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        // Removed before any .await, like every change to the store.
        let removed = lock(&self.shared.docs).remove(&uri);
        let was_open = removed.is_some();
        if removed.is_some_and(|d| d.rope.len_bytes() >= RETURN_MEMORY_AFTER) {
            // Analyses still in flight hold their copy a moment longer; trim once they are done.
            tokio::spawn(async {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                return_free_memory();
            });
        }
        if !was_open || !Self::is_lintable(&uri) {
            return;
        }
        let _order = self.shared.publish.lock().await;
        // Reopened meanwhile: its own lint publishes.
        if self.shared.version_of(&uri).is_none() {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let section = params.settings.get(SETTINGS_SECTION).cloned();
        match section {
            Some(value) => self.apply_settings(&value).await,
            None if lock(&self.shared.flags).configuration => self.fetch_settings().await,
            None => self.apply_settings(&params.settings).await,
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params
            .changes
            .iter()
            .any(|c| paths::file_path(&c.uri).is_some_and(|p| is_config_file(&p)));
        if config_changed {
            lock(&self.shared.config).files_changed();
            self.relint_all();
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let mut roots = lock(&self.shared.roots);
        for removed in params.event.removed {
            if let Some(path) = paths::file_path(&removed.uri) {
                roots.retain(|r| *r != path);
            }
        }
        roots.extend(params.event.added.into_iter().filter_map(|f| paths::file_path(&f.uri)));
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(version) = self.shared.version_of(&uri) else {
            return Ok(None);
        };
        let only = params.context.only.as_ref();
        let mut out = Vec::new();
        if actions::wanted(only, CodeActionKind::QUICKFIX.as_str()) {
            out.extend(actions::quick_fixes(&uri, version, &params.context.diagnostics));
            let analysis = self.analyse_current(&uri).await;
            if out.is_empty() {
                // The client did not send our diagnostics back with their data: use the last lint.
                if let Some(analysis) = &analysis {
                    let (span, _) = analysis.lines().span(params.range);
                    let ours: Vec<Diagnostic> = analysis
                        .linted
                        .diagnostics
                        .iter()
                        .zip(analysis.diagnostics())
                        .filter(|(d, _)| {
                            d.span.overlaps(span)
                                || d.span.contains(span.start)
                                || (d.span.is_empty() && span.contains(d.span.start))
                        })
                        .map(|(_, l)| l.clone())
                        .collect();
                    out.extend(actions::quick_fixes(&uri, version, &ours));
                }
            }
            let (shared, task_uri) = (self.shared.clone(), uri.clone());
            let target = tokio::task::spawn_blocking(move || Self::config_target(&shared, &task_uri))
                .await
                .ok()
                .flatten();
            if let Some(target) = target {
                out.extend(actions::config_actions(
                    analysis.as_deref(),
                    &params.context.diagnostics,
                    &target,
                    self.unit(),
                ));
            }
        }
        if actions::wanted(only, actions::FIX_ALL_KIND) && (only.is_some() || !params.context.diagnostics.is_empty()) {
            if let Some(analysis) = self.analyse_current(&uri).await {
                let this = analysis.clone();
                let task_uri = uri.clone();
                match tokio::task::spawn_blocking(move || actions::fix_all_action(&task_uri, &this)).await {
                    Ok(Ok(Some(action))) => out.push(action),
                    Ok(Ok(None)) => {}
                    Ok(Err(panic)) => {
                        self.log(
                            MessageType::ERROR,
                            format!("minutes-lint: internal error while fixing {uri}: {panic}"),
                        )
                        .await
                    }
                    Err(e) => {
                        self.log(MessageType::ERROR, format!("minutes-lint: fix task failed: {e}"))
                            .await
                    }
                }
            }
        }
        Ok(Some(out))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some((analysis, offset)) = self.at(&p.text_document.uri, p.position).await else {
            return Ok(None);
        };
        Ok(hover::hover(&analysis, offset))
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let Some((analysis, offset)) = self.at(&p.text_document.uri, p.position).await else {
            return Ok(None);
        };
        Ok(Some(CompletionResponse::Array(completion::complete(&analysis, offset))))
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> RpcResult<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        let Some((analysis, offset)) = self.at(&uri, p.position).await else {
            return Ok(None);
        };
        let lines = analysis.lines();
        let found: Vec<Location> = definition::definition(&analysis, offset)
            .into_iter()
            .map(|span| Location::new(uri.clone(), lines.range(span)))
            .collect();
        Ok((!found.is_empty()).then_some(GotoDefinitionResponse::Array(found)))
    }

    async fn references(&self, params: ReferenceParams) -> RpcResult<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let Some((analysis, offset)) = self.at(&uri, p.position).await else {
            return Ok(None);
        };
        let lines = analysis.lines();
        let declarations = params.context.include_declaration;
        let found: Vec<Location> = definition::references(&analysis, offset, declarations)
            .into_iter()
            .map(|span| Location::new(uri.clone(), lines.range(span)))
            .collect();
        Ok((!found.is_empty()).then_some(found))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Some(analysis) = self.analyse_current(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(DocumentSymbolResponse::Nested(symbols::document_symbols(
            &analysis,
        ))))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> RpcResult<Option<Vec<FoldingRange>>> {
        let Some(analysis) = self.analyse_current(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(symbols::folding_ranges(&analysis)))
    }
}
