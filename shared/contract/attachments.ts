import { z } from 'zod';
import { imageMediaTypes, maxAttachments, maxImageBytes, maxTextFileBytes } from './attachment-limits';

const name = z.string().trim().min(1, 'the file has no name').max(255, 'a file name is at most 255 characters');

/** A file attached to a question: an image sent as is, or a text file inlined as a fenced block. */
export const attachmentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    name,
    mediaType: z.enum(imageMediaTypes, { error: 'images are PNG, JPEG, GIF or WebP' }),
    dataBase64: z
      .base64('the image is not base64')
      .max(Math.ceil(maxImageBytes / 3) * 4, `an image is at most ${maxImageBytes / 1024 / 1024} MB`),
  }),
  z.object({
    kind: z.literal('text'),
    name,
    text: z.string().max(maxTextFileBytes, `a text file is at most ${maxTextFileBytes / 1024} KB`),
  }),
]);

export const attachmentsSchema = z.array(attachmentSchema).max(maxAttachments, `at most ${maxAttachments} files`);

export type AttachmentInput = z.infer<typeof attachmentSchema>;

/** An attachment as the history keeps it. */
export type StoredAttachment = AttachmentInput & { id: string };
