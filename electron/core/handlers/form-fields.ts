import { SwitchboardError } from '../../../shared/errors/codes';

/**
 * The same refusal with each field named as the request names it (a config path such as
 * `endpoints.3.baseURL` becomes `endpoint.baseURL`), so a form shows it beside its own field.
 * Fields `rename` returns null for stay as they are.
 */
export function renameFields(error: unknown, rename: (field: string) => string | null): unknown {
  if (!(error instanceof SwitchboardError) || !error.fields) return error;
  const fields = error.fields.map((problem) => ({ ...problem, field: rename(problem.field) ?? problem.field }));
  return new SwitchboardError(error.code, error.message, { cause: error.cause, fields });
}

/** A refusal about one field. */
export function fieldError(error: unknown, field: string): unknown {
  if (!(error instanceof SwitchboardError)) return error;
  return new SwitchboardError(error.code, error.message, { cause: error, fields: [{ field, message: error.message }] });
}

/**
 * `endpoints.<index>.<rest>` as `<prefix><rest>`. An edit changes one endpoint of a config that was valid
 * before it, so a problem under `endpoints` is that endpoint's.
 */
export function endpointField(prefix: string) {
  return (field: string) => {
    const match = /^endpoints\.\d+\.(.+)$/.exec(field);
    return match ? `${prefix}${match[1]}` : null;
  };
}

/** `routes.<name>.<rest>` as `<rest>`, and `routes.<name>` itself as `name`. */
export function routeField(name: string) {
  return (field: string) => {
    if (field === `routes.${name}`) return 'name';
    return field.startsWith(`routes.${name}.`) ? field.slice(`routes.${name}.`.length) : null;
  };
}
