// Moved out of booking/form.jte: the Content-Security-Policy allows scripts from /assets only.
// Progressive help only: the form works without it. Typing a number picks its frequency option.
document.querySelectorAll('.freq input[type=number]').forEach(function (n) {
  n.addEventListener('input', function () { n.parentElement.querySelector('input[type=radio]').checked = true; });
});
