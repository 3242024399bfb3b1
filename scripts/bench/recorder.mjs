/**
 * Bytes on the wire over time for one page. The bytes of each response come from the server's log
 * (matched by its `x-bench-id` header), its timing from DevTools: `Network.loadingFinished` on the
 * page's session where there is one, else Playwright's timing (requests made by a worker, and a
 * worker's own script, finish on the worker's session). A response that was still arriving at a cut-off counts
 * with the share of its body received by then (`Network.dataReceived`; read it once the page has
 * settled, when every response has finished). All times are epoch ms.
 */
const ID = 'x-bench-id';

/**
 * Starts recording on page + its CDP session; call bytesUntil(epochMs) or requests() later.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ id: number, url: string, status: number, bytes: number }[]} serverLog
 */
export function recordNetwork(page, cdp, serverLog) {
  /** @type {Map<string, { id: number | null, chunks: [number, number][], total: number, end: number | null }>} */
  const byCdp = new Map(); // CDP requestId -> { id, chunks: [epochMs, bytes][], total, end }
  /** @type {Map<number, { url: string, end: number, chunks?: [number, number][], total?: number }>} */
  const byId = new Map(); // x-bench-id -> { url, end, chunks?, total? }
  /** @type {number[]} */
  const offsets = []; // wallTime - timestamp, ms: CDP's monotonic clock → epoch
  /** @type {string[]} */
  const offsite = [];
  const toEpoch = (/** @type {number} */ ts) =>
    ts * 1000 + (offsets.length ? Number(offsets[Math.floor(offsets.length / 2)]) : 0);

  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.wallTime) offsets.push(e.wallTime * 1000 - e.timestamp * 1000);
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(e.request.url)) offsite.push(e.request.url);
    byCdp.set(e.requestId, { id: null, chunks: [], total: 0, end: null });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byCdp.get(e.requestId);
    const id = e.response.headers?.[ID] ?? e.response.headers?.[ID.toUpperCase()];
    if (r && id) r.id = Number(id);
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = byCdp.get(e.requestId);
    if (!r) return;
    r.chunks.push([toEpoch(e.timestamp), e.dataLength]);
    r.total += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byCdp.get(e.requestId);
    if (!r || r.id === null) return;
    r.end = toEpoch(e.timestamp);
    byId.set(r.id, { url: '', end: r.end, chunks: r.chunks, total: r.total });
  });
  page.on('requestfinished', async (req) => {
    try {
      const res = await req.response();
      const id = Number(res?.headers()[ID]);
      const t = req.timing();
      if (!id || byId.has(id) || t.responseEnd < 0) return;
      byId.set(id, { url: req.url(), end: t.startTime + t.responseEnd });
    } catch {
      // The page or context closed meanwhile: nothing to record.
    }
  });

  const sent = (/** @type {number} */ id) => serverLog.find((l) => l.id === id);
  return {
    offsite,
    /** Each response received so far: url, bytes, end (epoch ms). */
    requests() {
      return [...byId.entries()]
        .map(([id, r]) => ({
          id,
          url: sent(id)?.url ?? r.url,
          status: sent(id)?.status,
          bytes: sent(id)?.bytes ?? 0,
          end: r.end,
        }))
        .sort((a, b) => a.end - b.end);
    },
    /**
     * Bytes received until t (epoch ms), with the share of responses still arriving; filter by url.
     * @param {number} t @param {(url: string) => boolean} [match]
     */
    bytesUntil(t, match = () => true) {
      let n = 0;
      for (const [id, r] of byId) {
        const s = sent(id);
        if (!s || !match(s.url)) continue;
        if (r.end <= t) n += s.bytes;
        else if (r.total && r.chunks)
          n += (s.bytes * r.chunks.filter(([at]) => at <= t).reduce((a, [, b]) => a + b, 0)) / r.total;
      }
      return Math.round(n);
    },
  };
}
