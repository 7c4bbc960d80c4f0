/**
 * Runs a TypeScript entry (serve.ts, demo.ts) with tsx's loader only while it starts.
 *
 * Why: with a module loader hook installed, Node resolves every dynamic import() again through
 * the hook, and Astro's server imports the page module on every request, so under
 * `tsx src/cli/serve.ts` a third of a signed-in request's CPU went to module resolution. The
 * built server is plain JavaScript: once the entry has started (its top-level await is done),
 * the hook is removed and Node's own cached resolution serves the rest of the process's life.
 *
 * Usage: node --max-semi-space-size=8 --heap-growing-percent=50 src/cli/launch.mjs src/cli/serve.ts
 * The flags, for memory:
 * - Node 24 lets V8's young generation grow to 128 MiB, which a server answering small pages
 *   never needs; 16 MiB semi-spaces took resident memory at rest from ~320 to ~185 MiB, and
 *   8 MiB took it after the benchmark's load from ~314 to ~267 MiB.
 * - Under 50 concurrent renders V8 let the old generation grow to ~150 MiB before collecting
 *   (its default growing factor), though ~40 MiB was live, and kept it committed. Growing by at
 *   most 1.5x: resident memory after 50 connections on /login ~218 MiB instead of ~301 MiB, at
 *   the same requests/s and ~2% more CPU.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const script = process.argv[2];
if (!script) {
	console.error('Usage: node src/cli/launch.mjs <entry.ts> [args…]');
	process.exit(2);
}
// The entry sees itself as the script Node ran (serve.ts checks process.argv[1]).
process.argv.splice(1, 2, resolve(script));
const unregister = register();
await import(pathToFileURL(resolve(script)).href);
await unregister();
