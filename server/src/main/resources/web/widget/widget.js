/*
 * Embeddable hotline chat widget.
 *
 * Embed with one tag: <script src="/widget/widget.js" defer></script>
 * Self-contained: injects its own styles and DOM, talks to /api/v1 on the server it was loaded
 * from, so a page on another origin embeds it with the same one tag.
 * Every piece of server data is rendered with textContent, never innerHTML.
 */
(function () {
  'use strict';

  // Guard against the tag being included twice.
  if (window.hotlineWidgetLoaded) {
    return;
  }
  window.hotlineWidgetLoaded = true;

  // The server is wherever this script came from (the page may be on another origin).
  var SERVER = (function () {
    var script = document.currentScript;
    try {
      return script && script.src ? new URL(script.src, location.href) : new URL(location.href);
    } catch (e) {
      return new URL(location.href);
    }
  })();
  var API = SERVER.origin + '/api/v1';
  var STORE_KEY = 'hotline.conversation';
  var OPEN_KEY = 'hotline.open';
  var MAX_CHARS = 1000; // the server's limit for a chat message (ChatRoutes.MAX_TEXT_CHARS)
  var RECONNECT_MIN_MS = 1000;
  var RECONNECT_MAX_MS = 30000;
  var SENDERS = ['customer', 'bot', 'agent', 'system'];

  var state = {
    conversationId: null,
    token: null,
    convState: null,
    agentName: null,
    lastSeq: 0,
    bySeq: new Map(),      // seq -> message element, for dedupe between HTTP and stream
    pending: [],           // customer bubbles shown before the server gave them a seq
    starting: null,        // promise of the conversation being created or resumed
    sendQueue: Promise.resolve(), // keeps customer messages in the order they were typed
    waiting: 0,            // requests awaiting the bot's reply
    socket: null,
    reconnectDelay: RECONNECT_MIN_MS,
    reconnectTimer: null,
    open: false,
    unread: 0,
    errorTimer: null
  };

  var el = {};

  var STYLE = [
    '#hotline-root, #hotline-root * { box-sizing: border-box; }',
    '#hotline-root { font-family: -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;',
    '  font-size: 15px; line-height: 1.5; color: #1f2933; }',
    '#hotline-root [hidden] { display: none !important; }',
    // Neutralise the host page's element rules (section, div, button...) without outranking our own.
    '#hotline-root :where(div, span, strong, form, button, textarea) { margin: 0; padding: 0; border: 0;',
    '  background: none; float: none; letter-spacing: normal; text-transform: none; box-shadow: none; }',
    '#hotline-root button { font: inherit; cursor: pointer; }',
    '#hotline-root button:disabled { cursor: default; opacity: .55; }',
    '#hotline-root button:focus-visible, #hotline-root textarea:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }',
    '#hotline-root #hotline-open { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px;',
    '  border: none; border-radius: 50%; background: #b4232c; color: #fff; font-size: 26px;',
    '  box-shadow: 0 4px 14px rgba(0,0,0,.25); display: flex; align-items: center; justify-content: center; }',
    '#hotline-root #hotline-open:hover { background: #981c24; }',
    '#hotline-root .hotline-badge { position: absolute; top: -2px; right: -2px; min-width: 20px; height: 20px; padding: 0 5px;',
    '  border-radius: 10px; background: #f59e0b; color: #fff; font-size: 12px; line-height: 20px; text-align: center; }',
    '#hotline-root #hotline-panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483001; width: 370px; height: 560px;',
    '  max-height: calc(100vh - 112px); display: flex; flex-direction: column; background: #fff;',
    '  border-radius: 12px; overflow: hidden; box-shadow: 0 8px 30px rgba(0,0,0,.25); }',
    '#hotline-root .hotline-header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: #b4232c; color: #fff; }',
    '#hotline-root .hotline-title { flex: 1; min-width: 0; display: flex; flex-direction: column; }',
    '#hotline-root .hotline-title strong { font-size: 16px; }',
    '#hotline-root #hotline-status { font-size: 12px; opacity: .9; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }',
    '#hotline-root #hotline-handoff { border: 1px solid rgba(255,255,255,.8); background: transparent; color: #fff;',
    '  border-radius: 16px; padding: 3px 12px; font-size: 14px; white-space: nowrap; }',
    '#hotline-root #hotline-handoff:hover:not(:disabled) { background: rgba(255,255,255,.15); }',
    '#hotline-root #hotline-close { border: none; background: transparent; color: #fff; font-size: 24px; line-height: 1; padding: 0 4px; }',
    '#hotline-root #hotline-messages { flex: 1; overflow-y: auto; padding: 12px; background: #f5f6f8; display: flex; flex-direction: column; gap: 10px; }',
    '#hotline-root .hotline-msg { display: flex; flex-direction: column; max-width: 85%; }',
    '#hotline-root .hotline-msg.from-customer { align-self: flex-end; align-items: flex-end; }',
    '#hotline-root .hotline-msg.from-bot, #hotline-root .hotline-msg.from-agent { align-self: flex-start; align-items: flex-start; }',
    '#hotline-root .hotline-msg.from-system { align-self: center; align-items: center; max-width: 92%; }',
    '#hotline-root .hotline-sender { font-size: 12px; color: #6b7280; margin: 0 4px 2px; }',
    '#hotline-root .hotline-msg.from-agent .hotline-sender { color: #0f766e; font-weight: 600; }',
    '#hotline-root .hotline-bubble { padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; word-break: break-word; }',
    '#hotline-root .hotline-msg.from-customer .hotline-bubble { background: #b4232c; color: #fff; border-bottom-right-radius: 4px; }',
    '#hotline-root .hotline-msg.from-bot .hotline-bubble { background: #fff; border: 1px solid #e5e7eb; border-bottom-left-radius: 4px; }',
    '#hotline-root .hotline-msg.from-agent .hotline-bubble { background: #e6f4f1; border: 1px solid #99d5c9; border-bottom-left-radius: 4px; }',
    '#hotline-root .hotline-msg.from-system .hotline-bubble { background: transparent; color: #6b7280; font-size: 13px; text-align: center; padding: 2px 8px; }',
    '#hotline-root .hotline-msg.hotline-pending .hotline-bubble { opacity: .7; }',
    '#hotline-root .hotline-msg.hotline-failed .hotline-bubble { background: #fde2e2; color: #7f1d1d; }',
    '#hotline-root .hotline-failed-note { font-size: 12px; color: #b91c1c; margin-top: 2px; }',
    '#hotline-root .hotline-time { font-size: 11px; color: #9ca3af; margin: 2px 4px 0; }',
    '#hotline-root .hotline-chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }',
    '#hotline-root .hotline-chips-label { width: 100%; font-size: 12px; color: #6b7280; }',
    '#hotline-root .hotline-chip { border: 1px solid #b4232c; background: #fff; color: #b4232c; border-radius: 14px;',
    '  padding: 3px 10px; font-size: 13px; text-align: left; }',
    '#hotline-root .hotline-chip:hover:not(:disabled) { background: #fdecec; }',
    '#hotline-root .hotline-rating { display: flex; gap: 6px; margin-top: 4px; }',
    '#hotline-root .hotline-rating button { border: 1px solid #d1d5db; background: #fff; color: #374151; border-radius: 12px;',
    '  padding: 1px 8px; font-size: 12px; }',
    '#hotline-root .hotline-rating button.hotline-rated { border-color: #b4232c; color: #b4232c; opacity: 1; }',
    '#hotline-root #hotline-typing { padding: 4px 16px 6px; font-size: 13px; color: #6b7280; background: #f5f6f8; }',
    '#hotline-root .hotline-dots span { display: inline-block; animation: hotline-blink 1.4s infinite both; }',
    '#hotline-root .hotline-dots span:nth-child(2) { animation-delay: .2s; }',
    '#hotline-root .hotline-dots span:nth-child(3) { animation-delay: .4s; }',
    '@keyframes hotline-blink { 0%, 80%, 100% { opacity: .15; } 40% { opacity: 1; } }',
    '@media (prefers-reduced-motion: reduce) { #hotline-root .hotline-dots span { animation: none; } }',
    '#hotline-root #hotline-error { padding: 6px 12px; font-size: 13px; background: #fde2e2; color: #7f1d1d; }',
    '#hotline-root #hotline-restart { padding: 6px 12px; font-size: 13px; background: #fff7e6; color: #92400e; display: flex; align-items: center; gap: 8px; }',
    '#hotline-root #hotline-restart span { flex: 1; }',
    '#hotline-root #hotline-restart button { border: 1px solid #92400e; background: #fff; color: #92400e; border-radius: 12px; padding: 1px 10px; }',
    '#hotline-root .hotline-compose { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e5e7eb; background: #fff; }',
    '#hotline-root #hotline-input { flex: 1; resize: none; border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 10px;',
    '  font: inherit; height: 40px; max-height: 120px; }',
    '#hotline-root #hotline-send { border: none; border-radius: 8px; background: #b4232c; color: #fff; padding: 0 16px; }',
    '@media (max-width: 480px) {',
    '  #hotline-root #hotline-panel { top: 0; left: 0; right: 0; bottom: 0; width: 100%; height: 100%; max-height: none; border-radius: 0; }',
    '  #hotline-root.hotline-is-open #hotline-open { display: none; }',
    '  #hotline-root #hotline-input { font-size: 16px; }', // 16px stops iOS from zooming into the field
    '}'
  ].join('\n');

  // ---- DOM helpers -------------------------------------------------------

  /** Creates an element; text is always set through textContent. */
  function h(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function formatTime(iso) {
    var date = iso ? new Date(iso) : new Date();
    if (isNaN(date.getTime())) {
      return '';
    }
    var hh = String(date.getHours()).padStart(2, '0');
    var mm = String(date.getMinutes()).padStart(2, '0');
    return hh + ':' + mm;
  }

  function buildDom() {
    var style = h('style', { id: 'hotline-style' });
    style.textContent = STYLE;
    document.head.appendChild(style);

    var root = h('div', { id: 'hotline-root' });

    el.open = h('button', {
      id: 'hotline-open', type: 'button', 'aria-label': '打开在线客服',
      'aria-expanded': 'false', 'aria-controls': 'hotline-panel'
    });
    el.open.appendChild(h('span', { 'aria-hidden': 'true' }, '💬'));
    el.badge = h('span', { class: 'hotline-badge', 'aria-hidden': 'true' });
    el.badge.hidden = true;
    el.open.appendChild(el.badge);

    el.panel = h('div', { id: 'hotline-panel', role: 'dialog', 'aria-label': '在线客服' });
    el.panel.hidden = true;

    var header = h('div', { class: 'hotline-header' });
    var title = h('div', { class: 'hotline-title' });
    title.appendChild(h('strong', {}, '在线客服'));
    el.status = h('span', { id: 'hotline-status' }, '智能助手为您服务');
    title.appendChild(el.status);
    el.handoff = h('button', { id: 'hotline-handoff', type: 'button', 'aria-label': '转接人工客服' }, '转人工');
    el.close = h('button', { id: 'hotline-close', type: 'button', 'aria-label': '关闭客服窗口' }, '×');
    header.appendChild(title);
    header.appendChild(el.handoff);
    header.appendChild(el.close);

    el.messages = h('div', {
      id: 'hotline-messages', role: 'log', 'aria-live': 'polite', 'aria-label': '对话消息'
    });

    el.typing = h('div', { id: 'hotline-typing', role: 'status' }, '正在输入');
    var dots = h('span', { class: 'hotline-dots', 'aria-hidden': 'true' });
    ['.', '.', '.'].forEach(function (dot) {
      dots.appendChild(h('span', {}, dot));
    });
    el.typing.appendChild(dots);
    el.typing.hidden = true;

    el.error = h('div', { id: 'hotline-error', role: 'alert' });
    el.error.hidden = true;

    el.restart = h('div', { id: 'hotline-restart' });
    el.restartText = h('span', {}, '本次会话已结束。');
    el.restartButton = h('button', { type: 'button', 'aria-label': '开始新的会话' }, '开始新会话');
    el.restart.appendChild(el.restartText);
    el.restart.appendChild(el.restartButton);
    el.restart.hidden = true;

    el.form = h('form', { class: 'hotline-compose', novalidate: '' });
    el.input = h('textarea', {
      id: 'hotline-input', rows: '1', maxlength: String(MAX_CHARS),
      placeholder: '请输入您的问题，按回车发送', 'aria-label': '输入消息'
    });
    el.send = h('button', { id: 'hotline-send', type: 'submit', 'aria-label': '发送消息' }, '发送');
    el.form.appendChild(el.input);
    el.form.appendChild(el.send);

    [header, el.messages, el.typing, el.error, el.restart, el.form].forEach(function (part) {
      el.panel.appendChild(part);
    });
    root.appendChild(el.panel);
    root.appendChild(el.open);
    document.body.appendChild(root);
    el.root = root;
  }

  // ---- API ---------------------------------------------------------------

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code || '';
    this.message = message || '';
  }

  /** Calls the hotline API; throws ApiError on network failure or a non-2xx answer. */
  async function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    var response;
    try {
      response = await fetch(API + path, {
        method: method,
        headers: headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin'
      });
    } catch (e) {
      throw new ApiError(0, 'network', e && e.message);
    }
    var data = null;
    var text = await response.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
    }
    if (!response.ok) {
      throw new ApiError(response.status, data && data.error, data && data.message);
    }
    return data;
  }

  /** A Chinese explanation for the customer; the server's English message is not shown. */
  function describeError(err) {
    if (!(err instanceof ApiError)) {
      return '出现了一点问题，请稍后再试';
    }
    if (err.status === 0) {
      return '网络连接失败，请检查网络后重试';
    }
    if (err.code === 'message_not_rateable') {
      return '这条消息不能评价';
    }
    if (err.code === 'text_too_long') {
      return '消息太长了，请不要超过 ' + MAX_CHARS + ' 个字';
    }
    if (isSessionGone(err)) {
      return '会话已失效，请开始新的会话';
    }
    if (err.status === 413 || err.code === 'body_too_large') {
      return '消息太长了，请精简后再发送';
    }
    if (err.status === 429) {
      return '操作太频繁，请稍后再试';
    }
    if (err.status === 400) {
      return '消息无法发送，请检查内容后重试';
    }
    if (err.status >= 500) {
      return '服务暂时不可用，请稍后再试';
    }
    return '操作失败，请稍后再试';
  }

  function isSessionGone(err) {
    return err instanceof ApiError && err.code !== 'message_not_rateable' &&
      (err.status === 401 || err.status === 403 || err.status === 404);
  }

  function conversationPath(suffix) {
    return '/conversations/' + encodeURIComponent(state.conversationId) + suffix;
  }

  // ---- storage -----------------------------------------------------------

  function loadSaved() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
      if (saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string') {
        return saved;
      }
    } catch (e) {
      // Storage blocked or corrupt: behave as a fresh visitor.
    }
    return null;
  }

  function save() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify({
        conversationId: state.conversationId, token: state.token
      }));
    } catch (e) {
      // Private mode may refuse storage; the chat still works until reload.
    }
  }

  function clearSaved() {
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch (e) {
      // Nothing to clear.
    }
  }

  function rememberOpen(open) {
    try {
      sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
    } catch (e) {
      // Not essential.
    }
  }

  function wasOpen() {
    try {
      return sessionStorage.getItem(OPEN_KEY) === '1';
    } catch (e) {
      return false;
    }
  }

  // ---- rendering messages ------------------------------------------------

  function senderOf(msg) {
    return SENDERS.indexOf(msg.sender) >= 0 ? msg.sender : 'system';
  }

  function renderMessage(msg) {
    var sender = senderOf(msg);
    var item = h('div', { class: 'hotline-msg from-' + sender });
    if (typeof msg.seq === 'number') {
      item.setAttribute('data-seq', String(msg.seq));
    }
    if (sender === 'agent') {
      item.appendChild(h('div', { class: 'hotline-sender' }, '人工客服 ' + (msg.agentName || '')));
    } else if (sender === 'bot') {
      item.appendChild(h('div', { class: 'hotline-sender' }, '智能助手'));
    }
    item.appendChild(h('div', { class: 'hotline-bubble' }, msg.text || ''));
    if (sender !== 'system') {
      item.appendChild(h('div', { class: 'hotline-time' }, formatTime(msg.at)));
    }
    if (sender === 'bot' && Array.isArray(msg.suggestions) && msg.suggestions.length > 0) {
      item.appendChild(renderSuggestions(msg.suggestions));
    }
    if (sender === 'bot' && msg.rateable && typeof msg.seq === 'number') {
      item.appendChild(renderRating(msg));
    }
    return item;
  }

  function renderSuggestions(suggestions) {
    var box = h('div', { class: 'hotline-chips', role: 'group', 'aria-label': '您可能想问' });
    box.appendChild(h('span', { class: 'hotline-chips-label' }, '您可能想问：'));
    suggestions.forEach(function (suggestion) {
      if (!suggestion || !suggestion.question) {
        return;
      }
      var chip = h('button', {
        type: 'button', class: 'hotline-chip', 'aria-label': '提问：' + suggestion.question
      }, suggestion.question);
      if (suggestion.faqId) {
        chip.setAttribute('data-faq-id', suggestion.faqId);
      }
      chip.addEventListener('click', function () {
        sendText(suggestion.question);
      });
      box.appendChild(chip);
    });
    return box;
  }

  function renderRating(msg) {
    var box = h('div', { class: 'hotline-rating', role: 'group', 'aria-label': '这个回答有帮助吗' });
    var up = h('button', { type: 'button', class: 'hotline-rate-up', 'aria-label': '有帮助' }, '👍 有帮助');
    var down = h('button', { type: 'button', class: 'hotline-rate-down', 'aria-label': '没帮助' }, '👎 没帮助');
    box.appendChild(up);
    box.appendChild(down);
    if (msg.helpful === true || msg.helpful === false) {
      markRated(box, msg.helpful);
    }
    up.addEventListener('click', function () {
      rate(msg.seq, true, box);
    });
    down.addEventListener('click', function () {
      rate(msg.seq, false, box);
    });
    return box;
  }

  function markRated(box, helpful) {
    var up = box.querySelector('.hotline-rate-up');
    var down = box.querySelector('.hotline-rate-down');
    up.disabled = true;
    down.disabled = true;
    up.setAttribute('aria-pressed', String(helpful === true));
    down.setAttribute('aria-pressed', String(helpful === false));
    (helpful ? up : down).classList.add('hotline-rated');
  }

  async function rate(seq, helpful, box) {
    var buttons = box.querySelectorAll('button');
    buttons.forEach(function (button) {
      button.disabled = true;
    });
    try {
      await api('POST', conversationPath('/messages/' + seq + '/rating'), { helpful: helpful });
      markRated(box, helpful);
    } catch (err) {
      buttons.forEach(function (button) {
        button.disabled = false;
      });
      showError(describeError(err));
    }
  }

  /** Inserts a message element keeping seq order; bubbles without a seq stay last. */
  function insertInOrder(node, seq) {
    var before = null;
    var children = el.messages.children;
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      if (child === node) {
        continue;
      }
      var childSeq = child.getAttribute('data-seq');
      if (childSeq === null || Number(childSeq) > seq) {
        before = child;
        break;
      }
    }
    el.messages.insertBefore(node, before);
  }

  /** Adopts the oldest pending customer bubble for a customer message the server numbered. */
  function adoptPending(msg) {
    var node = state.pending.shift();
    node.classList.remove('hotline-pending');
    node.setAttribute('data-seq', String(msg.seq));
    // The server masks card numbers and phones; show what it stored.
    node.querySelector('.hotline-bubble').textContent = msg.text || '';
    node.querySelector('.hotline-time').textContent = formatTime(msg.at);
    return node;
  }

  /** Adds a message once, whichever of the HTTP reply or the stream delivers it first. */
  function addMessage(msg) {
    if (!msg || typeof msg.seq !== 'number' || state.bySeq.has(msg.seq)) {
      return;
    }
    var sender = senderOf(msg);
    var node = sender === 'customer' && state.pending.length > 0 ? adoptPending(msg) : renderMessage(msg);
    state.bySeq.set(msg.seq, node);
    insertInOrder(node, msg.seq);
    state.lastSeq = Math.max(state.lastSeq, msg.seq);
    if (sender === 'agent' && msg.agentName) {
      state.agentName = msg.agentName;
    }
    if (sender !== 'customer' && !state.open) {
      state.unread += 1;
      updateBadge();
    }
    scrollToBottom();
  }

  function addPending(text) {
    var node = renderMessage({ seq: null, sender: 'customer', text: text, at: null });
    node.classList.add('hotline-pending');
    el.messages.appendChild(node);
    state.pending.push(node);
    scrollToBottom();
    return node;
  }

  function failPending(node) {
    var index = state.pending.indexOf(node);
    if (index >= 0) {
      state.pending.splice(index, 1);
    }
    node.classList.remove('hotline-pending');
    node.classList.add('hotline-failed');
    node.appendChild(h('div', { class: 'hotline-failed-note' }, '未发送'));
  }

  function scrollToBottom() {
    el.messages.scrollTop = el.messages.scrollHeight;
  }

  function clearMessages() {
    el.messages.textContent = '';
    state.bySeq.clear();
    state.pending = [];
    state.lastSeq = 0;
  }

  // ---- conversation state --------------------------------------------------

  function setConversationState(next, agentName) {
    if (!next) {
      return;
    }
    state.convState = next;
    if (agentName) {
      state.agentName = agentName;
    }
    var texts = {
      bot: '智能助手为您服务',
      collecting: '智能助手正在记录您的问题',
      queued: '正在为您转接人工客服，请稍候',
      agent: '人工客服' + (state.agentName ? ' ' + state.agentName : '') + ' 为您服务',
      closed: '本次会话已结束'
    };
    el.status.textContent = texts[next] || '';
    var handedOff = next === 'queued' || next === 'agent';
    el.handoff.disabled = handedOff || next === 'closed';
    el.handoff.setAttribute('aria-label', handedOff ? '已转接人工客服' : '转接人工客服');
    if (next === 'closed') {
      showRestart('本次会话已结束。');
    }
    updateTyping();
  }

  function applyTurn(turn) {
    if (!turn) {
      return;
    }
    addMessage(turn.customerMessage);
    (turn.replies || []).forEach(addMessage);
    setConversationState(turn.state);
  }

  function applyMessages(result) {
    if (!result) {
      return;
    }
    (result.messages || []).forEach(addMessage);
    setConversationState(result.state);
  }

  // ---- starting, resuming and restarting ---------------------------------

  function ensureConversation() {
    if (!state.starting) {
      state.starting = startConversation().catch(function (err) {
        state.starting = null;
        throw err;
      });
    }
    return state.starting;
  }

  async function startConversation() {
    var saved = loadSaved();
    if (saved) {
      state.conversationId = saved.conversationId;
      state.token = saved.token;
      try {
        applyMessages(await api('GET', conversationPath('/messages?after=0')));
        connect();
        return;
      } catch (err) {
        if (!isSessionGone(err)) {
          throw err;
        }
        // The server no longer knows this conversation (expired or restarted): start over.
        clearSaved();
        state.conversationId = null;
        state.token = null;
        clearMessages();
      }
    }
    var created = await api('POST', '/conversations', { channel: 'web' });
    state.conversationId = created.conversationId;
    state.token = created.token;
    save();
    applyMessages(created);
    connect();
  }

  function restart() {
    disconnect();
    clearSaved();
    clearMessages();
    state.conversationId = null;
    state.token = null;
    state.convState = null;
    state.agentName = null;
    state.starting = null;
    el.restart.hidden = true;
    hideError();
    setConversationState('bot');
    ensureConversation().catch(function (err) {
      showError(describeError(err));
    });
    el.input.focus();
  }

  function showRestart(text) {
    el.restartText.textContent = text;
    el.restart.hidden = false;
  }

  // ---- sending ---------------------------------------------------------------

  function updateTyping() {
    // While an agent owns the chat the bot stays silent, so there is nothing to wait for.
    el.typing.hidden = !(state.waiting > 0 && state.convState !== 'agent');
    if (!el.typing.hidden) {
      scrollToBottom();
    }
  }

  /** Queues a turn; requests run one after another so messages keep their order. */
  function enqueueTurn(pendingNode, request) {
    state.waiting += 1;
    updateTyping();
    state.sendQueue = state.sendQueue.then(async function () {
      try {
        await ensureConversation();
        applyTurn(await request());
      } catch (err) {
        if (pendingNode) {
          failPending(pendingNode);
        }
        showError(describeError(err));
        if (isSessionGone(err)) {
          showRestart('会话已失效。');
        }
      } finally {
        state.waiting -= 1;
        updateTyping();
      }
    });
    return state.sendQueue;
  }

  function sendText(raw) {
    var text = String(raw || '').trim();
    if (!text) {
      return;
    }
    if (text.length > MAX_CHARS) {
      showError('消息太长了，请不要超过 ' + MAX_CHARS + ' 个字');
      return;
    }
    hideError();
    var pendingNode = addPending(text);
    enqueueTurn(pendingNode, function () {
      return api('POST', conversationPath('/messages'), { text: text });
    });
  }

  function requestHandoff() {
    hideError();
    el.handoff.disabled = true;
    enqueueTurn(null, function () {
      return api('POST', conversationPath('/handoff'));
    }).then(function () {
      // Re-enable if the handoff did not go through (state still bot).
      setConversationState(state.convState || 'bot');
    });
  }

  // ---- live stream -----------------------------------------------------------

  function streamUrl() {
    var scheme = SERVER.protocol === 'https:' ? 'wss:' : 'ws:';
    return scheme + '//' + SERVER.host + '/api/v1' + conversationPath('/stream') +
      '?token=' + encodeURIComponent(state.token);
  }

  function connect() {
    if (!state.conversationId || state.socket || !('WebSocket' in window)) {
      return;
    }
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
    var socket;
    try {
      socket = new WebSocket(streamUrl());
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.socket = socket;
    socket.addEventListener('open', function () {
      state.reconnectDelay = RECONNECT_MIN_MS;
      catchUp();
    });
    socket.addEventListener('message', function (event) {
      if (state.socket === socket) { // ignore a socket left over from a restarted chat
        handleFrame(event.data);
      }
    });
    socket.addEventListener('close', function () {
      if (state.socket === socket) {
        state.socket = null;
        scheduleReconnect();
      }
    });
  }

  function disconnect() {
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
    var socket = state.socket;
    state.socket = null;
    if (socket) {
      socket.close();
    }
  }

  function scheduleReconnect() {
    if (!state.conversationId || state.reconnectTimer || state.convState === 'closed') {
      return;
    }
    var jitter = 0.8 + Math.random() * 0.4;
    var delay = Math.round(state.reconnectDelay * jitter);
    state.reconnectDelay = Math.min(state.reconnectDelay * 2, RECONNECT_MAX_MS);
    state.reconnectTimer = setTimeout(function () {
      state.reconnectTimer = null;
      connect();
    }, delay);
  }

  /** Fetches whatever was said while the socket was down. */
  async function catchUp() {
    if (!state.conversationId) {
      return;
    }
    try {
      applyMessages(await api('GET', conversationPath('/messages?after=' + state.lastSeq)));
    } catch (err) {
      if (isSessionGone(err)) {
        showRestart('会话已失效。');
        disconnect();
      }
    }
  }

  function handleFrame(data) {
    var frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (!frame) {
      return;
    }
    if (frame.type === 'message') {
      addMessage(frame.message);
    } else if (frame.type === 'state') {
      setConversationState(frame.state, frame.agentName);
    }
  }

  // ---- panel and errors -------------------------------------------------------

  function updateBadge() {
    el.badge.hidden = state.unread === 0;
    el.badge.textContent = state.unread > 9 ? '9+' : String(state.unread);
    el.open.setAttribute('aria-label',
      state.unread > 0 ? '打开在线客服（' + state.unread + ' 条新消息）' : '打开在线客服');
  }

  function openPanel() {
    state.open = true;
    state.unread = 0;
    updateBadge();
    el.panel.hidden = false;
    el.root.classList.add('hotline-is-open');
    el.open.setAttribute('aria-expanded', 'true');
    el.open.setAttribute('aria-label', '关闭在线客服');
    rememberOpen(true);
    scrollToBottom();
    el.input.focus();
    ensureConversation().catch(function (err) {
      showError(describeError(err));
    });
  }

  function closePanel() {
    state.open = false;
    el.panel.hidden = true;
    el.root.classList.remove('hotline-is-open');
    el.open.setAttribute('aria-expanded', 'false');
    updateBadge();
    rememberOpen(false);
    el.open.focus();
  }

  function showError(text) {
    el.error.textContent = text;
    el.error.hidden = false;
    clearTimeout(state.errorTimer);
    state.errorTimer = setTimeout(hideError, 8000);
  }

  function hideError() {
    clearTimeout(state.errorTimer);
    el.error.hidden = true;
    el.error.textContent = '';
  }

  function isComposing(event) {
    // Chinese IMEs use Enter to confirm a candidate; that must not send the message.
    return event.isComposing || event.keyCode === 229;
  }

  function bindEvents() {
    el.open.addEventListener('click', function () {
      if (state.open) {
        closePanel();
      } else {
        openPanel();
      }
    });
    el.close.addEventListener('click', closePanel);
    el.handoff.addEventListener('click', requestHandoff);
    el.restartButton.addEventListener('click', restart);
    el.form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = el.input.value;
      el.input.value = '';
      sendText(text);
      el.input.focus();
    });
    el.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !isComposing(event)) {
        event.preventDefault();
        el.send.click();
      }
    });
    el.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        closePanel();
      }
    });
    window.addEventListener('online', function () {
      if (state.conversationId && !state.socket) {
        state.reconnectDelay = RECONNECT_MIN_MS;
        connect();
      }
    });
  }

  function init() {
    buildDom();
    bindEvents();
    if (wasOpen()) {
      openPanel();
    } else if (loadSaved()) {
      // Resume quietly so agent replies raise the unread badge while the panel is closed.
      ensureConversation().catch(function () {
        // Reported when the customer opens the panel.
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
