/**
 * The demo logbook: about three weeks of OJT entries for the four demo participants, with
 * review decisions, comment threads, OJT plans, check-ins and notifications. Everything is
 * dated from the cohort's OJT start so the demo always shows the third OJT week, and nothing is
 * random: every run looks the same relative to today. All content is fictional (see the texts).
 */
import type { Db } from './client';
import { demoAccounts, type DemoIds } from './seed-demo';
import {
	checkinTable,
	entryCommentTable,
	logEntryTable,
	notificationTable,
	ojtPlanAreaTable,
	ojtPlanTable,
	reviewDecisionTable,
	type CheckinKind,
	type EntryStatus,
} from './schema';
import {
	checkinNotes,
	planAreas,
	profiles,
	schedules,
	templates,
	type EntryText,
	type Planned,
	type Story,
} from './seed-demo-logbook-texts';

type EntryRow = typeof logEntryTable.$inferInsert;
type DecisionRow = typeof reviewDecisionTable.$inferInsert;
type CommentRow = typeof entryCommentTable.$inferInsert;
type NotificationRow = typeof notificationTable.$inferInsert;

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** Copied from src/lib/logbook/ojt-areas.ts (db/ does not import from src/). */
const areaNames = {
	1: 'RILO A/P roles and functions',
	2: 'CEN-related tasks',
	3: 'Data analysis',
	4: 'Networking',
} as const;

// ---------------------------------------------------------------------------------------------
// Dates and instants
// ---------------------------------------------------------------------------------------------

