// A real OpenID provider (npm oidc-provider) in this process on a loopback port, for Tierdesk's
// single sign-on: one confidential client (client_secret_basic) whose redirect_uri is Tierdesk's
// callback, accounts with claims (email, email_verified, name, groups), and an interaction that
// signs in, without a form, the account whose e-mail the authorization request's login_hint names.
// Its authorize, token and jwks endpoints are the provider's own.
//
// What the provider would never do by itself (an expired ID token, one for another client, with
// another nonce, signed with a key not in its JWKS) a middleware does to the token endpoint's
// answer: set `provider.tamper = (claims) => ({ claims, key })` and the next ID token is signed
// again, with the claims it returns, by `key` (a private JWK; the provider's own when omitted).
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import * as jose from 'jose';
import Provider from 'oidc-provider';

// A private signing JWK (RS256 or ES256) with a kid of its own.
export async function makeSigningKey(alg = 'RS256') {
  const { privateKey } = await jose.generateKeyPair(alg, { extractable: true });
  return { ...(await jose.exportJWK(privateKey)), kid: `${alg.toLowerCase()}-${randomUUID()}`, alg, use: 'sig' };
}

// options: { port (0: any), client: { clientId, clientSecret, redirectUri }, accounts: [{ sub, email,
// email_verified, xms_edov, name, groups }], keys: [private JWKs] (the first signs) }.
export async function startProvider({ port = 0, client, accounts, keys }) {
  const server = http.createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const bySub = new Map(accounts.map((a) => [a.sub, a]));

  const provider = new Provider(issuer, {
    clients: [{
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys },
    cookies: { keys: [randomUUID()] },
    // xms_edov: Microsoft Entra ID's "the e-mail's domain is verified by its owner", in place of email_verified.
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'], groups: ['groups'] },
    // The requested scopes' claims in the ID token itself (not only at userinfo).
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
    pkce: { methods: ['S256'], required: () => true },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, sub) {
      const account = bySub.get(sub);
      if (!account)
        return undefined;
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
    // First-party client: the requested scopes are granted without a consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
  });

  // tamper: see above; lastKid: the key that signed the last ID token the provider issued.
  const control = { tamper: null, issuer, port: server.address().port, tokensIssued: 0, lastKid: null };

  provider.use(async (ctx, next) => {
    const interaction = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (interaction && ctx.method === 'GET') {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      const account = accounts.find((a) => a.email === details.params.login_hint);
      const result = account ? { login: { accountId: account.sub } }
        : { error: 'access_denied', error_description: 'no such account' };
      const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
      ctx.status = 303;
      ctx.set('Location', returnTo);
      return;
    }
    await next();
    if (ctx.path === '/token' && ctx.method === 'POST' && ctx.status === 200 && ctx.body?.id_token) {
      control.tokensIssued += 1;
      control.lastKid = jose.decodeProtectedHeader(ctx.body.id_token).kid;
      if (control.tamper) {
        const change = control.tamper({ ...jose.decodeJwt(ctx.body.id_token) });
        control.tamper = null;
        const jwk = change.key ?? keys[0];
        const key = await jose.importJWK(jwk, jwk.alg);
        ctx.body = {
          ...ctx.body,
          id_token: await new jose.SignJWT(change.claims).setProtectedHeader({ alg: jwk.alg, kid: jwk.kid }).sign(key),
        };
      }
    }
  });
  server.on('request', provider.callback());

  control.stop = async () => {
    const closed = once(server, 'close');
    server.close();
    server.closeAllConnections(); // Tierdesk keeps its connections open for the next call
    await closed;
  };
  return control;
}
