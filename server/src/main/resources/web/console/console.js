/*
 * Agent console: login, ticket lists, ticket detail with transcript and actions,
 * and the supervisor's overdue view and complaint report.
 * Every piece of server data is rendered with textContent, never innerHTML.
 */
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'hotline.console.token';
const AGENT_KEY = 'hotline.console.agent';
const LIST_REFRESH_MS = 5000;
const DETAIL_REFRESH_MS = 2000;

const STATUS_LABELS = {
  new: '新建', assigned: '已分配', in_progress: '处理中',
  waiting_customer: '等待客户', resolved: '已解决', closed: '已关闭'
};
const DUE_LABELS = {
  ok: '正常', due_soon: '即将到期', overdue: '已超时', paused: '已暂停', done: '已完成'
};
const ROLE_LABELS = { agent: '坐席', supervisor: '主管', admin: '管理员' };
const CHANNEL_LABELS = { web: '网页', voice: '电话' };
const PRIORITY_LABELS = { urgent: '紧急', normal: '普通' };
const SENDER_LABELS = { customer: '客户', bot: '智能助手', agent: '坐席', system: '系统' };
const FILTER_TITLES = {
  queue: '待领取', mine: '我的', overdue: '超时', open: '全部', supervise: '即将到期与超时'
};
const HISTORY_ACTIONS = {
  created: '创建', claimed: '领取', assigned: '分配', transferred: '转派', status: '状态变更',
  replied: '回复', resolved: '办结', closed: '关闭', reopened: '重新打开', escalated: '升级'
};
// Chinese for the error codes the server may send; anything else falls back on the HTTP status.
const ERROR_TEXTS = {
  already_claimed: '已被其他坐席领取',
  invalid_credentials: '用户名或密码错误',
  missing_token: '登录已过期，请重新登录',
  invalid_session: '登录已过期，请重新登录',
  forbidden: '没有权限执行此操作',
  not_owner: '只有工单负责人或主管可以执行此操作，请先领取',
  unknown_agent: '找不到该坐席',
  ticket_not_found: '工单不存在',
  ticket_done: '工单已办结或已关闭，请先重新打开',
  not_resolved: '请先办结工单再关闭',
  not_done: '只有已解决或已关闭的工单可以重新打开',
  invalid_status: '当前状态下不能执行此操作',
  missing_text: '请输入回复内容',
  text_too_long: '回复太长了（最多 2000 字）',
  missing_resolution: '请填写处理结果',
  invalid_amount: '挽回金额请填写不小于 0 的数字',
  invalid_kind: '工单类型不正确',
  invalid_report_category: '投诉/举报分类不正确',
  missing_target: '请输入要转给的坐席用户名',
  invalid_period: '日期范围不正确（结束日期不能早于开始日期，最长五年）',
  not_found: '请求的内容不存在',
  body_too_large: '内容太长了',
  overloaded: '服务器繁忙，请稍后再试'
};

const session = { token: null, agent: null };
const view = {
  filter: 'queue',
  selectedId: null,
  ticket: null,
  transcriptSeqs: new Set(),
  listTimer: null,
  detailTimer: null,
  listLoading: false,
  listRequest: 0,     // numbers list requests so a stale answer is dropped
  detailLoading: false,
  detailRequest: 0,
  cannedTexts: new Map()
};

// ---- small helpers ------------------------------------------------------------

function $(selector) {
  return document.querySelector(selector);
}

