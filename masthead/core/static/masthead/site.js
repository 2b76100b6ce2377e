// Masthead reader enhancements. Every page works without this file; it only adds
// the menu button, closable sub-menus, a pausable ticker that follows breaking news live, tabs, copy-link and the
// view beacon. No third-party requests, no cookies.

import { follow } from "./pulse.js";

const root = document.documentElement;
root.classList.replace("no-js", "js");

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function setUpMenu() {
  const button = document.querySelector(".menu-button");
  const nav = document.getElementById("site-nav");
  if (!button || !nav) return;
  button.hidden = false;
  nav.setAttribute("data-collapsed", "");
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    nav.toggleAttribute("data-collapsed", open);
  });
}

function setUpSubMenus() {
  const menus = [...document.querySelectorAll(".sub-menu")];
  menus.forEach((menu) => {
    menu.addEventListener("toggle", () => {
      if (menu.open) menus.filter((other) => other !== menu).forEach((other) => (other.open = false));
    });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = menus.find((menu) => menu.open);
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", (event) => {
    menus.forEach((menu) => {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });
}

function setUpTicker() {
  const ticker = document.querySelector("[data-ticker]");
  if (!ticker) return;
  const list = ticker.querySelector(".ticker-items");
  const controls = ticker.querySelector(".ticker-controls");
  const count = ticker.querySelector("[data-ticker-count]");
  const pause = ticker.querySelector("[data-ticker-pause]");
  const news = ticker.querySelector("[data-ticker-news]");
  const label = ticker.querySelector(".ticker-label").textContent.trim();
  let items = [];
  let index = 0;
  let timer = null;
  let paused = reducedMotion;

  const show = (next) => {
    index = (next + items.length) % items.length;
    items.forEach((item, i) => item.classList.toggle("is-shown", i === index));
    count.textContent = `${index + 1} / ${items.length}`;
  };
  const hold = () => {
    clearInterval(timer);
    timer = null;
  };
  const run = () => {
    hold();
    if (!paused && items.length > 1) timer = setInterval(() => show(index + 1), 6000);
  };
  const setPaused = (value) => {
    paused = value;
    pause.setAttribute("aria-pressed", String(paused));
    pause.textContent = paused ? pause.dataset.playLabel : pause.dataset.pauseLabel;
    run();
  };

  // Rotate through the lines when there are several; show the ticker only with lines.
  const arrange = () => {
    items = [...list.querySelectorAll(".ticker-item")];
    ticker.hidden = items.length === 0;
    const rotating = items.length > 1;
    ticker.classList.toggle("is-rotating", rotating);
    controls.hidden = !rotating;
    if (rotating) show(0);
    run();
  };

  const line = (data) => {
    const item = document.createElement("li");
    item.className = "ticker-item";
    item.dataset.line = data.id;
    const holder = data.url ? document.createElement("a") : item;
    if (data.url) {
      holder.href = data.url;
      item.append(holder);
    }
    if (data.attribution) {
      const who = document.createElement("strong");
      who.className = "ticker-attribution";
      // The name alone is isolated (it may be Latin in an Arabic line); the colon follows
      // the line's own direction.
      const name = document.createElement("bdi");
      name.textContent = data.attribution;
      who.append(name, ":");
      holder.append(who, " ");
    }
    holder.append(data.text);
    const time = document.createElement("time");
    time.className = "ticker-time";
    time.dateTime = data.created_at;
    time.textContent = data.time;
    item.append(" ", time);
    return item;
  };

  // What the page shows, to compare with the document: lines and their links.
  const shown = () =>
    items.map((item) => `${item.dataset.line} ${item.querySelector("a")?.getAttribute("href") ?? ""}`).join("|");

  let first = true;
  const update = (data) => {
    const wanted = data.items.map((item) => `${item.id} ${item.url ?? ""}`).join("|");
    if (first && wanted === shown()) {
      first = false;
      return;
    }
    const known = new Set(items.map((item) => item.dataset.line));
    list.replaceChildren(...data.items.map(line));
    arrange();
    // New lines are announced once, politely; the rotation itself stays silent.
    const fresh = data.items.filter((item) => !known.has(String(item.id)));
    if (!first && fresh.length) news.textContent = `${label}: ${fresh[0].text}`;
    first = false;
  };

  pause.dataset.pauseLabel = pause.textContent;
  ticker.querySelector("[data-ticker-prev]").addEventListener("click", () => { setPaused(true); show(index - 1); });
  ticker.querySelector("[data-ticker-next]").addEventListener("click", () => { setPaused(true); show(index + 1); });
  pause.addEventListener("click", () => setPaused(!paused));
  // Hovering or focusing a line holds it still, so it can be read and clicked.
  ticker.addEventListener("mouseenter", hold);
  ticker.addEventListener("mouseleave", run);
  ticker.addEventListener("focusin", hold);
  setPaused(paused);
  arrange();
  if (ticker.dataset.liveUrl) follow(ticker.dataset.liveUrl, update);
}

function setUpTabs() {
  document.querySelectorAll("[data-tabs]").forEach((block) => {
    const list = block.querySelector("[role=tablist]");
    const tabs = [...block.querySelectorAll("[role=tab]")];
    const panels = tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls")));
    const select = (i, focus) => {
      tabs.forEach((tab, j) => {
        tab.setAttribute("aria-selected", String(i === j));
        tab.tabIndex = i === j ? 0 : -1;
        panels[j].hidden = i !== j;
      });
      if (focus) tabs[i].focus();
    };
    list.hidden = false;
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(i, false));
      tab.addEventListener("keydown", (event) => {
        const rtl = getComputedStyle(block).direction === "rtl";
        const forward = rtl ? "ArrowLeft" : "ArrowRight";
        const back = rtl ? "ArrowRight" : "ArrowLeft";
        if (event.key === forward) select((i + 1) % tabs.length, true);
        else if (event.key === back) select((i - 1 + tabs.length) % tabs.length, true);
        else if (event.key === "Home") select(0, true);
        else if (event.key === "End") select(tabs.length - 1, true);
        else return;
        event.preventDefault();
      });
    });
    select(0, false);
  });
}

function setUpCopyLink() {
  document.querySelectorAll("[data-copy-link]").forEach((link) => {
    link.addEventListener("click", async (event) => {
      if (!navigator.clipboard) return; // Leave the plain link to be copied by hand.
      event.preventDefault();
      await navigator.clipboard.writeText(link.href);
      const label = link.textContent;
      link.textContent = "✓";
      link.setAttribute("aria-live", "polite");
      setTimeout(() => (link.textContent = label), 2000);
    });
  });
}

function countView() {
  // One anonymous read per page view; the HTML stays the same for every reader.
  const story = document.querySelector("[data-count-url]");
  if (!story || !navigator.sendBeacon) return;
  navigator.sendBeacon(story.dataset.countUrl);
}

setUpMenu();
setUpSubMenus();
setUpTicker();
setUpTabs();
setUpCopyLink();
if (document.readyState === "complete") countView();
else window.addEventListener("load", countView, { once: true });
