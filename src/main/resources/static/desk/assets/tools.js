// A conversation's "Saved reply" control: Insert puts the chosen reply (its placeholders already
// filled in by the server) into the Reply box at the cursor, for the person to edit; it never sends.
// Without this file the control reloads the page with the reply in the box.
(function () {
  'use strict';

  var form = document.getElementById('saved-reply-form');
  var reply = document.getElementById('reply');
  if (!form || !reply) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = document.getElementById('saved-reply').selectedOptions[0];
    if (!chosen) {
      return;
    }
    var text = chosen.getAttribute('data-text');
    var start = reply.selectionStart;
    var end = reply.selectionEnd;
    var before = reply.value.substring(0, start);
    var after = reply.value.substring(end);
    var glue = before && !/\s$/.test(before) ? '\n\n' : '';
    reply.value = before + glue + text + after;
    var caret = (before + glue + text).length;
    reply.focus();
    reply.setSelectionRange(caret, caret);
  });
}());
