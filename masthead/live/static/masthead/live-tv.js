// Masthead LIVE TV player: plays the channel's HLS stream in the page's <video>.
//
// Where the browser plays HLS itself (Safari, iOS, Android, recent Chromium) the video
// keeps the stream as its src. Elsewhere, HLS with fMP4/CMAF segments is played through
// Media Source Extensions: this module reads the playlists and feeds the segments to a
// SourceBuffer. MPEG-TS segments would need transmuxing, which we do not do: the reader
// gets a clear message and the plain link to the stream instead.
//
// Written for Masthead (no third-party code, no requests to anyone but the stream's
// host). Debug/test hook: `?player=mse` or `?player=native` in the page address forces a
// path; it changes nothing else.

const HLS_TYPE = "application/vnd.apple.mpegurl";
const RETRIES = 3; // per request, before the stream counts as unavailable
const BACK_BUFFER = 30; // seconds kept behind the playhead; older media is removed
const LIVE_EDGE_SEGMENTS = 3; // a live stream starts this many segments from its end

class PlayerError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind; // "unavailable" (try again later) or "unsupported" (not here)
  }
}

// --- Playlists -------------------------------------------------------------------------

// `BANDWIDTH=1280000,CODECS="avc1.4d401f,mp4a.40.2"` → {BANDWIDTH: "1280000", CODECS: "…"}
export function parseAttributes(text) {
  const attributes = {};
  const pattern = /([A-Z0-9-]+)=("[^"]*"|[^,]*)/g;
  for (const [, key, value] of text.matchAll(pattern)) {
    attributes[key] = value.startsWith('"') ? value.slice(1, -1) : value;
  }
  return attributes;
}

// One playlist as data: a multivariant playlist lists variants, a media playlist lists
// segments. URIs are resolved against the playlist's own address.
export function parsePlaylist(text, baseUrl) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines[0] !== "#EXTM3U") throw new PlayerError("unavailable", "not an HLS playlist");
  const resolve = (uri) => new URL(uri, baseUrl).href;
  const variants = [];
  const media = { targetDuration: 6, mediaSequence: 0, endList: false, map: null, segments: [] };
  let pending = null; // the tag that the next URI line belongs to
  for (const line of lines.slice(1)) {
    const [tag, value = ""] = line.startsWith("#") ? splitTag(line) : [null, line];
    if (tag === "#EXT-X-STREAM-INF") {
      const attributes = parseAttributes(value);
      const [width, height] = (attributes.RESOLUTION || "0x0").split("x").map(Number);
      pending = {
        bandwidth: Number(attributes.BANDWIDTH) || 0,
        codecs: attributes.CODECS || "",
        width,
        height,
        audioGroup: attributes.AUDIO || "",
      };
    } else if (tag === "#EXTINF") {
      pending = { duration: parseFloat(value) || 0 };
    } else if (tag === "#EXT-X-TARGETDURATION") {
      media.targetDuration = Number(value) || media.targetDuration;
    } else if (tag === "#EXT-X-MEDIA-SEQUENCE") {
      media.mediaSequence = Number(value) || 0;
    } else if (tag === "#EXT-X-ENDLIST") {
      media.endList = true;
    } else if (tag === "#EXT-X-MAP") {
      media.map = { uri: resolve(parseAttributes(value).URI) };
    } else if (tag === null && pending) {
      if ("bandwidth" in pending) variants.push({ ...pending, uri: resolve(line) });
      else {
        const sequence = media.mediaSequence + media.segments.length;
        media.segments.push({ ...pending, uri: resolve(line), sequence });
      }
      pending = null;
    }
  }
  if (variants.length) return { kind: "multivariant", variants };
  return { kind: "media", ...media };
}

function splitTag(line) {
  const colon = line.indexOf(":");
  return colon < 0 ? [line, ""] : [line.slice(0, colon), line.slice(colon + 1)];
}

// The richest variant the screen can show, within reason: the widest whose picture is no
// wider than the player's pixels (at least the smallest). Bandwidth breaks ties.
export function pickVariant(variants, screenWidth) {
  const sorted = [...variants].sort((a, b) => a.width - b.width || a.bandwidth - b.bandwidth);
  const fitting = sorted.filter((variant) => !variant.width || variant.width <= screenWidth);
  return fitting.length ? fitting.at(-1) : sorted[0];
}

// Segments without an EXT-X-MAP are MPEG-TS (or packed audio): not for our player.
export function isFragmentedMp4(media) {
  return media.map !== null;
}

