// LeicsPerformance site script (ES module, loaded by _Layout.cshtml).
//
// GOV.UK Frontend's page template uses an inline script to add the
// `govuk-frontend-supported` class to <body>. We keep the site free of inline
// scripts (so the Content-Security-Policy needs no 'unsafe-inline') and set the
// classes here instead. That is equivalent: the inline test is
// `'noModule' in HTMLScriptElement.prototype`, i.e. "does this browser run ES
// modules?", and only such browsers run this file. Trade-off: modules are
// deferred, so the class arrives after first paint rather than before it.
//
// The import path is relative to this file so it also works under a PathBase.
// It resolves to the same URL as the layout's <script type="module"> tag, so the
// browser loads and evaluates govuk-frontend once.
import { initAll } from '../lib/govuk-frontend/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// .app-explain tooltips appear on hover and keyboard focus through CSS alone.
// Escape hides an open one without moving focus (WCAG 1.4.13 "dismissible");
// it can appear again once the pointer or focus moves elsewhere and back.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const explain of document.querySelectorAll('.app-explain')) {
    if (explain.matches(':hover, :focus-within')) {
      explain.classList.add('app-explain--dismissed');
    }
  }
});

function reopenExplanations(event) {
  for (const explain of document.querySelectorAll('.app-explain--dismissed')) {
    if (!explain.contains(event.target)) {
      explain.classList.remove('app-explain--dismissed');
    }
  }
}

document.addEventListener('focusin', reopenExplanations);
document.addEventListener('mouseover', reopenExplanations);

// Wide tables keep their row-header column in view while they scroll sideways (see .app-table-wrapper in
// app.scss). The row headers are found by CSS; their column heading is marked here, by column position.
for (const table of document.querySelectorAll('.app-table-wrapper > table')) {
  const rowHeader = table.querySelector('tbody th[scope="row"]');
  const headings = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!rowHeader || !headings) continue;
  const column = [...rowHeader.parentElement.cells].slice(0, rowHeader.cellIndex).reduce((n, c) => n + c.colSpan, 0);
  let at = 0;
  for (const cell of headings.cells) {
    if (at === column) cell.classList.add('app-col--key');
    at += cell.colSpan;
  }
}
