// Herald bench: N concurrent EventSource-style connections on one status-web, and the time for one status change
// to reach all of them. This process is also status-web's status-api (a fake that serves /api/v1/status and holds
// /api/v1/stream), so the moment a change is sent upstream and the moment each browser connection receives the new
// view are read on the same clock.
//
//   node bench/web-sse/fanout.mjs  (started by bench/web-sse.sh, which starts status-web against it)
// Environment: FAKE_API_PORT, WEB_URL, CONNECTIONS (5000), ROUNDS (5), OPEN_RATE (connections per ms batch, 200),
// WEB_PID (status-web's process: its CPU time per change is printed too, a figure that a loaded machine disturbs less
// than the wall-clock latencies)
import http from "node:http";
import fs from "node:fs";

const apiPort = Number(process.env.FAKE_API_PORT || 18380);
const webUrl = new URL(process.env.WEB_URL || "http://127.0.0.1:18381");
const connections = Number(process.env.CONNECTIONS || 5000);
const rounds = Number(process.env.ROUNDS || 5);
const mode = process.argv[2] || "run";
const webPid = process.env.WEB_PID;

// CPU time of every thread of a process so far, in ms (Linux schedstat: nanoseconds on a CPU), or null.
function cpuMs(pid) {
  if (!pid) return null;
  try {
    let ns = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // A thread that ended in between.
      }
    }
    return ns / 1e6;
  } catch {
    return null;
  }
}

const components = ["smtp-submission", "imap-pop", "outlook-web", "activesync-endpoints", "intranet", "public-site"];
let round = 0;
let statusNow = "operational";

function statusDocument() {
  const at = new Date(Date.UTC(2026, 10, 26, 9, 0, round)).toISOString();
  return JSON.stringify({
    page: { id: "bench", name: "Herald bench", url: "http://localhost", time_zone: "Europe/Paris", updated_at: at },
    status: { indicator: statusNow === "operational" ? "none" : "major", description: "" },
    services: [
      { id: "email", name: "Email", status: statusNow, components: components.slice(0, 3).map((id) => component(id, at)) },
      { id: "activesync", name: "ActiveSync", status: "operational", components: [component("activesync-endpoints", at)] },
      { id: "web", name: "Web", status: "operational", components: components.slice(4).map((id) => component(id, at)) },
    ],
    last_event_id: `1764147600000-${round}`,
    incidents: [],
    maintenances: [],
  });
  function component(id, at) {
    const status = id === "smtp-submission" ? statusNow : "operational";
    return { id, name: id, status, since: at, updated_at: at, cause: status === "operational" ? null : "bench",
      detail: status === "operational" ? null : `round ${round}`, evaluated: true };
  }
}

const upstream = new Set();
let statusGets = 0;
const api = http.createServer((req, res) => {
  if (req.url.startsWith("/api/v1/status")) {
    statusGets++;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(statusDocument());
  } else if (req.url.startsWith("/api/v1/stream")) {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
    res.write(": connected\n\n");
    upstream.add(res);
    req.on("close", () => upstream.delete(res));
  } else {
    res.writeHead(404);
    res.end();
  }
});

if (mode === "api") {
  api.listen(apiPort, "127.0.0.1", () => console.error(`fake status-api on ${apiPort}`));
} else {
  await run();
}

async function run() {
  await new Promise((resolve) => api.listen(apiPort, "127.0.0.1", resolve));
  await waitFor(() => upstream.size > 0, 60000, "status-web to open its upstream stream");
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const clients = [];
  let received = 0;
  const t0 = Date.now();
  for (let i = 0; i < connections; i++) {
    clients.push(open(i));
    if (i % 200 === 199) await sleep(20);
  }
  await waitFor(() => clients.every((c) => c.views > 0), 120000, "every connection to get its first view");
  console.log(`connections: ${connections} open, each with its first view, in ${Date.now() - t0} ms`);

  const allRounds = [];
  const cpuPerRound = [];
  const getsBefore = statusGets;
  for (round = 1; round <= rounds; round++) {
    // A notice as status-api sends it: from the status the page shows, so status-web applies it without a GET.
    const previous = statusNow;
    statusNow = statusNow === "operational" ? "partial_outage" : "operational";
    const marker = `round ${round}`;
    for (const c of clients) c.seenAt = 0;
    const cpuBefore = cpuMs(webPid);
    const sentAt = performance.now();
    const expected = statusNow;
    for (const c of clients) c.expect = expected;
    const frame = `id: 1764147600000-${round}\nevent: change\ndata: ${JSON.stringify({ id: `1764147600000-${round}`,
      change: { component: "smtp-submission", from: previous, to: statusNow, at: new Date().toISOString(), cause: "bench", detail: marker } })}\n\n`;
    for (const res of upstream) res.write(frame);
    await waitFor(() => clients.every((c) => c.seenAt > 0), 60000, `round ${round} to reach everyone`);
    const cpuAfter = cpuMs(webPid);
    const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    if (cpu !== null) cpuPerRound.push(cpu);
    const latencies = clients.map((c) => c.seenAt - sentAt).sort((a, b) => a - b);
    allRounds.push(latencies);
    console.log(`round ${round}: ${statusNow.padEnd(14)} p50 ${ms(pct(latencies, 50))}  p99 ${ms(pct(latencies, 99))}  `
      + `all ${ms(latencies[latencies.length - 1])}` + (cpu === null ? "" : `  status-web CPU ${ms(cpu)}`));
    await sleep(500);
  }
  console.log(`GET /api/v1/status by status-web during the ${rounds} changes: ${statusGets - getsBefore}`);
  const merged = allRounds.flat().sort((a, b) => a - b);
  console.log(`\nstatus-web fan-out, ${connections} connections x ${rounds} changes: p50 ${ms(pct(merged, 50))}, `
    + `p99 ${ms(pct(merged, 99))}, max (the last connection reached) ${ms(merged[merged.length - 1])}`);
  if (cpuPerRound.length) {
    const sorted = [...cpuPerRound].sort((a, b) => a - b);
    console.log(`status-web CPU time per change (all threads, from the change sent until the last connection got it): `
      + `median ${ms(sorted[Math.floor(sorted.length / 2)])}`);
  }
  const lost = clients.filter((c) => c.closed).length;
  console.log(`connections dropped during the run: ${lost}`);
  for (const c of clients) c.req.destroy();
  for (const res of upstream) res.end();
  api.close();
  process.exit(lost > 0 ? 1 : 0);

  function open(i) {
    const client = { views: 0, seenAt: 0, expect: null, closed: false, req: null };
    const req = http.get({ host: webUrl.hostname, port: webUrl.port, path: "/events", agent,
      headers: { Accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        console.error(`connection ${i}: HTTP ${res.statusCode}`);
        client.closed = true;
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.includes("event:view") && !event.includes("event: view")) continue;
          client.views++;
          // The view names the smtp-submission status: it is the new one once this change arrived.
          if (client.expect && client.seenAt === 0 && event.includes(`"id":"smtp-submission","name":"smtp-submission","description":null,"status":"${client.expect}"`)) {
            client.seenAt = performance.now();
          }
        }
      });
      res.on("close", () => { client.closed = true; });
    });
    req.on("error", (e) => { client.closed = true; if (!client.reported) { client.reported = true; console.error(`connection ${i}: ${e.message}`); } });
    client.req = req;
    return client;
  }
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function ms(v) {
  return `${v.toFixed(1)} ms`;
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
