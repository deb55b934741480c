// Tokenises sample lines with the real TextMate engine VS Code uses
// (vscode-textmate + oniguruma) and checks which scopes the grammar gives.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const root = process.env.MINUTES_LINT_EXT_ROOT ?? process.cwd();
const require = createRequire(join(root, "package.json"));
let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== "text.minutes") return null;
      const path = join(root, "syntaxes/minutes.tmLanguage.json");
      return textmate.parseRawGrammar(readFileSync(path, "utf8"), path);
    },
  });
  const g = await registry.loadGrammar("text.minutes");
  assert.ok(g, "grammar loads");
  grammar = g;
});

/** The text of every token whose scopes include one starting with `scope`. */
function tokensWith(line: string, scope: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens
    .filter((t) => t.scopes.some((s) => s.startsWith(scope)))
    .map((t) => line.slice(t.startIndex, t.endIndex));
}

describe("minutes grammar", () => {
  it("marks item numbers in their usual shapes", () => {
    const cases: [string, string][] = [
      ["21/47", "21/47"],
      ["CYP/OSG/17/13 Ofsted Monitoring Visit Feedback", "CYP/OSG/17/13"],
      ["12. Apologies for absence", "12."],
      ["Item 12 Budget monitoring", "Item 12"],
      ["## 21/47 Declarations of Interest", "21/47"],
      ["EX/23/004 Capital programme", "EX/23/004"],
      ["CB20/15 Minutes", "CB20/15"],
      ["21.44 Planning applications", "21.44"],
    ];
    for (const [line, number] of cases) {
      assert.deepEqual(tokensWith(line, "constant.numeric.item-number"), [number], line);
    }
    assert.deepEqual(
      tokensWith("CYP/OSG/17/13 Ofsted Monitoring Visit Feedback", "markup.heading.item-title").join(""),
      "Ofsted Monitoring Visit Feedback",
    );
  });

  it("does not take numbers inside sentences or sub-paragraphs for items", () => {
    for (const line of [
      "The report detailed 21 cases.",
      "there were 20 cases per social worker",
      "33.1.2 sub-paragraph",
      "Tuesday 17 October at 10:00am",
    ]) {
      assert.deepEqual(tokensWith(line, "constant.numeric.item-number"), [], line);
    }
  });

  it("marks decision markers", () => {
    assert.deepEqual(tokensWith("Decision", "keyword.control.decision"), ["Decision"]);
    assert.deepEqual(tokensWith("RESOLVED – That the report be noted.", "keyword.control.decision"), ["RESOLVED"]);
    assert.deepEqual(tokensWith("RESOLVED: that", "keyword.control.decision"), ["RESOLVED"]);
    assert.deepEqual(tokensWith("AGREED", "keyword.control.decision"), ["AGREED"]);
    assert.deepEqual(tokensWith("NOTED", "keyword.control.decision"), ["NOTED"]);
    assert.deepEqual(tokensWith("It was agreed: to note", "keyword.control.decision"), ["It was agreed"]);
    assert.deepEqual(tokensWith("The Subgroup agreed to", "keyword.control.decision"), ["The Subgroup agreed"]);
    assert.deepEqual(tokensWith("A decision was deferred.", "keyword.control.decision"), []);
  });

  it("marks attendance headings", () => {
    for (const [line, heading] of [
      ["Present:", "Present"],
      ["Apologies:", "Apologies"],
      ["Apologies for absence", "Apologies for absence"],
      ["In attendance:", "In attendance"],
      ["Also present:", "Also present"],
      ["Officers:", "Officers"],
      ["Members present", "Members present"],
      ["## Present:", "Present"],
    ]) {
      assert.deepEqual(tokensWith(line, "entity.name.type.attendance"), [heading], line);
    }
    assert.deepEqual(tokensWith("Present were the following", "entity.name.type.attendance"), []);
  });

  it("marks the chair", () => {
    assert.deepEqual(
      tokensWith("Councillor Stone – in the Chair Councillors Alijah", "support.function.chair"),
      ["in the Chair"],
    );
    assert.deepEqual(tokensWith("Councillor Stone (Chair)", "support.function.chair"), ["(Chair)"]);
    assert.deepEqual(tokensWith("Councillor Reid (Vice-Chair)", "support.function.chair"), ["(Vice-Chair)"]);
  });
});
