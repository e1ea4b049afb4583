import { anthropicMessagesCodec } from './anthropic-messages';
import { openAIChatCodec } from './openai-chat';
import { openAIResponsesCodec } from './openai-responses';
import type { ClientProtocol, ProtocolCodec } from './types';

/** The codec of each client protocol the local API speaks. */
export type CodecRegistry = Record<ClientProtocol, ProtocolCodec>;

/** Every protocol of the local API; Messages also estimates `count_tokens` for targets other than Anthropic. */
export const protocolCodecs: CodecRegistry = {
  'openai-chat': openAIChatCodec,
  anthropic: anthropicMessagesCodec,
  'openai-responses': openAIResponsesCodec,
};
