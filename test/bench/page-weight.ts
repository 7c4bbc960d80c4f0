/**
 * What a page costs a browser: HTML, CSS and JavaScript as transferred (brotli/gzip as the
 * server sends them), the scripts it runs, and the extra requests it makes to the server
 * (server islands) before it is complete.
 */
import { fetchRaw } from './http';

export type PageWeight = {
	path: string;
	signedIn: boolean;
	htmlBytes: number;
	cssBytes: number;
	/** External scripts (transferred) plus inline script text. */
	jsBytes: number;
	scripts: number;
	/** Requests to the server beyond the page itself before it shows everything. */
	extraRequests: number;
};

/** Weighs a page and the stylesheets and scripts it references. */
export async function weighPage(
	origin: string,
	path: string,
	cookie?: string,
): Promise<PageWeight> {
	const headers: Record<string, string> = cookie ? { cookie } : {};
	const page = await fetchRaw(origin + path, headers);
	if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
	const html = page.body.toString('utf8');
	const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
	const css = links
		.filter((l) => /rel="stylesheet"/.test(l))
		.map((l) => /href="([^"]+)"/.exec(l)?.[1])
		.filter((href): href is string => Boolean(href));
	const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
	const external = scripts
		.map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])
		.filter((src): src is string => Boolean(src));
	const inline = scripts.reduce((n, m) => n + Buffer.byteLength(m[2]!), 0);
	const size = async (href: string) => (await fetchRaw(origin + href, headers)).bytes;
	const sum = async (hrefs: string[]) =>
		(await Promise.all(hrefs.map(size))).reduce((a, b) => a + b, 0);
	return {
		path,
		signedIn: Boolean(cookie),
		htmlBytes: page.bytes,
		cssBytes: await sum(css),
		jsBytes: (await sum(external)) + inline,
		scripts: scripts.length,
		extraRequests: (html.match(/\/_server-islands\//g) ?? []).length,
	};
}