/** Creates an element; text is always set through textContent. */
function h(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    node.setAttribute(name, value);
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function formatDateTime(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  if (isNaN(d.getTime())) {
    return String(iso);
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function formatShort(iso) {
  const full = formatDateTime(iso);
  return full.length === 16 ? full.slice(5) : full;
}

function formatDate(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function formatClock(d) {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function formatDuration(ms) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) {
    return `${days} 天 ${hours} 小时`;
  }
  return hours > 0 ? `${hours} 小时 ${mins} 分` : `${mins} 分钟`;
}

/** "剩余 3 小时 10 分" / "超时 2 天 1 小时" next to a due time. */
function dueHint(ticket) {
  if (!ticket.dueAt || ticket.dueState === 'paused' || ticket.dueState === 'done') {
    return DUE_LABELS[ticket.dueState] || '';
  }
  const left = new Date(ticket.dueAt).getTime() - Date.now();
  if (isNaN(left)) {
    return DUE_LABELS[ticket.dueState] || '';
  }
  return left >= 0 ? `剩余 ${formatDuration(left)}` : `超时 ${formatDuration(left)}`;
}

function formatMoney(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const n = Number(value);
  return Number.isFinite(n) ? `¥${n.toFixed(2)}` : String(value);
}

/** The report sends rates and shares as 0..1 fractions. */
function formatPercent(value) {
  const n = Number(value);
  return Number.isFinite(n) ? `${(n * 100).toFixed(1)}%` : '—';
}

function showMessage(selector, text) {
  const box = $(selector);
  box.textContent = text || '';
  box.hidden = !text;
}

// ---- API ----------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
  }
}

/**
 * Calls the API with the agent's token; throws ApiError on a non-2xx answer.
 * options.accept and options.blob serve the CSV download.
 */
async function api(method, path, body, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (session.token) {
    headers.Authorization = `Bearer ${session.token}`;
  }
  let response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin'
    });
  } catch (e) {
    throw new ApiError(0, 'network', e && e.message);
  }
  if (!response.ok) {
    const data = await readJson(response);
    if (response.status === 401 && session.token) {
      sessionExpired();
    }
    throw new ApiError(response.status, data && data.error, data && data.message);
  }
  if (options.blob) {
    return response.blob();
  }
  return response.status === 204 ? null : readJson(response);
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/** A Chinese explanation of a failure; the server's English text is shown only as a last resort. */
function describeError(err) {
  if (!(err instanceof ApiError)) {
    return `出现错误：${err && err.message ? err.message : '未知错误'}`;
  }
  if (err.status === 0) {
    return '网络连接失败，请检查网络后重试';
  }
  if (ERROR_TEXTS[err.code]) {
    return ERROR_TEXTS[err.code];
  }
  const byStatus = {
    401: '登录已过期，请重新登录',
    403: '没有权限执行此操作',
    404: '工单不存在',
    409: '工单状态已变化，请刷新后重试',
    413: '内容太长了',
    429: '操作太频繁，请稍后再试'
  };
  if (byStatus[err.status]) {
    return byStatus[err.status];
  }
  if (err.status >= 500) {
    return '服务器出错，请稍后再试';
  }
  return err.message ? `操作失败：${err.message}` : '操作失败';
}

// ---- session --------------------------------------------------------------------

function saveSession() {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(AGENT_KEY, JSON.stringify(session.agent));
}

function clearSession() {
  session.token = null;
  session.agent = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(AGENT_KEY);
}

function isSupervisor() {
  return !!session.agent && (session.agent.role === 'supervisor' || session.agent.role === 'admin');
}

async function login(event) {
  event.preventDefault();
  const username = $('#login-username').value.trim();
  const password = $('#login-password').value;
  if (!username || !password) {
    showMessage('#login-error', '请输入用户名和密码');
    return;
  }
  const button = $('#login-submit');
  button.disabled = true;
  showMessage('#login-error', '');
  try {
    const result = await api('POST', '/agents/login', { username, password });
    session.token = result.token;
    session.agent = result.agent;
    saveSession();
    $('#login-password').value = '';
    showApp();
  } catch (err) {
    showMessage('#login-error', err.status === 401 ? '用户名或密码错误' : describeError(err));
  } finally {
    button.disabled = false;
  }
}

async function logout() {
  try {
    await api('POST', '/agents/logout');
  } catch (e) {
    // The session ends locally whatever the server says.
  }
  clearSession();
  showLogin('');
}

function sessionExpired() {
  clearSession();
  showLogin('登录已过期，请重新登录');
}

async function restoreSession() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    showLogin('');
    return;
  }
  session.token = token;
  try {
    session.agent = await api('GET', '/agents/me');
    saveSession();
    showApp();
  } catch (err) {
    if (err.status !== 401) {
      clearSession();
      showLogin(describeError(err));
    }
  }
}

// ---- views ------------------------------------------------------------------------

function showLogin(message) {
  stopTimers();
  view.selectedId = null;
  view.ticket = null;
  $('#app-view').hidden = true;
  $('#login-view').hidden = false;
  showMessage('#login-error', message);
  $('#ticket-list').replaceChildren();
  hideDetail();
  $('#login-username').focus();
}

