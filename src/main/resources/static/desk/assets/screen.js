// "View screen": joins the conversation's Agora channel as a subscriber, with the token the desk
// issues for the signed-in agent, and plays the customer's shared screen. Loaded on the first
// click; Agora's Web SDK (shipped in this jar, see agora/) is loaded after it.
(function () {
  'use strict';

  var button = document.getElementById('view-screen');
  var status = document.getElementById('screen-status');
  var video = document.getElementById('screen-video');
  var client = null;
  window.DeskScreen = true;

  function say(text) {
    status.textContent = text;
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { Accept: 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function loadSdk() {
    if (window.AgoraRTC) {
      return Promise.resolve(window.AgoraRTC);
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = button.getAttribute('data-sdk');
      script.onload = function () { resolve(window.AgoraRTC); };
      script.onerror = function () { reject(new Error('Agora SDK did not load')); };
      document.head.appendChild(script);
    });
  }

  function start() {
    button.disabled = true;
    say('Connecting to the customer\u2019s screen\u2026');
    var grant;
    fetch(button.getAttribute('data-token-url'), { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body.detail || 'The desk could not issue a token');
          }
          return body;
        });
      })
      .then(function (body) {
        grant = body;
        return loadSdk();
      })
      .then(function (AgoraRTC) {
        AgoraRTC.setLogLevel(3);
        client = AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' });
        client.on('user-published', function (user, mediaType) {
          client.subscribe(user, mediaType).then(function () {
            if (mediaType === 'video') {
              user.videoTrack.play(video, { fit: 'contain' });
              say('Showing the customer\u2019s screen.');
            }
          });
        });
        client.on('user-unpublished', function () { say('The customer stopped sharing their screen.'); });
        return client.join(grant.app_id, grant.channel_name, grant.token, grant.uid);
      })
      .then(function () {
        say('Connected. Waiting for the customer\u2019s screen\u2026');
        button.textContent = 'Stop viewing';
        button.disabled = false;
        button.onclick = stop;
      })
      .catch(function (failure) {
        say('Cannot show the screen: ' + failure.message);
        button.disabled = false;
        button.onclick = start;
      });
  }

  function stop() {
    if (client) {
      client.leave();
      client = null;
    }
    video.textContent = '';
    say('Stopped viewing.');
    button.textContent = 'View screen';
    button.onclick = start;
  }

  start();
})();
