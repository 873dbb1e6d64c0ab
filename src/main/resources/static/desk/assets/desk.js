// The desk's live pages: follow the page's event stream (server-sent events) and, when something
// happens, fetch the page's live part again from the server and swap it in. The server renders
// everything; this file only moves HTML around. Works without it, with a reload.
(function () {
  'use strict';

  var main = document.querySelector('main[data-stream]');
  if (!main) {
    return;
  }
  var liveUrl = main.getAttribute('data-live');
  var busy = false;
  var again = false;

  function signInUrl(response) {
    return response.redirected && new URL(response.url).pathname.indexOf('/desk/sign-in') === 0;
  }

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(liveUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (signInUrl(response)) {
          window.location.assign(response.url);
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html) {
          swap(html);
        }
      })
      .catch(function () { /* the stream reconnects, and the next event refreshes again */ })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  // Replaces the element with the fragment root's id, or else each of its children with the same id,
  // keeping the keyboard focus where it was.
  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
    if (!fresh) {
      return;
    }
    var focused = document.activeElement && document.activeElement.id;
    var existing = document.getElementById(fresh.id);
    if (existing) {
      existing.replaceWith(fresh);
    } else {
      Array.prototype.forEach.call(fresh.children, function (part) {
        var old = part.id && document.getElementById(part.id);
        if (old) {
          old.replaceWith(document.importNode(part, true));
        }
      });
    }
    if (focused && document.getElementById(focused) && document.activeElement !== document.getElementById(focused)) {
      document.getElementById(focused).focus();
    }
    if (fresh.dataset.title) {
      document.title = fresh.dataset.title;
    }
    document.dispatchEvent(new CustomEvent('desk:updated', { detail: fresh.dataset }));
  }

  var opened = false;
  var source = new EventSource(main.getAttribute('data-stream'));
  source.addEventListener('message', refresh);
  source.addEventListener('status', refresh);
  source.addEventListener('open', function () {
    // After a reconnect, whatever happened meanwhile is fetched at once.
    if (opened) {
      refresh();
    }
    opened = true;
  });
  // Waiting times keep counting between events.
  window.setInterval(refresh, 60000);

  // Conversation pages: the reply box follows who holds the conversation; "View screen" appears
  // once the customer starts sharing; the history shows its newest message.
  function scrollHistory() {
    var history = document.getElementById('history');
    if (history) {
      history.scrollTop = history.scrollHeight;
    }
  }
  document.addEventListener('desk:updated', function (event) {
    var data = event.detail;
    var fields = document.getElementById('reply-fields');
    if (fields && data.canReply !== undefined) {
      fields.disabled = data.canReply !== 'true';
      document.getElementById('reply-hint').textContent = data.canReply === 'true'
        ? 'The customer sees your name beside your reply.' : 'Claim the conversation to reply.';
    }
    var view = document.getElementById('view-screen');
    if (view && data.screenStarted === 'true') {
      view.hidden = false;
      var waiting = document.getElementById('screen-waiting');
      if (waiting) {
        waiting.hidden = true;
      }
    }
    scrollHistory();
  });
  scrollHistory();
  // Screenshots in the history change its height once they load.
  window.addEventListener('load', scrollHistory);

  var view = document.getElementById('view-screen');
  if (view) {
    view.addEventListener('click', function () {
      if (window.DeskScreen) {
        return;
      }
      var script = document.createElement('script');
      script.src = view.getAttribute('data-viewer');
      document.head.appendChild(script);
    }, { once: true });
  }
})();
