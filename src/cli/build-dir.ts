/**
 * Where builds live. Every `npm run build` writes a new directory `builds/<id>/` and, once it
 * is complete, points the `dist` symlink at it in one atomic rename. A running server resolves
 * `dist` once at start and keeps importing from its own directory, so a later build (by
 * `npm run demo`, `npm test` or a second `npm run build`) never changes files under it. Old
 * builds are pruned unless a live server still serves them.
 */
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Every build, one folder each. */
const buildsOf = (root: string) => join(root, 'builds');
/** The symlink to the newest complete build (what `npm run serve` starts). */
const linkOf = (root: string) => join(root, 'dist');
/** Written last by the build: the server files a healthy build must still have. */
export const manifestName = 'build.json';
const servingDir = 'serving';

/** A fresh, empty folder for the next build. */
export function newBuildDir(root = projectRoot): string {
	// Sortable by time. Two builds of one millisecond get a sequence number, so the later one
	// still sorts last (pruning keeps the newest by name); the random part keeps two processes apart.
	const stamp = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-');
	const existing = existsSync(buildsOf(root)) ? readdirSync(buildsOf(root)) : [];
	const sequence = existing.filter((name) => name.startsWith(`${stamp}-`)).length;
	const id = `${stamp}-${String(sequence).padStart(2, '0')}${randomBytes(3).toString('hex')}`;
	const dir = join(buildsOf(root), id);
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** Every file under `dir`, relative to it. */
function listFiles(dir: string, under = ''): string[] {
	return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? listFiles(dir, join(under, d.name)) : [join(under, d.name)],
	);
}

/** Records the server files of a finished build; their absence later means it is broken. */
export function writeBuildManifest(dir: string): void {
	const files = listFiles(dir, 'server');
	if (existsSync(join(dir, '_headers.json'))) files.push('_headers.json');
	writeFileSync(join(dir, manifestName), JSON.stringify({ files }, null, '\t'));
}

/** Points `dist` at `dir` atomically (a symlink renamed over the old one). */
export function publishBuild(dir: string, root = projectRoot): void {
	const link = linkOf(root);
	// A `dist` folder from before builds were kept apart is moved aside, not deleted.
	if (existsSync(link) && !lstatSync(link).isSymbolicLink())
		renameSync(link, join(buildsOf(root), `00000000-legacy-${Date.now()}`));
	const temporary = `${link}.${process.pid}.tmp`;
	rmSync(temporary, { force: true });
	symlinkSync(relative(root, dir), temporary);
	renameSync(temporary, link);
}

/** The folder `dist` points at now, resolved once, or null when there is no complete build. */
export function resolveCurrentBuild(root = projectRoot): string | null {
	if (!existsSync(join(linkOf(root), 'server', 'entry.mjs'))) return null;
	const dir = realpathSync(linkOf(root));
	// A build made by a bare `astro build` has no manifest yet: record what it has now.
	if (!existsSync(join(dir, manifestName))) writeBuildManifest(dir);
	return dir;
}

/** Marks `dir` as served by this process so pruning spares it; returns the unmarking. */
export function markServing(dir: string): () => void {
	const marker = join(dir, servingDir, String(process.pid));
	mkdirSync(join(dir, servingDir), { recursive: true });
	writeFileSync(marker, '');
	return () => rmSync(marker, { force: true });
}

/** True while a live process has marked `dir` as the build it serves. */
function isServed(dir: string): boolean {
	const markers = join(dir, servingDir);
	if (!existsSync(markers)) return false;
	return readdirSync(markers).some((pid) => {
		try {
			process.kill(Number(pid), 0);
			return true;
		} catch (error) {
			// EPERM: the process exists but belongs to someone else.
			return (error as NodeJS.ErrnoException).code === 'EPERM';
		}
	});
}

/** True for a build another `npm run build` may still be writing (no manifest, under an hour old). */
function isInProgress(dir: string): boolean {
	return !existsSync(join(dir, manifestName)) && Date.now() - statSync(dir).mtimeMs < 3_600_000;
}

/** Deletes builds other than the newest `keep`, the current one, any being served or built. */
export function pruneBuilds(keep = 2, root = projectRoot): string[] {
	const builds = buildsOf(root);
	if (!existsSync(builds)) return [];
	const current = existsSync(linkOf(root)) ? realpathSync(linkOf(root)) : null;
	const old = readdirSync(builds).sort().reverse().slice(keep);
	const removed = old
		.map((name) => join(builds, name))
		.filter((dir) => dir !== current && !isServed(dir) && !isInProgress(dir));
	for (const dir of removed) rmSync(dir, { recursive: true, force: true });
	return removed;
}
