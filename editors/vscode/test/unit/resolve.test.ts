import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expandConfiguredPath, resolveServer, type ResolveHost, type ResolveInput } from "../../src/resolve";

/** A fake file system: path → "x" (executable file), "f" (file, not executable). */
function fakeHost(files: Record<string, "x" | "f">, chmodWorks = true): ResolveHost & { chmodded: string[] } {
  const chmodded: string[] = [];
  return {
    chmodded,
    isFile: (p) => p in files,
    isExecutable: (p) => files[p] === "x",
    makeExecutable: (p) => {
      chmodded.push(p);
      if (!chmodWorks || !(p in files)) return false;
      files[p] = "x";
      return true;
    },
  };
}

const base: ResolveInput = {
  bundledPath: "/ext/server/minutes-lint",
  envPath: "/usr/local/bin:/usr/bin",
  platform: "linux",
  homeDir: "/home/clerk",
  workspaceFolders: ["/work/drafts"],
};

describe("resolveServer", () => {
  it("prefers the setting when it names an executable", () => {
    const host = fakeHost({ "/opt/ml/minutes-lint": "x", "/ext/server/minutes-lint": "x", "/usr/bin/minutes-lint": "x" });
    const r = resolveServer({ ...base, configuredPath: "/opt/ml/minutes-lint" }, host);
    assert.deepEqual(r, { ok: true, command: "/opt/ml/minutes-lint", source: "setting", warnings: [] });
  });

  it("uses the bundled binary when the setting is empty", () => {
    const host = fakeHost({ "/ext/server/minutes-lint": "x", "/usr/bin/minutes-lint": "x" });
    for (const configuredPath of [undefined, null, "", "   "]) {
      const r = resolveServer({ ...base, configuredPath }, host);
      assert.equal(r.ok && r.source, "bundled");
      assert.equal(r.ok && r.command, "/ext/server/minutes-lint");
    }
  });

  it("makes the bundled binary executable when the install lost the bit", () => {
    const host = fakeHost({ "/ext/server/minutes-lint": "f" });
    const r = resolveServer(base, host);
    assert.equal(r.ok && r.source, "bundled");
    assert.deepEqual(host.chmodded, ["/ext/server/minutes-lint"]);
  });

  it("falls back to PATH when the bundled binary cannot be made executable", () => {
    const host = fakeHost({ "/ext/server/minutes-lint": "f", "/usr/bin/minutes-lint": "x" }, false);
    const r = resolveServer(base, host);
    assert.equal(r.ok && r.command, "/usr/bin/minutes-lint");
    assert.match(r.warnings.join("\n"), /not executable and could not be made so/);
  });

  it("searches PATH in order, skipping non-executables and empty entries", () => {
    const host = fakeHost({ "/a/minutes-lint": "f", "/b/minutes-lint": "x", "/c/minutes-lint": "x" });
    const r = resolveServer({ ...base, envPath: "::/a:/b:/c" }, host);
    assert.deepEqual(r, { ok: true, command: "/b/minutes-lint", source: "path", warnings: [] });
  });

  it("warns about a broken setting and goes on to the bundled binary", () => {
    const host = fakeHost({ "/ext/server/minutes-lint": "x", "/opt/not-exec": "f" });
    const missing = resolveServer({ ...base, configuredPath: "/opt/missing" }, host);
    assert.equal(missing.ok && missing.source, "bundled");
    assert.match(missing.warnings[0], /minutes-lint\.server\.path points to \/opt\/missing, which does not exist/);
    const notExec = resolveServer({ ...base, configuredPath: "/opt/not-exec" }, host);
    assert.match(notExec.warnings[0], /which is not executable/);
  });

  it("explains how to fix it when nothing works", () => {
    const r = resolveServer({ ...base, configuredPath: "/opt/missing" }, fakeHost({}));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.message, /Set "minutes-lint\.server\.path"/);
    assert.match(r.message, /PATH/);
    assert.deepEqual(r.tried, [
      "/opt/missing (from minutes-lint.server.path)",
      "/ext/server/minutes-lint (bundled with the extension)",
      "minutes-lint on PATH (2 folders searched)",
    ]);
  });

  it("copes with no PATH at all", () => {
    const r = resolveServer({ ...base, envPath: undefined }, fakeHost({}));
    assert.equal(r.ok, false);
  });

  it("looks for minutes-lint.exe with ; separators on Windows, no executable bit needed", () => {
    const host = fakeHost({ "C:\\tools\\minutes-lint.exe": "f" });
    const r = resolveServer(
      { ...base, platform: "win32", bundledPath: "C:\\ext\\server\\minutes-lint.exe", envPath: "C:\\Windows;C:\\tools" },
      host,
    );
    assert.deepEqual(r, { ok: true, command: "C:\\tools\\minutes-lint.exe", source: "path", warnings: [] });
  });
});

describe("expandConfiguredPath", () => {
  it("expands ~, ${workspaceFolder} and relative paths", () => {
    assert.equal(expandConfiguredPath("~/bin/minutes-lint", base), "/home/clerk/bin/minutes-lint");
    assert.equal(expandConfiguredPath("${workspaceFolder}/bin/ml", base), "/work/drafts/bin/ml");
    assert.equal(expandConfiguredPath("tools/../bin/ml", base), "/work/drafts/bin/ml");
    assert.equal(expandConfiguredPath(" /abs/ml ", base), "/abs/ml");
  });

  it("gives up on relative paths without a workspace folder", () => {
    assert.equal(expandConfiguredPath("bin/ml", { ...base, workspaceFolders: [] }), undefined);
    const r = resolveServer(
      { ...base, workspaceFolders: [], configuredPath: "bin/ml" },
      fakeHost({ "/ext/server/minutes-lint": "x" }),
    );
    assert.equal(r.ok && r.source, "bundled");
    assert.match(r.warnings[0], /cannot be turned into a full path/);
  });
});
