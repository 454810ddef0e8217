// The AppHost dashboard: a small single-page front end over the dashboard's JSON API (same origin, cookie login).
// No framework and nothing from a CDN: it has to work on a machine without internet. Every value from the API is put
// into the page as text (never as HTML).
"use strict";

const view = () => document.getElementById("view");
let stopPage = () => {};

// ---- helpers ---------------------------------------------------------------------------------------------------
// h(tag, attrs, ...children) comes from dom.js, loaded first.
const svgNs = "http://www.w3.org/2000/svg";
function s(tag, attrs) {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  return el;
}

async function api(path, options) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  if (response.status === 401) {
    showProblem("The dashboard needs its login token: open the URL with ?t=… that the AppHost printed at start.");
    throw new Error("401");
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = [problem.title, problem.detail, ...Object.values(problem.errors || {}).flat()].filter(Boolean).join(": ");
    } catch { /* not a problem document */ }
    throw new Error(detail);
  }
  return response.json();
}

function showProblem(message) {
  const box = document.getElementById("problem");
  box.textContent = message;
  box.hidden = !message;
}

function every(ms, fn) {
  let timer = null, stopped = false;
  const run = async () => {
    try { await fn(); showProblem(""); } catch (e) { if (e.message !== "401") showProblem(e.message); }
    if (!stopped) timer = setTimeout(run, ms);
  };
  run();
  return () => { stopped = true; clearTimeout(timer); };
}

function colorOf(name) {
  let hash = 0;
  for (const ch of name || "") hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360}, 62%, 58%)`;
}

function serviceChip(name) {
  const dot = h("span", { class: "dot" });
  dot.style.background = colorOf(name);
  return h("span", { class: "chip" }, dot, name);
}

function ms(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  if (value >= 60000) return `${(value / 60000).toFixed(1)} min`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(2)} ms`;
}

const time = (iso) => new Date(iso).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(iso).getMilliseconds()).padStart(3, "0");

function since(iso) {
  if (!iso) return "–";
  let seconds = Math.max(0, Math.round((Date.now() - new Date(iso)) / 1000));
  const hours = Math.floor(seconds / 3600), minutes = Math.floor((seconds % 3600) / 60);
  seconds %= 60;
  return hours ? `${hours} h ${minutes} min` : minutes ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

function query() { return new URLSearchParams(location.search); }

function setQuery(values) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== "" && v !== false && v !== null && v !== undefined) params.set(k, v);
  const search = params.toString();
  history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
}

function kv(pairs) {
  return h("div", { class: "kv" }, pairs.flatMap(([k, v]) => [h("span", { class: "k" }, k), h("span", {}, v)]));
}

// ---- resources -------------------------------------------------------------------------------------------------
function resourcesPage() {
  const body = h("tbody");
  const busy = new Set();
  view().replaceChildren(h("h1", {}, "Resources"),
    h("table", {}, h("thead", {}, h("tr", {}, ["Name", "Type", "State", "PID", "Uptime", "Restarts", "Endpoints", ""].map((t) =>
      h("th", { class: ["Type", "Endpoints"].includes(t) ? "hide-sm" : null }, t)))), body));

  async function act(name, action) {
    busy.add(name);
    refresh();
    try {
      await api(`/api/resources/${encodeURIComponent(name)}/${action}`, { method: "POST" });
      showProblem("");
    } catch (e) { showProblem(e.message); } finally { busy.delete(name); refresh(); }
  }

  let last = [];
  function render() {
    body.replaceChildren(...last.map((r) => {
      const running = ["Running", "Starting", "Restarting"].includes(r.state);
      const button = (label, action, enabled) => h("button", { disabled: busy.has(r.name) || !enabled, "data-action": action,
        onclick: () => act(r.name, action) }, label);
      return h("tr", { "data-resource": r.name },
        h("td", {}, serviceChip(r.name)),
        h("td", { class: "hide-sm muted" }, r.type),
        h("td", {}, h("span", { class: `badge ${r.state}` }, busy.has(r.name) ? "…" : r.state),
          r.lastExitCode !== undefined && r.lastExitCode !== null && !running ? h("span", { class: "muted" }, ` exit ${r.lastExitCode}`) : null),
        h("td", { class: "num mono" }, r.pid ?? "–"),
        h("td", { class: "num" }, running ? since(r.startedAt) : "–"),
        h("td", { class: "num" }, r.restarts),
        h("td", { class: "hide-sm mono" }, (r.endpoints || []).map((e) => h("div", {}, e.startsWith("http") ? h("a", { href: e, target: "_blank", rel: "noopener" }, e) : e))),
        h("td", {}, h("div", { class: "actions" },
          button("Stop", "stop", running), button("Start", "start", !running), button("Restart", "restart", true),
          h("a", { href: `/console/${encodeURIComponent(r.name)}`, "data-link": "" }, "Console"))));
    }));
  }
  async function refresh() {
    if (!busy.size) last = await api("/api/resources");
    render();
  }
  return every(2000, refresh);
}

