// Live blog pages: follow the blog's document (see pulse.js) and offer updates posted
// since the page loaded behind a "N new updates" button, so nothing moves above the
// reader until they ask. Edits and deletions apply in place; the Key events list and the
// blog's status follow too. Without JavaScript the page is complete as served.

import { follow } from "./pulse.js";

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function setUp(blog) {
  const list = blog.querySelector("[data-updates]");
  const button = blog.querySelector("[data-new-updates]");
  const keyEvents = blog.querySelector("[data-key-events]");
  const ended = blog.querySelector("[data-liveblog-ended]");
  const badge = blog.querySelector("[data-live-badge]");
  const holder = document.createElement("template");
  let pending = []; // updates in the document that the page does not show yet
  let keyEventsHtml = null;
  let stop = null;

  const shown = () => [...list.querySelectorAll(":scope > [data-update]")];
  const fragment = (html) => {
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  };
  // Newest first: by time posted, then by id (as the server orders them).
  const order = (posted, id) => [Date.parse(posted), Number(id)];
  const newer = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const placeOf = (element) => order(element.dataset.posted, element.dataset.update);

  // "3 new updates" in the page's language: one phrase per plural category, from the page.
  const labels = JSON.parse(button.dataset.countLabels);
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const label = (count) => (labels[plural.select(count)] ?? labels.other).replace("{n}", count);

  function offer() {
    button.hidden = pending.length === 0;
    button.textContent = pending.length ? label(pending.length) : "";
  }

  function reveal({ focus }) {
    if (!pending.length) return;
    const items = pending;
    pending = [];
    list.querySelector(".live-updates-empty")?.remove();
    const added = items.map((item) => {
      const element = fragment(item.html);
      const place = order(item.posted_at, item.id);
      const before = shown().find((other) => newer(place, placeOf(other)));
      list.insertBefore(element, before ?? null);
      return element;
    });
    offer();
    if (focus) {
      const newest = added.reduce((a, b) => (newer(placeOf(b), placeOf(a)) ? b : a));
      newest.focus({ preventScroll: true });
      newest.scrollIntoView({ block: "start", behavior: reducedMotion ? "auto" : "smooth" });
    }
  }

  function apply(doc) {
    const onPage = new Map(shown().map((element) => [element.dataset.update, element]));
    const inDocument = new Set(doc.updates.map((item) => String(item.id)));
    for (const item of doc.updates) {
      const element = onPage.get(String(item.id));
      if (element && element.dataset.version !== item.version) {
        element.replaceWith(fragment(item.html));
      }
    }
    // A deleted update goes, if the document covers its place in the list.
    const last = doc.updates.at(-1);
    const covered = doc.complete || !last ? null : order(last.posted_at, last.id);
    for (const [id, element] of onPage) {
      if (!inDocument.has(id) && (covered === null || !newer(covered, placeOf(element)))) {
        element.remove();
      }
    }
    pending = doc.updates.filter((item) => !onPage.has(String(item.id)));
    offer();

    if (doc.key_events_html !== keyEventsHtml) {
      keyEventsHtml = doc.key_events_html;
      keyEvents.querySelector("ol").innerHTML = keyEventsHtml;
      keyEvents.hidden = doc.key_events.length === 0;
    }
    if (doc.status !== "live") {
      ended.hidden = false;
      if (badge) {
        badge.textContent = badge.dataset.endedLabel;
        badge.classList.add("is-ended");
      }
      stop?.();
    }
  }

  button.addEventListener("click", () => reveal({ focus: true }));
  // A key event that arrived with the new updates: show them before following its link.
  keyEvents.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (link?.hash && link.pathname === location.pathname && !document.querySelector(link.hash)) {
      reveal({ focus: false });
    }
  });
  stop = follow(blog.dataset.liveUrl, apply);
}

const blog = document.querySelector("[data-liveblog][data-live-url]");
if (blog) setUp(blog);
