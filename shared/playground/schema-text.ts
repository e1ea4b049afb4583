/** A typed JSON schema as an object, or what is wrong with it in words; the core checks that it can validate. */
export function readSchema(text: string): Record<string, unknown> | string {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    return `the schema is not JSON (${(error as Error).message})`;
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return 'a JSON schema is an object, such as {"type": "object"}';
  }
  return schema as Record<string, unknown>;
}
