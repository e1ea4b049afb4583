import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config-file';
import { removeBudget, removeEndpoint, setBudget } from './edit-config';
import { editConfigFile } from './edit-config-file';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-budgets-'));
  file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      endpoints: [
        { id: 'work', kind: 'openai' },
        { id: 'home', kind: 'openai' },
      ],
    }),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const saved = () => JSON.parse(readFileSync(file, 'utf8'));

describe('budgets in config.json', () => {
  it('are set overall and per endpoint, with the warning at 80% and warn-only unless told', async () => {
    await editConfigFile(dir, (config) =>
      setBudget(config, null, { monthlyUSD: 50, warnAtPercent: 80, whenReached: 'stop' }),
    );
    await editConfigFile(dir, (config) =>
      setBudget(config, 'work', { monthlyUSD: 20, warnAtPercent: 90, whenReached: 'warn' }),
    );
    expect(saved().budgets).toEqual({
      overall: { monthlyUSD: 50, warnAtPercent: 80, whenReached: 'stop' },
      endpoints: { work: { monthlyUSD: 20, warnAtPercent: 90, whenReached: 'warn' } },
    });
    // Written by hand with only the limit, the rest takes its default.
    writeFileSync(file, JSON.stringify({ ...saved(), budgets: { overall: { monthlyUSD: 5 } } }));
    expect(loadConfig(dir).budgets).toEqual({ overall: { monthlyUSD: 5, warnAtPercent: 80, whenReached: 'warn' } });
  });

  it('are removed one at a time, and leave no trace in the file when none is left', async () => {
    await editConfigFile(dir, (config) =>
      setBudget(config, null, { monthlyUSD: 50, warnAtPercent: 80, whenReached: 'stop' }),
    );
    await editConfigFile(dir, (config) =>
      setBudget(config, 'work', { monthlyUSD: 20, warnAtPercent: 80, whenReached: 'warn' }),
    );
    await editConfigFile(dir, (config) => removeBudget(config, 'work'));
    expect(saved().budgets).toEqual({ overall: { monthlyUSD: 50, warnAtPercent: 80, whenReached: 'stop' } });
    await editConfigFile(dir, (config) => removeBudget(config, null));
    expect(saved()).not.toHaveProperty('budgets');
  });

  it("go with their endpoint when it is removed, and can't be set for an endpoint that does not exist", async () => {
    await editConfigFile(dir, (config) =>
      setBudget(config, 'home', { monthlyUSD: 3, warnAtPercent: 80, whenReached: 'stop' }),
    );
    await editConfigFile(dir, (config) => removeEndpoint(config, 'home'));
    expect(saved()).not.toHaveProperty('budgets');
    await expect(
      editConfigFile(dir, (config) =>
        setBudget(config, 'gone', { monthlyUSD: 3, warnAtPercent: 80, whenReached: 'stop' }),
      ),
    ).rejects.toThrow('There is no endpoint "gone" to set a budget for.');
  });

  it('written by hand, are checked: a budget of 0 or for an unknown endpoint is named with its fix', () => {
    writeFileSync(
      file,
      JSON.stringify({
        endpoints: [{ id: 'work', kind: 'openai' }],
        budgets: { overall: { monthlyUSD: 0 }, endpoints: { gone: { monthlyUSD: 2, whenReached: 'halt' } } },
      }),
    );
    expect(() => loadConfig(dir)).toThrow(
      /budgets\.overall\.monthlyUSD: monthlyUSD must be above 0 \(remove the budget to have none\)/,
    );
    expect(() => loadConfig(dir)).toThrow(/budgets\.endpoints\.gone\.whenReached/);
    writeFileSync(file, JSON.stringify({ endpoints: [], budgets: { endpoints: { gone: { monthlyUSD: 2 } } } }));
    expect(() => loadConfig(dir)).toThrow(
      /budgets\.endpoints\.gone: a budget for endpoint "gone", which is not in "endpoints": remove this budget/,
    );
  });
});
