/**
 * Every table of the portal (drizzle sqlite-core). SQL names are singular snake_case.
 * Calendar days are stored as 'YYYY-MM-DD' text (a date in the cohort's time zone);
 * instants as integer milliseconds since the epoch.
 */
import { sql } from 'drizzle-orm';
import {
	blob,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * The roles of ARCHITECTURE.md's table: the programme's own three, then the charter's other
 * parties: the WCO Secretariat (supervises every cohort, reads) and a home administration's
 * contact (reads only the officers of their own administration).
 */
export const roles = ['participant', 'mentor', 'admin', 'secretariat', 'home'] as const;
export type Role = (typeof roles)[number];

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** A person who can sign in. Nobody signs up: rows come from accepted invitations or the CLI. */
export const userTable = sqliteTable('user', {
	/** Random opaque id (never sequential, so ids leak nothing). */
	id: text('id').primaryKey(),
	/** Lower-cased email, the sign-in name. */
	email: text('email').notNull().unique(),
	/** Name as the person wants it shown. */
	name: text('name').notNull(),
	/** participant | mentor | admin | secretariat | home. */
	role: text('role', { enum: roles }).notNull(),
	/** For a `home` contact: the Member administration whose officers they see (null otherwise). */
	administrationId: text('administration_id').references(() => administrationTable.id),
	/** argon2id hash (PHC string). */
	passwordHash: text('password_hash').notNull(),
	/** Set when an admin disables the account; disabled people cannot sign in. */
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
	/** True for the demo's accounts: never required to enrol a second factor (they still may). */
	secondFactorExempt: integer('second_factor_exempt', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt(),
});

/** A signed-in browser. The id is the SHA-256 of the cookie token; the token itself is never stored. */
export const authSessionTable = sqliteTable(
	'auth_session',
	{
		/** Hex SHA-256 of the session token. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Inactivity expiry; pushed forward (bounded) while the person is active. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** Hard limit no refresh can pass. */
		absoluteExpiresAt: integer('absolute_expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** Last request seen, for the sessions list on /account. */
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		/** A short description of the browser, for the sessions list. */
		device: text('device').notNull().default(''),
		/**
		 * True from a correct password until the second factor is given: such a session signs
		 * nobody in (src/middleware.ts), it only lets /login/second-factor ask for the code.
		 */
		awaitingSecondFactor: integer('awaiting_second_factor', { mode: 'boolean' })
			.notNull()
			.default(false),
		createdAt: createdAt(),
	},
	(t) => [index('auth_session_user_idx').on(t.userId)],
);

/** A person's authenticator-app key (TOTP, RFC 6238: 6 digits, 30 seconds). One per person. */
export const totpCredentialTable = sqliteTable('totp_credential', {
	userId: text('user_id')
		.primaryKey()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	/** The 20-byte shared key, base64. */
	key: text('key').notNull(),
	/** The latest 30-second step a code was accepted for: no code is accepted twice. */
	lastStep: integer('last_step').notNull().default(0),
	createdAt: createdAt(),
});

/** Single-use recovery codes, given once at enrolment; only their SHA-256 is kept. */
export const recoveryCodeTable = sqliteTable(
	'recovery_code',
	{
		codeHash: text('code_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('recovery_code_user_idx').on(t.userId)],
);

/** A passkey or security key (WebAuthn), registered on /account/second-factor. */
export const passkeyTable = sqliteTable(
	'passkey',
	{
		/** The credential id, base64url. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** The public key, base64: SEC1 uncompressed (ES256) or PKCS#1 (RS256). */
		publicKey: text('public_key').notNull(),
		/** COSE algorithm: -7 (ES256) or -257 (RS256). */
		algorithm: integer('algorithm').notNull(),
		/** The name the person gave it. */
		name: text('name').notNull(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('passkey_user_idx').on(t.userId)],
);

/** WebAuthn challenges handed out and not yet used (5 minutes), shared by every instance. */
export const webauthnChallengeTable = sqliteTable('webauthn_challenge', {
	/** Hex SHA-256 of the challenge bytes. */
	id: text('id').primaryKey(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/** The devices (as describeDevice names them) a person has signed in from: a new one is emailed. */
export const knownDeviceTable = sqliteTable(
	'known_device',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		device: text('device').notNull(),
		firstSeenAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.device] })],
);

/** Settings an admin changes on a page, by name; the value is JSON. */
export const appSettingTable = sqliteTable('app_setting', {
	/** e.g. `second_factor_roles`. */
	name: text('name').primaryKey(),
	value: text('value').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	updatedBy: text('updated_by').references(() => userTable.id, { onDelete: 'set null' }),
});

/** Failed sign-in counters per account and per client address; shared by every app instance. */
export const loginThrottleTable = sqliteTable('login_throttle', {
	/** 'account:<email>' or 'address:<ip>'. */
	key: text('key').primaryKey(),
	/** Consecutive failures since the last success or expiry of the window. */
	failures: integer('failures').notNull(),
	/** When the latest failure happened. */
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
	/** No attempt is checked before this instant. */
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
});

/** The one-time links: invitations, password resets and the first-admin setup link. */
export const invitationKinds = ['invite', 'reset', 'setup'] as const;
export type InvitationKind = (typeof invitationKinds)[number];

/** A one-time link. Only the SHA-256 of its token is stored. */
export const invitationTable = sqliteTable(
	'invitation',
	{
		id: text('id').primaryKey(),
		/** Hex SHA-256 of the token in the link. */
		tokenHash: text('token_hash').notNull().unique(),
		/** invite | reset | setup. */
		kind: text('kind', { enum: invitationKinds }).notNull(),
		/** Address the link is for (lower-cased). */
		email: text('email').notNull(),
		/** Suggested name; the invitee may change it. */
		name: text('name').notNull().default(''),
		/** Role the new account gets. */
		role: text('role', { enum: roles }).notNull(),
		/** Cohort a participant or mentor joins; null for admins and resets. */
		cohortId: text('cohort_id').references(() => cohortTable.id, { onDelete: 'cascade' }),
		/** For a participant or home-contact invitation: the Member administration the admin chose (see administrationTable). */
		administrationId: text('administration_id').references(() => administrationTable.id),
		/** For resets: whose password the link sets. */
		userId: text('user_id').references(() => userTable.id, { onDelete: 'cascade' }),
		/** Who issued it (null for the setup link). */
		createdBy: text('created_by').references(() => userTable.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('invitation_cohort_idx').on(t.cohortId)],
);

/** One edition of the programme (e.g. "2026/2027") with its dates. */
export const cohortTable = sqliteTable('cohort', {
	id: text('id').primaryKey(),
	/** Edition name shown everywhere, unique. */
	edition: text('edition').notNull().unique(),
	/** IANA time zone the dates are in (default Asia/Tokyo). */
	timezone: text('timezone').notNull().default('Asia/Tokyo'),
	/** First and last day of the training week. */
	trainingStart: text('training_start').notNull(),
	trainingEnd: text('training_end').notNull(),
	/** First and last day of the on-the-job training. */
	ojtStart: text('ojt_start').notNull(),
	ojtEnd: text('ojt_end').notNull(),
	/** Day the participants leave Japan. */
	departureDate: text('departure_date').notNull(),
	/** Day the report outline is presented. */
	outlinePresentationDate: text('outline_presentation_date').notNull(),
	/** Final report due (defaults to departure + 14 days). */
	reportDueDate: text('report_due_date').notNull(),
	/** Last day corrections may be requested (defaults to one month after the programme ends). */
	correctionsUntil: text('corrections_until').notNull(),
	/** Set when the edition is archived: read-only from then on. */
	archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt(),
});

/** Membership of a cohort: participants (max 4, one per administration) and mentors. */
export const cohortMemberTable = sqliteTable(
	'cohort_member',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohortTable.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** participant | mentor (admins are not members). */
		role: text('role', { enum: ['participant', 'mentor'] }).notNull(),
		/** The administration's name when the member joined (legacy free text; the record below is the identity). */
		administration: text('administration'),
		/** The participant's Member administration; null for mentors. Unique per cohort (one participant each). */
		administrationId: text('administration_id').references(() => administrationTable.id),
		createdAt: createdAt(),
	},
	(t) => [
		primaryKey({ columns: [t.cohortId, t.userId] }),
		uniqueIndex('cohort_member_administration_id_uq').on(t.cohortId, t.administrationId),
		index('cohort_member_user_idx').on(t.userId),
	],
);

/** A module a participant marked complete. */
export const moduleProgressTable = sqliteTable(
	'module_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Content collection id (the MDX file name). */
		moduleId: text('module_id').notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

/** One submitted knowledge check. Scored on the server from the module's frontmatter. */
export const quizAttemptTable = sqliteTable(
	'quiz_attempt',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		moduleId: text('module_id').notNull(),
		/** JSON array, one per question: the chosen option's id ('' = unanswered; rows from before option ids hold indexes). */
		answers: text('answers', { mode: 'json' }).$type<(string | number)[]>().notNull(),
		/** Correct answers. */
		score: integer('score').notNull(),
		/** Questions in the check at the time. */
		total: integer('total').notNull(),
		/** Seconds from opening the check to submitting it, as the browser measured. */
		durationSeconds: integer('duration_seconds').notNull(),
		/** True on the participant's first attempt at this module (kept apart from the best; one per person and module). */
		first: integer('first', { mode: 'boolean' }).notNull().default(false),
		/** Whether the score reached the module's pass mark at the time. */
		passed: integer('passed', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt(),
	},
	(t) => [
		index('quiz_attempt_user_module_idx').on(t.userId, t.moduleId),
		uniqueIndex('quiz_attempt_first_uq')
			.on(t.userId, t.moduleId)
			.where(sql`"first" = 1`),
	],
);

/** The two course tests on one blueprint: the pre-test (day 1) and the post-test (day 5). */
export const assessmentKinds = ['pre', 'post'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

/** A participant's pre-test or post-test: taken once each, scored per blueprint topic. */
export const assessmentAttemptTable = sqliteTable(
	'assessment_attempt',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** pre | post. */
		kind: text('kind', { enum: assessmentKinds }).notNull(),
		/** JSON object: item id -> chosen option id ('' = unanswered). */
		answers: text('answers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		/** Correct answers, and items in the test at the time. */
		score: integer('score').notNull(),
		total: integer('total').notNull(),
		/** JSON object: blueprint topic id -> { correct, total }, so gains need no content lookup. */
		topics: text('topics', { mode: 'json' })
			.$type<Record<string, { correct: number; total: number }>>()
			.notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('assessment_attempt_user_kind_uq').on(t.userId, t.kind)],
);

/** One answer of the end-of-week course evaluation: a rating and a comment on one day, module or the whole week. */
export const evaluationAnswerTable = sqliteTable(
	'evaluation_answer',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** The cohort the participant evaluated (results are read per cohort). */
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohortTable.id, { onDelete: 'cascade' }),
		/** What is rated: 'day-1'…'day-5', 'module:<module id>' or 'overall'. */
		item: text('item').notNull(),
		/** 1 (poor) to 5 (excellent); null when the participant gave only a comment. */
		rating: integer('rating'),
		/** Free text; empty when none. */
		comment: text('comment').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.item] }),
		index('evaluation_answer_cohort_idx').on(t.cohortId),
	],
);

/** One answer to a data-lab exercise, checked on the server against the data set's ground truth. */
export const exerciseAttemptTable = sqliteTable(
	'exercise_attempt',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Stable id of the exercise (see content/data). */
		exerciseId: text('exercise_id').notNull(),
		/** The answer as the participant gave it. */
		answer: text('answer').notNull(),
		/** Whether it matched the ground truth. */
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('exercise_attempt_user_idx').on(t.userId, t.exerciseId)],
);

/**
 * A participant's interpretation, in their own words, for a data-lab exercise that asks for one;
 * a mentor of their cohort scores it on the exercise rubric and comments. Each submission is a
 * row: a revision after feedback is a new row, so earlier reviews stay as they were.
 */
export const labInterpretationTable = sqliteTable(
	'lab_interpretation',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Stable id of the exercise (content/data/exercises.ts). */
		exerciseId: text('exercise_id').notNull(),
		/** The interpretation as the participant wrote it. */
		body: text('body').notNull(),
		createdAt: createdAt(),
		/** The mentor who reviewed it; null while it waits. */
		reviewerId: text('reviewer_id').references(() => userTable.id),
		/** Level chosen per rubric criterion id (1 to 3); null while it waits. */
		scores: text('scores', { mode: 'json' }).$type<Record<string, number>>(),
		/** The mentor's comment. */
		comment: text('comment').notNull().default(''),
		/** When the review was given. */
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		index('lab_interpretation_participant_idx').on(t.participantId, t.exerciseId),
		index('lab_interpretation_waiting_idx').on(t.reviewedAt, t.createdAt),
	],
);