// ---- console ---------------------------------------------------------------------------------------------------
function consolePage(name) {
  const picker = h("select", { onchange: () => navigate(`/console/${encodeURIComponent(picker.value)}`) });
  const filter = h("input", { type: "search", placeholder: "Filter lines", oninput: () => applyFilter() });
  const follow = h("input", { type: "checkbox", checked: true });
  const out = h("pre", { class: "console" });
  const state = h("span", { class: "muted" });
  view().replaceChildren(h("h1", {}, "Console"),
    h("div", { class: "filters" }, picker, filter, h("label", {}, follow, "Follow"), state), out);

  let source = null;
  api("/api/console").then((names) => {
    const chosen = name || names[0];
    picker.replaceChildren(...names.map((n) => h("option", { value: n, selected: n === chosen }, n)));
    if (!chosen) return;
    source = new EventSource(`/api/console/${encodeURIComponent(chosen)}/stream?tail=1000`);
    source.onopen = () => { state.textContent = "live"; };
    source.onerror = () => { state.textContent = "reconnecting…"; };
    source.addEventListener("line", (e) => {
      const line = JSON.parse(e.data);
      const row = h("div", { class: line.isError ? "err" : null }, h("span", { class: "ts" }, time(line.timestamp) + "  "), line.text);
      if (filter.value && !line.text.toLowerCase().includes(filter.value.toLowerCase())) row.hidden = true;
      out.append(row);
      while (out.childElementCount > 5000) out.firstElementChild.remove();
      if (follow.checked) out.scrollTop = out.scrollHeight;
    });
  }).catch((e) => showProblem(e.message));

  function applyFilter() {
    const text = filter.value.toLowerCase();
    for (const row of out.children) row.hidden = !!text && !row.textContent.toLowerCase().includes(text);
  }
  return () => source?.close();
}

