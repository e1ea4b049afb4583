// Lets the project's Node run this repo's TypeScript directly in a child process: the sources import
// siblings without an extension and folders by their index, as the bundler allows.
import { registerHooks } from 'node:module';

const unresolved = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT']);

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!unresolved.has(error?.code) || !/^\.\.?\//.test(specifier)) throw error;
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        return nextResolve(`${specifier}/index.ts`, context);
      }
    }
  },
});
