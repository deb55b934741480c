// Compiles test/unit/*.test.ts (with the pure modules they import) to a
// temporary folder with esbuild and runs them with node's built-in test runner.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const testDir = join(root, "test/unit");
const tests = readdirSync(testDir).filter((f) => f.endsWith(".test.ts"));
if (tests.length === 0) {
  console.error("no unit tests found in test/unit");
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), "minutes-lint-unit-"));
try {
  await build({
    entryPoints: tests.map((t) => join(testDir, t)),
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Tests read files relative to the extension folder.
    define: { "process.env.MINUTES_LINT_EXT_ROOT": JSON.stringify(root) },
    logLevel: "warning",
  });
  const files = readdirSync(out).filter((f) => f.endsWith(".test.mjs")).map((f) => join(out, f));
  const run = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
