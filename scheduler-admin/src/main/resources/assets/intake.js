// Media intake (issue 13): shows each video's conversion progress, then its result, poster and thumbnail strip.
// Progressive: the pages work without it; it polls /api/v1/media/items/{id}/intake while a video is converting.
(function () {
  'use strict';
  var nodes = document.querySelectorAll('[data-intake]');
  function render(node, v) {
    var en = node.getAttribute('data-lang') === 'en';
    var s = v.status;
    node.hidden = false;
    node.className = (node.getAttribute('data-detail') ? 'intake-detail' : 'intake') + ' intake-' + s.state;
    node.textContent = '';
    var label = document.createElement('strong');
    label.textContent = en ? v.labelEn : v.label;
    node.appendChild(label);
    if (s.state === 'RUNNING') {
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = s.percent;
      node.appendChild(bar);
    }
    if (s.state === 'FAILED') {
      var why = document.createElement('p');
      why.className = 'intake-failure';
      why.textContent = en ? s.failureEn : s.failure;
      node.appendChild(why);
    }
    if (node.getAttribute('data-detail')) {
      var reasons = en ? v.reasonsEn : v.reasons;
      if (reasons.length) {
        var p = document.createElement('p');
        p.className = 'small muted';
        p.textContent = (en ? 'Converted because of: ' : 'Dikonversi karena: ') + reasons.join(', ');
        node.appendChild(p);
      }
      if (s.stripUrl) {
        var strip = document.createElement('img');
        strip.src = s.stripUrl;
        strip.alt = en ? 'Thumbnails' : 'Cuplikan';
        strip.className = 'intake-strip';
        node.appendChild(strip);
      }
    }
    if (s.state === 'DONE' && s.posterUrl) {
      var img = document.querySelector('img[data-poster="' + s.mediaId + '"]');
      if (img && img.getAttribute('src') !== s.posterUrl) {
        img.src = s.posterUrl;
      }
    }
    return s.state === 'QUEUED' || s.state === 'RUNNING';
  }
  function poll(node) {
    var id = node.getAttribute('data-intake');
    fetch('/api/v1/media/items/' + encodeURIComponent(id) + '/intake', {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) {
        if (v && render(node, v)) {
          setTimeout(function () { poll(node); }, 2000);
        }
      })
      .catch(function () { setTimeout(function () { poll(node); }, 5000); });
  }
  for (var i = 0; i < nodes.length; i++) {
    poll(nodes[i]);
  }
  // "How it will look": each screen's panel drawn to its aspect ratio, the picture fitted as the player does.
  var looks = document.querySelectorAll('[data-looks]');
  for (var j = 0; j < looks.length; j++) {
    (function (node) {
      var en = node.getAttribute('data-lang') === 'en';
      fetch('/api/v1/media/items/' + encodeURIComponent(node.getAttribute('data-looks')) + '/looks',
        {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          list.forEach(function (look) {
            var f = look.preview;
            var fig = document.createElement('figure');
            fig.className = 'look' + (look.warnings.length ? ' look-warn' : '');
            var panel = document.createElement('div');
            panel.className = 'look-panel';
            panel.style.aspectRatio = f.panel.width + ' / ' + f.panel.height;
            var pic = document.createElement('div');
            pic.className = 'look-picture';
            pic.style.left = f.box.left + '%';
            pic.style.top = f.box.top + '%';
            pic.style.width = f.box.width + '%';
            pic.style.height = f.box.height + '%';
            panel.appendChild(pic);
            fig.appendChild(panel);
            var cap = document.createElement('figcaption');
            cap.textContent = f.screen + ' · ' + f.panel.width + '×' + f.panel.height + ' · '
              + (f.fit === 'CONTAIN' ? (en ? 'letterbox' : 'utuh (bingkai hitam)')
                : f.fit === 'COVER' ? (en ? 'crop' : 'penuh (terpotong)') : (en ? 'stretch' : 'direntang'))
              + ' · ' + Math.round(f.coverage * 100) + ' %';
            fig.appendChild(cap);
            (en ? look.warningsEn : look.warnings).forEach(function (w) {
              var p = document.createElement('p');
              p.className = 'look-warning';
              p.textContent = w;
              fig.appendChild(p);
            });
            node.appendChild(fig);
          });
        });
    })(looks[j]);
  }
})();
