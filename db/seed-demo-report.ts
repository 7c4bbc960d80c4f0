/**
 * Demo final reports, one state per participant so every screen can be shown:
 * participant 1 a working draft (outline presented); participant 2 an outline being drafted;
 * participant 3 version 1 submitted and waiting for the mentor's decision; participant 4
 * version 1 returned for corrections, version 2 accepted, and a certificate. The demo skips the
 * "not before departure" rule for participant 4, whose cohort is still in Tokyo. Fictional.
 */
import type { Db } from './client';
import { demoDay, workingDaysBack } from './demo-day';
import type { DemoIds } from './seed-demo';
import {
	certificateTable,
	reportSectionTable,
	reportTable,
	reportVersionSectionTable,
	reportVersionTable,
	type ReportStatus,
} from './schema';

const day = (offset: number) => demoDay(offset);
/** An instant on day `offset` at `hour` Tokyo time, never later than a minute ago. */
const at = (offset: number, hour = 10) =>
	new Date(
		Math.min(
			new Date(`${day(offset)}T00:00:00Z`).getTime() + (hour - 9) * 3_600_000,
			Date.now() - 60_000,
		),
	);

/** A random certificate code like the portal's (`src/lib/verify/code.ts`: "C" and 15 random characters). */
function certificateCode(): string {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	const bytes = crypto.getRandomValues(new Uint8Array(15));
	return 'C' + Array.from(bytes, (b) => alphabet[b & 31]).join('');
}

type Text = { kind: string; title: string; outline: string; notes: string };

function sectionsOf(p: number): Text[] {
	const full = p >= 2;
	return [
		{
			kind: 'activities',
			title: 'Summary of programme activities',
			outline: [
				'- Training week: CEN suite, intelligence cycle, data analysis',
				'- OJT: four areas, see the logbook',
				...(full
					? [
							'  - (1) RILO A/P roles: two liaison exchanges and the OCU project board',
							'  - (3) Data analysis: trend and route charts from the synthetic seizure data',
						]
					: []),
			].join('\n'),
			notes: full ? 'Hours per area are in the logbook annex of the home administration pack.' : '',
		},
		{
			kind: 'study_results',
			title: 'Results of the thematic study',
			outline: [
				'- Pattern found in the synthetic data (demo)',
				'- Draft alert produced',
				...(full ? ['1. Finding: concealment shifts precede route shifts by about six weeks'] : []),
			].join('\n'),
			notes: full ? '| Material | Date |\n|---|---|\n| Regional alert draft | week 3 |' : '',
		},
		{
			kind: 'recommendations',
			title: 'Recommendation(s) to the home administration',
			outline:
				p === 1
					? ''
					: '- Send feedback on every regional alert within a set time\n- Train one more analyst in CEN data entry',
			notes: full ? 'Both are possible within the current budget (**demo** figures).' : '',
		},
		{
			kind: 'evaluation',
			title: 'Evaluation of the programme',
			outline:
				p === 0 || full ? '- Training week: dense but useful\n- OJT: most valuable part' : '',
			notes: '',
		},
	];
}

/** The report of demo participant number `p` (0-based), in the state described above. */
export async function seedDemoReport(
	db: Db,
	ids: DemoIds,
	participantId: string,
	p: number,
	now: Date,
) {
	const status: ReportStatus = [
		'outline_presented',
		'outline_drafted',
		'final_submitted',
		'closed',
	][p] as ReportStatus;
	const texts = sectionsOf(p);
	await db.insert(reportTable).values({
		participantId,
		status,
		outlinePresentedOn: p === 1 ? null : day(-4),
		...(p === 3
			? {
					correctionsRequest: 'Recommendation(s) to the home administration: add a time frame.',
					correctionsRequestedBy: ids.mentorId,
					correctionsRequestedOn: day(-2),
					correctionsSubmittedOn: day(-1),
					closedOn: day(0),
					acceptedAt: at(0, 15),
				}
			: {}),
		updatedAt: now,
	});
	await db.insert(reportSectionTable).values(
		texts.map((s, i) => ({
			id: `demosection-${p}-${i}`,
			participantId,
			kind: s.kind as 'activities',
			title: s.title,
			position: i + 1,
			outline: s.outline,
			notes: s.notes,
			version: s.outline ? 2 : 1,
			updatedAt: now,
		})),
	);
	// Three working days ago: past the mentor's two working days, so the reminder is due.
	if (p === 2) await seedVersion(db, participantId, p, 1, { submitted: -workingDaysBack(3) });
	if (p === 3) {
		await seedVersion(db, participantId, p, 1, {
			submitted: -3,
			decision: 'returned',
			decidedBy: ids.mentorId,
			decided: -2,
			correction: { position: 3, what: 'Add a time frame to each recommendation.' },
		});
		const v2 = await seedVersion(db, participantId, p, 2, {
			submitted: -1,
			decision: 'accepted',
			decidedBy: ids.adminId,
			decided: 0,
		});
		await db.insert(certificateTable).values({
			code: certificateCode(),
			participantId,
			versionId: v2,
			issuedBy: ids.adminId,
			issuedAt: at(0, 15),
		});
	}
}

async function seedVersion(
	db: Db,
	participantId: string,
	p: number,
	number: number,
	v: {
		submitted: number;
		decision?: 'returned' | 'accepted';
		decidedBy?: string;
		decided?: number;
		correction?: { position: number; what: string };
	},
): Promise<string> {
	const id = `demoversion-${p}-${number}`;
	await db.insert(reportVersionTable).values({
		id,
		participantId,
		number,
		submittedAt: at(v.submitted),
		decision: v.decision ?? 'pending',
		decidedBy: v.decidedBy ?? null,
		decidedAt: v.decided === undefined ? null : at(v.decided, 15),
	});
	await db.insert(reportVersionSectionTable).values(
		sectionsOf(p).map((s, i) => ({
			versionId: id,
			sectionId: `demosection-${p}-${i}`,
			position: i + 1,
			kind: s.kind as 'activities',
			title: s.title,
			outline:
				// Version 1 of participant 4 lacked the time frame the mentor asked for.
				number === 1 && p === 3 && s.kind === 'recommendations'
					? s.outline.replace(/ within a set time/, '')
					: s.outline,
			notes: s.notes,
			correction: v.correction?.position === i + 1 ? v.correction.what : '',
		})),
	);
	return id;
}