function showApp() {
  $('#login-view').hidden = true;
  $('#app-view').hidden = false;
  $('#agent-name').textContent = session.agent.displayName || session.agent.username;
  $('#agent-role').textContent = ROLE_LABELS[session.agent.role] || session.agent.role || '';
  $('#tab-supervise').hidden = !isSupervisor();
  setFilter('queue');
  loadCannedReplies();
  clearInterval(view.listTimer);
  view.listTimer = setInterval(loadList, LIST_REFRESH_MS);
}

function stopTimers() {
  clearInterval(view.listTimer);
  clearInterval(view.detailTimer);
  view.listTimer = null;
  view.detailTimer = null;
}

function setFilter(filter) {
  view.filter = filter;
  for (const tab of document.querySelectorAll('.tab')) {
    const active = tab.dataset.filter === filter;
    tab.classList.toggle('active', active);
    tab.setAttribute('aria-selected', String(active));
  }
  $('#list-title').textContent = FILTER_TITLES[filter] || '';
  $('#supervise').hidden = filter !== 'supervise';
  if (filter === 'supervise' && !$('#report-from').value) {
    initReportDates();
    loadReport();
  }
  $('#ticket-list').replaceChildren();
  $('#list-count').textContent = '';
  loadList(true);
}

// ---- ticket list ------------------------------------------------------------------

/** The supervisor view: open tickets that are overdue or nearly so, overdue first. */
function superviseTickets(tickets) {
  const rank = { overdue: 0, due_soon: 1 };
  return tickets
    .filter((t) => t.dueState === 'overdue' || t.dueState === 'due_soon')
    .sort((a, b) => rank[a.dueState] - rank[b.dueState] || String(a.dueAt).localeCompare(String(b.dueAt)));
}

/** Loads the current tab's list; the timer skips a tick while a load is running, a forced load does not. */
async function loadList(force) {
  if (!session.token || (view.listLoading && force !== true)) {
    return;
  }
  const request = ++view.listRequest;
  view.listLoading = true;
  const filter = view.filter;
  const status = filter === 'supervise' ? 'open' : filter;
  try {
    const result = await api('GET', `/tickets?status=${encodeURIComponent(status)}`);
    if (request !== view.listRequest) {
      return; // a newer load (another tab, an action) answers instead
    }
    const tickets = result.tickets || [];
    renderTicketList(filter === 'supervise' ? superviseTickets(tickets) : tickets);
    showMessage('#list-error', '');
    $('#list-updated').textContent = `更新于 ${formatClock(new Date())}`;
  } catch (err) {
    if (request === view.listRequest) {
      showMessage('#list-error', describeError(err));
    }
  } finally {
    if (request === view.listRequest) {
      view.listLoading = false;
    }
  }
}

function renderTicketList(tickets) {
  const list = $('#ticket-list');
  const focused = document.activeElement && document.activeElement.closest
    ? document.activeElement.closest('.ticket-row') : null;
  const focusedId = focused ? focused.dataset.id : null;
  if (tickets.length === 0) {
    list.replaceChildren(h('li', { class: 'empty' }, '暂无工单'));
  } else {
    list.replaceChildren(...tickets.map(renderTicketRow));
  }
  $('#list-count').textContent = `共 ${tickets.length} 条`;
  if (focusedId) {
    const row = list.querySelector(`.ticket-row[data-id="${CSS.escape(focusedId)}"]`);
    if (row) {
      row.focus();
    }
  }
}

function badge(text, className) {
  return h('span', { class: `badge ${className}` }, text);
}

function statusBadge(status) {
  return badge(STATUS_LABELS[status] || status, `status status-${status}`);
}

function priorityBadge(priority) {
  return badge(PRIORITY_LABELS[priority] || priority, `priority priority-${priority}`);
}

function dueText(ticket) {
  return `时限 ${formatShort(ticket.dueAt)}（${dueHint(ticket)}）`;
}

function ownerName(owner) {
  return owner ? owner.displayName || owner.username : '未分配';
}

