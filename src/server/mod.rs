//! The language server: `minutes-lint server` speaks LSP over stdio.
//!
//! Layout: [`store`] owns the state (documents, config, workspace folders) on a thread of its
//! own, applies edits and hands out immutable snapshots; [`analysis`] is one version's snapshot
//! and its lint; [`convert`] turns byte spans into LSP positions (and back) through the core's
//! line index; [`settings`] decides the config per document; the features live in [`actions`],
//! [`hover`], [`completion`], [`definition`] and [`symbols`]; [`transport`] frames the JSON-RPC
//! messages on stdio for tower-lsp's service, skipping malformed ones; [`words`] reads the
//! core's shared acronym and people analyses. The `LanguageServer` impl below only turns
//! messages into store events and runs features on snapshots.
//!
//! Nothing here writes to stdout except the protocol; logs go to the client (window/logMessage)
//! or stderr.

pub mod actions;
pub mod analysis;
pub mod completion;
pub mod config_edit;
pub mod convert;
pub mod definition;
pub mod hover;
pub mod inlay;
pub mod paths;
pub mod settings;
pub mod store;
pub mod symbols;
pub mod transport;
pub mod words;

use crate::core::config::CONFIG_FILE_NAME;
use crate::core::text::ColumnUnit;
use analysis::{Analysed, Snapshot};
use serde_json::Value;
use settings::{is_config_file, ClientSettings};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use store::{Event, Events};
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

/// What the client said of itself at `initialize`; fixed from then on.
#[derive(Debug, Default, Clone, Copy)]
struct ClientFacts {
    configuration: bool,
    watch_dynamic: bool,
    /// It asks `codeAction/resolve` for an action's edit.
    resolves_edits: bool,
}

/// The `LanguageServer` implementation: each handler turns its message into an [`Event`] for the
/// store (before any `.await`), or asks the store for a snapshot and runs the feature on it off
/// the async runtime's threads.
#[derive(Debug, Clone)]
pub struct Backend {
    client: Client,
    store: Events,
    facts: Arc<OnceLock<ClientFacts>>,
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
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(actions::kinds()),
            work_done_progress_options: WorkDoneProgressOptions::default(),
            resolve_provider: Some(true),
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
    /// Starts the document store; must be called inside the tokio runtime.
    pub fn new(client: Client) -> Self {
        Backend {
            store: store::start(client.clone()),
            client,
            facts: Arc::new(OnceLock::new()),
        }
    }

    fn facts(&self) -> ClientFacts {
        self.facts.get().copied().unwrap_or_default()
    }

    fn send(&self, event: Event) {
        // The store only stops when the server does.
        let _ = self.store.send(event);
    }

    async fn log(&self, typ: MessageType, message: impl std::fmt::Display) {
        self.client.log_message(typ, message).await;
    }

