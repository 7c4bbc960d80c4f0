/**
 * The thematic study on alert intelligence: one per participant. The plan and the findings
 * live on one row with one version; a save naming an older version is refused, so a second
 * tab never overwrites the first. The row is created by the first save (version 0 = none yet).
 * Sources, milestones, paper, activities and comments live in the study-*.ts files.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyTable, type Study, type User } from '~db/schema';
import { officeTimeZone, todayIn } from '~/lib/dates';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import { findCurrentCohort } from '../cohort/manage';
import { RuleError } from '../errors';
import type { SessionUser } from '../auth/session';
import { assertStudyWriter } from './access';
import { listActivities } from './activity';
import { listStudyComments } from './comment';
import { listMilestones } from './milestone';
import { listSections } from './paper';
import { listSources } from './source';
import { findRow } from '../find-row';

/** What the plan form submits. */
export type PlanInput = {
	title: string;
	question: string;
	scope: string;
	method: string;
	expectedOutputs: string;
};

/** A save was refused because the study changed since the form was opened. */
export class StudyConflict extends RuleError {
	constructor(readonly current: Study) {
		super(
			'conflict',
			'Your study was changed elsewhere since you opened this page — in another tab, perhaps. Your text is kept below next to the saved version: merge what you need, then save again.',
		);
	}
}

/** The study before its first save. */
function emptyStudy(participantId: string): Study {
	return {
		participantId,
		title: '',
		question: '',
		scope: '',
		method: '',
		expectedOutputs: '',
		findings: '',
		version: 0,
		updatedAt: new Date(0),
	};
}

/** The study row (or an empty one at version 0). */
async function readStudy(db: Pick<Db, 'select'>, participantId: string): Promise<Study> {
	const row = await findRow(db, studyTable, eq(studyTable.participantId, participantId));
	return row ?? emptyStudy(participantId);
}

/** Every part of a participant's study, without an access check (callers check). */
export async function getStudy(db: Db, participantId: string) {
	const [study, sources, milestones, sections, activities, comments] = await Promise.all([
		readStudy(db, participantId),
		listSources(db, participantId),
		listMilestones(db, participantId),
		listSections(db, participantId),
		listActivities(db, participantId),
		listStudyComments(db, participantId),
	]);
	return { study, sources, milestones, sections, activities, comments };
}

/** Everything a study page shows. */
export type StudyView = Awaited<ReturnType<typeof getStudy>> & {
	participant: User;
	/** Today in the cohort's time zone, for overdue milestones. */
	today: string;
	/** The cohort's time zone (the office's without a cohort): every time on the page is given in it. */
	timeZone: string;
	/** True when the participant's cohort is archived: the study is read-only. */
	archived: boolean;
	/** False when the participant is in no cohort (nothing can be written). */
	inCohort: boolean;
};

/** A participant's whole study as `viewer` may see it, or null (callers answer 404). */
export async function findStudyForViewer(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<StudyView | null> {
	const participant = await findVisibleParticipant(db, viewer, participantId);
	if (!participant) return null;
	const [parts, cohort] = await Promise.all([
		getStudy(db, participantId),
		findCurrentCohort(db, participantId),
	]);
	const timeZone = cohort?.timezone ?? officeTimeZone;
	return {
		...parts,
		participant,
		today: todayIn(timeZone),
		timeZone,
		archived: Boolean(cohort?.archivedAt),
		inCohort: Boolean(cohort),
	};
}

/** Writes fields at `version`; returns null when another save got there first. */
async function writeStudy(
	tx: Pick<Db, 'insert' | 'update'>,
	participantId: string,
	version: number,
	fields: Partial<PlanInput & { findings: string }>,
): Promise<Study | null> {
	const updatedAt = new Date();
	if (version === 0) {
		const [row] = await tx
			.insert(studyTable)
			.values({ participantId, ...fields, version: 1, updatedAt })
			.onConflictDoNothing()
			.returning();
		return row ?? null;
	}
	const [row] = await tx
		.update(studyTable)
		.set({ ...fields, version: version + 1, updatedAt })
		.where(and(eq(studyTable.participantId, participantId), eq(studyTable.version, version)))
		.returning();
	return row ?? null;
}

/** Saves some fields of the participant's own study at the version their form was opened with. */
async function saveStudyFields(
	db: Db,
	participant: SessionUser,
	version: number,
	fields: Partial<PlanInput & { findings: string }>,
	action: string,
): Promise<Study> {
	await assertStudyWriter(db, participant);
	return db.transaction(async (tx) => {
		const row = await writeStudy(tx, participant.id, version, fields);
		if (!row) throw new StudyConflict(await readStudy(tx, participant.id));
		await recordAudit(tx, {
			actorId: participant.id,
			action,
			subjectType: 'study',
			subjectId: participant.id,
			details: { version: row.version },
		});
		return row;
	});
}

/** Saves the plan: title, research question, scope, method and expected outputs. */
export function savePlan(db: Db, participant: SessionUser, version: number, plan: PlanInput) {
	return saveStudyFields(db, participant, version, plan, 'study.plan_save');
}

/** Saves the findings notes (Markdown). */
export function saveFindings(db: Db, participant: SessionUser, version: number, findings: string) {
	return saveStudyFields(db, participant, version, { findings }, 'study.findings_save');
}
