// LeicsPerformance charts (ES module, no bundler, no inline script).
//
// Page usage:
//
//   <div class="app-chart">
//     <canvas data-chart="trend" data-chart-source="trend-data-ASC18"
//             role="img" aria-label="Line chart: … The table below gives the figures."></canvas>
//   </div>
//   <script type="application/json" id="trend-data-ASC18">{ … }</script>
//   …accessible data table…
//
//   @section Scripts {
//     <script src="~/lib/chart.js/chart.umd.min.js"></script>
//     <script type="module" src="~/js/charts.js" asp-append-version="true"></script>
//   }
//
// Chart.js 4 is used through its UMD build (window.Chart): its ESM build
// imports the bare specifier "@kurkle/color", which browsers cannot resolve
// without a bundler or an import map. Module scripts are deferred, so the
// classic UMD script above has always run by the time this file runs.
//
// JSON shapes:
//   trend:     { title, unitLabel?, points: [{ period, value, display }],
//                target: number|null, targetLabel?, seriesLabel?,
//                comparisons?: [{ label, points: [{ period, value, display }] }],
//                beginAtZero? }
//   benchmark: { title, highlightLabel?, unitLabel?,
//                bars: [{ label, value, display, highlight, quartile, colour?, kind? }],
//                quartileBoundaries: [v1, v2, v3] | null }

const Chart = globalThis.Chart;

const COLOURS = {
  text: '#0b0c0c',
  secondaryText: '#484949',
  grid: '#cecece',
  line: '#106165', // council teal, 7.2:1 on white
  target: '#0b0c0c',
  bar: '#8ac0c3', // teal tint-50 fill…
  barBorder: '#106165', // …with a 7.2:1 edge so each bar meets 3:1 non-text contrast
  highlight: '#0b4144', // teal shade-50
  highlightStripe: 'rgba(255, 255, 255, 0.55)',
  highlightBorder: '#0b0c0c',
  quartileLine: '#484949',
  england: '#484949', // dark grey, 9.4:1 on white
  median: '#912b88', // plum, 7.1:1 on white
};

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

const prefersReducedMotion = () =>
  globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Format an axis value with en-GB grouping, adding £ or % if that is the unit. */
function formatTick(value, unitLabel) {
  const text = numberFormat.format(value);
  if (unitLabel === '%') return `${text}%`;
  if (unitLabel === '£') return value < 0 ? `-£${numberFormat.format(-value)}` : `£${text}`;
  return text;
}

/** Axis title for units that are not folded into the tick labels. */
function axisTitle(unitLabel) {
  return unitLabel && unitLabel !== '%' && unitLabel !== '£'
    ? { display: true, text: unitLabel, color: COLOURS.text }
    : { display: false };
}

function readJson(canvas) {
  const id = canvas.dataset.chartSource;
  const source = id ? document.getElementById(id) : null;
  if (!source) {
    console.warn('charts.js: no JSON <script> found for data-chart-source', id, canvas);
    return null;
  }
  try {
    return JSON.parse(source.textContent);
  } catch (error) {
    console.warn('charts.js: invalid JSON in #' + id, error);
    return null;
  }
}

const TITLE_FONT = { size: 16, weight: 'bold' };

/**
 * Breaks a title into lines no wider than the chart, so a long indicator title on a phone is wrapped, never
 * cut off at the canvas edge (Chart.js draws a title on one line unless given several).
 */
