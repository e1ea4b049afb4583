/* global Headers */
// Preloaded into a peer gateway the bench runs (Portkey's listens on every interface, on a fixed port): every
// server it starts listens on 127.0.0.1, on a free port, and the first one's address is printed as a line.
import net from 'node:net';

const listen = net.Server.prototype.listen;
let isAnnounced = false;
net.Server.prototype.listen = function (...args) {
  const callback = typeof args.at(-1) === 'function' ? args.at(-1) : undefined;
  this.once('listening', () => {
    if (isAnnounced) return;
    isAnnounced = true;
    const { port } = this.address();
    process.stdout.write(`\nbench-peer-url http://127.0.0.1:${port}\n`);
  });
  return listen.call(this, { port: 0, host: '127.0.0.1' }, callback);
};

// Portkey 1.15.2 changes the headers of the provider's fetch response (adds its own, drops content-length),
// which Node's fetch makes immutable: every streamed answer would fail ("immutable"). They are left as they are.
for (const method of ['append', 'set', 'delete']) {
  const original = Headers.prototype[method];
  Headers.prototype[method] = function (...args) {
    try {
      return original.apply(this, args);
    } catch (error) {
      if (error instanceof TypeError && error.message === 'immutable') return undefined;
      throw error;
    }
  };
}
