// The desk's check-in by QR code: where the browser can reach a camera, "Pindai QR" opens it (rear camera
// preferred), reads QR codes from its frames (the browser's BarcodeDetector when it reads QR, else jsQR from npm,
// loaded only now) and, when one holds a booking code, fills the booking-code field as if it had been typed: with the
// NIK already typed the check-in form is sent (the same post, one page load), else the NIK field takes the focus.
// Anything else is refused with a message and nothing is sent. The camera stops once a code is read, on "Close",
// on Escape and when the page goes away. Without this script, or without a camera, the button stays hidden and
// typing works as before.
(function () {
  'use strict';
  var button = document.getElementById('scan');
  var scanner = document.getElementById('scanner');
  var form = document.getElementById('checkin-form');
  if (!button || !scanner || !form) { return; }
  var media = navigator.mediaDevices;
  if (!media || !media.getUserMedia) { return; } // no camera API (or not a secure origin): typing only
  var video = document.getElementById('scan-video');
  var close = document.getElementById('scan-close');
  var status = document.getElementById('scan-status');
  var code = form.querySelector('[name=bookingCode]');
  var nik = form.querySelector('[name=nik]');
  var d = scanner.dataset;
  var bookingCode = new RegExp('^(?:' + d.pattern + ')$');
  var stream = null;
  var timer = null;
  var opening = false;
  var refused = null;
  var detector = null;
  var canvas = document.createElement('canvas');
  var context = null;

  function say(text, error) {
    status.textContent = text;
    status.classList.toggle('error-message', !!error);
  }

  // the button shows only when there is a camera to open (the browser lists it even before any permission)
  if (media.enumerateDevices) {
    media.enumerateDevices().then(function (devices) {
      button.hidden = !devices.some(function (device) { return device.kind === 'videoinput'; });
    }, function () { button.hidden = false; });
  } else {
    button.hidden = false;
  }

  // the browser's own reader when it reads QR codes (not Chromium on Linux), else jsQR, fetched the first time
  function decoder() {
    if (detector) { return Promise.resolve(detector); }
    var native = window.BarcodeDetector && window.BarcodeDetector.getSupportedFormats
      ? window.BarcodeDetector.getSupportedFormats().catch(function () { return []; }) : Promise.resolve([]);
    return native.then(function (formats) {
      if (formats.indexOf('qr_code') >= 0) {
        var reader = new window.BarcodeDetector({ formats: ['qr_code'] });
        detector = function () {
          return reader.detect(video).then(function (found) { return found.length ? found[0].rawValue : null; });
        };
        return detector;
      }
      return jsQR().then(function (read) {
        detector = function () { return Promise.resolve(fromFrame(read)); };
        return detector;
      });
    });
  }

  function jsQR() {
    if (window.jsQR) { return Promise.resolve(window.jsQR); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = d.decoder;
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // one frame of the video, at most 640 px wide, to jsQR
  function fromFrame(read) {
    var w = video.videoWidth, h = video.videoHeight;
    if (!w || !h) { return null; }
    var scale = Math.min(1, 640 / w);
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    context = context || canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    var image = context.getImageData(0, 0, canvas.width, canvas.height);
    var found = read(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    return found ? found.data : null;
  }

  function look() {
    timer = null;
    if (!stream) { return; }
    var next = function () { if (stream) { timer = setTimeout(look, 200); } };
    if (video.readyState < 2) { next(); return; }
    detector().then(function (text) {
      if (stream && text !== null && text !== undefined) { found(String(text)); }
      next();
    }, next);
  }

  function found(text) {
    var typed = text.trim().toUpperCase();
    if (!bookingCode.test(typed)) {
      if (text !== refused) { // said once per code shown, not at every frame
        refused = text;
        say(d.msgNotCode, true);
      }
      return;
    }
    stop();
    code.value = typed;
    if (/^\d{16}$/.test(nik.value.trim())) {
      say(d.msgSending.replace('__CODE__', typed));
      if (form.requestSubmit) { form.requestSubmit(document.getElementById('checkin')); } else { form.submit(); }
    } else {
      say(d.msgRead.replace('__CODE__', typed));
      nik.focus();
    }
  }

  function open() {
    if (stream || opening) { return; }
    opening = true;
    refused = null;
    scanner.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    say(d.msgStarting);
    media.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).then(function (s) {
      if (!opening) { // closed while the browser was asking
        s.getTracks().forEach(function (t) { t.stop(); });
        return;
      }
      opening = false;
      stream = s;
      video.srcObject = s;
      var playing = video.play();
      if (playing && playing.catch) { playing.catch(function () { /* the frames are read all the same */ }); }
      say(d.msgLooking);
      close.focus();
      return decoder().then(look, function () { stop(); say(d.msgNoCamera, true); button.focus(); });
    }, function (error) {
      stop();
      var denied = error && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      say(denied ? d.msgDenied : d.msgNoCamera, true);
      code.focus();
    });
  }

  function stop() {
    opening = false;
    if (timer) { clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
    stream = null;
    video.srcObject = null;
    scanner.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  }

  function closeByHand() {
    stop();
    say(d.msgClosed);
    button.focus();
  }

  button.addEventListener('click', open);
  close.addEventListener('click', closeByHand);
  document.addEventListener('keydown', function (event) {
    if ((event.key === 'Escape' || event.key === 'Esc') && (stream || opening)) {
      event.preventDefault();
      closeByHand();
    }
  });
  window.addEventListener('pagehide', stop);
})();