/** The four OJT areas, by number as the programme names them. */
export const ojtAreas = [1, 2, 3, 4] as const;
export type OjtArea = (typeof ojtAreas)[number];

/** Where a log entry is in its review. */
export const entryStatuses = ['draft', 'submitted', 'approved', 'changes_requested'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** Handling markings: restricted text never leaves the portal. */
export const handlings = ['unrestricted', 'restricted'] as const;
export type Handling = (typeof handlings)[number];

/** One OJT activity a participant logged. */
export const logEntryTable = sqliteTable(
	'log_entry',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Day the work was done ('YYYY-MM-DD', cohort time zone). */
		date: text('date').notNull(),
		/** 1 RILO A/P roles and functions, 2 CEN-related tasks, 3 data analysis, 4 networking. */
		area: integer('area').$type<OjtArea>().notNull(),
		/** Activity key within the area (see src/lib/logbook/ojt-areas.ts), or 'other'. */
		activity: text('activity').notNull(),
		/** Describes the activity when it is 'other'. */
		activityOther: text('activity_other').notNull().default(''),
		title: text('title').notNull(),
		/** Time spent, in minutes. */
		minutes: integer('minutes').notNull(),
		/** What was done (Markdown). */
		summary: text('summary').notNull(),
		/** Outputs produced: the intelligence materials (Markdown). */
		outputs: text('outputs').notNull().default(''),
		/** What was learned and its relevance to the home administration (Markdown). */
		learning: text('learning').notNull().default(''),
		/** unrestricted | restricted. */
		handling: text('handling', { enum: handlings }).notNull().default('unrestricted'),
		/** Networking: the administration or organisation met. */
		counterpart: text('counterpart').notNull().default(''),
		/** Networking: online bilateral meeting, event, visit… */
		meetingFormat: text('meeting_format').notNull().default(''),
		/** Networking: agreed follow-up actions (Markdown). */
		followUp: text('follow_up').notNull().default(''),
		status: text('status', { enum: entryStatuses }).notNull().default('draft'),
		/** Bumped on every change; a save naming an older version is refused (no silent overwrite). */
		version: integer('version').notNull().default(1),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		index('log_entry_participant_date_idx').on(t.participantId, t.date),
		index('log_entry_status_submitted_idx').on(t.status, t.submittedAt),
		// Keyset paging (review queue, a participant's entries for a mentor): the sort key ends in id.
		index('log_entry_queue_idx').on(t.status, t.submittedAt, t.id),
		index('log_entry_participant_queue_idx').on(t.participantId, t.status, t.submittedAt, t.id),
		index('log_entry_participant_date_id_idx').on(t.participantId, t.date, t.id),
		// Covers the coverage and cohort-page aggregates, so they never read the entries' text.
		index('log_entry_coverage_idx').on(
			t.participantId,
			t.area,
			t.date,
			t.minutes,
			t.status,
			t.updatedAt,
		),
		// The participant's to-do list counts drafts and returned entries by status and names the
		// oldest few (by date, then id): with id in the index, no sort over thousands of drafts.
		index('log_entry_participant_status_date_idx').on(t.participantId, t.status, t.date, t.id),
		// A participant's latest change, for the cohort page, found at the end of the index.
		index('log_entry_participant_updated_idx').on(t.participantId, t.updatedAt),
	],
);

