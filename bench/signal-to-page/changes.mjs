// Herald bench: the time from a webhook's 202 to the change being visible at the three places a reader looks:
// status-api's SSE stream (/api/v1/stream, event `change`), summary.json (polled with If-None-Match) and status-web's
// /events (event `view`, the whole view as JSON). One Node process watches all three and posts the webhooks, so every
// time is read on one clock (performance.now()).
//
//   node bench/signal-to-page/changes.mjs  (started by bench/signal-to-page.sh, which starts the stack with bin/run)
// Environment: INGEST_URL, API_URL, WEB_URL (loopback), TOKEN (the source's bearer token), SOURCE (demo), CHECK,
// COMPONENT, CHANGES (1000), WARMUP (10, not counted), TIMEOUT_MS (5000: abort when a change is not seen everywhere
// by then), POLL_MS (2: pause between two summary.json polls), PAUSE_MS (50: pause after a change was seen everywhere),
// NONCE (makes the webhook ids of this run unique)
//
// Each change is one generic-JSON webhook, alternately down and up, with an id never used before, posted only once the
// previous change was seen on all three. Its latency on a channel is (first time the channel shows the new status)
// minus (time the 202 arrived); a channel that showed it before the 202 arrived counts 0 ms (and is counted apart).
// The status a down or up signal gives the component is learned from the first warm-up changes on the SSE stream.
import http from "node:http";

const ingest = new URL(process.env.INGEST_URL || "http://127.0.0.1:18482");
const api = new URL(process.env.API_URL || "http://127.0.0.1:18481");
const web = new URL(process.env.WEB_URL || "http://127.0.0.1:18480");
const token = process.env.TOKEN || "";
const source = process.env.SOURCE || "demo";
const check = process.env.CHECK || "bench-monitor";
const component = process.env.COMPONENT || "bench-component";
const changes = Number(process.env.CHANGES || 1000);
const warmup = Math.max(2, Number(process.env.WARMUP || 10));
const timeoutMs = Number(process.env.TIMEOUT_MS || 5000);
const pollMs = Number(process.env.POLL_MS || 2);
const pauseMs = Number(process.env.PAUSE_MS || 50);
const nonce = process.env.NONCE || `${Date.now()}-${process.pid}`;
// A POST or a poll that gets no answer at all stops the bench too.
const requestTimeoutMs = Math.max(timeoutMs, 5000);

const CHANNELS = ["sse", "summary", "view"];
const LABELS = { sse: "status-api SSE (change)", summary: "summary.json (poll)", view: "status-web /events (view)" };

// What each channel shows for the component now, and since when (performance.now() of the frame or answer).
const shown = { sse: { status: null, since: 0 }, summary: { status: null, since: 0 }, view: { status: null, since: 0 } };
let current = null; // the change being awaited: {expected, postedAt, seen: {channel: time}, done}
const learned = {}; // "down"/"up" -> the component status it gives (from the SSE change)
let sseFrames = 0;
let viewFrames = 0;
let polls = 0;

function show(channel, status, at) {
  const s = shown[channel];
  if (s.status !== status) {
    s.status = status;
    s.since = at;
  }
  examine();
}

// Marks the channels that now show the awaited change, and settles the change once all three do.
function examine() {
  const c = current;
  if (!c || c.done) return;
  if (c.expected === null && learned[c.signal]) c.expected = learned[c.signal];
  if (c.expected === null) return;
  for (const channel of CHANNELS) {
    const s = shown[channel];
    if (c.seen[channel] === undefined && s.status === c.expected && s.since >= c.postedAt) c.seen[channel] = s.since;
  }
  if (c.answeredAt !== undefined && CHANNELS.every((channel) => c.seen[channel] !== undefined)) {
    c.done = true;
    c.resolve();
  }
}

