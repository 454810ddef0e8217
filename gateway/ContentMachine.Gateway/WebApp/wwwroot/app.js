// The ContentMachine web app: a small single-page front end over the public API (/api/...), served by the gateway.
// No framework and nothing from a CDN, so it works offline. Every value from the API goes into the page as text or as
// an attribute set through the DOM (never as HTML), and links taken from the API are checked before use.
"use strict";

const view = () => document.getElementById("view");
let stopPage = () => {};
let openSettings = () => {};

// ---- helpers ---------------------------------------------------------------------------------------------------
// h(tag, attrs, ...children) comes from dom.js, loaded first.
/** Replaces an element's children, leaving out the absent ones (replaceChildren would show them as "null"). */
function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function showProblem(message) {
  const box = document.getElementById("problem");
  box.textContent = message;
  box.hidden = !message;
  if (message) box.scrollIntoView({ block: "nearest" });
}

const report = (e) => showProblem(e.message);

function query() { return new URLSearchParams(location.search); }

/** A query string of the values that are set. */
function qs(values) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== "" && v !== null && v !== undefined) params.set(k, v);
  const text = params.toString();
  return text ? "?" + text : "";
}

const when = (iso) => iso ? new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : "–";
const seconds = (value) => `${Math.round(value)} s`;
const fileSize = (bytes) => bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** Only our own paths and http(s) links: a URL from the API never becomes a javascript: link. */
function safeUrl(url) {
  if (typeof url !== "string") return null;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  try {
    return ["http:", "https:"].includes(new URL(url).protocol) ? url : null;
  } catch { return null; }
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // Not a secure context (a phone reaching the gateway by its LAN address): build one from random bytes.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

function badge(status) {
  return h("span", { class: `badge s-${status}`, "data-status": status }, status);
}

function choice(name, values, selected) {
  return h("select", { id: name, name }, values.map((v) => h("option", { value: v, selected: v === selected }, v)));
}

function checkboxes(name, values) {
  return h("div", { class: "checks" }, values.map((v) => h("label", { class: "check" }, h("input", { type: "checkbox", name, value: v }), v)));
}

const checked = (form, name) => [...form.querySelectorAll(`input[name='${name}']:checked`)].map((i) => i.value);

/** The ISO instant of a datetime-local input (read as local time), or undefined when empty. */
const instant = (input) => input.value ? new Date(input.value).toISOString() : undefined;

const field = (label, control, hint) => h("div", { class: "field" }, h("label", { for: control.id || null }, label), control,
  hint ? h("small", { class: "muted" }, hint) : null);

// ---- the API key -----------------------------------------------------------------------------------------------
const keyStorage = "contentmachine.apiKey";

function apiKey() {
  try { return localStorage.getItem(keyStorage) || ""; } catch { return ""; }
}

function setApiKey(key) {
  if (key) localStorage.setItem(keyStorage, key); else localStorage.removeItem(keyStorage);
  syncKeyCookie(key);
}

// <video>, <img> and download links cannot send headers: the gateway also takes the key from this cookie, for GET and
// HEAD under /api only (SameSite=Strict keeps other sites from using it).
function syncKeyCookie(key) {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = key
    ? `cm_api_key=${encodeURIComponent(key)}; Path=/api; SameSite=Strict${secure}`
    : `cm_api_key=; Path=/api; SameSite=Strict; Max-Age=0${secure}`;
}

function withKey(headers) {
  const key = apiKey();
  return key ? { ...headers, "X-Api-Key": key } : { ...headers };
}

function setUpSettings() {
  const panel = document.getElementById("settings");
  const toggle = document.getElementById("key-toggle");
  const input = document.getElementById("api-key");
  const state = document.getElementById("key-state");
  const describe = () => {
    const key = apiKey();
    state.textContent = key
      ? `A key ending in …${key.slice(-4)} is saved and sent with every request.`
      : "No key saved. Paste one: the AppHost prints an admin key at start, and an admin can make keys with fewer rights (POST /api/admin/keys).";
    toggle.classList.toggle("has-key", !!key);
  };
  const show = (open) => {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) input.focus();
  };
  openSettings = () => show(true);
  toggle.addEventListener("click", () => show(panel.hidden));
  document.getElementById("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setApiKey(input.value.trim());
    input.value = "";
    describe();
    show(false);
    route();
  });
  document.getElementById("key-forget").addEventListener("click", () => { setApiKey(""); describe(); });
  syncKeyCookie(apiKey()); // a session cookie: set again on every visit
  describe();
}

