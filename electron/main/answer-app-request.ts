import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { appCsp, resolveAppRequest } from './app-url';

/** What serving a renderer file needs from the outside; Electron's `net.fetch` reads the file in the app. */
export interface AppFileEffects {
  fetchFile(fileUrl: string): Promise<Response>;
  isFile?(path: string): Promise<boolean>;
  log?(line: string): void;
}

const isRegularFile = (path: string) =>
  stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );

const refusal = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': appCsp },
  });

/**
 * Answers one app:// request with a renderer file under the app's CSP. Never throws: a malformed URL is a 400,
 * a file that is not there (or a folder) a 404, a file that cannot be read a 500, each logged.
 */
export async function answerAppRequest(
  requestUrl: string,
  rendererRoot: string,
  effects: AppFileEffects,
): Promise<Response> {
  const { isFile = isRegularFile, log = (line: string) => console.warn(`switchboard: ${line}`) } = effects;
  const request = resolveAppRequest(requestUrl, rendererRoot);
  if ('status' in request) {
    log(`app:// refused (${request.status}): ${request.reason}`);
    return refusal(request.status, request.status === 400 ? 'Bad request' : 'Not found');
  }
  if (!(await isFile(request.file))) {
    log(`app:// has no file ${request.file}`);
    return refusal(404, 'Not found');
  }
  try {
    const response = await effects.fetchFile(pathToFileURL(request.file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', appCsp);
    return new Response(response.body, { status: response.status, headers });
  } catch (error) {
    log(`app:// could not read ${request.file}: ${(error as Error).message}`);
    return refusal(500, 'Could not read the file');
  }
}
