// The hand-written parts of docs/local-api-fields.md: what the generated cells cannot say by themselves.
import type { ClientProtocol } from '../../electron/protocols/types';

export const generalNotes = [
  'Each protocol of the local API reaches a target on one of two paths:',
  '',
  "- **Pass-through**, when the target's wire format is the client's protocol: the body goes to the provider as",
  "  the client sent it, with only `model` rewritten to the target's model, so every field reaches the provider,",
  '  including ones Switchboard has never heard of. The provider judges them.',
  "- **Translated**, otherwise: the codec turns the body into the AI SDK's neutral call and the target's AI SDK",
  '  provider sends it. Each cell below is computed by doing exactly that with the sample value shown: `→ x` lists',
  "  the fields of the provider's request body that the sample changes (compared with the same request",
  '  without it); **400** is the refusal the client gets, naming the field and the target, before anything is',
  '  sent. A setting the AI SDK itself says it would drop is refused the same way. Nothing is dropped silently.',
  '',
  'A field a protocol does not list here is refused by name on every translated target. Outcomes can depend on',
  'the value (`n: 1` is accepted, `n: 2` refused) and on the model (reasoning models take no `temperature` at',
  'OpenAI): the sample value and model of each cell are the ones shown.',
];

export const fieldNotes: Record<ClientProtocol, string[]> = {
  'openai-chat': [
    "`model` names the route or target; the provider gets the target's model on every path. `stream` and " +
      '`stream_options.include_usage` decide how Switchboard answers the client; translated targets always stream.',
    '`max_tokens` and `max_completion_tokens`: when both are sent, `max_completion_tokens` wins.',
  ],
  anthropic: [
    '`model` and `stream` are read by Switchboard (as for Chat Completions); `system` is translated with ' +
      '`messages`. Null, `false` and empty lists or objects count as absent. Inside content blocks and tools, ' +
      'every key is either translated or refused by its path (`messages.0.content.1.cache_control`).',
  ],
  'openai-responses': [
    '`model`, `stream` and `stream_options` are read by Switchboard. A translated answer is never stored ' +
      '(`store` is echoed as false; `metadata` is echoed on the Response): send the whole conversation in ' +
      '`input`, as Codex does. `include`, `max_tool_calls` and `prompt_cache_key` have nothing to send to a ' +
      'translated target; values it cannot honour (`include: ["message.output_text.logprobs"]`) are refused.',
  ],
};
