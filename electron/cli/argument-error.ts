/** A `node:util` parseArgs failure said in one line that names the flag and the fix; undefined for other errors. */
export function describeArgumentError(error: unknown, command: string | undefined): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const message = (error as Error).message;
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  const help = `run \`switchboard --help\` for what ${command ?? 'it'} takes`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${command} has no option "${flag}"; ${help}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `${command} takes no argument "${/'([^']*)'/.exec(message)?.[1]}"; ${help}`;
  }
  if (/does not take an argument/.test(message)) return `${flag} takes no value; write it alone`;
  return `${flag} needs a value (e.g. ${flag} VALUE, or ${flag}=VALUE for one that starts with "-"); ${help}`;
}
