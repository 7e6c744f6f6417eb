// Live preview of the slide editor: renders the slide on the server at the chosen LED resolution while typing.
(function () {
  var form = document.getElementById('slide-form');
  var img = document.getElementById('preview');
  var error = document.getElementById('preview-error');
  var size = document.getElementById('preview-size');
  var fields = ['slideTitle', 'text', 'background', 'foreground', 'qrUrl'];
  var timer = null;
  var lastUrl = null;

  function refresh() {
    var wh = size.value.split('x');
    var q = new URLSearchParams();
    fields.forEach(function (f) { q.set(f, form.elements[f].value); });
    q.set('w', wh[0]);
    q.set('h', wh[1]);
    fetch('/media/slides/preview.png?' + q.toString(), {headers: {'Accept': 'image/png, application/json'}})
      .then(function (r) {
        if (!r.ok) { throw new Error('preview ' + r.status); }
        return r.blob();
      })
      .then(function (blob) {
        if (lastUrl) { URL.revokeObjectURL(lastUrl); }
        lastUrl = URL.createObjectURL(blob);
        img.src = lastUrl;
        img.dataset.size = size.value;
        error.hidden = true;
      })
      .catch(function () { error.hidden = false; });
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
