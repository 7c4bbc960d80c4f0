// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
	output: 'server',
	// staticHeaders: prerendered pages get their CSP as a real header (frame-ancestors needs one).
	// mode 'middleware': src/cli/serving serves dist/client itself (precompressed, from an index);
	// the standalone handler stat()ed the disk and matched routes twice on every dynamic request.
	// experimentalDisableStreaming: a page is sent in one write, not dozens of chunks; each chunk
	// cost a compression call and a socket write.
	adapter: node({ mode: 'middleware', staticHeaders: true, experimentalDisableStreaming: true }),
	integrations: [mdx(), react()],
	vite: {
		plugins: [tailwindcss()],
		// Finished builds (builds/<id>/, one per `npm run build`) are no source to watch.
		server: { watch: { ignored: ['**/builds/**'] } },
		build: {
			rolldownOptions: {
				// Astro marks MDX modules with a "use astro:head-inject" directive that it reads
				// itself; the bundler warns that it may not keep it (once per module page). Only
				// that warning is dropped.
				onwarn(warning, warn) {
					if (
						warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
						warning.message.includes('"use astro:head-inject"')
					)
						return;
					warn(warning);
				},
			},
		},
	},
	// Module pages carry no fenced code; Prism keeps styles out of inline attributes (CSP).
	markdown: { syntaxHighlight: false },
	security: {
		checkOrigin: true,
		// Materials uploads take up to 5 MB (src/lib/server/cen/upload-check.ts); the margin lets a
		// larger file reach the action and be refused with a sentence instead of a bare 413.
		actionBodySizeLimit: 12 * 1024 * 1024,
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				"frame-ancestors 'none'",
			],
		},
	},
	env: {
		schema: {
			DATABASE_URL: envField.string({
				context: 'server',
				access: 'secret',
				default: 'file:data/portal.db',
			}),
			DATABASE_AUTH_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true }),
			PUBLIC_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			/** Where vulnerabilities are reported (/.well-known/security.txt): an email or https address. */
			SECURITY_CONTACT: envField.string({ context: 'server', access: 'secret', optional: true }),
			APPLICATION_RETENTION_MONTHS: envField.number({
				context: 'server',
				access: 'public',
				int: true,
				gt: 0,
				default: 6,
			}),
			OFFICE_CONTACT_EMAIL: envField.string({
				context: 'server',
				access: 'public',
				// A demo value on a reserved domain: set the programme office's real address.
				default: 'programme-office@rilo-ap.example',
			}),
			// Who signs enrolment letters, and RILO A/P's address on them. Demo values, clearly marked:
			// set the real ones.
			OFFICE_SIGNATORY_NAME: envField.string({
				context: 'server',
				access: 'public',
				default: 'Demo signatory (set OFFICE_SIGNATORY_NAME)',
			}),
			OFFICE_SIGNATORY_TITLE: envField.string({
				context: 'server',
				access: 'public',
				default: 'Head of the programme office (demo title: set OFFICE_SIGNATORY_TITLE)',
			}),
			OFFICE_POSTAL_ADDRESS: envField.string({
				context: 'server',
				access: 'public',
				default:
					'RILO A/P, Tokyo, Japan (demo value: set OFFICE_POSTAL_ADDRESS to the full address)',
			}),
			SMTP_FROM: envField.string({
				context: 'server',
				access: 'secret',
				default: 'RILO A/P Programme Portal <no-reply@localhost>',
			}),
		},
	},
});
