// What the language server is told about the user's settings.
//
// The server asks with workspace/configuration for section "minutes-lint" and
// gets `{ "rules": { "<rule-name>": "off" | "info" | "warning" | "error" } }`.
// Only the rule severities go to the server; the client-side settings
// (server.path, trace.server) stay here. Pure, so it can be unit tested.

export const SECTION = "minutes-lint";

export type Severity = "off" | "info" | "warning" | "error";

export interface ServerSettings {
  rules: Record<string, Severity>;
}

export interface Mapped {
  settings: ServerSettings;
  /** Human-readable reasons for entries that were dropped. */
  problems: string[];
}

const RULE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The one set of words, as the server and `minutes-lint.toml` accept them (and package.json lists). */
const SEVERITIES: readonly Severity[] = ["off", "info", "warning", "error"];

/** Normalises one severity value; undefined if it is not one of the four words. */
export function parseSeverity(value: unknown): Severity | undefined {
  if (typeof value !== "string") return undefined;
  const word = value.trim();
  return (SEVERITIES as readonly string[]).includes(word) ? (word as Severity) : undefined;
}

/**
 * Maps the `minutes-lint` configuration section (as `vscode.workspace.getConfiguration`
 * returns it, or any object with a `rules` member) to the server's settings.
 */
export function toServerSettings(section: { rules?: unknown } | undefined | null): Mapped {
  const problems: string[] = [];
  const rules: Record<string, Severity> = {};
  const raw = section?.rules;
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== "object" || Array.isArray(raw)) {
      problems.push(`minutes-lint.rules must be an object of rule name to severity; ignoring ${JSON.stringify(raw)}.`);
    } else {
      for (const key of Object.keys(raw as object).sort()) {
        const value = (raw as Record<string, unknown>)[key];
        const name = key.trim();
        if (!RULE_NAME.test(name)) {
          problems.push(`minutes-lint.rules: "${key}" is not a rule name (lower-case words joined by hyphens); ignoring it.`);
          continue;
        }
        const severity = parseSeverity(value);
        if (severity === undefined) {
          problems.push(
            `minutes-lint.rules: "${name}" has severity ${JSON.stringify(value)}; use "off", "info", "warning" or "error". Ignoring it.`,
          );
          continue;
        }
        rules[name] = severity;
      }
    }
  }
  return { settings: { rules }, problems };
}

/**
 * The answer to one workspace/configuration item: the whole object for
 * "minutes-lint", a member for "minutes-lint.rules", undefined when the
 * section is not ours (the caller passes those on to VS Code).
 */
export function answerConfigurationItem(section: string | undefined, settings: ServerSettings): unknown {
  if (section === undefined) return undefined;
  if (section === SECTION) return settings;
  if (section.startsWith(SECTION + ".")) {
    let value: unknown = settings;
    for (const part of section.slice(SECTION.length + 1).split(".")) {
      if (value === null || typeof value !== "object") return null;
      value = (value as Record<string, unknown>)[part];
    }
    return value ?? null;
  }
  return undefined;
}

export function isOurSection(section: string | undefined): boolean {
  return section === SECTION || (section?.startsWith(SECTION + ".") ?? false);
}
