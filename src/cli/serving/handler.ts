/**
 * The request handler around Astro's: static files (and prerendered pages for signed-out
 * readers) from the precompressed index, signed-in requests for a prerendered page sent to its
 * server-rendered version, and everything else to Astro.
 * src/cli/serve.ts calls createPortalHandler once with the build it serves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { indexClientFiles, sendStaticFile } from './static-files';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** Astro's handler in middleware mode. */
type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** Where a build keeps its files: `client` (served as is) inside `dist`. */
export type BuildDirs = { clientDir: string };

const sessionCookie = /(?:^|;\s*)auth_session=[^;\s]/;

/** The path part of a request URL, decoded; null when it is malformed. */
function pathOf(url = '/'): string | null {
	const end = url.search(/[?#]/);
	try {
		return decodeURIComponent(end < 0 ? url : url.slice(0, end));
	} catch {
		return null;
	}
}

/** Builds the handler for one build; reads the client folder's index once. */
export function createPortalHandler(astro: AstroHandler, { clientDir }: BuildDirs): Handler {
	const files = indexClientFiles(clientDir, dirname(clientDir));
	return (req, res) => {
		const path = req.method === 'GET' || req.method === 'HEAD' ? pathOf(req.url) : null;
		const file = path === null ? undefined : files.get(path);
		if (file && !(file.personal && sessionCookie.test(req.headers.cookie ?? ''))) {
			sendStaticFile(req, res, path!, file).catch((error: unknown) => {
				console.error(error);
				if (!res.headersSent) res.writeHead(500).end('Internal server error');
				else res.destroy();
			});
			return;
		}
		// A signed-in reader of a prerendered page gets the page with their parts filled in.
		if (file) req.url = `/signed-in${path === '/' ? '' : path!.replace(/\/$/, '')}`;
		// Dynamic responses are compressed by the middleware (src/lib/server/http/compress.ts).
		astro(req, res);
	};
}