/**
 * Log entries counted by participant, area, day, status and marking, kept by triggers on
 * log_entry (migration 0008): the logbook's coverage, the cohort page and the review counts
 * read a few dozen rows here instead of every entry, so they cost the same at 50 entries and
 * at 50,000. Nothing in the application writes it.
 */
export const logEntryTallyTable = sqliteTable(
	'log_entry_tally',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		area: integer('area').$type<OjtArea>().notNull(),
		date: text('date').notNull(),
		status: text('status', { enum: entryStatuses }).notNull(),
		handling: text('handling', { enum: handlings }).notNull(),
		n: integer('n').notNull(),
		minutes: integer('minutes').notNull(),
	},
	(t) => [primaryKey({ columns: [t.participantId, t.area, t.date, t.status, t.handling] })],
);

/** Every review decision on an entry, kept for the record (undo adds a row; nothing is erased). */
export const reviewDecisionTable = sqliteTable(
	'review_decision',
	{
		id: text('id').primaryKey(),
		entryId: text('entry_id')
			.notNull()
			.references(() => logEntryTable.id, { onDelete: 'cascade' }),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => userTable.id),
		/** approved | changes_requested | reopened | undone. */
		decision: text('decision', {
			enum: ['approved', 'changes_requested', 'reopened', 'undone'],
		}).notNull(),
		/** Status before the decision (undo goes back to it). */
		fromStatus: text('from_status', { enum: entryStatuses }).notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: createdAt(),
	},
	(t) => [
		index('review_decision_entry_idx').on(t.entryId),
		// The mentor's "reviewed today" list.
		index('review_decision_mentor_idx').on(t.mentorId, t.createdAt),
	],
);

/** A comment in an entry's thread; either side may add one or mark it resolved. */
export const entryCommentTable = sqliteTable(
	'entry_comment',
	{
		id: text('id').primaryKey(),
		entryId: text('entry_id')
			.notNull()
			.references(() => logEntryTable.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => userTable.id),
		body: text('body').notNull(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		resolvedBy: text('resolved_by').references(() => userTable.id),
		createdAt: createdAt(),
	},
	(t) => [index('entry_comment_entry_idx').on(t.entryId)],
);

/** The OJT plan: per area, objectives, planned tasks and hours; a mentor confirms it. */
export const ojtPlanAreaTable = sqliteTable(
	'ojt_plan_area',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		area: integer('area').$type<OjtArea>().notNull(),
		objectives: text('objectives').notNull().default(''),
		tasks: text('tasks').notNull().default(''),
		/** Hours planned for the area over the three OJT weeks. */
		plannedHours: integer('planned_hours').notNull().default(0),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.participantId, t.area] })],
);

/** The plan's confirmation by a mentor (cleared when the participant changes the plan). */
export const ojtPlanTable = sqliteTable('ojt_plan', {
	participantId: text('participant_id')
		.primaryKey()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	confirmedBy: text('confirmed_by').references(() => userTable.id),
	confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** The three check-ins: start, mid-OJT, before departure. */
export const checkinKinds = ['start', 'mid', 'departure'] as const;
export type CheckinKind = (typeof checkinKinds)[number];

/** A check-in held between a participant and a mentor, with the mentor's notes. */
export const checkinTable = sqliteTable(
	'checkin',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: checkinKinds }).notNull(),
		heldOn: text('held_on').notNull(),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => userTable.id),
		notes: text('notes').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.participantId, t.kind] })],
);

/** An in-app notification; unread while readAt is null. */
export const notificationTable = sqliteTable(
	'notification',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** What happened, in a sentence (never restricted text). */
		text: text('text').notNull(),
		/** Where to go to see it. */
		link: text('link').notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** Set once the email copy is sent (or skipped); an outbox any instance can drain. */
		emailedAt: integer('emailed_at', { mode: 'timestamp_ms' }),
		/** The message kind (src/lib/clock/reminder-kinds.ts) that decides the email: at once, in the digest, or none. */
		kind: text('kind').notNull().default('activity'),
		createdAt: createdAt(),
	},
	(t) => [
		index('notification_user_idx').on(t.userId, t.readAt),
		/** Keyset paging of /notifications, newest first. */
		index('notification_user_created_idx').on(t.userId, t.createdAt),
	],
);

/**
 * What someone typed when their session ended mid-edit, kept for an hour so the form comes
 * back filled after they sign in again (as the same person).
 */
export const formStashTable = sqliteTable('form_stash', {
	id: text('id').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	/** JSON object of field name to value. */
	values: text('values', { mode: 'json' }).$type<Record<string, string>>().notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/** The thematic study on alert intelligence: one per participant. */
export const studyTable = sqliteTable('study', {
	participantId: text('participant_id')
		.primaryKey()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	title: text('title').notNull().default(''),
	/** The research question. */
	question: text('question').notNull().default(''),
	scope: text('scope').notNull().default(''),
	method: text('method').notNull().default(''),
	expectedOutputs: text('expected_outputs').notNull().default(''),
	/** Findings notes (Markdown). */
	findings: text('findings').notNull().default(''),
	/** Bumped on every save; stale saves are refused. */
	version: integer('version').notNull().default(1),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Source reliability as the participant judges it (the 4x4 source grades). */
export const reliabilities = ['A', 'B', 'C', 'X'] as const;

/** A source of the study. */
export const studySourceTable = sqliteTable(
	'study_source',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		citation: text('citation').notNull(),
		link: text('link').notNull().default(''),
		notes: text('notes').notNull().default(''),
		/** A reliable … C fairly reliable/not usually reliable … X cannot be judged. */
		reliability: text('reliability', { enum: reliabilities }).notNull().default('X'),
		createdAt: createdAt(),
	},
	(t) => [index('study_source_participant_idx').on(t.participantId)],
);

/** A milestone of the study with its due day. */
export const studyMilestoneTable = sqliteTable(
	'study_milestone',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueDate: text('due_date').notNull(),
		doneAt: integer('done_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('study_milestone_participant_idx').on(t.participantId)],
);

/** A section of the research paper (Markdown), in the participant's order. */
export const studyPaperSectionTable = sqliteTable(
	'study_paper_section',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		position: integer('position').notNull(),
		body: text('body').notNull().default(''),
		version: integer('version').notNull().default(1),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('study_paper_section_participant_idx').on(t.participantId)],
);

/** Where a jointly agreed intelligence activity stands. */
export const activityStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;

/** An intelligence activity agreed by the participant, their administration and RILO A/P. */
export const studyActivityTable = sqliteTable(
	'study_activity',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		what: text('what').notNull(),
		agreedOn: text('agreed_on').notNull(),
		/** Who agreed it (e.g. "participant, Aldoria Customs, RILO A/P"). */
		agreedBy: text('agreed_by').notNull(),
		status: text('status', { enum: activityStatuses }).notNull().default('planned'),
		outcome: text('outcome').notNull().default(''),
		createdAt: createdAt(),
	},
	(t) => [index('study_activity_participant_idx').on(t.participantId)],
);

/** A comment on a part of the study (plan, sources, milestones, findings, paper, activities). */
export const studyCommentTable = sqliteTable(
	'study_comment',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Which part: 'plan', 'sources', 'milestones', 'findings', 'activities', or 'paper:<section id>'. */
		part: text('part').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => userTable.id),
		body: text('body').notNull(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('study_comment_participant_idx').on(t.participantId, t.part)],
);

/** The report's lifecycle, in order. */
export const reportStatuses = [
	'outline_drafted',
	'outline_presented',
	'final_submitted',
	'corrections_requested',
	'corrections_submitted',
	'closed',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The final report: one per participant, with its lifecycle dates. */
export const reportTable = sqliteTable('report', {
	participantId: text('participant_id')
		.primaryKey()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	status: text('status', { enum: reportStatuses }).notNull().default('outline_drafted'),
	/** Day the outline was presented. */
	outlinePresentedOn: text('outline_presented_on'),
	/** What a mentor or admin asked to be corrected. */
	correctionsRequest: text('corrections_request').notNull().default(''),
	correctionsRequestedBy: text('corrections_requested_by').references(() => userTable.id),
	correctionsRequestedOn: text('corrections_requested_on'),
	correctionsSubmittedOn: text('corrections_submitted_on'),
	closedOn: text('closed_on'),
	/** Set when an admin accepts the report: the certificate becomes available. */
	acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
	/** SHA-256 of the private calendar-feed token (regenerable). */
	calendarTokenHash: text('calendar_token_hash').unique(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Report section kinds: the four required ones, then the participant's own. */
export const sectionKinds = [
	'activities',
	'study_results',
	'recommendations',
	'evaluation',
	'custom',
] as const;
export type SectionKind = (typeof sectionKinds)[number];

/** A section of the report outline: points and notes (Markdown). */
export const reportSectionTable = sqliteTable(
	'report_section',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: sectionKinds }).notNull(),
		title: text('title').notNull(),
		position: integer('position').notNull(),
		/** The outline: points, one per line (Markdown list). */
		outline: text('outline').notNull().default(''),
		notes: text('notes').notNull().default(''),
		version: integer('version').notNull().default(1),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('report_section_participant_idx').on(t.participantId)],
);

/** Every saved version of a section, for history, differences and restore. */
export const reportRevisionTable = sqliteTable(
	'report_revision',
	{
		id: text('id').primaryKey(),
		sectionId: text('section_id')
			.notNull()
			.references(() => reportSectionTable.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		outline: text('outline').notNull(),
		notes: text('notes').notNull(),
		/** 'autosave', 'save', 'restore' or 'draft-from-log'. */
		reason: text('reason').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => userTable.id),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('report_revision_section_version_uq').on(t.sectionId, t.version)],
);

/** The three recipients of the final report. */
export const recipients = ['rilo_ap', 'wco_secretariat', 'home_administration'] as const;
export type Recipient = (typeof recipients)[number];

/** When the final report (or its corrected version) went to each recipient. */
export const reportSubmissionTable = sqliteTable(
	'report_submission',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		recipient: text('recipient', { enum: recipients }).notNull(),
		/** 'final' or 'corrections'. */
		round: text('round', { enum: ['final', 'corrections'] }).notNull(),
		submittedOn: text('submitted_on').notNull(),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.participantId, t.recipient, t.round] })],
);

