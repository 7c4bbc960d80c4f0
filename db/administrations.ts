/**
 * The Member administrations of the WCO Asia/Pacific region, seeded into `administration` every
 * time migrations run (idempotent: existing rows, renames and deactivations are left alone), and
 * the mapping of older free-text administrations in `cohort_member` onto those records.
 *
 * Source: WCO Asia/Pacific Regional Vice-Chair website, "About us"
 * (https://wcoasiapacific.org/about-us): "There are currently 35 WCO members in the Asia/Pacific
 * Region", listed by sub-region. The WCO's own newsroom counted "all 33 WCO A/P Members" in 2017
 * (https://www.wcoomd.org/en/media/newsroom/2017/november/wco-attends-the-celebration-ceremony-of-the-rilo-asia-pacific30th-anniversary.aspx);
 * Solomon Islands (January 2023) and Palau (February 2024) joined the WCO since, which makes 35.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import { administrationTable, cohortMemberTable } from './schema';

/** The region's Members as the source lists them, by sub-region. */
export const asiaPacificMembers: Record<string, string[]> = {
	'Sub-Continent': [
		'Afghanistan',
		'Bangladesh',
		'Bhutan',
		'India',
		'Iran (Islamic Republic of)',
		'Maldives',
		'Nepal',
		'Pakistan',
		'Sri Lanka',
	],
	'Far East': ['China', 'Hong Kong, China', 'Macao, China', 'Mongolia', 'Japan', 'Korea'],
	ASEAN: [
		'Brunei Darussalam',
		'Cambodia',
		'Indonesia',
		'Malaysia',
		'Myanmar',
		'Lao PDR',
		'Philippines',
		'Singapore',
		'Thailand',
		'Viet Nam',
	],
	'Australasia / Oceania': [
		'Australia',
		'Fiji',
		'New Zealand',
		'Papua New Guinea',
		'Palau',
		'Samoa',
		'Solomon Islands',
		'Timor-Leste',
		'Tonga',
		'Vanuatu',
	],
};

/** The key names are unique by: trimmed, lower-cased, inner spaces collapsed. */
export function administrationKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A stable id for a seeded Member, so every database names it the same. */
function seededId(name: string): string {
	return `wco-ap-${administrationKey(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}`;
}

/** Inserts each Member that is not there yet (by id or by name); never changes existing rows. */
export async function seedAdministrations(db: Db): Promise<void> {
	const rows = Object.values(asiaPacificMembers)
		.flat()
		.map((name) => ({ id: seededId(name), name, nameKey: administrationKey(name) }));
	await db.insert(administrationTable).values(rows).onConflictDoNothing();
}

/**
 * Members who joined before administrations were records carry only a typed name: link each to
 * the record of that name (ignoring case and spacing), creating the record when none matches.
 */
export async function linkLegacyAdministrations(db: Db): Promise<number> {
	const legacy = await db
		.select({
			cohortId: cohortMemberTable.cohortId,
			userId: cohortMemberTable.userId,
			name: cohortMemberTable.administration,
		})
		.from(cohortMemberTable)
		.where(
			and(
				eq(cohortMemberTable.role, 'participant'),
				isNull(cohortMemberTable.administrationId),
				isNotNull(cohortMemberTable.administration),
			),
		);
	for (const member of legacy) {
		const name = (member.name ?? '').trim().replace(/\s+/g, ' ');
		if (!name) continue;
		const nameKey = administrationKey(name);
		await db
			.insert(administrationTable)
			.values({ id: `adm-${crypto.randomUUID()}`, name, nameKey })
			.onConflictDoNothing();
		await db
			.update(cohortMemberTable)
			.set({
				administrationId: sql`(select id from administration where name_key = ${nameKey})`,
			})
			.where(
				and(
					eq(cohortMemberTable.cohortId, member.cohortId),
					eq(cohortMemberTable.userId, member.userId),
				),
			);
	}
	return legacy.length;
}
