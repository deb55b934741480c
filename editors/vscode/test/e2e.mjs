#!/usr/bin/env node
// End-to-end test of the packaged extension in real VS Code (code-server
// 4.139.1 = VS Code 1.139.1) driven through headless Chromium, the way a clerk
// uses it: open a draft with Quick Open, read the Problems panel, apply a
// quick fix from the light bulb menu, look at the Outline, save; then, on a
// short draft with votes, read the inlay hints in the editor, hover on a
// member who left, and find each motion in the Outline.
//
//   npm run e2e                          # packages the .vsix with the binary below, then tests it
//   MINUTES_LINT_BIN=/path/minutes-lint npm run e2e
//   MINUTES_LINT_VSIX=/path/x.vsix npm run e2e   # test an existing .vsix as is
//
// Environment:
//   MINUTES_LINT_BIN           server binary to bundle (default ../../target/release/minutes-lint
//                              relative to the extension folder)
//   MINUTES_LINT_VSIX          skip packaging, install this .vsix
//   MINUTES_LINT_VSCODE_CACHE  where scripts/e2e-setup.sh installed code-server
//                              (default ~/.cache/vscode-e2e)
//   MINUTES_LINT_CORPUS        folder holding the shared corpus (default ../shared/corpus from the repo root)
//   MINUTES_LINT_E2E_ARTIFACTS where screenshots and logs go (default test-artifacts/ in the extension folder)
//   MINUTES_LINT_E2E_KEEP=1    keep the temporary folder (user data, logs) for debugging
//
// Exits 0 when every check passes, 1 otherwise. Every process it starts is
// stopped by its id at the end, on failure too, and every wait is bounded.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const EXT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(EXT, "../..");
const CACHE = process.env.MINUTES_LINT_VSCODE_CACHE ?? join(homedir(), ".cache/vscode-e2e");
const NODE24 = join(CACHE, "bin/node");
const ENTRY = join(CACHE, "node_modules/code-server/out/node/entry.js");
const CHROMIUM = process.env.MINUTES_LINT_CHROMIUM ?? "/usr/bin/chromium";
const ARTIFACTS = resolve(process.env.MINUTES_LINT_E2E_ARTIFACTS ?? join(EXT, "test-artifacts"));
const DRAFT_SOURCE = "manchester-ofsted-subgroup-2017-09-12.txt";
const DRAFT = "ofsted.minutes";
const SECOND = "second-copy.minutes";
// A short parish draft of our own (shared with the Neovim e2e): a member leaves after a divided
// vote; the next item is carried unanimously. For inlay hints, hover on a person and the motions
// in the Outline.
const VOTES_SOURCE = join(REPO, "tests/editors/votes.minutes");
const VOTES = "votes.minutes";
const TOTAL_TIMEOUT_MS = Number(process.env.MINUTES_LINT_E2E_TIMEOUT_MS ?? 8 * 60 * 1000);

const t0 = Date.now();
const started = []; // { name, pid, group } for cleanup
let browserServer;
let tmp;
const results = []; // { name, ok, detail }

function log(msg) {
  console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
}

function check(name, ok, detail = "") {
  results.push({ name, ok, detail });
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  return ok;
}

class Fatal extends Error {}

function need(ok, message) {
  if (!ok) throw new Fatal(message);
}

// ---------------------------------------------------------------- processes

