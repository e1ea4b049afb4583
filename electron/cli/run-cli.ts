import { SwitchboardError } from '../../shared/errors/codes';
import { resolveDataDir } from '../core/paths';
import { describeArgumentError } from './argument-error';
import { runKeys } from './keys-command';
import { runServe } from './serve-command';
import { runTelemetry } from './telemetry-command';
import { runUsage } from './usage-command';

const usage = `Usage: switchboard <command>

  serve [--port N] [--json] [--new-token]   browser mode and the local OpenAI-compatible API on 127.0.0.1
                                            (port 4141 unless told; 0 picks a free one)
  keys set <endpoint-id>                    store a key in the OS keychain (read from stdin)
  keys list                                 endpoints with a key (last four characters only)
  keys remove <endpoint-id>                 delete a key from the OS keychain
  telemetry show                            the OpenTelemetry collector and whether its headers are set
  telemetry headers set|remove              keep the collector's headers ("Name: value" lines on stdin)
                                            in the OS keychain, or delete them
  usage [--since DATE] [--until DATE] [--source app|api] [--status ok|error|cancelled|interrupted]
        [--model ID] [--endpoint ID] [--route NAME] [--by model] [--format table|csv|json] [--limit N]
                                            the call history, or what each model cost; DATE is
                                            2026-11-01 (midnight UTC) or 2026-11-01T10:00:00+02:00

Data directory: ${'$'}SWITCHBOARD_HOME, else the app's data folder.`;

/** The CLI: every failure is one clear line on stderr and a non-zero exit. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const dataDir = resolveDataDir();
  try {
    switch (command) {
      case 'serve':
        return await runServe(dataDir, rest);
      case 'keys':
        return await runKeys(dataDir, rest);
      case 'usage':
        return await runUsage(dataDir, rest);
      case 'telemetry':
        return await runTelemetry(dataDir, rest);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${usage}\n`);
        return command === undefined ? 1 : 0;
      default:
        throw new SwitchboardError('INVALID_INPUT', `unknown command "${command}"; run \`switchboard --help\``);
    }
  } catch (error) {
    const message = describeArgumentError(error, command) ?? (error instanceof Error ? error.message : String(error));
    // One line, whatever the error: a config report lists its problems separated by "; ".
    process.stderr.write(
      `switchboard: ${message
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('; ')
        .replaceAll(':;', ':')}\n`,
    );
    return 1;
  }
}
