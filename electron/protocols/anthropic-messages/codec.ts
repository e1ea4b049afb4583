import type { ProtocolCodec } from '../types';
import { toMessagesErrorResponse } from './error-response';
import { estimateTokens } from './estimate-tokens';
import { readMessagesRequest } from './request-schema';
import { toMessagesResponseBody } from './response-body';
import { createMessagesStreamEncoder } from './stream-encoder';
import { translateMessagesRequest } from './translate-request';

/** Anthropic's Messages API (`POST /v1/messages`) as the local API speaks it. */
export const anthropicMessagesCodec: ProtocolCodec = {
  protocol: 'anthropic',
  readRequest: readMessagesRequest,
  translate: translateMessagesRequest,
  createStreamEncoder: createMessagesStreamEncoder,
  toResponseBody: toMessagesResponseBody,
  toErrorResponse: toMessagesErrorResponse,
  countTokens: (body) => estimateTokens(body).input_tokens,
};
