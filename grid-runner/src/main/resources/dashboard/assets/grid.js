// One grid: the live picture pushed by the server (SSE) every half second, plus charts, statistics and
// logs fetched on their own slower rhythm.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const name = document.body.dataset.grid, enc = encodeURIComponent(name), $ = id => document.getElementById(id);
  $("grid-name").textContent = name;
  document.title = name + " · gridbot";
  $("edit-link").href = `/grids/${enc}/edit`;
  for (const f of ["fills", "orders", "statistics"]) $("export-" + f).href = `/grids/${enc}/export/${f}.csv`;

  let period = "ALL", lastStatus = null, lastTrades = null, quote = "", base = "";
  const price = gbCharts.price($("price-chart"), name), showEquity = gbCharts.equity($("equity-chart")),
    showLevels = gbCharts.levels($("level-chart"));

  function applySnapshot(s) {
    const r = s.row;
    $("status").textContent = r.status;
    $("status").className = "badge " + r.status;
    $("status").dataset.status = r.status;
    lastStatus = r.status;
    $("grid-sub").textContent = `${r.symbol} · ${r.mode.toLowerCase()}`;
    $("last-price").textContent = gb.fmt(r.lastPrice);
    $("price-hint").textContent = r.hostedHere ? (s.streamUp ? "live market" : "stream down") : "last recorded price (grid runs elsewhere)";
    gb.setMoney($("position"), r.position, undefined);
    $("position").textContent = gb.fmt(r.position);
    $("position-hint").textContent = "limit " + gb.fmt(s.maxPosition);
    gb.setMoney($("unrealized"), r.unrealizedPnl);
    gb.setMoney($("realized"), r.realizedPnl);
    $("fees-hint").textContent = "fees " + gb.fmt(s.fees, 2);
    gb.setMoney($("total"), r.totalPnl);
    $("open-count").textContent = s.openOrders.length;
    $("fills-hint").textContent = r.trades.toLocaleString("en-US") + " fills";
    quote = s.quoteAsset; base = s.baseAsset;
    price.applySnapshot(s);
    showLevels(s.levels, base);
    $("orders").innerHTML = s.openOrders.length ? s.openOrders.map(o => `<tr>
      <td class="${o.side === "BUY" ? "pos" : "neg"}">${gb.esc(o.side)}</td><td>${o.intent === "-" ? (o.line < 0 ? "protective stop" : "–") : gb.esc(o.intent.toLowerCase())}</td>
      <td class="num">${gb.fmt(o.price)}</td><td class="num">${gb.fmt(o.qty)}</td><td class="num">${gb.fmt(o.filled)}</td>
      <td class="num">${o.line}</td><td class="muted">${gb.esc(o.clientOrderId)}</td></tr>`).join("")
      : '<tr><td colspan="7" class="empty">No open order</td></tr>';
    const allowed = gb.controlsFor(r.status);
    for (const action of ["start", "pause", "resume", "stop"]) $("btn-" + action).disabled = !allowed[action];
    if (lastTrades !== null && r.trades !== lastTrades) {
      // A fill arrived: the charts, statistics and log follow now rather than at their next 5 s refresh.
      loadEquity(); loadStats(); loadLogs(); price.loadFills();
    }
    lastTrades = r.trades;
    const updated = $("live");
    updated.dataset.at = String(s.atMs);
    updated.classList.add("on");
    $("live-text").textContent = "live · " + gb.time(s.atMs);
  }

  async function loadEquity() {
    const r = await gb.request("GET", `/api/grids/${enc}/equity`);
    if (r.ok) showEquity(r.data, quote);
  }

  const STATS = [["totalTrades", "Fills"], ["filledEntries", "Entries filled"], ["filledExits", "Exits filled"],
    ["canceledOrders", "Cancelled"], ["realizedPnl", "Realized", 2], ["fees", "Fees", 2], ["funding", "Funding", 2],
    ["unrealizedPnl", "Unrealized", 2], ["totalPnl", "Total PnL", 2], ["maxDrawdown", "Max drawdown", 2],
    ["maxPosition", "Max position"], ["avgPosition", "Avg position", 4], ["currentPosition", "Position"],
    ["fillRate", "Fill rate", 3], ["avgTimeToFillMs", "Avg time to fill"], ["stopLossCount", "Stop-losses"]];
  async function loadStats() {
    const r = await gb.request("GET", `/api/grids/${enc}/statistics?period=${period}`);
    if (!r.ok) return;
    $("stats").dataset.period = r.data.period;
    $("stats").innerHTML = STATS.map(([key, label, places]) => {
      let v = r.data[key];
      let shown = key === "avgTimeToFillMs" ? (v === null ? "–" : (v / 1000).toFixed(1) + " s")
        : (typeof v === "number" ? v.toLocaleString("en-US") : gb.fmt(v, places));
      const cls = ["realizedPnl", "unrealizedPnl", "totalPnl", "funding"].includes(key) ? gb.sign(v) : "";
      return `<div data-stat="${key}"><span>${label}</span><span class="num ${cls}" title="${gb.esc(v)}">${gb.esc(shown)}</span></div>`;
    }).join("") + legRows(r.data.legs);
  }
  // A neutral or hedge-mode grid's long and short legs, beside the totals.
  function legRows(legs) {
    if (!legs) return "";
    return [["longLeg", "Long leg"], ["shortLeg", "Short leg"]].map(([key, label]) => {
      const l = legs[key];
      return `<div data-stat="${key}"><span>${label}</span><span class="num ${gb.sign(l.realizedPnl)}" `
        + `title="${gb.esc(l.realizedPnl)}">${gb.esc(gb.fmt(l.realizedPnl, 2))} · ${gb.esc(String(l.fills))} fills · `
        + `${gb.esc(gb.fmt(l.position))}</span></div>`;
    }).join("");
  }
  $("periods").addEventListener("click", e => {
    const b = e.target.closest("button[data-period]");
    if (!b) return;
    period = b.dataset.period;
    for (const x of $("periods").children) x.classList.toggle("on", x === b);
    loadStats();
  });

  let logTimer = null;
  async function loadLogs() {
    const types = [...document.querySelectorAll(".log-type:checked")].map(c => c.value).join(",");
    const q = $("log-keyword").value.trim();
    const params = new URLSearchParams();
    if (types) params.set("types", types);
    if (q) params.set("q", q);
    const r = await gb.request("GET", `/api/grids/${enc}/logs?${params}`);
    if (!r.ok) return;
    $("log-count").textContent = r.data.entries.length + (r.data.more ? " newest entries" : " entries");
    $("log-rows").innerHTML = r.data.entries.length ? r.data.entries.map(e => `<tr>
      <td class="muted num nowrap">${gb.time(e.atMs)}</td><td><span class="tag ${gb.esc(e.type)}">${gb.esc(e.type)}</span></td>
      <td class="detail">${gb.esc(e.detail)}</td></tr>`).join("") : '<tr><td colspan="3" class="empty">No entry matches</td></tr>';
  }
  document.querySelectorAll(".log-type").forEach(c => c.addEventListener("change", loadLogs));
  $("log-keyword").addEventListener("input", () => { clearTimeout(logTimer); logTimer = setTimeout(loadLogs, 250); });

  document.querySelectorAll("button[data-action]").forEach(b =>
    b.addEventListener("click", () => gb.control(name, b.dataset.action, b)));

  gb.request("GET", `/api/grids/${enc}`).then(r => {
    if (r.status === 404) { $("grid-sub").textContent = "no such grid"; return; }
    if (r.ok) applySnapshot(r.data);
  });
  const source = new EventSource(`/api/live/grids/${enc}`);
  source.addEventListener("grid", e => applySnapshot(JSON.parse(e.data)));
  source.onerror = () => { $("live").classList.remove("on"); $("live-text").textContent = "reconnecting…"; };
  $("intervals").addEventListener("click", e => {
    const b = e.target.closest("button[data-interval]");
    if (!b) return;
    for (const x of $("intervals").children) x.classList.toggle("on", x === b);
    price.pickInterval(b.dataset.interval);
  });
  price.loadCandles(); // then the fills of its time range
  loadEquity(); loadStats(); loadLogs();
  setInterval(() => price.loadCandles(), 60000); // the stored minutes, for what the pushes did not show
  setInterval(loadEquity, 5000);
  setInterval(loadStats, 5000);
  setInterval(() => { if (document.activeElement !== $("log-keyword")) loadLogs(); }, 5000);
});
