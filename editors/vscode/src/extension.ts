// minutes-lint for VS Code: starts `minutes-lint server` over stdio and wires
// it to documents of the `minutes` language.

import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  type ErrorHandler,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
} from "vscode-languageclient/node";
import { serialQueue } from "./lifecycle";
import { binaryName, resolveServer, type ResolveHost, SETTING } from "./resolve";
import { answerConfigurationItem, isOurSection, SECTION, toServerSettings } from "./settings";

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("minutes-lint");

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.LanguageStatusItem;
let extensionContext: vscode.ExtensionContext;

const fsHost: ResolveHost = {
  isFile(p) {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  isExecutable(p) {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  makeExecutable(p) {
    try {
      fs.chmodSync(p, 0o755);
      return true;
    } catch {
      return false;
    }
  },
};

function log(message: string): void {
  output.appendLine(`[${new Date().toISOString()}] ${message}`);
}

function serverSettingsFor(scope: vscode.Uri | undefined) {
  const section = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const mapped = toServerSettings({ rules: section.get("rules") });
  for (const problem of mapped.problems) log(problem);
  return mapped.settings;
}

async function showStartError(message: string): Promise<void> {
  log(message);
  const openSettings = "Open Settings";
  const showOutput = "Show Output";
  const choice = await vscode.window.showErrorMessage(message, openSettings, showOutput);
  if (choice === openSettings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", SETTING);
  } else if (choice === showOutput) {
    output.show(true);
  }
}

/**
 * One clear message when the server keeps stopping, with the same buttons as a
 * missing server, instead of the client's generic ones.
 */
function errorHandler(command: string): ErrorHandler {
  const closes: number[] = [];
  return {
    error(error, _message, count) {
      log(`connection to the server: ${error.message}`);
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      const now = Date.now();
      closes.push(now);
      while (closes.length > 0 && now - closes[0] > 3 * 60 * 1000) closes.shift();
      if (closes.length <= 4) {
        log(`the server stopped; starting it again (${closes.length} stop(s) in the last 3 minutes)`);
        return { action: CloseAction.Restart, handled: true };
      }
      statusItem.text = "minutes-lint: server stopped";
      statusItem.severity = vscode.LanguageStatusSeverity.Error;
      void showStartError(
        `minutes-lint: the language server ${command} stopped ${closes.length} times in 3 minutes and will not be started again. ` +
          `Check that "${SETTING}" names a working minutes-lint (\`minutes-lint server\`), then run "minutes-lint: Restart server".`,
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

async function startClient(): Promise<void> {
  const resolved = resolveServer(
    {
      configuredPath: vscode.workspace.getConfiguration(SECTION).get<string | null>("server.path"),
      bundledPath: extensionContext.asAbsolutePath(`server/${binaryName(process.platform)}`),
      envPath: process.env.PATH,
      platform: process.platform,
      homeDir: os.homedir(),
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    },
    fsHost,
  );
  for (const warning of resolved.warnings) {
    log(warning);
    void vscode.window.showWarningMessage(warning);
  }
  if (!resolved.ok) {
    statusItem.text = "minutes-lint: no server";
    statusItem.severity = vscode.LanguageStatusSeverity.Error;
    log(`looked for the server in: ${resolved.tried.join("; ")}`);
    await showStartError(resolved.message);
    return;
  }
  log(`starting ${resolved.command} server (found via ${resolved.source})`);
  statusItem.text = "minutes-lint";
  statusItem.detail = `${resolved.command} (${resolved.source})`;
  statusItem.severity = vscode.LanguageStatusSeverity.Information;

  // No `transport`: with TransportKind.stdio the client would append `--stdio`,
  // which `minutes-lint server` does not take. Without it, stdio is used as is.
  const run = { command: resolved.command, args: ["server"] };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "minutes" },
      { scheme: "untitled", language: "minutes" },
    ],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: errorHandler(resolved.command),
    initializationFailedHandler: (error) => {
      log(`the server failed to initialise: ${String(error)}`);
      return false;
    },
    middleware: {
      workspace: {
        // Answer the server's workspace/configuration for our section with
        // `{ rules }` only, per scope (multi-root: each folder its own rules).
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => {
            if (!isOurSection(item.section)) return answers[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return answerConfigurationItem(item.section, serverSettingsFor(scope));
          });
        },
      },
    },
  };

  const newClient = new LanguageClient("minutes-lint", "minutes-lint", serverOptions, clientOptions);
  client = newClient;
  try {
    // Settings travel one way only: the server asks (workspace/configuration, answered by
    // the middleware above), per folder. Nothing is pushed.
    await newClient.start();
  } catch (err) {
    statusItem.text = "minutes-lint: server failed";
    statusItem.severity = vscode.LanguageStatusSeverity.Error;
    client = undefined;
    await showStartError(
      `minutes-lint: the language server ${resolved.command} did not start (${String(err)}). ` +
        `Check "${SETTING}" or reinstall the extension.`,
    );
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop(5000);
    } catch (err) {
      log(`stopping the server: ${String(err)}`);
    }
  }
}

/** Start, stop and restart, one at a time (a second restart waits for the first). */
const lifecycle = serialQueue();

function restart(): Promise<void> {
  return lifecycle.run(async () => {
    log("restarting the language server");
    await stopClient();
    await startClient();
  });
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "minutes") {
    void vscode.window.showInformationMessage("minutes-lint: open a minutes draft first.");
    return;
  }
  const doc = editor.document;
  const whole = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      "vscode.executeCodeActionProvider",
      doc.uri,
      whole,
      FIX_ALL_KIND.value,
      10,
    )) ?? [];
  const ours = actions.filter(
    (a): a is vscode.CodeAction => "kind" in a && a.kind !== undefined && FIX_ALL_KIND.contains(a.kind),
  );
  if (ours.length === 0) {
    vscode.window.setStatusBarMessage("minutes-lint: nothing to fix automatically", 4000);
    return;
  }
  const action = ours[0];
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel("minutes-lint");
  statusItem = vscode.languages.createLanguageStatusItem("minutes-lint.server", { language: "minutes" });
  statusItem.name = "minutes-lint server";
  statusItem.command = { title: "Restart", command: "minutes-lint.restartServer" };
  context.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand("minutes-lint.restartServer", restart),
    vscode.commands.registerCommand("minutes-lint.fixAll", fixAll),
    vscode.commands.registerCommand("minutes-lint.showOutput", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.server.path`)) {
        await restart();
      } else if (e.affectsConfiguration(`${SECTION}.rules`) && client?.isRunning()) {
        // No settings in the notification: it tells the server to ask again, per folder.
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
  );
  await lifecycle.run(startClient);
}

export async function deactivate(): Promise<void> {
  await lifecycle.run(stopClient);
}
