/** `{{name}}`: letters, digits, `_`, `-` and `.`, spaces inside the braces allowed. */
const variablePattern = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The variables a prompt uses, each once, in the order they first appear. */
export function templateVariables(...parts: string[]): string[] {
  const names: string[] = [];
  for (const part of parts) {
    for (const match of part.matchAll(variablePattern)) {
      if (!names.includes(match[1]!)) names.push(match[1]!);
    }
  }
  return names;
}

/** The text with each `{{name}}` replaced by its value; a variable without a value becomes empty. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(variablePattern, (_, name: string) => values[name] ?? '');
}

/** The variables of a whole prompt: its system part, its messages in order, then its user part. */
export function promptVariables(prompt: { system: string; messages?: { content: string }[]; user: string }): string[] {
  return templateVariables(prompt.system, ...(prompt.messages ?? []).map((message) => message.content), prompt.user);
}