// A server-sent event stream: calls onEvent(name, data, id) per event, resolves once the response headers came.
function openStream(url, onEvent, what) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Accept: "text/event-stream" }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`${what}: HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk) => {
        buffer += chunk.replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = "message";
          let id = null;
          const data = [];
          for (const line of block.split("\n")) {
            if (line === "" || line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "event") name = value;
            else if (field === "data") data.push(value);
            else if (field === "id") id = value;
          }
          if (data.length) onEvent(name, data.join("\n"), id);
        }
      });
      res.on("close", () => {
        if (!finished) fail(`${what} closed the stream during the run`);
      });
      resolve(req);
    });
    req.on("error", (e) => (finished ? null : reject(new Error(`${what}: ${e.message}`))));
  });
}

function onApiEvent(name, data) {
  if (name !== "change") return;
  const at = performance.now();
  sseFrames++;
  const notice = JSON.parse(data);
  const change = notice.change;
  if (!change || change.component !== component || change.from === change.to) return;
  if (current && !current.done && current.expected === null && !learned[current.signal]) {
    learned[current.signal] = change.to;
  }
  show("sse", change.to, at);
}

function onWebEvent(name, data) {
  if (name !== "view") return;
  const at = performance.now();
  viewFrames++;
  const view = JSON.parse(data);
  for (const service of view.services || []) {
    for (const c of service.components || []) {
      if (c.id === component) show("view", c.status, at);
    }
  }
}

const pollAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let etag = null;

function getSummary() {
  return new Promise((resolve, reject) => {
    const headers = etag ? { "If-None-Match": etag } : {};
    const req = http.get(new URL("/api/v2/summary.json", api), { agent: pollAgent, headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        const at = performance.now();
        polls++;
        if (res.statusCode === 304) return resolve();
        if (res.statusCode !== 200) return reject(new Error(`summary.json: HTTP ${res.statusCode}`));
        etag = res.headers.etag || null;
        const summary = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const found = (summary.components || []).find((c) => c.id === component && !c.group);
        if (!found) return reject(new Error(`summary.json has no component ${component}`));
        show("summary", found.status, at);
        resolve();
      });
    });
    req.setTimeout(requestTimeoutMs, () => req.destroy(new Error(`summary.json: no answer within ${requestTimeoutMs} ms`)));
    req.on("error", reject);
  });
}

// One request in flight at a time, POLL_MS apart, only while a change is awaited and until it shows.
async function pollSummary(c) {
  while (!c.done && c.seen.summary === undefined && !finished) {
    await getSummary();
    if (c.seen.summary === undefined) await sleep(pollMs);
  }
}

const postAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(signal, n) {
  const body = JSON.stringify({ check, status: signal, detail: `bench change ${n}`, id: `${nonce}-${n}` });
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/ingest/${source}`, ingest), {
      method: "POST", agent: postAgent,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(body) },
    }, (res) => {
      const answeredAt = performance.now();
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (res.statusCode !== 202) return reject(new Error(`webhook ${n}: HTTP ${res.statusCode} ${text}`));
        if (JSON.parse(text).duplicate !== false) return reject(new Error(`webhook ${n} was taken as a duplicate: ${text}`));
        resolve(answeredAt);
      });
    });
    req.setTimeout(requestTimeoutMs, () => req.destroy(new Error(`webhook ${n}: no answer within ${requestTimeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

// Posts change n and waits until all three channels show it; returns {post, sse, summary, view, early}.
async function change(n, signal, limit) {
  let resolve;
  const settled = new Promise((r) => (resolve = r));
  const c = { n, signal, expected: learned[signal] || null, seen: {}, done: false, resolve };
  current = c;
  c.postedAt = performance.now();
  const polling = pollSummary(c).catch((e) => fail(e.message));
  c.answeredAt = await post(signal, n);
  examine();
  let timer;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r("timeout"), limit)));
  const outcome = await Promise.race([settled, timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    c.done = true;
    const missing = CHANNELS.filter((channel) => c.seen[channel] === undefined).map((ch) => LABELS[ch]);
    fail(`change ${n} (${signal}${c.expected ? `, component ${c.expected}` : ""}) was not seen within ${limit} ms `
      + `of its 202 on: ${missing.join(", ")}. Shown now: sse=${shown.sse.status} summary=${shown.summary.status} `
      + `view=${shown.view.status}`);
  }
  await polling;
  const result = { post: c.answeredAt - c.postedAt, early: [] };
  for (const channel of CHANNELS) {
    const latency = c.seen[channel] - c.answeredAt;
    if (latency < 0) result.early.push(channel);
    result[channel] = Math.max(0, latency);
  }
  return result;
}

let finished = false;
function fail(message) {
  if (finished) return;
  finished = true;
  console.error(`bench: ${message}`);
  process.exit(1);
}

async function main() {
  await openStream(new URL("/api/v1/stream", api), onApiEvent, "status-api /api/v1/stream");
  await openStream(new URL("/events", web), onWebEvent, "status-web /events");
  await waitFor(() => shown.view.status !== null, 30000, "status-web's first view");
  await getSummary();
  // Warm-up: learns what down and up make of the component, and lets the JIT see the path; not counted.
  for (let n = 0; n < warmup; n++) await change(`warm-up-${n}`, n % 2 === 0 ? "down" : "up", 30000);
  if (!learned.down || !learned.up || learned.down === learned.up) {
    fail(`down and up did not give two statuses on the stream (down: ${learned.down}, up: ${learned.up})`);
  }
  console.log(`warm-up: ${warmup} changes (not counted); down = ${learned.down}, up = ${learned.up}`);
  const results = [];
  const pollsBefore = polls;
  const started = performance.now();
  for (let n = 0; n < changes; n++) {
    results.push(await change(n, n % 2 === 0 ? "down" : "up", timeoutMs));
    if ((n + 1) % 100 === 0) console.log(`  ${n + 1}/${changes} changes`);
    if (pauseMs > 0) await sleep(pauseMs);
  }
  const seconds = (performance.now() - started) / 1000;
  finished = true;

  console.log(`\n${changes} changes in ${seconds.toFixed(1)} s, each from its 202 (ms; a change seen before its 202 `
    + "arrived counts 0 ms):");
  console.log(`${"".padEnd(28)}${"p50".padStart(9)}${"p99".padStart(9)}${"max".padStart(9)}  before the 202`);
  const p99s = {};
  for (const channel of CHANNELS) {
    const sorted = results.map((r) => r[channel]).sort((a, b) => a - b);
    p99s[channel] = pct(sorted, 99);
    const early = results.filter((r) => r.early.includes(channel)).length;
    console.log(`${LABELS[channel].padEnd(28)}${ms(pct(sorted, 50))}${ms(p99s[channel])}${ms(sorted[sorted.length - 1])}`
      + `  ${early}`);
  }
  const posts = results.map((r) => r.post).sort((a, b) => a - b);
  console.log(`${"(the POST until its 202)".padEnd(28)}${ms(pct(posts, 50))}${ms(pct(posts, 99))}${ms(posts[posts.length - 1])}`);
  console.log(`summary.json polls: ${polls - pollsBefore} (${((polls - pollsBefore) / changes).toFixed(1)} per change, `
    + `${pollMs} ms apart, one at a time); frames read: ${sseFrames} change, ${viewFrames} view`);
  const missed = CHANNELS.filter((channel) => p99s[channel] > 250);
  console.log(missed.length === 0 ? "goal p99 <= 250 ms: met on all three"
    : `goal p99 <= 250 ms: NOT met on ${missed.map((ch) => LABELS[ch]).join(", ")}`);
  process.exit(0);
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function ms(v) {
  return v.toFixed(1).padStart(9);
}
function sleep(msec) {
  return new Promise((r) => setTimeout(r, msec));
}
async function waitFor(condition, timeout, what) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

main().catch((e) => fail(e.message));
