/**
 * Demo CEN practice: each demo participant has coded seizures (one attempt at a coding
 * exercise, one free record), a warning message waiting for the mentor's review, and a
 * materials register (two charts saved from the data lab, an uploaded PDF, a saved search, the
 * record and the message). Every country and case is invented, like the synthetic data set
 * they come from.
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
			basis: `Practice record democenseiz${n}2\nLab chart: ${record.commodityType} seizures by quarter, 2023–2025 (/materials/democenmat${n}1)`,
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
	const routes = barChartPng([40, 31, 22, 12, 9, 7].map((v) => v + n));
	const settings = (chart: string, tab: string, filters: unknown[]) =>
		JSON.stringify({ chart, tab, filters, settings: { routeBy: 'origin' } });
	const pdf = demoPdf(`Demo upload ${n}: notes from a briefing (invented).`);
	await db.insert(materialTable).values([
		{
			...base,
			id: `democenmat${n}1`,
			kind: 'chart',
			title: `${commodity} seizures by quarter, 2023–2025 (synthetic data)`,
			handling: 'unrestricted',
			query: settings('Records per month, January 2023 to December 2025', 'time', [
				{ field: 'commodity_type', op: 'is', value: commodity },
			]),
			description: `Records of ${commodity} per quarter rise over the period, most in the last quarter of 2025.`,
			fileName: 'chart.png',
			mimeType: 'image/png',
			size: chart.length,
			content: chart,
			studyPart: 'findings',
		},
		{
			...base,
			logEntryId: null,
			id: `democenmat${n}5`,
			kind: 'chart',
			title: `Busiest routes for ${commodity} (restricted working chart)`,
			handling: 'restricted',
			query: settings('Busiest routes (first 15)', 'routes', [
				{ field: 'commodity_type', op: 'is', value: commodity },
			]),
			description: 'The six busiest routes in view, from the origin country.',
			fileName: 'chart.png',
			mimeType: 'image/png',
			size: routes.length,
			content: routes,
		},
		{
			...base,
			id: `democenmat${n}6`,
			kind: 'upload',
			title: 'Briefing notes (uploaded PDF)',
			handling: 'unrestricted',
			fileName: 'briefing-notes.pdf',
			mimeType: 'application/pdf',
			size: pdf.length,
			content: pdf,
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

/** A one-page PDF with a line of text: the demo's uploaded file. */
function demoPdf(line: string): Buffer {
	const text = line.replace(/[()\\]/g, '');
	const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