function wrapTitle(title, width) {
  if (!title) return title;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return title;
  ctx.font = `${TITLE_FONT.weight} ${TITLE_FONT.size}px ${Chart.defaults.font.family}`;
  const room = Math.max(80, width - 16);
  const lines = [];
  let line = '';
  for (const word of String(title).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > room) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function baseOptions(canvas, data) {
  // A canvas inside .app-chart fills that box; otherwise keep an aspect ratio.
  const sized = canvas.parentElement?.classList.contains('app-chart') ?? false;
  return {
    responsive: true,
    maintainAspectRatio: !sized,
    animation: prefersReducedMotion() ? false : { duration: 400 },
    // Re-wrap the title whenever the chart changes width (a phone turned sideways, a resized window).
    onResize: (chart, size) => {
      chart.options.plugins.title.text = wrapTitle(data.title, size.width);
    },
    plugins: {
      title: {
        display: Boolean(data.title),
        text: wrapTitle(data.title, canvas.parentElement?.clientWidth ?? 600),
        color: COLOURS.text,
        font: TITLE_FONT,
        align: 'start',
      },
      legend: { display: false },
      tooltip: {
        backgroundColor: COLOURS.text,
        titleColor: '#ffffff',
        bodyColor: '#ffffff',
        displayColors: false,
      },
    },
  };
}

/**
 * 32×12 legend swatch drawn like the line it stands for: its colour, dash pattern and point shape
 * ('circle', 'triangle', 'rect' or none), so lines differ by more than colour.
 */
function legendSwatch({ colour, dash = [], width = 3, point = null }) {
  const swatch = document.createElement('canvas');
  swatch.width = 32;
  swatch.height = 12;
  const ctx = swatch.getContext('2d');
  if (!ctx) return point ?? 'line';
  ctx.lineWidth = width;
  ctx.strokeStyle = colour;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(0, 6);
  ctx.lineTo(32, 6);
  ctx.stroke();
  ctx.fillStyle = colour;
  ctx.beginPath();
  if (point === 'circle') ctx.arc(16, 6, 5, 0, Math.PI * 2);
  if (point === 'triangle') {
    ctx.moveTo(16, 0);
    ctx.lineTo(22, 11);
    ctx.lineTo(10, 11);
    ctx.closePath();
  }
  if (point === 'rect') ctx.rect(11, 1, 10, 10);
  ctx.fill();
  return swatch;
}

// ---------------------------------------------------------------------------
// Trend: values over periods, optional dashed target line
// ---------------------------------------------------------------------------

// Comparison lines (England, the comparator median): each its own colour, dash and point shape.
const COMPARISON_STYLES = [
  { colour: COLOURS.england, dash: [10, 4], point: 'triangle' },
  { colour: COLOURS.median, dash: [3, 3], point: 'rect' },
];

function drawTrend(canvas, data) {
  const points = Array.isArray(data.points) ? data.points : [];
  const labels = points.map((p) => p.period);
  const hasTarget = typeof data.target === 'number' && Number.isFinite(data.target);
  const targetLabel = data.targetLabel || (hasTarget ? `Target ${formatTick(data.target, data.unitLabel)}` : '');
  const comparisons = Array.isArray(data.comparisons) ? data.comparisons : [];
  const swatches = [{ colour: COLOURS.line, point: 'circle' }];

  const datasets = [
    {
      // The legend names the series, not the indicator (the title does that), so it stays short on a phone.
      label: data.seriesLabel || 'Value',
      data: points.map((p) => (typeof p.value === 'number' ? p.value : null)),
      borderColor: COLOURS.line,
      backgroundColor: COLOURS.line,
      borderWidth: 3,
      pointRadius: 5,
      pointHoverRadius: 7,
      pointStyle: 'circle',
      pointBackgroundColor: COLOURS.line,
      spanGaps: false,
      tension: 0,
    },
  ];

  comparisons.forEach((series, i) => {
    const style = COMPARISON_STYLES[i % COMPARISON_STYLES.length];
    swatches.push({ ...style, width: 2 });
    const seriesPoints = Array.isArray(series.points) ? series.points : [];
    datasets.push({
      label: series.label,
      data: seriesPoints.map((p) => (typeof p.value === 'number' ? p.value : null)),
      displays: seriesPoints.map((p) => p.display),
      borderColor: style.colour,
      backgroundColor: style.colour,
      borderWidth: 2,
      borderDash: style.dash,
      pointStyle: style.point,
      pointRadius: 5,
      pointHoverRadius: 7,
      spanGaps: false,
      tension: 0,
      fill: false,
    });
  });

  if (hasTarget) {
    swatches.push({ colour: COLOURS.target, dash: [6, 4], width: 2 });
    datasets.push({
      isTarget: true,
      label: targetLabel,
      data: labels.map(() => data.target),
      borderColor: COLOURS.target,
      backgroundColor: COLOURS.target,
      borderWidth: 2,
      borderDash: [8, 6],
      // 'line' makes the legend show a dashed line rather than a filled box.
      pointStyle: 'line',
      pointRadius: 0,
      pointHoverRadius: 0,
      pointHitRadius: 0,
      fill: false,
    });
  }

  const options = baseOptions(canvas, data);
  options.interaction = { mode: 'index', intersect: false };
  options.plugins.legend = {
    // Only needed when there is more than the council's line.
    display: datasets.length > 1,
    position: 'bottom',
    labels: {
      color: COLOURS.text,
      usePointStyle: true,
      pointStyleWidth: 32, // room for the 32px swatch
      // Swatches that look like the lines they stand for (solid with a point;
      // dashed) rather than Chart.js's default filled boxes.
      generateLabels: (chart) =>
        Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({
          ...item,
          pointStyle: legendSwatch(swatches[item.datasetIndex]),
        })),
    },
  };
  options.plugins.tooltip.callbacks = {
    title: (items) => (items.length ? labels[items[0].dataIndex] : ''),
    label: (item) => {
      const dataset = datasets[item.datasetIndex];
      if (dataset.isTarget) return targetLabel;
      const display = item.datasetIndex === 0 ? points[item.dataIndex]?.display : dataset.displays?.[item.dataIndex];
      const value = display ?? formatTick(item.parsed.y, data.unitLabel);
      return datasets.length > 1 ? `${dataset.label}: ${value}` : value;
    },
  };
  options.scales = {
    x: {
      ticks: { color: COLOURS.text },
      grid: { display: false },
    },
    y: {
      // Counts, percentages and rates start at zero; otherwise the page says why not.
      beginAtZero: Boolean(data.beginAtZero),
      ticks: {
        color: COLOURS.text,
        callback: (value) => formatTick(value, data.unitLabel),
      },
      grid: { color: COLOURS.grid },
      title: axisTitle(data.unitLabel),
    },
  };

  return new Chart(canvas, { type: 'line', data: { labels, datasets }, options });
}

