// Runs `switchboard <args>` at a terminal (under util-linux `script`) and, when the key prompt is
// written, asks the terminal itself (`stty -a`) whether echo is still on. Nothing is replaced: the
// prompt goes on to the screen as written, and the command runs as the CLI runs it.
import { execFileSync } from 'node:child_process';
import { main } from '../../electron/cli/run-cli';

const write = process.stderr.write.bind(process.stderr) as (chunk: string | Uint8Array) => boolean;
let echoAtPrompt = 'no prompt';
process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  if (echoAtPrompt === 'no prompt' && String(chunk).includes('it is not shown')) {
    const settings = execFileSync('stty', ['-a'], { stdio: [0, 'pipe', 'pipe'], encoding: 'utf8' });
    echoAtPrompt = /(^|\s)-echo(\s|;|$)/m.test(settings) ? 'off' : 'on';
  }
  return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stderr.write;

const code = await main(process.argv.slice(2));
write(`[echo when the prompt was shown: ${echoAtPrompt}]\n`);
process.exitCode = code;
