// The grid list, pushed by the server every half second, with its totals row (summed by the server) and each
// grid's controls.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("nav-grids").classList.add("active");
  const body = document.getElementById("grid-rows"), foot = document.getElementById("grid-totals"),
    live = document.getElementById("live"), liveText = document.getElementById("live-text");
  const APR_UNKNOWN = "Not known: the annualised return needs the capital the grid works with, which its "
    + "configuration does not record. grid stats --capital AMOUNT gives the yield per day.";
  const ACTIONS = [["start", "Start", ""], ["pause", "Pause", ""], ["resume", "Resume", ""], ["stop", "Stop", "danger"]];

  const cell = (label, html, cls = "") => `<td data-label="${label}" class="${cls}">${html}</td>`;
  function actions(r) {
    const allowed = gb.controlsFor(r.status);
    return ACTIONS.map(([action, label, cls]) => `<button type="button" class="small ${cls}" data-action="${action}"`
      + ` data-grid="${gb.esc(r.name)}"${allowed[action] ? "" : " disabled"}>${label}</button>`).join("");
  }
  function band(r) {
    return r.lowerPrice === null || r.upperPrice === null ? "–" : `${gb.fmt(r.lowerPrice)}–${gb.fmt(r.upperPrice)}`;
  }

  let shown = null;
  function render(rows) {
    // The uptime ticks with every push: it is updated in place, so a push never replaces a button under the mouse.
    const key = JSON.stringify(rows.map(r => Object.assign({}, r, { uptimeMs: null })));
    if (key === shown) {
      for (const r of rows) {
        const td = body.querySelector(`tr[data-name="${CSS.escape(r.name)}"] td.uptime`);
        if (td) td.textContent = gb.duration(r.uptimeMs);
      }
      return;
    }
    shown = key;
    if (!rows.length) {
      body.innerHTML = '<tr><td colspan="16" class="empty">No grid yet. <a href="/new-grid">Create one</a>, or run <code>grid demo --keep-running</code>.</td></tr>';
      return;
    }
    body.innerHTML = rows.map(r => `<tr class="row-link" data-name="${gb.esc(r.name)}">`
      + cell("Grid", `<a href="/grids/${encodeURIComponent(r.name)}">${gb.esc(r.name)}</a>${r.hostedHere ? "" : ' <span class="tag" title="read from the database">db</span>'}`)
      + cell("Exchange", gb.esc(r.exchange)) + cell("Symbol", gb.esc(r.symbol)) + cell("Mode", gb.esc(r.mode.toLowerCase()))
      + cell("State", `<span class="badge ${gb.esc(r.status)}">${gb.esc(r.status)}</span>`)
      + cell("Band", band(r), "num band") + cell("Last price", gb.fmt(r.lastPrice), "num")
      + cell("Position", gb.fmt(r.position), "num")
      + cell("Realized", gb.fmt(r.realizedPnl, 2), "num " + gb.sign(r.realizedPnl))
      + cell("Unrealized", gb.fmt(r.unrealizedPnl, 2), "num " + gb.sign(r.unrealizedPnl))
      + cell("Fees", gb.fmt(r.fees, 2), "num fees")
      + cell("Total PnL", `<b>${gb.fmt(r.totalPnl, 2)}</b>`, "num " + gb.sign(r.totalPnl))
      + (r.apr === null ? `<td data-label="APR" class="num apr" title="${gb.esc(APR_UNKNOWN)}">—</td>`
        : cell("APR", gb.fmt(r.apr, 2) + " %", "num apr"))
      + cell("Fills", r.trades.toLocaleString("en-US"), "num")
      + cell("Uptime", gb.duration(r.uptimeMs), "num uptime")
      + cell("Actions", actions(r), "actions") + "</tr>").join("");
  }

  function renderTotals(t) {
    foot.innerHTML = `<tr class="totals"><td colspan="8" data-label="Totals">Totals · ${t.grids} grid${t.grids === 1 ? "" : "s"}</td>`
      + `<td data-label="Realized" class="num ${gb.sign(t.realizedPnl)}" title="${gb.esc(t.realizedPnl)}">${gb.fmt(t.realizedPnl, 2)}</td>`
      + `<td data-label="Unrealized" class="num ${gb.sign(t.unrealizedPnl)}" title="${gb.esc(t.unrealizedPnl)}">${gb.fmt(t.unrealizedPnl, 2)}</td>`
      + `<td data-label="Fees" class="num fees" title="${gb.esc(t.fees)}">${gb.fmt(t.fees, 2)}</td>`
      + `<td data-label="Total PnL" class="num total ${gb.sign(t.totalPnl)}" title="${gb.esc(t.totalPnl)}"><b>${gb.fmt(t.totalPnl, 2)}</b></td>`
      + `<td class="spare"></td><td data-label="Fills" class="num fills">${t.trades.toLocaleString("en-US")}</td><td class="spare" colspan="2"></td></tr>`;
  }

  body.addEventListener("click", e => {
    const button = e.target.closest("button[data-action]");
    if (button) {
      gb.control(button.dataset.grid, button.dataset.action, button);
      return;
    }
    const tr = e.target.closest("tr[data-name]");
    if (tr && e.target.tagName !== "A") location.href = "/grids/" + encodeURIComponent(tr.dataset.name);
  });
  gb.request("GET", "/api/grids").then(r => r.ok && render(r.data));
  gb.request("GET", "/api/totals").then(r => r.ok && renderTotals(r.data));
  const source = new EventSource("/api/live/grids");
  source.addEventListener("grids", e => {
    render(JSON.parse(e.data));
    live.classList.add("on");
    liveText.textContent = "live · " + new Date().toISOString().slice(11, 19) + " UTC";
  });
  source.addEventListener("totals", e => renderTotals(JSON.parse(e.data)));
  source.onerror = () => { live.classList.remove("on"); liveText.textContent = "reconnecting…"; };
});
