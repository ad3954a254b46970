/**
 * Gives the main thread back to the page between slices of work, so that no
 * task Backstory runs comes near the 50 ms that makes a page feel stuck, and
 * so that the page keeps rendering while Backstory reads it.
 */

/**
 * Resumes in a new task queued behind whatever the page has queued, through
 * a message on a channel: a macrotask without setTimeout's 4 ms clamp, and
 * not throttled in background tabs as timers are.
 *
 * Not `scheduler.yield()`: its continuation runs ahead of the page's other
 * tasks, rendering included, so a long read in slices still kept Chromium
 * from drawing a frame for 100 ms and more (measured by the browser bench on
 * a 5 MB page: one frame in 130 ms of reading, against one every 16–33 ms
 * with a message channel). Highlights then appear only when the read ends,
 * and the page's own animations stall meanwhile.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
