import type { TranslatedCall, TranslationTarget } from '../types';
import { ProviderOptions } from './provider-options';
import { applyRequestFields } from './request-fields';
import { createScope } from './target-family';
import { translateInput } from './translate-input';
import { translateToolChoice, translateTools } from './translate-tools';

type Tool = Record<string, unknown> & { type: string };
type Item = Record<string, unknown> & { type?: string };

/**
 * A Responses request (already read by `readResponsesRequest`) as the AI SDK's neutral call for a target of
 * another protocol. Throws UnsupportedFieldError for the first field that target cannot honour.
 */
export function translateResponsesRequest(body: Record<string, unknown>, target: TranslationTarget): TranslatedCall {
  const scope = createScope(target);
  const call: TranslatedCall = {
    prompt: translateInput(
      body.instructions as string | null | undefined,
      body.input as string | Item[] | undefined,
      scope,
    ),
  };
  const options = new ProviderOptions(scope);
  applyRequestFields({ body, scope, call, options });

  const tools = translateTools((body.tools as Tool[] | null | undefined) ?? [], scope);
  if (body.tool_choice !== undefined && body.tool_choice !== null) {
    const chosen = translateToolChoice(body.tool_choice, tools, scope);
    call.toolChoice = chosen.toolChoice;
    if (chosen.tools.length > 0) call.tools = chosen.tools;
  } else if (tools.length > 0) {
    call.tools = tools;
  }
  const providerOptions = options.build();
  if (providerOptions) call.providerOptions = providerOptions;
  return call;
}
