// Click-to-play for videos hosted on a platform (YouTube, Vimeo, Dailymotion).
// The page holds only a link and the player's address; nothing is fetched from the
// platform until the reader presses play. Then the link becomes the platform's player.
// Without JavaScript the link simply opens the video on the platform's own site.

function play(facade) {
  const frame = document.createElement("iframe");
  frame.src = facade.dataset.player;
  frame.title = facade.dataset.title;
  frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.className = "video-iframe";
  facade.replaceChildren(frame);
  facade.classList.add("is-playing");
  frame.focus();
}

document.querySelectorAll("[data-video-facade]").forEach((facade) => {
  const button = facade.querySelector(".video-facade-button");
  if (!button) return;
  button.setAttribute("role", "button");
  button.addEventListener("click", (event) => {
    event.preventDefault();
    play(facade);
  });
  // A link answers Enter; a button also answers Space.
  button.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      play(facade);
    }
  });
});