function renderTicketRow(ticket) {
  const row = h('li', {
    class: `ticket-row priority-${ticket.priority}`,
    'data-id': ticket.id,
    tabindex: '0',
    role: 'button',
    'aria-label': `工单 ${ticket.number} ${ticket.kindLabel || ''} ${STATUS_LABELS[ticket.status] || ''}`
  });
  row.classList.toggle('selected', ticket.id === view.selectedId);
  row.classList.toggle('escalated', !!ticket.escalated);

  const top = h('div', { class: 'row-top' });
  top.append(
    h('span', { class: 'ticket-number' }, `#${ticket.number}`),
    badge(ticket.kindLabel || ticket.kind, 'kind'),
    priorityBadge(ticket.priority),
    statusBadge(ticket.status)
  );
  if (ticket.escalated) {
    top.append(badge('已升级', 'escalated-flag'));
  }
  if (ticket.channel) {
    top.append(badge(CHANNEL_LABELS[ticket.channel] || ticket.channel, 'channel'));
  }

  const meta = h('div', { class: 'row-meta' });
  meta.append(
    h('span', { class: `due due-${ticket.dueState}` }, dueText(ticket)),
    h('span', { class: 'owner' }, `负责人：${ownerName(ticket.owner)}`)
  );

  row.append(top, meta, h('div', { class: 'row-summary' }, ticket.summary || ''));
  row.addEventListener('click', () => selectTicket(ticket.id));
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectTicket(ticket.id);
    }
  });
  return row;
}

function markSelectedRow() {
  for (const row of document.querySelectorAll('#ticket-list .ticket-row')) {
    row.classList.toggle('selected', row.dataset.id === view.selectedId);
  }
}

// ---- ticket detail ----------------------------------------------------------------

function selectTicket(id) {
  if (id !== view.selectedId) {
    view.selectedId = id;
    view.ticket = null;
    view.transcriptSeqs.clear();
    $('#transcript').replaceChildren();
    resetDetailForms();
  }
  markSelectedRow();
  $('#detail-empty').hidden = true;
  $('#ticket-detail').hidden = false;
  loadDetail(true);
  clearInterval(view.detailTimer);
  view.detailTimer = setInterval(loadDetail, DETAIL_REFRESH_MS);
}

function hideDetail() {
  clearInterval(view.detailTimer);
  view.detailTimer = null;
  $('#ticket-detail').hidden = true;
  $('#detail-empty').hidden = false;
}

function resetDetailForms() {
  for (const id of ['#reply-text', '#transfer-to', '#resolve-text', '#resolve-amount']) {
    $(id).value = '';
  }
  $('#resolve-category').value = '';
  $('#canned').value = '';
  showMessage('#detail-error', '');
  showMessage('#detail-notice', '');
}

/** Loads the open ticket; like loadList, only the newest request renders. */
async function loadDetail(force) {
  const id = view.selectedId;
  if (!id || !session.token || (view.detailLoading && force !== true)) {
    return;
  }
  const request = ++view.detailRequest;
  view.detailLoading = true;
  try {
    const ticket = await api('GET', `/tickets/${encodeURIComponent(id)}`);
    if (request === view.detailRequest && id === view.selectedId) {
      renderDetail(ticket);
    }
  } catch (err) {
    if (request === view.detailRequest && id === view.selectedId) {
      showMessage('#detail-error', describeError(err));
    }
  } finally {
    if (request === view.detailRequest) {
      view.detailLoading = false;
    }
  }
}

function renderDetail(ticket) {
  const first = !view.ticket;
  view.ticket = ticket;
  $('#detail-title').textContent = `工单 ${ticket.number}`;
  renderBadges(ticket);
  renderFacts(ticket);
  renderHistory(ticket.history || []);
  renderTranscript(ticket.transcript || []);
  updateActions(ticket);
  if (first) {
    $('#resolve-kind').value = ticket.kind || 'consultation';
  }
}

function renderBadges(ticket) {
  const badges = [
    badge(ticket.kindLabel || ticket.kind, 'kind'),
    priorityBadge(ticket.priority),
    statusBadge(ticket.status),
    badge(DUE_LABELS[ticket.dueState] || ticket.dueState, `due due-${ticket.dueState}`)
  ];
  if (ticket.escalated) {
    badges.push(badge('已升级', 'escalated-flag'));
  }
  $('#detail-badges').replaceChildren(...badges);
}