function killGroup(entry, signal) {
  try {
    process.kill(entry.group ? -entry.pid : entry.pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function cleanup() {
  if (browserServer) {
    const pid = browserServer.process()?.pid;
    try {
      await withTimeout(browserServer.close(), 10000, "closing Chromium");
    } catch {
      if (pid) {
        log(`Chromium (pid ${pid}) did not close; killing it`);
        try {
          process.kill(pid, "SIGKILL");
        } catch {}
      }
    }
    browserServer = undefined;
  }
  for (const entry of started.reverse()) {
    if (killGroup(entry, "SIGTERM")) {
      log(`stopping ${entry.name} (pid ${entry.pid}${entry.group ? ", its process group" : ""})`);
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && killGroup(entry, 0)) await sleep(100);
      if (killGroup(entry, 0)) killGroup(entry, "SIGKILL");
    }
  }
  started.length = 0;
  if (tmp && !process.env.MINUTES_LINT_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) log(`kept ${tmp}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Fatal(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function waitFor(what, fn, { timeout = 30000, interval = 250 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      if (err instanceof Fatal) throw err;
      last = err;
    }
    if (Date.now() > deadline) throw new Fatal(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ""}`);
    await sleep(interval);
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

// ---------------------------------------------------------------- inputs

function findCorpus() {
  const candidates = [];
  if (process.env.MINUTES_LINT_CORPUS) candidates.push(resolve(process.env.MINUTES_LINT_CORPUS));
  candidates.push(resolve(REPO, "../shared/corpus"));
  // In a git worktree the shared folder sits beside the main checkout.
  try {
    const common = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: REPO, encoding: "utf8" }).trim();
    candidates.push(resolve(dirname(common), "../shared/corpus"));
  } catch {}
  const found = candidates.find((c) => existsSync(join(c, DRAFT_SOURCE)));
  need(found, `corpus file ${DRAFT_SOURCE} not found in: ${candidates.join(", ")} (set MINUTES_LINT_CORPUS)`);
  return found;
}

function packageVsix() {
  if (process.env.MINUTES_LINT_VSIX) {
    const vsix = resolve(process.env.MINUTES_LINT_VSIX);
    need(existsSync(vsix), `MINUTES_LINT_VSIX=${vsix} does not exist`);
    return vsix;
  }
  log(`packaging the .vsix with ${process.env.MINUTES_LINT_BIN ?? "../../target/release/minutes-lint"}`);
  const run = spawnSync(process.execPath, [join(EXT, "scripts/package.mjs")], {
    cwd: EXT,
    encoding: "utf8",
    timeout: 300000,
    env: process.env,
  });
  const outText = `${run.stdout}\n${run.stderr}`;
  need(run.status === 0, `packaging failed:\n${outText}`);
  const m = /package: wrote (.*\.vsix)/.exec(outText);
  need(m, `packaging printed no .vsix path:\n${outText}`);
  return m[1].trim();
}

// ---------------------------------------------------------------- code-server

function codeServerEnv() {
  return {
    ...process.env,
    // Without any other minutes-lint, so the test runs the bundled one and the
    // "no server" check finds none.
    PATH: [join(CACHE, "bin"), ...(process.env.PATH ?? "").split(":")]
      .filter((d) => d && !existsSync(join(d, "minutes-lint")))
      .join(":"),
    XDG_CONFIG_HOME: join(tmp, "xdg-config"),
    XDG_DATA_HOME: join(tmp, "xdg-data"),
    XDG_CACHE_HOME: join(tmp, "xdg-cache"),
  };
}

function codeServerArgs() {
  return [
    ENTRY,
    "--config",
    join(tmp, "config.yaml"),
    "--user-data-dir",
    join(tmp, "user-data"),
    "--extensions-dir",
    join(tmp, "extensions"),
  ];
}

async function installExtension(vsix) {
  log(`installing ${vsix}`);
  const child = spawn(NODE24, [...codeServerArgs(), "--install-extension", vsix], {
    env: codeServerEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const entry = { name: "code-server --install-extension", pid: child.pid, group: true };
  started.push(entry);
  let text = "";
  child.stdout.on("data", (d) => (text += d));
  child.stderr.on("data", (d) => (text += d));
  const code = await withTimeout(new Promise((r) => child.on("exit", r)), 180000, "installing the extension");
  started.splice(started.indexOf(entry), 1);
  writeFileSync(join(ARTIFACTS, "install-extension.log"), text);
  need(code === 0 && /successfully installed/i.test(text), `--install-extension failed (exit ${code}):\n${text}`);
  log(text.trim().split("\n").pop());
}

async function startCodeServer(port, workspace) {
  const logFile = join(ARTIFACTS, "code-server.log");
  const child = spawn(
    NODE24,
    [
      ...codeServerArgs(),
      "--auth",
      "none",
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      workspace,
    ],
    { env: codeServerEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  started.push({ name: "code-server", pid: child.pid, group: true });
  let text = "";
  const append = (d) => {
    text += d;
    writeFileSync(logFile, text);
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  let exited = null;
  child.on("exit", (c) => (exited = c));
  log(`code-server pid ${child.pid} on 127.0.0.1:${port} (log: ${logFile})`);
  await waitFor(
    "code-server to answer /healthz",
    async () => {
      if (exited !== null) throw new Fatal(`code-server exited with ${exited}:\n${text}`);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      return res.ok;
    },
    { timeout: 90000, interval: 500 },
  );
}

// ---------------------------------------------------------------- workbench helpers

const norm = (s) => (s ?? "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();

async function runCommand(page, label) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.fill(`>${label}`);
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: label }).first();
  await row.waitFor({ state: "visible", timeout: 10000 });
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: 10000 });
}

/** All rows of a (virtualised) monaco tree inside `container`, scrolling through it. */
async function allRows(page, container) {
  const rows = new Map();
  const box = await page.locator(container).first().boundingBox();
  const read = async () => {
    const found = await page.$$eval(`${container} .monaco-list-row`, (els) =>
      els.map((e) => ({
        index: e.getAttribute("data-index"),
        text: e.textContent,
        label: e.getAttribute("aria-label"),
        icons: [...e.querySelectorAll("[class*='codicon-']")].map((i) => i.className).join(" "),
      })),
    );
    let added = 0;
    for (const r of found) {
      if (!rows.has(r.index)) added++;
      rows.set(r.index, { text: (r.text ?? "").replace(/\u00a0/g, " "), label: r.label ?? "", icons: r.icons });
    }
    return added;
  };
  await read();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0, idle = 0; i < 40 && idle < 2; i++) {
      await page.mouse.wheel(0, Math.max(100, box.height * 0.8));
      await sleep(150);
      idle = (await read()) === 0 ? idle + 1 : 0;
    }
    await page.mouse.wheel(0, -100000);
  }
  return [...rows.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, r]) => r);
}