/** What the reviewers decided about a submitted version. */
export const versionDecisions = ['pending', 'returned', 'accepted'] as const;
export type VersionDecision = (typeof versionDecisions)[number];

/**
 * A numbered, frozen submission of the final report ("version 1", then "version 2" after
 * corrections). Mentors, admins, exports and (later) deliveries to the recipients act on it.
 */
export const reportVersionTable = sqliteTable(
	'report_version',
	{
		/** Random opaque id (deliveries and acknowledgements hang off it). */
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** 1, 2, … per participant, in submission order. */
		number: integer('number').notNull(),
		/** When the participant submitted it. */
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		/** pending until a mentor or admin returns it for corrections or accepts it. */
		decision: text('decision', { enum: versionDecisions }).notNull().default('pending'),
		decidedBy: text('decided_by').references(() => userTable.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		/** General note of a return for corrections (the per-section notes are on the sections). */
		decisionNote: text('decision_note').notNull().default(''),
	},
	(t) => [uniqueIndex('report_version_number_uq').on(t.participantId, t.number)],
);

/** The snapshot of one section inside a submitted version; never updated except for its correction note. */
export const reportVersionSectionTable = sqliteTable(
	'report_version_section',
	{
		versionId: text('version_id')
			.notNull()
			.references(() => reportVersionTable.id, { onDelete: 'cascade' }),
		/** The working section it was copied from (comments hang off it); null once that is deleted. */
		sectionId: text('section_id').references(() => reportSectionTable.id, {
			onDelete: 'set null',
		}),
		position: integer('position').notNull(),
		kind: text('kind', { enum: sectionKinds }).notNull(),
		title: text('title').notNull(),
		outline: text('outline').notNull(),
		notes: text('notes').notNull(),
		/** What the reviewer asked to correct in this section when returning the version ('' = nothing). */
		correction: text('correction').notNull().default(''),
	},
	(t) => [primaryKey({ columns: [t.versionId, t.position] })],
);

/** A certificate of completion, issued when a version is accepted; verifiable by its public code. */
export const certificateTable = sqliteTable('certificate', {
	/** Unguessable public code (printed on the certificate, checked at /verify/<code>). */
	code: text('code').primaryKey(),
	participantId: text('participant_id')
		.notNull()
		.unique()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	/** The accepted version the certificate names. */
	versionId: text('version_id')
		.notNull()
		.references(() => reportVersionTable.id, { onDelete: 'cascade' }),
	/** Who accepted the report (signs the certificate). */
	issuedBy: text('issued_by').references(() => userTable.id, { onDelete: 'set null' }),
	issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * One submitted version delivered to one of the charter's three recipients: when it was
 * delivered and when that recipient acknowledged receipt. A recipient without an account (a
 * home administration with no contact yet) gets an expiring, single-use link by email instead.
 */
export const reportDeliveryTable = sqliteTable(
	'report_delivery',
	{
		id: text('id').primaryKey(),
		versionId: text('version_id')
			.notNull()
			.references(() => reportVersionTable.id, { onDelete: 'cascade' }),
		/** rilo_ap | wco_secretariat | home_administration. */
		recipient: text('recipient', { enum: recipients }).notNull(),
		/** When the version reached the recipient in the portal (null while only a link is pending). */
		deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
		/** When the recipient acknowledged receipt, and who did. */
		acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
		acknowledgedBy: text('acknowledged_by').references(() => userTable.id, {
			onDelete: 'set null',
		}),
		/** For a recipient without an account: SHA-256 of the link token (never the token). */
		linkTokenHash: text('link_token_hash').unique(),
		/** Where the link was sent. */
		linkEmail: text('link_email'),
		linkExpiresAt: integer('link_expires_at', { mode: 'timestamp_ms' }),
		/** When the link was opened (it works for one visit, then stops). */
		linkUsedAt: integer('link_used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('report_delivery_version_recipient_uq').on(t.versionId, t.recipient)],
);

/** The three parties that agree an intelligence activity. */
export const agreementParties = ['participant', 'rilo_ap', 'home'] as const;
export type AgreementParty = (typeof agreementParties)[number];

/** One party's answer on a proposed activity: agreed, or asked for a change (with a comment). */
export const activityAgreementTable = sqliteTable(
	'activity_agreement',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => studyActivityTable.id, { onDelete: 'cascade' }),
		/** participant | rilo_ap (a mentor) | home (a contact of the participant's administration). */
		party: text('party', { enum: agreementParties }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** agreed | change (asked for a change). */
		decision: text('decision', { enum: ['agreed', 'change'] }).notNull(),
		comment: text('comment').notNull().default(''),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.activityId, t.party] })],
);

/** A comment on a report section, optionally quoting the passage it is about; replies thread under it. */
export const reportCommentTable = sqliteTable(
	'report_comment',
	{
		id: text('id').primaryKey(),
		sectionId: text('section_id')
			.notNull()
			.references(() => reportSectionTable.id, { onDelete: 'cascade' }),
		/** The comment this replies to, if any. */
		parentId: text('parent_id'),
		authorId: text('author_id')
			.notNull()
			.references(() => userTable.id),
		/** The passage quoted (copied at the time, so later edits do not change it). */
		quote: text('quote').notNull().default(''),
		body: text('body').notNull(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('report_comment_section_idx').on(t.sectionId)],
);

/** A pre-arrival checklist item a participant ticked. */
export const checklistItemTable = sqliteTable(
	'checklist_item',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Stable key of the item (see src/lib/todo/checklist.ts). */
		itemKey: text('item_key').notNull(),
		doneAt: integer('done_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.itemKey] })],
);

/** Who did what, when. Never holds passwords, tokens or hashes. */
export const auditEventTable = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** The acting user; null for anonymous events such as a failed sign-in. */
		actorId: text('actor_id').references(() => userTable.id, { onDelete: 'set null' }),
		/** Dotted verb, e.g. 'auth.sign_in', 'cohort.create'. */
		action: text('action').notNull(),
		/** Kind of record acted on, e.g. 'user', 'cohort', 'log_entry'. */
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id'),
		/** Small JSON object with context (never secrets). */
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
	},
	(t) => [
		index('audit_event_at_idx').on(t.at),
		// Filters of the audit log page, each paged by id.
		index('audit_event_actor_idx').on(t.actorId, t.id),
		index('audit_event_action_idx').on(t.action, t.id),
	],
);

/**
 * A WCO Member administration (a Customs administration of the Asia/Pacific region, or one an
 * admin added). Participants belong to one; a cohort takes one participant per administration.
 * Seeded at migration time by db/administrations.ts (idempotent, not a migration).
 */
export const administrationTable = sqliteTable('administration', {
	/** Random opaque id, or 'wco-ap-<slug>' for the seeded ones. */
	id: text('id').primaryKey(),
	/** Name shown everywhere, unique regardless of case. */
	name: text('name').notNull(),
	/** Lower-cased, trimmed name: the unique key that stops "Japan" and "japan " both existing. */
	nameKey: text('name_key').notNull().unique(),
	/** Set when an admin deactivates it: it is no longer offered when inviting. */
	deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt(),
});

// ── CEN practice environment and intelligence materials (issue 16) ──────────────────────────

/** A seizure a participant coded in the CEN practice form (synthetic, non-nominal: no names). */
export const cenSeizureTable = sqliteTable(
	'cen_seizure',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** The coding exercise (fictional case) this record answers; '' for free practice. */
		caseId: text('case_id').notNull().default(''),
		/** Day of the seizure ('YYYY-MM-DD'). */
		seizureDate: text('seizure_date').notNull(),
		/** Country whose customs made and reports the seizure (code list). */
		reportingCountry: text('reporting_country').notNull(),
		/** Kind of place of detection (airport, seaport, land border, mail centre…). */
		placeType: text('place_type').notNull(),
		/** What led to the seizure (risk profile, x-ray scan…). */
		detectionMethod: text('detection_method').notNull(),
		/** Commodity group (drugs, tobacco, IPR…). */
		commodityCategory: text('commodity_category').notNull(),
		/** The goods themselves, from the group's list. */
		commodityType: text('commodity_type').notNull(),
		/** Amount seized, in `unit`. */
		quantity: real('quantity').notNull(),
		/** Unit of the quantity; must fit the commodity. */
		unit: text('unit').notNull(),
		/** How the goods were hidden. */
		concealment: text('concealment').notNull(),
		/** How the goods travelled. */
		transportMode: text('transport_mode').notNull(),
		/** Where the goods came from ('' when unknown). */
		originCountry: text('origin_country').notNull().default(''),
		/** Where the goods were shipped from. */
		departureCountry: text('departure_country').notNull(),
		/** Country passed through ('' for a direct route). */
		transitCountry: text('transit_country').notNull().default(''),
		/** Where the goods were going. */
		destinationCountry: text('destination_country').notNull(),
		/** Nationalities of the people involved, comma-separated country names (never names). */
		nationalities: text('nationalities').notNull().default(''),
		/** Free remarks (non-nominal). */
		remarks: text('remarks').notNull().default(''),
		/** Warnings the participant confirmed when saving (JSON field -> message). */
		warnings: text('warnings', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('cen_seizure_participant_idx').on(t.participantId, t.caseId)],
);

/** The three CENcomm-style message types the course teaches. */
export const cenMessageKinds = ['warning', 'feedback', 'seizure'] as const;
export type CenMessageKind = (typeof cenMessageKinds)[number];

/** A practice message a participant drafted; reviewed by a mentor like a log entry. */
export const cenMessageTable = sqliteTable(
	'cen_message',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** warning | feedback | seizure. */
		kind: text('kind', { enum: cenMessageKinds }).notNull(),
		subject: text('subject').notNull(),
		/** Closed user group the message is for (practice names only). */
		recipientGroup: text('recipient_group').notNull(),
		/** Warning: indicators of the shipment to control. */
		indicators: text('indicators').notNull().default(''),
		/** How the goods were moved and hidden. */
		modusOperandi: text('modus_operandi').notNull().default(''),
		/** Routes: departure, transit, destination. */
		routes: text('routes').notNull().default(''),
		/** Risk indicators for targeting. */
		riskIndicators: text('risk_indicators').notNull().default(''),
		/** What the recipients are asked to do. */
		requestedAction: text('requested_action').notNull().default(''),
		/** Feedback: the warning the feedback answers (its reference). */
		inReplyTo: text('in_reply_to').notNull().default(''),
		/** Feedback: what was done and found after the warning. */
		result: text('result').notNull().default(''),
		/** Seizure message: the practice seizure record it reports. */
		seizureId: text('seizure_id').references(() => cenSeizureTable.id, { onDelete: 'set null' }),
		/** Sources the message rests on (lab queries, practice records), one per line. */
		basis: text('basis').notNull().default(''),
		/** unrestricted | restricted. */
		handling: text('handling', { enum: handlings }).notNull().default('restricted'),
		/** draft | submitted | approved | changes_requested, as for log entries. */
		status: text('status', { enum: entryStatuses }).notNull().default('draft'),
		/** Bumped on every change; a stale save is refused. */
		version: integer('version').notNull().default(1),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('cen_message_participant_idx').on(t.participantId)],
);

