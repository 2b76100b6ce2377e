// Headline suggestions for the header's search box: the WAI-ARIA combobox pattern
// (a list box the input points at with aria-activedescendant). Without this file the box
// is a plain search form. Up/Down move through suggestions, Enter opens the chosen story,
// Escape closes the list. Suggestions come from this site only (search/suggest.json).

const DELAY_MS = 150;
const MIN_LENGTH = 2;

function setUpSuggestions(form) {
  const input = form.querySelector("input[name=q]");
  const endpoint = form.dataset.suggest;
  if (!input || !endpoint) return;

  const list = document.createElement("ul");
  list.id = `${input.id}-suggestions`;
  list.className = "site-search-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels[0].textContent.trim());
  // "3 suggestions" in the page's language: one phrase per plural category, from the page.
  const labels = JSON.parse(form.dataset.countLabels);
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const counted = (count) => (labels[plural.select(count)] ?? labels.other).replace("{n}", count);
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let suggestions = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  function options() {
    return [...list.children];
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    options().forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options()[index].id);
      options()[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(items) {
    suggestions = items;
    list.replaceChildren(
      ...items.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${i}`;
        option.className = "site-search-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title; // text, never HTML
        // pointerdown, not click: the input keeps focus and the list stays until chosen.
        option.addEventListener("pointerdown", (event) => {
          event.preventDefault();
          go(i);
        });
        return option;
      }),
    );
    active = -1;
    input.removeAttribute("aria-activedescendant");
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    status.textContent = open ? counted(items.length) : "";
  }

  function go(index) {
    const item = suggestions[index];
    if (item) window.location.assign(item.url);
  }

  async function ask(words) {
    const ticket = ++asked;
    try {
      const url = new URL(endpoint, window.location.href);
      url.searchParams.set("q", words);
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const data = await response.json();
      // An answer to an older question arriving late is dropped.
      if (ticket === asked && document.activeElement === input) show(data.suggestions || []);
    } catch {
      // Offline or a slow server: the box still submits to the search page.
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const words = input.value.trim();
    if (words.length < MIN_LENGTH) {
      asked++;
      show([]);
      return;
    }
    timer = setTimeout(() => ask(words), DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    const count = suggestions.length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      if (list.hidden) show(suggestions);
      highlight((active + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      if (list.hidden) show(suggestions);
      highlight(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
}

document.querySelectorAll("form.site-search[data-suggest]").forEach(setUpSuggestions);
