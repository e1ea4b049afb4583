/** Transport names, shared by the preload and the main process (no zod here: the sandboxed preload can't load it). */
export const channels = { request: 'switchboard:request', event: 'switchboard:event' } as const;
