import { APICallError } from '@ai-sdk/provider';
import { toProviderError } from './to-provider-error';

/**
 * A non-2xx answer to a request Switchboard sent itself (not through the AI SDK), through the same status
 * rules, retry-after reading and key redaction as every provider failure.
 */
export async function httpError(response: Response, url: string, endpointId: string, apiKey: string | undefined) {
  const responseBody = await response.text().catch(() => '');
  const error = new APICallError({
    message: response.statusText || `HTTP ${response.status}`,
    url,
    requestBodyValues: undefined,
    statusCode: response.status,
    responseHeaders: Object.fromEntries(response.headers),
    responseBody,
  });
  return toProviderError(error, endpointId, apiKey);
}
