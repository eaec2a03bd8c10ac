// Document uploads with the official tus client: progress, pause/resume, resume after a reload or a lost
// connection, type and size checked before sending, "server busy, continuing in N s" on 429/503 + Retry-After, and
// "your application is still being prepared, continuing in N s" on a 409 + Retry-After (upload-target-not-yet-known).
// Each form also works without this script (it posts the whole file to the website); here its submit is taken over.
(function () {
  'use strict';
  var csrf = document.querySelector('meta[name=csrf-token]').getAttribute('content');

  function kb(n) { return Math.round(n / 1024) + ' KB'; }

  document.querySelectorAll('form.upload').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    var pause = form.querySelector('.pause');
    var resume = form.querySelector('.resume');
    var send = form.querySelector('.send');
    var d = form.dataset;
    var accepted = (d.accept || '').split(',').filter(Boolean);
    var max = parseInt(d.maxBytes, 10);
    var upload = null;
    var waitTimer = null;

    function say(text) { status.textContent = text; }
    function fill(template, value) { return template.replace('__N__', value); }
    function selectedType() {
      var sel = form.querySelector('[name=documentType]');
      return sel ? sel.value : d.documentType;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = input.files[0];
      if (!file) { say(d.msgChoose); return; }
      if (accepted.length && accepted.indexOf(file.type) < 0) { say(d.msgType); input.focus(); return; }
      if (file.size > max) { say(fill(d.msgSize, kb(max))); input.focus(); return; }
      start(file);
    });
    pause.addEventListener('click', function () {
      if (upload) { upload.abort(); say(d.msgPaused); pause.hidden = true; resume.hidden = false; }
    });
    resume.addEventListener('click', function () {
      if (upload) { resume.hidden = true; pause.hidden = false; say(d.msgResuming); upload.start(); }
    });

    function start(file) {
      var type = selectedType();
      upload = new tus.Upload(file, {
        endpoint: '/uploads',
        chunkSize: 256 * 1024,
        retryDelays: [0, 1000, 2000, 3000, 5000, 5000, 5000, 10000, 10000, 10000, 15000, 15000],
        headers: { 'X-CSRF-Token': csrf },
        metadata: { applicationId: d.application, applicantId: d.applicant, documentType: type,
          filename: file.name, filetype: file.type },
        fingerprint: function (f) {
          return Promise.resolve(['mpaspor', d.applicant, type, f.name, f.size, f.lastModified].join('/'));
        },
        removeFingerprintOnSuccess: true,
        onProgress: function (sent, total) {
          bar.value = total ? sent / total : 0;
          say(fill(d.msgProgress, Math.floor(100 * sent / total) + '%'));
        },
        onAfterResponse: function (req, res) {
          if (req.getMethod() === 'HEAD' && res.getStatus() < 300) {
            say(fill(d.msgResumed, kb(parseInt(res.getHeader('Upload-Offset'), 10))));
            form.setAttribute('data-resumed-from', res.getHeader('Upload-Offset'));
          }
        },
        onShouldRetry: function (err) {
          var res = err.originalResponse;
          var code = res ? res.getStatus() : 0;
          if (code === 429 || code === 503) {
            busy(parseInt(res.getHeader('Retry-After'), 10) || 5, d.msgBusy);
            return false; // we wait for Retry-After ourselves, then go on from the last byte
          }
          if (code === 409 && res.getHeader('Retry-After')) {
            // the application or applicant was added a moment ago and the upload service has not heard of it yet
            busy(parseInt(res.getHeader('Retry-After'), 10) || 2, d.msgPreparing);
            return false;
          }
          if (!code || code >= 500) { say(d.msgOffline); return true; }
          return false;
        },
        onError: function (err) {
          if (waitTimer) { return; }
          var res = err.originalResponse;
          say(d.msgFailed + (res ? ' (' + res.getStatus() + ')' : ''));
          pause.hidden = true; resume.hidden = false;
        },
        onSuccess: function () {
          bar.value = 1;
          say(d.msgDone);
          pause.hidden = true; resume.hidden = true; send.hidden = false;
          form.setAttribute('data-done', 'true');
          if (window.htmx) { htmx.trigger('#doc-states', 'refresh'); }
        }
      });
      send.hidden = true; pause.hidden = false; resume.hidden = true; bar.hidden = false;
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length) { upload.resumeFromPreviousUpload(previous[0]); }
        upload.start();
      });
    }

    function busy(seconds, message) {
      var left = seconds;
      (function tick() {
        if (left <= 0) { waitTimer = null; say(d.msgResuming); upload.start(); return; }
        say(fill(message, left));
        left -= 1;
        waitTimer = setTimeout(tick, 1000);
      })();
    }
  });
})();
