/**
 * Certificates of completion: issued when a report version is accepted, each with an
 * unguessable public code (the one verification code format, `src/lib/verify/code.ts`) that
 * anyone (signed out) can check at /verify/<code>.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	certificateTable,
	cohortMemberTable,
	reportVersionTable,
	userTable,
	type Cohort,
} from '~db/schema';
import { newVerifyCode, verifyCodeCandidates } from '~/lib/verify/code';
import { findCurrentCohort } from '../cohort/manage';

type Writer = Pick<Db, 'insert'>;

/** Issues the participant's certificate for an accepted version (one per participant). */
export async function issueCertificate(
	db: Writer,
	input: { participantId: string; versionId: string; issuedBy: string; now: Date },
): Promise<string> {
	// 80 random bits, and /verify is throttled: a code cannot be guessed.
	const code = newVerifyCode('certificate');
	await db
		.insert(certificateTable)
		.values({ code, ...input, issuedAt: input.now })
		.onConflictDoUpdate({
			target: certificateTable.participantId,
			set: { code, versionId: input.versionId, issuedBy: input.issuedBy, issuedAt: input.now },
		});
	return code;
}

/** What a certificate states: who, which programme edition and dates, which version, signed by whom. */
export type CertificateFacts = {
	code: string;
	issuedAt: Date;
	name: string;
	administration: string;
	cohort: Cohort;
	versionNumber: number;
	signedBy: string;
};

async function factsWhere(db: Db, where: SQL): Promise<CertificateFacts | null> {
	const [row] = await db
		.select({
			certificate: certificateTable,
			name: userTable.name,
			versionNumber: reportVersionTable.number,
		})
		.from(certificateTable)
		.innerJoin(userTable, eq(userTable.id, certificateTable.participantId))
		.innerJoin(reportVersionTable, eq(reportVersionTable.id, certificateTable.versionId))
		.where(where);
	if (!row) return null;
	const participantId = row.certificate.participantId;
	const cohort = await findCurrentCohort(db, participantId);
	if (!cohort) return null;
	const [member] = await db
		.select({ administration: cohortMemberTable.administration })
		.from(cohortMemberTable)
		.where(
			and(eq(cohortMemberTable.userId, participantId), eq(cohortMemberTable.cohortId, cohort.id)),
		);
	const [signer] = row.certificate.issuedBy
		? await db
				.select({ name: userTable.name })
				.from(userTable)
				.where(eq(userTable.id, row.certificate.issuedBy))
		: [];
	return {
		code: row.certificate.code,
		issuedAt: row.certificate.issuedAt,
		name: row.name,
		administration: member?.administration ?? '',
		cohort,
		versionNumber: row.versionNumber,
		signedBy: signer?.name ?? 'RILO A/P',
	};
}

/** The certificate behind a typed public code, or null (the verify page answers 404). */
export function verifyCertificate(db: Db, typed: string): Promise<CertificateFacts | null> {
	const candidates = verifyCodeCandidates(typed);
	if (!candidates.length) return Promise.resolve(null);
	return factsWhere(db, inArray(certificateTable.code, candidates));
}

/** A participant's certificate, or null while none is issued (callers check who may see it). */
export function findCertificate(db: Db, participantId: string): Promise<CertificateFacts | null> {
	return factsWhere(db, eq(certificateTable.participantId, participantId));
}
