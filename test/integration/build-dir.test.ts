/**
 * Building while a server runs: each build is a new folder, `dist` switches to it only when it
 * is complete, the folder a live server was started from is never pruned, and /healthz's check
 * notices when that folder loses files anyway.
 */
import { mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
	markServing,
	newBuildDir,
	pruneBuilds,
	publishBuild,
	resolveCurrentBuild,
	writeBuildManifest,
} from '../../src/cli/build-dir';
import { buildProblem } from '~/lib/server/http/build-health';

const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
	delete process.env.PORTAL_BUILD_DIR;
});

/** A finished fake build (an entry and one page chunk) in a fresh project root. */
function fakeBuild(root: string): string {
	const dir = newBuildDir(root);
	mkdirSync(join(dir, 'server', 'chunks'), { recursive: true });
	writeFileSync(join(dir, 'server', 'entry.mjs'), 'export {}');
	writeFileSync(join(dir, 'server', 'chunks', 'page.mjs'), 'export {}');
	writeBuildManifest(dir);
	return dir;
}

describe('builds kept apart from running servers', () => {
	it('switches dist only to complete builds and never prunes a served one', () => {
		const root = mkdtempSync(join(tmpdir(), 'portal-builds-'));
		roots.push(root);
		expect(resolveCurrentBuild(root)).toBeNull();
		const served = fakeBuild(root);
		publishBuild(served, root);
		expect(resolveCurrentBuild(root)).toBe(served);
		const unmark = markServing(served);

		// Two later builds (`npm run demo`, `npm test`) while that server runs.
		const second = fakeBuild(root);
		publishBuild(second, root);
		const third = fakeBuild(root);
		publishBuild(third, root);
		expect(readlinkSync(join(root, 'dist'))).toBe(join('builds', third.split('/').pop()!));
		// A build another process is still writing (no manifest yet) is left alone too.
		const building = join(root, 'builds', '00000001-building');
		mkdirSync(building);
		expect(pruneBuilds(1, root)).toEqual([second]);
		expect(existsSync(building)).toBe(true);
		expect(existsSync(join(served, 'server', 'chunks', 'page.mjs'))).toBe(true);

		// Once the server has stopped, its build may go.
		unmark();
		expect(pruneBuilds(1, root)).toEqual([served]);
		expect(resolveCurrentBuild(root)).toBe(third);
	});

	it('reports a served build that lost files as broken', () => {
		const root = mkdtempSync(join(tmpdir(), 'portal-builds-'));
		roots.push(root);
		const dir = fakeBuild(root);
		process.env.PORTAL_BUILD_DIR = dir;
		expect(buildProblem()).toBeNull();
		rmSync(join(dir, 'server', 'chunks'), { recursive: true });
		expect(buildProblem()).toMatch(/lacks 1 file\(s\), e\.g\. server\/chunks\/page\.mjs/);
	});
});