// ---- structured logs -------------------------------------------------------------------------------------------
function logsPage() {
  const q = query();
  const resource = h("select", {}, h("option", { value: "" }, "All resources"));
  const level = h("select", {}, ["", "Trace", "Debug", "Information", "Warning", "Error", "Critical"].map((l) =>
    h("option", { value: l, selected: l === (q.get("level") || "") }, l ? `${l} and above` : "Any level")));
  const text = h("input", { type: "search", placeholder: "Text", value: q.get("text") || "" });
  const traceId = h("input", { type: "search", placeholder: "Trace id", class: "mono", size: 34, value: q.get("traceId") || "" });
  const live = h("input", { type: "checkbox", checked: true });
  const body = h("tbody");
  const count = h("span", { class: "muted" });
  let wanted = q.get("resource"); // chosen in the address until the list of resources has loaded
  resource.addEventListener("change", () => { wanted = null; refresh(); });
  level.addEventListener("change", () => refresh());
  for (const el of [text, traceId]) el.addEventListener("input", () => refresh());

  view().replaceChildren(h("h1", {}, "Structured logs"),
    h("div", { class: "filters" }, resource, level, text, traceId, h("label", {}, live, "Live"), count),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Time"), h("th", {}, "Level"), h("th", {}, "Resource"), h("th", {}, "Message"), h("th", { class: "hide-sm" }, "Trace"))), body));

  api("/api/resources").then((resources) => {
    const names = [...new Set(resources.flatMap((r) => [r.resource, r.name]))];
    resource.append(...names.map((n) => h("option", { value: n, selected: n === q.get("resource") }, n)));
  }).catch(() => {});

  const open = new Set();
  async function refresh() {
    const filters = { resource: resource.value || wanted || "", level: level.value, text: text.value.trim(), traceId: traceId.value.trim() };
    setQuery(filters);
    const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), limit: 500 });
    const logs = await api(`/api/logs?${params}`);
    count.textContent = `${logs.length} record${logs.length === 1 ? "" : "s"}`;
    body.replaceChildren(...logs.flatMap((l, i) => {
      const key = `${l.time}|${l.resource.instanceId}|${i}`;
      const row = h("tr", { class: "clickable", onclick: () => { open.has(key) ? open.delete(key) : open.add(key); refresh(); } },
        h("td", { class: "mono" }, time(l.time)),
        h("td", {}, h("span", { class: `badge ${l.level}` }, l.level)),
        h("td", {}, serviceChip(l.resource.instanceId || l.resource.serviceName)),
        h("td", {}, l.body),
        h("td", { class: "hide-sm mono" }, l.traceId ? h("a", { href: `/traces/${l.traceId}`, "data-link": "", onclick: (e) => e.stopPropagation() }, l.traceId.slice(0, 12) + "…") : ""));
      if (!open.has(key)) return [row];
      return [row, h("tr", { class: "details" }, h("td", { colspan: 5 }, kv([
        ["scope", l.scope], ["event", l.eventName || "–"], ["span", l.spanId || "–"],
        ...l.attributes.map((a) => [a.key, a.value]), ...l.resource.attributes.map((a) => [`resource ${a.key}`, a.value])])))];
    }));
  }
  const stop = every(4000, async () => { if (live.checked) await refresh(); });
  return stop;
}

// ---- traces ----------------------------------------------------------------------------------------------------
function tracesPage() {
  const q = query();
  const service = h("select", {}, h("option", { value: "" }, "All services"));
  const minDuration = h("input", { type: "number", min: 0, placeholder: "Min ms", value: q.get("minDurationMs") || "", size: 8 });
  const errorsOnly = h("input", { type: "checkbox", checked: q.get("errorsOnly") === "true" });
  const body = h("tbody");
  let wanted = q.get("service"); // chosen in the address until the trace list has named it
  service.addEventListener("change", () => { wanted = null; refresh(); });
  errorsOnly.addEventListener("change", () => refresh());
  minDuration.addEventListener("input", () => refresh());

  view().replaceChildren(h("h1", {}, "Traces"),
    h("div", { class: "filters" }, service, h("label", {}, "Duration ≥", minDuration, "ms"), h("label", {}, errorsOnly, "Errors only")),
    h("table", { id: "traces" }, h("thead", {}, h("tr", {}, h("th", {}, "Time"), h("th", {}, "Root"), h("th", { class: "hide-sm" }, "Services"),
      h("th", { class: "num" }, "Spans"), h("th", { class: "num" }, "Duration"), h("th", {}, ""))), body));

  let known = new Set();
  async function refresh() {
    const filters = { service: service.value || wanted || "", minDurationMs: minDuration.value, errorsOnly: errorsOnly.checked ? "true" : "" };
    setQuery(filters);
    const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), limit: 200 });
    const traces = await api(`/api/traces?${params}`);
    const longest = Math.max(1, ...traces.map((t) => t.durationMs));
    for (const name of traces.flatMap((t) => t.services)) {
      if (known.has(name)) continue;
      known.add(name);
      service.append(h("option", { value: name, selected: name === q.get("service") }, name));
    }
    body.replaceChildren(...traces.map((t) => {
      const bar = h("div", { class: "bar" });
      bar.style.width = `${Math.max(1, (t.durationMs / longest) * 100)}%`;
      bar.style.background = t.hasError ? "var(--bad)" : colorOf(t.rootService);
      return h("tr", { class: "clickable", "data-trace": t.traceId, onclick: () => navigate(`/traces/${t.traceId}`) },
        h("td", { class: "mono" }, time(t.start)),
        h("td", {}, serviceChip(t.rootService), h("a", { href: `/traces/${t.traceId}`, "data-link": "" }, t.rootName)),
        h("td", { class: "hide-sm" }, t.services.map(serviceChip)),
        h("td", { class: "num" }, t.spanCount),
        h("td", { class: "num" }, ms(t.durationMs), h("div", {}, bar)),
        h("td", {}, t.hasError ? h("span", { class: "badge error" }, "error") : ""));
    }));
  }
  return every(5000, refresh);
}