/** A mentor's decision on a practice message (kept; nothing is erased). */
export const cenMessageReviewTable = sqliteTable(
	'cen_message_review',
	{
		id: text('id').primaryKey(),
		messageId: text('message_id')
			.notNull()
			.references(() => cenMessageTable.id, { onDelete: 'cascade' }),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => userTable.id),
		/** approved | changes_requested. */
		decision: text('decision', { enum: ['approved', 'changes_requested'] }).notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: createdAt(),
	},
	(t) => [index('cen_message_review_message_idx').on(t.messageId)],
);

/** Kinds of intelligence material in a participant's register. */
export const materialKinds = ['search', 'seizure', 'message', 'upload', 'chart'] as const;
export type MaterialKind = (typeof materialKinds)[number];

/**
 * One item of a participant's intelligence-materials register: a saved search, a coded seizure,
 * a drafted message (by reference), an uploaded file or a chart saved from the data lab (both
 * stored here, so backups hold them).
 */
export const materialTable = sqliteTable(
	'material',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** search | seizure | message | upload | chart. */
		kind: text('kind', { enum: materialKinds }).notNull(),
		title: text('title').notNull(),
		/** unrestricted | restricted: restricted material never leaves the portal. */
		handling: text('handling', { enum: handlings }).notNull().default('restricted'),
		/** Saved search: the query string of /cen/search. Chart: the lab settings that drew it (JSON). */
		query: text('query').notNull().default(''),
		/** Seizure or message: the id of the cen_seizure or cen_message row. */
		refId: text('ref_id').notNull().default(''),
		/** Upload: the file name as uploaded. */
		fileName: text('file_name').notNull().default(''),
		/** Upload: the type found from the file's first bytes (not the browser's claim). */
		mimeType: text('mime_type').notNull().default(''),
		/** Upload: size in bytes. */
		size: integer('size').notNull().default(0),
		/** Upload: the file itself. Chart: the chart as a PNG image. */
		content: blob('content', { mode: 'buffer' }),
		/** Chart: the chart in words (its text alternative), as the lab said it. */
		description: text('description').notNull().default(''),
		/** The log entry the material belongs to, if any. */
		logEntryId: text('log_entry_id').references(() => logEntryTable.id, { onDelete: 'set null' }),
		/** The part of the thematic study it belongs to ('' none, 'plan', 'findings', 'paper', 'activities'). */
		studyPart: text('study_part').notNull().default(''),
		createdAt: createdAt(),
	},
	(t) => [index('material_participant_idx').on(t.participantId, t.kind)],
);

