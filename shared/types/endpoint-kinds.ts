/** Provider protocols Switchboard speaks (plain values, so the renderer can list them without zod). */
export const endpointKinds = ['openai', 'anthropic', 'google', 'openrouter', 'vercel', 'openai-compatible'] as const;
export type EndpointKind = (typeof endpointKinds)[number];
