import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answerConfigurationItem, isOurSection, parseSeverity, toServerSettings } from "../../src/settings";

describe("toServerSettings", () => {
  it("passes rule severities through as { rules }", () => {
    const m = toServerSettings({ rules: { "first-person": "off", "title-style": "warning", "missing-chair": "error" } });
    assert.deepEqual(m, {
      settings: { rules: { "first-person": "off", "missing-chair": "error", "title-style": "warning" } },
      problems: [],
    });
  });

  it("gives empty rules for no settings", () => {
    for (const section of [undefined, null, {}, { rules: undefined }, { rules: null }]) {
      assert.deepEqual(toServerSettings(section), { settings: { rules: {} }, problems: [] });
    }
  });

  it("only sends rules, never the client-side settings", () => {
    const m = toServerSettings({ rules: {}, server: { path: "/x" }, trace: { server: "verbose" } } as { rules: unknown });
    assert.deepEqual(Object.keys(m.settings), ["rules"]);
  });

  it("takes the four words the server and minutes-lint.toml take, and no aliases", () => {
    const m = toServerSettings({ rules: { "a-rule": " warning ", "b-rule": "error", "c-rule": "information", "d-rule": false } });
    assert.deepEqual(m.settings.rules, { "a-rule": "warning", "b-rule": "error" });
    assert.equal(m.problems.length, 2);
  });

  it("drops bad entries and says why", () => {
    const m = toServerSettings({ rules: { "good-rule": "info", "Bad Rule": "off", "other-rule": "loud", "num-rule": 3 } });
    assert.deepEqual(m.settings.rules, { "good-rule": "info" });
    assert.equal(m.problems.length, 3);
    assert.match(m.problems.join("\n"), /"Bad Rule" is not a rule name/);
    assert.match(m.problems.join("\n"), /"other-rule" has severity "loud"/);
  });

  it("rejects rules that are not an object", () => {
    for (const rules of ["off", ["first-person"], 1]) {
      const m = toServerSettings({ rules });
      assert.deepEqual(m.settings.rules, {});
      assert.equal(m.problems.length, 1);
    }
  });
});

describe("parseSeverity", () => {
  it("knows the four severities", () => {
    for (const s of ["off", "info", "warning", "error"]) assert.equal(parseSeverity(s), s);
    assert.equal(parseSeverity(true), undefined);
    // One set of words everywhere: the server and minutes-lint.toml take no aliases either.
    for (const s of ["warn", "hint", "none", "Warning"]) assert.equal(parseSeverity(s), undefined);
    assert.equal(parseSeverity(undefined), undefined);
  });
});

describe("answerConfigurationItem", () => {
  const settings = { rules: { "first-person": "off" as const } };
  it("answers the section and its members", () => {
    assert.deepEqual(answerConfigurationItem("minutes-lint", settings), settings);
    assert.deepEqual(answerConfigurationItem("minutes-lint.rules", settings), settings.rules);
    assert.equal(answerConfigurationItem("minutes-lint.rules.first-person", settings), "off");
    assert.equal(answerConfigurationItem("minutes-lint.nothing", settings), null);
  });
  it("leaves other sections alone", () => {
    assert.equal(answerConfigurationItem("editor", settings), undefined);
    assert.equal(answerConfigurationItem(undefined, settings), undefined);
    assert.equal(isOurSection("minutes-lintx"), false);
    assert.equal(isOurSection("minutes-lint.rules"), true);
    assert.equal(isOurSection(undefined), false);
  });
});
