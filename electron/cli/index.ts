import { main } from './run-cli';

// `serve` keeps running on its open server after main returns.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
