import type { LanguageModelV4FilePart, LanguageModelV4TextPart } from '@ai-sdk/provider';
import { apiName, isSet, refuseOtherKeys, type Block } from './block-fields';
import type { TranslationContext } from './translation-context';

export type MediaPart = LanguageModelV4TextPart | LanguageModelV4FilePart;
type Source = { type: string } & Record<string, unknown>;

const imageTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** An image URL's media type from its file name, when it has a known extension. */
function imageTypeOfUrl(url: URL): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return extension ? imageTypes[extension] : undefined;
}

function parseUrl(context: TranslationContext, value: unknown, field: string): URL {
  try {
    const url = new URL(String(value));
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Refused below.
  }
  return context.refuse(field, 'give an http(s) URL');
}

function urlFile(
  context: TranslationContext,
  source: Source,
  path: string,
  mediaType: string,
): LanguageModelV4FilePart {
  const url = parseUrl(context, source.url, `${path}.source.url`);
  // Gemini fetches only https files whose type it is told; Chat Completions servers take PDFs only inline.
  if (context.family === 'google' && (url.protocol !== 'https:' || !mediaType.includes('/'))) {
    context.refuse(
      `${path}.source.url`,
      'Gemini fetches only https URLs ending in .png, .jpg, .gif or .webp (or PDFs); send the file as base64',
    );
  }
  if (context.family === 'chat' && mediaType === 'application/pdf') {
    context.refuse(`${path}.source`, 'Chat Completions takes PDFs only inline: send the document as base64');
  }
  return { type: 'file', mediaType, data: { type: 'url', url } };
}

function image(context: TranslationContext, block: Block, path: string): MediaPart {
  refuseOtherKeys(context, block, path, ['source']);
  const source = block.source as Source;
  if (source.type === 'base64') {
    return { type: 'file', mediaType: String(source.media_type), data: { type: 'data', data: String(source.data) } };
  }
  if (source.type === 'url') {
    const url = parseUrl(context, source.url, `${path}.source.url`);
    return urlFile(context, source, path, imageTypeOfUrl(url) ?? 'image');
  }
  return context.refuse(`${path}.source`, `files uploaded to Anthropic (${source.type}) exist only there`);
}

function documentFile(context: TranslationContext, block: Block, path: string): MediaPart[] {
  const source = block.source as Source;
  switch (source.type) {
    case 'base64':
      return [{ type: 'file', mediaType: 'application/pdf', data: { type: 'data', data: String(source.data) } }];
    case 'url':
      return [urlFile(context, source, path, 'application/pdf')];
    case 'text':
      return [{ type: 'text', text: String(source.data) }];
    case 'content': {
      const content = source.content;
      if (typeof content === 'string') return [{ type: 'text', text: content }];
      return (content as Block[]).flatMap((inner, index) =>
        mediaParts(context, inner, `${path}.source.content.${index}`, ['text', 'image']),
      );
    }
    default:
      return context.refuse(`${path}.source`, `files uploaded to Anthropic (${source.type}) exist only there`);
  }
}

/** A document: its file or text, after its title and context as text (the model reads both). */
function document(context: TranslationContext, block: Block, path: string): MediaPart[] {
  refuseOtherKeys(context, block, path, ['source', 'title', 'context', 'citations']);
  const citations = block.citations as { enabled?: boolean } | null | undefined;
  if (citations?.enabled === true) {
    context.refuse(`${path}.citations`, `citations are Anthropic's; ${apiName(context)} has none`);
  }
  const about = [
    isSet(block.title) ? `Document title: ${String(block.title)}` : '',
    isSet(block.context) ? `Document context: ${String(block.context)}` : '',
  ].filter(Boolean);
  const parts = documentFile(context, block, path);
  return about.length > 0 ? [{ type: 'text', text: about.join('\n') }, ...parts] : parts;
}

/** Text, images and documents: what a user turn, a tool result or a document's content can hold. */
export function mediaParts(
  context: TranslationContext,
  block: Block,
  path: string,
  allowed: readonly string[] = ['text', 'image', 'document'],
): MediaPart[] {
  if (!allowed.includes(block.type)) {
    return context.refuse(`${path}`, `${block.type} blocks have no counterpart in ${apiName(context)} here`);
  }
  switch (block.type) {
    case 'text':
      refuseOtherKeys(context, block, path, ['text']);
      return [{ type: 'text', text: String(block.text) }];
    case 'image':
      return [image(context, block, path)];
    default:
      return document(context, block, path);
  }
}
