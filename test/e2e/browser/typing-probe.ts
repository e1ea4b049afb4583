import type { Page } from '@playwright/test';

type Probe = { keystrokeMs: number[]; transcriptMutations: number };

/**
 * Watches typing in Chat: how long each keystroke's handlers took (Event Timing, reported), and every change to
 * the conversation's DOM (typing must leave it alone: the transcript does not render for the composer).
 */
export async function watchTyping(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window as unknown as Probe;
    probe.keystrokeMs = [];
    probe.transcriptMutations = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(entry.name)) {
          probe.keystrokeMs.push(entry.processingEnd - entry.processingStart);
        }
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    new MutationObserver((records) => (probe.transcriptMutations += records.length)).observe(
      document.querySelector('.transcript-scroll')!,
      { childList: true, subtree: true, characterData: true, attributes: true },
    );
  });
}

/** Types into the focused composer; what was still drawing before the first key is not counted. */
export async function typeWatched(page: Page, text: string): Promise<Probe> {
  await page.evaluate(() => ((window as unknown as Probe).transcriptMutations = 0));
  await page.keyboard.type(text, { delay: 15 });
  return page.evaluate(() => {
    const { keystrokeMs, transcriptMutations } = window as unknown as Probe;
    return { keystrokeMs, transcriptMutations };
  });
}
