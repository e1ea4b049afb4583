import type { LanguageModelV4FilePart, LanguageModelV4TextPart } from '@ai-sdk/provider';
import { mediaTypeFromName, parseDataUrl } from './media-type';
import { familyNames, refuseUnknownKeys, type TranslationScope } from './target-family';

type ContentPart = Record<string, unknown> & { type: string };
export type UserPart = LanguageModelV4TextPart | LanguageModelV4FilePart;

/** The files each family's provider takes besides images (the AI SDK providers refuse the rest). */
const acceptsFile: Record<TranslationScope['family'], (mediaType: string, isUrl: boolean) => boolean> = {
  chat: (mediaType, isUrl) => !isUrl && (mediaType === 'application/pdf' || mediaType.startsWith('text/')),
  anthropic: (mediaType, isUrl) => mediaType === 'application/pdf' || (!isUrl && mediaType === 'text/plain'),
  google: () => true,
};

function translateImage(part: ContentPart, path: string, scope: TranslationScope): LanguageModelV4FilePart {
  refuseUnknownKeys(part, ['type', 'image_url', 'file_id', 'detail'], path, scope);
  if (part.file_id) {
    scope.refuse(`${path}.file_id`, 'it names a file uploaded to OpenAI; send the image as image_url (data: or https)');
  }
  // `detail: low` asks OpenAI to look at a 512px copy; other providers have no such setting.
  if (part.detail === 'low') {
    scope.refuse(`${path}.detail`, `${familyNames[scope.family]} has no low-detail image mode; send "auto" or "high"`);
  }
  const url = typeof part.image_url === 'string' ? part.image_url : '';
  const data = parseDataUrl(url);
  if (data) return { type: 'file', mediaType: data.mediaType, data: { type: 'data', data: data.base64 } };
  if (!/^https?:\/\//i.test(url)) {
    scope.refuse(`${path}.image_url`, 'an image must be a data: URL or an http(s) URL');
  }
  const mediaType = mediaTypeFromName(url);
  if (!mediaType && scope.family === 'google') {
    scope.refuse(
      `${path}.image_url`,
      'the Gemini API needs the image type: use a URL ending in .png, .jpg, .gif or .webp, or a data: URL',
    );
  }
  return { type: 'file', mediaType: mediaType ?? 'image', data: { type: 'url', url: new URL(url) } };
}

function translateFile(part: ContentPart, path: string, scope: TranslationScope): LanguageModelV4FilePart {
  refuseUnknownKeys(part, ['type', 'file_data', 'file_url', 'file_id', 'filename', 'detail'], path, scope);
  if (part.file_id) {
    scope.refuse(`${path}.file_id`, 'it names a file uploaded to OpenAI; send the file itself as file_data');
  }
  const filename = typeof part.filename === 'string' ? part.filename : undefined;
  let file: LanguageModelV4FilePart;
  if (typeof part.file_data === 'string') {
    // OpenAI takes a data: URL or bare base64 with a file name that says its type.
    const data = parseDataUrl(part.file_data);
    const mediaType = data?.mediaType ?? (filename ? mediaTypeFromName(filename) : undefined);
    if (!mediaType) {
      scope.refuse(`${path}.file_data`, 'the file type is unknown: send a data: URL or a filename with its extension');
    }
    file = { type: 'file', mediaType, data: { type: 'data', data: data?.base64 ?? part.file_data } };
  } else if (typeof part.file_url === 'string' && /^https?:\/\//i.test(part.file_url)) {
    const mediaType = mediaTypeFromName(filename ?? part.file_url);
    if (!mediaType) {
      scope.refuse(`${path}.file_url`, 'the file type is unknown: use a URL or filename ending in its extension');
    }
    file = { type: 'file', mediaType, data: { type: 'url', url: new URL(part.file_url) } };
  } else {
    return scope.refuse(path, 'an input_file needs file_data or an http(s) file_url');
  }
  const isUrl = file.data.type === 'url';
  if (!acceptsFile[scope.family](file.mediaType, isUrl)) {
    scope.refuse(
      path,
      `${familyNames[scope.family]} does not take ${file.mediaType} files${isUrl ? ' by URL' : ''} through Switchboard`,
    );
  }
  if (part.detail !== undefined && part.detail !== null && part.detail !== 'auto') {
    scope.refuse(`${path}.detail`, `${familyNames[scope.family]} has no file detail setting`);
  }
  return filename ? { ...file, filename } : file;
}

/** One part of a user message or of a function call's output, in the AI SDK's terms. */
export function translateUserPart(part: ContentPart, path: string, scope: TranslationScope): UserPart {
  switch (part.type) {
    case 'input_text':
      refuseUnknownKeys(part, ['type', 'text'], path, scope);
      return { type: 'text', text: String(part.text ?? '') };
    case 'input_image':
      return translateImage(part, path, scope);
    case 'input_file':
      return translateFile(part, path, scope);
    default:
      return scope.refuse(`${path}.type`, `"${part.type}" is not a user content part Switchboard can translate`);
  }
}

/** The text of an assistant message part (its own earlier answer, or a refusal it gave). */
export function assistantPartText(part: ContentPart, path: string, scope: TranslationScope): string {
  switch (part.type) {
    case 'output_text':
    case 'input_text':
      // Annotations and logprobs describe the earlier answer; the text is what the model needs again.
      refuseUnknownKeys(part, ['type', 'text', 'annotations', 'logprobs'], path, scope);
      return String(part.text ?? '');
    case 'refusal':
      refuseUnknownKeys(part, ['type', 'refusal'], path, scope);
      return String(part.refusal ?? '');
    default:
      return scope.refuse(`${path}.type`, `"${part.type}" cannot be part of an assistant message`);
  }
}

/** The text of a system or developer message: text parts only. */
export function systemPartText(part: ContentPart, path: string, scope: TranslationScope): string {
  if (part.type !== 'input_text') {
    scope.refuse(`${path}.type`, `${familyNames[scope.family]} takes only text in system instructions`);
  }
  refuseUnknownKeys(part, ['type', 'text'], path, scope);
  return String(part.text ?? '');
}
