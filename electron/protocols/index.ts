import type { ClientProtocol, ProtocolCodec } from './types';

/** The codec of each client protocol the local API speaks. */
export type CodecRegistry = Partial<Record<ClientProtocol, ProtocolCodec>>;

/** Filled as each protocol's codec lands. */
export const protocolCodecs: CodecRegistry = {};
