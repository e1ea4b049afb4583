import type { ProtocolCodec } from '../types';
import { toResponsesErrorResponse } from './error-response';
import { readResponsesRequest } from './request-schema';
import { createResponsesStreamEncoder, toResponsesBody } from './stream-encoder';
import { translateResponsesRequest } from './translate-request';

/** OpenAI's Responses API (`POST /v1/responses`): Codex CLI, `@ai-sdk/openai`'s default model, LangChain. */
export const openAIResponsesCodec: ProtocolCodec = {
  protocol: 'openai-responses',
  readRequest: readResponsesRequest,
  translate: translateResponsesRequest,
  createStreamEncoder: createResponsesStreamEncoder,
  toResponseBody: toResponsesBody,
  toErrorResponse: toResponsesErrorResponse,
};