async function problemRows(page) {
  return (await allRows(page, ".markers-panel")).filter((r) => /minutes-lint|\[Ln \d+/.test(r.text + r.label));
}

/** Problems rows grouped under their file's heading row: file name → rows. */
async function problemsByFile(page) {
  const byFile = new Map();
  let current;
  for (const r of await allRows(page, ".markers-panel")) {
    if (/\[Ln \d+/.test(r.text)) {
      if (current) byFile.get(current).push(r);
    } else {
      const m = /([\w.-]+\.minutes)/.exec(r.text);
      current = m ? m[1] : undefined;
      if (current && !byFile.has(current)) byFile.set(current, []);
    }
  }
  return byFile;
}

function lineCol(row) {
  const m = /\[Ln (\d+), Col (\d+)\]/.exec(row.text) ?? /line (\d+) column (\d+)/i.exec(row.label);
  return m ? { line: Number(m[1]), col: Number(m[2]) } : undefined;
}

/** Logs the notifications VS Code is showing or holding: start-up errors end up there. */
async function logNotifications(page) {
  try {
    await runCommand(page, "Notifications: Show Notifications");
    await sleep(500);
    const texts = (await page.$$eval(".notifications-center .notification-list-item, .notification-toast", (els) =>
      els.map((e) => e.getAttribute("aria-label") || e.textContent),
    )).map(norm);
    log(`notifications (${texts.length}):\n    ${[...new Set(texts)].join("\n    ") || "(none)"}`);
    await screenshot(page, "notifications.png");
    await page.keyboard.press("Escape");
  } catch (err) {
    log(`could not read the notifications: ${err.message}`);
  }
}

async function screenshot(page, name) {
  const file = join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  log(`screenshot: ${file}`);
  return file;
}

/**
 * Inlay hints, hover on a member who left and the motions in the Outline, on votes.minutes.
 */
async function checkVotes(page, quickInput) {
  await page.keyboard.press("Control+P");
  await quickInput.waitFor({ state: "visible", timeout: 15000 });
  await quickInput.fill(VOTES);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: VOTES }).first().waitFor({ state: "visible", timeout: 30000 });
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: VOTES }).waitFor({ state: "visible", timeout: 20000 });
  await page.keyboard.press("Control+1");
  await page.mouse.move(5, 5);

  // VS Code draws each hint as a span of injected text inside the line, after an empty span as
  // wide as the padding: spans with a decoration class ("dyn-rule-…") rather than only a token
  // colour ("mtk…"). Each line's own text is the rest, which is the file's line.
  const want = [
    ["after item 1's number: who could vote", "1. Bus shelter", "1.", "5 voting members"],
    ["after item 2's number: one fewer, Wren having left", "2. Footpath signs", "2.", "4 voting members"],
    ["after the divided vote: its tally", "Mill Lane", "Voting: 4 in favour, 1 against.", "4 for, 1 against: carried"],
    ["after the unanimous vote", "new footpath signs", "All in favour.", "unanimous"],
  ];
  let hints = [];
  await waitFor(
    "the inlay hints in the editor",
    async () => {
      hints = await page.$$eval(".editor-instance .view-lines .view-line", (els) =>
        els.flatMap((line) => {
          const found = [];
          let own = "";
          let pad = 0;
          for (const span of line.querySelectorAll("span")) {
            if (span.children.length > 0) continue;
            const text = (span.textContent ?? "").replace(/\u00a0/g, " ");
            if (!/\bdyn-rule-/.test(span.className)) own += text;
            else if (text === "") pad = span.getBoundingClientRect().width;
            else {
              found.push({ before: own, label: text, pad });
              pad = 0;
            }
          }
          return found.map((h) => ({ ...h, line: own }));
        }),
      );
      return want.every(([, , , label]) => hints.some((h) => h.label === label));
    },
    { timeout: 20000, interval: 500 },
  ).catch((err) => log(err.message));
  log(`inlay hints shown in ${VOTES}:\n    ${hints.map((h) => `${JSON.stringify(h.before.slice(-32))} + [${h.pad.toFixed(1)}px] ${JSON.stringify(h.label)}`).join("\n    ")}`);
  check(`${VOTES} shows four inlay hints`, hints.length === 4, `${hints.length} shown`);
  for (const [what, key, before, label] of want) {
    const h = hints.find((x) => x.line.includes(key) && x.label === label);
    check(
      `an inlay hint ${what}: "${label}" right after "${before}", with VS Code's padding before it`,
      // Right after: the line's own text up to the hint ends with the first "before" in the line.
      h !== undefined && h.before.length === h.line.indexOf(before) + before.length && h.pad > 0,
      h ? `after ${JSON.stringify(h.before.slice(-40))}, padding ${h.pad.toFixed(1)}px` : `not shown on the line with "${key}"`,
    );
  }
  // The label carries no space of its own (paddingLeft already leaves the gap).
  check("no inlay hint label starts with a space", hints.length > 0 && hints.every((h) => !/^\s/.test(h.label)));
  await screenshot(page, "inlay-hints.png");

  // Hover with the mouse on Wren in "Cllr Wren left the meeting ...".
  const box = await page.evaluate(() => {
    for (const line of document.querySelectorAll(".editor-instance .view-lines .view-line")) {
      if (!(line.textContent ?? "").replace(/\u00a0/g, " ").includes("left the meeting")) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf("Wren");
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
    }
    return undefined;
  });
  let hoverText = "";
  let bold = [];
  if (box) {
    await page.mouse.move(box.x - 30, box.y);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const hover = page.locator(".monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content").first();
    await waitFor(
      "the hover on Wren",
      async () => {
        hoverText = norm(await hover.textContent({ timeout: 1000 }));
        return hoverText.includes("In the meeting");
      },
      { timeout: 15000, interval: 300 },
    ).catch((err) => log(err.message));
    bold = (await page.$$eval(".monaco-hover:not(.hidden) strong", (els) => els.map((e) => e.textContent))).map(norm);
    await screenshot(page, "hover.png");
  }
  log(`hover on Wren: "${hoverText}" (bold: ${bold.join(", ")})`);
  check('hovering Wren shows "In the meeting: left at 7.45 pm (item 1)"', hoverText.includes("In the meeting: left at 7.45 pm (item 1)"), hoverText);
  check(
    "the hover names Wren in bold as present (markdown rendered, no asterisks)",
    bold.includes("Councillor H Wren") && hoverText.includes("Councillor H Wren: present") && !hoverText.includes("**"),
    bold.join(", "),
  );
  await page.mouse.move(5, 5);
  await page.keyboard.press("Escape");

  // The Outline: each motion under its item, with its result; mover and seconder beside it.
  await runCommand(page, "Explorer: Focus on Outline View");
  let outline = [];
  const motion = (t) => t.includes("Motion: 4 for, 1 against: carried") && t.includes("moved by Cllr Okoro, seconded by Cllr Patel");
  await waitFor(
    "the motions in the Outline view",
    async () => {
      outline = (await allRows(page, ".outline-pane")).map((r) => norm(r.text));
      return outline.some(motion);
    },
    { timeout: 20000, interval: 1000 },
  ).catch((err) => log(err.message));
  log(`Outline of ${VOTES} (${outline.length} rows):\n    ${outline.join("\n    ")}`);
  check("the Outline lists item 1's motion with its tally, mover and seconder", outline.some(motion));
  check(
    "the Outline lists item 2's motion as unanimous",
    outline.some((t) => t.includes("Motion: unanimous") && t.includes("moved by Cllr Byrne, seconded by Cllr Marsh")),
  );
  await page.keyboard.press("Control+1");
}

