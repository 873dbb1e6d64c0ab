// Shows every <time datetime> on a desk page in the browser's own time zone. The server writes
// UTC (it does not know the reader's zone); this rewrites the text, keeps the UTC instant in the
// datetime attribute and as a tooltip, and does it again after a live update swaps part of the page.
(function () {
  'use strict';

  var format = new Intl.DateTimeFormat(undefined, {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });

  function localize() {
    Array.prototype.forEach.call(document.querySelectorAll('time[datetime]:not([data-local])'), function (time) {
      var when = new Date(time.getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        time.textContent = format.format(when);
        time.title = when.toISOString();
        time.setAttribute('data-local', '');
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', localize);
  } else {
    localize();
  }
  document.addEventListener('desk:updated', localize);
}());