function factRows(ticket) {
  const facts = ticket.facts || {};
  const rule = ticket.deadlineRule;
  return [
    ['编号', ticket.number],
    ['类型', ticket.kindLabel || ticket.kind],
    ['渠道', CHANNEL_LABELS[ticket.channel] || ticket.channel],
    ['优先级', PRIORITY_LABELS[ticket.priority] || ticket.priority],
    ['状态', STATUS_LABELS[ticket.status] || ticket.status],
    ['负责人', ownerName(ticket.owner)],
    ['创建时间', formatDateTime(ticket.createdAt)],
    ['处理时限', `${formatDateTime(ticket.dueAt)}（${dueHint(ticket)}）`],
    ['时限依据', rule ? `${rule.name || ''}${rule.source ? `（${rule.source}）` : ''}` : null],
    ['问题摘要', ticket.summary],
    ['知识分类', ticket.faqCategory],
    ['事情经过', facts.what],
    ['发生时间', facts.when],
    ['涉及金额', facts.amount],
    ['客户诉求', facts.wish],
    ['争议金额', ticket.amountDisputed != null ? formatMoney(ticket.amountDisputed) : null],
    ['挽回金额', ticket.amountRecovered != null ? formatMoney(ticket.amountRecovered) : null],
    ['处理结果', ticket.resolution]
  ].filter(([, value]) => value !== null && value !== undefined && value !== '');
}

function renderFacts(ticket) {
  const nodes = [];
  for (const [label, value] of factRows(ticket)) {
    nodes.push(h('dt', {}, label), h('dd', {}, value));
  }
  $('#detail-facts').replaceChildren(...nodes);
}

function renderHistory(history) {
  const items = history.map((entry) => {
    const item = h('li');
    item.append(
      h('span', { class: 'history-time' }, formatShort(entry.at)),
      h('span', { class: 'history-actor' }, entry.actor || ''),
      h('span', { class: 'history-action' }, HISTORY_ACTIONS[entry.action] || entry.action || ''),
      h('span', { class: 'history-detail' }, entry.detail || '')
    );
    return item;
  });
  $('#history').replaceChildren(...items);
}

function senderClass(sender) {
  return SENDER_LABELS[sender] ? sender : 'system';
}

function renderConsoleMessage(msg) {
  const sender = senderClass(msg.sender);
  const item = h('div', { class: `console-msg from-${sender}`, 'data-seq': String(msg.seq) });
  const who = sender === 'agent' && msg.agentName ? `坐席 ${msg.agentName}` : SENDER_LABELS[sender];
  const head = h('div', { class: 'msg-head' });
  head.append(h('span', { class: 'msg-sender' }, who), h('span', { class: 'msg-time' }, formatShort(msg.at)));
  item.append(head, h('div', { class: 'msg-text' }, msg.text || ''));
  if (msg.helpful === true || msg.helpful === false) {
    item.append(h('div', { class: 'msg-rating' }, msg.helpful ? '客户评价：有帮助' : '客户评价：没帮助'));
  }
  return item;
}

/** Appends only messages not yet shown, so scrolling and selection survive the 2 s refresh. */
function renderTranscript(messages) {
  const box = $('#transcript');
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  let added = false;
  for (const msg of [...messages].sort((a, b) => a.seq - b.seq)) {
    added = addTranscriptMessage(msg) || added;
  }
  if (added && nearBottom) {
    box.scrollTop = box.scrollHeight;
  }
}

function addTranscriptMessage(msg) {
  if (!msg || typeof msg.seq !== 'number' || view.transcriptSeqs.has(msg.seq)) {
    return false;
  }
  view.transcriptSeqs.add(msg.seq);
  const box = $('#transcript');
  const node = renderConsoleMessage(msg);
  const later = [...box.children].find((child) => Number(child.dataset.seq) > msg.seq);
  box.insertBefore(node, later || null);
  return true;
}

function isMine(ticket) {
  return !!ticket.owner && !!session.agent && ticket.owner.id === session.agent.id;
}

function updateActions(ticket) {
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  const mine = isMine(ticket);
  const claim = $('#claim');
  claim.disabled = mine || finished;
  claim.textContent = mine ? '已领取' : '领取';
  $('#status-waiting').disabled = finished || ticket.status === 'waiting_customer';
  $('#status-progress').disabled = finished || ticket.status === 'in_progress';
  $('#close-ticket').disabled = ticket.status === 'closed';
  $('#reopen-ticket').disabled = !finished;
  $('#reply-send').disabled = ticket.status === 'closed';
  $('#transfer-submit').disabled = finished;
  $('#transfer-queue').disabled = finished || !ticket.owner;
  $('#resolve-submit').disabled = finished;
}

// ---- actions ----------------------------------------------------------------------

function ticketPath(suffix) {
  return `/tickets/${encodeURIComponent(view.selectedId)}${suffix}`;
}

