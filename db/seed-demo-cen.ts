/**
 * Demo CEN practice: each demo participant has coded seizures (one attempt at a coding
 * exercise, one free record), a warning message waiting for the mentor's review, and a
 * materials register (an uploaded image, a saved search, the record and the message). Every
 * country and case is invented, like the synthetic data set they come from.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import type { DemoIds } from './seed-demo';
import { barChartPng } from './seed-demo-chart';
import { cenMessageTable, cenSeizureTable, logEntryTable, materialTable } from './schema';

const hour = 3_600_000;

/** The meth-via-hub exercise, coded with two slips (no transit country, wrong detection method). */
const attempt = {
	caseId: 'airport-meth-transit',
	seizureDate: '2025-03-14',
	reportingCountry: 'Lumeria',
	placeType: 'airport',
	detectionMethod: 'x-ray scan',
	commodityCategory: 'drugs',
	commodityType: 'methamphetamine',
	quantity: 2.4,
	unit: 'kg',
	concealment: 'in checked baggage',
	transportMode: 'air passenger',
	originCountry: 'Solvane',
	departureCountry: 'Solvane',
	transitCountry: '',
	destinationCountry: 'Lumeria',
	nationalities: 'Solvane',
	remarks: '',
};

/** One free record per participant, on the route their study looks at. */
const free = [
	{
		commodityType: 'methamphetamine',
		commodityCategory: 'drugs',
		quantity: 0.85,
		unit: 'kg',
		transportMode: 'postal',
		placeType: 'mail centre',
		concealment: 'inside parcel with clothing',
		detectionMethod: 'x-ray scan',
		reportingCountry: 'Aldoria',
		originCountry: 'Solvane',
		departureCountry: 'Solvane',
		transitCountry: 'Pellucia',
		destinationCountry: 'Aldoria',
	},
	{
		commodityType: 'cigarettes',
		commodityCategory: 'tobacco',
		quantity: 1_200_000,
		unit: 'sticks',
		transportMode: 'sea container',
		placeType: 'seaport',
		concealment: 'false walls or floor of container',
		detectionMethod: 'risk profile',
		reportingCountry: 'Kestrel Islands',
		originCountry: 'Rostavia',
		departureCountry: 'Rostavia',
		transitCountry: 'Qasra',
		destinationCountry: 'Kestrel Islands',
	},
	{
		commodityType: 'methamphetamine',
		commodityCategory: 'drugs',
		quantity: 64,
		unit: 'kg',
		transportMode: 'air cargo',
		placeType: 'airport',
		concealment: 'inside machinery parts',
		detectionMethod: 'intelligence',
		reportingCountry: 'Maravia',
		originCountry: 'Dravania',
		departureCountry: 'Dravania',
		transitCountry: '',
		destinationCountry: 'Maravia',
	},
	{
		commodityType: 'counterfeit watches',
		commodityCategory: 'IPR',
		quantity: 3400,
		unit: 'pieces',
		transportMode: 'express courier',
		placeType: 'courier hub',
		concealment: 'misdeclared as other goods',
		detectionMethod: 'risk profile',
		reportingCountry: 'Lumeria',
		originCountry: 'Ithmar',
		departureCountry: 'Ithmar',
		transitCountry: '',
		destinationCountry: 'Lumeria',
	},
];

/** Adds the CEN practice records of every demo participant. */
export async function seedDemoCen(db: Db, ids: DemoIds, now = Date.now()): Promise<void> {
	for (const [i, participantId] of ids.participantIds.entries()) {
		const n = i + 1;
		const at = (hoursAgo: number) => new Date(now - hoursAgo * hour);
		const record = free[i % free.length]!;
		await db.insert(cenSeizureTable).values([
			{
				id: `democenseiz${n}1`,
				participantId,
				...attempt,
				warnings: {},
				createdAt: at(72),
				updatedAt: at(72),
			},
			{
				id: `democenseiz${n}2`,
				participantId,
				caseId: '',
				seizureDate: '2025-10-1' + n,
				nationalities: '',
				remarks: 'Demo practice record (invented).',
				...record,
				warnings: {},
				createdAt: at(30),
				updatedAt: at(30),
			},
		]);
		await db.insert(cenMessageTable).values({
			id: `democenmsg${n}1`,
			participantId,
			kind: 'warning',
			subject: `${record.commodityType} by ${record.transportMode}: ${record.departureCountry} to ${record.destinationCountry}`,
			recipientGroup:
				record.commodityCategory === 'tobacco'
					? 'Practice CUG: tobacco and cigarettes'
					: record.commodityCategory === 'drugs'
						? 'Practice CUG: regional drugs network'
						: 'Practice CUG: national contact points',
			indicators: `Shipments of ${record.commodityType} declared as other goods; first-time consignees.`,
			modusOperandi: record.concealment,
			routes: [record.departureCountry, record.transitCountry, record.destinationCountry]
				.filter(Boolean)
				.join(' – '),
			riskIndicators:
				'New consignee; prepaid freight; route through a hub with no commercial reason.',
			requestedAction: 'Profile and examine matching shipments; send feedback within two weeks.',
			basis: `Practice record democenseiz${n}2; data lab route counts by quarter.`,
			handling: 'restricted',
			status: 'submitted',
			version: 2,
			submittedAt: at(20),
			createdAt: at(24),
			updatedAt: at(20),
		});
		await seedMaterials(db, participantId, n, record.commodityType);
	}
}

/** The register: some items attached to the participant's first CEN-area log entry. */
async function seedMaterials(db: Db, participantId: string, n: number, commodity: string) {
	const [entry] = await db
		.select({ id: logEntryTable.id })
		.from(logEntryTable)
		.where(eq(logEntryTable.participantId, participantId))
		.orderBy(asc(logEntryTable.date))
		.limit(1);
	const base = { participantId, logEntryId: entry?.id ?? null };
	const chart = barChartPng([12, 15, 11, 19, 17, 22, 18, 26, 21, 24, 30, 41].map((v) => v + n * 2));
	await db.insert(materialTable).values([
		{
			...base,
			id: `democenmat${n}1`,
			kind: 'upload',
			title: `Chart: ${commodity} seizures by quarter, 2023–2025 (synthetic data)`,
			handling: 'unrestricted',
			fileName: 'quarterly-chart.png',
			mimeType: 'image/png',
			size: chart.length,
			content: chart,
			studyPart: 'findings',
		},
		{
			...base,
			id: `democenmat${n}2`,
			kind: 'search',
			title: `Saved search: ${commodity}, by quarter`,
			handling: 'unrestricted',
			query: new URLSearchParams({ commodity, group: 'quarter' }).toString(),
		},
		{
			...base,
			id: `democenmat${n}3`,
			kind: 'seizure',
			title: 'Coded practice seizure',
			refId: `democenseiz${n}2`,
			handling: 'restricted',
		},
		{
			...base,
			logEntryId: null,
			id: `democenmat${n}4`,
			kind: 'message',
			title: 'Draft warning message',
			refId: `democenmsg${n}1`,
			handling: 'restricted',
		},
	]);
}
