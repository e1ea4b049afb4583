import { z } from 'zod';

/**
 * A JSON schema as a validator, through zod's own JSON Schema reader (zod is already a runtime dependency; Ajv
 * is not). Runs in the core only: the renderer never loads zod.
 */
export function compileJsonSchema(schema: Record<string, unknown>): z.ZodType | { problem: string } {
  try {
    return z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
  } catch (error) {
    return { problem: `the JSON schema cannot be used: ${(error as Error).message}` };
  }
}

/** What is wrong with a schema, in words, or undefined when it can validate answers. */
export function jsonSchemaProblem(schema: Record<string, unknown>): string | undefined {
  const compiled = compileJsonSchema(schema);
  return 'problem' in compiled ? compiled.problem : undefined;
}

/** Why a parsed JSON value does not match the schema (the first three places), or undefined when it does. */
export function schemaMismatch(schema: Record<string, unknown>, value: unknown): string | undefined {
  const compiled = compileJsonSchema(schema);
  if ('problem' in compiled) return compiled.problem;
  const result = compiled.safeParse(value);
  if (result.success) return undefined;
  const places = result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : 'the top level';
    return `at ${path}: ${issue.message}`;
  });
  return `the JSON does not match the schema (${places.join('; ')})`;
}
