/** What the window shows when its page did not load: the problem and what to do, never a blank or hidden window. */
export interface LoadFailure {
  problem: string;
  fix: string;
}

/** Says why the app's page did not load; the dev server gets its own fix. */
export function describeLoadFailure(url: string, error: unknown, options: { devServerUrl?: string } = {}): LoadFailure {
  const reason = error instanceof Error ? error.message : String(error);
  if (options.devServerUrl && url.startsWith(options.devServerUrl)) {
    return {
      problem: `The development server at ${options.devServerUrl} did not answer (${reason}).`,
      fix: 'Start it with `npm run dev`, or unset ELECTRON_RENDERER_URL to use the built app.',
    };
  }
  return {
    problem: `Switchboard's window could not load ${url} (${reason}).`,
    fix: 'Its files are missing or damaged: reinstall Switchboard (your history and keys are kept). If it happens again, start it from a terminal and report what it prints.',
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A self-contained page (no script, no remote content) that shows a load failure, as a data: URL. */
export function loadFailurePage(failure: LoadFailure): string {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<title>Switchboard could not open</title>' +
    '<style>body{font:15px system-ui,sans-serif;margin:3rem;max-width:40rem;line-height:1.5}</style></head>' +
    `<body><main><h1>Switchboard could not open</h1><p>${escapeHtml(failure.problem)}</p>` +
    `<p>${escapeHtml(failure.fix)}</p></main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