function spanTree(spans) {
  const ids = new Set(spans.map((x) => x.spanId));
  const children = new Map();
  const roots = [];
  for (const span of spans) {
    if (span.parentSpanId && ids.has(span.parentSpanId)) {
      if (!children.has(span.parentSpanId)) children.set(span.parentSpanId, []);
      children.get(span.parentSpanId).push(span);
    } else roots.push(span);
  }
  const rows = [];
  const walk = (span, depth) => {
    rows.push({ span, depth });
    for (const child of (children.get(span.spanId) || []).sort((a, b) => new Date(a.start) - new Date(b.start))) walk(child, depth + 1);
  };
  roots.sort((a, b) => new Date(a.start) - new Date(b.start)).forEach((r) => walk(r, 0));
  return rows;
}

const isDatabase = (span) => span.scope === "Npgsql" || span.attributes.some((a) => a.key === "db.system" || a.key === "db.system.name");

function tracePage(traceId) {
  view().replaceChildren(h("p", { class: "muted" }, "Loading trace…"));
  const collapsed = new Set();
  const showDatabase = h("input", { type: "checkbox" });
  let entries = [];
  let selected = null;

  // Rows come in depth-first order, so a collapsed row's descendants are the rows after it that are deeper.
  function applyVisibility() {
    let hideBelow = null;
    for (const e of entries) {
      let visible = hideBelow === null || e.depth <= hideBelow;
      if (visible) hideBelow = null;
      if (visible && !showDatabase.checked && isDatabase(e.span)) visible = false;
      e.row.hidden = !visible;
      if (!visible) e.detail.hidden = true;
      if (visible && collapsed.has(e.span.spanId)) hideBelow = e.depth;
    }
  }
  showDatabase.addEventListener("change", applyVisibility);

  api(`/api/traces/${encodeURIComponent(traceId)}`).then((trace) => {
    const spans = [...new Map(trace.spans.map((x) => [x.spanId, x])).values()]; // an exporter retry may repeat a span
    const start = Math.min(...spans.map((x) => new Date(x.start).getTime()));
    const total = Math.max(1, ...spans.map((x) => new Date(x.start).getTime() + x.durationMs - start));
    const summary = trace.summary;
    const wf = h("div", { class: "waterfall", id: "waterfall" });
    const ticks = h("div", { class: "ticks" });
    for (const f of [0, 0.25, 0.5, 0.75, 1]) {
      const tick = h("span", { class: "tick" }, ms(total * f));
      tick.style.left = `${f * 100}%`;
      if (f === 1) tick.style.transform = "translateX(-100%)";
      if (f === 0) tick.style.transform = "none";
      ticks.append(tick);
    }
    wf.append(h("div", { class: "wf-axis" }, h("div", { class: "wf-label" }, "Span"), ticks));
    const tree = spanTree(spans);
    entries = tree.map(({ span, depth }, i) => {
      const hasChildren = i + 1 < tree.length && tree[i + 1].depth > depth;
      const offset = new Date(span.start).getTime() - start;
      const bar = h("div", { class: `wf-bar${span.status === "Error" ? " error" : ""}`, title: `${span.name} ${ms(span.durationMs)}` });
      bar.style.left = `${(offset / total) * 100}%`;
      bar.style.width = `${(span.durationMs / total) * 100}%`;
      bar.style.background = colorOf(span.resource.serviceName);
      const timeLabel = h("span", { class: "wf-time mono" }, ms(span.durationMs));
      const right = (offset + span.durationMs) / total;
      if (right < 0.85) timeLabel.style.left = `calc(${right * 100}% + 6px)`;
      else timeLabel.style.right = `calc(${(1 - offset / total) * 100}% + 6px)`;
      const caret = h("span", { class: "caret" }, hasChildren ? "▾" : "");
      if (hasChildren) caret.addEventListener("click", (e) => {
        e.stopPropagation();
        collapsed.has(span.spanId) ? collapsed.delete(span.spanId) : collapsed.add(span.spanId);
        caret.textContent = collapsed.has(span.spanId) ? "▸" : "▾";
        applyVisibility();
      });
      const name = h("div", { class: "wf-label" }, caret, serviceChip(span.resource.serviceName), h("span", {}, span.name),
        span.status === "Error" ? h("span", { class: "badge error" }, "error") : null);
      name.style.paddingLeft = `${4 + depth * 10}px`;
      const row = h("div", { class: "wf-row", "data-span": span.spanId, "data-name": span.name }, name, h("div", { class: "wf-track" }, bar, timeLabel));
      const detail = h("div", { class: "wf-detail", hidden: true }, kv([
        ["service", span.resource.instanceId ? `${span.resource.serviceName} (${span.resource.instanceId})` : span.resource.serviceName],
        ["kind", span.kind], ["start", `${new Date(span.start).toISOString()} (+${ms(offset)})`], ["duration", ms(span.durationMs)],
        ["status", span.statusMessage ? `${span.status}: ${span.statusMessage}` : span.status], ["span id", span.spanId],
        ["parent", span.parentSpanId || "–"], ["scope", span.scope],
        ...span.attributes.map((a) => [a.key, a.value])]),
        span.events.length ? h("h2", {}, "Events") : null,
        span.events.map((e) => h("div", { class: "mono" }, `+${ms(new Date(e.time).getTime() - start)}  ${e.name}  `,
          e.attributes.map((a) => `${a.key}=${a.value}`).join("  "))));
      row.addEventListener("click", () => {
        if (selected && selected.row !== row) { selected.row.classList.remove("selected"); selected.detail.hidden = true; }
        detail.hidden = !detail.hidden;
        row.classList.toggle("selected", !detail.hidden);
        selected = detail.hidden ? null : { row, detail };
      });
      wf.append(row, detail);
      return { span, depth, row, detail };
    });
    const databaseCount = spans.filter(isDatabase).length;
    view().replaceChildren(
      h("h1", {}, serviceChip(summary.rootService), summary.rootName),
      h("div", { class: "summary" },
        h("span", {}, "Trace ", h("b", { class: "mono" }, summary.traceId)),
        h("span", {}, "Started ", h("b", {}, new Date(summary.start).toLocaleString())),
        h("span", {}, "Duration ", h("b", {}, ms(summary.durationMs))),
        h("span", {}, "Spans ", h("b", {}, spans.length)),
        h("span", {}, summary.services.map(serviceChip)),
        summary.hasError ? h("span", { class: "badge error" }, "error") : null,
        h("a", { href: `/logs?traceId=${summary.traceId}`, "data-link": "" }, "Logs of this trace")),
      databaseCount ? h("div", { class: "filters" }, h("label", {}, showDatabase, `Show ${databaseCount} database command${databaseCount === 1 ? "" : "s"}`)) : null,
      wf);
    applyVisibility();
  }).catch((e) => view().replaceChildren(h("h1", {}, "Trace"), h("p", {}, e.message.startsWith("404")
    ? `No trace ${traceId} in the window (it may not have arrived yet, or was evicted).` : e.message)));
  return () => {};
}

