import type { EndpointConfig } from '../../shared/types/config';
import type { Capability } from '../../shared/types/usage';
import type { CallRequest, ResolvedTarget } from '../gateway/types';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const typeOf = (value: unknown) => (isObject(value) ? value.type : undefined);

const imageParts = new Set(['image_url', 'image', 'input_image']);

/** Whether any message (or Responses input item) carries an image, in whichever protocol's shape. */
function hasImage(items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  for (const item of items) {
    if (!isObject(item)) continue;
    if (imageParts.has(item.type as string)) return true;
    const content = item.content;
    if (Array.isArray(content) && content.some((part) => imageParts.has(typeOf(part) as string))) return true;
  }
  return false;
}

/** Whether the body asks for an answer following a JSON schema, in its protocol's field. */
function wantsSchema(body: Json): boolean {
  if (typeOf(body.response_format) === 'json_schema') return true;
  if (isObject(body.text) && typeOf(body.text.format) === 'json_schema') return true;
  if (typeOf(body.output_format) === 'json_schema') return true;
  return isObject(body.output_config) && typeOf(body.output_config.format) === 'json_schema';
}

/** What a request needs of a target beyond text: tools, images, a structured (JSON schema) answer. */
export function requestNeeds(request: CallRequest): Capability[] {
  const needs: Capability[] = [];
  if (request.api) {
    const body = request.api.body;
    const tools = body.tools ?? body.functions;
    if (Array.isArray(tools) && tools.length > 0) needs.push('tools');
    if (hasImage(body.messages) || hasImage(body.input)) needs.push('images');
    if (wantsSchema(body)) needs.push('structured-output');
    return needs;
  }
  if (request.messages.some((message) => (message.attachments?.length ?? 0) > 0)) needs.push('images');
  return needs;
}

const configKeys: Record<Capability, 'tools' | 'images' | 'structuredOutput'> = {
  tools: 'tools',
  images: 'images',
  'structured-output': 'structuredOutput',
};

/**
 * What a target is known to lack of `needs`: from the endpoint's `capabilities` in config (the model's own
 * entry, else `"*"`). The bundled catalog does not say, so what nobody says is assumed capable.
 */
export function missingCapabilities(resolved: ResolvedTarget, needs: readonly Capability[]): Capability[] {
  const own: EndpointConfig['capabilities'] = resolved.endpoint.capabilities;
  if (!own || needs.length === 0) return [];
  const facts = Object.hasOwn(own, resolved.model) ? own[resolved.model] : own['*'];
  if (!facts) return [];
  return needs.filter((need) => facts[configKeys[need]] === false);
}
