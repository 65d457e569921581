// The grid list, pushed by the server every half second.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("nav-grids").classList.add("active");
  const body = document.getElementById("grid-rows"), live = document.getElementById("live"),
    liveText = document.getElementById("live-text");

  let shown = null;
  function render(rows) {
    const key = JSON.stringify(rows);
    if (key === shown) return; // unchanged: keep the DOM (and the user's hover) as it is
    shown = key;
    if (!rows.length) {
      body.innerHTML = '<tr><td colspan="10" class="empty">No grid yet. <a href="/new-grid">Create one</a>, or run <code>grid demo --keep-running</code>.</td></tr>';
      return;
    }
    body.innerHTML = rows.map(r => `<tr class="row-link" data-name="${gb.esc(r.name)}">
      <td><a href="/grids/${encodeURIComponent(r.name)}">${gb.esc(r.name)}</a>${r.hostedHere ? "" : ' <span class="tag" title="read from the database">db</span>'}</td>
      <td>${gb.esc(r.symbol)}</td><td>${gb.esc(r.mode.toLowerCase())}</td>
      <td><span class="badge ${gb.esc(r.status)}">${gb.esc(r.status)}</span></td>
      <td class="num">${gb.fmt(r.lastPrice)}</td><td class="num">${gb.fmt(r.position)}</td>
      <td class="num ${gb.sign(r.realizedPnl)}">${gb.fmt(r.realizedPnl, 2)}</td>
      <td class="num ${gb.sign(r.unrealizedPnl)}">${gb.fmt(r.unrealizedPnl, 2)}</td>
      <td class="num ${gb.sign(r.totalPnl)}"><b>${gb.fmt(r.totalPnl, 2)}</b></td><td class="num">${r.trades.toLocaleString("en-US")}</td></tr>`).join("");
  }
  body.addEventListener("click", e => {
    const tr = e.target.closest("tr[data-name]");
    if (tr && e.target.tagName !== "A") location.href = "/grids/" + encodeURIComponent(tr.dataset.name);
  });
  gb.request("GET", "/api/grids").then(r => r.ok && render(r.data));
  const source = new EventSource("/api/live/grids");
  source.addEventListener("grids", e => {
    render(JSON.parse(e.data));
    live.classList.add("on");
    liveText.textContent = "live · " + new Date().toISOString().slice(11, 19) + " UTC";
  });
  source.onerror = () => { live.classList.remove("on"); liveText.textContent = "reconnecting…"; };
});
