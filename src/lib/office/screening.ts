/**
 * Automatic screening of a submitted application against the charter's requirements and its
 * recommended profile. Each check says met, not met or to check, and why. Pure.
 */
import {
	computerChoices,
	degreeChoices,
	expertiseChoices,
	gradeChoices,
	type Answers,
} from './application-form';

/** What a check concludes: met, not met, or for the programme office to judge. */
export type Verdict = 'met' | 'not_met' | 'to_check';

/** One requirement or profile point, with the verdict and the reason for it. */
export type Check = { key: string; label: string; verdict: Verdict; reason: string };

/** What screening needs besides the answers. */
export type ScreeningFacts = {
	answers: Answers;
	administration: { name: string; active: boolean };
	nomination: {
		officerName: string;
		officerPost: string;
		/** The officer's (lower-cased) address. */
		officerEmail?: string;
		/** The officer confirmed their email by the link. */
		verified: boolean;
		/**
		 * The address is one of the administration's nominating contacts or official domains kept
		 * by the programme office (src/lib/office/nominating-contacts.ts).
		 */
		officialAddress: boolean;
		/** Other candidates the same administration nominated (confirmed) for the edition. */
		otherNominees: string[];
	};
};

/** Words for each verdict. */
export const verdictLabel: Record<Verdict, string> = {
	met: 'Met',
	not_met: 'Not met',
	to_check: 'To check',
};

const labelOf = (choices: { value: string; label: string }[], v: string) =>
	choices.find((c) => c.value === v)?.label ?? v;

// Each requirement's outcomes differ only in verdict and reason; key and label are the requirement's.
function criterion(key: string, label: string) {
	return (verdict: Verdict, reason: string): Check => ({ key, label, verdict, reason });
}

function officer(f: ScreeningFacts): Check {
	const say = criterion('officer', 'Customs officer of a Member administration');
	return f.answers.customsOfficer
		? say('met', `The candidate declares being a Customs officer of ${f.administration.name}.`)
		: say('not_met', 'The candidate did not declare being a Customs officer.');
}

function member(f: ScreeningFacts): Check {
	const say = criterion('member', 'Asia/Pacific Member with active status');
	return f.administration.active
		? say('met', `${f.administration.name} is active in the portal’s list of Asia/Pacific Members.`)
		: say('not_met', `${f.administration.name} is deactivated in the portal’s list of Members.`);
}

function nominated(f: ScreeningFacts): Check {
	const say = criterion('nominated', 'Nominated by their administration');
	const { officerName, officerPost, verified, officialAddress, officerEmail } = f.nomination;
	if (!verified) return say('not_met', 'The nominating officer never confirmed their email.');
	return officialAddress
		? say(
				'met',
				`Nominated by ${officerName} (${officerPost}), from an official address of ${f.administration.name} kept by the programme office, confirmed by email.`,
			)
		: say(
				'to_check',
				`Not verified: ${officerName} (${officerPost}) nominated from ${officerEmail ?? 'an address'}, which is not among the nominating contacts or official domains the programme office keeps for ${f.administration.name}. Verify the nomination with the administration, then record it here with a note (or add the address to its contacts).`,
			);
}

function single(f: ScreeningFacts): Check {
	const say = criterion('single', 'One nomination per administration and edition');
	const others = f.nomination.otherNominees;
	return others.length
		? say(
				'to_check',
				`${f.administration.name} also nominated ${others.join(', ')} for this edition. One nomination per administration, unless the programme office allows more: record it here with the reason.`,
			)
		: say('met', `The only nomination of ${f.administration.name} for this edition.`);
}

function years(a: Answers): Check {
	const say = criterion('years', 'At least 3 years in Customs');
	const n = /^\d{1,2}$/.test(a.yearsInCustoms.trim()) ? Number(a.yearsInCustoms) : NaN;
	if (Number.isNaN(n)) return say('to_check', 'No number of years given.');
	return n >= 3
		? say('met', `${n} years in Customs.`)
		: say('not_met', `${n} year${n === 1 ? '' : 's'} in Customs, fewer than 3.`);
}

function degree(a: Answers): Check {
	const say = criterion('degree', 'University degree or equivalent');
	const detail = a.degreeDetail.trim() ? `: ${a.degreeDetail.trim()}` : '';
	if (['doctorate', 'master', 'bachelor'].includes(a.degreeLevel))
		return say('met', `${labelOf(degreeChoices, a.degreeLevel)}${detail}.`);
	if (a.degreeLevel === 'equivalent')
		return say(
			'to_check',
			`An equivalent qualification${detail}; whether it is equivalent is for the programme office to judge.`,
		);
	return say('not_met', 'No university degree or equivalent stated.');
}

