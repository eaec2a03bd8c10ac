// Small enhancements; every page works without them.
(function () {
  'use strict';
  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  // <span data-countdown="SECONDS">: a live mm:ss (or h:mm:ss) countdown; also in parts htmx swaps in (the bill's
  // state), and it stops once its element has left the page (the bill was paid)
  function countdowns(root) {
    root.querySelectorAll('[data-countdown]').forEach(function (el) {
      if (el.getAttribute('data-counting')) { return; }
      el.setAttribute('data-counting', 'yes');
      var end = Date.now() + parseInt(el.getAttribute('data-countdown'), 10) * 1000;
      function tick() {
        if (!el.isConnected) { return; }
        var s = Math.max(0, Math.round((end - Date.now()) / 1000));
        var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
        el.textContent = (h > 0 ? h + ':' + pad(m) : m) + ':' + pad(r);
        if (s > 0) { setTimeout(tick, 1000); }
      }
      tick();
    });
  }
  countdowns(document);
  document.addEventListener('htmx:load', function (e) { countdowns(e.target); });

  // a form the API was too busy for: sent again by itself after Retry-After, what was typed kept
  document.querySelectorAll('form[data-resubmit]').forEach(function (form) {
    var left = parseInt(form.getAttribute('data-resubmit'), 10);
    var out = document.querySelector('[data-resubmit-seconds]');
    var missing = Array.prototype.some.call(form.querySelectorAll('input[required]'), function (i) { return !i.value; });
    if (missing) { return; } // a password is never sent back to the page: the person types it again
    function tick() {
      if (out) { out.textContent = left; }
      if (left <= 0) { form.requestSubmit ? form.requestSubmit() : form.submit(); return; }
      left -= 1; setTimeout(tick, 1000);
    }
    tick();
  });

  // copy the billing code
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = document.getElementById(button.getAttribute('data-copy')).textContent.trim();
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = button.getAttribute('data-copied');
      });
    });
  });

  // the office finder: the browser's location, only when the person agrees
  document.querySelectorAll('[data-locate]').forEach(function (button) {
    if (!navigator.geolocation) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var form = button.form;
        form.querySelector('[name=lat]').value = pos.coords.latitude.toFixed(5);
        form.querySelector('[name=lon]').value = pos.coords.longitude.toFixed(5);
        form.submit();
      });
    });
  });

  // the error summary takes the focus, as GOV.UK's does
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
})();
