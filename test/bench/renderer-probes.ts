// What the renderer bench measures inside the page: frames, long tasks and main-thread busy time while panes
// stream, a conversation's open time, and each keystroke's work. Everything runs in Chromium, read through CDP.
import type { CDPSession, Locator, Page } from 'playwright-core';

export interface FrameFigures {
  wallMs: number;
  frames: number;
  longestGapMs: number;
  p95GapMs: number;
  gapsOver50Ms: number;
  /** Frames a 60 Hz display would have shown but the page did not draw. */
  droppedFrames: number;
  longTasks: number;
  longestTaskMs: number;
  /** Share of the wall time the renderer's main thread ran tasks (CDP's TaskDuration). */
  busyShare: number;
}

type Probe = { frameTimes: number[]; longTasks: number[]; isMeasuring: boolean };

/** Starts counting frames (rAF timestamps) and long tasks; `stopFrames` reads them. */
export async function startFrames(page: Page, cdp: CDPSession): Promise<() => Promise<FrameFigures>> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  };
  await page.evaluate(() => {
    const probe = window as unknown as Probe;
    probe.frameTimes = [];
    probe.longTasks = [];
    probe.isMeasuring = true;
    new PerformanceObserver((list) => {
      if (probe.isMeasuring) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const tick = (now: number) => {
      probe.frameTimes.push(now);
      if (probe.isMeasuring) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const busyBefore = await taskSeconds();
  const wallBefore = performance.now();
  return async () => {
    const { frameTimes, longTasks } = await page.evaluate(() => {
      const probe = window as unknown as Probe;
      probe.isMeasuring = false;
      return { frameTimes: probe.frameTimes, longTasks: probe.longTasks };
    });
    const busyMs = ((await taskSeconds()) - busyBefore) * 1000;
    const wallMs = performance.now() - wallBefore;
    const gaps = frameTimes.slice(1).map((time, index) => time - frameTimes[index]!);
    const sorted = [...gaps].sort((a, b) => a - b);
    return {
      wallMs,
      frames: frameTimes.length,
      longestGapMs: sorted.at(-1) ?? 0,
      p95GapMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      gapsOver50Ms: gaps.filter((gap) => gap > 50).length,
      droppedFrames: gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / (1000 / 60)) - 1), 0),
      longTasks: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks),
      busyShare: busyMs / wallMs,
    };
  };
}

/**
 * Clicks `button` in the page and waits, frame by frame, until `text` is in the conversation: the time from the
 * click to the frame that draws it.
 */
export function timeOpen(button: Locator, text: string): Promise<number> {
  return button.evaluate(
    (element, wanted) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        (element as HTMLElement).click();
        const check = () => {
          const transcript = document.querySelector('[aria-label="Conversation"]');
          if (transcript?.textContent?.includes(wanted)) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    text,
  );
}

type KeyProbe = { keystrokeMs: number[]; pressedAt: number };

/**
 * Times each keystroke's work in the page: from the key event's timestamp to the end of every handler and
 * React's commit for it, with the layout it causes (a microtask queued by the last `input` listener, after
 * reading the field's box). Event Timing is not used: its durations include the wait for the next paint.
 */
export async function watchKeystrokes(page: Page, field: Locator): Promise<void> {
  await field.evaluate((element) => {
    const probe = window as unknown as KeyProbe;
    probe.keystrokeMs = [];
    window.addEventListener('keydown', (event) => (probe.pressedAt = event.timeStamp), true);
    window.addEventListener('input', () =>
      queueMicrotask(() => {
        element.getBoundingClientRect();
        probe.keystrokeMs.push(performance.now() - probe.pressedAt);
      }),
    );
  });
}

export const readKeystrokes = (page: Page) =>
  page.evaluate(() => {
    const { keystrokeMs } = window as unknown as KeyProbe;
    return { keystrokeMs };
  });
