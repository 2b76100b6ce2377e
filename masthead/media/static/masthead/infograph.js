// The infograph's full-size view. Without this file the graphic links to its original
// file; with it, the original opens in a dialog that scrolls and pans (drag with a finger
// or mouse) and zooms with the + and − buttons (or the + and - keys). Escape closes it and
// returns focus to the graphic.

const LEVELS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3];

function setUpZoom(link, template) {
  const dialog = template.content.firstElementChild.cloneNode(true);
  document.body.append(dialog);
  const stage = dialog.querySelector(".zoom-stage");
  const image = dialog.querySelector(".zoom-image");
  const level = dialog.querySelector(".zoom-level");
  const naturalWidth = Number(link.dataset.width) || 0;
  let index = LEVELS.indexOf(1);

  function fitLevel() {
    // Start with the whole width of the graphic on screen, never enlarged.
    const room = stage.clientWidth || window.innerWidth;
    const fit = naturalWidth ? room / naturalWidth : 1;
    let best = 0;
    LEVELS.forEach((value, i) => {
      if (value <= fit) best = i;
    });
    return best;
  }

  // How far the view has scrolled from the start of the line: in a right-to-left
  // edition the stage starts at its right edge and scrollLeft runs from 0 to negative.
  const rtl = () => getComputedStyle(stage).direction === "rtl";
  const fromStart = () => (rtl() ? -stage.scrollLeft : stage.scrollLeft);
  const scrollFromStart = (offset) => (stage.scrollLeft = rtl() ? -offset : offset);

  function apply(newIndex) {
    const centre = {
      x: (fromStart() + stage.clientWidth / 2) / Math.max(stage.scrollWidth, 1),
      y: (stage.scrollTop + stage.clientHeight / 2) / Math.max(stage.scrollHeight, 1),
    };
    index = Math.max(0, Math.min(LEVELS.length - 1, newIndex));
    const scale = LEVELS[index];
    image.style.inlineSize = naturalWidth ? `${Math.round(naturalWidth * scale)}px` : "auto";
    level.textContent = `${Math.round(scale * 100)}%`;
    dialog.querySelector("[data-zoom-step='-1']").disabled = index === 0;
    dialog.querySelector("[data-zoom-step='1']").disabled = index === LEVELS.length - 1;
    // Keep the same point of the graphic in the middle of the view.
    scrollFromStart(centre.x * stage.scrollWidth - stage.clientWidth / 2);
    stage.scrollTop = centre.y * stage.scrollHeight - stage.clientHeight / 2;
  }

  link.addEventListener("click", (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    image.src = link.href;
    dialog.showModal();
    apply(fitLevel());
    stage.scrollTo(0, 0);
    stage.focus();
  });
  dialog.querySelectorAll("[data-zoom-step]").forEach((button) => {
    button.addEventListener("click", () => apply(index + Number(button.dataset.zoomStep)));
  });
  dialog.querySelector("[data-zoom-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => link.focus());
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "+" || event.key === "=") apply(index + 1);
    else if (event.key === "-") apply(index - 1);
  });

  // Drag to pan, for a mouse; fingers scroll the stage natively.
  let drag = null;
  stage.addEventListener("pointerdown", (event) => {
    if (event.pointerType !== "mouse") return;
    drag = { x: event.clientX, y: event.clientY, left: stage.scrollLeft, top: stage.scrollTop };
    stage.setPointerCapture(event.pointerId);
    stage.classList.add("is-dragging");
  });
  stage.addEventListener("pointermove", (event) => {
    if (!drag) return;
    stage.scrollLeft = drag.left - (event.clientX - drag.x);
    stage.scrollTop = drag.top - (event.clientY - drag.y);
  });
  const stop = () => {
    drag = null;
    stage.classList.remove("is-dragging");
  };
  stage.addEventListener("pointerup", stop);
  stage.addEventListener("pointercancel", stop);
}

const template = document.getElementById("infograph-zoom");
if (template) document.querySelectorAll("[data-zoom]").forEach((link) => setUpZoom(link, template));
