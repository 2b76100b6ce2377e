// Follow a small JSON document that changes by the second (the breaking ticker, a live
// blog's updates) and call back with it whenever it changes, the first answer included
// (the page itself may come from a cache and be older than the document).
//
// Returns a function that stops following (a live blog that has ended, say).
//
// Polling, not a held connection: each poll is a cache read on the server, usually a
// 304, and a CDN may answer it too. Every reader asks for the same URL.

const INTERVAL = 1000; // ms between polls while the page is visible
const MAX_BACKOFF = 30000; // ms between polls while the server cannot be reached

export function follow(url, onChange, { interval = INTERVAL } = {}) {
  let lastTag = null;
  let delay = interval;
  let timer = null;
  let polling = false;
  let stopped = false;

  async function poll() {
    timer = null;
    if (stopped) return;
    polling = true;
    try {
      // "no-cache" revalidates with the ETag every time: a current copy costs a 304.
      const response = await fetch(url, { cache: "no-cache", credentials: "omit" });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const tag = response.headers.get("ETag");
      if (tag === null || tag !== lastTag) {
        onChange(await response.json());
        lastTag = tag;
      }
      delay = interval;
    } catch {
      delay = Math.min(delay * 2, MAX_BACKOFF);
    }
    polling = false;
    schedule(delay);
  }

  function schedule(wait) {
    if (!stopped && !document.hidden && timer === null && !polling) timer = setTimeout(poll, wait);
  }

  // A hidden tab does not poll; coming back catches up at once.
  const onVisibility = () => {
    clearTimeout(timer);
    timer = null;
    schedule(0);
  };
  document.addEventListener("visibilitychange", onVisibility);
  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
