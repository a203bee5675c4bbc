// A small OAuth2 authorization server for the tests of IMAP OAuth2 sign-in (IMAP_AUTH=oauth2): what Microsoft
// Entra ID or Google's token endpoint is to the worker, and what their mail servers consult about a token.
//   POST /token       client_credentials and refresh_token grants (RFC 6749 §4.4, §6), client id and secret in the
//                     form (client_secret_post) or in Basic auth; opaque random access tokens with a lifetime.
//   POST /introspect  RFC 7662, asked by dovecot's oauth2 passdb: active only for a token it issued, not expired and
//                     not revoked, with the mailbox user the client may read (as an M365 mailbox permission grants).
// The tests manage clients over /admin (JSON): POST /admin/clients {id, secret, user, ttl?, refreshToken?} adds one,
// GET /admin/clients/:id counts the tokens it was issued, POST /admin/clients/:id/revoke revokes all of them.
// Plain Node, no dependencies; state in memory.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { URLSearchParams } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' } } });

/** id → { secret, user, ttl (seconds), refreshToken, issued } */
const clients = new Map();
/** access token → { clientId, user, scope, expiresAt (ms), revoked } */
const tokens = new Map();

// Connection: close: a test process whose event loop was busy would otherwise reuse a socket this server has since
// closed as idle ("other side closed").
function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The client the request names and proves (client_secret_post or client_secret_basic), or undefined. */
function authenticateClient(req, form) {
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const client = id ? clients.get(id) : undefined;
  return client && secret === client.secret ? { id, ...client } : undefined;
}

function issue(client, scope) {
  const accessToken = randomBytes(24).toString('base64url');
  tokens.set(accessToken, { clientId: client.id, user: client.user, scope, expiresAt: Date.now() + client.ttl * 1000, revoked: false });
  clients.get(client.id).issued += 1;
  return { access_token: accessToken, token_type: 'Bearer', expires_in: client.ttl, scope };
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const body = await readBody(req);
  if (req.method === 'POST' && url.pathname === '/token') {
    const form = new URLSearchParams(body);
    const client = authenticateClient(req, form);
    if (!client) return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    const grant = form.get('grant_type');
    const scope = form.get('scope') ?? '';
    if (grant === 'client_credentials') return send(res, 200, issue(client, scope));
    if (grant === 'refresh_token') {
      if (!client.refreshToken || form.get('refresh_token') !== client.refreshToken) {
        return send(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is invalid or was revoked.' });
      }
      return send(res, 200, issue(client, scope));
    }
    return send(res, 400, { error: 'unsupported_grant_type' });
  }
  if (req.method === 'POST' && url.pathname === '/introspect') {
    const token = tokens.get(new URLSearchParams(body).get('token') ?? '');
    if (!token || token.revoked || token.expiresAt <= Date.now()) return send(res, 200, { active: false });
    return send(res, 200, {
      active: true,
      username: token.user,
      client_id: token.clientId,
      scope: token.scope,
      token_type: 'Bearer',
      exp: Math.floor(token.expiresAt / 1000),
    });
  }
  if (url.pathname === '/admin/clients' && req.method === 'POST') {
    const { id, secret, user, ttl = 3600, refreshToken = null } = JSON.parse(body);
    clients.set(id, { secret, user, ttl, refreshToken, issued: 0 });
    return send(res, 201, { id });
  }
  const admin = /^\/admin\/clients\/([^/]+)(\/revoke)?$/.exec(url.pathname);
  const client = admin ? clients.get(decodeURIComponent(admin[1])) : undefined;
  if (admin && !client) return send(res, 404, { error: 'no such client' });
  if (admin && !admin[2] && req.method === 'GET') return send(res, 200, { issued: client.issued });
  if (admin && admin[2] && req.method === 'POST') {
    let revoked = 0;
    for (const token of tokens.values()) {
      if (token.clientId === decodeURIComponent(admin[1]) && !token.revoked) {
        token.revoked = true;
        revoked += 1;
      }
    }
    return send(res, 200, { revoked });
  }
  return send(res, 404, { error: 'not found' });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => send(res, 500, { error: String(error) }));
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`oauth server listening on ${values.port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
