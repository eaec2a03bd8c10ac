// The waiting room: join as soon as the ALTCHA widget has solved its puzzle, then follow the place in the queue by
// Server-Sent Events (relayed by the website, which keeps the ticket), or by polling as Retry-After says when the
// stream fails. Without this script the page still works: it reloads itself (meta refresh) and offers the puzzle
// to solve by hand.
(function () {
  'use strict';

  // joining: the widget solves on load; the form is sent once it has, the button stays as a fallback
  var form = document.getElementById('join-form');
  if (form) {
    var widget = document.getElementById('altcha');
    var button = document.getElementById('join');
    var working = document.getElementById('join-working');
    if (button) { button.hidden = false; }
    if (working) { working.hidden = false; }
    if (widget) {
      // 'verified' comes after the widget has updated its own checkbox (required): on 'statechange' the form would
      // still be invalid and the browser would refuse to send it
      widget.addEventListener('verified', function () {
        if (form.getAttribute('data-sent')) { return; }
        form.setAttribute('data-sent', 'yes');
        setTimeout(function () { form.requestSubmit ? form.requestSubmit() : form.submit(); }, 0);
      });
    }
  }

  // a join the crowd pushed back (the busy page waited its Retry-After and came back here): the puzzle solved then is
  // still valid and kept by the website, so it is sent again at once; the button stays for a browser without this
  var again = document.getElementById('join-again-form');
  if (again && again.getAttribute('data-auto') && !again.getAttribute('data-sent')) {
    again.setAttribute('data-sent', 'yes');
    setTimeout(function () { again.requestSubmit ? again.requestSubmit() : again.submit(); }, 0);
  }

  var region = document.getElementById('wr-status');
  if (!region || !region.getAttribute('data-events')) { return; }
  var room = region.getAttribute('data-room');
  var finished = false;

  function show(html) {
    region.innerHTML = html;
    var state = region.querySelector('[data-state]');
    var s = state ? state.getAttribute('data-state') : '';
    if (s === 'ADMITTED') {
      // the page takes the hold pass and goes on to the slots
      finished = true;
      window.location.assign(room);
    } else if (s === 'SOLD_OUT' || s === 'CLOSED') {
      finished = true;
    }
  }

  function poll(seconds) {
    if (finished) { return; }
    setTimeout(function () {
      fetch(region.getAttribute('data-poll'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (r) {
          var retry = parseInt(r.headers.get('Retry-After') || '5', 10);
          return r.text().then(function (html) {
            if (r.ok) { show(html); }
            poll(isNaN(retry) ? 5 : Math.max(1, retry));
          });
        })
        .catch(function () { poll(10); });
    }, seconds * 1000);
  }

  var retry = parseInt(region.getAttribute('data-retry') || '5', 10);
  if (!window.EventSource) { poll(retry); return; }
  var events = new EventSource(region.getAttribute('data-events'));
  events.onmessage = function (e) {
    show(e.data);
    if (finished) { events.close(); }
  };
  events.onerror = function () {
    // the stream ended (admitted, sold out: already shown) or failed: polling from here on
    events.close();
    poll(Math.max(1, retry));
  };
})();
