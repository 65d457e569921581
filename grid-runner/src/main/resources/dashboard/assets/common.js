// Shared by every page: the CSRF token, JSON requests, number formatting and the SVG charts.
// Amounts arrive as exact decimal strings and are only formatted here, never computed with.
"use strict";

const gb = (() => {
  const csrf = () => document.querySelector('meta[name="csrf"]').content;

  async function request(method, url, body) {
    const options = { method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (method !== "GET") {
      options.headers["X-CSRF-Token"] = csrf();
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body ?? {});
    }
    const response = await fetch(url, options);
    if (response.status === 401) { location.href = "/login"; throw new Error("logged out"); }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, ok: response.ok, data };
  }

  // Thousands separators on the integer part of a decimal string, its fraction kept or cut to `places`.
  function fmt(value, places) {
    if (value === null || value === undefined || value === "") return "–";
    let [int, frac = ""] = String(value).split(".");
    const sign = int.startsWith("-") ? "-" : "";
    int = int.replace("-", "");
    if (places !== undefined) {
      if (frac.length > places) {
        // Display rounding only: the exact value stays in the title attribute.
        const n = Number(value);
        return n.toLocaleString("en-US", { minimumFractionDigits: places, maximumFractionDigits: places });
      }
      frac = frac.padEnd(places, "0");
    }
    return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : "");
  }
  const sign = v => (v && !String(v).startsWith("-") && Number(v) !== 0 ? "pos" : (String(v).startsWith("-") ? "neg" : ""));
  const time = ms => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  function setMoney(el, value, places = 2) {
    el.textContent = fmt(value, places);
    el.title = value ?? "";
    el.classList.remove("pos", "neg");
    const s = sign(value);
    if (s) el.classList.add(s);
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svgEl(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, content, attrs) {
    const t = svgEl("text", Object.assign({ x, y }, attrs || {}), parent);
    t.textContent = content;
    return t;
  }
  function niceTicks(min, max, count) {
    if (min === max) { min -= 1; max += 1; }
    const step0 = (max - min) / count, mag = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= step0);
    const ticks = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(+v.toFixed(10));
    return ticks;
  }

  // Line chart of {t, v} points with a filled area and a dashed zero line.
  function lineChart(container, points, opts = {}) {
    container.textContent = "";
    const W = 640, H = opts.height || 240, L = 64, R = 16, T = 12, B = 28;
    const svg = svgEl("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": opts.label || "chart" }, container);
    if (points.length < 2) {
      text(svg, W / 2, H / 2, opts.empty || "not enough data yet", { "text-anchor": "middle" });
      return svg;
    }
    const xs = points.map(p => p.t), ys = points.map(p => p.v);
    let y0 = Math.min(0, ...ys), y1 = Math.max(0, ...ys);
    const ticks = niceTicks(y0, y1, 4);
    y0 = Math.min(y0, ticks[0]); y1 = Math.max(y1, ticks[ticks.length - 1]);
    const x0 = xs[0], x1 = xs[xs.length - 1] === x0 ? x0 + 1 : xs[xs.length - 1];
    const X = t => L + (t - x0) / (x1 - x0) * (W - L - R), Y = v => T + (y1 - v) / (y1 - y0 || 1) * (H - T - B);
    for (const v of ticks) {
      svgEl("line", { class: "gridline", x1: L, x2: W - R, y1: Y(v), y2: Y(v) }, svg);
      text(svg, L - 8, Y(v) + 4, fmt(String(v)), { "text-anchor": "end" });
    }
    svgEl("line", { class: "zero", x1: L, x2: W - R, y1: Y(0), y2: Y(0) }, svg);
    const d = points.map((p, i) => (i ? "L" : "M") + X(p.t).toFixed(1) + "," + Y(p.v).toFixed(1)).join("");
    svgEl("path", { class: "area", d: d + `L${X(x1).toFixed(1)},${Y(0).toFixed(1)}L${X(x0).toFixed(1)},${Y(0).toFixed(1)}Z` }, svg);
    svgEl("path", { class: "line", d }, svg);
    const day = x1 - x0 > 2 * 86400000;
    for (const t of [x0, (x0 + x1) / 2, x1]) {
      const iso = new Date(t).toISOString();
      text(svg, X(t), H - 8, day ? iso.slice(5, 10) + " " + iso.slice(11, 16) : iso.slice(11, 19),
        { "text-anchor": t === x0 ? "start" : (t === x1 ? "end" : "middle") });
    }
    return svg;
  }

  // Signed bars, one per category: green long, red short.
  function barChart(container, bars, opts = {}) {
    container.textContent = "";
    const W = 640, H = opts.height || 240, L = 64, R = 16, T = 12, B = 28;
    const svg = svgEl("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": opts.label || "chart" }, container);
    if (!bars.length) {
      text(svg, W / 2, H / 2, opts.empty || "no levels yet", { "text-anchor": "middle" });
      return svg;
    }
    const vs = bars.map(b => b.v);
    let y0 = Math.min(0, ...vs), y1 = Math.max(0, ...vs);
    if (y0 === 0 && y1 === 0) { y1 = 1; }
    const ticks = niceTicks(y0, y1, 4);
    y0 = Math.min(y0, ticks[0]); y1 = Math.max(y1, ticks[ticks.length - 1]);
    const Y = v => T + (y1 - v) / (y1 - y0) * (H - T - B), slot = (W - L - R) / bars.length;
    for (const v of ticks) {
      svgEl("line", { class: "gridline", x1: L, x2: W - R, y1: Y(v), y2: Y(v) }, svg);
      text(svg, L - 8, Y(v) + 4, fmt(String(v)), { "text-anchor": "end" });
    }
    svgEl("line", { class: "axis", x1: L, x2: W - R, y1: Y(0), y2: Y(0) }, svg);
    const every = Math.ceil(bars.length / 12);
    bars.forEach((b, i) => {
      const x = L + i * slot + slot * 0.15, w = Math.max(1, slot * 0.7);
      if (b.v !== 0) {
        const r = svgEl("rect", { class: "bar " + (b.v > 0 ? "long" : "short"), x, width: w,
          y: Math.min(Y(0), Y(b.v)), height: Math.max(1, Math.abs(Y(b.v) - Y(0))) }, svg);
        svgEl("title", {}, r).textContent = `${b.label}: ${b.raw}`;
      }
      if (i % every === 0) text(svg, x + w / 2, H - 8, b.label, { "text-anchor": "middle" });
    });
    return svg;
  }

  // The band as a horizontal axis: every line a tick coloured by its state, the price a needle.
  function ladder(container, lower, upper, levels, price) {
    container.textContent = "";
    const W = 1240, H = 96, L = 16, R = 16;
    const svg = svgEl("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "price against the band and the levels" }, container);
    const prices = levels.map(l => Number(l.price)).concat([Number(lower), Number(upper)]);
    if (price) prices.push(Number(price));
    const lo = Math.min(...prices), hi = Math.max(...prices), pad = (hi - lo) * 0.03 || 1;
    const X = p => L + (p - (lo - pad)) / ((hi + pad) - (lo - pad)) * (W - L - R);
    svgEl("rect", { class: "band", x: X(Number(lower)), y: 22, width: X(Number(upper)) - X(Number(lower)), height: 40, rx: 6 }, svg);
    for (const l of levels) {
      const ln = svgEl("line", { class: "lvl " + l.state, x1: X(Number(l.price)), x2: X(Number(l.price)), y1: 26, y2: 58 }, svg);
      svgEl("title", {}, ln).textContent = `line ${l.line} at ${l.price}: ${l.state}, position ${l.position}`;
    }
    text(svg, X(Number(lower)), 84, fmt(lower), { "text-anchor": "middle" });
    text(svg, X(Number(upper)), 84, fmt(upper), { "text-anchor": "middle" });
    if (price) {
      const x = X(Number(price));
      svgEl("line", { class: "price", x1: x, x2: x, y1: 14, y2: 68 }, svg);
      text(svg, x, 11, fmt(price), { "text-anchor": "middle", class: "price-label" });
    }
  }

  function toast(message) {
    let t = document.getElementById("toast");
    t.textContent = message;
    t.classList.add("open");
    clearTimeout(t._timer);
    t._timer = setTimeout(() => t.classList.remove("open"), 6000);
  }

  // A confirmation dialog; resolves true when confirmed.
  function confirmDialog(title, message, action) {
    return new Promise(resolve => {
      const back = document.getElementById("modal");
      back.querySelector("h3").textContent = title;
      back.querySelector("p").textContent = message;
      const ok = back.querySelector("#modal-ok"), cancel = back.querySelector("#modal-cancel");
      ok.textContent = action;
      const escape = e => { if (e.key === "Escape") done(false); };
      const done = v => {
        back.classList.remove("open");
        ok.onclick = cancel.onclick = null;
        document.removeEventListener("keydown", escape);
        resolve(v);
      };
      ok.onclick = () => done(true);
      cancel.onclick = () => done(false);
      document.addEventListener("keydown", escape);
      back.classList.add("open");
      ok.focus();
    });
  }

  // Which controls a grid in this state offers; the grid page and the list enable their buttons by it.
  function controlsFor(status) {
    return { start: status === "STOPPED" || status === "SAFE_MODE", pause: status === "RUNNING" || status === "INITIALIZING",
      resume: status === "PAUSED", stop: status !== "STOPPED" };
  }

  // The actions that ask first, and what the dialog says.
  function confirmation(name, action) {
    return {
      stop: ["Stop " + name + "?", "Every order is cancelled and the position is closed at market. This cannot be undone.", "Stop the grid"],
      pause: ["Pause " + name + "?", "Orders and position stay on the venue; nothing new is placed until you resume.", "Pause"],
    }[action];
  }

  // Start, pause, resume or stop a grid, confirming first where that is asked; `button` is disabled once it is
  // sent. Resolves to the server's answer, or null when the user cancelled.
  async function control(name, action, button) {
    const ask = confirmation(name, action);
    if (ask && !(await confirmDialog(...ask))) return null;
    if (button) button.disabled = true;
    const r = await request("POST", `/api/grids/${encodeURIComponent(name)}/control`, { action });
    toast(r.data ? (r.data.outcome ? r.data.outcome + (r.data.result === "unsettled" ? "; not running yet" : "")
      : r.data.error) : "failed");
    return r;
  }

  // A duration for people: the two largest units.
  function duration(ms) {
    if (ms === null || ms === undefined) return "–";
    const s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
      m = Math.floor(s % 3600 / 60);
    if (d) return `${d} d ${h} h`;
    if (h) return `${h} h ${m} min`;
    if (m) return `${m} min ${s % 60} s`;
    return `${s} s`;
  }

  function wireLogout() {
    const b = document.getElementById("logout");
    if (b) b.addEventListener("click", async () => {
      await request("POST", "/logout");
      location.href = "/login?failed=out";
    });
  }
  document.addEventListener("DOMContentLoaded", wireLogout);

  // Alert banners on every page: stop-loss, safe mode, balance and errors of any grid, polled from the server
  // (which reads them from the trade log). A dismissed alert is remembered in this browser and not shown again.
  const ALERT_POLL_MS = 3000, DISMISSED = "gridbot.dismissedAlerts", KIND_LABEL = {
    STOP_LOSS: "Stop-loss", SAFE_MODE: "Safe mode", BALANCE: "Balance", ERROR: "Error" };
  function dismissed() {
    try { return JSON.parse(localStorage.getItem(DISMISSED) || "[]"); } catch (e) { return []; }
  }
  function dismiss(id) {
    const ids = dismissed().filter(x => x !== id);
    ids.push(id);
    try { localStorage.setItem(DISMISSED, JSON.stringify(ids.slice(-200))); } catch (e) { /* private mode: this page only */ }
    sessionDismissed.add(id);
  }
  const sessionDismissed = new Set();
  function alertArea() {
    let area = document.getElementById("alerts");
    if (!area) {
      area = document.createElement("div");
      area.id = "alerts";
      area.className = "alerts";
      area.setAttribute("aria-live", "assertive");
      const main = document.querySelector("main");
      if (main) main.insertBefore(area, main.firstChild); else document.body.insertBefore(area, document.body.firstChild);
      area.addEventListener("click", e => {
        const b = e.target.closest("button[data-dismiss]");
        if (!b) return;
        dismiss(b.dataset.dismiss);
        b.closest(".alert-banner").remove();
      });
    }
    return area;
  }
  function showAlerts(alerts) {
    const gone = new Set(dismissed());
    const fresh = alerts.filter(a => !gone.has(a.id) && !sessionDismissed.has(a.id));
    const area = alertArea();
    const shown = new Set([...area.querySelectorAll(".alert-banner")].map(b => b.dataset.id));
    for (const b of area.querySelectorAll(".alert-banner")) {
      if (!fresh.some(a => a.id === b.dataset.id)) b.remove();
    }
    for (const a of fresh.slice().reverse()) {
      if (shown.has(a.id)) continue;
      const banner = document.createElement("div");
      banner.className = "alert-banner " + a.kind;
      banner.dataset.id = a.id;
      banner.dataset.kind = a.kind;
      banner.setAttribute("role", "alert");
      banner.innerHTML = `<span class="alert-kind">${esc(KIND_LABEL[a.kind] || a.kind)}</span>`
        + `<span class="alert-text"><a href="/grids/${encodeURIComponent(a.grid)}">${esc(a.grid)}</a>: ${esc(a.message)}`
        + ` <span class="muted">${esc(time(a.atMs))}</span></span>`
        + `<button type="button" class="alert-dismiss" data-dismiss="${esc(a.id)}" aria-label="Dismiss" title="Dismiss">×</button>`;
      area.insertBefore(banner, area.firstChild);
    }
  }
  async function pollAlerts() {
    try {
      const r = await request("GET", "/api/alerts");
      if (r.ok && Array.isArray(r.data)) showAlerts(r.data);
    } catch (e) { /* offline for a moment: the next poll tries again */ }
  }
  document.addEventListener("DOMContentLoaded", () => {
    if (!document.querySelector('meta[name="csrf"]') || document.body.classList.contains("login")) return;
    pollAlerts();
    setInterval(pollAlerts, ALERT_POLL_MS);
  });

  return { request, fmt, sign, time, esc, setMoney, lineChart, barChart, ladder, toast, confirmDialog, controlsFor,
    control, duration };
})();