// ---------------------------------------------------------------- the test

async function main() {
  need(existsSync(NODE24) && existsSync(ENTRY), `code-server not installed in ${CACHE}: run scripts/e2e-setup.sh`);
  need(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/e2e-setup.sh (apt-get install chromium)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const corpus = findCorpus();
  const vsix = packageVsix();

  tmp = mkdtempSync(join(tmpdir(), "minutes-lint-e2e-"));
  // A multi-root workspace: two folders, one language client. The workspace
  // settings raise broken-paragraph from its default (warning) to error, which
  // the server learns through workspace/configuration.
  const folderA = join(tmp, "committee-a");
  const folderB = join(tmp, "committee-b");
  mkdirSync(folderA);
  mkdirSync(folderB);
  const draftPath = join(folderA, DRAFT);
  copyFileSync(join(corpus, DRAFT_SOURCE), draftPath);
  const original = readFileSync(draftPath, "utf8");
  const secondPath = join(folderB, SECOND);
  copyFileSync(draftPath, secondPath);
  need(existsSync(VOTES_SOURCE), `${VOTES_SOURCE} not found`);
  copyFileSync(VOTES_SOURCE, join(folderA, VOTES));
  const workspace = join(tmp, "minutes.code-workspace");
  writeFileSync(
    workspace,
    JSON.stringify(
      {
        folders: [{ path: "committee-a" }, { path: "committee-b" }],
        settings: { "minutes-lint.rules": { "broken-paragraph": "error" } },
      },
      null,
      2,
    ),
  );
  const userDir = join(tmp, "user-data/User");
  mkdirSync(userDir, { recursive: true });
  writeFileSync(
    join(userDir, "settings.json"),
    JSON.stringify(
      {
        "security.workspace.trust.enabled": false,
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.welcomePage.walkthroughs.openOnInstall": false,
        "workbench.enableExperiments": false,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "chat.disableAIFeatures": true,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.autoUpdate": false,
        "extensions.autoCheckUpdates": false,
        "extensions.ignoreRecommendations": true,
        "files.autoSave": "off",
        "editor.minimap.enabled": false,
        "outline.collapseItems": "alwaysExpand",
        // The default, said out loud: the inlay hint checks need them shown.
        "editor.inlayHints.enabled": "on",
        // One screen line per text line, so the editor DOM shows whole lines.
        "[minutes]": { "editor.wordWrap": "off" },
      },
      null,
      2,
    ),
  );

  await installExtension(vsix);
  const port = await freePort();
  await startCodeServer(port, workspace);

  browserServer = await withTimeout(
    chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }),
    60000,
    "starting Chromium",
  );
  started.push({ name: "Chromium", pid: browserServer.process().pid, group: false });
  log(`Chromium pid ${browserServer.process().pid}`);
  const browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: 30000 });
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const consoleLines = [];
  page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));

  const url = `http://127.0.0.1:${port}/?workspace=${encodeURIComponent(workspace)}`;
  log(`opening ${url}`);
  await page.goto(url, { timeout: 90000, waitUntil: "domcontentloaded" });
  await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 90000 });
  await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor({ state: "visible", timeout: 90000 });
  log("workbench is up");
  await sleep(1500);

  // Open the draft through Quick Open.
  await page.keyboard.press("Control+P");
  const quickInput = page.locator(".quick-input-widget input");
  await quickInput.waitFor({ state: "visible", timeout: 15000 });
  await quickInput.fill(DRAFT);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: DRAFT }).first().waitFor({ state: "visible", timeout: 30000 });
  await page.keyboard.press("Enter");
  await waitFor("the draft in the editor", async () =>
    norm(await page.locator(".editor-instance .view-lines").first().textContent()).includes("Ofsted Subgroup"),
  );
  log(`opened ${DRAFT}`);

  const mode = await waitFor("the language mode in the status bar", async () => {
    const t = norm(await page.locator('[id="status.editor.mode"]').first().textContent());
    return t === "Minutes" ? t : false;
  }).catch(async () => norm(await page.locator('[id="status.editor.mode"]').first().textContent()));
  check("the draft opens in the Minutes language (language contribution)", mode === "Minutes", `status bar says "${mode}"`);

  let highlighted = 0;
  await waitFor(
    "the grammar's colours",
    async () => {
      highlighted = await page.$$eval(".editor-instance .view-line span span", (els) =>
        [...new Set(els.map((e) => e.className))].filter((c) => c.startsWith("mtk")).length,
      );
      return highlighted >= 3;
    },
    { timeout: 20000, interval: 500 },
  ).catch(() => false);
  check("the grammar colours the draft (several token colours)", highlighted >= 3, `${highlighted} token classes`);

  // The Problems panel.
  await page.keyboard.press("Control+Shift+M");
  await page.locator(".markers-panel").first().waitFor({ state: "visible", timeout: 15000 });
  let rows = [];
  const wanted = () => {
    const taylor = rows.filter((r) => /present-and-apologies/.test(r.text) && /Taylor/.test(r.text));
    const broken = rows.filter((r) => /broken-paragraph/.test(r.text));
    return { taylor, broken, ok: taylor.length >= 1 && broken.length >= 2 };
  };
  try {
    await waitFor(
      "minutes-lint findings in the Problems panel",
      async () => {
        rows = await problemRows(page);
        return wanted().ok;
      },
      { timeout: 60000, interval: 1000 },
    );
  } catch (err) {
    log(String(err.message));
  }
  const problemsText = rows.map((r) => norm(r.text));
  writeFileSync(join(ARTIFACTS, "problems.txt"), problemsText.join("\n") + "\n");
  log(`Problems panel (${rows.length} rows):\n    ${problemsText.join("\n    ")}`);
  const { taylor, broken } = wanted();
  if (!wanted().ok) await logNotifications(page);
  check("Problems lists Councillor Taylor as present and sending apologies", taylor.length >= 1, norm(taylor[0]?.text));
  check("Problems lists two broken paragraphs", broken.length === 2, `${broken.length} found`);
  // The server may publish once before it has the settings: wait for the relint.
  let severities = broken;
  const asErrors = broken.length > 0 && (await waitFor(
    "broken-paragraph findings shown as errors",
    async () => {
      severities = (await problemRows(page)).filter((r) => /broken-paragraph/.test(r.text));
      return severities.length > 0 && severities.every((r) => r.icons.includes("codicon-error"));
    },
    { timeout: 20000, interval: 1000 },
  ).catch(() => false));
  check(
    'minutes-lint.rules { "broken-paragraph": "error" } reaches the server (shown as errors, not warnings)',
    asErrors,
    severities.map((r) => r.icons.match(/codicon-(error|warning|info)/)?.[0] ?? r.icons).join(", "),
  );
  await screenshot(page, "problems.png");

  // The Outline view.
  await runCommand(page, "Explorer: Focus on Outline View");
  let outline = [];
  await waitFor(
    "the items in the Outline view",
    async () => {
      outline = (await allRows(page, ".outline-pane")).map((r) => norm(r.text));
      return ["CYP/OSG/17/12", "CYP/OSG/17/13", "CYP/OSG/17/14"].every((n) => outline.some((t) => t.includes(n)));
    },
    { timeout: 30000, interval: 1000 },
  ).catch((err) => log(err.message));
  writeFileSync(join(ARTIFACTS, "outline.txt"), outline.join("\n") + "\n");
  log(`Outline (${outline.length} rows):\n    ${outline.join("\n    ")}`);
  for (const n of ["CYP/OSG/17/12", "CYP/OSG/17/13", "CYP/OSG/17/14"]) {
    check(`the Outline lists item ${n}`, outline.some((t) => t.includes(n)));
  }
  await page.keyboard.press("Control+1");
  await page.mouse.move(5, 5);
  await sleep(700);
  await screenshot(page, "vscode-minutes-lint.png");

  // The two paragraphs of each broken-paragraph finding, from the file: the
  // end of the first and the first words of the second.
  const lines = original.split(/\r?\n/);
  const pairs = broken.map((row) => {
    const at = lineCol(row);
    if (!at) return undefined;
    let first = at.line - 1;
    if (/^[a-z]/.test(lines[first] ?? "")) {
      first--;
      while (first > 0 && lines[first].trim() === "") first--;
    }
    let second = first + 1;
    while (second < lines.length && lines[second].trim() === "") second++;
    const head = lines[first].trim().split(/\s+/).slice(-4).join(" ");
    const tail = (lines[second] ?? "").trim().split(/\s+/).slice(0, 3).join(" ");
    return { at, head, tail, joined: (text) => norm(text).includes(`${head} ${tail}`) };
  });

  // A quick fix from the light bulb menu on the first broken paragraph.
  const pair = pairs[0];
  if (pair) {
    const { at, head, tail } = pair;
    log(`broken paragraph at Ln ${at.line}, Col ${at.col}: "…${head}" / "${tail} …"`);
    await page.keyboard.press("Control+1"); // focus the editor
    await page.keyboard.press("Control+G");
    await quickInput.waitFor({ state: "visible", timeout: 10000 });
    await quickInput.fill(`:${at.line}:${at.col}`);
    await page.keyboard.press("Enter");
    await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: 10000 });
    await sleep(800);
    await page.keyboard.press("Control+.");
    const menuRows = page.locator(".action-widget .monaco-list-row");
    await menuRows.first().waitFor({ state: "visible", timeout: 15000 });
    const menuText = (await menuRows.allTextContents()).map(norm);
    log(`light bulb menu: ${menuText.map((t) => `"${t}"`).join(", ")}`);
    const joinItem = page.locator(".action-widget .monaco-list-row.action", { hasText: /join/i }).first();
    let applied = false;
    try {
      await joinItem.waitFor({ state: "visible", timeout: 15000 });
      await joinItem.hover();
      await screenshot(page, "quick-fix.png");
      await joinItem.click();
      applied = true;
    } catch (err) {
      await screenshot(page, "quick-fix.png");
      check("the light bulb menu offers a join fix", false, `menu: ${menuText.join(" | ")}`);
      await page.keyboard.press("Escape");
    }
    if (applied) {
      const joined = await waitFor(
        "the joined paragraph in the editor",
        async () => {
          const texts = (await page.$$eval(".editor-instance .view-line", (els) => els.map((e) => e.textContent))).map(norm);
          return texts.find((t) => pair.joined(t));
        },
        { timeout: 15000 },
      ).catch(() => undefined);
      check(
        "the join quick fix changes the editor text",
        Boolean(joined),
        joined ? `line ${at.line} now reads "…${head} ${tail}…"` : "text unchanged",
      );
      const dirty = await page.locator(".tab.dirty", { hasText: DRAFT }).count();
      check("the editor is marked as modified", dirty > 0);
      const after = await waitFor(
        "the Problems panel to drop the fixed finding",
        async () => {
          rows = await problemRows(page);
          const n = rows.filter((r) => /broken-paragraph/.test(r.text)).length;
          return n === broken.length - 1 ? rows : false;
        },
        { timeout: 20000, interval: 1000 },
      ).catch(() => undefined);
      check(
        "the fixed finding leaves the Problems panel",
        Boolean(after),
        `${rows.filter((r) => /broken-paragraph/.test(r.text)).length} broken-paragraph rows now`,
      );
    }
  } else {
    check("the join quick fix changes the editor text", false, "no broken-paragraph finding to fix");
  }

  // The Fix all command joins the other broken paragraph.
  await page.keyboard.press("Control+1");
  await runCommand(page, "minutes-lint: Fix all problems");
  const noneLeft = await waitFor(
    "the Fix all command to join the rest",
    async () => {
      rows = await problemRows(page);
      return rows.filter((r) => /broken-paragraph/.test(r.text)).length === 0;
    },
    { timeout: 20000, interval: 1000 },
  ).catch(() => false);
  check(
    'the "minutes-lint: Fix all problems" command fixes the remaining broken paragraph',
    broken.length >= 2 && noneLeft,
    `${rows.filter((r) => /broken-paragraph/.test(r.text)).length} broken-paragraph rows left`,
  );

  // Save: both joins reach the disk.
  await page.keyboard.press("Control+S");
  let savedText = original;
  await waitFor(
    "the saved file with every broken paragraph joined",
    () => {
      savedText = readFileSync(draftPath, "utf8");
      return pairs.length > 0 && pairs.every((p) => p && p.joined(savedText));
    },
    { timeout: 20000, interval: 500 },
  ).catch(() => false);
  writeFileSync(join(ARTIFACTS, "saved.minutes"), savedText);
  check(
    "saving writes the fixed text to disk",
    pairs.length > 0 && pairs.every((p) => p?.joined(savedText)),
    `${pairs.filter((p) => p?.joined(savedText)).length} of ${pairs.length} joined on disk`,
  );
  const clean = await waitFor(
    "the editor tab to lose its modified mark",
    async () => (await page.locator(".tab.dirty", { hasText: DRAFT }).count()) === 0,
    { timeout: 10000 },
  ).catch(() => false);
  check("the editor is clean after saving", clean);

  // Fix all on save (editor.codeActionsOnSave: source.fixAll.minutes-lint,
  // from the extension's configurationDefaults), on an untouched copy.
  await page.keyboard.press("Control+P");
  await quickInput.waitFor({ state: "visible", timeout: 15000 });
  await quickInput.fill(SECOND);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: SECOND }).first().waitFor({ state: "visible", timeout: 30000 });
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: SECOND }).waitFor({ state: "visible", timeout: 20000 });
  let secondRows = [];
  await waitFor(
    `the findings for ${SECOND}`,
    async () => {
      secondRows = (await problemsByFile(page)).get(SECOND) ?? [];
      return secondRows.filter((r) => /broken-paragraph/.test(r.text)).length >= 2;
    },
    { timeout: 60000, interval: 1000 },
  ).catch((err) => log(err.message));
  log(`Problems for ${SECOND} (second folder):\n    ${secondRows.map((r) => norm(r.text)).join("\n    ")}`);
  check(
    "the second workspace folder is linted by the same client",
    secondRows.filter((r) => /broken-paragraph/.test(r.text)).length >= 2,
  );
  await page.keyboard.press("Control+1");
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter"); // a change, so that the save is a real one
  await page.keyboard.press("Control+S");
  let secondText = original;
  const onSave = await waitFor(
    "the second copy saved with its broken paragraphs joined",
    () => {
      secondText = readFileSync(secondPath, "utf8");
      return pairs.length > 0 && pairs.every((p) => p && p.joined(secondText));
    },
    { timeout: 20000, interval: 500 },
  ).catch(() => false);
  check(
    "fix all on save joins the broken paragraphs",
    onSave,
    `${pairs.filter((p) => p?.joined(secondText)).length} of ${pairs.length} joined on disk`,
  );

  await checkVotes(page, quickInput);

  // No server to be found: a clear error with a button that opens the setting.
  const extDir = join(tmp, "extensions");
  const installedDir = readdirSync(extDir).find((d) => d.startsWith("minutes-lint.minutes-lint-"));
  const installedBin = installedDir && join(extDir, installedDir, "server/minutes-lint");
  if (installedBin && existsSync(installedBin)) {
    log(`installed server: ${installedBin} (mode ${(statSync(installedBin).mode & 0o777).toString(8)})`);
    renameSync(installedBin, `${installedBin}.hidden`);
    await runCommand(page, "minutes-lint: Restart server");
    const toast = page.locator(".notification-toast", { hasText: "cannot start" }).first();
    const shown = await toast
      .waitFor({ state: "visible", timeout: 20000 })
      .then(() => true)
      .catch(() => false);
    const toastText = shown ? norm(await toast.textContent()) : "";
    check("with no server, an error notification says how to fix it", shown && /minutes-lint\.server\.path/.test(toastText), toastText.slice(0, 160));
    if (shown) {
      await page.mouse.move(5, 5);
      await screenshot(page, "no-server.png");
      await toast.locator(".monaco-button", { hasText: "Open Settings" }).first().click();
      const settingShown = await page
        .locator(".settings-editor .setting-item", { hasText: "Server: Path" })
        .first()
        .waitFor({ state: "visible", timeout: 20000 })
        .then(() => true)
        .catch(() => false);
      await screenshot(page, "open-settings.png");
      check('its "Open Settings" button opens the minutes-lint.server.path setting', settingShown);
    }
    renameSync(`${installedBin}.hidden`, installedBin);
  } else {
    check("with no server, an error notification says how to fix it", false, `no installed server binary under ${extDir}`);
  }

  writeFileSync(join(ARTIFACTS, "browser-console.log"), consoleLines.join("\n") + "\n");
  await browser.close();
}

const watchdog = setTimeout(async () => {
  log(`the whole test took longer than ${TOTAL_TIMEOUT_MS} ms; stopping`);
  await cleanup();
  process.exit(1);
}, TOTAL_TIMEOUT_MS);

let fatal;
try {
  await main();
} catch (err) {
  fatal = err;
  log(`ERROR: ${err instanceof Fatal ? err.message : err.stack}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
const failed = results.filter((r) => !r.ok);
console.log(`\nartifacts: ${ARTIFACTS}`);
console.log(`${results.length - failed.length} passed, ${failed.length + (fatal ? 1 : 0)} failed`);
process.exit(fatal || failed.length || results.length === 0 ? 1 : 0);