// ---- calling the API -------------------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function problemOf(response) {
  if (response.status === 401 || response.status === 403) {
    openSettings();
    return new ApiError(response.status, response.status === 401
      ? "401: the API wants a key. Paste a key with the right scope in the API key box."
      : "403: this key may not do that. Paste a key with the right scope in the API key box.");
  }
  if (response.status === 429) {
    const after = response.headers.get("Retry-After");
    const wait = !after ? null : /^\d+$/.test(after) ? Number(after) : Math.max(0, Math.ceil((new Date(after) - Date.now()) / 1000));
    return new ApiError(429, `429: too many requests. Wait ${wait === null || Number.isNaN(wait) ? "a moment" : `${wait} s`} and try again.`);
  }
  let detail = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    detail = [problem.title, problem.detail, ...Object.values(problem.errors || {}).flat()].filter(Boolean).join(": ");
  } catch { /* not a problem document */ }
  return new ApiError(response.status, detail);
}

async function api(path, { method = "GET", json, body, headers, signal } = {}) {
  const all = withKey(headers);
  if (json !== undefined) {
    all["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  }
  const response = await fetch(path, { method, body, headers: all, signal, credentials: "same-origin" });
  if (!response.ok) throw await problemOf(response);
  return (response.headers.get("Content-Type") || "").includes("json") ? response.json() : null;
}

/** Server-Sent Events read with fetch (EventSource cannot send the key header): calls onEvent(type, data) per event
 *  until the server closes the stream. */
async function readEvents(path, signal, onEvent) {
  const response = await fetch(path, { headers: withKey({ Accept: "text/event-stream" }), signal, credentials: "same-origin" });
  if (!response.ok) throw await problemOf(response);
  if (!response.body || !window.TextDecoderStream) return false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "", type = "", data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return true;
    const lines = (buffer + value).split("\n");
    buffer = lines.pop();
    for (let line of lines) {
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (line === "") {
        if (data.length) onEvent(type || "message", data.join("\n"));
        type = "";
        data = [];
      } else if (!line.startsWith(":")) {
        const colon = line.indexOf(":");
        const name = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (name === "event") type = text;
        else if (name === "data") data.push(text);
      }
    }
  }
}

// ---- projects list ---------------------------------------------------------------------------------------------
const Statuses = ["draft", "queued", "running", "rendered", "publishing", "published", "failed", "cancelled"];
const Active = ["queued", "running", "publishing"];

function projectItem(p) {
  const progress = Active.includes(p.status) ? h("div", { class: "progress" }, h("div", { class: "bar" })) : null;
  if (progress) progress.firstChild.style.width = `${p.progress}%`;
  return h("li", { class: "project", "data-project": p.id },
    h("a", { href: `/projects/${p.id}` },
      h("div", { class: "line" }, h("span", { class: "title" }, p.title || p.topic), badge(p.status)),
      p.title && p.title !== p.topic ? h("div", { class: "muted" }, p.topic) : null,
      progress,
      h("small", { class: "muted" }, when(p.createdAt), p.hasVideo ? " · video ready" : "")));
}

function projectsPage() {
  const q = query();
  const chosen = new Set((q.get("status") || "").split(",").filter((s) => Statuses.includes(s)));
  const text = h("input", { type: "search", id: "project-filter", name: "q", placeholder: "Find in topics and titles", value: q.get("q") || "" });
  const list = h("ul", { class: "projects" });
  const total = h("p", { class: "muted" });
  const more = h("button", { type: "button", hidden: true, onclick: () => load(more.dataset.cursor) }, "Load more");
  let typing = null, generation = 0, pagesShown = 0;
  text.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(() => load(), 300); });

  fill(view(),
    h("div", { class: "title-row" }, h("h1", {}, "Projects"), h("a", { class: "button", href: "/new" }, "New video")),
    h("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); load(); } },
      text,
      h("div", { class: "checks" }, Statuses.map((s) => h("label", { class: "check" },
        h("input", { type: "checkbox", name: "status", value: s, checked: chosen.has(s),
          onchange: (e) => { if (e.target.checked) chosen.add(s); else chosen.delete(s); load(); } }), s)))),
    total, list, more);

  async function load(cursor) {
    const filters = { q: text.value.trim(), status: [...chosen].join(",") };
    if (!cursor) history.replaceState(null, "", location.pathname + qs(filters));
    const mine = ++generation;
    try {
      const page = await api("/api/projects" + qs({ ...filters, limit: 20, cursor }));
      if (mine !== generation) return;
      pagesShown = cursor ? pagesShown + 1 : 1;
      if (!cursor) fill(list);
      list.append(...page.items.map(projectItem));
      total.textContent = page.total ? `${page.total} project${page.total === 1 ? "" : "s"}` : "No projects yet: make one with New video.";
      more.hidden = !page.nextCursor;
      more.dataset.cursor = page.nextCursor || "";
    } catch (e) { report(e); }
  }
  load();
  // While something is being made, keep the first page fresh (not once the user has paged further).
  const timer = setInterval(() => {
    if (pagesShown === 1 && Active.some((s) => list.querySelector(`[data-status='${s}']`))) load();
  }, 4000);
  return () => { clearInterval(timer); clearTimeout(typing); };
}

