/**
 * The programme office's demo: the 2026/2027 call (closed 31 July 2026, linked to the demo
 * cohort) with ten screened applications from seven fictional administrations (the first four
 * are the demo participants; src/cli/seed-demo-selection.ts scores and selects, and they hold the
 * places once the offers are answered), and the next edition's call, open for anyone to try. Idempotent; everything here is invented.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import {
	administrationTable,
	applicationTable,
	editionTable,
	nominatingContactTable,
	nominationTable,
	screeningOverrideTable,
} from './schema';
import { demoAccounts } from './seed-demo';

/** What every edition of the programme shares. */
const everyEdition = { venue: 'RILO A/P, Tokyo, Japan', language: 'English' };

const editions = {
	closed: {
		id: 'demoedition2026',
		name: '2026/2027',
		slug: '2026-2027',
		applicationDeadline: '2026-07-31',
		selectionPeriod: 'early to mid September 2026',
		programmePeriod: 'November–December 2026',
		...everyEdition,
	},
	open: {
		id: 'demoedition2027',
		name: '2027/2028',
		slug: '2027-2028',
		applicationDeadline: '2027-07-31',
		selectionPeriod: 'early to mid September 2027',
		programmePeriod: 'November–December 2027',
		...everyEdition,
	},
};

/** Fictional administrations beyond the demo cohort's four. */
const moreAdministrations = [
	{ id: 'demo-adm-orvania', name: 'Orvania Customs (fictional)' },
	{ id: 'demo-adm-serenity', name: 'Serenity Islands Customs Service (fictional)' },
	{ id: 'demo-adm-tarvos', name: 'Tarvos Customs Administration (fictional)' },
];

type Candidate = {
	name: string;
	administration: string;
	answers: Record<string, string | string[]>;
};

const base = {
	nationality: 'Fictional',
	dateOfBirth: '1991-05-14',
	unit: 'Risk Management Division',
	customsOfficer: 'yes',
	degreeLevel: 'bachelor',
	degreeDetail: 'Bachelor of Economics, a fictional national university',
	englishLevel: 'good',
	computerSkills: 'good',
	expertiseDetail: 'Profiling of air cargo and passenger risk; follow-up of seizure reports.',
	motivation:
		'I want to learn how a RILO turns seizure data into alerts and bring that practice home.',
	careerPath:
		'Started at a land border post, moved to the risk unit; aiming to lead an analysis team.',
	fitness: 'yes',
	grade: 'junior',
	expertise: ['risk_management'],
	programming: [],
	visualisation: [],
	clikc: [],
};