export type Material = typeof materialTable.$inferSelect;
export type CenSeizure = typeof cenSeizureTable.$inferSelect;
export type CenMessage = typeof cenMessageTable.$inferSelect;
export type CenMessageReview = typeof cenMessageReviewTable.$inferSelect;

export type User = typeof userTable.$inferSelect;
export type AuthSession = typeof authSessionTable.$inferSelect;
export type Invitation = typeof invitationTable.$inferSelect;
export type Cohort = typeof cohortTable.$inferSelect;
export type CohortMember = typeof cohortMemberTable.$inferSelect;
export type QuizAttempt = typeof quizAttemptTable.$inferSelect;
export type AssessmentAttempt = typeof assessmentAttemptTable.$inferSelect;
export type EvaluationAnswer = typeof evaluationAnswerTable.$inferSelect;
export type AuditEvent = typeof auditEventTable.$inferSelect;
export type ExerciseAttempt = typeof exerciseAttemptTable.$inferSelect;
export type LabInterpretation = typeof labInterpretationTable.$inferSelect;
export type LogEntry = typeof logEntryTable.$inferSelect;
export type ReviewDecision = typeof reviewDecisionTable.$inferSelect;
export type EntryComment = typeof entryCommentTable.$inferSelect;
export type Notification = typeof notificationTable.$inferSelect;
export type Checkin = typeof checkinTable.$inferSelect;
export type Study = typeof studyTable.$inferSelect;
export type Report = typeof reportTable.$inferSelect;
export type ReportSection = typeof reportSectionTable.$inferSelect;
export type ReportRevision = typeof reportRevisionTable.$inferSelect;
export type ReportComment = typeof reportCommentTable.$inferSelect;
export type ReportVersion = typeof reportVersionTable.$inferSelect;
export type ReportVersionSection = typeof reportVersionSectionTable.$inferSelect;
export type Certificate = typeof certificateTable.$inferSelect;
export type Administration = typeof administrationTable.$inferSelect;
export type ReportDelivery = typeof reportDeliveryTable.$inferSelect;
export type ActivityAgreement = typeof activityAgreementTable.$inferSelect;

// ── Programme office: editions, the call for applications, nominations (issue 15) ───────────

/** One year's programme: its call for applications and, once set up, its cohort. */
export const editionTable = sqliteTable('edition', {
	id: text('id').primaryKey(),
	/** Name shown everywhere, e.g. "2026/2027"; unique. */
	name: text('name').notNull().unique(),
	/** The name as it appears in addresses, e.g. "2026-2027"; unique. */
	slug: text('slug').notNull().unique(),
	/** Last day applications are accepted ('YYYY-MM-DD'), until 23:59 Tokyo time. */
	applicationDeadline: text('application_deadline').notNull(),
	/** The deadline the call opened with, once an admin has extended it; null otherwise. */
	originalDeadline: text('original_deadline'),
	/** When the selection is expected, in words (e.g. "early to mid September 2026"). */
	selectionPeriod: text('selection_period').notNull(),
	/** When the programme runs, in words; the cohort's dates are exact once there is one. */
	programmePeriod: text('programme_period').notNull(),
	/** Where the programme takes place. */
	venue: text('venue').notNull(),
	/** The programme's working language. */
	language: text('language').notNull(),
	/** The edition's cohort, once the programme office has set it up. */
	cohortId: text('cohort_id')
		.unique()
		.references(() => cohortTable.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
});

/**
 * A Member administration's nomination of a candidate (charter Annex II). It counts as a
 * nomination only once the nominating officer has confirmed their email (verifiedAt set).
 */
export const nominationTable = sqliteTable(
	'nomination',
	{
		id: text('id').primaryKey(),
		editionId: text('edition_id')
			.notNull()
			.references(() => editionTable.id, { onDelete: 'cascade' }),
		/** The nominating Member administration. */
		administrationId: text('administration_id')
			.notNull()
			.references(() => administrationTable.id),
		/** The nominating officer: name, post and (lower-cased) email. */
		officerName: text('officer_name').notNull(),
		officerPost: text('officer_post').notNull(),
		officerEmail: text('officer_email').notNull(),
		/** The candidate's name and (lower-cased) email. */
		candidateName: text('candidate_name').notNull(),
		candidateEmail: text('candidate_email').notNull(),
		/** Hex SHA-256 of the token in the officer's confirmation link. */
		verifyTokenHash: text('verify_token_hash').notNull().unique(),
		/** The confirmation link stops working at this instant. */
		verifyExpiresAt: integer('verify_expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** When the officer confirmed; null while it is only a request. */
		verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('nomination_edition_idx').on(t.editionId, t.candidateEmail)],
);

/**
 * A Member administration's nominating contact kept by the programme office: a whole address or
 * an official email domain (src/lib/office/nominating-contacts.ts). A nomination from any other
 * address is held for the office to verify.
 */
export const nominatingContactTable = sqliteTable(
	'nominating_contact',
	{
		administrationId: text('administration_id')
			.notNull()
			.references(() => administrationTable.id, { onDelete: 'cascade' }),
		/** Lower-cased address ("name@customs.example") or domain ("customs.example"). */
		contact: text('contact').notNull(),
		addedById: text('added_by_id').references(() => userTable.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.administrationId, t.contact] })],
);

/** Application states: saved for later, or sent to the programme office. */
export const applicationStatuses = ['draft', 'submitted'] as const;

/** The nominated candidate's application (charter Annex III), one per nomination. */
export const applicationTable = sqliteTable(
	'application',
	{
		id: text('id').primaryKey(),
		nominationId: text('nomination_id')
			.notNull()
			.unique()
			.references(() => nominationTable.id, { onDelete: 'cascade' }),
		editionId: text('edition_id')
			.notNull()
			.references(() => editionTable.id, { onDelete: 'cascade' }),
		/** Hex SHA-256 of the token in the candidate's link (it works until the call closes). */
		tokenHash: text('token_hash').notNull().unique(),
		/** The answers by field name, as typed; read through src/lib/application-form.ts. */
		answers: text('answers', { mode: 'json' })
			.$type<Record<string, string | string[]>>()
			.notNull()
			.default(sql`'{}'`),
		/** draft | submitted. */
		status: text('status', { enum: applicationStatuses }).notNull().default('draft'),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('application_list_idx').on(t.status, t.submittedAt, t.id)],
);

