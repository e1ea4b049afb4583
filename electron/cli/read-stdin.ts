/** All of stdin as text; keys come this way so they never appear in argv or shell history. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One line typed at a terminal without echoing it, so a pasted key stays off the screen and out of
 * the scrollback. Enter ends it; Ctrl-C or Ctrl-D with nothing typed gives up with an empty string.
 * Echo goes off before `prompt` is shown: whatever is typed once the prompt is visible stays hidden.
 */
export function readHiddenLine(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  return new Promise((resolve) => {
    let line = '';
    const done = (value: string) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(line);
        if (char === '\u0003' || (char === '\u0004' && line === '')) return done('');
        if (char === '\u007f' || char === '\b') line = line.slice(0, -1);
        else if (char >= ' ') line += char;
      }
    };
    input.setRawMode(true);
    output.write(prompt);
    input.resume();
    input.on('data', onData);
  });
}
