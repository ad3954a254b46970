/**
 * Times the evaluation of the extension's content scripts (compile and run of
 * `pack.js` and `content.js`) from a Chromium trace. That work happens before
 * any of Backstory's own code can mark the timeline, so only the browser's
 * trace sees it: `EvaluateScript` events carry the script's URL and duration.
 */
import type { CDPSession } from 'playwright-core';

/** Trace categories: `EvaluateScript` and `v8.compile` are in `devtools.timeline`. */
const CATEGORIES = ['devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** How long each extension script took to evaluate (ms), by file name (`pack.js`, `content.js`). */
export type ScriptTimes = Record<string, number>;

/** A trace in progress on one page. */
export interface ScriptTrace {
  /** Ends the trace and returns the extension scripts' evaluation times. */
  stop(): Promise<ScriptTimes>;
}

/** Starts tracing the page behind `cdp` (before it navigates). */
export async function traceScripts(cdp: CDPSession): Promise<ScriptTrace> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[]) if (ev.name === 'EvaluateScript') events.push(ev);
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      const times: ScriptTimes = {};
      for (const ev of events) {
        const url = ev.args?.data?.url ?? '';
        if (ev.ph !== 'X' || !/^(chrome|moz)-extension:\/\//.test(url)) continue;
        const file = url.slice(url.lastIndexOf('/') + 1);
        times[file] = (times[file] ?? 0) + (ev.dur ?? 0) / 1000;
      }
      return times;
    },
  };
}