/** Runs one action: disables its button, shows a Chinese error, refreshes detail and list after. */
async function runAction(button, action, notice) {
  if (!view.selectedId) {
    return;
  }
  button.disabled = true;
  showMessage('#detail-error', '');
  showMessage('#detail-notice', '');
  try {
    await action();
    if (notice) {
      showMessage('#detail-notice', notice);
    }
  } catch (err) {
    showMessage('#detail-error', describeError(err));
  } finally {
    button.disabled = false;
    await loadDetail(true);
    loadList(true);
  }
}

function claimTicket() {
  runAction($('#claim'), async () => {
    try {
      await api('POST', ticketPath('/claim'));
    } catch (err) {
      // Any conflict other than "ticket finished" means another agent got there first.
      const taken = err.status === 409 && err.code !== 'ticket_done';
      throw taken ? new ApiError(409, 'already_claimed', err.message) : err;
    }
  }, '已领取该工单');
}

function sendReply(event) {
  event.preventDefault();
  const text = $('#reply-text').value.trim();
  if (!text) {
    showMessage('#detail-error', '请输入回复内容');
    return;
  }
  runAction($('#reply-send'), async () => {
    const message = await api('POST', ticketPath('/messages'), { text });
    $('#reply-text').value = '';
    addTranscriptMessage(message);
    $('#transcript').scrollTop = $('#transcript').scrollHeight;
  });
}

function setStatus(event) {
  const button = event.currentTarget;
  const status = button.dataset.status;
  runAction(button, () => api('POST', ticketPath('/status'), { status }),
    `已标记为${STATUS_LABELS[status]}`);
}

function transferToAgent(event) {
  event.preventDefault();
  const toAgent = $('#transfer-to').value.trim();
  if (!toAgent) {
    showMessage('#detail-error', '请输入要转给的坐席用户名');
    return;
  }
  runAction($('#transfer-submit'), async () => {
    await api('POST', ticketPath('/transfer'), { toAgent });
    $('#transfer-to').value = '';
  }, `已转给 ${toAgent}`);
}

function transferToQueue() {
  runAction($('#transfer-queue'), () => api('POST', ticketPath('/transfer'), { toQueue: true }),
    '已退回待领取队列');
}

/** Reads the resolve form; returns the request body or an error text. */
function resolveBody() {
  const resolution = $('#resolve-text').value.trim();
  if (!resolution) {
    return { error: '请填写处理结果' };
  }
  const body = { resolution, kind: $('#resolve-kind').value };
  const amountText = $('#resolve-amount').value.trim();
  if (amountText) {
    const amount = Number(amountText);
    if (!Number.isFinite(amount) || amount < 0) {
      return { error: '挽回金额请填写不小于 0 的数字' };
    }
    body.amountRecovered = Math.round(amount * 100) / 100;
  }
  const category = $('#resolve-category').value;
  if (category) {
    body.reportCategory = category;
  }
  return { body };
}

function resolveTicket(event) {
  event.preventDefault();
  const { body, error } = resolveBody();
  if (error) {
    showMessage('#detail-error', error);
    return;
  }
  runAction($('#resolve-submit'), () => api('POST', ticketPath('/resolve'), body), '工单已办结');
}

function closeTicket() {
  runAction($('#close-ticket'), () => api('POST', ticketPath('/close')), '工单已关闭');
}

function reopenTicket() {
  runAction($('#reopen-ticket'), () => api('POST', ticketPath('/reopen')), '工单已重新打开');
}

// ---- canned replies ----------------------------------------------------------------

async function loadCannedReplies() {
  const select = $('#canned');
  try {
    const result = await api('GET', '/canned-replies');
    view.cannedTexts.clear();
    const options = [h('option', { value: '' }, '常用回复…')];
    for (const reply of result.replies || []) {
      view.cannedTexts.set(String(reply.id), reply.text || '');
      options.push(h('option', { value: String(reply.id) }, reply.title || reply.text));
    }
    select.replaceChildren(...options);
  } catch (err) {
    // The reply box still works without them.
    select.replaceChildren(h('option', { value: '' }, '常用回复（加载失败）'));
  }
}

function useCannedReply() {
  const select = $('#canned');
  const text = view.cannedTexts.get(select.value);
  if (text !== undefined) {
    const box = $('#reply-text');
    box.value = text;
    box.focus();
  }
  select.value = ''; // back to the prompt, so the same reply can be chosen again
}

