import type { LanguageModelV4FilePart, LanguageModelV4TextPart } from '@ai-sdk/provider';
import { imageTypeFromUrl, parseDataUrl } from './data-url';
import { partProviderOptions, refuseUnknownKeys } from './part-options';
import { contentPartSchemas, type ContentPart } from './request-schema';
import { providerNames, type TranslationContext } from './translation-context';

type UserPart = LanguageModelV4TextPart | LanguageModelV4FilePart;

const partKeys = ['type', 'prompt_cache_breakpoint', 'cache_control'];

/** Gemini 2.0 and non-Gemini models on Google's API take no external file URLs (the AI SDK's own rule). */
const takesExternalUrls = (modelName: string) =>
  /(^|\/)gemini-/.test(modelName) && !/(^|\/)gemini-2\.0/.test(modelName);

/** The image types Gemini fetches from an https URL itself. */
const geminiFetchedImages = ['image/png', 'image/jpeg', 'image/webp', 'image/bmp'];

function imagePart(part: ContentPart, path: string, context: TranslationContext): UserPart {
  const { image_url: image } = contentPartSchemas.image_url.parse(part);
  refuseUnknownKeys(part, [...partKeys, 'image_url'], path, context);
  refuseUnknownKeys(image, ['url', 'detail'], `${path}.image_url`, context);
  const extra: Record<string, unknown> = {};
  if (image.detail && image.detail !== 'auto') {
    if (context.kind !== 'openai') {
      context.refuse(
        `${path}.image_url.detail`,
        `${providerNames[context.kind]} has no image detail level: leave it out`,
      );
    }
    extra.imageDetail = image.detail;
  }
  const providerOptions = partProviderOptions(part, path, context, extra);
  const inline = parseDataUrl(image.url);
  if (inline) {
    if (!inline.mediaType.startsWith('image/')) {
      context.refuse(`${path}.image_url.url`, `a data: URL of ${inline.mediaType} is not an image`);
    }
    return { type: 'file', mediaType: inline.mediaType, data: { type: 'data', data: inline.data }, providerOptions };
  }
  let url: URL;
  try {
    url = new URL(image.url);
  } catch {
    return context.refuse(`${path}.image_url.url`, 'it is neither an https URL nor a base64 data: URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    context.refuse(`${path}.image_url.url`, `${url.protocol} URLs cannot be fetched: send https or a base64 data: URL`);
  }
  const mediaType = imageTypeFromUrl(url);
  const isFetchable = mediaType !== undefined && geminiFetchedImages.includes(mediaType) && url.protocol === 'https:';
  if (context.kind === 'google' && (!isFetchable || !takesExternalUrls(context.modelName))) {
    context.refuse(
      `${path}.image_url.url`,
      `Gemini fetches only https image URLs ending in .png, .jpg, .webp or .bmp, on Gemini 2.5 and later: send the image as a base64 data: URL`,
    );
  }
  return { type: 'file', mediaType: mediaType ?? 'image', data: { type: 'url', url }, providerOptions };
}

const audioTypes: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' };

function audioPart(part: ContentPart, path: string, context: TranslationContext): UserPart {
  const { input_audio: audio } = contentPartSchemas.input_audio.parse(part);
  refuseUnknownKeys(part, [...partKeys, 'input_audio'], path, context);
  refuseUnknownKeys(audio, ['data', 'format'], `${path}.input_audio`, context);
  if (context.kind === 'openai' || context.kind === 'anthropic') {
    context.refuse(path, `${providerNames[context.kind]} takes no audio input`);
  }
  const mediaType = audioTypes[audio.format];
  if (!mediaType) context.refuse(`${path}.input_audio.format`, 'the format is "wav" or "mp3"');
  const providerOptions = partProviderOptions(part, path, context);
  return { type: 'file', mediaType, data: { type: 'data', data: audio.data }, providerOptions };
}

/** The document types each kind's provider takes inline (Gemini takes any it can read). */
function takesDocument(context: TranslationContext, mediaType: string): boolean {
  if (context.kind === 'google') return true;
  if (context.kind === 'anthropic') return mediaType === 'application/pdf' || mediaType === 'text/plain';
  return mediaType === 'application/pdf';
}

function filePart(part: ContentPart, path: string, context: TranslationContext): UserPart {
  const { file } = contentPartSchemas.file.parse(part);
  refuseUnknownKeys(part, [...partKeys, 'file'], path, context);
  refuseUnknownKeys(file, ['file_data', 'file_id', 'filename'], `${path}.file`, context);
  const providerOptions = partProviderOptions(part, path, context);
  const filename = file.filename;
  if (file.file_id) {
    if (context.kind !== 'openai') {
      context.refuse(`${path}.file.file_id`, 'an uploaded file id exists only at OpenAI: send the file as file_data');
    }
    const data = { type: 'reference' as const, reference: { openai: file.file_id } };
    return { type: 'file', mediaType: 'application/octet-stream', filename, data, providerOptions };
  }
  if (!file.file_data) return context.refuse(`${path}.file`, 'it has neither file_data nor file_id');
  const inline = parseDataUrl(file.file_data);
  if (!inline) {
    context.refuse(`${path}.file.file_data`, 'send the file as a base64 data: URL (data:application/pdf;base64,...)');
  }
  if (!takesDocument(context, inline.mediaType)) {
    context.refuse(`${path}.file.file_data`, `${providerNames[context.kind]} does not take ${inline.mediaType} files`);
  }
  return {
    type: 'file',
    mediaType: inline.mediaType,
    filename,
    data: { type: 'data', data: inline.data },
    providerOptions,
  };
}

/** A user message's content as neutral text and file parts. */
export function toUserParts(content: string | ContentPart[], path: string, context: TranslationContext): UserPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index) => {
    const partPath = `${path}[${index}]`;
    switch (part.type) {
      case 'text': {
        refuseUnknownKeys(part, [...partKeys, 'text'], partPath, context);
        const { text } = contentPartSchemas.text.parse(part);
        return { type: 'text', text, providerOptions: partProviderOptions(part, partPath, context) };
      }
      case 'image_url':
        return imagePart(part, partPath, context);
      case 'input_audio':
        return audioPart(part, partPath, context);
      case 'file':
        return filePart(part, partPath, context);
      default:
        return context.refuse(partPath, `a "${part.type}" part has no translation for a user message`);
    }
  });
}

/** Text-only content (system, developer, tool messages): each text part, in order. */
export function toTexts(content: string | ContentPart[], path: string, context: TranslationContext) {
  if (typeof content === 'string') return [{ text: content, providerOptions: undefined }];
  return content.map((part, index) => {
    const partPath = `${path}[${index}]`;
    if (part.type !== 'text') context.refuse(partPath, `only text parts can go here, not "${part.type}"`);
    refuseUnknownKeys(part, [...partKeys, 'text'], partPath, context);
    const { text } = contentPartSchemas.text.parse(part);
    return { text, providerOptions: partProviderOptions(part, partPath, context) };
  });
}
