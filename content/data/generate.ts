/**
 * Builds the data lab's synthetic seizure data set: `npx tsx content/data/generate.ts`.
 * Writes seizures.csv.gz and ground-truth.json next to this file. The same seed always gives
 * the same bytes, so the committed files can be checked against a fresh run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { toCsv } from './generator/csv';
import { plantQualityProblems } from './generator/quality';
import { Random } from './generator/random';
import { generateCleanRecords, plan } from './generator/records';
import { measureGroundTruth, routeLabel, type GroundTruth } from './generator/truth';
import { alertEffectiveness, alertsCsv, generateAlerts } from './generator/alerts';

/** The seed of the committed data set. */
export const defaultSeed = 'rilo-ap-data-lab-v1';

/** Fails loudly when a seed does not produce the patterns the exercises rely on. */
function assertPatterns(truth: GroundTruth): void {
	const p = truth.patterns;
	const expectedRoute = routeLabel(plan.emergingRoute.origin, plan.emergingRoute.destination);
	const problems = [
		p.emergingRoute.route !== expectedRoute && 'emerging route is not the fastest grower',
		p.emergingRoute.increase < 2 * (p.emergingRoute.runnersUp[0]?.increase ?? 0) && 'emerging route margin too small',
		p.concealmentShift.top2023[0]?.[0] !== plan.concealmentShift.from && 'concealment shift: wrong 2023 leader',
		p.concealmentShift.top2025[0]?.[0] !== plan.concealmentShift.to && 'concealment shift: wrong 2025 leader',
		Object.values(p.seasonalPeak.peakByYear).some((m) => m !== 'November') && 'seasonal peak not November every year',
		p.cluster.consigneeRef !== p.cluster.planted && 'cluster is not the largest consignee group',
		p.cluster.cases < 4 * p.cluster.nextLargest && 'cluster margin too small',
	].filter(Boolean);
	if (problems.length) throw new Error(`Seed does not plant the patterns: ${problems.join('; ')}`);
}

/** The CSV text, its gzip bytes and the measured ground truth for a seed. */
export function generateSeizureData(seed = defaultSeed) {
	const rng = new Random(seed);
	// Seizure place and declaration come from a stream of their own (see records.ts).
	const { records, clusterRef } = generateCleanRecords(rng, new Random(`${seed}/declarations`));
	const { unitErrors } = plantQualityProblems(rng, records);
	const csv = toCsv(records);
	// gzip stores no file name and mtime 0 here, so the bytes depend on the content only.
	const gz = gzipSync(Buffer.from(csv, 'utf8'), { level: 9 });
	const measured = measureGroundTruth(records, seed, clusterRef, unitErrors);
	assertPatterns(measured);
	// The alert log for the thematic study: its own stream, after the records are final.
	const alerts = generateAlerts(records, seed);
	const truth = { ...measured, alertLog: alertEffectiveness(alerts) };
	return { csv, gz, truth, alertsCsv: alertsCsv(alerts) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { gz, truth, alertsCsv: alerts } = generateSeizureData();
	const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
	writeFileSync(here('./seizures.csv.gz'), gz);
	writeFileSync(here('./alerts.csv'), alerts);
	writeFileSync(here('./ground-truth.json'), `${JSON.stringify(truth, null, '\t')}\n`);
	console.log(`Wrote ${truth.rows} records (${gz.length} bytes gzipped) and the ground truth.`);
}
