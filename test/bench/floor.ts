/**
 * The floor: the least a server can do to answer a participant's /dashboard, to measure the
 * portal against (issue 26). Plain `node:http`; the same database file through `libsql`, the
 * native SQLite library the portal's `@libsql/client` runs on (the client prepares every
 * statement anew, so the floor uses the library beneath it to prepare once); the same SQL the
 * portal's /dashboard runs for a signed-in participant (captured from the running portal:
 * the session and its person by the SHA-256 of the cookie token, the second-factor setting, the
 * cohort, modules done, the checklist, the to-do facts (eight statements) and the header's
 * unread count), each prepared once at start and reused; the session's `lastSeenAt` written back at most once
 * an hour as the portal does; the same HTML (the page the portal serves, as a template string)
 * and the same compression (brotli quality 4, window 18, or gzip, over 1 KiB, in one
 * synchronous call: `src/lib/server/http/compress.ts`).
 *
 * It reuses the portal's pure rules (the to-do list, the timeline, date formats), so what
 * separates the two is everything around them: framework, ORM, middleware, component rendering.
 *
 * Started as its own process, like the portal (`startServer` in `test/bench/server.ts`), so its CPU
 * per request reads from /proc the same way:
 * `PORT=4600 DATABASE_URL=file:/tmp/x.db node src/cli/launch.mjs test/bench/floor.ts`.
 * Anything but GET /dashboard with a valid participant session is a 404, 302 or 403.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Database from 'libsql';
import { formatDay, todayIn, type Day } from '~/lib/dates';
import { buildTimeline, daysLeft } from '~/lib/programme-calendar';
import { buildTodo, lastWorkingDay, milestoneHorizon } from '~/lib/todo/participant';
import type { TodoItem, TodoTone } from '~/lib/todo/item';
import { checklistItems } from '~/lib/todo/checklist';
import { sortModules } from '~/lib/course/modules';
import { securityHeaders } from '~/lib/security-headers';
import type { CheckinKind } from '~db/schema';
import { projectRoot } from './server';

const refreshEveryMs = 60 * 60 * 1000;
const inactivityMs = 3 * 24 * 60 * 60 * 1000;

/** Published modules in teaching order, read once from content/modules' front matter. */
function readModules() {
	const dir = join(projectRoot, 'content/modules');
	const modules = readdirSync(dir)
		.filter((f) => /\.mdx?$/.test(f))
		.map((f) => {
			const text = readFileSync(join(dir, f), 'utf8');
			const field = (name: string) => new RegExp(`^${name}: *(.*)$`, 'm').exec(text)?.[1] ?? '';
			return {
				id: f.replace(/\.mdx?$/, ''),
				title: field('title').replace(/^["']|["']$/g, ''),
				day: Number(field('day')),
				order: Number(field('order')),
				draft: field('draft') === 'true',
			};
		})
		.filter((m) => !m.draft);
	return sortModules(modules);
}

/** The stylesheet every page links, from the build. */
function stylesheet(): string {
	const dir = join(projectRoot, 'dist/client/_astro');
	const css = readdirSync(dir).find((f) => /^BaseLayout\..*\.css$/.test(f));
	return `/_astro/${css ?? 'BaseLayout.css'}`;
}

/** The SQL the portal's /dashboard runs for a participant, in its order (drizzle's text). */
const sql = {
	session: `select "auth_session"."id", "auth_session"."user_id", "auth_session"."expires_at", "auth_session"."absolute_expires_at", "auth_session"."last_seen_at", "auth_session"."device", "auth_session"."awaiting_second_factor", "auth_session"."created_at", "user"."id", "user"."email", "user"."name", "user"."role", "user"."administration_id", "user"."password_hash", "user"."disabled_at", "user"."second_factor_exempt", "user"."created_at" from "auth_session" inner join "user" on "user"."id" = "auth_session"."user_id" where "auth_session"."id" = ?`,
	refresh: `update "auth_session" set "expires_at" = ?, "last_seen_at" = ? where "auth_session"."id" = ?`,
	setting: `select "value" from "app_setting" where "app_setting"."name" = ?`,
	cohort: `select "cohort"."id", "cohort"."edition", "cohort"."timezone", "cohort"."training_start", "cohort"."training_end", "cohort"."ojt_start", "cohort"."ojt_end", "cohort"."departure_date", "cohort"."outline_presentation_date", "cohort"."report_due_date", "cohort"."corrections_until", "cohort"."archived_at", "cohort"."created_at" from "cohort_member" inner join "cohort" on "cohort"."id" = "cohort_member"."cohort_id" where "cohort_member"."user_id" = ? order by "cohort"."archived_at" is not null, "cohort"."training_start" desc limit ?`,
	modulesDone: `select "module_id" from "module_progress" where "module_progress"."user_id" = ?`,
	checklist: `select "user_id", "item_key", "done_at" from "checklist_item" where "checklist_item"."user_id" = ?`,
	openCounts: `select "status", sum("n") from "log_entry_tally" where ("log_entry_tally"."participant_id" = ? and "log_entry_tally"."status" in (?, ?)) group by "log_entry_tally"."status"`,
	loggedOn: `select 1 from "log_entry" where ("log_entry"."participant_id" = ? and "log_entry"."date" = ?) limit ?`,
	comments: `select "link", count(*) over () from "notification" where ("notification"."user_id" = ? and "notification"."read_at" is null and "notification"."text" like ?) order by "notification"."created_at" desc limit ?`,
	report: `select "status", "outline_presented_on" from "report" where "report"."participant_id" = ?`,
	firstIn: `select "id", "title", "date" from "log_entry" where ("log_entry"."participant_id" = ? and "log_entry"."status" = ?) order by "log_entry"."date" asc, "log_entry"."id" asc limit ?`,
	checkins: `select "kind" from "checkin" where "checkin"."participant_id" = ?`,
	milestones: `select "id", "title", "due_date" from "study_milestone" where ("study_milestone"."participant_id" = ? and "study_milestone"."done_at" is null and "study_milestone"."due_date" <= ?) order by "study_milestone"."due_date" asc limit ?`,
	unread: `select count(*) from "notification" where ("notification"."user_id" = ? and "notification"."read_at" is null)`,
};

type Row = unknown[];
type Stmt = {
	all: (...args: unknown[]) => Row[];
	get: (...args: unknown[]) => Row | undefined;
	run: (...args: unknown[]) => unknown;
};

function open(url: string) {
	if (!url.startsWith('file:')) throw new Error(`The floor opens a local file, not ${url}`);
	const db = new Database(url.slice('file:'.length), { timeout: 5000 });
	db.exec('PRAGMA foreign_keys = ON');
	const prepared = {} as Record<keyof typeof sql, Stmt>;
	for (const [name, text] of Object.entries(sql)) {
		const stmt = db.prepare(text);
		// Rows as arrays (the session row has two `id`s), as @libsql/client asks for them too.
		if (name !== 'refresh') stmt.raw(true);
		prepared[name as keyof typeof sql] = stmt as unknown as Stmt;
	}
	return prepared;
}

const esc = (s: unknown) =>
	String(s).replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	);

const toneLabel: Record<TodoTone, string> = {
	overdue: 'Overdue',
	today: 'Today',
	waiting: 'Waiting',
	soon: 'Soon',
	later: 'Later',
};
const toneClass: Record<TodoTone, string> = {
	overdue: 'border-red-700 text-red-800 dark:border-red-400 dark:text-red-300',
	today: 'border-amber-700 text-amber-900 dark:border-amber-400 dark:text-amber-200',
	waiting: 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-200',
	soon: 'border-slate-600 text-slate-800 dark:border-slate-400 dark:text-slate-200',
	later: 'border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-300',
};

const navLink = (href: string, label: string, current: boolean) =>
	`<li><a href="${href}"${current ? ' aria-current="page"' : ''} class="font-medium whitespace-nowrap text-white no-underline hover:underline aria-[current=page]:underline aria-[current=page]:decoration-2 dark:text-white">${label}</a></li>`;
const nav = [
	['/dashboard', 'Dashboard'],
	['/curriculum', 'Curriculum'],
	['/lab', 'Data lab'],
	['/logbook', 'Logbook'],
	['/cen', 'CEN practice'],
	['/study', 'Study'],
	['/report', 'Report'],
	['/programme', 'Programme'],
]
	.map(([href, label]) => navLink(href!, label!, href === '/dashboard'))
	.join('');

/** The portal's page around the main content (src/layouts/BaseLayout.astro, SiteNav.astro). */
const layout = (css: string, name: string, unread: number, main: string) =>
	`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="The portal of the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme at RILO A/P."><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>Dashboard · RILO A/P Programme Portal</title><link rel="stylesheet" href="${css}"></head><body class="flex min-h-screen flex-col"><a href="#main" class="skip-link sr-only z-50 rounded bg-amber-300 px-3 py-2 text-slate-950 focus:not-sr-only focus:absolute focus:top-2 focus:left-2">Skip to main content</a><header class="relative bg-brand-800 text-white dark:bg-slate-900"><div class="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 md:gap-8"><a href="/" class="min-w-0 font-bold leading-tight text-white no-underline hover:no-underline md:shrink-0 dark:text-white"><span class="block text-base sm:text-lg">RILO A/P Programme Portal</span><span class="hidden text-xs font-normal text-brand-100 md:block dark:text-slate-300">WCO Asia-Pacific Regional Data/Intelligence Professionals Programme</span></a><details class="site-menu md:grow"><summary class="site-menu-button">Menu</summary><nav aria-label="Main" class="flex flex-wrap items-center gap-x-4 gap-y-2 max-md:absolute max-md:inset-x-0 max-md:top-full max-md:z-40 max-md:flex-col max-md:items-start max-md:bg-brand-800 max-md:px-4 max-md:py-3 max-md:shadow-lg dark:max-md:bg-slate-900"><ul class="flex flex-wrap gap-x-4 gap-y-1 max-md:flex-col max-md:gap-y-2">${nav}</ul><div class="flex flex-wrap items-center gap-3 md:ml-auto"><a href="/notifications" class="whitespace-nowrap text-white no-underline hover:underline dark:text-white">Notifications${unread > 0 ? `<span class="ml-1 rounded-full bg-amber-300 px-1.5 text-xs font-bold text-slate-950">${unread}<span class="sr-only"> unread</span></span>` : ''}</a><a href="/account" class="text-white no-underline hover:underline dark:text-white"><span class="sr-only">Account: </span>${esc(name)}</a><form method="POST" action="/logout?_action=auth.signOut"><button class="rounded border border-white/70 px-2 py-1 text-sm whitespace-nowrap text-white hover:bg-white/10">Sign out</button></form></div></nav></details></div></header><main id="main" tabindex="-1" class="mx-auto w-full grow px-4 py-8 max-w-6xl">${main}</main><footer class="border-t border-slate-200 bg-slate-50 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"><div class="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-4"><p>Regional Intelligence Liaison Office for Asia and the Pacific (RILO A/P), Tokyo · a programme of the World Customs Organization, sponsored by CCF/Japan.</p><p>Confidential material: do not share screens or exports outside the programme.</p></div></footer></body></html>`;

/** src/components/TodoList.astro. */
const todoList = (items: TodoItem[]) =>
	`<section aria-labelledby="todo-h" class="mt-6"><h2 id="todo-h">To do</h2>${
		items.length === 0
			? '<p class="notice-success mt-3">Nothing waiting. You are up to date.</p>'
			: `<ol class="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-300 dark:divide-slate-700 dark:border-slate-600">${items
					.map(
						(i) =>
							`<li class="flex flex-wrap items-baseline gap-3 p-3" data-todo="${esc(i.key)}"><span class="inline-block min-w-[5.5rem] rounded border px-2 text-center text-sm font-semibold ${toneClass[i.tone]}">${toneLabel[i.tone]}</span><a href="${esc(i.href)}" class="flex-1">${esc(i.text)}</a></li>`,
					)
					.join('')}</ol>`
	}</section>`;

function cookieToken(header: string | undefined): string | null {
	const m = /(?:^|;\s*)auth_session=([^;\s]+)/.exec(header ?? '');
	return m ? m[1]! : null;
}

/** Renders the participant's dashboard, or says what to answer instead. */
function dashboard(q: ReturnType<typeof open>, css: string, token: string) {
	const now = Date.now();
	const hash = createHash('sha256').update(token).digest('hex');
	const s = q.session.get(hash);
	if (!s) return { status: 302 as const };
	const [, , expiresAt, absoluteExpiresAt, lastSeenAt, , awaiting] = s as number[];
	const [userId, , name, role, , , disabledAt, exempt] = s.slice(8) as string[];
	if (now >= Number(expiresAt) || disabledAt || awaiting) return { status: 302 as const };
	let cookieExpires: number | null = null;
	if (now - Number(lastSeenAt) >= refreshEveryMs) {
		cookieExpires = Math.min(now + inactivityMs, Number(absoluteExpiresAt));
		q.refresh.run(cookieExpires, now, hash);
	}
	// The middleware asks whether this person must enrol a second factor first.
	const setting = q.setting.get('second_factor_roles');
	const required = setting ? (JSON.parse(String(setting[0])) as string[]) : [];
	if (!exempt && required.includes(role!)) return { status: 403 as const };
	if (role !== 'participant') return { status: 403 as const };

	const c = q.cohort.get(userId, 1);
	const cohort = c && {
		edition: String(c[1]),
		timezone: String(c[2]),
		trainingStart: String(c[3]),
		trainingEnd: String(c[4]),
		ojtStart: String(c[5]),
		ojtEnd: String(c[6]),
		departureDate: String(c[7]),
		outlinePresentationDate: String(c[8]),
		reportDueDate: String(c[9]),
		correctionsUntil: String(c[10]),
	};
	const today: Day | null = cohort ? todayIn(cohort.timezone) : null;
	const done = new Set(q.modulesDone.all(userId).map((r) => String(r[0])));
	const checked = q.checklist.all(userId).length;
	const nextModule = modules.find((m) => !done.has(m.id)) ?? null;
	let items: TodoItem[] | null = null;
	if (cohort && today) {
		const counts = q.openCounts.all(userId, 'draft', 'changes_requested');
		const count = (st: string) => Number(counts.find((r) => r[0] === st)?.[1] ?? 0);
		const logged = q.loggedOn.get(userId, lastWorkingDay(today), 1) !== undefined;
		const comment = q.comments.get(userId, '% commented on %', 1);
		const report = q.report.get(userId);
		const status = String(report?.[0] ?? 'outline_drafted');
		const refs = (st: string) =>
			q.firstIn.all(userId, st, 3).map((r) => ({
				id: String(r[0]),
				title: String(r[1]),
				date: String(r[2]),
			}));
		const returned = refs('changes_requested');
		const drafts = refs('draft');
		const checkins = q.checkins.all(userId).map((r) => r[0] as CheckinKind);
		const milestones = q.milestones.all(userId, milestoneHorizon(today), 5).map((r) => ({
			id: String(r[0]),
			title: String(r[1]),
			dueDate: String(r[2]),
		}));
		items = buildTodo(
			{
				cohort,
				returned: { first: returned, total: count('changes_requested') },
				drafts: { first: drafts, total: count('draft') },
				loggedLastWorkingDay: logged,
				checkinsHeld: checkins,
				milestones,
				unreadComments: {
					count: Number(comment?.[1] ?? 0),
					link: (comment?.[0] as string | null) ?? null,
				},
				nextModule: nextModule && { id: nextModule.id, title: nextModule.title },
				report: {
					outlinePresented: Boolean(report?.[1]) || status !== 'outline_drafted',
					submitted: !['outline_drafted', 'outline_presented'].includes(status),
					correctionsRequested: status === 'corrections_requested',
					closed: status === 'closed',
				},
			},
			today,
		);
	}
	const unread = Number(q.unread.get(userId)?.[0] ?? 0);
	const next =
		cohort && today ? buildTimeline(cohort, today).find((i) => i.status !== 'past') : undefined;
	const main = `<h1>Welcome, ${esc(name)}</h1>${
		cohort
			? `<p class="mt-2">Cohort ${esc(cohort.edition)}</p>`
			: '<p class="notice mt-4">You are not in a cohort yet.</p>'
	}${items ? todoList(items) : ''}<div class="mt-6 grid gap-4 md:grid-cols-3">${
		next && today
			? `<section class="card" aria-labelledby="next"><h2 id="next" class="text-base">Next on the timeline</h2><p class="mt-2 text-lg font-semibold">${esc(next.label)}</p><p>${formatDay(next.start)}${next.status === 'current' ? ' · now' : ` · in ${daysLeft(today, next.start)} days`}</p><p class="mt-2"><a href="/programme">Full timeline</a></p></section>`
			: ''
	}<section class="card" aria-labelledby="modules"><h2 id="modules" class="text-base">Curriculum</h2><p class="mt-2 text-lg font-semibold">${done.size} of ${modules.length} modules complete</p><progress class="mt-2 w-full" max="${modules.length}" value="${done.size}" aria-label="Modules complete">${done.size} of ${modules.length}</progress><p class="mt-2"><a href="/curriculum">Continue the curriculum</a></p></section><section class="card" aria-labelledby="checklist"><h2 id="checklist" class="text-base">Pre-arrival checklist</h2><p class="mt-2 text-lg font-semibold">${checked} of ${checklistItems.length} done</p><p class="mt-2"><a href="/programme/checklist">Open the checklist</a></p></section></div>`;
	return { status: 200 as const, html: layout(css, name!, unread, main), cookieExpires };
}

const brotliParams = {
	params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 },
};

