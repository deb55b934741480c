// Packages the extension as a platform-specific .vsix (linux-x64 unless
// MINUTES_LINT_TARGET names another VS Code platform, e.g. win32-x64,
// darwin-arm64) that carries the release minutes-lint binary in server/, so a
// clerk installs one file and needs nothing on PATH.
//
//   MINUTES_LINT_BIN=/path/to/minutes-lint npm run package
//   MINUTES_LINT_TARGET=win32-arm64 MINUTES_LINT_BIN=dist/minutes-lint.exe npm run package
//
// The binary defaults to ../../target/release/minutes-lint (the repo's release
// build). A binary built for another platform (the release workflow packages
// every platform on Linux) is not run; for this machine's own platform it is
// run with --version first. Prints the path of the .vsix it wrote.
import { spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = process.env.MINUTES_LINT_TARGET ?? "linux-x64";
const bin = resolve(root, process.env.MINUTES_LINT_BIN ?? "../../target/release/minutes-lint");

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const native = target === `${process.platform}-${process.arch}`;
try {
  if (!statSync(bin).isFile()) fail(`${bin} is not a file`);
  if (native) accessSync(bin, constants.X_OK);
} catch (err) {
  fail(
    `no minutes-lint binary at ${bin} (${err.code ?? err.message}). ` +
      `Build it with \`cargo build --release\` at the repo root, or set MINUTES_LINT_BIN.`,
  );
}
if (native) {
  const probe = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 10000 });
  if (probe.status !== 0) fail(`${bin} --version failed: ${probe.error ?? probe.stderr}`);
  console.log(`package: bundling ${bin} (${probe.stdout.trim() || "no version printed"})`);
} else {
  console.log(`package: bundling ${bin} for ${target} (built for another platform: not run here)`);
}

// Only this target's binary goes in: an earlier package run may have left another's.
rmSync(join(root, "server"), { recursive: true, force: true });
mkdirSync(join(root, "server"), { recursive: true });
const bundled = join(root, "server", target.startsWith("win32-") ? "minutes-lint.exe" : "minutes-lint");
copyFileSync(bin, bundled);
chmodSync(bundled, 0o755);

const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = join(root, `minutes-lint-${version}-${target}.vsix`);
const vsce = join(root, "node_modules/@vscode/vsce/vsce");
const run = spawnSync(
  process.execPath,
  [vsce, "package", "--target", target, "--no-dependencies", "--allow-missing-repository", "--no-rewrite-relative-links", "--out", out],
  { cwd: root, stdio: "inherit", timeout: 300000 },
);
if (run.status !== 0) fail(`vsce package failed (${run.error ?? `exit ${run.status}`})`);
console.log(`package: wrote ${out}`);