// ---- new video -------------------------------------------------------------------------------------------------
function newPage() {
  const topic = h("input", { id: "topic", name: "topic", required: true, minlength: 3, maxlength: 200, placeholder: "Why octopuses have three hearts" });
  const topics = h("textarea", { id: "topics", name: "topics", rows: 6, placeholder: "One topic per line (up to 100)" });
  const batch = h("input", { type: "checkbox", id: "batch", name: "batch" });
  const archetype = choice("archetype", ["listicle", "versus", "how-to", "myth", "story"], "listicle");
  const voice = choice("voice", ["en-us-female", "en-us-male", "en-gb-female", "en-gb-male"], "en-us-female");
  const style = choice("visual-style", ["vivid", "pastel", "dark", "minimal"], "vivid");
  const duration = h("input", { type: "number", id: "duration", name: "durationSeconds", min: 15, max: 180, step: 1, value: 45, required: true });
  const autoPublish = h("input", { type: "checkbox", id: "auto-publish", name: "autoPublish" });
  const publishAt = h("input", { type: "datetime-local", id: "publish-at", name: "publishAt" });
  const files = h("input", { type: "file", id: "media", multiple: true, accept: "video/mp4,video/quicktime,video/webm,image/png,image/jpeg" });
  const uploads = h("ul", { class: "uploads" });
  const submit = h("button", { type: "submit", class: "primary", id: "create" }, "Create video");
  const media = new Map(); // list item -> upload id (null while uploading)
  const previews = [];
  let lastRequest = null; // the body and Idempotency-Key of the last try: the same body retried keeps its key

  const topicField = field("Topic", topic);
  const topicsField = field("Topics", topics, "A video per line, all with the options below.");
  topicsField.hidden = true;
  batch.addEventListener("change", () => {
    topicField.hidden = batch.checked;
    topicsField.hidden = !batch.checked;
    topic.required = !batch.checked;
    submit.textContent = batch.checked ? "Create videos" : "Create video";
  });

  files.addEventListener("change", () => {
    for (const file of files.files) upload(file);
    files.value = "";
  });

  async function upload(file) {
    const state = h("span", { class: "muted" }, "uploading…");
    let preview = null;
    if (file.type.startsWith("image/")) {
      preview = h("img", { src: URL.createObjectURL(file), alt: "" });
      previews.push(preview.src);
    }
    const item = h("li", {}, preview, h("span", { class: "name" }, file.name), state,
      h("button", { type: "button", class: "link", onclick: () => { media.delete(item); item.remove(); refreshSubmit(); } }, "Remove"));
    media.set(item, null);
    uploads.append(item);
    refreshSubmit();
    try {
      const stored = await api("/api/storage/uploads", { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
      if (!media.has(item)) return;
      media.set(item, stored.id);
      item.dataset.upload = stored.id;
      state.textContent = `${stored.mediaKind} · ${fileSize(stored.size)}`;
    } catch (e) {
      media.delete(item);
      state.textContent = e.message;
      state.className = "error";
    }
    refreshSubmit();
  }

  function refreshSubmit() {
    const busy = [...media.values()].some((id) => id === null);
    submit.disabled = busy;
    submit.title = busy ? "Waiting for the uploads" : "";
  }

  async function create(e) {
    e.preventDefault();
    const form = e.target;
    const mediaIds = [...media.values()].filter(Boolean);
    const options = {
      archetype: archetype.value, durationSeconds: Number(duration.value), voice: voice.value, visualStyle: style.value,
      platforms: checked(form, "platforms"), autoPublish: autoPublish.checked, publishAt: instant(publishAt),
      mediaIds: mediaIds.length ? mediaIds : undefined,
    };
    submit.disabled = true;
    try {
      if (batch.checked) {
        const lines = topics.value.split("\n").map((t) => t.trim()).filter(Boolean);
        if (!lines.length) throw new Error("Write at least one topic, one per line.");
        const created = await api("/api/projects/batch", { method: "POST", json: { topics: lines, options } });
        showBatch(created.ids, lines);
      } else {
        const body = { topic: topic.value.trim(), options };
        const text = JSON.stringify(body);
        if (lastRequest?.text !== text) lastRequest = { text, key: newKey() };
        const project = await api("/api/projects", { method: "POST", json: body, headers: { "Idempotency-Key": lastRequest.key } });
        navigate(`/projects/${project.id}`);
      }
    } catch (err) { report(err); } finally { refreshSubmit(); }
  }

  function showBatch(ids, lines) {
    fill(view(), h("h1", {}, `${ids.length} videos queued`),
      h("ol", { class: "batch" }, ids.map((id, i) => h("li", {}, h("a", { href: `/projects/${id}` }, lines[i] ?? id)))),
      h("p", {}, h("a", { href: "/projects" }, "All projects")));
  }

  fill(view(), h("h1", {}, "New video"),
    h("form", { class: "new", id: "new-video", onsubmit: create },
      h("label", { class: "check" }, batch, "Batch: several topics at once"),
      topicField, topicsField,
      h("div", { class: "row" },
        field("Archetype", archetype),
        field("Duration (s)", duration, "15-180")),
      h("div", { class: "row" },
        field("Voice", voice), field("Style", style)),
      h("fieldset", {}, h("legend", {}, "Platforms"), checkboxes("platforms", ["youtube", "tiktok", "instagram"]),
        h("label", { class: "check" }, autoPublish, "Publish when rendered"),
        field("Not before", publishAt, "Optional: schedule the publication (your local time).")),
      h("fieldset", {}, h("legend", {}, "Your own clips and images (optional)"), files, uploads,
        h("small", { class: "muted" }, "mp4, mov, webm, png or jpeg; used as the video's visuals.")),
      submit));
  return () => previews.forEach((url) => URL.revokeObjectURL(url));
}

// ---- one project -----------------------------------------------------------------------------------------------
const StageNames = ["script", "narration", "visuals", "render", "cover", "store"];
const StageMarks = { pending: "○", running: "●", completed: "✓", failed: "✕" };

function projectPage(id) {
  let project = null, publications = [], shownVideo = null, stopped = false, controller = null, refreshing = null, retryTimer = null;
  const head = h("div", { class: "project-head" });
  const notice = h("div");
  const warnings = h("ul", { class: "warnings" });
  const stages = h("ol", { class: "stages", id: "stages" });
  const live = h("small", { class: "muted", id: "live" });
  const actions = h("div", { class: "actions" });
  const media = h("div", { class: "media" });
  const publish = h("div");
  const pubs = h("ul", { class: "publications", id: "publications" });
  const script = h("div");
  fill(view(), head, notice, warnings,
    h("div", { class: "columns" },
      h("section", {}, media),
      h("section", {}, h("h2", {}, "Stages ", live), stages, actions, publish, h("h2", {}, "Publications"), pubs)),
    script);

  async function load() {
    try {
      project = await api(`/api/projects/${id}`);
      publications = project.video ? await api(`/api/publishing/publications${qs({ projectId: id })}`) : [];
      render();
    } catch (e) { report(e); }
  }

  // Many events arrive together (the stream starts with the whole state): one reload for a burst.
  function reloadSoon() {
    if (!refreshing) refreshing = setTimeout(() => { refreshing = null; load(); }, 250);
  }

  function onEvent(type, data) {
    if (stopped || type === "heartbeat") return;
    const value = JSON.parse(data);
    if (type === "stage" && project) {
      const index = project.stages.findIndex((s) => s.name === value.name);
      if (index < 0) project.stages.push(value); else project.stages[index] = value;
      renderStages();
    } else if (type === "progress" && project) {
      project.progress = value.percent;
      renderHead();
    } else if (type === "deleted") {
      showProblem("This project was deleted.");
    } else {
      reloadSoon();
    }
  }

  async function follow() {
    controller?.abort();
    clearTimeout(retryTimer);
    const mine = controller = new AbortController();
    live.textContent = "· live";
    try {
      const streamed = await readEvents(`/api/projects/${id}/events`, mine.signal, onEvent);
      if (!streamed) return poll();
      // The server closes the stream once nothing more will happen; anything else (a proxy timeout) reconnects.
      await load();
      if (!stopped && Active.includes(project?.status)) retryTimer = setTimeout(follow, 1000);
    } catch (e) {
      if (mine.signal.aborted || stopped) return;
      report(e);
      retryTimer = setTimeout(follow, 5000);
    } finally {
      if (controller === mine) live.textContent = "";
    }
  }

  /** Without a readable stream (old browsers): ask every 3 s while something is happening. */
  async function poll() {
    await load();
    if (!stopped && Active.includes(project?.status)) retryTimer = setTimeout(poll, 3000);
  }

  async function command(path, body) {
    try {
      await api(`/api/projects/${id}/${path}`, { method: "POST", json: body });
      showProblem("");
      await load();
      follow();
    } catch (e) { report(e); }
  }

  function render() {
    if (!project) return;
    renderHead();
    renderNotice();
    fill(warnings, ...project.warnings.map((w) => h("li", { class: "warning" }, "Possible duplicate: ", linkProjects(w))));
    renderStages();
    renderActions();
    renderMedia();
    renderPublish();
    renderPublications();
    renderScript();
  }

  function renderHead() {
    const o = project.options;
    const bar = h("div", { class: "bar" });
    bar.style.width = `${project.progress}%`;
    fill(head,
      h("div", { class: "line" }, h("h1", {}, project.title || project.topic), badge(project.status)),
      project.title && project.title !== project.topic ? h("p", { class: "muted" }, project.topic) : null,
      h("div", { class: "progress", title: `${project.progress}%` }, bar),
      h("p", { class: "muted" }, [o.archetype, seconds(o.durationSeconds), o.voice, o.visualStyle, ...(o.platforms || [])].join(" · "),
        ` · created ${when(project.createdAt)}`));
  }

  function renderNotice() {
    const retry = h("button", { type: "button", id: "retry", onclick: () => command("retry") }, "Retry");
    if (project.status === "failed") {
      const f = project.failure || {};
      fill(notice, h("div", { class: "error-box" }, h("b", {}, `Failed at ${f.stage || "a stage"}: `), f.reason || "no reason given", " ", retry));
    } else if (project.status === "cancelled") {
      fill(notice, h("div", { class: "info-box" }, "Cancelled. ", retry, " resumes from the last completed stage."));
    } else fill(notice);
  }

  function renderStages() {
    const byName = new Map(project.stages.map((s) => [s.name, s]));
    const names = [...StageNames, ...project.stages.map((s) => s.name).filter((n) => !StageNames.includes(n))];
    fill(stages, ...names.map((name) => {
      const s = byName.get(name) || { name, status: "pending", attempt: 0 };
      const took = s.startedAt && s.completedAt ? ` ${((new Date(s.completedAt) - new Date(s.startedAt)) / 1000).toFixed(1)} s` : "";
      return h("li", { "data-stage": name, "data-status": s.status, class: `stage ${s.status}` },
        h("span", { class: "mark" }, StageMarks[s.status] || "○"), h("span", { class: "name" }, name),
        h("small", { class: "muted" }, s.status === "running" ? "running…" : took, s.attempt > 1 ? ` · attempt ${s.attempt}` : ""),
        s.error ? h("div", { class: "error" }, s.error) : null);
    }));
  }

  function renderActions() {
    const s = project.status;
    fill(actions,
      s === "draft" ? h("button", { type: "button", onclick: () => command("submit") }, "Submit") : null,
      Active.slice(0, 2).includes(s) ? h("button", { type: "button", id: "cancel", onclick: () => command("cancel") }, "Cancel") : null,
      h("button", { type: "button", class: "danger", onclick: remove }, "Delete"));
  }

  async function remove() {
    if (!confirm("Delete this project and its files?")) return;
    try {
      await api(`/api/projects/${id}`, { method: "DELETE" });
      navigate("/projects");
    } catch (e) { report(e); }
  }

  function renderMedia() {
    const video = project.video;
    // The player is built once per video, so that later updates of the page do not interrupt playback.
    if ((video?.url ?? null) === shownVideo) return;
    shownVideo = video?.url ?? null;
    if (!video) {
      fill(media, h("div", { class: "placeholder" }, "The video appears here once it is rendered."));
      return;
    }
    const cover = safeUrl(video.coverUrl);
    fill(media,
      h("video", { id: "player", controls: true, playsinline: true, preload: "metadata", src: safeUrl(video.url), poster: cover }),
      h("p", { class: "muted" }, `${video.width}×${video.height} · ${seconds(video.durationSeconds)} · ${fileSize(video.sizeBytes)} · `,
        h("a", { href: safeUrl(video.url), download: `${id}.mp4` }, "Download MP4")),
      cover ? h("figure", { class: "cover" }, h("img", { src: cover, alt: "Cover" }), h("figcaption", { class: "muted" }, "Cover")) : null);
  }

  function renderPublish() {
    if (!project.video) { fill(publish); return; }
    if (publish.firstChild) return; // built once: a live update must not undo the user's choices
    const at = h("input", { type: "datetime-local", id: "publish-when", name: "publishAt" });
    fill(publish, h("form", { class: "publish", id: "publish", onsubmit: (e) => {
      e.preventDefault();
      const platforms = checked(e.target, "publish-platform");
      if (!platforms.length) { showProblem("Choose at least one platform to publish to."); return; }
      command("publish", { platforms, publishAt: instant(at) });
    } },
    h("h2", {}, "Publish"), checkboxes("publish-platform", ["youtube", "tiktok", "instagram"]),
    field("When (optional)", at), h("button", { type: "submit", class: "primary" }, "Publish")));
  }

  function renderPublications() {
    if (!publications.length) {
      fill(pubs, h("li", { class: "muted" }, project.video ? "Not published yet." : "Publish once the video is rendered."));
      return;
    }
    fill(pubs, ...publications.map((p) => {
      const url = safeUrl(p.url);
      const link = !url ? null : p.mode === "export"
        ? h("a", { href: url, download: `${p.platform}-${id}.zip`, "data-package": p.platform }, "Download package")
        : h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, `Open on ${p.platform}`);
      return h("li", { "data-platform": p.platform, "data-status": p.status },
        h("div", { class: "line" }, h("b", {}, p.platform), h("span", { class: "muted" }, p.mode), badge(p.status)),
        p.publishAt ? h("small", { class: "muted" }, `at ${when(p.publishAt)} `) : null,
        p.nextAttemptAt && p.status !== "published" ? h("small", { class: "muted" }, `next try ${when(p.nextAttemptAt)}`) : null,
        p.error ? h("div", { class: "error" }, p.error) : null,
        link,
        p.status === "failed" && p.retryable ? h("button", { type: "button", onclick: () => retryPublication(p.id) }, "Retry") : null);
    }));
  }

  async function retryPublication(publicationId) {
    try {
      await api(`/api/publishing/publications/${publicationId}/retry`, { method: "POST" });
      await load();
      follow();
    } catch (e) { report(e); }
  }

  function renderScript() {
    if (!project.scenes.length) { fill(script); return; }
    fill(script, h("h2", {}, "Script"),
      project.description ? h("p", {}, project.description) : null,
      project.hashtags.length && !project.description?.includes(project.hashtags[0]) ? h("p", { class: "tags" }, project.hashtags.join(" ")) : null,
      h("ol", { class: "scenes" }, project.scenes.map((s) => h("li", { "data-scene": s.sequence },
        h("small", { class: "muted" }, `Scene ${s.sequence} · ${s.durationSeconds.toFixed(1)} s`),
        h("p", {}, s.text),
        s.visualPrompt ? h("small", { class: "muted" }, `Visual: ${s.visualPrompt}`) : null))));
  }

  load().then(() => { if (!stopped && project) follow(); });
  return () => {
    stopped = true;
    controller?.abort();
    clearTimeout(retryTimer);
    clearTimeout(refreshing);
  };
}

/** A text with the project ids in it turned into links to those projects. */
function linkProjects(text) {
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) {
    parts.push(text.slice(last, m.index), h("a", { href: `/projects/${m[0]}` }, m[0]));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

// ---- search ----------------------------------------------------------------------------------------------------
function searchPage() {
  const input = h("input", { type: "search", id: "search-q", name: "q", required: true, placeholder: "What was that video about…", value: query().get("q") || "" });
  const results = h("ol", { class: "results", id: "results" });
  fill(view(), h("h1", {}, "Search"),
    h("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); search(); } },
      input, h("button", { type: "submit", class: "primary" }, "Search")),
    h("p", { class: "muted" }, "Finds past projects by meaning, not only by their words."),
    results);

  async function search() {
    const q = input.value.trim();
    history.replaceState(null, "", location.pathname + qs({ q }));
    if (!q) { fill(results); return; }
    try {
      const found = await api("/api/search" + qs({ q, limit: 20 }));
      fill(results, ...(found.results.length ? found.results.map((r) => h("li", { "data-result": r.projectId },
        h("a", { href: `/projects/${r.projectId}` },
          h("div", { class: "line" }, h("span", { class: "title" }, r.title || r.topic), h("span", { class: "score" }, `${Math.round(r.score * 100)}%`)),
          r.title !== r.topic ? h("div", { class: "muted" }, r.topic) : null,
          h("small", { class: "muted" }, [r.archetype, r.status, when(r.createdAt)].filter(Boolean).join(" · ")))))
        : [h("li", { class: "muted" }, "Nothing like that yet.")]));
    } catch (e) { report(e); }
  }
  if (input.value) search();
}

// ---- routing ---------------------------------------------------------------------------------------------------
const routes = [
  [/^\/(projects)?$/, () => projectsPage(), "projects"],
  [/^\/projects\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, (m) => projectPage(m[1]), "projects"],
  [/^\/new$/, () => newPage(), "new"],
  [/^\/search$/, () => searchPage(), "search"],
];

function route() {
  stopPage();
  stopPage = () => {};
  showProblem("");
  for (const [pattern, page, section] of routes) {
    const match = location.pathname.match(pattern);
    if (!match) continue;
    for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.page === section);
    stopPage = page(match) || (() => {});
    return;
  }
  fill(view(), h("p", {}, "Nothing here. ", h("a", { href: "/projects" }, "See the projects.")));
}

function navigate(url) {
  history.pushState(null, "", url);
  route();
  window.scrollTo(0, 0);
}

document.addEventListener("click", (e) => {
  const a = e.target.closest("a");
  if (!a || a.target || a.hasAttribute("download") || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !routes.some(([pattern]) => pattern.test(url.pathname))) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener("popstate", route);

setUpSettings();
route();
