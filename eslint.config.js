import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default [
	{
		ignores: [
			'dist',
			'builds/',
			'.astro/',
			'.cache/',
			'node_modules/',
			'data/',
			'test-results/',
			'db/migrations/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	{
		// Islands run in the browser: they may use actions and pure helpers, never server code.
		files: ['src/islands/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['~/lib/server/*', '**/lib/server/*', '~db/*', '**/db/*', 'astro:env/server'],
							message: 'Islands must not import server code or the database.',
						},
					],
				},
			],
		},
	},
	{
		// db/ is the bottom layer: it never imports the site.
		files: ['db/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['~/*', '**/src/*'], message: 'db/ must not import from src/.' }] },
			],
		},
	},
];
