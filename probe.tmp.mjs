import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4444';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
for (const rate of [1, 4]) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill('participant1@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${base}/lab`);
  await page.waitForSelector('[data-lab-state="ready"] [role="img"]', { timeout: 60000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop().slice(0,30)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
    const paint = performance.getEntriesByType('paint').map((p) => `${p.name} ${Math.round(p.startTime)}`);
    return { htmlEnd: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), res, paint, chart: Math.round(performance.getEntriesByName('lab:first-chart')[0]?.startTime), ready: Math.round(performance.getEntriesByName('lab:data-ready')[0]?.startTime) };
  });
  console.log(rate, JSON.stringify(t, null, 1));
  await page.context().close();
}
await browser.close();
