import { describe, expect, it } from 'vitest';
import { codingCases, findCase } from '~/lib/server/cen/cases';
import { compareWithKey } from '~/lib/server/cen/compare';
import {
	checkSeizure,
	fieldRules,
	seizureFields,
	type SeizureForm,
} from '~/lib/server/cen/seizure-rules';
import { createSeizure, feedbackFor, findSeizureForViewer } from '~/lib/server/cen/seizure';
import { practiceOf } from '~/lib/server/cen/overview';
import { RuleError } from '~/lib/server/errors';
import { useTwoCohortsDb } from '../helpers/factories';

const today = '2026-12-10';
const valid = (): SeizureForm => ({ ...findCase('airport-meth-transit')!.key });

describe('coding rules', () => {
	it('every exercise key passes every rule without a warning', () => {
		for (const c of codingCases)
			expect(checkSeizure(c.key, today), c.id).toEqual({ errors: {}, warnings: {} });
	});

	it('requires the mandatory fields, each with a message', () => {
		const empty = Object.fromEntries(Object.keys(valid()).map((k) => [k, ''])) as SeizureForm;
		const { errors } = checkSeizure(empty, today);
		// The fields the form labels "Required" are exactly the ones the rules refuse empty.
		const required = seizureFields.filter((f) => fieldRules[f].startsWith('Required'));
		expect(required).toHaveLength(12); // all but origin, transit, nationalities and remarks
		expect(Object.keys(errors).sort()).toEqual([...required].sort());
		expect(errors.unit).toMatch(/Required/);
	});

	it('refuses a unit that does not fit the commodity', () => {
		const { errors } = checkSeizure({ ...valid(), unit: 'sticks' }, today);
		expect(errors.unit).toBe('methamphetamine is counted in kg or g, not sticks.');
		const cigs = { ...findCase('container-cigarettes-cartons')!.key, unit: 'kg' };
		expect(checkSeizure(cigs, today).errors.unit).toMatch(/counted in sticks/);
	});

	it('refuses countries outside the code list and a type outside its group', () => {
		const { errors } = checkSeizure(
			{
				...valid(),
				departureCountry: 'France',
				nationalities: 'Solvane, John Smith',
				commodityType: 'cigarettes',
			},
			today,
		);
		expect(errors.departureCountry).toMatch(/code list/);
		expect(errors.nationalities).toMatch(/John Smith/);
		expect(errors.commodityType).toMatch(/not in the group “drugs”/);
	});

	it('refuses future dates and out-of-range quantities', () => {
		expect(
			checkSeizure({ ...valid(), seizureDate: '2026-12-11' }, today).errors.seizureDate,
		).toMatch(/future/);
		expect(
			checkSeizure({ ...valid(), seizureDate: '2026-02-30' }, today).errors.seizureDate,
		).toMatch(/real day/);
		expect(checkSeizure({ ...valid(), quantity: '0' }, today).errors.quantity).toMatch(
			/above zero/,
		);
		expect(checkSeizure({ ...valid(), quantity: '2 kg' }, today).errors.quantity).toMatch(/number/);
		// A negative amount is a number: the message says it must be positive.
		for (const negative of ['-3', '−3', '- 2.5'])
			expect(checkSeizure({ ...valid(), quantity: negative }, today).errors.quantity).toBe(
				'A quantity must be positive: give the amount seized without a minus sign, e.g. 12.5.',
			);
		const cigs = findCase('container-cigarettes-cartons')!.key;
		expect(checkSeizure({ ...cigs, quantity: '1000.5' }, today).errors.quantity).toMatch(/whole/);
	});

	it('warns about what is plausible but odd', () => {
		const { errors, warnings } = checkSeizure(
			{
				...valid(),
				quantity: '5000',
				concealment: 'false walls or floor of container',
				placeType: 'seaport',
			},
			today,
		);
		expect(errors).toEqual({});
		expect(warnings.quantity).toMatch(/Far above the usual size/);
		expect(warnings.concealment).toMatch(/Unusual for air passenger/);
		expect(warnings.placeType).toMatch(/air passenger seizure at a seaport/);
		expect(checkSeizure({ ...valid(), quantity: '2400', unit: 'g' }, today).warnings.unit).toMatch(
			/in kg/,
		);
	});

	it('keeps records non-nominal', () => {
		expect(
			checkSeizure({ ...valid(), remarks: 'Passenger Mr Smith' }, today).errors.remarks,
		).toMatch(/non-nominal/);
		expect(
			checkSeizure({ ...valid(), remarks: 'passport AB1234567' }, today).errors.remarks,
		).toMatch(/non-nominal/);
		expect(checkSeizure({ ...valid(), remarks: 'Found after a tip-off.' }, today).errors).toEqual(
			{},
		);
	});
});

