/**
 * Whether the build this server runs from is still whole. `src/cli/serve.ts` names the build
 * folder in PORTAL_BUILD_DIR; its `build.json` lists the server files. A file gone (a build
 * folder deleted, or rebuilt in place by a bare `astro build`) would make every page not yet
 * loaded answer 500, so /healthz reports it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let files: string[] | null = null;

/** A sentence on what is missing from the served build, or null when it is whole (or unknown). */
export function buildProblem(): string | null {
	const dir = process.env.PORTAL_BUILD_DIR;
	if (!dir) return null;
	if (!files) {
		try {
			files = (JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')) as { files: string[] })
				.files;
		} catch {
			return `The build in ${dir} has no readable build.json.`;
		}
	}
	const missing = files.filter((file) => !existsSync(join(dir, file)));
	return missing.length
		? `The build in ${dir} lacks ${missing.length} file(s), e.g. ${missing[0]}.`
		: null;
}
