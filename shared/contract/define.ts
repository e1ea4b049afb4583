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

/** The answer to every request: handlers never throw across the bridge. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
