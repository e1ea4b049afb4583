import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The young generation `serve` lets V8 grow to: enough that a scavenge is rare, far below V8's 128 MiB. */
export const defaultYoungGenerationMiB = 16;

const newSpaceBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * Keeps V8's young generation at or under `maxMiB`. Under steady calls V8 doubles it up to 128 MiB, all of it
 * resident, though almost nothing in it outlives a call; its largest size can only be set when Node starts, so
 * this stops the doubling once the cap is reached (V8 reads the growth factor each time it grows) and lets it
 * grow again if V8 has shrunk it since. Returns what undoes it.
 */
export function capYoungGeneration(maxMiB = defaultYoungGenerationMiB): () => void {
  const cap = maxMiB * 1024 * 1024;
  let isCapped = false;
  const check = () => {
    // A doubling from just under the cap would pass it: stop growing at half of it.
    const shouldCap = newSpaceBytes() * 2 > cap;
    if (shouldCap === isCapped) return;
    isCapped = shouldCap;
    setFlagsFromString(`--semi-space-growth-factor=${shouldCap ? 1 : 2}`);
  };
  check();
  const observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    observer.disconnect();
    setFlagsFromString('--semi-space-growth-factor=2');
  };
}