const candidates = (adm: Record<string, string>): Candidate[] => [
	{
		name: 'Mara Santos',
		administration: adm.aldoria!,
		answers: {
			...base,
			post: 'Customs Analyst',
			yearsInCustoms: '6',
			programming: ['python'],
			visualisation: ['power_bi'],
			clikc: ['risk_management', 'data_analytics'],
			expertise: ['risk_management', 'intelligence_analysis'],
		},
	},
	{
		name: 'Tevita Lolo',
		administration: adm.kestrel!,
		answers: {
			...base,
			post: 'Intelligence Officer',
			yearsInCustoms: '5',
			englishLevel: 'fluent',
			expertise: ['intelligence_analysis', 'enforcement'],
			visualisation: ['tableau'],
		},
	},
	{
		name: 'Nguyen Thi Lan',
		administration: adm.maravia!,
		answers: {
			...base,
			post: 'Targeting Officer',
			yearsInCustoms: '8',
			degreeLevel: 'master',
			degreeDetail: 'Master of Data Science, a fictional institute',
			programming: ['python', 'r'],
			clikc: ['data_analytics'],
			expertise: ['targeting', 'risk_management'],
		},
	},
	{
		name: 'Arjun Mehta',
		administration: adm.lumeria!,
		answers: {
			...base,
			post: 'Senior Inspector',
			yearsInCustoms: '9',
			grade: 'middle',
			expertise: ['enforcement'],
			programming: ['r'],
			visualisation: ['power_bi', 'tableau'],
		},
	},
	{
		name: 'Rina Aldama',
		administration: adm.aldoria!,
		answers: { ...base, post: 'Customs Officer', yearsInCustoms: '2', expertise: ['enforcement'] },
	},
	{
		name: 'Dorin Vasko',
		administration: adm.orvania!,
		answers: {
			...base,
			post: 'Risk Analyst',
			yearsInCustoms: '4',
			degreeLevel: 'equivalent',
			degreeDetail: 'Customs Academy diploma, three years',
			programming: ['python'],
		},
	},
	{
		name: 'Sefa Tuilagi',
		administration: adm.serenity!,
		answers: {
			...base,
			post: 'Border Officer',
			yearsInCustoms: '7',
			englishLevel: 'basic',
			expertise: ['enforcement', 'targeting'],
		},
	},
	{
		name: 'Bolat Serik',
		administration: adm.tarvos!,
		answers: {
			...base,
			post: 'Head of Section',
			yearsInCustoms: '15',
			grade: 'senior',
			degreeLevel: 'master',
			degreeDetail: 'Master of Law, a fictional university',
			expertise: ['risk_management', 'enforcement'],
			visualisation: ['power_bi'],
		},
	},
	{
		name: 'Leilani Kahale',
		administration: adm.kestrel!,
		answers: {
			...base,
			post: 'Customs Officer',
			yearsInCustoms: '3',
			degreeLevel: 'none',
			degreeDetail: '',
			expertise: [],
			expertiseDetail: '',
		},
	},
	{
		name: 'Pita Fonua',
		administration: adm.serenity!,
		answers: {
			...base,
			post: 'Data Officer',
			yearsInCustoms: '5',
			expertise: ['intelligence_analysis'],
			programming: ['python'],
			clikc: ['risk_management'],
		},
	},
];

const dayMs = 86_400_000;
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '');

/** The administration id of a demo participant's fictional administration, by a word of its name. */
async function administrationIds(db: Db) {
	const rows = await db.select().from(administrationTable);
	const find = (word: string) => rows.find((r) => r.name.toLowerCase().includes(word))?.id;
	return {
		aldoria: find('aldoria'),
		kestrel: find('kestrel'),
		maravia: find('maravia'),
		lumeria: find('lumeria'),
		orvania: 'demo-adm-orvania',
		serenity: 'demo-adm-serenity',
		tarvos: 'demo-adm-tarvos',
	} as Record<string, string>;
}

/** Seeds the two calls and the closed call's applications; runs again without adding anything. */
export async function seedDemoOffice(db: Db, cohortId: string | null, now = Date.now()) {
	for (const a of moreAdministrations)
		await db
			.insert(administrationTable)
			.values({ ...a, nameKey: a.name.toLowerCase() })
			.onConflictDoNothing();
	await db
		.insert(editionTable)
		.values({ ...editions.closed, cohortId })
		.onConflictDoNothing();
	// The next call stays open for a visitor to try, whenever the demo is run.
	const soon = new Date(now + 90 * dayMs).toISOString().slice(0, 10);
	const deadline =
		editions.open.applicationDeadline > soon ? editions.open.applicationDeadline : soon;
	await db
		.insert(editionTable)
		.values({ ...editions.open, applicationDeadline: deadline })
		.onConflictDoNothing();
	const adm = await administrationIds(db);
	for (const [i, c] of candidates(adm).entries()) {
		const id = `demonom${String(i + 1).padStart(2, '0')}`;
		const [exists] = await db.select().from(nominationTable).where(eq(nominationTable.id, id));
		if (exists || !c.administration) continue;
		const submittedAt = new Date(Date.UTC(2026, 6, 10 + i, 3, 0));
		// The first four are the demo cohort's participants, selected for it (the same addresses).
		const email =
			demoAccounts.participants.find((p) => p.name === c.name)?.email ??
			`${slugOf(c.name)}@candidate.demo.test`;
		const hash = () => createHash('sha256').update(randomBytes(20)).digest('hex');
		await db.insert(nominationTable).values({
			id,
			editionId: editions.closed.id,
			administrationId: c.administration,
			officerName: `Nominating officer ${i + 1} (fictional)`,
			officerPost: 'Director, Human Resources',
			officerEmail: `hr${i + 1}@administration.demo.test`,
			candidateName: c.name,
			candidateEmail: email,
			verifyTokenHash: hash(),
			verifyExpiresAt: new Date(submittedAt.getTime() - dayMs),
			verifiedAt: new Date(submittedAt.getTime() - 3 * dayMs),
			createdAt: new Date(submittedAt.getTime() - 4 * dayMs),
		});
		await db.insert(applicationTable).values({
			id: `demoapp${String(i + 1).padStart(2, '0')}`,
			nominationId: id,
			editionId: editions.closed.id,
			tokenHash: hash(),
			answers: { ...c.answers, fullName: c.name },
			status: 'submitted',
			submittedAt,
			updatedAt: submittedAt,
			createdAt: new Date(submittedAt.getTime() - 3 * dayMs),
		});
	}
	await seedContacts(db, adm);
	await seedOpenCall(db, adm, now);
}

