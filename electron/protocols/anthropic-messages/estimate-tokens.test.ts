import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens';
import { imageSize } from './image-size';

const ask = (content: unknown, extra: Record<string, unknown> = {}) => ({
  model: 'route',
  messages: [{ role: 'user', content }],
  ...extra,
});

/** A PNG header of the given size (the estimate reads only the header). */
function pngOf(width: number, height: number): string {
  const header = Buffer.alloc(33);
  header.writeUInt32BE(0x89504e47, 0);
  header.write('\r\n\x1a\n', 4, 'latin1');
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header.toString('base64');
}

describe('the count_tokens estimate', () => {
  it('counts text at 3.5 ASCII characters a token and 4 tokens a message', () => {
    expect(estimateTokens(ask('x'.repeat(350)))).toEqual({ input_tokens: 104 });
    // A system prompt and a second turn add theirs.
    const body = {
      ...ask('x'.repeat(35)),
      system: 'y'.repeat(70),
      messages: [...ask('x'.repeat(35)).messages, { role: 'assistant', content: 'z'.repeat(35) }],
    };
    expect(estimateTokens(body).input_tokens).toBe(Math.ceil(10 + 4 + 10 + 4 + 20));
  });

  it('counts other characters one each, erring high for non-Latin text', () => {
    expect(estimateTokens(ask('日本語のテキスト')).input_tokens).toBe(4 + 8);
  });

  it('adds the tool-use instructions and the definitions when tools are given', () => {
    const tools = [{ name: 'get_weather', input_schema: { type: 'object' } }];
    const without = estimateTokens(ask('Hi')).input_tokens;
    const withTools = estimateTokens(ask('Hi', { tools })).input_tokens;
    expect(withTools - without).toBeGreaterThanOrEqual(346 + Math.floor(JSON.stringify(tools).length / 3.5));
  });

  it('sizes an image from its header as Anthropic does (width × height / 750 after resizing)', () => {
    const image = (data: string) => ask([{ type: 'image', source: { type: 'base64', media_type: 'image/png', data } }]);
    expect(estimateTokens(image(pngOf(200, 200))).input_tokens).toBe(4 + Math.ceil((200 * 200) / 750));
    // 4000 × 3000 is cut to at most 1568 px a side and 1.15 megapixels: about 1,530 tokens.
    const large = estimateTokens(image(pngOf(4000, 3000))).input_tokens - 4;
    expect(large).toBeGreaterThan(1400);
    expect(large).toBeLessThanOrEqual(1600);
    // An image it cannot read, or one by URL, counts as the largest.
    expect(estimateTokens(image('bm90IGFuIGltYWdl')).input_tokens).toBe(4 + 1600);
    const byUrl = ask([{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }]);
    expect(estimateTokens(byUrl).input_tokens).toBe(4 + 1600);
  });

  it('counts 3,000 tokens per PDF page, the pages read from the file', () => {
    const pdf = Buffer.from('%PDF-1.7 /Type /Pages /Type /Page x /Type/Page y /Type /Page').toString('base64');
    const body = ask([{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf } }]);
    expect(estimateTokens(body).input_tokens).toBe(4 + 3 * 3000);
  });

  it('leaves earlier thinking out, and counts tool calls and results', () => {
    const body = {
      model: 'route',
      messages: [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'a'.repeat(7000), signature: 's' },
            { type: 'tool_use', id: 't', name: 'run', input: { a: 1 } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'done' }] },
      ],
    };
    const expected = 3 * 4 + 2 / 3.5 + ('run' + '{"a":1}').length / 3.5 + 4 / 3.5;
    expect(estimateTokens(body).input_tokens).toBe(Math.ceil(expected));
  });
});

describe('reading an image size from its header', () => {
  it('reads PNG, GIF, WebP and JPEG', () => {
    expect(imageSize(Buffer.from(pngOf(640, 480), 'base64'))).toEqual({ width: 640, height: 480 });
    const gif = Buffer.from('GIF89a\x40\x01\xf0\x00', 'latin1');
    expect(imageSize(gif)).toEqual({ width: 320, height: 240 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBPVP8X', 8, 'latin1');
    webp.writeUIntLE(799, 24, 3);
    webp.writeUIntLE(599, 27, 3);
    expect(imageSize(webp)).toEqual({ width: 800, height: 600 });
    // A JPEG: an APP0 segment, then the start of frame with height 100 and width 150.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x64, 0x00, 0x96, 0x01, 0x01,
      0x11, 0x00,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 150, height: 100 });
    expect(imageSize(Buffer.from('plain text'))).toBeUndefined();
  });
});