// Without CODECS in the playlist, read them from the init segment: `avc1.PPCCLL` from the
// avcC box (profile, constraints, level), `mp4a.40.2` (AAC-LC) when there is an mp4a entry.
export function codecsFromInit(bytes) {
  const data = new Uint8Array(bytes);
  const find = (name) => {
    const code = [...name].map((c) => c.charCodeAt(0));
    for (let i = 0; i + 4 <= data.length; i++) {
      if (code.every((c, j) => data[i + j] === c)) return i;
    }
    return -1;
  };
  const codecs = [];
  const avcC = find("avcC");
  if (avcC >= 0) {
    const hex = (i) => data[avcC + 4 + i].toString(16).padStart(2, "0");
    codecs.push(`avc1.${hex(1)}${hex(2)}${hex(3)}`);
  } else if (find("hvcC") >= 0) {
    codecs.push("hvc1.1.6.L93.B0");
  }
  if (find("mp4a") >= 0) codecs.push("mp4a.40.2");
  return codecs.join(",");
}

// --- Network -------------------------------------------------------------------------------

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

// A request that a flaky network gets a few chances at: 0.5 s, 1 s, 2 s apart.
async function fetchWithRetry(url, as, signal) {
  let lastError = null;
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    if (attempt) await sleep(500 * 2 ** (attempt - 1), signal);
    try {
      const response = await fetch(url, { signal, credentials: "omit" });
      if (response.ok) return as === "text" ? await response.text() : await response.arrayBuffer();
      lastError = new PlayerError("unavailable", `${url} answered ${response.status}`);
    } catch (error) {
      if (signal.aborted) throw error;
      lastError = new PlayerError("unavailable", `${url}: ${error.message}`);
    }
  }
  throw lastError;
}

// --- Media Source Extensions ----------------------------------------------------------------

class MsePlayer {
  constructor(video, url) {
    this.video = video;
    this.url = url;
    this.controller = null;
  }

  stop() {
    this.controller?.abort(new DOMException("stopped", "AbortError"));
    this.controller = null;
  }

  // Resolves when a VOD stream is fully appended; throws PlayerError on a fatal failure.
  async play() {
    this.stop();
    this.controller = new AbortController();
    const signal = this.controller.signal;
    let { media, mediaUrl, codecs } = await this.loadMediaPlaylist(signal);
    if (!isFragmentedMp4(media)) {
      throw new PlayerError("unsupported", "MPEG-TS segments need the browser's own HLS player");
    }
    const init = await fetchWithRetry(media.map.uri, "bytes", signal);
    codecs = codecs || codecsFromInit(init);
    const type = `video/mp4; codecs="${codecs}"`;
    if (!codecs || !MediaSource.isTypeSupported(type)) {
      throw new PlayerError("unsupported", `${type} is not supported here`);
    }
    // A reader who pressed play while the playlists were loading: attaching the source
    // cancels that play(), so it is asked for again once the first picture is in.
    const playRequested = !this.video.paused;
    const source = new MediaSource();
    this.video.src = URL.createObjectURL(source);
    await new Promise((resolve) => source.addEventListener("sourceopen", resolve, { once: true }));
    URL.revokeObjectURL(this.video.src);
    const buffer = source.addSourceBuffer(type);
    await this.append(buffer, init, signal);
    if (playRequested) this.video.play().catch(() => {});

    const { segments } = media;
    let next = media.endList
      ? segments[0]?.sequence ?? 0
      : segments.at(-Math.min(LIVE_EDGE_SEGMENTS, segments.length))?.sequence ?? 0;
    let refreshedAt = performance.now();
    for (;;) {
      signal.throwIfAborted();
      // A live playlist grows: read it again every target duration.
      if (!media.endList && performance.now() - refreshedAt >= media.targetDuration * 1000) {
        media = parsePlaylist(await fetchWithRetry(mediaUrl, "text", signal), mediaUrl);
        refreshedAt = performance.now();
        const first = media.segments[0]?.sequence ?? 0;
        if (next < first) next = first; // we fell behind the window (a long pause)
      }
      const segment = media.segments.find((s) => s.sequence === next);
      if (!segment) {
        if (media.endList) break;
        await sleep(500, signal); // the next segment is not out yet
        continue;
      }
      // Keep a bounded buffer: a few target durations ahead once playing, and only the
      // first picture until the reader presses play (no one pays for video unwatched).
      const ahead = this.video.played.length ? Math.max(3 * media.targetDuration, 10) : 0.1;
      if (this.bufferedAhead() > ahead) {
        await sleep(500, signal);
        continue;
      }
      const bytes = await fetchWithRetry(segment.uri, "bytes", signal);
      await this.append(buffer, bytes, signal);
      next += 1;
    }
    if (source.readyState === "open") source.endOfStream();
  }

  async loadMediaPlaylist(signal) {
    let url = this.url;
    let playlist = parsePlaylist(await fetchWithRetry(url, "text", signal), url);
    let codecs = "";
    if (playlist.kind === "multivariant") {
      const width = (this.video.clientWidth || 640) * (window.devicePixelRatio || 1);
      const variant = pickVariant(playlist.variants, width);
      url = variant.uri;
      codecs = variant.codecs;
      playlist = parsePlaylist(await fetchWithRetry(url, "text", signal), url);
    }
    if (!playlist.segments.length) throw new PlayerError("unavailable", "empty playlist");
    return { media: playlist, mediaUrl: url, codecs };
  }