/** Where an outgoing email stands: waiting for an admin (no SMTP), queued to send, sent, given up. */
export const mailStatuses = ['kept', 'queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/**
 * Every email the portal writes. Without SMTP it is `kept`: an admin reads it at /admin/outbox and
 * passes it on. With SMTP it is `queued`, and the scheduler sends it, retrying a refusal or a
 * failure with growing waits until it is `sent` or, after the last try, `failed` (an admin can
 * send it again from the outbox).
 */
export const mailOutboxTable = sqliteTable(
	'mail_outbox',
	{
		id: text('id').primaryKey(),
		/** Recipient address. */
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		/** Plain-text body (may hold a one-time link: admins only). */
		text: text('text').notNull(),
		/** kept | queued | sent | failed. Rows from before the scheduler are `kept`. */
		status: text('status', { enum: mailStatuses }).notNull().default('kept'),
		/** How many times sending was tried. */
		attempts: integer('attempts').notNull().default(0),
		/** A queued message is not tried before this instant (the back-off). */
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
		/** The last refusal or failure, in the mail server's words. */
		lastError: text('last_error'),
		/** When the message was sent. */
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('mail_outbox_status_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * A reminder that went out, under its unique key (kind, subject, due day, recipient): two
 * instances, a restart or a rerun of the jobs claim the key before sending, so none is sent twice.
 */
export const reminderSentTable = sqliteTable(
	'reminder_sent',
	{
		/** `kind|subject|due|recipient`, the unique claim. */
		key: text('key').primaryKey(),
		/** What the reminder is about, e.g. `report_due_7d` (see src/lib/clock/reminder-kinds.ts). */
		kind: text('kind').notNull(),
		/** The record it is about (an entry, a report, a nomination, a delivery …). */
		subjectId: text('subject_id').notNull(),
		/** The deadline or the day the reminder is for ('YYYY-MM-DD', cohort time zone). */
		due: text('due').notNull(),
		/** A user id, or an email address for people without an account. */
		recipient: text('recipient').notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('reminder_sent_sent_idx').on(t.sentAt)],
);

/** How a person wants a kind of message: by email at once, in a daily digest, or not by email. */
export const deliveryModes = ['immediately', 'digest', 'off'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** A person's choice for one kind of message; no row means the kind's default. */
export const notificationPreferenceTable = sqliteTable(
	'notification_preference',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** A message kind of src/lib/clock/reminder-kinds.ts. */
		kind: text('kind').notNull(),
		/** immediately | digest | off. */
		mode: text('mode', { enum: deliveryModes }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Secrets the portal makes for itself on first use and shares across instances through the
 * database, e.g. the key that signs one-click email-preference links.
 */
export const appSecretTable = sqliteTable('app_secret', {
	/** What the secret is for, e.g. `preference_link`. */
	name: text('name').primaryKey(),
	/** Base64 of 32 random bytes. */
	value: text('value').notNull(),
	createdAt: createdAt(),
});

/** Answers on the follow-up of the report's recommendations to the home administration. */
export const followUpAnswers = ['adopted', 'in_progress', 'not_adopted'] as const;
export type FollowUpAnswer = (typeof followUpAnswers)[number];

/**
 * The alumnus's or their home contact's answer on one recommendation of the accepted report,
 * 3 and 6 months after departure (the charter's objective of measures taken at home).
 */
export const recommendationFollowUpTable = sqliteTable(
	'recommendation_follow_up',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** 3 or 6 (months after departure). */
		round: integer('round').notNull(),
		/** The recommendation's position in the accepted version's recommendations section (1-based). */
		item: integer('item').notNull(),
		/** The recommendation as it stood in the accepted version. */
		recommendation: text('recommendation').notNull(),
		/** adopted | in_progress | not_adopted. */
		answer: text('answer', { enum: followUpAnswers }).notNull(),
		note: text('note').notNull().default(''),
		answeredBy: text('answered_by').references(() => userTable.id, { onDelete: 'set null' }),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [uniqueIndex('recommendation_follow_up_uq').on(t.participantId, t.round, t.item)],
);

export type Edition = typeof editionTable.$inferSelect;
export type Nomination = typeof nominationTable.$inferSelect;
export type Application = typeof applicationTable.$inferSelect;

// ── Programme office: screening overrides, scores, the selection (issue 15, phase 2) ────────

/** Screening verdicts a reviewer may give a check. */
export const screeningVerdicts = ['met', 'not_met', 'to_check'] as const;

/** A reviewer's override of one automatic screening check, with the required reason. */
export const screeningOverrideTable = sqliteTable(
	'screening_override',
	{
		applicationId: text('application_id')
			.notNull()
			.references(() => applicationTable.id, { onDelete: 'cascade' }),
		/** The check's key (src/lib/office/screening.ts), e.g. "degree". */
		checkKey: text('check_key').notNull(),
		/** met | not_met | to_check: replaces the automatic verdict. */
		verdict: text('verdict', { enum: screeningVerdicts }).notNull(),
		/** Why the reviewer decided otherwise. */
		note: text('note').notNull(),
		/** Who overrode it (null once their account is gone). */
		byId: text('by_id').references(() => userTable.id, { onDelete: 'set null' }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.checkKey] })],
);

/** One reviewer's score sheet for one application: a level per factor of the rubric. */
export const scoreSheetTable = sqliteTable(
	'score_sheet',
	{
		id: text('id').primaryKey(),
		applicationId: text('application_id')
			.notNull()
			.references(() => applicationTable.id, { onDelete: 'cascade' }),
		/** The reviewer (an admin of RILO A/P or the WCO Secretariat). */
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** Level (1–4) by factor key (src/lib/office/rubric.ts). */
		scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
		/** The reviewer's optional comment on the candidate. */
		comment: text('comment').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('score_sheet_reviewer_idx').on(t.applicationId, t.reviewerId)],
);

/**
 * A reviewer's declaration on one application: no conflict of interest (given with their sheet)
 * or a recusal with its reason. A reviewer from the candidate's own administration is recused
 * without a row (the rule is read from their account).
 */
export const reviewDeclarationTable = sqliteTable(
	'review_declaration',
	{
		applicationId: text('application_id')
			.notNull()
			.references(() => applicationTable.id, { onDelete: 'cascade' }),
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** True: the reviewer recused themself; false: they declared no conflict of interest. */
		recused: integer('recused', { mode: 'boolean' }).notNull(),
		/** Why they recused (empty for a declaration of no conflict). */
		note: text('note').notNull().default(''),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.reviewerId] })],
);

/**
 * A reviewer the programme office assigned to an application: only assigned reviewers score it,
 * and the selection waits for each assigned reviewer's sheet (or recusal). A reviewer from the
 * candidate's own administration is never assigned (recused automatically).
 */
export const reviewAssignmentTable = sqliteTable(
	'review_assignment',
	{
		applicationId: text('application_id')
			.notNull()
			.references(() => applicationTable.id, { onDelete: 'cascade' }),
		/** The reviewer: an admin of RILO A/P or the WCO Secretariat. */
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** The admin who assigned them (null once their account is gone). */
		assignedById: text('assigned_by_id').references(() => userTable.id, { onDelete: 'set null' }),
		assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.applicationId, t.reviewerId] }),
		index('review_assignment_reviewer_idx').on(t.reviewerId),
	],
);

/**
 * A participant's passport number for their enrolment letter (charter VII), given by them after
 * they joined the cohort; read by them and the programme office only, and deleted with the cohort
 * or the account.
 */
export const passportDetailTable = sqliteTable(
	'passport_detail',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohortTable.id, { onDelete: 'cascade' }),
		/** As printed in the passport, upper-cased, without spaces. */
		passportNumber: text('passport_number').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.participantId, t.cohortId] })],
);

/**
 * When a cohort's passport data (passport numbers, and the name, nationality and date of birth the
 * letter printed from the applications) was erased by the retention rule
 * (src/lib/enrolment/passport-retention.ts): once the charter's purpose, the visa letter, is over.
 */
export const passportErasureTable = sqliteTable('passport_erasure', {
	cohortId: text('cohort_id')
		.primaryKey()
		.references(() => cohortTable.id, { onDelete: 'cascade' }),
	erasedAt: integer('erased_at', { mode: 'timestamp_ms' }).notNull(),
	/** How many participants' passport data was erased. */
	participants: integer('participants').notNull().default(0),
});

