/** One event of a Messages stream, framed as Anthropic frames it: `event: <type>\ndata: <json>\n\n`. */
export function sseEvent(data: { type: string } & Record<string, unknown>): string {
  return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
}
