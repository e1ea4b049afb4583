import type { CallPart, ChatMessage } from '../../shared/types/chat';
import type { EndpointConfig } from '../../shared/types/config';
import type { CallSource, UsageRecord } from '../../shared/types/usage';
import type { PriceCall } from '../catalog/types';
import type { StreamTarget } from '../providers/types';

/** One target a model id resolved to. */
export interface ResolvedTarget {
  endpoint: EndpointConfig;
  model: string;
  /** `endpoint-id/model`. */
  target: string;
}

export interface CallRequest {
  /** `endpoint-id/model` or a route name. */
  modelId: string;
  messages: ChatMessage[];
  source: CallSource;
  signal?: AbortSignal;
  conversationId?: string | null;
  maxOutputTokens?: number;
}

export interface GatewayDependencies {
  /** Throws a SwitchboardError naming what exists when the id is unknown. */
  resolve(modelId: string): ResolvedTarget[];
  getKey(endpointId: string): Promise<string | undefined>;
  streamTarget: StreamTarget;
  price: PriceCall;
  /** Persists the usage row; a failure here never breaks the call. */
  record(record: UsageRecord): void;
  now?: () => number;
  newId?: () => string;
}

export interface Gateway {
  /** Streams one routed call; always ends with exactly one `finish` or `error` part. */
  stream(request: CallRequest): AsyncGenerator<CallPart>;
}
