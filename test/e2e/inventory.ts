/**
 * The real routes and actions, read from the source tree, so the security tests cover every
 * page and action that exists — a new one without an expectation fails the suite.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('../../', import.meta.url).pathname;

/** Every route as its pattern, e.g. '/logbook/[id]/edit' or '/report/export.md'. */
export function listRoutes(): { pattern: string; endpoint: boolean }[] {
	const dir = join(root, 'src/pages');
	const out: { pattern: string; endpoint: boolean }[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/\.(astro|ts)$/.test(name)) {
				const path =
					'/' +
					relative(dir, full)
						.replace(/\.(astro|ts)$/, '')
						.replace(/(^|\/)index$/, '');
				out.push({
					pattern: path === '/' ? '/' : path.replace(/\/$/, ''),
					endpoint: name.endsWith('.ts'),
				});
			}
		}
	};
	walk(dir);
	return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The property names of `export const <name> = { … }` in a TypeScript source, read with the compiler's parser. */
function objectKeys(source: string, name: string): string[] {
	const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
	for (const statement of file.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const decl of statement.declarationList.declarations) {
			if (
				ts.isIdentifier(decl.name) &&
				decl.name.text === name &&
				decl.initializer &&
				ts.isObjectLiteralExpression(decl.initializer)
			)
				return decl.initializer.properties
					.map((p) =>
						p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '',
					)
					.filter(Boolean);
		}
	}
	throw new Error(`no object literal named ${name}`);
}

/** Every action as 'namespace.name', from src/actions/index.ts and the files it imports. */
export function listActions(): string[] {
	const index = readFileSync(join(root, 'src/actions/index.ts'), 'utf8');
	const namespaces = objectKeys(index, 'server');
	const files = [...index.matchAll(/import \{([^}]+)\} from '\.\/([\w-]+)'/g)].map((m) => ({
		names: m[1]!.split(',').map((s) => s.trim()),
		file: m[2]!,
	}));
	const names: string[] = [];
	for (const ns of namespaces) {
		const file = files.find((f) => f.names.includes(ns))?.file;
		if (!file) throw new Error(`no source for action namespace ${ns}`);
		const source = readFileSync(join(root, `src/actions/${file}.ts`), 'utf8');
		for (const key of objectKeys(source, ns)) names.push(`${ns}.${key}`);
	}
	return names.sort();
}

/** Demo records of participant 1 in the CEN practice environment (db/seed-demo-cen.ts). */
export const cenIds = {
	seizure: 'democenseiz11',
	message: 'democenmsg11',
	material: 'democenmat11',
};

/** What participant 2 gets for each CEN practice page of participant 1's records. */
export const cenRouteExpectations: Record<string, number> = {
	'/cen/seizures/[id]': 404,
	'/cen/messages/[id]': 404,
	'/materials/[id]': 404,
	'/materials/[id]/file': 404,
};

/** The id a CEN route pattern is filled with, or null for other routes. */
export function cenRouteId(pattern: string): string | null {
	if (pattern.startsWith('/cen/seizures/')) return cenIds.seizure;
	if (pattern.startsWith('/cen/messages/')) return cenIds.message;
	if (pattern.startsWith('/materials/')) return cenIds.material;
	return null;
}

/** Participant 2 calling each CEN action on participant 1's records (or a role it lacks). */
export function cenActionAttempts(): Record<
	string,
	{ form: Record<string, string>; status: number } | 'own'
> {
	const warning = {
		kind: 'warning',
		subject: 'Hijacked warning subject',
		recipientGroup: 'Practice CUG: regional drugs network',
		indicators: 'x',
		modusOperandi: 'x',
		routes: 'x',
		riskIndicators: 'x',
		requestedAction: 'x',
		handling: 'restricted',
	};
	return {
		'cen.codeSeizure': 'own',
		'cen.draftMessage': 'own',
		'cen.updateMessage': { form: { id: cenIds.message, version: '2', ...warning }, status: 404 },
		'cen.submitMessage': { form: { id: cenIds.message, version: '2' }, status: 404 },
		'cen.reviewMessage': { form: { id: cenIds.message, decision: 'approved' }, status: 403 },
		'cen.saveSearch': 'own',
		'cen.upload': 'own',
		'cen.addToMaterials': {
			form: { record: `seizure:${cenIds.seizure}`, title: 'Hijack', handling: 'restricted' },
			status: 404,
		},
		'cen.saveChart': 'own',
		'cen.attachMaterial': {
			form: { material: cenIds.material, studyPart: 'plan' },
			status: 404,
		},
		'cen.detachMaterial': { form: { id: cenIds.material, from: 'log' }, status: 404 },
	};
}
