// Finding the minutes-lint program to run as the language server.
//
// Pure: every look-up at the file system or the environment comes in through
// `ResolveInput` and `ResolveHost`, so the order and the messages can be unit
// tested without VS Code and without touching the disk.
//
// Order: the `minutes-lint.server.path` setting, then the binary bundled in the
// platform-specific .vsix (made executable if the install lost the bit), then
// `minutes-lint` on PATH. A setting that does not work is reported as a warning
// and the search goes on; if nothing works the result carries a message that
// says what was tried and how to fix it.

import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "path";

export interface ResolveInput {
  /** Value of `minutes-lint.server.path` (may be empty, null or undefined). */
  configuredPath?: string | null;
  /** Absolute path where the .vsix puts its binary: `<extension>/server/minutes-lint`. */
  bundledPath: string;
  /** The PATH environment variable. */
  envPath?: string;
  /** `process.platform`; decides PATH separator, path syntax and `.exe`. */
  platform: string;
  /** Home directory, for a leading `~`. */
  homeDir?: string;
  /** Workspace folder paths; the first resolves relative settings and `${workspaceFolder}`. */
  workspaceFolders?: readonly string[];
}

export interface ResolveHost {
  /** True if `p` exists and is a regular file (following links). */
  isFile(p: string): boolean;
  /** True if the current user may execute `p`. */
  isExecutable(p: string): boolean;
  /** Try to make `p` executable (chmod 755); true on success. */
  makeExecutable(p: string): boolean;
}

export type ResolveResult =
  | { ok: true; command: string; source: ServerSource; warnings: string[] }
  | { ok: false; message: string; tried: string[]; warnings: string[] };

export const SETTING = "minutes-lint.server.path";

export function binaryName(platform: string): string {
  return platform === "win32" ? "minutes-lint.exe" : "minutes-lint";
}

function pathApi(platform: string): typeof path.posix {
  return platform === "win32" ? path.win32 : path.posix;
}

/** Expands `~` and `${workspaceFolder}`, and makes a relative path absolute. Undefined if it cannot. */
export function expandConfiguredPath(raw: string, input: ResolveInput): string | undefined {
  const p = pathApi(input.platform);
  let value = raw.trim();
  if (value === "") return undefined;
  const folder = input.workspaceFolders?.[0];
  if (value.includes("${workspaceFolder}")) {
    if (!folder) return undefined;
    value = value.split("${workspaceFolder}").join(folder);
  }
  if (value === "~" || value.startsWith("~/") || value.startsWith("~\\")) {
    if (!input.homeDir) return undefined;
    value = p.join(input.homeDir, value.slice(1));
  }
  if (!p.isAbsolute(value)) {
    if (!folder) return undefined;
    value = p.join(folder, value);
  }
  return p.normalize(value);
}

function runnable(file: string, platform: string, host: ResolveHost): boolean {
  if (!host.isFile(file)) return false;
  if (platform === "win32") return true;
  return host.isExecutable(file);
}

export function resolveServer(input: ResolveInput, host: ResolveHost): ResolveResult {
  const warnings: string[] = [];
  const tried: string[] = [];
  const p = pathApi(input.platform);

  // 1. The setting.
  const raw = input.configuredPath;
  if (typeof raw === "string" && raw.trim() !== "") {
    const expanded = expandConfiguredPath(raw, input);
    if (expanded === undefined) {
      warnings.push(
        `${SETTING} is "${raw}", which cannot be turned into a full path (a relative path or \${workspaceFolder} needs an open folder); ignoring it.`,
      );
      tried.push(`${raw} (from ${SETTING})`);
    } else {
      tried.push(`${expanded} (from ${SETTING})`);
      if (runnable(expanded, input.platform, host)) {
        return { ok: true, command: expanded, source: "setting", warnings };
      }
      warnings.push(
        host.isFile(expanded)
          ? `${SETTING} points to ${expanded}, which is not executable; ignoring it.`
          : `${SETTING} points to ${expanded}, which does not exist; ignoring it.`,
      );
    }
  }

  // 2. The binary shipped inside the extension.
  tried.push(`${input.bundledPath} (bundled with the extension)`);
  if (host.isFile(input.bundledPath)) {
    if (input.platform === "win32" || host.isExecutable(input.bundledPath)) {
      return { ok: true, command: input.bundledPath, source: "bundled", warnings };
    }
    if (host.makeExecutable(input.bundledPath) && host.isExecutable(input.bundledPath)) {
      return { ok: true, command: input.bundledPath, source: "bundled", warnings };
    }
    warnings.push(`The bundled server ${input.bundledPath} is not executable and could not be made so.`);
  }

  // 3. PATH.
  const name = binaryName(input.platform);
  const sep = input.platform === "win32" ? ";" : ":";
  const dirs = (input.envPath ?? "").split(sep).filter((d) => d.trim() !== "");
  for (const dir of dirs) {
    const unquoted = dir.replace(/^"(.*)"$/, "$1");
    const candidate = p.join(unquoted, name);
    if (runnable(candidate, input.platform, host)) {
      return { ok: true, command: candidate, source: "path", warnings };
    }
  }
  tried.push(`${name} on PATH (${dirs.length} folder${dirs.length === 1 ? "" : "s"} searched)`);

  const message =
    `minutes-lint cannot start: its language server program was not found. ` +
    `Set "${SETTING}" to the minutes-lint program, put minutes-lint on your PATH, ` +
    `or install the extension package made for your platform, which carries the program inside.`;
  return { ok: false, message, tried, warnings };
}
