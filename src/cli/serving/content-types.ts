/** Content types of the files a build writes into dist/client. */
import { extname } from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.csv': 'text/csv; charset=utf-8',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.pdf': 'application/pdf',
	'.wasm': 'application/wasm',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The Content-Type for a file name (unknown kinds are plain bytes). */
export function contentTypeOf(path: string): string {
	return types[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Kinds worth compressing: text. Images, fonts, Word files and archives are compressed already. */
export const compressibleExtensions = new Set([
	'.html',
	'.css',
	'.js',
	'.mjs',
	'.json',
	'.map',
	'.svg',
	'.txt',
	'.xml',
	'.webmanifest',
	'.csv',
]);
