/**
 * Gives the main thread back to the page between slices of work, so that no
 * task Backstory runs comes near the 50 ms that makes a page feel stuck.
 */

type SchedulerLike = { yield?: () => Promise<void> };

/**
 * `scheduler.yield()` where the engine has it (it resumes ahead of other
 * queued tasks, so the scan still finishes promptly); otherwise a message on
 * a channel, a macrotask without setTimeout's 4 ms clamp.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