function english(a: Answers): Check {
	const say = criterion('english', 'English (the programme’s only language)');
	if (a.englishLevel === 'fluent' || a.englishLevel === 'good')
		return say(
			'met',
			a.englishLevel === 'fluent' ? 'Fluent or native English.' : 'Good working knowledge.',
		);
	return say(
		'to_check',
		'Basic English stated: check that it is enough for four weeks of work in English.',
	);
}

function computer(a: Answers): Check {
	const say = criterion('computer', 'Basic computer skills');
	return a.computerSkills && a.computerSkills !== 'none'
		? say('met', `${labelOf(computerChoices, a.computerSkills)}.`)
		: say('not_met', 'No computer skills stated.');
}

function fitness(a: Answers): Check {
	const say = criterion('fitness', 'Fit to take part');
	return a.fitness
		? say('met', 'The declaration of fitness is ticked.')
		: say('not_met', 'No declaration of fitness.');
}

function expertise(a: Answers): Check {
	const say = criterion(
		'expertise',
		'Expertise in risk management, data collection/intelligence analysis, targeting and/or enforcement',
	);
	if (a.expertise.length)
		return say('met', `${a.expertise.map((v) => labelOf(expertiseChoices, v)).join(', ')}.`);
	return a.expertiseDetail.trim()
		? say('to_check', 'None of the four areas ticked, but experience described: read it.')
		: say('not_met', 'None of the four areas.');
}

/** Every requirement of the call, in the order the call page lists them. */
export function screenRequirements(f: ScreeningFacts): Check[] {
	const a = f.answers;
	return [
		officer(f),
		member(f),
		nominated(f),
		single(f),
		years(a),
		degree(a),
		english(a),
		computer(a),
		fitness(a),
		expertise(a),
	];
}

/** The recommended profile: each point is met or not (it never makes anyone ineligible). */
export function screenProfile(a: Answers): Check[] {
	const point = (key: string, label: string, yes: boolean, reason: string): Check =>
		criterion(key, label)(yes ? 'met' : 'not_met', reason);
	const courses = a.clikc.map((c) =>
		c === 'risk_management' ? 'risk management' : 'data analytics',
	);
	return [
		point(
			'programming',
			'Python or R',
			a.programming.length > 0,
			a.programming.length
				? `Uses ${a.programming.map((p) => (p === 'r' ? 'R' : 'Python')).join(' and ')}.`
				: 'Neither stated.',
		),
		point(
			'visualisation',
			'Power BI or Tableau',
			a.visualisation.length > 0,
			a.visualisation.length
				? `Uses ${a.visualisation.map((v) => (v === 'power_bi' ? 'Power BI' : 'Tableau')).join(' and ')}.`
				: 'Neither stated.',
		),
		point(
			'clikc',
			'CLiKC! courses on risk management and data analytics',
			a.clikc.length === 2,
			courses.length ? `Completed: ${courses.join(', ')}.` : 'No CLiKC! course stated.',
		),
		point(
			'junior',
			'Junior officer',
			a.grade === 'junior',
			a.grade ? `${labelOf(gradeChoices, a.grade)}.` : 'Level of post not stated.',
		),
	];
}

/** The application's standing: not met if any requirement is not met, else to check if any is. */
export function overallVerdict(checks: Check[]): Verdict {
	if (checks.some((c) => c.verdict === 'not_met')) return 'not_met';
	if (checks.some((c) => c.verdict === 'to_check')) return 'to_check';
	return 'met';
}

/** Words for the overall standing, as the list shows it. */
export const standingLabel: Record<Verdict, string> = {
	met: 'Eligible',
	not_met: 'Not eligible',
	to_check: 'To check',
};

/** A reviewer's override of a check, as screening needs it. */
export type Override = { checkKey: string; verdict: Verdict; note: string; by: string; at: Date };

/** A check after the reviewers: the verdict that counts, and the automatic one when overridden. */
export type ScreenedCheck = Check & { automatic: Verdict; override: Override | null };

/** Applies the reviewers' overrides to the automatic checks (the verdict that counts). */
export function applyOverrides(checks: Check[], overrides: Override[]): ScreenedCheck[] {
	return checks.map((c) => {
		const o = overrides.find((x) => x.checkKey === c.key) ?? null;
		return { ...c, automatic: c.verdict, override: o, verdict: o ? o.verdict : c.verdict };
	});
}
