import type { CheckResult, PlaygroundCheck } from '../contract/playground';

/** What a finished cell is judged on. */
export interface CellOutcome {
  text: string;
  timeToFirstTokenMs: number | null;
  costUSD: number | null;
}

/** One check that needs no model; a judge check is graded by the core and reads as not graded here. */
export function evaluate(check: PlaygroundCheck, outcome: CellOutcome): CheckResult {
  const { text } = outcome;
  switch (check.kind) {
    case 'contains':
      return text.includes(check.value)
        ? { check, passed: true }
        : { check, passed: false, detail: `“${check.value}” is not in the answer` };
    case 'not-contains':
      return text.includes(check.value)
        ? { check, passed: false, detail: `“${check.value}” is in the answer` }
        : { check, passed: true };
    case 'regex': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(check.value);
      } catch {
        return { check, passed: false, detail: `“${check.value}” is not a valid regular expression` };
      }
      return pattern.test(text)
        ? { check, passed: true }
        : { check, passed: false, detail: `nothing in the answer matches /${check.value}/` };
    }
    case 'json':
      try {
        JSON.parse(jsonText(text));
        return { check, passed: true };
      } catch {
        return { check, passed: false, detail: 'the answer is not valid JSON' };
      }
    case 'max-ttft':
      if (outcome.timeToFirstTokenMs === null) return { check, passed: false, detail: 'no first token' };
      return outcome.timeToFirstTokenMs <= check.ms
        ? { check, passed: true }
        : { check, passed: false, detail: `first token after ${Math.round(outcome.timeToFirstTokenMs)} ms` };
    case 'max-cost':
      if (outcome.costUSD === null) return { check, passed: false, detail: 'the cost is unknown (no price)' };
      return outcome.costUSD <= check.usd
        ? { check, passed: true }
        : { check, passed: false, detail: `cost $${outcome.costUSD.toFixed(6)}` };
    case 'judge':
      return { check, passed: false, detail: 'not graded' };
  }
}

/** A JSON answer wrapped in a Markdown code fence, as models often write it, counts as JSON. */
export function jsonText(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(text);
  return fenced ? fenced[1]! : text;
}

export function evaluateChecks(checks: PlaygroundCheck[], outcome: CellOutcome): CheckResult[] {
  return checks.map((check) => evaluate(check, outcome));
}

/** A check in a few words, for the table and the cells. */
export function describeCheck(check: PlaygroundCheck): string {
  switch (check.kind) {
    case 'contains':
      return `contains “${check.value}”`;
    case 'not-contains':
      return `does not contain “${check.value}”`;
    case 'regex':
      return `matches /${check.value}/`;
    case 'json':
      return check.schema ? 'is valid JSON matching its schema' : 'is valid JSON';
    case 'max-ttft':
      return `first token within ${check.ms} ms`;
    case 'max-cost':
      return `costs at most $${check.usd}`;
    case 'judge':
      return `graded by ${check.modelId}: ${check.rubric}`;
  }
}
