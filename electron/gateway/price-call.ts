import { cutShortUsage } from '../catalog/estimate-usage';
import type { PriceCall } from '../catalog/types';
import type { ChatMessage } from '../../shared/types/chat';
import type { CallState } from './call-state';
import type { ResolvedTarget } from './types';

/** Prices a finished call from the usage its provider reported at the end. */
export function priceFinished(price: PriceCall, resolved: ResolvedTarget, state: CallState): void {
  if (state.usage === null) {
    if (state.providerCostUSD !== undefined) {
      state.costUSD = state.providerCostUSD;
      state.costSource = 'provider';
    }
    return;
  }
  const result = price({
    endpointKind: resolved.endpoint.kind,
    baseURL: resolved.endpoint.baseURL,
    model: resolved.model,
    servedModel: state.servedModel,
    usage: state.usage,
    configPrices: resolved.endpoint.prices,
    providerCostUSD: state.providerCostUSD,
  });
  state.costUSD = result.costUSD;
  state.costSource = result.source;
}

/**
 * Prices a call cut short (cancelled, interrupted): the provider bills what it sent even so. From
 * the counts the provider reported so far, else estimated from the text, with cost source
 * `estimate`. A call that got neither text nor counts stays unpriced.
 */
export function priceCutShort(price: PriceCall, state: CallState): void {
  const resolved = state.serving;
  if (resolved === null) return;
  const cut = cutShortUsage(promptOf(state), state.answerBytes, state.reportedUsage);
  if (cut === null) return;
  state.target ??= resolved.target;
  state.usage = cut.usage;
  const result = price({
    endpointKind: resolved.endpoint.kind,
    baseURL: resolved.endpoint.baseURL,
    model: resolved.model,
    servedModel: state.servedModel,
    usage: cut.usage,
    configPrices: resolved.endpoint.prices,
  });
  state.costUSD = result.costUSD;
  state.costSource = cut.isEstimated ? 'estimate' : result.source;
}

/** The prompt to estimate from: a local API call's whole body (tools and schemas are billed input too). */
function promptOf(state: CallState): ChatMessage[] {
  const { api, messages } = state.request;
  return api ? [{ role: 'user', content: JSON.stringify(api.body) }] : messages;
}
