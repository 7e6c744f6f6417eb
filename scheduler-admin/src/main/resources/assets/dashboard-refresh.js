// Moved out of dashboard/index.jte: the Content-Security-Policy allows scripts from /assets only.
// A wall display of the office: refresh every 30 s unless someone is typing.
setTimeout(function tick() {
  if (document.activeElement && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) {
    setTimeout(tick, 5000);
  } else {
    location.reload();
  }
}, 30000);