// ---------------------------------------------------------------------------
// Benchmark: ranked bars, highlighted authority, quartile boundary lines
// ---------------------------------------------------------------------------

/** Diagonal-stripe fill so the highlighted bar differs by pattern, not just colour. */
function highlightPattern() {
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return COLOURS.highlight;
  ctx.fillStyle = COLOURS.highlight;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = COLOURS.highlightStripe;
  ctx.lineWidth = 2;
  ctx.beginPath();
  // Two strokes so the stripe tiles seamlessly.
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-size / 2, size / 2);
  ctx.lineTo(size / 2, -size / 2);
  ctx.moveTo(size / 2, size * 1.5);
  ctx.lineTo(size * 1.5, size / 2);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? COLOURS.highlight;
}

// Boundaries arrive in quartile order (end of the 1st, 2nd, 3rd quartile), so
// the labels hold whichever way the values run (high-is-good or low-is-good).
const BOUNDARY_NAMES = ['1st/2nd quartile', '2nd/3rd quartile', '3rd/4th quartile'];

/** Inline plugin: dashed lines across the value axis at the quartile boundaries. */
const quartileLinesPlugin = {
  id: 'appQuartileLines',
  afterDatasetsDraw(chart, _args, pluginOptions) {
    const boundaries = pluginOptions?.boundaries;
    if (!Array.isArray(boundaries) || boundaries.length === 0) return;

    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    const { ctx, chartArea } = chart;
    if (!valueScale || !chartArea) return;

    const names = boundaries.length === 3 ? BOUNDARY_NAMES : boundaries.map((_, i) => `Boundary ${i + 1}`);

    ctx.save();
    ctx.strokeStyle = COLOURS.quartileLine;
    ctx.fillStyle = COLOURS.quartileLine;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.font = '12px arial, sans-serif';

    boundaries.forEach((value, i) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      const pos = valueScale.getPixelForValue(value);
      if (horizontal) {
        if (pos < chartArea.left || pos > chartArea.right) return;
        ctx.beginPath();
        ctx.moveTo(pos, chartArea.top);
        ctx.lineTo(pos, chartArea.bottom);
        ctx.stroke();
        // A chart with an axis strip names its boundaries there, where they can be kept apart.
        if (pluginOptions.labels === false) return;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        // Stagger labels so neighbouring boundaries do not overlap.
        ctx.fillText(names[i], pos, chartArea.top - 2 - (i % 2) * 13);
      } else {
        if (pos < chartArea.top || pos > chartArea.bottom) return;
        ctx.beginPath();
        ctx.moveTo(chartArea.left, pos);
        ctx.lineTo(chartArea.right, pos);
        ctx.stroke();
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        ctx.fillText(names[i], chartArea.right, pos - 2);
      }
    });
    ctx.restore();
  },
};