function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** Monday to Friday from `start` to `end`, inclusive. */
function workingDays(start: string, end: string): string[] {
	const out: string[] = [];
	for (let d = start; d <= end; d = addDays(d, 1)) {
		const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
		if (weekday !== 0 && weekday !== 6) out.push(d);
	}
	return out;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 3 Nov 2026", like formatDay in src/lib/dates.ts. */
function formatDay(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The OJT working days up to today, and instants on them. `hour` runs 0-12 from the start of
 * the (UTC) day, i.e. 09:00-21:00 in Tokyo. On today itself the hours are squeezed into the
 * time already past, keeping their order, so nothing is ever in the future.
 */
type Clock = { days: string[]; last: number; at: (d: number, hour: number) => Date };

function makeClock(ojtStart: string, now: number): Clock {
	const today = new Date(now).toISOString().slice(0, 10);
	const third = addDays(ojtStart, 14);
	const days = workingDays(ojtStart, third < today ? third : today);
	const at = (d: number, hour: number) => {
		const day = days[d];
		if (!day) throw new Error(`demo logbook: no working day ${d}`);
		const start = Date.parse(`${day}T00:00:00Z`);
		if (day !== today) return new Date(start + hour * hourMs);
		const latest = now - 5 * 60_000;
		const base = Math.min(start, latest - 2 * hourMs);
		return new Date(base + (Math.min(hour, 12) / 12) * (latest - base));
	};
	return { days, last: days.length - 1, at };
}

// ---------------------------------------------------------------------------------------------
// What happened to each entry
// ---------------------------------------------------------------------------------------------

type EventKind = 'create' | 'edit' | 'submit' | 'approved' | 'changes_requested';
type Ev = { kind: EventKind; d: number; h: number };

/** The events of an entry logged on working day `d` as the `slot`-th entry of the day. */
function storyEvents(story: Story, d: number, slot: number, last: number, n: number): Ev[] {
	const created = [0.5, 3.5, 6][slot] ?? 6.5;
	const submit = 8.5 + slot * 0.2;
	const review = 0.5 + slot * 0.3;
	const ev: Ev[] = [{ kind: 'create', d, h: created }];
	if ((story === 'A' || story === 'D') && n % 3 === 0) ev.push({ kind: 'edit', d, h: created + 1 });
	if (story === 'D') return ev;
	ev.push({ kind: 'submit', d, h: submit });
	if (story === 'A')
		ev.push({ kind: 'approved', d: Math.min(d + 1 + (n % 4 === 0 ? 1 : 0), last), h: review });
	if (story === 'CA' || story === 'CS' || story === 'C')
		ev.push({ kind: 'changes_requested', d: d + 1, h: review });
	if (story === 'CA')
		ev.push(
			{ kind: 'edit', d: d + 2, h: 2 + slot * 0.3 },
			{ kind: 'submit', d: d + 2, h: 2.5 + slot * 0.3 },
			{ kind: 'approved', d: d + 3, h: review + 1 },
		);
	if (story === 'CS')
		ev.push({ kind: 'edit', d: last - 1, h: 2 }, { kind: 'submit', d: last - 1, h: 2.5 });
	assertOrdered(ev, last);
	return ev;
}

/** A schedule mistake (a story that does not fit before today) fails loudly. */
function assertOrdered(ev: Ev[], last: number) {
	for (const [i, e] of ev.entries()) {
		const prev = ev[i - 1];
		if (e.d > last || (prev && (e.d < prev.d || (e.d === prev.d && e.h <= prev.h))))
			throw new Error(`demo logbook: story does not fit the calendar (${JSON.stringify(ev)})`);
	}
}

/** A notification-safe line about an entry, like entryLine in src/lib/server/logbook/entry.ts. */
function entryLine(e: EntryRow): string {
	const what = e.handling === 'restricted' ? 'a restricted entry (title withheld)' : `“${e.title}”`;
	return `${what} of ${formatDay(e.date)}, ${areaNames[e.area]}`;
}

const decisionWords = { approved: 'approved', changes_requested: 'asked for changes to' } as const;

// ---------------------------------------------------------------------------------------------
// Building the rows
// ---------------------------------------------------------------------------------------------

/** Everything the seed inserts, collected before writing. */
type Rows = {
	entries: EntryRow[];
	decisions: DecisionRow[];
	comments: CommentRow[];
	notifications: NotificationRow[];
};

type Ctx = {
	clock: Clock;
	mentorId: string;
	mentorName: string;
	rows: Rows;
	/** Notifications older than this working day have been read. */
	readBefore: number;
};

type Who = { p: number; id: string; name: string };

function notify(
	ctx: Ctx,
	userId: string,
	text: string,
	link: string,
	d: number,
	at: Date,
	unread = false,
) {
	const n = ctx.rows.notifications.length + 1;
	const read = !unread && d < ctx.readBefore;
	ctx.rows.notifications.push({
		id: `demonotif-${String(n).padStart(3, '0')}`,
		userId,
		text,
		link,
		readAt: read ? new Date(at.getTime() + hourMs) : null,
		// Marked as handled so a configured SMTP server never mails the demo addresses.
		emailedAt: at,
		createdAt: at,
	});
}

/** One entry with its decisions and notifications; returns the row and its events. */
function addEntry(
	ctx: Ctx,
	who: Who,
	planned: Planned,
	text: EntryText,
	d: number,
	slot: number,
	n: number,
) {
	const { clock, mentorId, rows } = ctx;
	const id = `demoentry-${who.p}-${n}`;
	const events = storyEvents(planned.story, d, slot, clock.last, n);
	const networking = text.area === 4;
	const entry: EntryRow = {
		id,
		participantId: who.id,
		date: clock.days[d]!,
		area: text.area,
		activity: text.activity,
		activityOther: text.activityOther ?? '',
		title: text.title,
		minutes: text.minutes,
		summary: text.summary,
		outputs: text.outputs,
		learning: text.learning,
		handling: text.restricted ? 'restricted' : 'unrestricted',
		counterpart: networking ? (text.counterpart ?? '') : '',
		meetingFormat: networking ? (text.meetingFormat ?? '') : '',
		followUp: networking ? (text.followUp ?? '') : '',
		status: 'draft',
		version: 1,
		submittedAt: null,
		createdAt: clock.at(d, events[0]!.h),
		updatedAt: clock.at(d, events[0]!.h),
	};
	// Every change after creation bumps the version, as the portal does.
	let status: EntryStatus = 'draft';
	let decided = 0;
	for (const e of events.slice(1)) {
		const at = clock.at(e.d, e.h);
		entry.updatedAt = at;
		if (e.kind === 'submit') entry.submittedAt = at;
		if (e.kind === 'approved' || e.kind === 'changes_requested') {
			const comment =
				e.kind === 'approved' ? (text.approvalNote ?? '') : (text.changes ?? genericChanges);
			decided += 1;
			rows.decisions.push({
				id: `demodecision-${who.p}-${n}-${decided}`,
				entryId: id,
				mentorId,
				decision: e.kind,
				fromStatus: status,
				comment,
				createdAt: at,
			});
		}
		status = statusAfter(e.kind, status);
	}
	entry.status = status;
	entry.version = events.length;
	rows.entries.push(entry);
	notifyEntry(ctx, who, entry, events);
	return { entry, events };
}

/** The entry's status once an event has happened. */
function statusAfter(kind: EventKind, before: EntryStatus): EntryStatus {
	if (kind === 'submit') return 'submitted';
	if (kind === 'approved' || kind === 'changes_requested') return kind;
	return before;
}

const genericChanges =
	'Please add the outputs you produced and one sentence on what this means for your administration.';

/** The notifications an entry's history left: the recent ones, and every request for changes. */
function notifyEntry(ctx: Ctx, who: Who, entry: EntryRow, events: Ev[]) {
	const line = entryLine(entry);
	const link = `/logbook/${entry.id}`;
	const lastSubmit = events.filter((e) => e.kind === 'submit').at(-1);
	for (const e of events) {
		const at = ctx.clock.at(e.d, e.h);
		if (e === lastSubmit && entry.status === 'submitted')
			notify(ctx, ctx.mentorId, `${who.name} submitted ${line} for review.`, link, e.d, at);
		if (e.kind === 'changes_requested' || (e.kind === 'approved' && e.d >= ctx.clock.last - 1))
			notify(ctx, who.id, `${ctx.mentorName} ${decisionWords[e.kind]} ${line}.`, link, e.d, at);
	}
}

/** The comment thread of an entry, anchored on its last review step (or today while it waits). */
function addThread(
	ctx: Ctx,
	who: Who,
	planned: Planned,
	text: EntryText,
	built: ReturnType<typeof addEntry>,
	slot: number,
	n: number,
) {
	const thread = text.thread;
	if (!planned.thread || !thread) return;
	const { clock, mentorId, rows } = ctx;
	const { entry, events } = built;
	const last = events.at(-1)!;
	const anchor =
		entry.status !== 'submitted' || planned.story === 'CS'
			? last
			: last.d === clock.last
				? { d: last.d, h: last.h + 0.8 }
				: { d: clock.last, h: 1 + slot * 0.3 };
	const line = entryLine(entry);
	const link = `/logbook/${entry.id}#comments`;
	const say = (authorId: string, body: string, h: number, k: number, resolve: boolean) => {
		const at = clock.at(anchor.d, h);
		const resolver = n % 2 ? mentorId : who.id;
		rows.comments.push({
			id: `democomment-${who.p}-${n}-${k}`,
			entryId: entry.id,
			authorId,
			body,
			resolvedAt: resolve ? clock.at(anchor.d, anchor.h + 3) : null,
			resolvedBy: resolve ? resolver : null,
			createdAt: at,
		});
		// Older, settled threads left no notification worth showing.
		if (resolve && anchor.d < clock.last - 2) return;
		const fromMentor = authorId === mentorId;
		const author = fromMentor ? ctx.mentorName : who.name;
		notify(
			ctx,
			fromMentor ? who.id : mentorId,
			`${author} commented on ${line}.`,
			link,
			anchor.d,
			at,
		);
	};
	const resolve = !!thread.resolved && entry.status === 'approved';
	if (thread.mentor) say(mentorId, thread.mentor, anchor.h + 0.1, 1, resolve);
	if (thread.participant)
		say(who.id, thread.participant, anchor.h + (planned.story === 'CS' ? 0.1 : 2), 2, resolve);
}

/** A participant's schedule, cut to the working days so far (the first days go first). */
function addLogbook(ctx: Ctx, who: Who) {
	const schedule = schedules[who.p] ?? [];
	const days = schedule.slice(Math.max(0, schedule.length - ctx.clock.days.length));
	const offset = ctx.clock.days.length - days.length;
	let n = 0;
	for (const [i, items] of days.entries()) {
		for (const [slot, planned] of items.entries()) {
			const template = templates[planned.key];
			if (!template) throw new Error(`demo logbook: no template ${planned.key}`);
			const text = template(profiles[who.p]!);
			n += 1;
			const built = addEntry(ctx, who, planned, text, i + offset, slot, n);
			addThread(ctx, who, planned, text, built, slot, n);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Plans and check-ins
// ---------------------------------------------------------------------------------------------

/** The plan of every participant; the last one revised theirs and waits for confirmation. */
async function seedPlan(db: Db, ctx: Ctx, who: Who) {
	const { clock, mentorId } = ctx;
	const revised = who.p === 3;
	const savedDay = revised ? Math.max(0, clock.last - 5) : 0;
	const savedAt = clock.at(savedDay, revised ? 4 : 7);
	const areas = planAreas(profiles[who.p]!);
	await db
		.insert(ojtPlanAreaTable)
		.values(areas.map((a) => ({ participantId: who.id, ...a, updatedAt: savedAt })));
	if (revised) {
		await db.insert(ojtPlanTable).values({ participantId: who.id, updatedAt: savedAt });
		notify(
			ctx,
			mentorId,
			`${who.name} updated their OJT plan; please confirm it.`,
			`/review/${who.id}#plan`,
			savedDay,
			savedAt,
			true,
		);
		return;
	}
	const confirmDay = Math.min(1, clock.last);
	const confirmedAt = clock.at(confirmDay, 1);
	await db
		.insert(ojtPlanTable)
		.values({ participantId: who.id, confirmedBy: mentorId, confirmedAt, updatedAt: savedAt });
	notify(
		ctx,
		who.id,
		`${ctx.mentorName} confirmed your OJT plan.`,
		'/logbook/plan',
		confirmDay,
		confirmedAt,
	);
}

/** Start check-in for everyone on the first working day; mid-OJT for all but the last one. */
async function seedCheckins(db: Db, ctx: Ctx, who: Who) {
	const { clock, mentorId } = ctx;
	const notes = checkinNotes[who.p]!;
	const held: { kind: CheckinKind; d: number; notes: string; label: string }[] = [
		{ kind: 'start', d: 0, notes: notes.start, label: 'start' },
	];
	if (notes.mid && clock.last >= 3)
		held.push({ kind: 'mid', d: clock.last - 3, notes: notes.mid, label: 'mid-OJT' });
	for (const c of held) {
		const at = clock.at(c.d, 5);
		await db.insert(checkinTable).values({
			participantId: who.id,
			kind: c.kind,
			heldOn: clock.days[c.d]!,
			mentorId,
			notes: c.notes,
			updatedAt: at,
		});
		notify(
			ctx,
			who.id,
			`${ctx.mentorName} recorded your ${c.label} check-in.`,
			'/logbook/plan#checkins',
			c.d,
			at,
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Participant 1's to-do list
// ---------------------------------------------------------------------------------------------

const followUpComment =
	'Thanks for checking. If two administrations did report late, say so under the chart and mark the last two months as provisional; then submit it again.';

/**
 * Participant 1 shows the participant's daily loop: an entry returned for changes with an unread
 * follow-up from the mentor in its thread, and a draft not yet submitted. The schedule provides
 * both; this checks it did (a schedule edit must not silently lose them) and adds the follow-up.
 */
function returnedWithComment(ctx: Ctx, who: Who) {
	const mine = ctx.rows.entries.filter((e) => e.participantId === who.id);
	const returned = mine.filter((e) => e.status === 'changes_requested').at(-1);
	if (!returned || !mine.some((e) => e.status === 'draft'))
		throw new Error('demo logbook: participant 1 needs an entry returned for changes and a draft');
	const thread = ctx.rows.comments.filter((c) => c.entryId === returned.id);
	const after = Math.max(
		returned.updatedAt.getTime(),
		...thread.map((c) => (c.createdAt as Date).getTime()),
	);
	const at = new Date(Math.min(after + hourMs, Date.now() - 10 * 60_000));
	ctx.rows.comments.push({
		id: `democomment-${who.p}-followup`,
		entryId: returned.id!,
		authorId: ctx.mentorId,
		body: followUpComment,
		resolvedAt: null,
		resolvedBy: null,
		createdAt: at,
	});
	notify(
		ctx,
		who.id,
		`${ctx.mentorName} commented on ${entryLine(returned)}.`,
		`/logbook/${returned.id}#comments`,
		ctx.clock.last,
		at,
		true,
	);
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 50) await insert(rows.slice(i, i + 50));
}

/** Fills the demo cohort's logbooks, plans, check-ins and notifications. */
export async function seedDemoLogbook(db: Db, ids: DemoIds, now = Date.now()): Promise<void> {
	const clock = makeClock(ids.ojtStart, now);
	if (clock.days.length < 4) return; // too early in the OJT for a meaningful demo logbook
	const rows: Rows = { entries: [], decisions: [], comments: [], notifications: [] };
	const ctx: Ctx = {
		clock,
		mentorId: ids.mentorId,
		mentorName: demoAccounts.mentor.name,
		rows,
		readBefore: clock.last - 1,
	};
	const people: Who[] = ids.participantIds.map((id, p) => ({
		p,
		id,
		name: demoAccounts.participants[p]?.name ?? 'Participant',
	}));
	for (const who of people) addLogbook(ctx, who);
	returnedWithComment(ctx, people[0]!);
	await insertChunked(rows.entries, (c) => db.insert(logEntryTable).values(c));
	await insertChunked(rows.decisions, (c) => db.insert(reviewDecisionTable).values(c));
	await insertChunked(rows.comments, (c) => db.insert(entryCommentTable).values(c));
	for (const who of people) {
		await seedPlan(db, ctx, who);
		await seedCheckins(db, ctx, who);
	}
	await insertChunked(rows.notifications, (c) => db.insert(notificationTable).values(c));
}
