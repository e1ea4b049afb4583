import { describe, expect, it } from 'vitest';
import { readAttachment } from './read-attachment';

describe('a file chosen for a question', () => {
  it('is an image as it is, or a text file as its text', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    expect(await readAttachment(new File([bytes], 'dot.png', { type: 'image/png' }))).toEqual({
      kind: 'image',
      name: 'dot.png',
      mediaType: 'image/png',
      dataBase64: btoa(String.fromCharCode(...bytes)),
    });
    expect(await readAttachment(new File(['# Über\n'], 'notes.md', { type: '' }))).toEqual({
      kind: 'text',
      name: 'notes.md',
      text: '# Über\n',
    });
  });

  it('is refused with its name and why when it cannot be sent', async () => {
    expect(await readAttachment(new File(['BM'], 'old.bmp', { type: 'image/bmp' }))).toEqual({
      error: 'old.bmp is image/bmp; Switchboard sends images as PNG, JPEG, GIF or WebP only.',
    });
    expect(await readAttachment(new File([new Uint8Array([0x25, 0x50, 0, 0xff])], 'report.pdf'))).toEqual({
      error: 'report.pdf is neither text nor a PNG, JPEG, GIF or WebP image, so it cannot be attached.',
    });
    expect(await readAttachment(new File(['x'.repeat(600 * 1024)], 'big.log'))).toEqual({
      error: 'big.log is 0.6 MB; a text file can be at most 512 KB.',
    });
    const huge = new File([new Uint8Array(6 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' });
    expect(await readAttachment(huge)).toEqual({ error: 'huge.jpg is 6.0 MB; an image can be at most 5.0 MB.' });
  });
});
