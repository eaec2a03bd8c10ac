// The overview's live parts: the server pushes each part's HTML when it changed (Server-Sent Events); without
// JavaScript the page is whole at load and a reload shows the news.
(function () {
  var url = document.body.getAttribute('data-stream');
  if (!url || !window.EventSource) { return; }
  var status = document.getElementById('live-status');
  var source = new EventSource(url);
  ['dashboard', 'services', 'lag', 'events'].forEach(function (id) {
    source.addEventListener(id, function (e) {
      var el = document.getElementById(id);
      if (el) { el.innerHTML = e.data; }
    });
  });
  source.onopen = function () { if (status) { status.textContent = 'Live: updates arrive as they happen.'; } };
  source.onerror = function () { if (status) { status.textContent = 'Connection lost; reconnecting…'; } };
})();
