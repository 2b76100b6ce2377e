// The gallery viewer. Without this file a gallery is a plain list of figures whose
// pictures link to their full-size files; with it, a picture opens in a full-screen
// dialog with previous/next buttons, arrow keys (mirrored in right-to-left editions),
// swipes, and a counter ("3 / 24") announced politely. Escape closes it and puts focus
// back on the picture it was opened from. Only the photo on show and its two neighbours
// are fetched at full size.

const SWIPE_DISTANCE = 50; // pixels a finger must travel sideways to turn the page

function setUpGallery(gallery, template) {
  const links = [...gallery.querySelectorAll(".gallery-open")];
  if (!links.length || !template) return;
  const photos = links.map((link) => {
    const figure = link.closest("figure");
    return {
      link,
      full: link.dataset.full || link.href,
      width: link.dataset.width,
      height: link.dataset.height,
      alt: link.querySelector("img")?.getAttribute("alt") || "",
      caption: figure.querySelector(".gallery-caption")?.textContent.trim() || "",
      credit: figure.querySelector(".credit")?.textContent.trim() || "",
    };
  });

  const dialog = template.content.firstElementChild.cloneNode(true);
  document.body.append(dialog);
  const image = dialog.querySelector(".viewer-image");
  const caption = dialog.querySelector(".viewer-caption");
  const counter = dialog.querySelector(".viewer-counter");
  const stage = dialog.querySelector(".viewer-stage");
  const rtl = () => getComputedStyle(dialog).direction === "rtl";
  const preloaded = new Map();
  let current = 0;
  let opener = null;

  function preload(index) {
    const photo = photos[index];
    if (!photo || preloaded.has(index)) return;
    const img = new Image();
    img.src = photo.full;
    preloaded.set(index, img);
  }

  function show(index) {
    current = (index + photos.length) % photos.length;
    const photo = photos[current];
    image.src = photo.full;
    image.alt = photo.alt;
    if (photo.width && photo.height) {
      image.width = photo.width;
      image.height = photo.height;
    }
    caption.replaceChildren();
    if (photo.caption) caption.append(photo.caption);
    if (photo.credit) {
      const credit = document.createElement("span");
      credit.className = "credit";
      credit.dir = "auto"; // a credit may run the other way from the caption
      credit.textContent = photo.credit;
      caption.append(" ", credit);
    }
    counter.textContent = `${current + 1} / ${photos.length}`;
    preload(current - 1);
    preload(current + 1);
  }

  function step(delta) {
    show(current + delta);
  }

  function open(index, from) {
    opener = from;
    show(index);
    dialog.showModal();
    dialog.querySelector("[data-viewer-close]").focus();
  }

  links.forEach((link, index) => {
    link.addEventListener("click", (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      open(index, link);
    });
  });

  dialog.querySelectorAll("[data-step]").forEach((button) => {
    button.addEventListener("click", () => step(Number(button.dataset.step)));
  });
  dialog.querySelector("[data-viewer-close]").addEventListener("click", () => dialog.close());
  // A click on the dark backdrop (the dialog itself, not its contents) closes too.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    image.removeAttribute("src");
    opener?.focus();
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const forward = event.key === "ArrowRight" ? 1 : -1;
    step(rtl() ? -forward : forward);
  });

  // Swipes: pointer events cover touch, pen and mouse drags alike.
  let start = null;
  stage.addEventListener("pointerdown", (event) => {
    start = { x: event.clientX, y: event.clientY, id: event.pointerId };
  });
  stage.addEventListener("pointerup", (event) => {
    if (!start || event.pointerId !== start.id) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < Math.abs(dy)) return;
    // A swipe towards the start of the line brings the next photo (leftwards in LTR).
    const forward = dx < 0 ? 1 : -1;
    step(rtl() ? -forward : forward);
  });
  stage.addEventListener("pointercancel", () => {
    start = null;
  });
  gallery.classList.add("has-viewer");
}

document.querySelectorAll("[data-gallery]").forEach((gallery) => {
  setUpGallery(gallery, document.getElementById("gallery-viewer"));
});