// ---- supervisor report -------------------------------------------------------------

function initReportDates() {
  const today = new Date();
  const firstOfMonth = new Date(today.getFullYear(), today.getMonth(), 1);
  $('#report-from').value = formatDate(firstOfMonth);
  $('#report-to').value = formatDate(today);
}

/** The query string for the chosen range, or null (with the error shown) when it is invalid. */
function reportQuery() {
  const from = $('#report-from').value;
  const to = $('#report-to').value;
  if (!from || !to) {
    showMessage('#report-error', '请选择开始和结束日期');
    return null;
  }
  if (from > to) {
    showMessage('#report-error', '开始日期不能晚于结束日期');
    return null;
  }
  showMessage('#report-error', '');
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

async function loadReport(event) {
  if (event) {
    event.preventDefault();
  }
  const query = reportQuery();
  if (!query) {
    return;
  }
  try {
    renderReport(await api('GET', `/reports/complaints?${query}`));
  } catch (err) {
    showMessage('#report-error', describeError(err));
  }
}

function renderReport(report) {
  const stats = h('dl', { class: 'report-stats' });
  const rows = [
    ['统计区间', `${report.from} 至 ${report.to}`],
    ['受理', report.received],
    ['已办结', report.resolved],
    ['办结率', formatPercent(report.resolutionRate)],
    ['超时', report.overdue],
    ['挽回金额', formatMoney(report.amountRecovered)],
    ['咨询', report.consultations]
  ];
  for (const [label, value] of rows) {
    const cell = h('div', { class: 'stat' });
    cell.append(h('dt', {}, label), h('dd', {}, value ?? '—'));
    stats.append(cell);
  }
  $('#report').replaceChildren(stats, renderCategoryTable(report.byCategory || []));
}

function renderCategoryTable(categories) {
  const table = h('table', { class: 'report-table' });
  table.append(h('caption', {}, '按分类统计'));
  const headRow = h('tr');
  for (const title of ['分类', '数量', '占比']) {
    headRow.append(h('th', { scope: 'col' }, title));
  }
  const head = h('thead');
  head.append(headRow);
  table.append(head);
  const body = h('tbody');
  if (categories.length === 0) {
    const row = h('tr');
    row.append(h('td', { colspan: '3' }, '无数据'));
    body.append(row);
  }
  for (const entry of categories) {
    const row = h('tr');
    row.append(
      h('td', {}, entry.category),
      h('td', {}, entry.count),
      h('td', {}, formatPercent(entry.share))
    );
    body.append(row);
  }
  table.append(body);
  return table;
}

/** Links cannot carry the Authorization header, so fetch the CSV and save it as a blob. */
async function downloadCsv(event) {
  event.preventDefault();
  const query = reportQuery();
  if (!query) {
    return;
  }
  try {
    const blob = await api('GET', `/reports/complaints?${query}&format=csv`, undefined,
      { accept: 'text/csv', blob: true });
    const url = URL.createObjectURL(blob);
    const link = h('a', {
      href: url,
      download: `complaints-${$('#report-from').value}-${$('#report-to').value}.csv`
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (err) {
    showMessage('#report-error', describeError(err));
  }
}

// ---- wiring -------------------------------------------------------------------------

function bindEvents() {
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', logout);
  for (const tab of document.querySelectorAll('.tab')) {
    tab.addEventListener('click', () => setFilter(tab.dataset.filter));
  }
  $('#claim').addEventListener('click', claimTicket);
  $('#reply-form').addEventListener('submit', sendReply);
  $('#reply-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $('#reply-send').click();
    }
  });
  $('#canned').addEventListener('change', useCannedReply);
  $('#status-waiting').addEventListener('click', setStatus);
  $('#status-progress').addEventListener('click', setStatus);
  $('#transfer-form').addEventListener('submit', transferToAgent);
  $('#transfer-queue').addEventListener('click', transferToQueue);
  $('#resolve-form').addEventListener('submit', resolveTicket);
  $('#close-ticket').addEventListener('click', closeTicket);
  $('#reopen-ticket').addEventListener('click', reopenTicket);
  $('#report-form').addEventListener('submit', loadReport);
  $('#report-csv').addEventListener('click', downloadCsv);
}

function init() {
  bindEvents();
  restoreSession();
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