    /// The document's current snapshot (None when it is not open).
    async fn snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.send(Event::Snapshot {
            uri: uri.clone(),
            reply,
        });
        answer.await.ok().flatten()
    }

    /// Runs `feature` on the analysis of the document's current version, on the blocking pool
    /// (the analysis is computed there if no lint has yet). None when the document is not open
    /// or its lint panicked (logged).
    async fn with_analysis<T: Send + 'static>(
        &self,
        uri: &Url,
        feature: impl FnOnce(&Analysed) -> T + Send + 'static,
    ) -> Option<T> {
        let snapshot = self.snapshot(uri).await?;
        let version = snapshot.version;
        let outcome = tokio::task::spawn_blocking(move || Analysed::new(snapshot).map(|a| feature(&a))).await;
        match outcome {
            Ok(Ok(answer)) => Some(answer),
            Ok(Err(panic)) => {
                self.log(
                    MessageType::ERROR,
                    format!("minutes-lint: internal error while linting {uri} (version {version}): {panic}"),
                )
                .await;
                None
            }
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!("minutes-lint: a task failed for {uri}: {e}"),
                )
                .await;
                None
            }
        }
    }

    /// Runs `feature` at a position: the analysis and the byte offset of `pos` (clamped and
    /// logged).
    async fn at<T: Send + 'static>(
        &self,
        uri: &Url,
        pos: Position,
        feature: impl FnOnce(&Analysed, usize) -> T + Send + 'static,
    ) -> Option<T> {
        let (clamped, answer) = self
            .with_analysis(uri, move |analysis| {
                let (offset, clamped) = analysis.lines().offset(pos);
                (clamped, feature(analysis, offset))
            })
            .await?;
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
        Some(answer)
    }

    async fn fetch_settings(&self) {
        if !self.facts().configuration {
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
        self.send(Event::Settings(settings));
        for problem in problems {
            self.client
                .show_message(MessageType::WARNING, format!("minutes-lint: {problem}"))
                .await;
        }
    }

    /// Where config edits for a document go, with the config file's current text (read from the
    /// disk on the blocking pool when the file is not open).
    async fn config_target(&self, uri: &Url) -> Option<actions::ConfigTarget> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.send(Event::ConfigTarget {
            uri: uri.clone(),
            reply,
        });
        let place = answer.await.ok().flatten()?;
        let existing = match place.open_text {
            Some(text) => Some(text.to_string()),
            None => {
                let file = place.file.clone();
                tokio::task::spawn_blocking(move || std::fs::read_to_string(file).ok())
                    .await
                    .ok()
                    .flatten()
            }
        };
        Some(actions::ConfigTarget {
            file: place.file,
            existing,
            relative_path: place.relative_path,
        })
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let unit = negotiate_encoding(&params);
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
        self.send(Event::Initialize { unit, roots });
        let workspace = params.capabilities.workspace.as_ref();
        let resolves_edits = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.code_action.as_ref())
            .and_then(|c| c.resolve_support.as_ref())
            .is_some_and(|r| r.properties.iter().any(|p| p == "edit"));
        let _ = self.facts.set(ClientFacts {
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            watch_dynamic: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            resolves_edits,
        });
        Ok(InitializeResult {
            capabilities: capabilities(unit),
            server_info: Some(ServerInfo {
                name: "minutes-lint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.facts().watch_dynamic {
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
        self.send(Event::Open {
            uri: doc.uri,
            version: doc.version,
            text: doc.text,
        });
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.send(Event::Change {
            uri: params.text_document.uri,
            version: params.text_document.version,
            changes: params.content_changes,
        });
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if paths::file_path(&params.text_document.uri).is_some_and(|p| is_config_file(&p)) {
            self.send(Event::ConfigFilesChanged);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.send(Event::Close {
            uri: params.text_document.uri,
        });
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let section = params.settings.get(SETTINGS_SECTION).cloned();
        match section {
            Some(value) => self.apply_settings(&value).await,
            None if self.facts().configuration => self.fetch_settings().await,
            None => self.apply_settings(&params.settings).await,
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params
            .changes
            .iter()
            .any(|c| paths::file_path(&c.uri).is_some_and(|p| is_config_file(&p)));
        if config_changed {
            self.send(Event::ConfigFilesChanged);
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let paths = |folders: Vec<WorkspaceFolder>| folders.iter().filter_map(|f| paths::file_path(&f.uri)).collect();
        self.send(Event::Folders {
            added: paths(params.event.added),
            removed: paths(params.event.removed),
        });
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let lazy = self.facts().resolves_edits;
        let only = params.context.only.clone();
        let quick = actions::wanted(only.as_ref(), CodeActionKind::QUICKFIX.as_str());
        let fix_all = actions::wanted(only.as_ref(), actions::FIX_ALL_KIND)
            && (only.is_some() || !params.context.diagnostics.is_empty());
        let target = if quick { self.config_target(&uri).await } else { None };
        let (range, sent) = (params.range, params.context.diagnostics);
        let answer = self
            .with_analysis(&uri, move |analysis| {
                let mut out = Vec::new();
                if quick {
                    out.extend(actions::quick_fixes(analysis, range, &sent, lazy));
                    if let Some(target) = &target {
                        out.extend(actions::config_actions(Some(analysis), &sent, target, analysis.unit));
                    }
                }
                let mut failed = None;
                if fix_all {
                    match actions::fix_all_action(analysis, lazy) {
                        Ok(action) => out.extend(action),
                        Err(panic) => failed = Some(panic),
                    }
                }
                (out, failed)
            })
            .await;
        let Some((out, failed)) = answer else {
            return Ok(None);
        };
        if let Some(panic) = failed {
            self.log(
                MessageType::ERROR,
                format!("minutes-lint: internal error while fixing {uri}: {panic}"),
            )
            .await;
        }
        Ok(Some(out))
    }

    async fn code_action_resolve(&self, action: CodeAction) -> RpcResult<CodeAction> {
        let Some(data) = action
            .data
            .clone()
            .and_then(|v| serde_json::from_value::<actions::ActionData>(v).ok())
        else {
            return Ok(action);
        };
        let unresolved = action.clone();
        let resolved = self
            .with_analysis(&data.uri, move |analysis| actions::resolve(analysis, action))
            .await;
        match resolved {
            Some(Ok(action)) => Ok(action),
            Some(Err(panic)) => {
                self.log(
                    MessageType::ERROR,
                    format!("minutes-lint: internal error while fixing {}: {panic}", data.uri),
                )
                .await;
                Ok(unresolved)
            }
            None => Ok(unresolved),
        }
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let p = params.text_document_position_params;
        Ok(self
            .at(&p.text_document.uri, p.position, |analysis, offset| {
                hover::hover(analysis, offset)
            })
            .await
            .flatten())
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let p = params.text_document_position;
        Ok(self
            .at(&p.text_document.uri, p.position, |analysis, offset| {
                CompletionResponse::Array(completion::complete(analysis, offset))
            })
            .await)
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> RpcResult<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        let found = self
            .at(&uri, p.position, |analysis, offset| {
                let lines = analysis.lines();
                definition::definition(analysis, offset)
                    .into_iter()
                    .map(|span| Location::new(analysis.uri.clone(), lines.range(span)))
                    .collect::<Vec<_>>()
            })
            .await
            .unwrap_or_default();
        Ok((!found.is_empty()).then_some(GotoDefinitionResponse::Array(found)))
    }

    async fn references(&self, params: ReferenceParams) -> RpcResult<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let declarations = params.context.include_declaration;
        let found = self
            .at(&p.text_document.uri, p.position, move |analysis, offset| {
                let lines = analysis.lines();
                definition::references(analysis, offset, declarations)
                    .into_iter()
                    .map(|span| Location::new(analysis.uri.clone(), lines.range(span)))
                    .collect::<Vec<_>>()
            })
            .await
            .unwrap_or_default();
        Ok((!found.is_empty()).then_some(found))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> RpcResult<Option<DocumentSymbolResponse>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis| {
                DocumentSymbolResponse::Nested(symbols::document_symbols(analysis))
            })
            .await)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        let range = params.range;
        Ok(self
            .with_analysis(&params.text_document.uri, move |analysis| {
                inlay::inlay_hints(analysis, Some(range))
            })
            .await)
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> RpcResult<Option<Vec<FoldingRange>>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis| symbols::folding_ranges(analysis))
            .await)
    }
}
