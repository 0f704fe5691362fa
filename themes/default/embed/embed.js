/* pm embed page (inlined into embed/<slug>/index.html, allowed by a hash in its CSP).
   1. Applies --pm-* custom properties given in the URL fragment:
      embed/<slug>/#pm-accent=%23c00&pm-bg=transparent&pm-source=block
      and #pm-scheme=light|dark pins the colours (auto, the default, follows the reader).
      The page's own background takes the timeline's, so it reaches the frame's edges.
   2. Tells the embedding page how tall the timeline is, on load and whenever it changes:
      parent.postMessage({ type: 'pm:timeline:height', slug, height }, '*')
      and again when asked with { type: 'pm:timeline:measure' }. */
(function () {
  var root = document.documentElement;
  var box = document.querySelector('.pm-embed') || document.body;
  var slug = root.getAttribute('data-slug') || '';
  var names = /^pm-(bg|fg|muted|accent|milestone|border|font|mono|font-size|source)$/;
  var safe = /^[\w\s#%.,()+\-"']{1,200}$/;
  try {
    new URLSearchParams(location.hash.slice(1)).forEach(function (value, name) {
      if (names.test(name) && safe.test(value) && !/url|image|expression/i.test(value)) {
        box.style.setProperty('--' + name, value);
      }
      if (name === 'pm-scheme' && (value === 'light' || value === 'dark')) box.setAttribute('data-pm-scheme', value);
    });
  } catch (e) { /* a malformed fragment leaves the defaults */ }
  function fill() { root.style.backgroundColor = getComputedStyle(box).backgroundColor; }
  fill();
  if (window.matchMedia) {
    var dark = window.matchMedia('(prefers-color-scheme: dark)');
    if (dark.addEventListener) dark.addEventListener('change', fill);
  }
  var last = -1;
  function post(force) {
    if (window.parent === window) return;
    var height = Math.ceil(box.getBoundingClientRect().height);
    if (height === last && force !== true) return;
    last = height;
    window.parent.postMessage({ type: 'pm:timeline:height', slug: slug, height: height }, '*');
  }
  if (window.ResizeObserver) new ResizeObserver(function () { post(); }).observe(box);
  window.addEventListener('load', function () { post(true); });
  window.addEventListener('message', function (e) {
    if (e.source === window.parent && e.data && e.data.type === 'pm:timeline:measure') post(true);
  });
  post();
})();
