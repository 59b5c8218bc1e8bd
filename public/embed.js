// Article Explorer script embed. A host page includes this once:
//   <script src="https://explorer.example/embed.js" defer></script>
// and marks any number of elements:
//   <div data-article-explorer data-src="articles/a.json" data-themes="economy" data-view="reader"></div>
// Each element gets its own explorer, in a sized iframe (isolated from the page's styles and
// scripts, and from the other explorers). data-src is relative to the host page; data-view is
// timeline, reader or both; data-statement selects a statement. Its file name has no hash, so
// hosts can reference it for good. window.ArticleExplorer.mount(element) mounts one added later.
(function () {
  var script = document.currentScript;
  var base = new URL('./', script ? script.src : location.href);

  function mount(el) {
    if (el.getAttribute('data-article-explorer-mounted')) return;
    el.setAttribute('data-article-explorer-mounted', '1');
    var params = new URLSearchParams();
    params.set('embed', '1');
    params.set('origin', location.origin);
    var d = el.dataset;
    if (d.src) params.set('src', new URL(d.src, location.href).href);
    if (d.themes) params.set('themes', d.themes);
    if (d.view === 'timeline' || d.view === 'reader') params.set('show', d.view);
    if (d.statement) params.set('statement', d.statement);
    var frame = document.createElement('iframe');
    frame.src = base.href + '?' + params.toString().replace(/%2C/g, ',');
    frame.title = d.title || 'Article Explorer';
    frame.loading = 'lazy';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = '600px';
    el.appendChild(frame);
  }

  addEventListener('message', function (e) {
    if (e.origin !== base.origin || !e.data || e.data.type !== 'article-explorer:height') return;
    var frames = document.querySelectorAll('[data-article-explorer] iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = e.data.height + 'px';
    }
  });

  function mountAll() {
    var els = document.querySelectorAll('[data-article-explorer]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
  window.ArticleExplorer = { mount: mount };
})();
