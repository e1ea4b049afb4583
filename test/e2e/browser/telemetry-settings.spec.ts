import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkBothThemes, startEmptyApp } from './firstrun-setup';
import { SwitchboardPage } from './pages';

// The Team telemetry panel in Settings: the collector in config.json, its headers write-only in the keychain.
let app: Awaited<ReturnType<typeof startEmptyApp>>;
const configFile = () => join(app.home, 'config.json');

test.beforeAll(async () => {
  app = await startEmptyApp();
  await writeFile(
    configFile(),
    JSON.stringify({ endpoints: [{ id: 'work', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' }] }),
  );
});
test.afterAll(async () => {
  await app?.dispose();
});

test('the telemetry panel saves the collector, keeps its headers write-only, and shows a bad URL beside its field', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  const ui = new SwitchboardPage(page);
  await ui.open('Settings');
  const form = page.getByRole('form', { name: 'Telemetry settings' });
  const url = form.getByLabel('Collector URL');
  await url.fill('collector:4318');
  await form.getByRole('button', { name: 'Save telemetry' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription(/collector's http\(s\) URL/);
  await expect(form.getByRole('alert')).toHaveText('Not saved: fix the marked field.');
  expect(await readFile(configFile(), 'utf8')).not.toContain('telemetry');

  await url.fill('http://127.0.0.1:4318');
  await form.getByLabel('Include prompts and answers').check();
  await form.getByRole('textbox', { name: /Collector headers/ }).fill('Authorization: Bearer e2e-secret-77');
  await form.getByRole('button', { name: 'Save telemetry' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(url).not.toHaveAttribute('aria-invalid');
  await expect(form.getByText('Headers: set (kept in your OS keychain)')).toBeVisible();
  await expect(form.getByRole('textbox', { name: /Collector headers/ })).toHaveValue('');
  const saved = JSON.parse(await readFile(configFile(), 'utf8')) as { telemetry: unknown };
  expect(saved.telemetry).toEqual({
    otlp: { endpoint: 'http://127.0.0.1:4318', enabled: true, includeContent: true },
  });
  expect(JSON.stringify(saved)).not.toContain('e2e-secret');
  expect(await checkBothThemes(page, testInfo, 'settings-telemetry')).toEqual([]);

  // Read back after a reload: the settings, and the headers only as set.
  await page.reload();
  await ui.open('Settings');
  await expect(form.getByLabel('Collector URL')).toHaveValue('http://127.0.0.1:4318');
  await expect(form.getByLabel('Include prompts and answers')).toBeChecked();
  await expect(page.locator('body')).not.toContainText('e2e-secret');
  await form.getByRole('button', { name: 'Remove the headers' }).click();
  await expect(form.getByText('Headers: not set')).toBeVisible();
});
