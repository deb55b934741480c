//! Code actions: quick fixes carried in diagnostics' `data`, fix-all, and config edits
//! ("Allow RULE in this file", "Add ABC to known acronyms").

use crate::core::fix::fix_all;
use crate::core::text::{ColumnUnit, LineIndex};
use crate::server::analysis::{panic_message, Analysis};
use crate::server::config_edit;
use crate::server::convert::{minimal_edit, DiagnosticData, Lines, SOURCE};
use crate::server::words;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, Position,
    Range, ResourceOp, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

/// The kind of the fix-all action.
pub const FIX_ALL_KIND: &str = "source.fixAll.minutes-lint";

/// The code action kinds the server advertises.
pub fn kinds() -> Vec<CodeActionKind> {
    vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL_KIND)]
}

/// Whether the client asked for actions of `kind` (no `only` means every kind).
pub fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.map_or(true, |o| {
        o.iter()
            .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
    })
}

/// The rule name of one of our diagnostics.
pub fn rule_of(d: &lsp::Diagnostic) -> Option<&str> {
    if d.source.as_deref() != Some(SOURCE) {
        return None;
    }
    match &d.code {
        Some(NumberOrString::String(s)) => Some(s),
        _ => None,
    }
}

fn single_edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Quick fixes for the diagnostics the client sent, from their `data`, when computed for
/// `version` (stale fixes are not offered: their ranges would be wrong).
pub fn quick_fixes(uri: &Url, version: i32, diagnostics: &[lsp::Diagnostic]) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for d in diagnostics {
        if rule_of(d).is_none() {
            continue;
        }
        let Some(data) = d
            .data
            .clone()
            .and_then(|v| serde_json::from_value::<DiagnosticData>(v).ok())
        else {
            continue;
        };
        if data.version != version {
            continue;
        }
        let first_safe = data.fixes.iter().position(|f| f.safe);
        for (i, fix) in data.fixes.into_iter().enumerate() {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(single_edit(uri, fix.edits)),
                is_preferred: Some(Some(i) == first_safe),
                ..CodeAction::default()
            }));
        }
    }
    out
}

/// All safe fixes, applied until they converge, as one minimal edit.
pub fn fix_all_action(uri: &Url, analysis: &Analysis) -> Result<Option<CodeActionOrCommand>, String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        fix_all(&analysis.text, &analysis.config, analysis.path.as_deref(), false)
    }))
    .map_err(panic_message)?;
    let Some((span, new_text)) = minimal_edit(&analysis.text, &outcome.text) else {
        return Ok(None);
    };
    let edit = TextEdit::new(analysis.lines().range(span), new_text);
    Ok(Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("Fix all safely fixable problems ({})", outcome.total_applied()),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        edit: Some(single_edit(uri, vec![edit])),
        ..CodeAction::default()
    })))
}

/// Where config edits go: the config file in force, or a new one at the workspace root.
#[derive(Clone, Debug)]
pub struct ConfigTarget {
    pub file: PathBuf,
    /// The file's current text; None when it does not exist yet.
    pub existing: Option<String>,
    /// The document's path relative to the config file's folder.
    pub relative_path: String,
}

/// A workspace edit turning the config file into `new_text` (creating it when missing).
fn config_edit(target: &ConfigTarget, new_text: String, unit: ColumnUnit) -> Option<WorkspaceEdit> {
    let uri = Url::from_file_path(&target.file).ok()?;
    match &target.existing {
        Some(old) => {
            let (span, replacement) = minimal_edit(old, &new_text)?;
            let index = LineIndex::new(old);
            let range = Lines::new(old, &index, unit).range(span);
            Some(single_edit(&uri, vec![TextEdit::new(range, replacement)]))
        }
        None => Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(TextEdit::new(
                        Range::new(Position::new(0, 0), Position::new(0, 0)),
                        new_text,
                    ))],
                }),
            ])),
            ..WorkspaceEdit::default()
        }),
    }
}

/// "Allow RULE in this file" for each rule among the diagnostics, and "Add ABC to known
/// acronyms" for undefined acronyms.
pub fn config_actions(
    analysis: Option<&Analysis>,
    diagnostics: &[lsp::Diagnostic],
    target: &ConfigTarget,
    unit: ColumnUnit,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let mut seen_rules: Vec<String> = Vec::new();
    let mut seen_acronyms: Vec<String> = Vec::new();
    let base = target.existing.clone().unwrap_or_default();
    for d in diagnostics {
        let Some(rule) = rule_of(d) else { continue };
        if !seen_rules.iter().any(|r| r == rule) {
            seen_rules.push(rule.to_string());
            if let Some(new_text) = config_edit::allow_rule(&base, &target.relative_path, rule) {
                if let Some(edit) = config_edit(target, new_text, unit) {
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!("Allow {rule} in this file (minutes-lint.toml)"),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![d.clone()]),
                        edit: Some(edit),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        if rule == "undefined-acronym" {
            let Some(analysis) = analysis else { continue };
            let lines = analysis.lines();
            let (span, _) = lines.span(d.range);
            let Some(acronym) = words::acronym_at(analysis, span.start).map(|(info, _)| info.name.clone()) else {
                continue;
            };
            if seen_acronyms.contains(&acronym) {
                continue;
            }
            seen_acronyms.push(acronym.clone());
            if let Some(new_text) = config_edit::add_known_acronym(&base, &acronym) {
                if let Some(edit) = config_edit(target, new_text, unit) {
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!("Add {acronym} to known acronyms (minutes-lint.toml)"),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![d.clone()]),
                        edit: Some(edit),
                        ..CodeAction::default()
                    }));
                }
            }
        }
    }
    out
}
