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
