/*
 * The customer's support widget: one script tag on any website (docs/widget.md).
 *
 *   <script src="https://SERVICE/widget.js" defer></script>
 *
 * Everything it shows lives in a shadow root with its own styles, so the host page's CSS cannot
 * reach it and its CSS cannot reach the host page. It talks to the service the script came from,
 * with the same API the other frontends use; the service's CORS_ORIGINS decides which sites may.
 * Plain JavaScript without a build step; Agora's Web SDK is loaded only when screen sharing starts.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.SupportAssistantWidget) {
    return;
  }
  var BASE = new URL('.', script.src).href;
  var AGORA_SDK = BASE + 'desk/assets/agora/AgoraRTC_N-4.24.8.js';
  var CAPTURE_EVERY_MS = 10000;
  var LONGEST_RECORDING_MS = 60000;
  // Captures are scaled down to this width: enough to read a screen, well below the upload limits.
  var CAPTURE_MAX_WIDTH = 1920;
  var options = {
    title: script.getAttribute('data-title'),
    colour: script.getAttribute('data-colour') || script.getAttribute('data-color') || '#1f6feb',
    position: script.getAttribute('data-position') === 'left' ? 'left' : 'right',
    language: script.getAttribute('data-language'),
    token: script.getAttribute('data-customer-token')
  };
  var STORE_KEY = 'support-assistant:' + BASE + ':' + (options.token ? 'signed-in' : 'anonymous') + ':conversation';

  var TEXTS = {
    en: {
      launcher: 'Chat with support', title: 'Support', close: 'Close chat', message: 'Message', send: 'Send',
      speak: 'Speak', stopSpeaking: 'Stop recording', listen: 'Listen', shareScreen: 'Share screen',
      stopSharing: 'Stop sharing', screenshot: 'Send screenshot', person: 'Talk to a person',
      rate: 'Rate this conversation', rateN: '{n} of 5', you: 'You', assistant: 'Assistant',
      sources: 'Sources', history: 'Conversation', thinking: 'Writing\u2026', transcribing: 'Turning your words into text\u2026',
      recording: 'Recording\u2026 press Stop recording when you are done.', noMicrophone: 'The microphone is not available: ',
      sending: 'Sending the screenshot\u2026', sent: 'Screenshot sent.', writeFirst: 'Write your first message, then try again.',
      sharing: 'You are sharing your screen. A screenshot is sent every 10 seconds.',
      sharingNoLive: 'The live view could not start ({reason}); a screenshot is still sent every 10 seconds.',
      stopped: 'You stopped sharing your screen.', joined: '{who} joined the conversation.',
      waiting: 'Waiting for a person to join\u2026', backToAssistant: 'The assistant answers again.',
      resolved: 'The conversation was resolved.', thanks: 'Thank you for your rating.',
      failed: 'Something went wrong: ', guidance: 'Where to look on your screen', offline: 'The service cannot be reached.',
      welcome: 'Hello! How can we help?'
    },
    es: {
      launcher: 'Chatear con soporte', title: 'Soporte', close: 'Cerrar el chat', message: 'Mensaje', send: 'Enviar',
      speak: 'Hablar', stopSpeaking: 'Detener la grabaci\u00f3n', listen: 'Escuchar', shareScreen: 'Compartir pantalla',
      stopSharing: 'Dejar de compartir', screenshot: 'Enviar captura', person: 'Hablar con una persona',
      rate: 'Valorar esta conversaci\u00f3n', rateN: '{n} de 5', you: 'T\u00fa', assistant: 'Asistente',
      sources: 'Fuentes', history: 'Conversaci\u00f3n', thinking: 'Escribiendo\u2026', transcribing: 'Pasando tu voz a texto\u2026',
      recording: 'Grabando\u2026 pulsa Detener la grabaci\u00f3n al terminar.', noMicrophone: 'El micr\u00f3fono no est\u00e1 disponible: ',
      sending: 'Enviando la captura\u2026', sent: 'Captura enviada.', writeFirst: 'Escribe primero un mensaje y vuelve a intentarlo.',
      sharing: 'Est\u00e1s compartiendo tu pantalla. Se env\u00eda una captura cada 10 segundos.',
      sharingNoLive: 'La vista en directo no pudo empezar ({reason}); se sigue enviando una captura cada 10 segundos.',
      stopped: 'Has dejado de compartir tu pantalla.', joined: '{who} se ha unido a la conversaci\u00f3n.',
      waiting: 'Esperando a que se una una persona\u2026', backToAssistant: 'El asistente vuelve a responder.',
      resolved: 'La conversaci\u00f3n se ha resuelto.', thanks: 'Gracias por tu valoraci\u00f3n.',
      failed: 'Algo ha fallado: ', guidance: 'D\u00f3nde mirar en tu pantalla', offline: 'No se puede contactar con el servicio.',
      welcome: '\u00a1Hola! \u00bfEn qu\u00e9 podemos ayudarte?'
    },
    de: {
      launcher: 'Mit dem Support chatten', title: 'Support', close: 'Chat schlie\u00dfen', message: 'Nachricht', send: 'Senden',
      speak: 'Sprechen', stopSpeaking: 'Aufnahme beenden', listen: 'Anh\u00f6ren', shareScreen: 'Bildschirm teilen',
      stopSharing: 'Teilen beenden', screenshot: 'Bildschirmfoto senden', person: 'Mit einem Menschen sprechen',
      rate: 'Dieses Gespr\u00e4ch bewerten', rateN: '{n} von 5', you: 'Sie', assistant: 'Assistent',
      sources: 'Quellen', history: 'Gespr\u00e4ch', thinking: 'Schreibt\u2026', transcribing: 'Ihre Worte werden zu Text\u2026',
      recording: 'Aufnahme l\u00e4uft\u2026 dr\u00fccken Sie Aufnahme beenden, wenn Sie fertig sind.', noMicrophone: 'Das Mikrofon ist nicht verf\u00fcgbar: ',
      sending: 'Bildschirmfoto wird gesendet\u2026', sent: 'Bildschirmfoto gesendet.', writeFirst: 'Schreiben Sie zuerst eine Nachricht und versuchen Sie es dann erneut.',
      sharing: 'Sie teilen Ihren Bildschirm. Alle 10 Sekunden wird ein Bildschirmfoto gesendet.',
      sharingNoLive: 'Die Live-Ansicht konnte nicht starten ({reason}); alle 10 Sekunden wird weiter ein Bildschirmfoto gesendet.',
      stopped: 'Sie teilen Ihren Bildschirm nicht mehr.', joined: '{who} ist dem Gespr\u00e4ch beigetreten.',
      waiting: 'Warten, bis ein Mensch beitritt\u2026', backToAssistant: 'Der Assistent antwortet wieder.',
      resolved: 'Das Gespr\u00e4ch wurde gel\u00f6st.', thanks: 'Danke f\u00fcr Ihre Bewertung.',
      failed: 'Etwas ist schiefgegangen: ', guidance: 'Wo Sie auf Ihrem Bildschirm schauen', offline: 'Der Dienst ist nicht erreichbar.',
      welcome: 'Hallo! Wie k\u00f6nnen wir helfen?'
    },
    fr: {
      launcher: 'Discuter avec le support', title: 'Support', close: 'Fermer la discussion', message: 'Message', send: 'Envoyer',
      speak: 'Parler', stopSpeaking: 'Arr\u00eater l\u2019enregistrement', listen: '\u00c9couter', shareScreen: 'Partager l\u2019\u00e9cran',
      stopSharing: 'Arr\u00eater le partage', screenshot: 'Envoyer une capture', person: 'Parler \u00e0 une personne',
      rate: '\u00c9valuer cette conversation', rateN: '{n} sur 5', you: 'Vous', assistant: 'Assistant',
      sources: 'Sources', history: 'Conversation', thinking: 'R\u00e9daction\u2026', transcribing: 'Transcription de vos paroles\u2026',
      recording: 'Enregistrement\u2026 appuyez sur Arr\u00eater l\u2019enregistrement quand vous avez fini.', noMicrophone: 'Le micro n\u2019est pas disponible : ',
      sending: 'Envoi de la capture\u2026', sent: 'Capture envoy\u00e9e.', writeFirst: '\u00c9crivez d\u2019abord un message, puis r\u00e9essayez.',
      sharing: 'Vous partagez votre \u00e9cran. Une capture est envoy\u00e9e toutes les 10 secondes.',
      sharingNoLive: 'La vue en direct n\u2019a pas pu d\u00e9marrer ({reason}) ; une capture est toujours envoy\u00e9e toutes les 10 secondes.',
      stopped: 'Vous avez arr\u00eat\u00e9 de partager votre \u00e9cran.', joined: '{who} a rejoint la conversation.',
      waiting: 'En attente d\u2019une personne\u2026', backToAssistant: 'L\u2019assistant r\u00e9pond de nouveau.',
      resolved: 'La conversation est r\u00e9solue.', thanks: 'Merci pour votre \u00e9valuation.',
      failed: 'Une erreur s\u2019est produite : ', guidance: 'O\u00f9 regarder sur votre \u00e9cran', offline: 'Le service est injoignable.',
      welcome: 'Bonjour ! Comment pouvons-nous vous aider ?'
    }
  };

  function pickLanguage() {
    var wanted = [options.language].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').toLowerCase().split('-')[0];
      if (TEXTS[code]) {
        return code;
      }
    }
    return 'en';
  }
  var LANGUAGE = pickLanguage();
  var T = TEXTS[LANGUAGE];
  function say(key, values) {
    return T[key].replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }

  // ---- Styles: everything reset inside the shadow root, sizes in px (the host's rem may be anything).
  var COLOUR = /^#[0-9a-f]{3,8}$|^[a-z]+$|^rgb\([\d\s,.%]+\)$/i.test(options.colour) ? options.colour : '#1f6feb';
  var SIDE = options.position;
  var CSS = [
    ':host{all:initial !important}',
    '.root{all:initial;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;--c:' + COLOUR + '}',
    // The reset weighs nothing (:where), so the rules below win over it.
    ':where(.root *){box-sizing:border-box;font:inherit;color:inherit;margin:0;padding:0;border:0;background:none;letter-spacing:normal;text-transform:none;text-align:inherit}',
    ':where(.root *)::before,:where(.root *)::after{box-sizing:border-box}',
    'button{cursor:pointer;border-radius:8px;padding:6px 10px;background:#eef1f5;border:1px solid #c9d1d9;color:#1f2328;min-height:32px}',
    'button:hover{background:#e1e6ec}',
    'button:disabled{opacity:.55;cursor:default}',
    ':focus-visible{outline:3px solid #fb8500 !important;outline-offset:2px}',
    '.launcher{position:fixed;bottom:16px;' + SIDE + ':16px;z-index:2147483000;background:var(--c);color:#fff;border:0;border-radius:24px;padding:12px 18px;font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25)}',
    '.launcher:hover{background:var(--c);filter:brightness(1.1)}',
    '.panel{position:fixed;bottom:76px;' + SIDE + ':16px;z-index:2147483001;width:380px;max-width:calc(100vw - 32px);height:600px;max-height:calc(100vh - 96px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden}',
    '.panel[hidden]{display:none}',
    '@media (max-width:480px){.panel{top:0;bottom:0;left:0;right:0;width:100%;max-width:100%;height:100%;max-height:100%;border-radius:0}}',
    'header{display:flex;align-items:center;gap:8px;background:var(--c);color:#fff;padding:10px 12px}',
    'h2{flex:1;font-size:16px;font-weight:700}',
    'header button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);font-size:18px;line-height:1;min-width:32px}',
    'header button:hover{background:rgba(255,255,255,.15)}',
    '.tools{display:flex;flex-wrap:wrap;gap:6px;padding:8px 12px;border-bottom:1px solid #d8dee4}',
    '.tools button{font-size:13px}',
    '.tools button[hidden],.rating[hidden]{display:none}',
    'ol{list-style:none;flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;background:#f6f8fa}',
    'li.msg{max-width:85%;padding:8px 10px;border-radius:10px;background:#fff;border:1px solid #d8dee4;overflow-wrap:anywhere}',
    'li.user{align-self:flex-end;background:var(--c);color:#fff;border-color:transparent}',
    'li.assistant{align-self:flex-start}',
    'li.human{border-left:4px solid #2da44e}',
    'li.note{align-self:center;max-width:100%;font-size:12px;color:#57606a;text-align:center}',
    '.who{display:block;font-size:12px;font-weight:600;opacity:.85;margin-bottom:2px}',
    '.text p{margin:0 0 6px}.text p:last-child{margin-bottom:0}',
    '.text ul,.text ol{list-style:disc;padding:0 0 6px 20px;display:block;background:none;overflow:visible}',
    '.text ol{list-style:decimal}',
    '.text li{display:list-item}',
    '.text strong{font-weight:700}.text em{font-style:italic}',
    '.text code,.text pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:rgba(0,0,0,.06);border-radius:4px;padding:0 3px}',
    '.text pre{display:block;padding:6px;white-space:pre-wrap;margin:0 0 6px}',
    'a{color:#0969da;text-decoration:underline}',
    'li.user a{color:#fff}',
    '.sources{margin-top:6px;font-size:12px;color:#57606a}',
    '.sources ul{list-style:disc;padding-left:18px}',
    '.actions{margin-top:6px}',
    '.actions button{font-size:12px;min-height:26px;padding:2px 8px}',
    'figure{margin-top:8px}',
    'figure .frame{position:relative;display:inline-block;max-width:100%}',
    'figure img{display:block;max-width:100%;height:auto;border:1px solid #d8dee4;border-radius:6px}',
    'figure .box{position:absolute;border:3px solid #d1242f;border-radius:4px}',
    'figcaption{font-size:12px;color:#57606a}',
    '.notice{padding:4px 12px;font-size:13px;color:#57606a;min-height:0}',
    '.notice:empty{display:none}',
    '.rating{padding:8px 12px;border-top:1px solid #d8dee4}',
    '.rating p{font-weight:600;margin-bottom:4px}',
    '.stars{display:flex;gap:6px}',
    'form{display:flex;flex-direction:column;gap:6px;padding:8px 12px 12px;border-top:1px solid #d8dee4}',
    'label{font-size:12px;font-weight:600;color:#57606a}',
    'textarea{display:block;width:100%;min-height:56px;max-height:140px;resize:vertical;border:1px solid #8c959f;border-radius:8px;padding:6px 8px;background:#fff;color:#1f2328}',
    '.row{display:flex;gap:6px;justify-content:flex-end}',
    '.send{background:var(--c);color:#fff;border-color:transparent;font-weight:600}',
    '.send:hover{background:var(--c);filter:brightness(1.1)}',
    '.hidden-video{position:absolute;width:1px;height:1px;opacity:0;pointer-events:none}'
  ].join('\n');

  // ---- Small DOM helpers
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else if (name === 'on') {
        Object.keys(attributes.on).forEach(function (type) { node.addEventListener(type, attributes.on[type]); });
      } else if (attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== false) {
        node.setAttribute(name, attributes[name] === true ? '' : attributes[name]);
      }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  // ---- Safe Markdown: everything is escaped first; only a few marks are turned into tags after.
  function escapeHtml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function inline(escaped) {
    var codes = [];
    var text = escaped.replace(/`([^`\n]+)`/g, function (all, code) {
      codes.push('<code>' + code + '</code>');
      return '\u0000' + (codes.length - 1) + '\u0000';
    });
    text = text.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, function (all, label, url) {
      // Only http(s) links: the URL is already escaped, so it cannot leave its attribute.
      return /^https?:\/\//i.test(url)
        ? '<a href="' + url + '" target="_blank" rel="noopener noreferrer nofollow">' + label + '</a>' : all;
    });
    text = text.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>').replace(/__([^_\n]+)__/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, '$1<em>$2</em>').replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, '$1<em>$2</em>');
    return text.replace(/\u0000(\d+)\u0000/g, function (all, index) { return codes[Number(index)]; });
  }
  function markdown(source) {
    var lines = escapeHtml(source).split(/\r?\n/);
    var html = [];
    var list = null;
    var paragraph = [];
    var code = null;
    function closeParagraph() {
      if (paragraph.length) {
        html.push('<p>' + inline(paragraph.join('<br>')) + '</p>');
        paragraph = [];
      }
    }
    function closeList() {
      if (list) {
        html.push('</' + list + '>');
        list = null;
      }
    }
    lines.forEach(function (line) {
      if (code !== null) {
        if (/^\s*```/.test(line)) {
          html.push('<pre>' + code.join('\n') + '</pre>');
          code = null;
        } else {
          code.push(line);
        }
        return;
      }
      if (/^\s*```/.test(line)) {
        closeParagraph();
        closeList();
        code = [];
        return;
      }
      var bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
      var numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        closeParagraph();
        var kind = bullet ? 'ul' : 'ol';
        if (list !== kind) {
          closeList();
          html.push('<' + kind + '>');
          list = kind;
        }
        html.push('<li>' + inline((bullet || numbered)[1]) + '</li>');
      } else if (/^\s*$/.test(line)) {
        closeParagraph();
        closeList();
      } else {
        closeList();
        paragraph.push(line.replace(/^#{1,6}\s+/, ''));
      }
    });
    if (code !== null) {
      html.push('<pre>' + code.join('\n') + '</pre>');
    }
    closeParagraph();
    closeList();
    return html.join('');
  }

  // ---- The service
  function headers(extra) {
    var all = { Accept: 'application/json' };
    if (options.token) {
      all.Authorization = 'Bearer ' + options.token;
    }
    Object.keys(extra || {}).forEach(function (name) { all[name] = extra[name]; });
    return all;
  }
  function call(method, path, body, extra) {
    var init = { method: method, headers: headers(extra), credentials: 'omit', mode: 'cors' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(BASE + path, init);
  }
  /** The answer's JSON, or an Error carrying what the service said (its detail, as it is). */
  function json(response) {
    return response.text().then(function (text) {
      var body = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch (notJson) {
        body = {};
      }
      if (!response.ok || body.success === false) {
        var failure = new Error(body.detail || body.error || body.message || ('HTTP ' + response.status));
        failure.status = response.status;
        failure.body = body;
        throw failure;
      }
      return body;
    });
  }
  /** Reads a server-sent event stream from a fetch response, calling onEvent(type, data, id). */
  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    function dispatch(block) {
      var type = 'message';
      var data = [];
      var id = null;
      block.split('\n').forEach(function (line) {
        if (line.charAt(0) === ':') {
          return;
        }
        var colon = line.indexOf(':');
        var field = colon < 0 ? line : line.slice(0, colon);
        var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          type = value;
        } else if (field === 'data') {
          data.push(value);
        } else if (field === 'id') {
          id = value;
        }
      });
      if (data.length) {
        var parsed;
        try {
          parsed = JSON.parse(data.join('\n'));
        } catch (notJson) {
          return;
        }
        onEvent(type, parsed, id);
      }
    }
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          if (buffer.trim()) {
            dispatch(buffer);
          }
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
        var end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        return pump();
      });
    }
    return pump();
  }

  // ---- The widget's elements
  var host = el('div', { 'data-support-assistant': '' });
  var shadow = host.attachShadow({ mode: 'open' });
  var ids = 0;
  function id(name) {
    ids += 1;
    return 'sa-' + name + '-' + ids;
  }
  var messageId = id('message');
  var titleId = id('title');
  var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-haspopup': 'dialog', text: T.launcher });
  var closeButton = el('button', { type: 'button', 'aria-label': T.close, title: T.close, text: '\u00d7' });
  var personButton = el('button', { type: 'button', text: T.person });
  var shareButton = el('button', { type: 'button', text: T.shareScreen, hidden: true });
  var screenshotButton = el('button', { type: 'button', text: T.screenshot });
  var history = el('ol', { class: 'history', role: 'log', 'aria-live': 'polite', 'aria-label': T.history, tabindex: '0' });
  var notice = el('p', { class: 'notice', role: 'status' });
  var ratingButtons = [1, 2, 3, 4, 5].map(function (score) {
    return el('button', { type: 'button', 'aria-label': say('rateN', { n: score }), text: String(score), 'data-score': score });
  });
  var ratingLabel = el('p', { id: id('rate'), text: T.rate });
  var rating = el('div', { class: 'rating', role: 'group', 'aria-labelledby': ratingLabel.id, hidden: true },
    [ratingLabel, el('div', { class: 'stars' }, ratingButtons)]);
  var textBox = el('textarea', { id: messageId, name: 'message', rows: '2', maxlength: '4000', autocomplete: 'off' });
  var speakButton = el('button', { type: 'button', text: T.speak, 'aria-pressed': 'false' });
  var sendButton = el('button', { type: 'submit', class: 'send', text: T.send });
  var form = el('form', {}, [el('label', { for: messageId, text: T.message }), textBox,
    el('div', { class: 'row' }, [speakButton, sendButton])]);
  var panel = el('section', { class: 'panel', role: 'dialog', 'aria-labelledby': titleId, hidden: true, lang: LANGUAGE }, [
    el('header', {}, [el('h2', { id: titleId, text: options.title || T.title }), closeButton]),
    el('div', { class: 'tools' }, [personButton, shareButton, screenshotButton]),
    history, notice, rating, form]);
  var root = el('div', { class: 'root', lang: LANGUAGE }, [launcher, panel]);
  shadow.appendChild(el('style', { text: CSS }));
  shadow.appendChild(root);

  // ---- State
  var conversationId = null;
  try {
    conversationId = window.localStorage.getItem(STORE_KEY);
  } catch (noStorage) {
    conversationId = null;
  }
  var shown = {};
  var streaming = false;
  var loadingHistory = false;
  var heldEvents = [];
  var lastEventId = null;
  var events = null;
  var screenSharing = false;

  function remember(id) {
    conversationId = id;
    try {
      if (id) {
        window.localStorage.setItem(STORE_KEY, id);
      } else {
        window.localStorage.removeItem(STORE_KEY);
      }
    } catch (noStorage) {
      // Without storage the conversation lasts as long as the page.
    }
  }
  function tell(text) {
    notice.textContent = text;
  }
  function failed(failure) {
    tell(T.failed + (failure && failure.message ? failure.message : String(failure)));
  }
  function scrollDown() {
    history.scrollTop = history.scrollHeight;
  }

  // ---- Messages
  function authorOf(message) {
    var metadata = message.metadata || {};
    if (message.role === 'user') {
      return T.you;
    }
    return metadata.human && metadata.author ? metadata.author : T.assistant;
  }
  function renderMessage(message) {
    if (message.id && shown[message.id]) {
      return shown[message.id];
    }
    var metadata = message.metadata || {};
    var item;
    if (message.role === 'system') {
      item = el('li', { class: 'msg note', text: message.content });
    } else {
      var kind = message.role === 'user' ? 'user' : 'assistant' + (metadata.human ? ' human' : '');
      item = el('li', { class: 'msg ' + kind }, [el('span', { class: 'who', text: authorOf(message) }), el('div', { class: 'text' })]);
      fillReply(item, message);
    }
    if (message.id) {
      item.setAttribute('data-id', message.id);
      shown[message.id] = item;
    }
    history.appendChild(item);
    scrollDown();
    return item;
  }
  function fillReply(item, message) {
    var metadata = message.metadata || {};
    var text = item.querySelector('.text');
    if (message.role === 'user') {
      text.textContent = message.content;
      return;
    }
    text.innerHTML = markdown(message.content || '');
    // The reply's language, where the service names it, so screen readers pronounce it right.
    var language = metadata.language || metadata.detected_language;
    if (typeof language === 'string' && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language)) {
      text.setAttribute('lang', language);
    }
    var sources = (metadata.sources || []).map(function (source) { return source.title; }).filter(Boolean);
    if (sources.length) {
      item.appendChild(el('div', { class: 'sources' }, [el('span', { text: T.sources + ':' }),
        el('ul', {}, sources.map(function (title) { return el('li', { text: title }); }))]));
    }
    if (message.id && Array.isArray(metadata.screen_guidance) && metadata.screen_guidance.length) {
      showGuidance(item, message.id, metadata.screen_guidance);
    }
    if (message.content) {
      var listen = el('button', { type: 'button', text: T.listen, 'aria-label': T.listen + ': ' + authorOf(message) });
      listen.addEventListener('click', function () { speak(message.content, listen); });
      item.appendChild(el('div', { class: 'actions' }, [listen]));
    }
  }

  /** The annotated screenshot beside the reply; if it cannot be had, the plain one with the boxes drawn here. */
  function showGuidance(item, replyId, guidance) {
    var byScreenshot = {};
    guidance.forEach(function (step) {
      if (step && typeof step.screenshot_url === 'string') {
        (byScreenshot[step.screenshot_url] = byScreenshot[step.screenshot_url] || []).push(step);
      }
    });
    Object.keys(byScreenshot).forEach(function (url) {
      var steps = byScreenshot[url];
      var labels = steps.map(function (step) { return step.label; }).filter(Boolean).join(', ');
      var image = el('img', { alt: T.guidance + (labels ? ': ' + labels : '') });
      var frame = el('div', { class: 'frame' }, [image]);
      item.appendChild(el('figure', {}, [frame, el('figcaption', { text: labels || T.guidance })]));
      var plain = new URL(url, BASE);
      var annotated = new URL(url, BASE);
      annotated.searchParams.set('guidance', replyId);
      imageFrom(annotated.href).then(function (source) {
        image.src = source;
      }, function () {
        return imageFrom(plain.href).then(function (source) {
          image.onload = function () {
            steps.forEach(function (step) {
              var box = step.box || {};
              var width = image.naturalWidth;
              var height = image.naturalHeight;
              if (!width || !height) {
                return;
              }
              frame.appendChild(el('span', { class: 'box', title: step.label || '', style: 'left:' + (100 * box.x / width)
                + '%;top:' + (100 * box.y / height) + '%;width:' + (100 * box.width / width) + '%;height:'
                + (100 * box.height / height) + '%' }));
            });
          };
          image.src = source;
        });
      }).catch(function () { /* the caption still says where to look */ });
    });
  }
  function imageFrom(url) {
    // Fetched rather than linked: a signed-in customer's screenshots need the token.
    return fetch(url, { headers: headers({ Accept: 'image/*' }), credentials: 'omit' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.blob();
    }).then(function (blob) { return URL.createObjectURL(blob); });
  }

  function statusChanged(change) {
    if (change.status === 'with_human') {
      tell(say('joined', { who: change.by || T.assistant }));
    } else if (change.status === 'waiting_for_human') {
      tell(T.waiting);
    } else if (change.status === 'bot') {
      tell(T.backToAssistant);
    } else if (change.status === 'resolved') {
      tell(T.resolved);
      offerRating();
    }
  }
  function offerRating() {
    rating.hidden = false;
    ratingButtons.forEach(function (button) { button.disabled = false; });
  }

  // ---- Sending a message, with the reply streamed as it is written
  function send(text) {
    var local = renderMessage({ role: 'user', content: text });
    var reply = el('li', { class: 'msg assistant', 'aria-busy': 'true' },
      [el('span', { class: 'who', text: T.assistant }), el('div', { class: 'text', text: T.thinking })]);
    history.appendChild(reply);
    scrollDown();
    var written = '';
    streaming = true;
    sendButton.disabled = true;
    var body = { message: text, conversation_id: conversationId };
    return call('POST', 'api/v1/chat/stream', body, { Accept: 'text/event-stream' }).then(function (response) {
      if (!response.ok || !response.body) {
        return json(response);
      }
      return readEvents(response, function (type, data) {
        if (type === 'token' && typeof data.text === 'string') {
          written += data.text;
          reply.querySelector('.text').textContent = written;
          scrollDown();
        } else if (type === 'done') {
          finishReply(reply, data);
        } else if (type === 'error') {
          throw new Error(data.detail || 'stream error');
        }
      });
    }).catch(function (failure) {
      if (!reply.getAttribute('data-id')) {
        reply.remove();
      }
      local.setAttribute('data-unsent', '');
      failed(failure);
    }).then(function () {
      streaming = false;
      sendButton.disabled = false;
      releaseHeldEvents();
    });
  }
  function finishReply(reply, answer) {
    var message = answer.message || {};
    reply.removeAttribute('aria-busy');
    reply.querySelector('.text').textContent = '';
    if (message.metadata && message.metadata.human) {
      reply.classList.add('human');
    }
    fillReply(reply, message);
    if (message.id) {
      reply.setAttribute('data-id', message.id);
      shown[message.id] = reply;
    }
    if (answer.conversation_id && answer.conversation_id !== conversationId) {
      remember(answer.conversation_id);
      listen();
    }
    if (answer.should_request_screen_share) {
      shareButton.hidden = false;
    }
    scrollDown();
  }

  // ---- Live updates: the customer's event stream, read with fetch (it may need the token). What it
  // brings while a reply streams or the history loads waits for them (releaseHeldEvents). Returns a
  // promise settled once the stream is open, or has failed to open.
  function listen() {
    if (events) {
      events.abort();
    }
    if (!conversationId) {
      return Promise.resolve();
    }
    var opened;
    var whenOpen = new Promise(function (resolve) { opened = resolve; });
    var controller = new AbortController();
    events = controller;
    var watched = conversationId;
    var path = 'api/v1/conversation/' + encodeURIComponent(watched) + '/events'
      + (lastEventId ? '?last_event_id=' + encodeURIComponent(lastEventId) : '');
    fetch(BASE + path, { headers: headers({ Accept: 'text/event-stream' }), credentials: 'omit', signal: controller.signal })
      .then(function (response) {
        opened();
        if (response.status === 404) {
          // The conversation is gone (erased or expired): nothing to watch any more.
          controller.abort();
          return null;
        }
        if (!response.ok || !response.body) {
          throw new Error('HTTP ' + response.status);
        }
        return readEvents(response, function (type, data, eventId) {
          if (eventId) {
            lastEventId = eventId;
          }
          if (streaming || loadingHistory) {
            heldEvents.push({ type: type, data: data });
          } else {
            onConversationEvent(type, data);
          }
        });
      })
      .catch(function () { /* reconnected below */ })
      .then(function () {
        opened();
        if (events === controller && !controller.signal.aborted && conversationId === watched) {
          setTimeout(function () {
            if (events === controller) {
              listen();
            }
          }, 3000);
        }
      });
    return whenOpen;
  }
  // A page the browser keeps to go back to (its back/forward cache) holds no stream open meanwhile: the
  // stream would hold one of the few connections a browser opens to the service. Shown again, it
  // reads what it missed as after a page load.
  window.addEventListener('pagehide', function () {
    if (events) {
      events.abort();
      events = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && conversationId) {
      loadHistory().catch(function () { tell(T.offline); });
    }
  });
  function releaseHeldEvents() {
    if (streaming || loadingHistory) {
      return;
    }
    var held = heldEvents;
    heldEvents = [];
    held.forEach(function (event) { onConversationEvent(event.type, event.data); });
  }
  function onConversationEvent(type, data) {
    if (type === 'message' && data.message) {
      var message = data.message;
      if (shown[message.id]) {
        return;
      }
      if (message.role === 'user') {
        // The customer's own message, shown already when it was sent.
        var pending = Array.prototype.find.call(history.querySelectorAll('li.user:not([data-id])'),
          function (item) { return item.querySelector('.text').textContent === message.content; });
        if (pending) {
          pending.setAttribute('data-id', message.id);
          shown[message.id] = pending;
          return;
        }
      }
      renderMessage(message);
    } else if (type === 'status') {
      statusChanged(data);
    }
  }

  // ---- The conversation kept across page loads. The event stream opens first, so that a message
  // written while the history loads is not missed: what it brings meanwhile is shown after the history.
  function loadHistory() {
    if (!conversationId) {
      return Promise.resolve();
    }
    var path = 'api/v1/conversation/' + encodeURIComponent(conversationId);
    loadingHistory = true;
    function historyShown() {
      loadingHistory = false;
      releaseHeldEvents();
    }
    return listen().then(function () {
      return call('GET', path);
    }).then(json).then(function (conversation) {
      (conversation.messages || []).forEach(renderMessage);
      return call('GET', path + '/handoff').then(json).then(function (state) {
        if (state.status === 'resolved') {
          offerRating();
        } else if (state.status === 'waiting_for_human') {
          tell(T.waiting);
        }
      }, function () { /* the history is what matters */ });
    }, function (failure) {
      if (failure.status === 404) {
        remember(null);
      } else {
        throw failure;
      }
    }).then(historyShown, function (failure) {
      historyShown();
      throw failure;
    });
  }

  // ---- Voice
  var recorder = null;
  function record() {
    if (recorder) {
      recorder.stop();
      return;
    }
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      tell(T.noMicrophone + 'MediaRecorder');
      return;
    }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream);
      var limit = setTimeout(function () { if (recorder) { recorder.stop(); } }, LONGEST_RECORDING_MS);
      recorder.ondataavailable = function (event) { if (event.data.size) { chunks.push(event.data); } };
      recorder.onstop = function () {
        clearTimeout(limit);
        stream.getTracks().forEach(function (track) { track.stop(); });
        var type = recorder.mimeType || 'audio/webm';
        recorder = null;
        speakButton.textContent = T.speak;
        speakButton.setAttribute('aria-pressed', 'false');
        var file = new FormData();
        // The original frontend's name, whatever the real format: the service reads the bytes.
        file.append('file', new Blob(chunks, { type: type }), 'audio.wav');
        tell(T.transcribing);
        call('POST', 'api/v1/transcribe', file).then(json).then(function (answer) {
          tell('');
          textBox.value = (textBox.value ? textBox.value + ' ' : '') + (answer.transcript || '');
          textBox.focus();
        }).catch(failed);
      };
      recorder.start();
      speakButton.textContent = T.stopSpeaking;
      speakButton.setAttribute('aria-pressed', 'true');
      tell(T.recording);
    }).catch(function (failure) { tell(T.noMicrophone + failure.message); });
  }
  var playing = null;
  function speak(text, button) {
    if (playing) {
      playing.pause();
    }
    button.disabled = true;
    call('POST', 'api/v1/tts', { text: text }, { Accept: 'audio/*' }).then(function (response) {
      if (!response.ok) {
        return json(response);
      }
      return response.blob().then(function (audio) {
        playing = new Audio(URL.createObjectURL(audio));
        return playing.play();
      });
    }).catch(failed).then(function () { button.disabled = false; });
  }

  // ---- Screens
  /** One frame of a screen capture as a PNG, scaled down to CAPTURE_MAX_WIDTH. */
  function frameOf(video) {
    var scale = Math.min(1, CAPTURE_MAX_WIDTH / (video.videoWidth || 1));
    var canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (png) { return png ? resolve(png) : reject(new Error('no frame')); }, 'image/png');
    });
  }
  function playCapture(stream) {
    var video = el('video', { class: 'hidden-video', muted: true, playsinline: true, 'aria-hidden': 'true' });
    video.muted = true;
    video.srcObject = stream;
    root.appendChild(video);
    return video.play().then(function () {
      return video.videoWidth ? video : new Promise(function (resolve) { video.onresize = function () { resolve(video); }; });
    });
  }
  function upload(png) {
    var file = new FormData();
    file.append('file', png, 'screen.png');
    file.append('conversation_id', conversationId);
    return call('POST', 'api/v1/screenshots', file).then(json);
  }
  function captureScreen() {
    return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  }
  function sendScreenshot() {
    if (!conversationId) {
      tell(T.writeFirst);
      return;
    }
    screenshotButton.disabled = true;
    var stream;
    captureScreen().then(function (captured) {
      stream = captured;
      tell(T.sending);
      return playCapture(stream);
    }).then(function (video) {
      return frameOf(video).then(function (png) {
        stream.getTracks().forEach(function (track) { track.stop(); });
        video.remove();
        return upload(png);
      });
    }).then(function () { tell(T.sent); }, function (failure) {
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
      }
      failed(failure);
    }).then(function () { screenshotButton.disabled = false; });
  }

  var sharing = null;
  function loadAgora() {
    if (window.AgoraRTC) {
      return Promise.resolve(window.AgoraRTC);
    }
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = AGORA_SDK;
      tag.onload = function () { return window.AgoraRTC ? resolve(window.AgoraRTC) : reject(new Error('Agora SDK')); };
      tag.onerror = function () { reject(new Error('Agora SDK did not load')); };
      document.head.appendChild(tag);
    });
  }
  function shareScreen() {
    if (sharing) {
      stopSharing();
      return;
    }
    if (!conversationId) {
      tell(T.writeFirst);
      return;
    }
    shareButton.disabled = true;
    var session = { stream: null, client: null, timer: null, video: null };
    captureScreen().then(function (stream) {
      session.stream = stream;
      sharing = session;
      stream.getVideoTracks()[0].addEventListener('ended', stopSharing);
      return playCapture(stream);
    }).then(function (video) {
      session.video = video;
      function captureNow() {
        if (sharing === session) {
          frameOf(video).then(upload).catch(failed);
        }
      }
      captureNow();
      session.timer = setInterval(captureNow, CAPTURE_EVERY_MS);
      shareButton.textContent = T.stopSharing;
      shareButton.setAttribute('aria-pressed', 'true');
      shareButton.disabled = false;
      tell(T.sharing);
      return publish(session);
    }).catch(function (failure) {
      shareButton.disabled = false;
      if (sharing === session && session.timer) {
        tell(say('sharingNoLive', { reason: failure.message }));
      } else {
        stopSharing();
        failed(failure);
      }
    });
  }
  /** The live view: the capture published on the conversation's Agora channel with the customer's token. */
  function publish(session) {
    var path = 'api/v1/conversation/' + encodeURIComponent(conversationId) + '/screen-share';
    var grant;
    return call('POST', path).then(json).then(function (answer) {
      grant = answer;
      return loadAgora();
    }).then(function (AgoraRTC) {
      if (sharing !== session) {
        return null;
      }
      AgoraRTC.setLogLevel(3);
      var client = AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' });
      session.client = client;
      client.on('token-privilege-will-expire', function () {
        call('POST', path + '/renew').then(json).then(function (renewed) {
          var customer = renewed.customer || renewed;
          return client.renewToken(customer.token);
        }).catch(failed);
      });
      return client.join(grant.app_id, grant.channel_name, grant.customer.token, grant.customer.uid).then(function () {
        var track = AgoraRTC.createCustomVideoTrack({ mediaStreamTrack: session.stream.getVideoTracks()[0] });
        return client.publish(track);
      });
    });
  }
  function stopSharing() {
    var session = sharing;
    sharing = null;
    if (!session) {
      return;
    }
    clearInterval(session.timer);
    if (session.client) {
      session.client.leave();
    }
    if (session.stream) {
      session.stream.getTracks().forEach(function (track) { track.stop(); });
    }
    if (session.video) {
      session.video.remove();
    }
    shareButton.textContent = T.shareScreen;
    shareButton.setAttribute('aria-pressed', 'false');
    shareButton.disabled = false;
    tell(T.stopped);
  }

  // ---- Handoff and rating
  function askForPerson() {
    if (!conversationId) {
      tell(T.writeFirst);
      return;
    }
    personButton.disabled = true;
    call('POST', 'api/v1/conversation/' + encodeURIComponent(conversationId) + '/handoff', {}).then(json)
      .then(function (answer) {
        if (answer.message) {
          renderMessage(answer.message);
        }
        tell(answer.status === 'with_human' ? say('joined', { who: T.assistant }) : T.waiting);
      })
      // What the service answers (a 503 when no desk is set up) is shown as it says it.
      .catch(function (failure) { tell(failure.message); })
      .then(function () { personButton.disabled = false; });
  }
  function rate(score) {
    ratingButtons.forEach(function (button) { button.disabled = true; });
    call('POST', 'api/v1/conversation/' + encodeURIComponent(conversationId) + '/rating', { score: score }).then(json)
      .then(function () {
        rating.hidden = true;
        tell(T.thanks);
      }, function (failure) {
        tell(failure.message);
        ratingButtons.forEach(function (button) { button.disabled = false; });
      });
  }

  // ---- Opening, closing, keyboard
  var loaded = null;
  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.hidden = window.matchMedia('(max-width: 480px)').matches;
    if (!loaded) {
      loaded = loadHistory().then(function () {
        if (!history.children.length) {
          history.appendChild(el('li', { class: 'msg assistant' }, [el('span', { class: 'who', text: T.assistant }),
            el('div', { class: 'text', text: T.welcome })]));
        }
      }).catch(function () { tell(T.offline); });
    }
    textBox.focus();
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', function () { return panel.hidden ? open() : close(); });
  closeButton.addEventListener('click', close);
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) {
      event.stopPropagation();
      close();
    }
  });
  textBox.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = textBox.value.trim();
    if (!text || streaming) {
      return;
    }
    textBox.value = '';
    tell('');
    send(text);
  });
  speakButton.addEventListener('click', record);
  screenshotButton.addEventListener('click', sendScreenshot);
  shareButton.addEventListener('click', shareScreen);
  personButton.addEventListener('click', askForPerson);
  ratingButtons.forEach(function (button) {
    button.addEventListener('click', function () { rate(Number(button.getAttribute('data-score'))); });
  });

  call('GET', 'api/v1/health').then(json).then(function (health) {
    if (health.screen_sharing === 'on') {
      shareButton.hidden = false;
    }
  }).catch(function () { /* offered later by a reply, if at all */ });
  if (conversationId) {
    // Live updates for a conversation already under way, even before the panel opens.
    loaded = loadHistory().catch(function () { tell(T.offline); });
  }

  function mount() {
    document.body.appendChild(host);
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
  window.SupportAssistantWidget = { open: open, close: close };
})();
