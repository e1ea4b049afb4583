import { describe, expect, it } from 'vitest';
import { describeLoadFailure, loadFailurePage } from './load-failure';

const pageText = (dataUrl: string) => decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));

describe('a window whose page did not load', () => {
  it('says the installed files are damaged and to reinstall, keeping history and keys', () => {
    const failure = describeLoadFailure(
      'app://switchboard/index.html',
      new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://switchboard/index.html'"),
    );
    expect(failure.problem).toContain('could not load app://switchboard/index.html (ERR_FILE_NOT_FOUND');
    expect(failure.fix).toContain('reinstall Switchboard (your history and keys are kept)');
  });

  it('tells a developer to start the dev server', () => {
    const failure = describeLoadFailure('http://localhost:5173/', new Error('ERR_CONNECTION_REFUSED (-102)'), {
      devServerUrl: 'http://localhost:5173/',
    });
    expect(failure.problem).toContain('did not answer (ERR_CONNECTION_REFUSED');
    expect(failure.fix).toContain('npm run dev');
  });

  it('shows the failure on a page without script, with the text escaped', () => {
    const url = loadFailurePage({ problem: 'could not load <script>alert(1)</script>', fix: 'Reinstall "it" & retry' });
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = pageText(url);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script>');
    expect(html).toContain('could not load &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Reinstall &#34;it&#34; &#38; retry');
    expect(html).toContain('<h1>Switchboard could not open</h1>');
  });
});
