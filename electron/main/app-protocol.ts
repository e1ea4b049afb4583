import { net, protocol } from 'electron';
import { answerAppRequest } from './answer-app-request';
import { appScheme } from './app-url';

/** Must run before the app is ready: app:// behaves like a secure standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app:// with the CSP header, refusing paths outside it. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, (request) =>
    answerAppRequest(request.url, rendererRoot, { fetchFile: (fileUrl) => net.fetch(fileUrl) }),
  );
}
