import type { z } from 'zod';

/**
 * A request route: a zod schema for its input (parsed in the core before any handler runs)
 * and a phantom type for its output.
 */
export interface Route<Input extends z.ZodType, Output> {
  input: Input;
  /** Type only: never read at run time. */
  output?: Output;
}

export function route<Output>() {
  return <Input extends z.ZodType>(input: Input): Route<Input, Output> => ({ input });
}

/** A problem with one field of a request: `field` is its path in the input (`id`, `endpoint.baseURL`, `targets.0`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The answer to every request: handlers never throw across the bridge. `fields` names the input fields a
 * refusal is about, so a form can show each problem beside its field.
 */
export type Result<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: FieldProblem[] } };
