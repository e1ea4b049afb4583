export { anthropicMessagesCodec } from './codec';
export { estimateTokens } from './estimate-tokens';
export { readCountTokensRequest } from './request-schema';
export { messagesFieldRules } from './translate-request';
