/**
 * The follow-ups page's one script, for builds given no day: marks the open items due
 * before the reader's own day (local date) and fills the overdue counts. The page is
 * complete without it. Kept here, not in the theme, so the page's Content-Security-Policy
 * can allow exactly this text by its hash.
 */
import { cspHash } from '../outputs/embed/page.js';

export const OVERDUE_SCRIPT = `
/* Marks open items due before the reader's today; the page is complete without it. */
(function () {
  var d = new Date(), p = function (n) { return (n < 10 ? '0' : '') + n; };
  var today = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  var rows = document.querySelectorAll('tr[data-due]');
  for (var i = 0; i < rows.length; i++) {
    var row = rows[i];
    if (row.getAttribute('data-due') >= today) continue;
    row.classList.add('fu-overdue');
    var badge = document.createElement('strong');
    badge.className = 'fu-badge';
    badge.textContent = 'overdue';
    row.querySelector('.fu-due').appendChild(badge);
  }
  /* the owners table holds every open due day of each owner, on every page of the list */
  var cells = document.querySelectorAll('td[data-owner-dues]'), count = 0;
  for (var j = 0; j < cells.length; j++) {
    var dues = cells[j].getAttribute('data-owner-dues').split(' '), late = 0;
    for (var k = 0; k < dues.length; k++) if (dues[k] && dues[k] < today) late++;
    cells[j].textContent = String(late);
    count += late;
  }
  var total = document.querySelector('[data-overdue-count]');
  if (total) {
    total.textContent = ', ' + count + ' overdue today (' + today + ')';
    if (!count) total.classList.remove('fu-overdue-count');
    total.hidden = false;
  }
})();
`;

/** The page's policy: same-origin scripts (pm serve's reload client) and this one inline block. */
export const OVERDUE_CSP = `script-src 'self' ${cspHash(OVERDUE_SCRIPT)}; object-src 'none'; base-uri 'none'`;
