// Create or edit a grid: the server validates with the rules of `grid config` and answers each field's problem.
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const name = document.body.dataset.grid, editing = name !== "", $ = id => document.getElementById(id);
  const form = $("config-form");
  const choices = (await gb.request("GET", "/api/config-choices")).data;
  form.querySelectorAll("select[data-choices]").forEach(s => {
    const blank = s.name === "mode" || s.name === "exchange" ? [] : [""]; // both are required: no "default"
    s.innerHTML = blank.concat(choices[s.dataset.choices]).map(v => `<option value="${gb.esc(v)}">${v ? gb.esc(v) : "default"}</option>`).join("");
  });

  const DEFAULTS = { exchange: "simulated", symbol: "BTCUSDT", mode: "neutral", spacing: "arithmetic", levels: "21",
    priceTick: "0.1", qtyStep: "0.001", minQty: "0.001", minNotional: "5" };
  function fill(fields) {
    for (const [k, v] of Object.entries(fields)) {
      const field = form.elements[k];
      if (!field) continue;
      // a stored value the runner no longer offers (a venue whose jar is gone) stays shown, never silently replaced
      if (field.tagName === "SELECT" && v && ![...field.options].some(o => o.value === v)) field.add(new Option(v, v));
      field.value = v;
    }
  }
  if (editing) {
    $("form-title").textContent = "Edit " + name;
    $("back-link").href = $("cancel-link").href = "/grids/" + encodeURIComponent(name);
    const r = await gb.request("GET", `/api/grids/${encodeURIComponent(name)}/config`);
    if (!r.ok) { $("form-error").textContent = r.data ? r.data.error : "cannot load"; return; }
    fill(r.data.fields);
    form.elements.name.readOnly = true;
    $("status").hidden = false;
    $("status").textContent = r.data.status;
    $("status").className = "badge " + r.data.status;
    if (r.data.status !== "STOPPED" && r.data.status !== "PAUSED") {
      $("running-notice").textContent = `This grid is ${r.data.status}: pause it first, then save. Saving now is refused. `;
      const pause = document.createElement("button");
      pause.type = "button";
      pause.id = "pause-first";
      pause.textContent = "Pause the grid";
      pause.addEventListener("click", async () => {
        pause.disabled = true;
        const p = await gb.request("POST", `/api/grids/${encodeURIComponent(name)}/control`, { action: "pause" });
        gb.toast(p.data ? (p.data.outcome || p.data.error) : "failed");
        if (p.ok) { $("running-notice").textContent = ""; $("status").textContent = "PAUSED"; $("status").className = "badge PAUSED"; }
        else pause.disabled = false;
      });
      $("running-notice").appendChild(pause);
    }
  } else {
    document.getElementById("nav-new").classList.add("active");
    fill(DEFAULTS);
  }

  // Percentage spacing alone needs a percent and a centre: the two fields show only then.
  function spacingFields() {
    const pct = form.elements.spacing.value === "percentage";
    for (const n of ["spacingPct", "centrePrice"]) form.elements[n].closest(".field").hidden = !pct;
  }
  form.elements.spacing.addEventListener("change", spacingFields);
  spacingFields();

  function showProblems(problems) {
    form.querySelectorAll(".field").forEach(f => f.classList.remove("invalid"));
    form.querySelectorAll(".field-error").forEach(e => e.textContent = "");
    $("form-error").textContent = "";
    const loose = [];
    for (const [field, reason] of Object.entries(problems || {})) {
      const slot = form.querySelector(`.field-error[data-for="${CSS.escape(field)}"]`);
      if (slot) { slot.textContent = reason; slot.closest(".field").classList.add("invalid"); }
      else loose.push((field === "_form" ? "" : field + ": ") + reason);
    }
    if (loose.length) $("form-error").textContent = loose.join(" · ");
    const first = form.querySelector(".field.invalid input, .field.invalid select");
    if (first) first.focus();
  }

  // Exchange and symbol from what the venue lists; a venue that does not say leaves the symbol as typed text.
  async function offerSymbols() {
    const ex = form.elements.exchange.value;
    $("symbol-list").innerHTML = "";
    $("symbol-note").textContent = "";
    if (!ex) return;
    const r = await gb.request("GET", `/api/venues/${encodeURIComponent(ex)}/symbols`);
    if (!r.ok || !r.data) { $("symbol-note").textContent = r.data && r.data.error ? r.data.error : "cannot ask the venue"; return; }
    $("symbol-list").innerHTML = r.data.symbols.map(v => `<option value="${gb.esc(v)}"></option>`).join("");
    $("symbol-note").textContent = r.data.note || "";
  }
  async function fillRules() {
    const ex = form.elements.exchange.value, sym = form.elements.symbol.value.trim();
    if (!ex || !sym) return;
    const r = await gb.request("GET", `/api/venues/${encodeURIComponent(ex)}/symbols/${encodeURIComponent(sym)}`);
    if (r.ok && r.data && r.data.rules) {
      for (const [k, v] of Object.entries(r.data.rules)) if (form.elements[k]) form.elements[k].value = v;
      $("symbol-note").textContent = "rules filled from " + ex;
      schedulePreview();
      fillPrice(ex, sym);
    } else {
      $("symbol-note").textContent = r.data ? (r.data.note || r.data.error || "") : "cannot ask the venue";
    }
  }
  // The preview's price from the venue while none is typed (empty, or still the price filled for an earlier
  // symbol); a price the user typed stays, and a filled one may be overwritten like any other.
  let filledPrice = "";
  const priceTyped = () => $("pv-price").value.trim() !== "" && $("pv-price").value !== filledPrice;
  async function fillPrice(ex, sym) {
    if (priceTyped()) return;
    const r = await gb.request("GET", `/api/venues/${encodeURIComponent(ex)}/symbols/${encodeURIComponent(sym)}/price`);
    if (!r.ok || !r.data || !r.data.price) return;
    // typed meanwhile, or another symbol chosen: that wins over this answer
    if (priceTyped() || form.elements.exchange.value !== ex || form.elements.symbol.value.trim() !== sym) return;
    $("pv-price").value = filledPrice = r.data.price;
    schedulePreview();
  }
  form.elements.exchange.addEventListener("change", () => { offerSymbols(); fillRules(); });
  form.elements.symbol.addEventListener("change", fillRules);
  offerSymbols();

  // The preview: the server computes every figure (exact decimals, rounded there); this only shows its strings.
  let timer = null, asked = 0;
  function schedulePreview() { clearTimeout(timer); timer = setTimeout(preview, 300); }
  async function preview() {
    const body = {};
    for (const el of form.elements) if (el.name) body[el.name] = el.value;
    body.leverage = $("pv-leverage").value;
    body.price = $("pv-price").value;
    const mine = ++asked;
    const r = await gb.request("POST", "/api/config-preview", body);
    if (mine !== asked) return; // an answer to older fields than those now typed
    if (!r.ok) {
      const problems = r.data && r.data.problems ? r.data.problems : { _form: r.data ? r.data.error : "preview failed" };
      $("pv-problems").textContent = Object.entries(problems).map(([f, m]) => (f === "_form" ? "" : f + ": ") + m).join(" · ");
      $("pv-body").hidden = true;
      return;
    }
    const p = r.data.preview;
    $("pv-problems").textContent = "";
    $("pv-body").hidden = false;
    $("pv-step").textContent = p.stepKind === "ratio" ? `ratio ${p.step} (${p.stepPercent} %)` : p.step;
    $("pv-profit-pct").textContent = `${p.profit.lowPercent} % to ${p.profit.highPercent} %`;
    $("pv-profit-quote").textContent = `${p.profit.lowQuote} to ${p.profit.highQuote}`;
    $("pv-stops").textContent = `${p.stopLower} and ${p.stopUpper}`;
    $("pv-worst").innerHTML = p.worstCases.map(w => `<tr data-side="${gb.esc(w.direction)}"><td>${gb.esc(w.direction)}</td>`
      + `<td class="pv-entries">${w.entries}</td><td class="pv-qty">${gb.esc(w.quantity)}</td><td class="pv-avg">${gb.esc(w.averageEntry)}</td>`
      + `<td class="pv-notional">${gb.esc(w.notional)}</td><td class="pv-margin">${gb.esc(w.initialMargin)} at ${gb.esc(p.leverage)}x</td>`
      + `<td class="pv-liq">${w.liquidation !== null ? gb.esc(w.liquidation) : gb.esc(w.note)}</td></tr>`).join("");
    $("pv-margin-source").textContent = "Maintenance margin: " + p.marginSource;
    $("pv-distances-wrap").hidden = p.price === null;
    $("pv-price-shown").textContent = p.price || "";
    $("pv-distances").innerHTML = p.distances.map(d => `<tr><th>${gb.esc(d.mark)}</th><td>${gb.esc(d.target)}</td>`
      + `<td class="pv-amount">${gb.esc(d.amount)}</td><td class="pv-percent">${gb.esc(d.percent)} %</td></tr>`).join("");
    $("pv-line-count").textContent = p.lines.length;
    $("pv-lines").textContent = p.lines.join("  ");
  }
  form.addEventListener("input", schedulePreview);
  form.addEventListener("change", schedulePreview);
  $("pv-leverage").addEventListener("input", schedulePreview);
  $("pv-price").addEventListener("input", schedulePreview);
  preview();

  form.addEventListener("submit", async e => {
    e.preventDefault();
    const body = {};
    for (const el of form.elements) if (el.name) body[el.name] = el.value;
    $("save").disabled = true;
    const url = editing ? `/api/grids/${encodeURIComponent(name)}/config` : "/api/configs";
    const r = await gb.request("POST", url, body);
    $("save").disabled = false;
    if (r.ok && r.data.warnings && r.data.warnings.length) {
      // Saved, but the venue could not be asked: say so rather than move on as if everything was checked.
      showProblems({});
      $("form-error").textContent = "Saved. " + r.data.warnings.join(" · ");
      const open = document.createElement("a");
      open.href = "/grids/" + encodeURIComponent(r.data.saved);
      open.textContent = " Open the grid";
      $("form-error").append(open);
      return;
    }
    if (r.ok) { location.href = "/grids/" + encodeURIComponent(r.data.saved); return; }
    showProblems(r.data && r.data.problems ? r.data.problems : { _form: r.data ? r.data.error : "failed" });
  });
});
