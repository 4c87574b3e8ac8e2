// The demo web chat: draws a chat from /demo/api/chats/{who} and sends what the visitor types or presses.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const state = { who: localStorage.getItem('demo-who') === 'owner' ? 'owner' : 'client', chats: {}, busy: false };

  const api = (path, body) => fetch(`/demo/api/chats/${state.who}${path}`, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function time(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function size(bytes) {
    return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
  }

  function bubble(entry) {
    const wrap = el('div', `row ${entry.fromUser ? 'out' : 'in'}`);
    wrap.dataset.id = entry.id;
    const box = el('div', 'bubble');
    if (entry.document) {
      const link = el('a', 'document');
      link.href = entry.document.url;
      link.download = entry.document.name;
      link.append(el('span', 'doc-icon', '📄'), el('span', 'doc-name', entry.document.name), el('span', 'doc-size', size(entry.document.size)));
      box.append(link);
    }
    if (entry.invoice) {
      const card = el('div', 'invoice');
      const pay = el('button', 'kb-button pay', `💳 Pay ${entry.invoice.amount} ${entry.invoice.currency}`);
      pay.type = 'button';
      pay.addEventListener('click', () => act(() => api('/payments', { messageId: entry.id })));
      card.append(el('div', 'invoice-title', entry.invoice.title), el('div', 'invoice-text', entry.invoice.description), pay);
      box.append(card);
    } else if (entry.html) {
      const text = el('div', 'text');
      text.innerHTML = entry.html; // already reduced to Telegram's safe subset by the server
      box.append(text);
    }
    box.append(el('span', 'meta', `${entry.edited ? 'edited ' : ''}${time(entry.sentAt)}`));
    wrap.append(box);
    if (entry.buttons.length > 0) {
      const keyboard = el('div', 'inline-keyboard');
      for (const row of entry.buttons) {
        const line = el('div', 'kb-row');
        for (const button of row) line.append(inlineButton(entry.id, button));
        keyboard.append(line);
      }
      wrap.append(keyboard);
    }
    return wrap;
  }

  function inlineButton(messageId, button) {
    if (button.url) {
      const link = el('a', 'kb-button', `${button.text} ↗`);
      link.href = button.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    const node = el('button', 'kb-button', button.text);
    node.type = 'button';
    node.addEventListener('click', () => act(() => api('/presses', { messageId, data: button.data })));
    return node;
  }

  function render(chat) {
    const seen = state.chats[state.who];
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const grew = !seen || chat.entries.length > seen.entries;
    list.replaceChildren(...chat.entries.map(bubble));
    $('start').hidden = chat.entries.length > 0;
    $('composer').hidden = chat.entries.length === 0;
    const keyboard = $('reply-keyboard');
    keyboard.replaceChildren(...chat.replyKeyboard.map((row) => {
      const line = el('div', 'kb-row');
      for (const label of row) {
        const node = el('button', 'reply-button', label);
        node.type = 'button';
        node.addEventListener('click', () => send(label));
        line.append(node);
      }
      return line;
    }));
    if (seen) chat.answers.slice(seen.answers).forEach(showAnswer);
    state.chats[state.who] = { version: chat.version, entries: chat.entries.length, answers: chat.answers.length };
    if (grew || atBottom) list.scrollTop = list.scrollHeight;
  }

  function showAnswer(answer) {
    if (!answer.text) return;
    if (answer.alert) {
      $('alert-text').textContent = answer.text;
      $('alert').hidden = false;
      return;
    }
    const toast = $('toast');
    toast.textContent = answer.text;
    toast.hidden = false;
    clearTimeout(showAnswer.timer);
    showAnswer.timer = setTimeout(() => { toast.hidden = true; }, 2500);
  }

  async function refresh() {
    const response = await api('');
    if (!response.ok) return;
    const chat = await response.json();
    const seen = state.chats[state.who];
    if (!seen || seen.version !== chat.version) render(chat);
  }

  async function act(request) {
    if (state.busy) return;
    state.busy = true;
    document.body.classList.add('busy');
    $('status').textContent = 'bot is typing…';
    try {
      const response = await request();
      if (response.ok) render(await response.json());
      else if (response.status === 422) {
        showAnswer({ text: (await response.json()).error, alert: true }); // the bot refused the payment, as Telegram shows it
      } else if (response.status === 409) {
        showAnswer({ text: 'That button is no longer there.', alert: false });
        if (state.chats[state.who]) state.chats[state.who].version = -1; // redraw: the chat moved on
        await refresh();
      }
    } finally {
      state.busy = false;
      document.body.classList.remove('busy');
      $('status').textContent = 'bot · no Telegram needed';
    }
  }

  function send(text) {
    if (text.trim()) act(() => api('/messages', { text }));
  }

  function choose(who) {
    state.who = who;
    localStorage.setItem('demo-who', who);
    for (const tab of document.querySelectorAll('.who button')) tab.setAttribute('aria-selected', String(tab.dataset.who === who));
    delete state.chats[who];
    $('messages').replaceChildren();
    refresh();
  }

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('text');
    send(input.value);
    input.value = '';
  });
  $('start-button').addEventListener('click', () => send('/start'));
  $('alert-ok').addEventListener('click', () => { $('alert').hidden = true; });
  for (const tab of document.querySelectorAll('.who button')) tab.addEventListener('click', () => choose(tab.dataset.who));

  choose(state.who);
  setInterval(() => { if (!state.busy) refresh(); }, 1500);
})();
