/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig loads astro.config.mjs so `astro:*` modules and the ~ aliases resolve in tests.
export default getViteConfig({
	test: {
		include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		// Integration tests hash passwords (argon2) and open database files: one file at a time per core.
		fileParallelism: true,
		maxWorkers: 2,
	},
});
