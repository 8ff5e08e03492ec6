// "Print this page" buttons (<button data-app-print hidden>). They stay hidden without JavaScript,
// where the browser's own Print command does the same job; the print stylesheet lays the page out.
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
