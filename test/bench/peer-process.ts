// Runs the fake provider or the bare proxy in a process of its own, so neither shares the bench's event loop.
// Prints its URL on the first line, then serves until stdin closes.
import { startBareProxy, startUpstream } from './hot-path-peers';

const [kind, upstream] = process.argv.slice(2);
const peer = kind === 'proxy' ? await startBareProxy(upstream!) : await startUpstream();
process.stdout.write(`${peer.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void peer.close().then(() => process.exit(0)));
