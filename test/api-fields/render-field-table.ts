// Renders docs/local-api-fields.md from the codecs' rule tables and the field samples: every cell is computed by
// running the real translation, so the page cannot drift from what Switchboard does.
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { fieldOutcome, baselineWire, type FieldOutcome } from './field-outcomes';
import { protocolSamples, type FieldSample, type ProtocolSamples } from './field-samples';
import { fieldNotes, generalNotes } from './field-notes';

const kindNames: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  openrouter: 'OpenRouter',
  vercel: 'Vercel AI Gateway',
  'openai-compatible': 'OpenAI-compatible',
};

/** The endpoint id a refusal names; an OpenAI-compatible one is a user's own, such as a box on the LAN. */
export const endpointId = (kind: string) => (kind === 'openai-compatible' ? 'local' : kind);

const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text: string) => `\`${text.replaceAll('|', '\\|')}\``;

function sampleText(sample: FieldSample): string {
  const json = JSON.stringify(sample.body[sample.field]) ?? '';
  return code(json.length > 48 ? `${json.slice(0, 47)}…` : json);
}

function cell(outcome: FieldOutcome, sample: FieldSample, model: string | undefined): string {
  const on = model ? ` (on ${code(model)})` : '';
  if (outcome.type === 'refused') {
    const named = outcome.field === sample.field ? '' : ` on ${code(outcome.field)}`;
    return `**400**${named}: ${escape(outcome.reason)}${on}`;
  }
  if (outcome.changed.length === 0) return `accepted; sends nothing of its own${on}`;
  const shown = outcome.changed.slice(0, 4).map(code).join(', ');
  return `→ ${shown}${outcome.changed.length > 4 ? ', …' : ''}${on}`;
}

async function renderProtocol(samples: ProtocolSamples): Promise<string[]> {
  const targets = samples.translated.map((entry) => ({ ...entry, target: `${endpointId(entry.kind)}/${entry.model}` }));
  const baselines = await Promise.all(targets.map((target) => baselineWire(samples, target)));
  const passThrough = samples.passThrough.map((kind) => kindNames[kind]).join(', ');
  const header = [
    'Field',
    'Sample',
    `Pass-through: ${passThrough}`,
    ...targets.map((target) => `Translated: ${target.name} (${code(target.model)})`),
  ];
  const rows = async (list: FieldSample[]) =>
    Promise.all(
      list.map(async (sample) => {
        const cells = await Promise.all(
          targets.map(async (target, index) => {
            const model = sample.models?.[target.kind];
            const tried = model ? { kind: target.kind, target: `${endpointId(target.kind)}/${model}` } : target;
            const baseline = model ? await baselineWire(samples, tried) : baselines[index]!;
            return cell(await fieldOutcome(samples, sample, tried, baseline), sample, model);
          }),
        );
        const passed = samples.passThroughAs[sample.label] ?? 'reaches the provider as sent';
        return `| ${[code(sample.label), sampleText(sample), escape(passed), ...cells].join(' | ')} |`;
      }),
    );
  const table = (lines: string[]) => [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...lines,
  ];
  const notes = fieldNotes[samples.protocol];
  return [
    `## ${samples.title} (\`${samples.path}\`)`,
    '',
    'Every top-level field:',
    '',
    ...table(await rows(samples.topLevel)),
    '',
    'Nested fields (message roles, content parts, tools):',
    '',
    ...table(await rows(samples.nested)),
    '',
    ...(notes.length > 0 ? ['Notes (hand-written):', '', ...notes.map((note) => `- ${note}`), ''] : []),
  ];
}

/** Where the page lives, from the repository's root. */
export const pagePath = 'docs/local-api-fields.md';

/** The whole page, as the repository's prettier writes it (so `prettier --write .` leaves it alone). */
export async function renderLocalApiFields(): Promise<string> {
  const sections = [];
  for (const samples of protocolSamples) sections.push(...(await renderProtocol(samples)));
  const page = [
    '# Local API: every request field, on each path',
    '',
    "<!-- Generated from the codecs' rule tables by scripts/local-api-fields.mjs: do not edit by hand.",
    'Regenerate with `bash scripts/run.sh node scripts/local-api-fields.mjs`;',
    'test/integration/api-fields.test.ts fails when this file differs from what the codecs do. -->',
    '',
    ...generalNotes,
    '',
    ...sections,
  ].join('\n');
  const filepath = resolve(import.meta.dirname, '../..', pagePath);
  return format(page, { ...(await resolveConfig(filepath)), filepath });
}
