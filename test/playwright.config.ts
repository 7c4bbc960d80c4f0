import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real server (`src/cli/demo.ts`: migrate, seed the demo cohort, serve the build) on a
// fresh temporary database file. `npm run test:e2e` builds first.
const port = Number(process.env.E2E_PORT ?? 4399);
const dbDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
// Tests that must reach into the database (to expire a session, say) find it here.
process.env.E2E_DATABASE_URL ??= `file:${join(dbDir, 'e2e.db')}`;
const chromium =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: './e2e',
	outputDir: '../test-results',
	fullyParallel: false,
	workers: 1,
	// No retries: a rerun of the same commit gives the same result, or the test is wrong.
	retries: 0,
	// Budgets for a loaded 2-core machine (several builds and test runs at once), where a
	// journey can take five to ten times as long as on a quiet one. Waiting is always for a
	// condition (a URL, a text, a state), never for a fixed time, so a quiet machine pays
	// nothing for the headroom.
	timeout: 240_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		actionTimeout: 30_000,
		navigationTimeout: 60_000,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromium,
			// The machine has no route to the internet: keep Chromium from trying.
			args: [
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
				'--disable-gpu',
			],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command:
			'node --max-semi-space-size=8 --heap-growing-percent=50 src/cli/launch.mjs src/cli/demo.ts',
		cwd: '..',
		url: `http://127.0.0.1:${port}/healthz`,
		env: {
			HOST: '127.0.0.1',
			PORT: String(port),
			DEMO_DATABASE_URL: process.env.E2E_DATABASE_URL,
			DEMO_PASSWORD: 'demo-password',
			ASTRO_TELEMETRY_DISABLED: '1',
			MALLOC_ARENA_MAX: '2',
			// The demo runs the clock once after seeding; no timer during the run, so a day or the
			// mentors' digest hour passing mid-run cannot add reminders under a test's feet.
			SCHEDULER: 'off',
		},
		reuseExistingServer: false,
		// Migrating and seeding the demo cohort, then loading the server build.
		timeout: 300_000,
		stdout: 'pipe',
	},
});