describe('comparison with the key', () => {
	it('explains each difference and accepts equivalent codings', () => {
		const c = findCase('airport-meth-transit')!;
		const attempt = {
			...c.key,
			quantity: '2400',
			unit: 'g',
			transitCountry: '',
			detectionMethod: 'x-ray scan',
		};
		const verdicts = compareWithKey(c, attempt);
		const wrong = verdicts.filter((v) => !v.ok).map((v) => v.field);
		expect(wrong).toEqual(['detectionMethod', 'transitCountry']);
		expect(verdicts.find((v) => v.field === 'transitCountry')!.explanation).toMatch(/Qasra/);
		expect(verdicts.find((v) => v.field === 'detectionMethod')!.explanation).toMatch(
			/risk profile/,
		);
	});

	it('counts a wrong unit of count as a wrong quantity', () => {
		const c = findCase('container-cigarettes-cartons')!;
		const verdicts = compareWithKey(c, { ...c.key, quantity: '24500' });
		expect(verdicts.filter((v) => !v.ok).map((v) => v.field)).toEqual(['quantity']);
		expect(verdicts.find((v) => v.field === 'quantity')!.explanation).toMatch(/4,900,000 sticks/);
	});

	it('compares nationalities as a set', () => {
		const c = findCase('outbound-cash-strapped')!;
		const verdicts = compareWithKey(c, { ...c.key, nationalities: 'veronia,Aldoria' });
		expect(verdicts.every((v) => v.ok)).toBe(true);
	});
});

describe('stored attempts and access', () => {
	const { t, setup } = useTwoCohortsDb();

	it('saves an attempt, gives feedback, and lets only the owner, their mentors and admins see it', async () => {
		const { admin, mentor, otherMentor, p1, p2 } = await setup();
		const c = findCase('aircargo-pangolin-scales')!;
		const row = await createSeizure(
			t.db,
			p1,
			{ ...c.key, originCountry: 'Corvalia' },
			{ caseId: c.id, today },
		);
		expect(
			feedbackFor(row)!
				.verdicts.filter((v) => !v.ok)
				.map((v) => v.field),
		).toEqual(['originCountry']);
		expect(await findSeizureForViewer(t.db, p1, row.id)).not.toBeNull();
		expect(await findSeizureForViewer(t.db, mentor, row.id)).not.toBeNull();
		expect(await findSeizureForViewer(t.db, admin, row.id)).not.toBeNull();
		expect(await findSeizureForViewer(t.db, p2, row.id)).toBeNull();
		expect(await findSeizureForViewer(t.db, otherMentor, row.id)).toBeNull();
		const seen = await practiceOf(t.db, mentor, p1.id);
		expect(seen!.exercises.find((e) => e.case.id === c.id)!.attempts[0]!.score).toEqual({
			right: 14,
			total: 15,
		});
		expect(await practiceOf(t.db, p2, p1.id)).toBeNull();
		expect(await practiceOf(t.db, otherMentor, p1.id)).toBeNull();
	});

	it('refuses errors, and warnings until confirmed', async () => {
		const { p1, mentor } = await setup();
		await expect(
			createSeizure(t.db, p1, { ...valid(), unit: 'litres' }, { today }),
		).rejects.toMatchObject({ field: 'unit' });
		const odd = { ...valid(), quantity: '5000' };
		await expect(createSeizure(t.db, p1, odd, { today })).rejects.toBeInstanceOf(RuleError);
		const saved = await createSeizure(t.db, p1, odd, { today, confirmWarnings: true });
		expect(saved.warnings.quantity).toMatch(/Far above/);
		await expect(createSeizure(t.db, mentor, valid(), { today })).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(
			createSeizure(t.db, p1, valid(), { today, caseId: 'no-such-case' }),
		).rejects.toMatchObject({ code: 'not_found' });
	});
});
