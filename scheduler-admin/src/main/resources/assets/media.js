// Content library pages. External file: the Content-Security-Policy allows no inline script or handlers.
(function () {
  // Upload form: say that the upload is running (large videos take a while).
  var upload = document.getElementById('upload-form');
  if (upload) {
    upload.addEventListener('submit', function () {
      document.getElementById('uploading').hidden = false;
    });
  }

  // Delete buttons ask first.
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); }
    });
  });

  // Detail page of a slide: preview at another screen resolution.
  var slideSize = document.getElementById('slide-size');
  if (slideSize) {
    slideSize.addEventListener('change', function () {
      var wh = slideSize.value.split('x');
      var img = document.getElementById('slide-preview');
      img.src = img.dataset.base + '?w=' + wh[0] + '&h=' + wh[1];
    });
  }

  // Slide editor: live preview rendered by the server at the chosen LED resolution while typing.
  var form = document.getElementById('slide-form');
  if (!form) { return; }
  var img = document.getElementById('preview');
  var error = document.getElementById('preview-error');
  var size = document.getElementById('preview-size');
  var fields = ['slideTitle', 'text', 'background', 'foreground', 'qrUrl'];
  var timer = null;
  var lastUrl = null;

  var latest = 0;

  function refresh() {
    var wh = size.value.split('x');
    var q = new URLSearchParams();
    fields.forEach(function (f) { q.set(f, form.elements[f].value); });
    q.set('w', wh[0]);
    q.set('h', wh[1]);
    var asked = size.value;
    var mine = ++latest;
    fetch('/media/slides/preview.png?' + q.toString(), {headers: {'Accept': 'image/png, application/json'}})
      .then(function (r) {
        if (r.ok) { return r.blob(); }
        return r.json().then(function (body) {
          throw new Error(body.errors.map(function (e) {
            return document.documentElement.lang === 'en' ? e.messageEn : e.message;
          }).join(' '));
        });
      })
      .then(function (blob) {
        if (mine !== latest) { return; } // a newer preview is on its way
        if (lastUrl) { URL.revokeObjectURL(lastUrl); }
        lastUrl = URL.createObjectURL(blob);
        img.src = lastUrl;
        img.dataset.size = asked;
        error.hidden = true;
      })
      .catch(function (e) {
        if (mine !== latest) { return; }
        error.textContent = error.dataset.text + ' ' + (e && e.message ? e.message : '');
        error.hidden = false;
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  fields.forEach(function (f) { form.elements[f].addEventListener('input', later); });
  size.addEventListener('change', refresh);
  document.querySelectorAll('.swatch').forEach(function (b) {
    b.addEventListener('click', function () {
      form.elements.background.value = b.dataset.bg;
      form.elements.foreground.value = b.dataset.fg;
      refresh();
    });
  });
  refresh();
})();
