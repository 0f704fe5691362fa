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
  var rows = document.querySelectorAll('tr[data-due]'), count = 0, owners = {};
  for (var i = 0; i < rows.length; i++) {
    var row = rows[i];
    if (row.getAttribute('data-due') >= today) continue;
    count++;
    row.classList.add('fu-overdue');
    var badge = document.createElement('strong');
    badge.className = 'fu-badge';
    badge.textContent = 'overdue';
    row.querySelector('.fu-due').appendChild(badge);
    var group = row.getAttribute('data-group');
    owners[group] = (owners[group] || 0) + 1;
  }
  var cells = document.querySelectorAll('td[data-owner-overdue]');
  for (var j = 0; j < cells.length; j++) cells[j].textContent = String(owners[cells[j].getAttribute('data-owner-overdue')] || 0);
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
