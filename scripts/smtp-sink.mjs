// A development and test mail sink: accepts every message over SMTP, keeps it as JSON in --dir,
// and serves them at --http-port: an HTML list at /, JSON at /messages, DELETE /messages to empty it.
// With --imap-url (the center's local mailbox, `npm run up`), each message can be answered "as the clinic":
// POST /messages/:id/answer puts a reply, threaded to it, into that mailbox, where the worker reads it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { URLSearchParams } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer';

const { values } = parseArgs({
  options: { 'smtp-port': { type: 'string' }, 'http-port': { type: 'string' }, dir: { type: 'string' }, 'imap-url': { type: 'string' } },
});
const imapUrl = values['imap-url'];
const dir = values.dir;
mkdirSync(dir, { recursive: true });
let counter = 0;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const id = `${Date.now()}-${process.pid}-${++counter}`;
        const message = {
          id,
          receivedAt: new Date().toISOString(),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          from: mail.from?.text ?? null,
          to: mail.to
            ? []
                .concat(mail.to)
                .map((a) => a.text)
                .join(', ')
            : null,
          replyTo: mail.replyTo?.text ?? null,
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          messageId: mail.messageId ?? null,
          inReplyTo: mail.inReplyTo ?? null,
          references: mail.references ? [].concat(mail.references) : [],
          attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
        };
        writeFileSync(join(dir, `${id}.json`), JSON.stringify(message, null, 2));
        callback();
      })
      .catch(callback);
  },
});

function messages() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The clinic's reply to a message TA Desk sent: to its Reply-To, threaded by In-Reply-To/References, quoting it. */
async function answerAsClinic(message, text) {
  const quoted = message.text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const raw = await new MailComposer({
    from: message.envelopeTo[0],
    to: message.replyTo || message.from,
    subject: /^re:/i.test(message.subject) ? message.subject : `Re: ${message.subject}`,
    inReplyTo: message.messageId ?? undefined,
    references: [...(message.references ?? []), ...(message.messageId ? [message.messageId] : [])],
    text: `${text}\n\nOn ${new Date(message.receivedAt).toUTCString()}, ${message.from} wrote:\n${quoted}\n`,
  })
    .compile()
    .build();
  const url = new URL(imapUrl);
  const client = new ImapFlow({
    host: url.hostname,
    port: Number(url.port),
    secure: url.protocol === 'imaps:',
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
  });
  await client.connect();
  try {
    await client.append('INBOX', raw);
  } finally {
    await client.logout();
  }
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 100_000) req.destroy();
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

const web = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const answer = /^\/messages\/([^/]+)\/answer$/.exec(url.pathname);
  if (answer && req.method === 'POST' && imapUrl) {
    const found = messages().find((m) => m.id === answer[1]);
    if (!found) return res.writeHead(404).end('not found');
    readBody(req)
      .then((body) => answerAsClinic(found, new URLSearchParams(body).get('text') || 'Thank you, this helps.'))
      .then(
        () => res.writeHead(303, { location: '/?answered=1' }).end(),
        (error) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`Could not reach the mailbox: ${error.message}`),
      );
    return;
  }
  if (url.pathname === '/messages' && req.method === 'DELETE') {
    for (const f of readdirSync(dir)) rmSync(join(dir, f));
    res.writeHead(204).end();
  } else if (url.pathname === '/messages') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages()));
  } else if (url.pathname.startsWith('/messages/')) {
    const found = messages().find((m) => m.id === url.pathname.slice('/messages/'.length));
    if (!found) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(found.html || `<pre>${escape(found.text)}</pre>`);
  } else if (url.pathname === '/') {
    const rows = messages()
      .map(
        (m) =>
          `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to)}</td><td><a href="/messages/${m.id}">${escape(m.subject)}</a></td>${
            imapUrl
              ? `<td><form method="post" action="/messages/${m.id}/answer"><label>Reply text <textarea name="text" rows="2" cols="30">Thank you, this helps.</textarea></label> <button>Answer as the clinic</button></form></td>`
              : ''
          }</tr>`,
      )
      .join('');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>TA Desk mail sink</title><h1>Mail sent by TA Desk (development)</h1>${
          url.searchParams.has('answered')
            ? '<p><strong>Answer delivered to the center&#39;s mailbox; the worker reads it within IMAP_POLL_SECONDS.</strong></p>'
            : ''
        }<table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th>${imapUrl ? '<th>Answer</th>' : ''}</tr>${rows}</table>`,
      );
  } else {
    res.writeHead(404).end('not found');
  }
});

// A client that vanishes mid-session (a worker killed while sending) is the client's problem, not the sink's.
smtp.on('error', (error) => console.error(`smtp-sink: ${error.message}`));
web.on('clientError', (_error, socket) => socket.destroy());
smtp.listen(Number(values['smtp-port']), '127.0.0.1');
web.listen(Number(values['http-port']), '127.0.0.1');
const stop = () => {
  smtp.close(() => process.exit(0));
  web.close();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
