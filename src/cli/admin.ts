/**
 * Operator commands (`npm run admin -- <command>`):
 *   create --email <email> --name "<name>"   create an admin; prints a one-time link to set the password
 *   reset  --email <email>                   print a one-time password-reset link for anyone
 * Passwords never pass through the command line or shell history.
 */
import { parseArgs } from 'node:util';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { createResetLink } from '../lib/server/auth/invitation';
import { newToken } from '../lib/server/ids';
import { findUserByEmail, insertUser } from '../lib/server/auth/user';
import { recordAudit } from '../lib/server/audit';

const usage = [
	'Usage:',
	'  npm run admin -- create --email <email> --name "<name>"   create an admin; prints a one-time link to set the password',
	'  npm run admin -- reset --email <email>                    print a one-time password-reset link',
	'Links start with PUBLIC_URL, or http://HOST:PORT (default http://127.0.0.1:4321, where `npm start` serves).',
].join('\n');

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
	});
} catch (error) {
	fail(`${(error as Error).message}\n\n${usage}`);
}
const { positionals, values } = parsed;
const [command] = positionals;
if (values.help || !command || !['create', 'reset'].includes(command)) {
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	fail(command ? `Unknown command "${command}".\n\n${usage}` : usage);
}
const base = (
	process.env.PUBLIC_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 4321}`
).replace(/\/$/, '');

const db = await createDb(
	process.env.DATABASE_URL ?? 'file:data/portal.db',
	process.env.DATABASE_AUTH_TOKEN,
);
await migrateDb(db);
if (!values.email) fail(`Give --email.\n\n${usage}`);

if (command === 'create') {
	if (!values.name) fail('Give --name "Full Name".');
	if (await findUserByEmail(db, values.email)) fail(`${values.email} already has an account.`);
	// A random password nobody knows; the person sets their own through the link.
	const user = await insertUser(db, {
		email: values.email,
		name: values.name,
		role: 'admin',
		password: newToken(),
	});
	await recordAudit(db, {
		actorId: null,
		action: 'cli.admin_create',
		subjectType: 'user',
		subjectId: user.id,
	});
	const { token } = await createResetLink(db, user.id, user.id);
	console.log(
		`Admin ${user.email} created. They set their password here (once, within 7 days):\n  ${base}/reset?token=${token}`,
	);
} else if (command === 'reset') {
	const user = await findUserByEmail(db, values.email);
	if (!user) fail(`No account for ${values.email}.`);
	const { token } = await createResetLink(db, user.id, user.id);
	console.log(
		`One-time reset link for ${user.email} (valid 7 days):\n  ${base}/reset?token=${token}`,
	);
}
db.$client.close();
