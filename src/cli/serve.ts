/**
 * Production entry: migrate, make sure there is a way to create the first admin, then serve the
 * built portal. Wraps Astro's request handler (adapter in middleware mode) so that every response (static files too)
 * carries the security headers.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { securityHeaders } from '../lib/security-headers';
import { ensureSetupLink } from './setup-link';
import { deleteExpiredSessions } from '../lib/server/auth/session';
import { markServing, projectRoot, resolveCurrentBuild } from './build-dir';
import { createPortalHandler } from './serving/handler';
import { startScheduler } from '../lib/server/clock/scheduler';
import { jobSettingsFromEnv } from './job-settings';
import { backupSettingsFromEnv } from '../lib/backup/settings';
import { runBackupChild, scheduledBackup } from '../lib/server/backup/schedule';

/** Reads the settings the start script needs (the app itself reads them through astro:env). */
function readSettings() {
	return {
		databaseUrl: process.env.DATABASE_URL ?? 'file:data/portal.db',
		authToken: process.env.DATABASE_AUTH_TOKEN,
		host: process.env.HOST ?? '127.0.0.1',
		port: Number(process.env.PORT ?? 4321),
	};
}

/** True when the first X-Forwarded-Proto value (the one the proxy in front set) is https. */
function forwardedHttps(header: string | string[] | undefined): boolean {
	const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
	return first === 'https';
}

export async function serve(banner?: string): Promise<void> {
	const settings = readSettings();
	// Read first, so a wrong BACKUP_EVERY or BACKUP_KEEP stops the start with its sentence.
	const backup = backupSettingsFromEnv({ ...process.env, DATABASE_URL: settings.databaseUrl });
	process.env.DATABASE_URL = settings.databaseUrl;
	// The build is resolved once, by its real folder: later builds never change it under us.
	const build = resolveCurrentBuild();
	if (!build) throw new Error('No build found: run `npm run build` (or `npm start`) first.');
	const entry = pathToFileURL(join(build, 'server', 'entry.mjs'));
	const db = await createDb(settings.databaseUrl, settings.authToken);
	await migrateDb(db);
	const publicUrl = process.env.PUBLIC_URL ?? `http://${settings.host}:${settings.port}`;
	await ensureSetupLink(db, publicUrl);
	// Expired sessions are refused on use; this clears the ones nobody came back with.
	await deleteExpiredSessions(db);
	db.$client.close();

	process.env.ASTRO_NODE_AUTOSTART = 'disabled';
	process.env.PORTAL_BUILD_DIR = build;
	const unmark = markServing(build);
	process.on('exit', unmark);
	const { handler } = (await import(entry.href)) as {
		handler: Parameters<typeof createPortalHandler>[0];
	};
	// Precompressed static files, signed-in versions of static pages, on-the-fly compression.
	const portal = createPortalHandler(handler, { clientDir: join(build, 'client') });
	const trustProxy = process.env.TRUST_PROXY === '1';
	const server = createServer((req, res) => {
		// Behind a TLS proxy the request reaches us as plain HTTP; Astro builds the request's URL
		// (and so its origin check of form posts) from the socket, so a browser's
		// `Origin: https://…` would be refused. A trusted proxy's X-Forwarded-Proto says which it
		// was, per request: the proxy reuses one connection for many clients' requests.
		if (trustProxy)
			Object.defineProperty(req.socket, 'encrypted', {
				value: forwardedHttps(req.headers['x-forwarded-proto']),
				configurable: true,
			});
		for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
		portal(req, res);
	});
	server.listen(settings.port, settings.host, () => {
		console.log(`RILO A/P Programme Portal listening on ${publicUrl}`);
		if (banner) console.log(banner);
	});
	// The programme's clock: reminders, digests, mail retries, the purge, and the backups when
	// BACKUP_EVERY is set (SCHEDULER=off for a set-up where cron runs `npm run jobs` instead).
	const backupWork = scheduledBackup(backup, () => runBackupChild(projectRoot));
	if (backupWork && process.env.SCHEDULER === 'off')
		console.log('BACKUP_EVERY is not used with SCHEDULER=off: run `npm run backup` from cron.');
	const stopClock =
		process.env.SCHEDULER === 'off'
			? () => {}
			: startScheduler(
					await createDb(settings.databaseUrl, settings.authToken),
					jobSettingsFromEnv({ ...process.env, PUBLIC_URL: publicUrl }),
					console,
					backupWork ? [backupWork] : [],
				);
	const stop = () => {
		stopClock();
		server.close(() => process.exit(0));
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await serve();
