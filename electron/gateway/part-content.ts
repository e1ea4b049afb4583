import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';

/**
 * What a part adds to the answer. The first part with content is the first token: it opens the commit
 * gate and stops the first-token clock. `other` (a generated file, custom content) is content that a
 * kept text answer could not replay.
 */
export type ContentKind = 'text' | 'reasoning' | 'tool-call' | 'other';

/** The content a neutral part carries, if any; starts, ends, sources and the finish carry none. */
export function modelPartKind(part: LanguageModelV4StreamPart): ContentKind | undefined {
  switch (part.type) {
    case 'text-delta':
      return part.delta.length > 0 ? 'text' : undefined;
    case 'reasoning-delta':
      return part.delta.length > 0 ? 'reasoning' : undefined;
    case 'tool-input-start':
    case 'tool-input-delta':
    case 'tool-call':
    case 'tool-result':
    case 'tool-approval-request':
      return 'tool-call';
    case 'file':
    case 'reasoning-file':
    case 'custom':
      return 'other';
    default:
      return undefined;
  }
}

/** The text a neutral part adds, counted for the size limit and estimates (tool input included). */
export function modelPartText(part: LanguageModelV4StreamPart): string {
  switch (part.type) {
    case 'text-delta':
    case 'reasoning-delta':
    case 'tool-input-delta':
      return part.delta;
    default:
      return '';
  }
}
