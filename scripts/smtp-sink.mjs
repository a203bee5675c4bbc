// A development and test mail sink: accepts every message over SMTP, keeps it as JSON in --dir,
// and serves them at --http-port: an HTML list at /, JSON at /messages, DELETE /messages to empty it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const { values } = parseArgs({ options: { 'smtp-port': { type: 'string' }, 'http-port': { type: 'string' }, dir: { type: 'string' } } });
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

const web = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
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
          `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to)}</td><td><a href="/messages/${m.id}">${escape(m.subject)}</a></td></tr>`,
      )
      .join('');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>TA Desk mail sink</title><h1>Mail sent by TA Desk (development)</h1><table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`,
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