/** The demo administrations' official domain, kept by the office (all demo officers write from it). */
async function seedContacts(db: Db, adm: Record<string, string>) {
	for (const administrationId of Object.values(adm).filter(Boolean))
		await db
			.insert(nominatingContactTable)
			.values({ administrationId, contact: 'administration.demo.test' })
			.onConflictDoNothing();
	// The 2026/2027 call let three administrations nominate two officers each: allowed, with the reason.
	const rows = await db
		.select({ id: applicationTable.id, administrationId: nominationTable.administrationId })
		.from(applicationTable)
		.innerJoin(nominationTable, eq(nominationTable.id, applicationTable.nominationId))
		.where(eq(applicationTable.editionId, editions.closed.id));
	for (const r of rows)
		if (rows.filter((x) => x.administrationId === r.administrationId).length > 1)
			await db
				.insert(screeningOverrideTable)
				.values({
					applicationId: r.id,
					checkKey: 'single',
					verdict: 'met',
					note: 'The administration asked to nominate two officers for this edition; the programme office allowed it (its letter is on file).',
					at: new Date(Date.UTC(2026, 7, 3, 2, 0)),
				})
				.onConflictDoNothing();
}

/**
 * The open call: one nomination from an administration's official domain (verified), one from a
 * private address (held for the office to verify), both submitted and screened.
 */
async function seedOpenCall(db: Db, adm: Record<string, string>, now: number) {
	const hash = () => createHash('sha256').update(randomBytes(20)).digest('hex');
	const at = new Date(now - 5 * dayMs);
	const open = [
		{
			id: 'demonom2027a',
			administration: adm.kestrel!,
			officerName: 'Nominating officer of Kestrel (fictional)',
			officerEmail: 'hr@administration.demo.test',
			name: 'Ilse Varga',
		},
		{
			id: 'demonom2027b',
			administration: adm.serenity!,
			officerName: 'Someone writing from a private address (fictional)',
			officerEmail: 'serenity.hr.officer@webmail.demo.test',
			name: 'Rafael Ostrander',
		},
	];
	for (const [i, o] of open.entries()) {
		const [exists] = await db.select().from(nominationTable).where(eq(nominationTable.id, o.id));
		if (exists) continue;
		await db.insert(nominationTable).values({
			id: o.id,
			editionId: editions.open.id,
			administrationId: o.administration,
			officerName: o.officerName,
			officerPost: 'Director, Human Resources',
			officerEmail: o.officerEmail,
			candidateName: o.name,
			candidateEmail: `${slugOf(o.name)}@candidate.demo.test`,
			verifyTokenHash: hash(),
			verifyExpiresAt: new Date(at.getTime() + dayMs),
			verifiedAt: at,
			createdAt: at,
		});
		const submittedAt = new Date(at.getTime() + (i + 1) * dayMs);
		await db.insert(applicationTable).values({
			id: `demoapp2027${String.fromCharCode(97 + i)}`,
			nominationId: o.id,
			editionId: editions.open.id,
			tokenHash: hash(),
			answers: { ...base, post: 'Customs Analyst', yearsInCustoms: '5', fullName: o.name },
			status: 'submitted',
			submittedAt,
			updatedAt: submittedAt,
			createdAt: at,
		});
	}
}