/** The programme office's recorded selection for an edition; read-only while it exists. */
export const selectionTable = sqliteTable('selection', {
	id: text('id').primaryKey(),
	editionId: text('edition_id')
		.notNull()
		.unique()
		.references(() => editionTable.id, { onDelete: 'cascade' }),
	decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
	/** Who recorded the decision (null once their account is gone). */
	decidedById: text('decided_by_id').references(() => userTable.id, { onDelete: 'set null' }),
	/** When the decision notices went out (emailed or kept in the outbox); null before. */
	noticesAt: integer('notices_at', { mode: 'timestamp_ms' }),
	/** How many notices were emailed, and how many wait in the outbox. */
	noticesEmailed: integer('notices_emailed').notNull().default(0),
	noticesKept: integer('notices_kept').notNull().default(0),
	/**
	 * Why an admin recorded the selection before the deadline or with eligible applications
	 * unscored; null when no rule was overridden.
	 */
	overrideReason: text('override_reason'),
	/** The programme office's confirmation (RILO A/P, an admin). */
	officeConfirmedAt: integer('office_confirmed_at', { mode: 'timestamp_ms' }),
	officeConfirmedById: text('office_confirmed_by_id').references(() => userTable.id, {
		onDelete: 'set null',
	}),
	/** The WCO Secretariat's confirmation; the selection takes effect once both have confirmed. */
	secretariatConfirmedAt: integer('secretariat_confirmed_at', { mode: 'timestamp_ms' }),
	secretariatConfirmedById: text('secretariat_confirmed_by_id').references(() => userTable.id, {
		onDelete: 'set null',
	}),
	/** Days the selected have to accept or decline, counted from the second confirmation. */
	replyDays: integer('reply_days').notNull().default(14),
});

/** Where a place offered to a candidate stands (src/lib/office/offer.ts). */
export const offerStates = ['offered', 'accepted', 'declined', 'lapsed'] as const;
export type OfferState = (typeof offerStates)[number];

/**
 * A place offered to a candidate once the selection is in effect: to each selected candidate with
 * the notices, then to the next of the reserve list after a decline or a lapse. Deleted with the
 * selection (a reopening) or the application.
 */
export const offerTable = sqliteTable(
	'offer',
	{
		applicationId: text('application_id')
			.primaryKey()
			.references(() => applicationTable.id, { onDelete: 'cascade' }),
		selectionId: text('selection_id')
			.notNull()
			.references(() => selectionTable.id, { onDelete: 'cascade' }),
		/** offered | accepted | declined | lapsed. */
		state: text('state', { enum: offerStates }).notNull().default('offered'),
		/** Offered from the reserve list, after a decline or a lapse. */
		fromReserve: integer('from_reserve', { mode: 'boolean' }).notNull().default(false),
		offeredAt: integer('offered_at', { mode: 'timestamp_ms' }).notNull(),
		/** Last day to answer ('YYYY-MM-DD'), until 23:59 Tokyo time. */
		replyBy: text('reply_by').notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		/** Hex SHA-256 of the token in the offer's link (the application's link works too). */
		tokenHash: text('token_hash').notNull().unique(),
	},
	(t) => [index('offer_state_idx').on(t.state, t.replyBy)],
);
export type Offer = typeof offerTable.$inferSelect;

/**
 * The outcome each candidate was last told (kept across a reopening), so a selection recorded
 * again sends notices only to the people whose outcome changed.
 */
export const decisionNoticeTable = sqliteTable('decision_notice', {
	applicationId: text('application_id')
		.primaryKey()
		.references(() => applicationTable.id, { onDelete: 'cascade' }),
	/** Whether the notice said "selected". */
	selected: integer('selected', { mode: 'boolean' }).notNull(),
	sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
});

/** A selected application of a recorded selection (at most four, one per administration). */
export const selectionCandidateTable = sqliteTable(
	'selection_candidate',
	{
		selectionId: text('selection_id')
			.notNull()
			.references(() => selectionTable.id, { onDelete: 'cascade' }),
		applicationId: text('application_id')
			.notNull()
			.unique()
			.references(() => applicationTable.id, { onDelete: 'cascade' }),
	},
	(t) => [primaryKey({ columns: [t.selectionId, t.applicationId] })],
);

export type ScreeningOverride = typeof screeningOverrideTable.$inferSelect;
export type ScoreSheet = typeof scoreSheetTable.$inferSelect;
export type Selection = typeof selectionTable.$inferSelect;
// ── Enrolment: letters for the visa, the charter's admin matters, alumni (issue 15) ─────────

/**
 * An enrolment letter's verification code (charter VII): one live letter per participant and
 * cohort. Revoking keeps the row (so /verify can say "revoked"); reissuing adds a new code.
 */
export const enrolmentLetterTable = sqliteTable(
	'enrolment_letter',
	{
		/** 20 Crockford base32 characters, upper case, without the dashes it is printed with. */
		code: text('code').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohortTable.id, { onDelete: 'cascade' }),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		/** Who issued it: an admin, or the participant when the letter was first opened. */
		issuedBy: text('issued_by').references(() => userTable.id, { onDelete: 'set null' }),
		/** Set when an admin revokes the letter: it no longer certifies anything. */
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedBy: text('revoked_by').references(() => userTable.id, { onDelete: 'set null' }),
	},
	(t) => [
		// At most one letter in force per participant and cohort.
		uniqueIndex('enrolment_letter_live_uq')
			.on(t.participantId, t.cohortId)
			.where(sql`revoked_at is null`),
		index('enrolment_letter_participant_idx').on(t.participantId, t.cohortId),
	],
);

/** Where a participant's visa stands, as the programme office knows it. */
export const visaStatuses = ['pending', 'obtained', 'not_needed'] as const;
export type VisaStatus = (typeof visaStatuses)[number];

/**
 * The charter's admin matters for one participant of one cohort (sections VI–VII), kept by the
 * programme office: allowance paid, ticket issued, insurance confirmed, visa. No row = nothing yet.
 */
export const adminMatterTable = sqliteTable(
	'admin_matter',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohortTable.id, { onDelete: 'cascade' }),
		/** Day the subsistence allowance was paid ('YYYY-MM-DD'), or null while unpaid. */
		allowancePaidOn: text('allowance_paid_on'),
		/** The economy return ticket's itinerary as issued ('' while no ticket is issued). */
		ticketItinerary: text('ticket_itinerary').notNull().default(''),
		/** Day the participant confirmed their own travel and health insurance (the programme pays none). */
		insuranceConfirmedOn: text('insurance_confirmed_on'),
		/** pending | obtained | not_needed. */
		visaStatus: text('visa_status', { enum: visaStatuses }).notNull().default('pending'),
		/** Day the visa was obtained, when visaStatus is 'obtained'. */
		visaObtainedOn: text('visa_obtained_on'),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		updatedBy: text('updated_by').references(() => userTable.id, { onDelete: 'set null' }),
	},
	(t) => [primaryKey({ columns: [t.participantId, t.cohortId] })],
);

/**
 * A past participant's entry in the alumni directory, present only while they opt in. Name,
 * administration, edition and study topic are read live from their records; only the contact
 * they chose is stored here.
 */
export const alumniEntryTable = sqliteTable('alumni_entry', {
	userId: text('user_id')
		.primaryKey()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	/** The past cohort the entry names. */
	cohortId: text('cohort_id')
		.notNull()
		.references(() => cohortTable.id, { onDelete: 'cascade' }),
	/** How alumni may reach them, as they wrote it (e.g. an email address). */
	contact: text('contact').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	createdAt: createdAt(),
});

export type EnrolmentLetter = typeof enrolmentLetterTable.$inferSelect;
export type AdminMatter = typeof adminMatterTable.$inferSelect;
export type AlumniEntry = typeof alumniEntryTable.$inferSelect;
export type RecommendationFollowUp = typeof recommendationFollowUpTable.$inferSelect;
