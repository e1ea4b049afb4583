import type { JSONObject, JSONValue, SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { TranslationScope } from './target-family';

/**
 * Provider options of a translated call, under the name each AI SDK provider reads. The OpenAI-compatible
 * provider is named after the endpoint (electron/providers/language-model.ts) and sends the options under
 * that name as body fields, which is how Chat Completions fields of the same meaning reach it.
 */
export class ProviderOptions {
  private readonly values: Record<string, JSONObject> = {};

  constructor(private readonly scope: TranslationScope) {}

  private namespace(): string {
    const { family, target } = this.scope;
    // The other providers read their options under their own name.
    if (family === 'chat') return target.target.slice(0, target.target.indexOf('/'));
    return family;
  }

  set(key: string, value: JSONValue) {
    const namespace = this.namespace();
    this.values[namespace] = { ...this.values[namespace], [key]: value };
  }

  get(key: string): JSONValue | undefined {
    return this.values[this.namespace()]?.[key];
  }

  /** Undefined when there are none, so the call carries no empty object. */
  build(): SharedV4ProviderOptions | undefined {
    return Object.keys(this.values).length > 0 ? this.values : undefined;
  }
}
