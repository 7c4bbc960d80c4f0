/**
 * A small seeded random source. Math.random cannot be seeded, and the data set must come out
 * byte for byte the same from the same seed, so everything random in the generator goes
 * through one of these.
 */

/** Weighted choices: [value, weight] pairs; weights need not sum to 1. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** 128 bits of state from a text seed (cyrb128), so seeds can be readable words. */
function hashSeed(seed: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < seed.length; i++) {
		const k = seed.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** A seeded generator (sfc32) with the few draws the data set needs. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: string) {
		[this.a, this.b, this.c, this.d] = hashSeed(seed);
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		this.a >>>= 0;
		this.b >>>= 0;
		this.c >>>= 0;
		this.d >>>= 0;
		let t = (this.a + this.b) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.d = (this.d + 1) | 0;
		t = (t + this.d) | 0;
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** One element, uniformly. */
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** One value, in proportion to its weight. */
	weighted<T>(items: Weighted<T>): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [value, w] of items) {
			r -= w;
			if (r < 0) return value;
		}
		return items[items.length - 1]![0];
	}

	/** A standard normal draw (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	/** A log-normal draw around `median`: seizure sizes have a long right tail. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}

	/** `count` distinct indexes below `n`, in ascending order. */
	sample(n: number, count: number): number[] {
		const chosen = new Set<number>();
		while (chosen.size < Math.min(count, n)) chosen.add(Math.floor(this.next() * n));
		return [...chosen].sort((x, y) => x - y);
	}
}
