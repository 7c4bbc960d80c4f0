/**
 * The demo's days, on the demo cohort's calendar (Tokyo), so what the seed places "tomorrow" or
 * "three working days ago" is so for the portal's clock at any hour of the day and on any day of
 * the week. (A UTC date is the day before Tokyo's from 15:00 UTC on.)
 */
const dayMs = 86_400_000;
const tokyo = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Asia/Tokyo',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

/** 'YYYY-MM-DD' of Tokyo's day `offset` days from now. */
export function demoDay(offset: number, now = Date.now()): string {
	const today = tokyo.format(new Date(now));
	return new Date(Date.parse(`${today}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);
}

/** How many calendar days back lies the working day `n` working days before today (Tokyo). */
export function workingDaysBack(n: number, now = Date.now()): number {
	let back = 0;
	for (let left = n; left > 0;) {
		back++;
		const weekday = new Date(`${demoDay(-back, now)}T00:00:00Z`).getUTCDay();
		if (weekday !== 0 && weekday !== 6) left--;
	}
	return back;
}
