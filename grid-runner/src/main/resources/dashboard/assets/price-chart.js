// The grid page's charts, drawn by Apache ECharts (served by the dashboard itself, see /assets/vendor/THIRD-PARTY.txt):
// the price chart (recorded candles, the grid's lines coloured by state, the stop-loss lines, the protective stop,
// open orders and fills), the equity curve and the position per level.
// Amounts arrive as exact decimal strings: they are shown as they are, and turned into numbers only to place
// marks on an axis, never to compute money.
"use strict";

const gbCharts = (() => {
  const C = { text: "#e6edf3", muted: "#8b98a9", line: "#2a3341", grid: "#1f2733", accent: "#4c8dff",
    green: "#2fbf71", red: "#f0555a", amber: "#e3b341", violet: "#a371f7", idle: "#3b475a", orange: "#ff8c42" };
  const STATE = {
    IDLE: ["idle", C.idle], ENTRY_WORKING: ["entry working", C.accent],
    POSITION_OPEN: ["position open", C.amber], EXIT_WORKING: ["exit working", C.violet],
  };
  const INTERVALS = { "1m": 60000, "5m": 300000, "15m": 900000, "1h": 3600000, "4h": 14400000, "1d": 86400000 };
  // Fewer candles than this in view, or more 1-minute ones than the second: a line reads better than candles.
  const FEW = 12, MANY_FINE = 360;
  const utc = ms => new Date(ms).toISOString().replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
  const utcSeconds = ms => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const esc = s => gb.esc(s);
  const num = s => Number(s); // a position on the axis only

  function init(el) {
    return echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "canvas" });
  }
  function watchSize(chart, el) {
    if (window.ResizeObserver) new ResizeObserver(() => chart.resize()).observe(el);
  }
  const axisText = { color: C.muted, fontSize: 11 };
  // Time labels to the second at most, in UTC.
  const timeText = { color: C.muted, fontSize: 11, hideOverlap: true, formatter: { year: "{yyyy}", month: "{MMM}",
    day: "{MM}-{dd}", hour: "{HH}:{mm}", minute: "{HH}:{mm}", second: "{HH}:{mm}:{ss}", millisecond: "{HH}:{mm}:{ss}" } };
  const splitLine = { lineStyle: { color: C.grid } };
  function emptyNote(text) {
    return { type: "text", left: "center", top: "middle", style: { text, fill: C.muted, fontSize: 13 } };
  }

  // ----- the price chart -----
  function price(el, grid) {
    const chart = init(el);
    watchSize(chart, el);
    let interval = "1m", candles = [], fills = [], snap = null, userPicked = false, styleShown = null;
    const enc = encodeURIComponent(grid);

    function quote() { return snap ? snap.quoteAsset : ""; }
    function base() { return snap ? snap.baseAsset : ""; }

    function candleItem(c) { return { value: [c.atMs, num(c.open), num(c.close), num(c.low), num(c.high)], raw: c }; }
    function lineItem(c) { return { value: [c.atMs, num(c.close)], raw: c }; }

    // The lines across the chart: every grid line in its state's colour, the stop-loss lines, the protective stop.
    function lines() {
      if (!snap) return [];
      const out = snap.levels.map(l => ({
        name: `line ${l.line} · ${STATE[l.state] ? STATE[l.state][0] : l.state}`,
        yAxis: num(l.price), raw: { kind: "level", price: l.price, state: l.state, line: l.line, position: l.position },
        lineStyle: { color: (STATE[l.state] || STATE.IDLE)[1], width: l.state === "IDLE" ? 1 : 1.6, type: "solid" },
        label: { show: false, formatter: () => `${gb.fmt(l.price)} ${quote()} · ${STATE[l.state] ? STATE[l.state][0] : l.state}` },
      }));
      if (snap.stopLoss) {
        for (const [side, p] of [["below", snap.stopLoss.lower], ["above", snap.stopLoss.upper]]) {
          out.push({ name: "stop-loss " + side, yAxis: num(p), raw: { kind: "stop-loss", price: p, side },
            lineStyle: { color: C.red, type: "dashed", width: 1.4 },
            label: { show: true, position: "insideStartTop", color: C.red, formatter: () => `stop-loss ${gb.fmt(p)} ${quote()}` } });
        }
      }
      for (const o of snap.openOrders.filter(o => o.line < 0 && o.price)) {
        out.push({ name: "protective stop", yAxis: num(o.price), raw: { kind: "protective-stop", price: o.price, side: o.side },
          lineStyle: { color: C.orange, type: "solid", width: 2 },
          label: { show: true, position: "insideEndTop", color: C.orange,
            formatter: () => `protective stop ${o.side.toLowerCase()} ${gb.fmt(o.price)} ${quote()}` } });
      }
      return out;
    }

    function orderItems() {
      if (!snap) return [];
      return snap.openOrders.filter(o => o.line >= 0 && o.price).map(o => ({
        value: [snap.atMs, num(o.price)], raw: o, symbol: "arrow", symbolSize: 10, symbolRotate: o.side === "BUY" ? 90 : -90,
        itemStyle: { color: o.side === "BUY" ? C.green : C.red },
      }));
    }

    function fillItems() {
      return fills.map(f => {
        const buy = f.side === "BUY", entry = f.kind === "ENTRY", color = buy ? C.green : C.red;
        return { value: [f.atMs, num(f.price)], raw: f, symbol: "triangle", symbolSize: 11, symbolRotate: buy ? 0 : 180,
          itemStyle: entry ? { color } : { color: "rgba(0,0,0,0)", borderColor: color, borderWidth: 2 } };
      });
    }

    function tooltip(params) {
      const list = Array.isArray(params) ? params : [params];
      if (!list.length) return "";
      const rows = [`<b>${esc(utcSeconds(list[0].axisValue ?? list[0].value[0]))}</b>`];
      for (const p of list) {
        const r = p.data && p.data.raw;
        if (!r) continue;
        if (p.seriesId === "candles") {
          rows.push(`${esc(interval)} candle from ${esc(utc(r.atMs))}<br>open ${esc(gb.fmt(r.open))} · high ${esc(gb.fmt(r.high))}`
            + ` · low ${esc(gb.fmt(r.low))} · close ${esc(gb.fmt(r.close))} ${esc(quote())}`);
        } else if (p.seriesId === "close") {
          rows.push(`close ${esc(gb.fmt(r.close))} ${esc(quote())} (${esc(interval)} from ${esc(utc(r.atMs))})`);
        } else if (p.seriesId === "fills") {
          rows.push(`<span style="color:${r.side === "BUY" ? C.green : C.red}">${esc(r.side.toLowerCase())} ${esc(r.kind.toLowerCase())}</span>`
            + ` ${esc(gb.fmt(r.qty))} ${esc(base())} at ${esc(gb.fmt(r.price))} ${esc(quote())}`
            + (r.line >= 0 ? ` · line ${r.line}` : "") + ` · ${esc(utcSeconds(r.atMs))}`);
        } else if (p.seriesId === "orders") {
          rows.push(`open ${esc(r.side.toLowerCase())} ${esc(r.intent.toLowerCase())} ${esc(gb.fmt(r.qty))} ${esc(base())}`
            + ` at ${esc(gb.fmt(r.price))} ${esc(quote())} · line ${r.line}`);
        }
      }
      return rows.join("<br>");
    }

    // The price axis also spans the grid's lines and the stop-loss lines, so the band is always in view.
    function bounds() {
      const ps = [];
      if (snap) {
        snap.levels.forEach(l => ps.push(num(l.price)));
        if (snap.stopLoss) ps.push(num(snap.stopLoss.lower), num(snap.stopLoss.upper));
      }
      return ps;
    }

    function draw() {
      const ps = bounds();
      const none = !candles.length && !fills.length;
      chart.setOption({
        useUTC: true,
        animation: false,
        backgroundColor: "transparent",
        textStyle: { fontFamily: "inherit" },
        grid: { left: 78, right: 24, top: 40, bottom: 72 },
        legend: { top: 4, right: 8, textStyle: { color: C.muted }, data: ["Candles", "Line", "Fills", "Open orders"],
          inactiveColor: "#4a5566" },
        tooltip: { trigger: "axis", axisPointer: { type: "cross", label: { backgroundColor: "#2a3341",
          formatter: p => p.axisDimension === "x" ? utc(p.value) : Number(p.value).toLocaleString("en-US", { maximumFractionDigits: 8 }) + " " + quote() } },
          backgroundColor: "#1b2230", borderColor: C.line, textStyle: { color: C.text, fontSize: 12 }, formatter: tooltip, confine: true },
        xAxis: { type: "time", name: "time (UTC)", nameLocation: "middle", nameGap: 26, nameTextStyle: axisText,
          axisLabel: timeText, axisLine: { lineStyle: { color: C.line } }, splitLine: { show: false } },
        yAxis: { type: "value", scale: true, name: `price (${quote()})`, nameTextStyle: axisText, axisLabel: axisText,
          splitLine, min: v => Math.min(v.min, ...ps), max: v => Math.max(v.max, ...ps) },
        dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "weakFilter" },
          { type: "slider", xAxisIndex: 0, height: 18, bottom: 8, borderColor: C.line, textStyle: { color: C.muted },
            labelFormatter: v => utc(v) }],
        graphic: none ? [emptyNote("no price recorded yet: the chart fills in as the grid sees prices")] : [],
        series: [
          { id: "candles", name: "Candles", type: "candlestick", data: candles.map(candleItem), barMaxWidth: 14,
            itemStyle: { color: C.green, color0: C.red, borderColor: C.green, borderColor0: C.red } },
          // The lines across live on a series of their own, shown whichever way the price is drawn.
          { id: "lines", name: "Grid lines", type: "line", data: [],
            markLine: { symbol: ["none", "none"], silent: false, animation: false, data: lines(),
              emphasis: { label: { show: true } } } },
          { id: "close", name: "Line", type: "line", data: candles.map(lineItem), showSymbol: candles.length < FEW,
            lineStyle: { color: C.text, width: 1.5 }, itemStyle: { color: C.text } },
          { id: "fills", name: "Fills", type: "scatter", data: fillItems(), z: 5 },
          { id: "orders", name: "Open orders", type: "scatter", data: orderItems(), z: 4 },
        ],
      }, { replaceMerge: ["series", "graphic"] });
      autoStyle();
    }

    // Candles normally; a line when only a few are in view, or very many fine ones.
    function autoStyle() {
      if (userPicked || !candles.length) return;
      const zoom = chart.getOption().dataZoom[0];
      const shown = Math.max(1, Math.round(candles.length * ((zoom.end ?? 100) - (zoom.start ?? 0)) / 100));
      const style = shown < FEW || (interval === "1m" && shown > MANY_FINE) ? "Line" : "Candles";
      if (style === styleShown) return;
      styleShown = style;
      chart.dispatchAction({ type: "legendSelect", name: style });
      chart.dispatchAction({ type: "legendUnSelect", name: style === "Line" ? "Candles" : "Line" });
      el.dataset.style = style.toLowerCase();
    }
    chart.on("datazoom", autoStyle);
    chart.on("legendselectchanged", e => {
      if (e.name === "Candles" || e.name === "Line") { userPicked = true; el.dataset.style = e.selected.Line ? "line" : "candles"; }
    });

    async function loadCandles() {
      const r = await gb.request("GET", `/api/grids/${enc}/candles?interval=${interval}`);
      if (!r.ok) return;
      candles = r.data;
      styleShown = null;
      draw();
      loadFills();
      el.dataset.candles = String(candles.length);
    }
    // The fills from the first candle on: the chart's time axis is the candles'.
    async function loadFills() {
      const since = candles.length ? `?since=${candles[0].atMs}` : "";
      const r = await gb.request("GET", `/api/grids/${enc}/fills${since}`);
      if (!r.ok) return;
      fills = r.data;
      draw();
    }

    // Each pushed picture: the last candle follows the price, the lines and orders their new state.
    function applySnapshot(s) {
      snap = s;
      const p = s.row.lastPrice, at = s.priceAtMs;
      if (p && at !== null && at !== undefined) {
        const ms = INTERVALS[interval], start = Math.floor(at / ms) * ms, last = candles[candles.length - 1];
        if (last && last.atMs === start) {
          if (num(p) > num(last.high)) last.high = p;
          if (num(p) < num(last.low)) last.low = p;
          last.close = p;
        } else if (!last || last.atMs < start) {
          candles.push({ atMs: start, open: p, high: p, low: p, close: p });
        }
      }
      draw();
      el.dataset.at = String(s.atMs);
    }

    function pickInterval(name) {
      if (!INTERVALS[name] || name === interval) return;
      interval = name;
      userPicked = false;
      loadCandles();
    }

    return { applySnapshot, loadCandles, loadFills, pickInterval, interval: () => interval };
  }

  // ----- the equity curve -----
  function equity(el) {
    const chart = init(el);
    watchSize(chart, el);
    return function show(points, quote) {
      const none = points.length < 2;
      chart.setOption({
        useUTC: true, animation: false, backgroundColor: "transparent",
        grid: { left: 72, right: 16, top: 28, bottom: 40 },
        tooltip: { trigger: "axis", axisPointer: { type: "cross", label: { backgroundColor: "#2a3341" } },
          backgroundColor: "#1b2230", borderColor: C.line, textStyle: { color: C.text, fontSize: 12 }, confine: true,
          formatter: ps => {
            const p = ps[0];
            if (!p) return "";
            const r = p.data.raw;
            return `<b>${esc(utcSeconds(r.atMs))}</b><br>equity ${esc(gb.fmt(String(r.equity), 2))} ${esc(quote)}`
              + `<br>realized ${esc(gb.fmt(String(r.realized), 2))} ${esc(quote)}<br>position ${esc(String(r.position))}`;
          } },
        xAxis: { type: "time", name: "time (UTC)", nameLocation: "middle", nameGap: 26, nameTextStyle: axisText,
          axisLabel: timeText, axisLine: { lineStyle: { color: C.line } }, splitLine: { show: false } },
        yAxis: { type: "value", name: `equity (${quote})`, nameTextStyle: axisText, axisLabel: axisText, splitLine },
        graphic: none ? [emptyNote("no fill yet")] : [],
        series: [{ id: "equity", name: "equity", type: "line", showSymbol: false,
          data: none ? [] : points.map(p => ({ value: [p.atMs, p.equity], raw: p })),
          lineStyle: { color: C.accent, width: 2 }, itemStyle: { color: C.accent }, areaStyle: { color: "rgba(76,141,255,.12)" },
          markLine: { symbol: ["none", "none"], silent: true, data: [{ yAxis: 0 }], label: { show: false },
            lineStyle: { color: C.idle, type: "dashed" } } }],
      }, { replaceMerge: ["series", "graphic"] });
    };
  }

  // ----- the position per level -----
  function levels(el) {
    const chart = init(el);
    watchSize(chart, el);
    return function show(rows, baseAsset) {
      const none = !rows.length;
      chart.setOption({
        animation: false, backgroundColor: "transparent",
        grid: { left: 72, right: 16, top: 28, bottom: 40 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, backgroundColor: "#1b2230", borderColor: C.line,
          textStyle: { color: C.text, fontSize: 12 }, confine: true,
          formatter: ps => {
            const r = ps[0] && ps[0].data.raw;
            return r ? `line ${esc(String(r.line))} at ${esc(gb.fmt(r.price))}<br>`
              + `position ${esc(gb.fmt(r.position))} ${esc(baseAsset)} · ${esc(STATE[r.state] ? STATE[r.state][0] : r.state)}` : "";
          } },
        xAxis: { type: "category", name: "line", nameLocation: "middle", nameGap: 26, nameTextStyle: axisText,
          data: rows.map(l => String(l.line)), axisLabel: axisText, axisLine: { lineStyle: { color: C.line } } },
        yAxis: { type: "value", name: `position (${baseAsset})`, nameTextStyle: axisText, axisLabel: axisText, splitLine },
        graphic: none ? [emptyNote("no levels yet: the grid has not started")] : [],
        series: [{ id: "position", name: "position", type: "bar", barMaxWidth: 24,
          data: rows.map(l => {
            const side = l.position.startsWith("-") ? "short" : (num(l.position) !== 0 ? "long" : "flat");
            return { value: num(l.position), raw: l, side, itemStyle: { color: side === "short" ? C.red : C.green } };
          }) }],
      }, { replaceMerge: ["series", "graphic"] });
    };
  }

  return { price, equity, levels, INTERVALS };
})();
