import { Profiler, type ReactNode } from 'react';

/**
 * Counts the commits of each part of a page through React's Profiler: a part that did not re-render
 * records nothing. `reset()` starts counting afresh, e.g. once everything has loaded.
 */
export function createRenderCounter() {
  const commits = new Map<string, number>();
  return {
    Counted({ id, children }: { id: string; children: ReactNode }) {
      return (
        <Profiler id={id} onRender={() => commits.set(id, (commits.get(id) ?? 0) + 1)}>
          {children}
        </Profiler>
      );
    },
    /** The ids that re-rendered since the last reset, with how many times. */
    rendered(): Record<string, number> {
      return Object.fromEntries(commits);
    },
    reset() {
      commits.clear();
    },
  };
}