  bufferedAhead() {
    const { buffered, currentTime } = this.video;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= currentTime + 0.5 && currentTime < buffered.end(i)) {
        return buffered.end(i) - currentTime;
      }
    }
    return 0;
  }

  async append(buffer, bytes, signal) {
    await this.trim(buffer);
    try {
      await this.whenUpdated(buffer, () => buffer.appendBuffer(bytes));
    } catch (error) {
      if (error.name !== "QuotaExceededError") throw error;
      await this.trim(buffer, 0); // the browser's buffer is full: keep nothing behind
      await this.whenUpdated(buffer, () => buffer.appendBuffer(bytes));
    }
    signal.throwIfAborted();
    // A live stream's timestamps start wherever the channel is: go to the first picture.
    const { buffered } = this.video;
    if (buffered.length && this.video.currentTime < buffered.start(0)) {
      this.video.currentTime = buffered.start(0);
    }
  }

  // Playback stopped at a hole in the buffer (a segment skipped after falling behind a
  // live window): carry on from the next buffered picture.
  skipGap() {
    const { buffered, currentTime } = this.video;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) > currentTime) {
        this.video.currentTime = buffered.start(i);
        return;
      }
    }
  }

  // Remove what lies more than `keep` seconds behind the playhead.
  async trim(buffer, keep = BACK_BUFFER) {
    const { buffered, currentTime } = this.video;
    if (!buffered.length) return;
    const until = currentTime - keep;
    if (until > buffered.start(0) + 1) {
      await this.whenUpdated(buffer, () => buffer.remove(buffered.start(0), until));
    }
  }

  whenUpdated(buffer, action) {
    return new Promise((resolve, reject) => {
      const done = () => {
        buffer.removeEventListener("error", failed);
        resolve();
      };
      const failed = () => {
        buffer.removeEventListener("updateend", done);
        reject(new PlayerError("unsupported", "the browser could not decode the stream"));
      };
      buffer.addEventListener("updateend", done, { once: true });
      buffer.addEventListener("error", failed, { once: true });
      action();
    });
  }
}

// --- The page ----------------------------------------------------------------------------------

function choosePath(video) {
  const forced = new URLSearchParams(window.location.search).get("player");
  if (forced === "native" || forced === "mse") return forced;
  if (video.canPlayType(HLS_TYPE)) return "native";
  if (window.MediaSource) return "mse";
  return "none";
}

function setUpPlayer(video) {
  const url = new URL(video.dataset.liveStream, window.location.href).href;
  const status = video.closest(".live-player").querySelector("[data-live-status]");
  const path = choosePath(video);
  const player = path === "mse" ? new MsePlayer(video, url) : null;
  let failed = false;

  const clearStatus = () => status.replaceChildren();
  const showFailure = (kind) => {
    failed = true;
    player?.stop();
    const message = document.createElement("p");
    message.textContent = status.dataset[kind] || status.dataset.unavailable;
    status.replaceChildren(message);
    if (kind === "unavailable") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "button";
      retry.textContent = status.dataset.retryLabel;
      retry.addEventListener("click", () => start(true));
      status.append(retry);
    }
  };

  const start = (retrying = false) => {
    failed = false;
    clearStatus();
    if (path === "none") {
      showFailure("unsupported");
      return;
    }
    if (path === "native" && retrying) video.load();
    player?.play().catch((error) => {
      if (error?.name === "AbortError") return; // stopped on purpose
      console.warn("live stream:", error);
      showFailure(error instanceof PlayerError ? error.kind : "unavailable");
    });
    if (retrying) video.play().catch(() => {}); // the reader asked: carry on playing
  };

  video.addEventListener("error", () => {
    // A blob: source reports its own errors through the SourceBuffer; only a real
    // failure of the element itself counts here.
    if (!failed && video.error) showFailure(path === "native" ? "unavailable" : "unsupported");
  });
  if (path === "native") {
    // Read the playlist now rather than on play, so a dead stream says so at once.
    video.preload = "metadata";
    video.load();
  } else {
    video.removeAttribute("src"); // the playlist is not for this browser's decoder
    video.load();
    video.addEventListener("waiting", () => player?.skipGap());
  }
  // Stop fetching when the page goes away; start afresh if it comes back from the cache.
  window.addEventListener("pagehide", () => player?.stop());
  window.addEventListener("pageshow", (event) => event.persisted && !failed && start());
  start();
  return { path, player };
}

const video = document.querySelector("video[data-live-stream]");
if (video) window.mastheadLiveTv = setUpPlayer(video);
