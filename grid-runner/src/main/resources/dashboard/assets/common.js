// Shared by every page: the CSRF token, JSON requests, number formatting, confirmations, controls and alert banners.
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

  return { request, fmt, sign, time, esc, setMoney, toast, confirmDialog, controlsFor,
    control, duration };
})();
