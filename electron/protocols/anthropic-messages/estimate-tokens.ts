import { imageSize } from './image-size';

/**
 * `/v1/messages/count_tokens` for a target that is not Anthropic: an estimate, never an exact count
 * (the local API marks it so, `x-switchboard-token-count: estimate`). It errs high, as a count is used to stay inside a
 * context window:
 * - text (system, messages, tool inputs and results, tool definitions as JSON): 1 token per 3.5 ASCII
 *   characters, 1 per other character (CJK runs near 1 each);
 * - 4 tokens per message, and 346 for the tool-use instructions Anthropic adds when tools are given;
 * - an image: width × height / 750 after Anthropic's resizing (long side at most 1568 px, at most
 *   1.15 megapixels), its size read from the image's header; 1,600 (the most) when unknown (URLs);
 * - a PDF: 3,000 tokens per page (the top of Anthropic's 1,500–3,000 range, plus the page image is
 *   folded in), pages counted in the file; a PDF by URL counts as one page;
 * - thinking blocks of earlier turns are left out, as Anthropic leaves them out of the context.
 */
export function estimateTokens(body: Record<string, unknown>): { input_tokens: number } {
  let tokens = 0;
  if (body.system !== undefined) tokens += contentTokens(body.system);
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  for (const message of messages) tokens += 4 + contentTokens(message.content);
  const tools = Array.isArray(body.tools) ? body.tools : [];
  if (tools.length > 0) tokens += toolUseInstructions + textTokens(JSON.stringify(tools));
  return { input_tokens: Math.max(1, Math.ceil(tokens)) };
}

const toolUseInstructions = 346;
const largestImage = 1600;
const pdfPageTokens = 3000;

export function textTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const character of text) {
    if (character.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return ascii / 3.5 + other;
}

function contentTokens(content: unknown): number {
  if (typeof content === 'string') return textTokens(content);
  if (!Array.isArray(content)) return 0;
  return content.reduce((sum: number, block) => sum + blockTokens(block as Record<string, unknown>), 0);
}

function blockTokens(block: Record<string, unknown>): number {
  const source = (block.source ?? {}) as Record<string, unknown>;
  switch (block.type) {
    case 'text':
      return textTokens(String(block.text ?? ''));
    case 'image':
      return source.type === 'base64' ? imageTokens(String(source.data ?? '')) : largestImage;
    case 'document':
      if (source.type === 'base64') return pdfPageTokens * pdfPages(String(source.data ?? ''));
      if (source.type === 'text') return textTokens(String(source.data ?? ''));
      if (source.type === 'content') return contentTokens(source.content);
      return pdfPageTokens;
    case 'tool_use':
      return textTokens(String(block.name ?? '') + JSON.stringify(block.input ?? {}));
    case 'tool_result':
      return contentTokens(block.content);
    case 'thinking':
    case 'redacted_thinking':
      return 0;
    default:
      return textTokens(JSON.stringify(block));
  }
}

function imageTokens(base64: string): number {
  // The header is near the start: decode only the first 64 KiB.
  const size = imageSize(Buffer.from(base64.slice(0, 87_384), 'base64'));
  if (!size || size.width <= 0 || size.height <= 0) return largestImage;
  let { width, height } = size;
  const scale = Math.min(1, 1568 / Math.max(width, height), Math.sqrt(1_150_000 / (width * height)));
  width = Math.round(width * scale);
  height = Math.round(height * scale);
  return Math.min(largestImage, Math.ceil((width * height) / 750));
}

function pdfPages(base64: string): number {
  const text = Buffer.from(base64, 'base64').toString('latin1');
  return Math.max(1, text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0);
}
