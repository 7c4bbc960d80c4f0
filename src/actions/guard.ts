/** The first lines of every action handler: who is asking, may they, and errors in HTTP terms. */
import { ActionError, type ActionAPIContext } from 'astro:actions';
import { RuleError } from '~/lib/server/errors';
import type { SessionUser } from '~/lib/server/auth/session';
import type { Db } from '~db/client';
import { getDb } from '~/lib/server/db';

/** The signed-in person, or a 401. */
export function requireUser(context: ActionAPIContext): SessionUser {
	const user = context.locals.user;
	if (!user)
		throw new ActionError({
			code: 'UNAUTHORIZED',
			message: 'Your session has ended. Sign in again to continue.',
		});
	return user;
}

/** The signed-in person if they hold one of the roles, else 401 or 403. */
export function requireRole(
	context: ActionAPIContext,
	...roles: SessionUser['role'][]
): SessionUser {
	const user = requireUser(context);
	if (!roles.includes(user.role))
		throw new ActionError({ code: 'FORBIDDEN', message: 'Your role cannot do this.' });
	return user;
}

/**
 * An error shaped like Astro's input-validation error, so a rule broken on the server shows
 * beside its field exactly like a zod message does (isInputError() recognises it).
 */
class FieldRuleError extends ActionError {
	type = 'AstroActionInputError' as const;
	issues: { path: string[]; message: string; code: string }[];
	fields: Record<string, string[]>;
	constructor(field: string, message: string) {
		super({ code: 'BAD_REQUEST', message });
		this.issues = [{ path: [field], message, code: 'custom' }];
		this.fields = { [field]: [message] };
	}
}

/** Several fields refused at once, each with its message, and one sentence for the whole form. */
class FieldsRuleError extends ActionError {
	type = 'AstroActionInputError' as const;
	issues: { path: string[]; message: string; code: string }[];
	fields: Record<string, string[]>;
	constructor(problems: Record<string, string>, message: string) {
		super({ code: 'BAD_REQUEST', message });
		this.issues = Object.entries(problems).map(([f, m]) => ({
			path: [f],
			message: m,
			code: 'custom',
		}));
		this.fields = Object.fromEntries(Object.entries(problems).map(([f, m]) => [f, [m]]));
	}
}

/** An input error for several fields at once (shown beside each, like a zod error). */
export function fieldErrors(problems: Record<string, string>, message: string): ActionError {
	return new FieldsRuleError(problems, message);
}

const statusOf = {
	invalid: 'BAD_REQUEST',
	not_found: 'NOT_FOUND',
	forbidden: 'FORBIDDEN',
	conflict: 'CONFLICT',
} as const;

/** Turns a RuleError into the matching action error; anything else is rethrown as it is. */
export function rethrow(error: unknown): never {
	if (!(error instanceof RuleError)) throw error;
	if (error.field && error.code !== 'not_found')
		throw new FieldRuleError(error.field, error.message);
	throw new ActionError({ code: statusOf[error.code], message: error.message });
}

/** Runs domain code and turns a RuleError into the matching action error. */
export async function run<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		return rethrow(error);
	}
}

/** Domain work a handler runs for a person: the database, then that person; its RuleError is mapped. */
type Work<T> = (db: Db, user: SessionUser) => Promise<T>;

function runFor<T>(user: SessionUser, work: Work<T>): Promise<T> {
	return run(async () => work(await getDb(), user));
}

/** Most handlers' whole preamble: any signed-in person (else 401) runs `work`. */
export function asUser<T>(context: ActionAPIContext, work: Work<T>): Promise<T> {
	return runFor(requireUser(context), work);
}

/** Most handlers' whole preamble: a signed-in person holding one of `roles` (else 401 or 403) runs `work`. */
export function asRole<T>(
	context: ActionAPIContext,
	roles: readonly SessionUser['role'][],
	work: Work<T>,
): Promise<T> {
	return runFor(requireRole(context, ...roles), work);
}

/** The client address, for throttling (behind a proxy, the first X-Forwarded-For hop). */
export function clientAddress(context: ActionAPIContext): string {
	const forwarded = context.request.headers.get('x-forwarded-for');
	if (forwarded && process.env.TRUST_PROXY === '1') return forwarded.split(',')[0]!.trim();
	try {
		return context.clientAddress;
	} catch {
		return 'unknown';
	}
}