// ---------------------------------------------------------------------------
// The value axis strip of a horizontal bar chart: a long ranking (150 councils run to 3,400 px) keeps its axis
// and its quartile-boundary labels in view at any scroll position. The strip sits above the chart and sticks to
// the top of the window while the chart is on screen. Its ticks and labels are HTML, placed at the chart's own
// pixel positions, each label on the first row where it overlaps no other, so neighbouring boundaries never collide.
// ---------------------------------------------------------------------------

/** The axis strip of each chart that has one, by canvas. */
const axisStrips = new WeakMap();

/** Wraps the chart's box with a sticky strip above it; returns the strip. */
function addAxisStrip(canvas) {
  const box = canvas.parentElement;
  const frame = document.createElement('div');
  frame.className = 'app-chart-frame';
  box.parentElement.insertBefore(frame, box);
  const strip = document.createElement('div');
  strip.className = 'app-chart-axis';
  strip.setAttribute('aria-hidden', 'true'); // the table below carries the figures; the strip repeats the axis
  frame.append(strip, box);
  return strip;
}

/** Lays out items (elements with a wanted centre x) on rows so that none overlaps another; returns the row count. */
function placeWithoutOverlap(items, width, gap) {
  const rows = [];
  for (const { element, x } of items.sort((a, b) => a.x - b.x)) {
    const w = element.offsetWidth;
    const left = Math.min(Math.max(0, x - w / 2), Math.max(0, width - w));
    let row = rows.findIndex((right) => right + gap <= left);
    if (row === -1) {
      rows.push(0);
      row = rows.length - 1;
    }
    rows[row] = left + w;
    element.style.left = `${left}px`;
    element.dataset.row = String(row);
  }
  return rows.length;
}

const axisStripPlugin = {
  id: 'appAxisStrip',
  afterDraw(chart, _args, pluginOptions) {
    const strip = axisStrips.get(chart.canvas);
    const scale = chart.scales.x;
    if (!strip || !scale || !chart.chartArea) return;

    const key = [chart.width, chart.chartArea.left, chart.chartArea.right, scale.min, scale.max].join('|');
    if (strip.dataset.layout === key) return;
    strip.dataset.layout = key;
    strip.replaceChildren();

    const unit = pluginOptions.unitLabel;
    const labels = document.createElement('div');
    labels.className = 'app-chart-axis__labels';
    const ticks = document.createElement('div');
    ticks.className = 'app-chart-axis__ticks';
    strip.append(labels, ticks);

    const boundaries = Array.isArray(pluginOptions.boundaries) ? pluginOptions.boundaries : [];
    const names = boundaries.length === 3 ? BOUNDARY_NAMES : boundaries.map((_, i) => `Boundary ${i + 1}`);
    const labelItems = boundaries
      .map((value, i) => ({ value, name: names[i] }))
      .filter(({ value }) => typeof value === 'number' && Number.isFinite(value))
      .map(({ value, name }) => {
        const element = document.createElement('span');
        element.className = 'app-chart-axis__label';
        element.textContent = `${name} ${formatTick(value, unit)}`;
        labels.append(element);
        return { element, x: scale.getPixelForValue(value) };
      });
    const rowHeight = 18;
    const rowCount = placeWithoutOverlap(labelItems, chart.width, 8);
    for (const { element } of labelItems) element.style.top = `${Number(element.dataset.row) * rowHeight}px`;
    labels.style.height = `${rowCount * rowHeight}px`;

    // The chart's own ticks (after Chart.js has skipped those that would crowd), at its own positions.
    const tickItems = scale.ticks.map((tick) => {
      const element = document.createElement('span');
      element.className = 'app-chart-axis__tick';
      element.textContent = formatTick(tick.value, unit);
      ticks.append(element);
      return { element, x: scale.getPixelForValue(tick.value) };
    });
    placeWithoutOverlap(tickItems, chart.width, 6);
    // A tick label that would need a second row is left out, as Chart.js leaves out crowded ticks.
    for (const { element } of tickItems) if (element.dataset.row !== '0') element.remove();
  },
};