// ---- metrics ---------------------------------------------------------------------------------------------------
function sparkline(values, color) {
  const svg = s("svg", { viewBox: "0 0 100 30", preserveAspectRatio: "none" });
  const finite = values.map((v) => (v === null || v === undefined ? null : v));
  const max = Math.max(1e-9, ...finite.filter((v) => v !== null));
  const step = values.length > 1 ? 100 / (values.length - 1) : 100;
  const points = finite.map((v, i) => (v === null ? null : `${(i * step).toFixed(2)},${(29 - (v / max) * 27).toFixed(2)}`)).filter(Boolean);
  svg.append(s("polyline", { points: points.join(" "), fill: "none", stroke: color, "stroke-width": 1.5, "vector-effect": "non-scaling-stroke" }));
  return svg;
}

function metricsPage() {
  const requests = h("div", { class: "cards", id: "requests" });
  const stages = h("tbody", { id: "stages" });
  const queues = h("tbody", { id: "queues" });
  view().replaceChildren(h("h1", {}, "Metrics"),
    h("h2", {}, "Requests per service, last 10 minutes (health probes excluded)"), requests,
    h("h2", {}, "Pipeline stage durations"),
    h("table", {}, h("thead", {}, h("tr", {}, ["Stage", "Runs", "Errors", "p50", "p95", "Max", "Last", ""].map((t, i) =>
      h("th", { class: i > 0 && i < 7 ? "num" : null }, t)))), stages),
    h("h2", {}, "RabbitMQ queues"),
    h("table", {}, h("thead", {}, h("tr", {}, ["Queue", "Ready", "Unacked", "Consumers", "Publish/s", "Ack/s"].map((t, i) =>
      h("th", { class: i > 0 ? "num" : null }, t)))), queues));

  return every(5000, async () => {
    const [services, durations, depths] = await Promise.all([
      api("/api/metrics/requests?minutes=10&windowSeconds=10"), api("/api/metrics/stages"),
      api("/api/metrics/queues").catch((e) => { showProblem(e.message); return null; })]);
    requests.replaceChildren(...(services.length ? services.map((x) => h("div", { class: "card", "data-service": x.service },
      h("div", { class: "title" }, serviceChip(x.service), h("span", { class: "muted" }, `${x.requests} requests`)),
      kv([["rate", `${x.ratePerSecond.toFixed(2)} req/s`], ["p50", ms(x.p50Ms)], ["p99", ms(x.p99Ms)], ["5xx", x.serverErrors]]),
      h("div", { class: "muted" }, "req/s"), sparkline(x.windows.map((w) => w.ratePerSecond), colorOf(x.service)),
      h("div", { class: "muted" }, "p99"), sparkline(x.windows.map((w) => w.p99Ms ?? null), "#f0c15a")))
      : [h("p", { class: "muted" }, "No requests yet.")]));
    const slowest = Math.max(1, ...durations.map((d) => d.p50Ms));
    stages.replaceChildren(...durations.map((d) => {
      const bar = h("div", { class: "bar" });
      bar.style.width = `${(d.p50Ms / slowest) * 100}%`;
      return h("tr", { "data-stage": d.name }, h("td", {}, d.name), h("td", { class: "num" }, d.count), h("td", { class: "num" }, d.errors),
        h("td", { class: "num" }, ms(d.p50Ms)), h("td", { class: "num" }, ms(d.p95Ms)), h("td", { class: "num" }, ms(d.maxMs)),
        h("td", { class: "num" }, ms(d.lastMs)), h("td", { class: "hide-sm" }, bar));
    }));
    if (!durations.length) stages.replaceChildren(h("tr", {}, h("td", { colspan: 8, class: "muted" }, "No pipeline runs yet.")));
    if (depths) queues.replaceChildren(...depths.map((q) => h("tr", { "data-queue": q.name }, h("td", { class: "mono" }, q.name),
      h("td", { class: "num" }, q.ready), h("td", { class: "num" }, q.unacknowledged), h("td", { class: "num" }, q.consumers),
      h("td", { class: "num" }, q.publishRate.toFixed(1)), h("td", { class: "num" }, q.ackRate.toFixed(1)))));
  });
}

// ---- routing ---------------------------------------------------------------------------------------------------
function route() {
  stopPage();
  showProblem("");
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const page = parts[0] || "resources";
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.page === page);
  const pages = {
    resources: () => resourcesPage(),
    console: () => consolePage(parts[1]),
    logs: () => logsPage(),
    traces: () => (parts[1] ? tracePage(parts[1]) : tracesPage()),
    metrics: () => metricsPage(),
  };
  stopPage = (pages[page] || pages.resources)();
  document.title = `${page[0].toUpperCase()}${page.slice(1)} · ContentMachine dashboard`;
}

function navigate(path) {
  history.pushState(null, "", path);
  route();
}

document.addEventListener("click", (e) => {
  const link = e.target.closest("a[data-link], nav a, a.brand");
  if (!link || e.ctrlKey || e.metaKey || e.shiftKey || link.target) return;
  e.preventDefault();
  navigate(link.getAttribute("href"));
});
window.addEventListener("popstate", route);
document.addEventListener("DOMContentLoaded", route);
