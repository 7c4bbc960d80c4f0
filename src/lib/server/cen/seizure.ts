/**
 * Practice seizure records: a participant codes them (freely or from an exercise case); they,
 * their mentors and admins read them; anyone else gets a 404.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cenSeizureTable, type CenSeizure } from '~db/schema';
import { todayIn } from '~/lib/dates';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { findCase, type CodingCase } from './cases';
import { compareWithKey, type FieldVerdict } from './compare';
import { checkSeizure, readQuantity, seizureFields, type SeizureForm } from './seizure-rules';
import { insertedLast } from '../row-order';
import { findRow } from '../find-row';

/** The day no seizure may be later than: today where the programme runs. */
export function practiceToday(now = new Date()): string {
	return todayIn('Asia/Tokyo', now);
}

/** A stored record back in the form's shape (for comparison and editing). */
export function toForm(s: CenSeizure): SeizureForm {
	return {
		seizureDate: s.seizureDate,
		reportingCountry: s.reportingCountry,
		placeType: s.placeType,
		detectionMethod: s.detectionMethod,
		commodityCategory: s.commodityCategory,
		commodityType: s.commodityType,
		quantity: String(s.quantity),
		unit: s.unit,
		concealment: s.concealment,
		transportMode: s.transportMode,
		originCountry: s.originCountry,
		departureCountry: s.departureCountry,
		transitCountry: s.transitCountry,
		destinationCountry: s.destinationCountry,
		nationalities: s.nationalities,
		remarks: s.remarks,
	};
}

/** Every field trimmed ('' for a missing one). */
export function cleanForm(values: Partial<Record<string, unknown>>): SeizureForm {
	return Object.fromEntries(
		seizureFields.map((f) => [f, String(values[f] ?? '').trim()]),
	) as SeizureForm;
}

/** Refuses a form with an error, or with warnings the person has not confirmed. */
function assertCodable(form: SeizureForm, confirmWarnings: boolean, today: string) {
	const { errors, warnings } = checkSeizure(form, today);
	const [field, message] = Object.entries(errors)[0] ?? [];
	if (field) throw new RuleError('invalid', message!, field);
	const [wField, wMessage] = Object.entries(warnings)[0] ?? [];
	if (wField && !confirmWarnings)
		throw new RuleError(
			'invalid',
			`Check: ${wMessage} Tick “I checked the warnings” to save.`,
			wField,
		);
	return warnings;
}

/** Saves a coded seizure for a participant; `caseId` names the exercise it answers. */
export async function createSeizure(
	db: Db,
	participant: SessionUser,
	values: SeizureForm,
	options: { caseId?: string; confirmWarnings?: boolean; today?: string } = {},
): Promise<CenSeizure> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants code practice seizures.');
	const caseId = options.caseId ?? '';
	if (caseId && !findCase(caseId)) throw notFound('exercise');
	const form = cleanForm(values);
	const warnings = assertCodable(
		form,
		options.confirmWarnings ?? false,
		options.today ?? practiceToday(),
	);
	const [row] = await db
		.insert(cenSeizureTable)
		.values({
			id: newId(),
			participantId: participant.id,
			caseId,
			...form,
			quantity: readQuantity(form.quantity)!,
			warnings: warnings as Record<string, string>,
			updatedAt: new Date(),
		})
		.returning();
	await recordAudit(db, {
		actorId: participant.id,
		action: 'cen_seizure.create',
		subjectType: 'cen_seizure',
		subjectId: row!.id,
		details: caseId ? { caseId } : {},
	});
	return row!;
}

/** A record the viewer may see, or null (callers answer 404). */
export async function findSeizureForViewer(
	db: Db,
	viewer: SessionUser,
	id: string,
): Promise<CenSeizure | null> {
	const row = await findRow(db, cenSeizureTable, eq(cenSeizureTable.id, id));
	if (!row) return null;
	return (await findVisibleParticipant(db, viewer, row.participantId)) ? row : null;
}

/** A participant's records, newest first (optionally only one exercise's attempts). */
export function listSeizures(db: Db, participantId: string, caseId?: string) {
	const where = caseId
		? and(eq(cenSeizureTable.participantId, participantId), eq(cenSeizureTable.caseId, caseId))
		: eq(cenSeizureTable.participantId, participantId);
	return db
		.select()
		.from(cenSeizureTable)
		.where(where)
		.orderBy(desc(cenSeizureTable.createdAt), insertedLast(cenSeizureTable));
}

/** The exercise a record answers and the field-by-field comparison, or null for free practice. */
export function feedbackFor(s: CenSeizure): { case: CodingCase; verdicts: FieldVerdict[] } | null {
	const c = s.caseId ? findCase(s.caseId) : null;
	return c ? { case: c, verdicts: compareWithKey(c, toForm(s)) } : null;
}
