// The host page's side of the embedding protocol (see README, "Embedding"): size each
// iframe from its height messages, and send commands. Messages are accepted from the
// explorer's origin only.
var explorer = location.origin;
var base = new URL('./', location.href).href;
var main = document.getElementById('embed-main');
var strict = document.getElementById('embed-strict');
main.src = base + '?embed=1&origin=' + encodeURIComponent(location.origin);
strict.src = base + '?embed=1&origin=' + encodeURIComponent('https://trusted.example');
document.getElementById('snippet-main').textContent =
  '<iframe src="' + main.src + '" title="Article Explorer" style="width:100%;border:0"></iframe>';
addEventListener('message', function (e) {
  if (e.origin !== explorer || !e.data || e.data.type !== 'article-explorer:height') return;
  [main, strict].forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  });
});
function send(frame, message) { frame.contentWindow.postMessage(message, explorer); }
document.getElementById('select-8').onclick = function () {
  send(main, { type: 'article-explorer:select-statement', statement: 8 });
};
document.getElementById('themes').onclick = function () {
  send(main, { type: 'article-explorer:set-themes', themes: ['economy', 'humanitarian'] });
};
document.getElementById('select-other').onclick = function () {
  send(strict, { type: 'article-explorer:select-statement', statement: 8 });
};
