// Screens and dashboard: ask before destructive forms, and refresh the dashboard of an office wall display.
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        e.preventDefault();
      }
    });
  });
  var refresh = document.querySelector('[data-refresh-seconds]');
  if (refresh) {
    var seconds = parseInt(refresh.getAttribute('data-refresh-seconds'), 10) || 30;
    var tick = function () {
      // Never reload under someone typing a pairing code or a form.
      var a = document.activeElement;
      if (a && /INPUT|TEXTAREA|SELECT/.test(a.tagName)) {
        setTimeout(tick, 5000);
      } else {
        window.location.reload();
      }
    };
    setTimeout(tick, seconds * 1000);
  }
})();
