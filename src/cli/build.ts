/**
 * `npm run build`: Astro into a new `builds/<id>/`, the static-header sort, the Pagefind
 * index, a manifest of the server files; only then `dist` points at it (build-dir.ts). A
 * server started earlier keeps serving its own build, untouched.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
	newBuildDir,
	projectRoot,
	publishBuild,
	pruneBuilds,
	writeBuildManifest,
} from './build-dir';
import { sortStaticHeaders } from './sort-static-headers';

/** Runs a tool from node_modules/.bin in the project root; throws when it fails. */
function run(tool: string, args: string[]): void {
	const result = spawnSync(join(projectRoot, 'node_modules', '.bin', tool), args, {
		cwd: projectRoot,
		stdio: 'inherit',
	});
	if (result.status !== 0) throw new Error(`${tool} ${args[0]} failed (exit ${result.status})`);
}

const dir = newBuildDir();
try {
	run('astro', ['build', '--outDir', dir]);
	console.log(`sorted ${sortStaticHeaders(dir)} static header entries`);
	run('pagefind', ['--site', join(dir, 'client'), '--output-subdir', 'pagefind', '--quiet']);
	// Brotli and gzip copies beside every compressible client file (served by src/cli/serving).
	run('tsx', ['src/cli/precompress.ts', join(dir, 'client')]);
	run('tsx', ['src/cli/lab-payload.ts', dir]);
	writeBuildManifest(dir);
} catch (error) {
	rmSync(dir, { recursive: true, force: true });
	console.error(
		`Build failed; dist still points at the previous build. ${(error as Error).message}`,
	);
	process.exit(1);
}
publishBuild(dir);
const removed = pruneBuilds();
console.log(
	`Build ready: dist -> ${dir}${removed.length ? ` (removed ${removed.length} old build(s))` : ''}`,
);
