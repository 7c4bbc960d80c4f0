/** Content negotiation for precompressed files: brotli, then gzip, then the plain file. */

/** A content coding the build writes files for. */
export type Encoding = 'br' | 'gzip' | 'identity';

/** The q-value the client gives a coding (`*` covers codings it does not name). */
function qualities(header: string): Map<string, number> {
	const map = new Map<string, number>();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = q ? Number(q.slice(2)) : 1;
		map.set(name, Number.isFinite(value) ? value : 0);
	}
	return map;
}

/**
 * The best coding among those available that the Accept-Encoding header allows. Ties go to
 * brotli (smaller). Identity is always acceptable here unless the client forbids it outright,
 * which no browser does, so it is the fallback.
 */
export function chooseEncoding(header: string | undefined, available: Encoding[]): Encoding {
	if (!header) return 'identity';
	const q = qualities(header);
	const star = q.get('*') ?? 0;
	let best: Encoding = 'identity';
	let bestQ = 0;
	for (const coding of ['br', 'gzip'] as const) {
		if (!available.includes(coding)) continue;
		const value = q.get(coding) ?? (coding === 'gzip' ? (q.get('x-gzip') ?? star) : star);
		if (value > bestQ) [best, bestQ] = [coding, value];
	}
	return best;
}
