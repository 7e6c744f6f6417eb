// Small behaviours every page may use, wired by data attributes: the Content-Security-Policy forbids inline
// scripts and on…= attributes, so pages declare what they want and this file does it. Pages work without it.
document.addEventListener('submit', function (e) {
  var form = e.target;
  // <form data-confirm="Really?">: ask before sending.
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    e.preventDefault();
  }
});
document.addEventListener('change', function (e) {
  var select = e.target;
  // <select data-preview="img-id" data-preview-base="/x.png"> with options "WxH": reload the image at that size.
  if (select.dataset && select.dataset.preview && select.dataset.previewBase) {
    var size = select.value.split('x');
    document.getElementById(select.dataset.preview).src =
        select.dataset.previewBase + '?w=' + encodeURIComponent(size[0]) + '&h=' + encodeURIComponent(size[1]);
  }
});
