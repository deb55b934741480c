//! Code actions, made from the snapshot's own findings: quick fixes, fix-all, and config edits
//! ("Allow RULE in this file", "Add ABC to known acronyms"). A client that resolves code actions
//! gets the fixes' edits from `codeAction/resolve`, only for the action chosen.

use crate::core::diagnostic::Applicability;
use crate::core::fix::fix_all;
use crate::core::text::{ColumnUnit, LineIndex};
use crate::server::analysis::{panic_message, Analysis};
use crate::server::config_edit;
use crate::server::convert::{self, fix_edits, minimal_edit, Lines, SOURCE};
use crate::server::words;
use serde::{Deserialize, Serialize};
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

/// What an action left for `codeAction/resolve` carries: the version it was offered for and
/// which fix (or all safe fixes) it applies.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ActionData {
    pub uri: Url,
    pub version: i32,
    /// The finding's place in the snapshot's findings and the fix's among its fixes; None for
    /// fix-all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<(usize, usize)>,
}

/// The findings the client's diagnostics name, by place in `linted.diagnostics`, each with the
/// diagnostic to attach: the client's own where it sent ours (matched by range, rule and message,
/// so a stale diagnostic finds nothing), else the findings touching `range`.
fn findings_for(analysis: &Analysis, range: Range, sent: &[lsp::Diagnostic]) -> Vec<(usize, lsp::Diagnostic)> {
    let lines = analysis.lines();
    let all = &analysis.linted.diagnostics;
    let ours: Vec<&lsp::Diagnostic> = sent.iter().filter(|d| rule_of(d).is_some()).collect();
    if ours.is_empty() {
        let (span, _) = lines.span(range);
        return all
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.span.overlaps(span)
                    || d.span.contains(span.start)
                    || (d.span.is_empty() && span.contains(d.span.start))
            })
            .map(|(i, d)| (i, convert::diagnostic(&lines, &analysis.uri, d)))
            .collect();
    }
    let mut out = Vec::new();
    for sent in ours {
        let (span, clamped) = lines.span(sent.range);
        if clamped {
            continue;
        }
        let first = all.partition_point(|d| d.span.start < span.start);
        let found = all[first..]
            .iter()
            .take_while(|d| d.span.start == span.start)
            .position(|d| d.span == span && Some(d.rule) == rule_of(sent) && d.message == sent.message);
        if let Some(k) = found {
            out.push((first + k, sent.clone()));
        }
    }
    out
}

/// Quick fixes for the findings the request names, made from the snapshot's own fixes. With
/// `lazy` (the client resolves edits) each action carries only what `codeAction/resolve` needs.
pub fn quick_fixes(
    analysis: &Analysis,
    range: Range,
    sent: &[lsp::Diagnostic],
    lazy: bool,
) -> Vec<CodeActionOrCommand> {
    let lines = analysis.lines();
    let mut out = Vec::new();
    for (i, diagnostic) in findings_for(analysis, range, sent) {
        let fixes = &analysis.linted.diagnostics[i].fixes;
        let first_safe = fixes.iter().position(|f| f.applicability == Applicability::Safe);
        for (j, fix) in fixes.iter().enumerate() {
            let (edit, data) = if lazy {
                let data = ActionData {
                    uri: analysis.uri.clone(),
                    version: analysis.version,
                    fix: Some((i, j)),
                };
                (None, serde_json::to_value(data).ok())
            } else {
                (Some(single_edit(&analysis.uri, fix_edits(&lines, fix))), None)
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit,
                data,
                is_preferred: Some(Some(j) == first_safe),
                ..CodeAction::default()
            }));
        }
    }
    out
}

/// The fix-all action when some finding has a safe fix. With `lazy` its edit is left for
/// `codeAction/resolve` (fixing converges by linting again: worth doing only when chosen).
pub fn fix_all_action(analysis: &Analysis, lazy: bool) -> Result<Option<CodeActionOrCommand>, String> {
    let safe = analysis
        .linted
        .diagnostics
        .iter()
        .filter(|d| d.fixes.iter().any(|f| f.applicability == Applicability::Safe))
        .count();
    if safe == 0 {
        return Ok(None);
    }
    let mut action = CodeAction {
        title: format!("Fix all safely fixable problems ({safe})"),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        ..CodeAction::default()
    };
    if lazy {
        let data = ActionData {
            uri: analysis.uri.clone(),
            version: analysis.version,
            fix: None,
        };
        action.data = serde_json::to_value(data).ok();
    } else {
        match fix_all_edit(analysis)? {
            Some((applied, edit)) => {
                action.title = format!("Fix all safely fixable problems ({applied})");
                action.edit = Some(edit);
            }
            None => return Ok(None),
        }
    }
    Ok(Some(CodeActionOrCommand::CodeAction(action)))
}

/// All safe fixes, applied until they converge, as one minimal edit, with how many applied.
fn fix_all_edit(analysis: &Analysis) -> Result<Option<(usize, WorkspaceEdit)>, String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        fix_all(&analysis.text, &analysis.config, analysis.path.as_deref(), false)
    }))
    .map_err(panic_message)?;
    let Some((span, new_text)) = minimal_edit(&analysis.text, &outcome.text) else {
        return Ok(None);
    };
    let edit = TextEdit::new(analysis.lines().range(span), new_text);
    Ok(Some((outcome.total_applied(), single_edit(&analysis.uri, vec![edit]))))
}

/// Fills in the edit of an action offered lazily, when the document is still at the version it
/// was offered for (else it stays without one: its ranges would be wrong).
pub fn resolve(analysis: &Analysis, mut action: CodeAction) -> Result<CodeAction, String> {
    let Some(data) = action
        .data
        .clone()
        .and_then(|v| serde_json::from_value::<ActionData>(v).ok())
    else {
        return Ok(action);
    };
    if data.version != analysis.version || data.uri != analysis.uri {
        return Ok(action);
    }
    match data.fix {
        Some((i, j)) => {
            if let Some(fix) = analysis.linted.diagnostics.get(i).and_then(|d| d.fixes.get(j)) {
                action.edit = Some(single_edit(&analysis.uri, fix_edits(&analysis.lines(), fix)));
            }
        }
        None => action.edit = fix_all_edit(analysis)?.map(|(_, edit)| edit),
    }
    Ok(action)
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
