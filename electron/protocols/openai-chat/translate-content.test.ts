import { describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { UnsupportedFieldError } from '../types';
import { openAIChatCodec } from './index';

const targets: Record<'openai' | 'anthropic' | 'google', string> = {
  openai: 'work/gpt-5-mini',
  anthropic: 'claude/claude-sonnet-4-5',
  google: 'gemini/gemini-2.5-flash',
};
const translate = (messages: unknown[], kind: keyof typeof targets, extra: Record<string, unknown> = {}) =>
  openAIChatCodec.translate({ model: 'm', messages, ...extra }, { target: targets[kind], kind: kind as EndpointKind });

function refusal(run: () => unknown): UnsupportedFieldError {
  try {
    run();
  } catch (error) {
    if (error instanceof UnsupportedFieldError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const pdf = 'JVBERi0xLjQK';

describe('user content parts: images, audio and files', () => {
  const user = (...parts: unknown[]) => [{ role: 'user', content: parts }];

  it('sends a data: image inline and an https image by URL', () => {
    for (const kind of ['openai', 'anthropic'] as const) {
      const prompt = translate(
        user(
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'auto' } },
          { type: 'image_url', image_url: { url: 'https://example.com/render?id=7' } },
        ),
        kind,
      ).prompt;
      expect(prompt[0]!.content).toEqual([
        { type: 'text', text: 'What is in these?' },
        { type: 'file', mediaType: 'image/png', data: { type: 'data', data: png } },
        { type: 'file', mediaType: 'image/jpeg', data: { type: 'url', url: new URL('https://example.com/cat.jpg') } },
        { type: 'file', mediaType: 'image', data: { type: 'url', url: new URL('https://example.com/render?id=7') } },
      ]);
    }
  });

  it('sends an https image to Gemini 2.5 when its type shows, and refuses what Gemini cannot fetch', () => {
    const ok = translate(user({ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }), 'google');
    expect(ok.prompt[0]!.content[0]).toMatchObject({ mediaType: 'image/png', data: { type: 'url' } });
    const untyped = user({ type: 'image_url', image_url: { url: 'https://example.com/render?id=7' } });
    expect(refusal(() => translate(untyped, 'google')).field).toBe('messages[0].content[0].image_url.url');
    const onGemini20 = () =>
      openAIChatCodec.translate(
        { model: 'm', messages: user({ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }) },
        { target: 'gemini/gemini-2.0-flash', kind: 'google' },
      );
    expect(refusal(onGemini20).message).toContain('data: URL');
    const gif = user({ type: 'image_url', image_url: { url: 'https://example.com/cat.gif' } });
    expect(refusal(() => translate(gif, 'google')).field).toBe('messages[0].content[0].image_url.url');
  });

  it('refuses image URLs that cannot be fetched or are no image', () => {
    const file = user({ type: 'image_url', image_url: { url: 'file:///etc/passwd' } });
    expect(refusal(() => translate(file, 'openai')).message).toContain('file:');
    const text = user({ type: 'image_url', image_url: { url: 'data:text/plain;base64,aGk=' } });
    expect(refusal(() => translate(text, 'openai')).message).toContain('not an image');
  });

  it('sends image detail to OpenAI and refuses it elsewhere', () => {
    const low = user({ type: 'image_url', image_url: { url: `data:image/png;base64,${png}`, detail: 'low' } });
    expect(translate(low, 'openai').prompt[0]!.content[0]).toMatchObject({
      providerOptions: { openai: { imageDetail: 'low' } },
    });
    expect(refusal(() => translate(low, 'anthropic')).field).toBe('messages[0].content[0].image_url.detail');
  });

  it('sends audio to Gemini and refuses it where the provider takes none', () => {
    const audio = user({ type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } });
    expect(translate(audio, 'google').prompt[0]!.content[0]).toEqual({
      type: 'file',
      mediaType: 'audio/wav',
      data: { type: 'data', data: 'UklGRg==' },
    });
    expect(refusal(() => translate(audio, 'openai')).field).toBe('messages[0].content[0]');
    expect(refusal(() => translate(audio, 'anthropic')).message).toContain('no audio');
  });

  it('sends PDFs everywhere, an OpenAI file id only to OpenAI, and refuses types a provider does not read', () => {
    const document = user({
      type: 'file',
      file: { filename: 'a.pdf', file_data: `data:application/pdf;base64,${pdf}` },
    });
    for (const kind of ['openai', 'anthropic', 'google'] as const) {
      expect(translate(document, kind).prompt[0]!.content[0]).toEqual({
        type: 'file',
        mediaType: 'application/pdf',
        filename: 'a.pdf',
        data: { type: 'data', data: pdf },
      });
    }
    const uploaded = user({ type: 'file', file: { file_id: 'file-abc' } });
    expect(translate(uploaded, 'openai').prompt[0]!.content[0]).toMatchObject({
      data: { type: 'reference', reference: { openai: 'file-abc' } },
    });
    expect(refusal(() => translate(uploaded, 'google')).field).toBe('messages[0].content[0].file.file_id');
    const csv = user({ type: 'file', file: { file_data: 'data:text/csv;base64,YSxi' } });
    expect(refusal(() => translate(csv, 'anthropic')).message).toContain('text/csv');
    expect(translate(csv, 'google').prompt[0]!.content[0]).toMatchObject({ mediaType: 'text/csv' });
    const raw = user({ type: 'file', file: { file_data: pdf } });
    expect(refusal(() => translate(raw, 'openai')).message).toContain('data: URL');
  });

  it('carries cache markers to the provider that reads them and refuses them elsewhere', () => {
    const marked = user({ type: 'text', text: 'long context', cache_control: { type: 'ephemeral' } });
    expect(translate(marked, 'anthropic').prompt[0]!.content[0]).toEqual({
      type: 'text',
      text: 'long context',
      providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
    });
    expect(refusal(() => translate(marked, 'openai')).field).toBe('messages[0].content[0].cache_control');
    const breakpoint = user({ type: 'text', text: 'prefix', prompt_cache_breakpoint: { mode: 'explicit' } });
    expect(translate(breakpoint, 'openai').prompt[0]!.content[0]).toMatchObject({
      providerOptions: { openai: { promptCacheBreakpoint: { mode: 'explicit' } } },
    });
    expect(refusal(() => translate(breakpoint, 'google')).field).toBe('messages[0].content[0].prompt_cache_breakpoint');
  });

  it('refuses part types a user message cannot carry', () => {
    expect(refusal(() => translate(user({ type: 'video_url', url: 'x' }), 'google')).field).toBe(
      'messages[0].content[0]',
    );
    const systemImage = [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://a/b.png' } }] }];
    expect(refusal(() => translate(systemImage, 'openai')).field).toBe('messages[0].content[0]');
  });
});
