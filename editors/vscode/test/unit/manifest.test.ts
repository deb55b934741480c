// The package.json contributions: the names other parts of the project rely on
// (language id, settings, commands, code action kind) and the files they point to.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseSeverity } from "../../src/settings";

const root = process.env.MINUTES_LINT_EXT_ROOT ?? process.cwd();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const c = pkg.contributes;

describe("package.json", () => {
  it("declares the minutes language for the draft file names", () => {
    const lang = c.languages.find((l: { id: string }) => l.id === "minutes");
    assert.ok(lang);
    assert.deepEqual(lang.filenamePatterns, ["*.minutes", "*.minutes.md", "*.minutes.txt"]);
    assert.ok(existsSync(join(root, lang.configuration)));
    JSON.parse(readFileSync(join(root, lang.configuration), "utf8"));
  });

  it("points at files that exist", () => {
    for (const g of c.grammars) assert.ok(existsSync(join(root, g.path)), g.path);
    for (const s of c.snippets) {
      assert.ok(existsSync(join(root, s.path)), s.path);
      const snippets = JSON.parse(readFileSync(join(root, s.path), "utf8"));
      assert.ok(Object.keys(snippets).length >= 3);
    }
    assert.equal(pkg.main, "./dist/extension.js");
  });

  it("has the three settings", () => {
    const props = c.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      "minutes-lint.rules",
      "minutes-lint.server.path",
      "minutes-lint.trace.server",
    ]);
    // One property per rule (checked against the rule table by tests/vscode_schema.rs), each
    // taking the same four words as the settings mapper.
    const rules = props["minutes-lint.rules"];
    assert.equal(rules.additionalProperties, false);
    assert.ok(Object.keys(rules.properties).length >= 10);
    for (const [name, schema] of Object.entries(rules.properties) as [string, { enum: string[] }][]) {
      assert.deepEqual(schema.enum, ["off", "info", "warning", "error"], name);
      for (const word of schema.enum) assert.equal(parseSeverity(word), word);
    }
    assert.deepEqual(props["minutes-lint.trace.server"].enum, ["off", "messages", "verbose"]);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ["minutes-lint.server.path"]);
  });

  it("has the three commands, each under the minutes-lint category", () => {
    const commands = Object.fromEntries(c.commands.map((x: { command: string; title: string; category: string }) => [x.command, `${x.category}: ${x.title}`]));
    assert.deepEqual(commands, {
      "minutes-lint.restartServer": "minutes-lint: Restart server",
      "minutes-lint.fixAll": "minutes-lint: Fix all problems",
      "minutes-lint.showOutput": "minutes-lint: Show output",
    });
  });

  it("lets fix-all run on save for minutes files", () => {
    assert.equal(c.configurationDefaults["[minutes]"]["editor.codeActionsOnSave"]["source.fixAll.minutes-lint"], "explicit");
  });

  it("activates on the language and ships only what it needs", () => {
    assert.deepEqual(pkg.activationEvents, ["onLanguage:minutes"]);
    const ignore = readFileSync(join(root, ".vscodeignore"), "utf8");
    assert.match(ignore, /^!server\/minutes-lint$/m);
    assert.match(ignore, /^!dist\/extension\.js$/m);
  });
});
