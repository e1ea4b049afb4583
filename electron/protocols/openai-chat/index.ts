import type { ProtocolCodec } from '../types';
import { toChatErrorResponse } from './error-response';
import { readChatRequest } from './read-request';
import { toChatResponseBody } from './response-body';
import { createChatStreamEncoder } from './stream-encoder';
import { translateChatRequest } from './translate';

/** OpenAI's Chat Completions (`POST /v1/chat/completions`) as a client protocol of the local API. */
export const openAIChatCodec: ProtocolCodec = {
  protocol: 'openai-chat',
  readRequest: readChatRequest,
  translate: translateChatRequest,
  createStreamEncoder: createChatStreamEncoder,
  toResponseBody: toChatResponseBody,
  toErrorResponse: toChatErrorResponse,
};

export { requestFields as chatRequestFields } from './request-fields';
export { toOpenAIError } from './error-response';
