// What the chat page (chat.js) and the panel on a company's site (panel.js) draw alike: a message
// of the log, the rating's stars lit up to the one chosen, Enter sending the message box.
// Text only (textContent), never markup from the server.
'use strict';

window.TierdeskTranscript = {
  // One message as a list item: who (`who`, in the page's words), when, what, and the files sent
  // with it (`fileItem(attachment)` draws one; without it they are not shown).
  messageItem(m, who, fileItem) {
    const item = document.createElement('li');
    item.className = 'msg msg--' + (m.sender === 'customer' ? 'user' : m.role === 'agent' ? 'agent' : 'ai');
    item.dataset.sender = m.sender || '';
    const meta = document.createElement('span');
    meta.className = 'msg__meta';
    const name = document.createElement('span');
    name.className = 'msg__who';
    name.textContent = who;
    const when = document.createElement('time');
    const d = m.timestamp ? new Date(m.timestamp) : new Date();
    when.textContent = Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    if (m.timestamp)
      when.dateTime = m.timestamp;
    meta.append(name, when);
    const text = document.createElement('p');
    text.className = 'msg__text';
    text.textContent = m.content || '';
    item.append(meta, text);
    if (fileItem && Array.isArray(m.attachments) && m.attachments.length) {
      const files = document.createElement('ul');
      files.className = 'msg__files';
      m.attachments.forEach((a) => files.append(fileItem(a)));
      item.append(files);
    }
    return item;
  },

  // The stars up to the chosen one lit, as the choice changes.
  lightStars(ratingForm, stars) {
    stars.addEventListener('change', () => {
      const chosen = Number((ratingForm.querySelector('input[name=stars]:checked') || {}).value || 0);
      stars.querySelectorAll('label').forEach((label, i) => label.classList.toggle('is-lit', i < chosen));
    });
  },

  // Enter sends; Shift+Enter (and Enter while composing with an input method) is a new line.
  sendOnEnter(box, form) {
    box.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        form.requestSubmit();
      }
    });
  },
};
