import { describe, expect, it } from 'vitest';
import type { CallPart } from '../../../shared/types/chat';
import { createPartsQueue, nextFrame } from './parts-queue';

const delta = (text: string): CallPart => ({ type: 'text-delta', text });

describe('stream parts held until the next frame', () => {
  it('hands every stream’s batches of one frame over in one call, each stream’s parts in order', () => {
    const frames: (() => void)[] = [];
    const applied: Map<string, CallPart[]>[] = [];
    const queue = createPartsQueue(
      (pending) => applied.push(pending),
      (run) => frames.push(run),
    );
    for (let pane = 1; pane <= 8; pane += 1) queue.push(`pane-${pane}`, [delta(`a${pane}`)]);
    for (let pane = 1; pane <= 8; pane += 1) queue.push(`pane-${pane}`, [delta(`b${pane}`), delta(`c${pane}`)]);
    expect(applied).toHaveLength(0);
    expect(frames).toHaveLength(1);

    frames.shift()!();
    expect(applied).toHaveLength(1);
    expect([...applied[0]!.keys()]).toHaveLength(8);
    expect(applied[0]!.get('pane-3')).toEqual([delta('a3'), delta('b3'), delta('c3')]);

    // The next batch waits for the next frame.
    queue.push('pane-1', [delta('d1')]);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(applied.map((pending) => [...pending.entries()])).toEqual([
      [...applied[0]!.entries()],
      [['pane-1', [delta('d1')]]],
    ]);
  });

  it('applies what it holds at once when asked (the connection was lost), and nothing twice', () => {
    const frames: (() => void)[] = [];
    const applied: Map<string, CallPart[]>[] = [];
    const queue = createPartsQueue(
      (pending) => applied.push(pending),
      (run) => frames.push(run),
    );
    queue.push('pane-1', [delta('a')]);
    queue.flush();
    expect(applied).toHaveLength(1);
    frames.shift()!();
    expect(applied).toHaveLength(1);
  });

  it('waits a frame more for each frame budget the last update went over, so the page keeps drawing', async () => {
    const frames: (() => void)[] = [];
    let clock = 0;
    let costMs = 20;
    const applied: string[][] = [];
    const queue = createPartsQueue(
      (pending) => {
        applied.push([...pending.keys()]);
        clock += costMs;
      },
      (run) => frames.push(run),
      () => clock,
    );
    const nextFrameRuns = () => frames.shift()!();
    queue.push('pane-1', [delta('a')]);
    nextFrameRuns();
    expect(applied).toHaveLength(1);
    await Promise.resolve(); // the update's cost is read after React's render (a microtask)

    // 20 ms is two budgets over: the next parts wait two frames more.
    costMs = 1;
    queue.push('pane-1', [delta('b')]);
    nextFrameRuns();
    nextFrameRuns();
    expect(applied).toHaveLength(1);
    nextFrameRuns();
    expect(applied).toEqual([['pane-1'], ['pane-1']]);
    await Promise.resolve();

    // A cheap update: the next parts come at the next frame again.
    queue.push('pane-1', [delta('d')]);
    nextFrameRuns();
    expect(applied).toHaveLength(3);
    expect(frames).toHaveLength(0);
  });

  it('takes as many streams a frame as the budget holds at the last cost per stream, those waiting longest first', async () => {
    const frames: (() => void)[] = [];
    let clock = 0;
    let costPerStreamMs = 0.25;
    const applied: Map<string, CallPart[]>[] = [];
    const queue = createPartsQueue(
      (pending) => {
        applied.push(pending);
        clock += costPerStreamMs * pending.size;
      },
      (run) => frames.push(run),
      () => clock,
    );
    const nextFrameRuns = async () => {
      frames.shift()!();
      await Promise.resolve(); // the update's cost is read after React's render (a microtask)
    };
    // Cheap streams: all 8 in one frame.
    for (let pane = 1; pane <= 8; pane += 1) queue.push(`pane-${pane}`, [delta('a')]);
    await nextFrameRuns();
    expect([...applied[0]!.keys()]).toHaveLength(8);

    // Each stream now costs 1 ms: two fit in the 2 ms budget, the others wait their turn, in the order they came.
    costPerStreamMs = 1;
    for (let pane = 1; pane <= 8; pane += 1) queue.push(`pane-${pane}`, [delta('b')]);
    await nextFrameRuns();
    expect([...applied[1]!.keys()]).toHaveLength(8); // the cost per stream is known after this update
    for (let pane = 1; pane <= 4; pane += 1) queue.push(`pane-${pane}`, [delta('c')]);
    queue.push('pane-1', [delta('d')]);
    // 8 ms went over the 8 ms frame budget once: a frame more without an update.
    for (let frame = 0; frame < 1; frame += 1) await nextFrameRuns();
    expect(applied).toHaveLength(2);
    await nextFrameRuns();
    expect([...applied[2]!.entries()]).toEqual([
      ['pane-1', [delta('c'), delta('d')]],
      ['pane-2', [delta('c')]],
    ]);
    queue.push('pane-1', [delta('e')]);
    await nextFrameRuns();
    await nextFrameRuns();
    expect(applied.slice(3).map((pending) => [...pending.keys()])).toEqual([['pane-3', 'pane-4'], ['pane-1']]);
    expect(frames).toHaveLength(0);
  });

  it('runs without animation frames (a hidden window gets none) after its fallback time', async () => {
    const ran = await new Promise<boolean>((resolve) => nextFrame(() => resolve(true), 5));
    expect(ran).toBe(true);
  });
});
