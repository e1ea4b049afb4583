/** What a chat message may carry (no zod here: the renderer checks files with these before sending). */

/** Image kinds the chat attaches: the ones every provider that takes images accepts. */
export const imageMediaTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageMediaType = (typeof imageMediaTypes)[number];

/** One image, before base64 (providers refuse much larger ones: Anthropic stops at 5 MB). */
export const maxImageBytes = 5 * 1024 * 1024;

/** One text file, inlined into the message. */
export const maxTextFileBytes = 512 * 1024;

/** Files attached to one message. */
export const maxAttachments = 8;