/** Compresses as the portal's on-the-fly layer does: brotli if accepted, else gzip, over 1 KiB. */
function send(req: IncomingMessage, res: ServerResponse, html: string, cookie?: string) {
	const raw = Buffer.from(html);
	const accept = String(req.headers['accept-encoding'] ?? '');
	const encoding =
		raw.length < 1024
			? null
			: /\bbr\b/.test(accept)
				? 'br'
				: /\bgzip\b/.test(accept)
					? 'gzip'
					: null;
	const body =
		encoding === 'br'
			? brotliCompressSync(raw, brotliParams)
			: encoding === 'gzip'
				? gzipSync(raw)
				: raw;
	for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
	res.setHeader('Content-Type', 'text/html');
	res.setHeader('Cache-Control', 'private, no-store');
	res.setHeader('Vary', 'Accept-Encoding');
	if (encoding) res.setHeader('Content-Encoding', encoding);
	if (cookie) res.setHeader('Set-Cookie', cookie);
	res.setHeader('Content-Length', body.length);
	res.end(body);
}

const modules = readModules();
const css = stylesheet();
const queries = open(process.env.DATABASE_URL ?? 'file:data/portal.db');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer((req, res) => {
	const path = req.url?.split('?')[0];
	if (req.method !== 'GET' || path !== '/dashboard') return void res.writeHead(404).end();
	const token = cookieToken(req.headers.cookie);
	const page = token ? dashboard(queries, css, token) : ({ status: 302 } as const);
	if (page.status === 302)
		return void res.writeHead(302, { Location: '/login?next=%2Fdashboard' }).end();
	if (page.status === 403) return void res.writeHead(403).end();
	const cookie = page.cookieExpires
		? `auth_session=${token}; Path=/; Expires=${new Date(page.cookieExpires).toUTCString()}; HttpOnly; SameSite=Lax`
		: undefined;
	send(req, res, page.html, cookie);
});
server.listen(port, host, () => console.log(`floor listening on http://${host}:${port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