function drawBenchmark(canvas, data) {
  const bars = Array.isArray(data.bars) ? data.bars : [];
  const labels = bars.map((b) => b.label);
  const isHighlighted = (i) =>
    Boolean(bars[i]?.highlight) || (data.highlightLabel != null && bars[i]?.label === data.highlightLabel);
  const pattern = highlightPattern();
  const hasBoundaries = Array.isArray(data.quartileBoundaries) && data.quartileBoundaries.length > 0;

  // Horizontal bars keep long authority names readable; vertical on request.
  const horizontal = canvas.dataset.chartOrientation !== 'vertical';
  const valueAxis = horizontal ? 'x' : 'y';
  const categoryAxis = horizontal ? 'y' : 'x';

  // Grow a sized .app-chart box so every authority gets a readable row, and give it an axis strip that stays in view.
  const box = canvas.parentElement;
  const sized = horizontal && (box?.classList.contains('app-chart') ?? false);
  if (sized) {
    box.style.height = `${Math.max(320, bars.length * 22 + 80)}px`;
    axisStrips.set(canvas, addAxisStrip(canvas));
  }

  const options = baseOptions(canvas, data);
  options.indexAxis = horizontal ? 'y' : 'x';
  if (hasBoundaries && !sized) {
    // Room above the plot for the staggered boundary labels.
    options.layout = { padding: { top: horizontal ? 30 : 0 } };
  }
  options.plugins.appQuartileLines = { boundaries: hasBoundaries ? data.quartileBoundaries : null, labels: !sized };
  options.plugins.appAxisStrip = { boundaries: hasBoundaries ? data.quartileBoundaries : null, unitLabel: data.unitLabel };
  options.plugins.tooltip.callbacks = {
    title: (items) => (items.length ? labels[items[0].dataIndex] : ''),
    label: (item) => {
      const bar = bars[item.dataIndex];
      const value = bar?.display ?? formatTick(item.parsed[valueAxis], data.unitLabel);
      const quartile = bar?.quartile ? ` (quartile ${bar.quartile})` : '';
      const kind = bar?.kind ? `, ${bar.kind}` : '';
      return value + quartile + kind;
    },
  };
  options.scales = {
    [valueAxis]: {
      beginAtZero: true,
      ticks: {
        color: COLOURS.text,
        callback: (value) => formatTick(value, data.unitLabel),
      },
      grid: { color: COLOURS.grid },
      title: axisTitle(data.unitLabel),
    },
    [categoryAxis]: {
      grid: { display: false },
      ticks: {
        autoSkip: false,
        color: (ctx) => (isHighlighted(ctx.index) ? COLOURS.text : COLOURS.secondaryText),
        font: (ctx) => ({ weight: isHighlighted(ctx.index) ? 'bold' : 'normal' }),
      },
    },
  };

  const dataset = {
    label: data.title || 'Value',
    data: bars.map((b) => (typeof b.value === 'number' ? b.value : null)),
    // Bars coloured by kind (the funding chart's kinds of council) carry their colour; others are teal.
    backgroundColor: bars.map((b, i) => (isHighlighted(i) ? pattern : (b.colour ?? COLOURS.bar))),
    borderColor: bars.map((b, i) => (isHighlighted(i) ? COLOURS.highlightBorder : (b.colour ?? COLOURS.barBorder))),
    borderWidth: bars.map((_, i) => (isHighlighted(i) ? 3 : 1)),
    borderSkipped: false,
    categoryPercentage: 0.85,
    barPercentage: 0.9,
  };

  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [dataset] },
    options,
    plugins: [quartileLinesPlugin, axisStripPlugin],
  });
}

// ---------------------------------------------------------------------------

const DRAWERS = { trend: drawTrend, benchmark: drawBenchmark };

function init() {
  if (typeof Chart !== 'function') {
    console.warn('charts.js: Chart.js not loaded; include ~/lib/chart.js/chart.umd.min.js before this module.');
    return;
  }

  Chart.defaults.font.family = 'arial, sans-serif';
  Chart.defaults.font.size = 14;
  Chart.defaults.color = COLOURS.text;
  if (prefersReducedMotion()) Chart.defaults.animation = false;

  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const draw = DRAWERS[canvas.dataset.chart];
    if (!draw || Chart.getChart(canvas)) continue;
    const data = readJson(canvas);
    if (!data) continue;

    // The page should set these; fall back so the canvas is never unlabelled.
    if (!canvas.hasAttribute('role')) canvas.setAttribute('role', 'img');
    if (!canvas.hasAttribute('aria-label') && !canvas.hasAttribute('aria-labelledby')) {
      canvas.setAttribute('aria-label', `${data.title || 'Chart'}. The data is also given in a table on this page.`);
    }

    try {
      draw(canvas, data);
    } catch (error) {
      console.warn('charts.js: could not draw chart', canvas, error);
    }
  }
}

init();
