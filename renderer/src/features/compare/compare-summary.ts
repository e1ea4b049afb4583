import type { StreamView } from '../../store/types';
import { formatCost, formatMs, formatRate } from '../../ui/format';

/** One pane's last answer, with the name the summary calls it by. */
export interface SummaryInput {
  name: string;
  view: StreamView;
}

/** A winner of one measurement: whose answer, and its value as shown. */
export interface SummaryLine {
  title: string;
  name: string;
  value: string;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The pane with the smallest (or largest) measured value; null when no pane has one. */
function best(
  answers: SummaryInput[],
  measure: (view: StreamView) => number | null | undefined,
  order: 'lowest' | 'highest',
): { input: SummaryInput; value: number } | null {
  let winner: { input: SummaryInput; value: number } | null = null;
  for (const input of answers) {
    const value = measure(input.view);
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    const isBetter = winner === null || (order === 'lowest' ? value < winner.value : value > winner.value);
    if (isBetter) winner = { input, value };
  }
  return winner;
}

/**
 * The summary row once every pane has finished its last answer: fastest first token, fastest tokens/s,
 * cheapest, longest. Null while any is still streaming or missing; a line is left out when no answer has
 * that measurement (an unpriced model has no cost, never $0).
 */
export function summarize(answers: SummaryInput[]): SummaryLine[] | null {
  if (answers.length === 0 || answers.some(({ view }) => view.status === 'streaming')) return null;
  const finished = answers.filter(({ view }) => view.status === 'ok');
  const lines: SummaryLine[] = [];
  const add = (title: string, winner: ReturnType<typeof best>, format: (value: number) => string) => {
    if (winner) lines.push({ title, name: winner.input.name, value: format(winner.value) });
  };
  add(
    'Fastest first token',
    best(finished, (view) => view.record?.timeToFirstTokenMs, 'lowest'),
    (value) => formatMs(value),
  );
  add(
    'Fastest tokens/s',
    best(finished, (view) => view.record?.tokensPerSecond, 'highest'),
    (value) => formatRate(value),
  );
  add(
    'Cheapest',
    best(finished, (view) => view.record?.costUSD, 'lowest'),
    (value) => formatCost(value),
  );
  add(
    'Longest answer',
    best(finished, (view) => countWords(view.text), 'highest'),
    (value) => `${value} ${value === 1 ? 'word' : 'words'}`,
  );
  return lines;
}
