import type { AttachmentInput } from '../../../../shared/contract';
import {
  imageMediaTypes,
  maxImageBytes,
  maxTextFileBytes,
  type ImageMediaType,
} from '../../../../shared/contract/attachment-limits';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: one call per byte would overflow the argument list of a large image.
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

const isSupportedImage = (type: string): type is ImageMediaType =>
  (imageMediaTypes as readonly string[]).includes(type);

/**
 * A file the user chose, as a question carries it: a PNG, JPEG, GIF or WebP image as is, or any text file
 * (UTF-8) to inline. Anything else, or too large, is refused with the file's name and what to do.
 */
export async function readAttachment(file: File): Promise<AttachmentInput | { error: string }> {
  if (isSupportedImage(file.type)) {
    if (file.size > maxImageBytes) {
      return { error: `${file.name} is ${megabytes(file.size)}; an image can be at most ${megabytes(maxImageBytes)}.` };
    }
    const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    return { kind: 'image', name: file.name, mediaType: file.type, dataBase64 };
  }
  if (file.type.startsWith('image/')) {
    return { error: `${file.name} is ${file.type}; Switchboard sends images as PNG, JPEG, GIF or WebP only.` };
  }
  if (file.size > maxTextFileBytes) {
    return {
      error: `${file.name} is ${megabytes(file.size)}; a text file can be at most ${maxTextFileBytes / 1024} KB.`,
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = '\0';
  }
  if (text.includes('\0')) {
    return { error: `${file.name} is neither text nor a PNG, JPEG, GIF or WebP image, so it cannot be attached.` };
  }
  return { kind: 'text', name: file.name, text };
}
