import { createHash } from 'node:crypto';
import { U as UserError, e as exec, S as SpawnError, d as registryProblem, k as assertRepository, g as assertManifestReference, m as isDigest, o as digestProblem, q as assertTag, i as inputsOf, u as parseTagTemplate, v as tagTemplateMessage, w as repositoryProblem, x as templatesFor, y as renderTag, z as isFloating, A as pathText, B as formatProblem, C as versionFromRef, D as Suggestions } from './cli-cli.js';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';

// Registry credentials as `docker login` and docker/login-action leave them: the docker config file
// (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`) with its `auths` entries, and the
// credential helpers it names (`credHelpers` per registry, `credsStore` for all), run as
// `docker-credential-<name> get` with the server address on stdin.
const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];
/**
 * `example.com:5000` from any way an `auths` key or helper entry may spell the registry:
 * `https://example.com:5000/v2/`, `http://example.com:5000`, `example.com:5000`.
 */
function registryHostOf(address) {
    const withoutScheme = address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const host = withoutScheme.split('/')[0].toLowerCase();
    // Docker Hub is written three ways; `docker login` stores it as https://index.docker.io/v1/.
    return DOCKER_HUB.includes(host) ? 'docker.io' : host;
}
/** Reads a docker config file's text; `file` names it in errors. Pure. */
function parseDockerConfig(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new UserError(`${file}: not valid JSON (${e.message})`);
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
        throw new UserError(`${file}: expected a JSON object`);
    const raw = json;
    const auths = [];
    const rawAuths = raw.auths ?? {};
    if (typeof rawAuths !== 'object' || Array.isArray(rawAuths))
        throw new UserError(`${file}: "auths" must be an object keyed by registry`);
    for (const [serverAddress, value] of Object.entries(rawAuths)) {
        if (!value || typeof value !== 'object')
            continue;
        const v = value;
        const entry = { serverAddress };
        if (typeof v.auth === 'string' && v.auth !== '') {
            const decoded = Buffer.from(v.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                throw new UserError(`${file}: auths["${serverAddress}"].auth is not base64 of "username:password"`);
            entry.username = decoded.slice(0, colon);
            entry.password = decoded.slice(colon + 1);
        }
        if (typeof v.username === 'string' && v.username !== '')
            entry.username = v.username;
        if (typeof v.password === 'string' && v.password !== '')
            entry.password = v.password;
        if (typeof v.identitytoken === 'string' && v.identitytoken !== '')
            entry.identityToken = v.identitytoken;
        auths.push(entry);
    }
    const credHelpers = {};
    if (raw.credHelpers && typeof raw.credHelpers === 'object') {
        for (const [host, helper] of Object.entries(raw.credHelpers))
            if (typeof helper === 'string' && helper !== '')
                credHelpers[registryHostOf(host)] = helper;
    }
    const config = { auths, credHelpers };
    if (typeof raw.credsStore === 'string' && raw.credsStore !== '')
        config.credsStore = raw.credsStore;
    return config;
}
/** The `auths` entry for a registry host, matching however its key spells the host. */
function authEntryFor(config, host) {
    const wanted = registryHostOf(host);
    return config.auths.find(a => registryHostOf(a.serverAddress) === wanted);
}
/** Which helper holds a registry's credentials: its own in `credHelpers`, else `credsStore`. */
function helperFor(config, host) {
    return config.credHelpers[registryHostOf(host)] ?? config.credsStore;
}
/** A helper's `get` answer (`{"ServerURL","Username","Secret"}`) as credentials. Pure. */
function parseHelperAnswer(stdout, helper) {
    let json;
    try {
        json = JSON.parse(stdout);
    }
    catch {
        throw new UserError(`docker-credential-${helper} get: answered something that is not JSON`);
    }
    const username = typeof json.Username === 'string' ? json.Username : '';
    const secret = typeof json.Secret === 'string' ? json.Secret : '';
    // Docker's convention: the user name `<token>` marks the secret as an identity token.
    if (username === '<token>')
        return { identityToken: secret };
    return { username, password: secret };
}
function dockerConfigPath(env) {
    const dir = env.DOCKER_CONFIG || path.join(env.HOME || homedir(), '.docker');
    return path.join(dir, 'config.json');
}
/** The docker config in effect, or an empty one when there is no file. */
function readDockerConfig(env = process.env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { auths: [], credHelpers: {} };
        throw new UserError(`${file}: cannot read the docker config (${e.message})`);
    }
    return parseDockerConfig(text, file);
}
async function runHelper(helper, serverAddress, env) {
    const command = `docker-credential-${helper}`;
    let result;
    try {
        result = await exec(command, ['get'], { input: serverAddress, env, timeoutMs: 30000 });
    }
    catch (e) {
        if (e instanceof SpawnError)
            throw new UserError(`the docker config names credential helper '${helper}', but ${command} cannot be run (${e.code ?? e.message}); install it or remove it from the docker config`);
        throw e;
    }
    const stdout = result.stdout.toString('utf8').trim();
    if (result.code !== 0) {
        // The helper protocol's answer for "nothing stored for this registry".
        if (/credentials not found/i.test(stdout + result.stderr.toString('utf8')))
            return undefined;
        const detail = (result.stderr.toString('utf8').trim() || stdout).split('\n')[0];
        throw new UserError(`${command} get failed for ${serverAddress} (exit ${result.code ?? result.signal}): ${detail}`);
    }
    return parseHelperAnswer(stdout, helper);
}
/**
 * The credentials the docker config holds for `host`, or undefined (anonymous). A helper is asked
 * first, with the address as the `auths` key spells it when there is one; when it has nothing, the
 * `auths` entry's own fields are used.
 */
async function dockerCredentials(host, env = process.env) {
    const config = readDockerConfig(env);
    const entry = authEntryFor(config, host);
    const helper = helperFor(config, host);
    if (helper) {
        const fromHelper = await runHelper(helper, entry?.serverAddress ?? host, env);
        if (fromHelper)
            return fromHelper;
    }
    if (!entry)
        return undefined;
    const { serverAddress: _, ...credentials } = entry;
    return credentials.username || credentials.identityToken ? credentials : undefined;
}

// Registry authentication as the registry asks for it: its 401's WWW-Authenticate decides between
// basic auth and the Bearer token challenge (GET the realm with basic credentials, or anonymously,
// for a token per scope; an identity token is exchanged with an OAuth2 refresh-token POST).
/** `Bearer realm="https://x/token",service="x",scope="repository:a:pull"` as data. Pure. */
function parseChallenge(header) {
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
    if (!m)
        return undefined;
    const params = {};
    const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
    let p;
    while ((p = re.exec(m[2])) !== null) {
        if (p[0] === '')
            break;
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
    }
    return { scheme: m[1].toLowerCase(), params };
}
/** Default token lifetime when the token service does not say (the spec's minimum). */
const DEFAULT_TOKEN_SECONDS = 60;
class Authenticator {
    http;
    registry;
    loadCredentials;
    mask;
    scheme;
    realm = '';
    service;
    tokens = new Map();
    credentials;
    constructor(http, registry, loadCredentials, mask) {
        this.http = http;
        this.registry = registry;
        this.loadCredentials = loadCredentials;
        this.mask = mask;
    }
    creds() {
        this.credentials ??= this.loadCredentials().then(c => {
            if (c?.password)
                this.mask(c.password);
            if (c?.identityToken)
                this.mask(c.identityToken);
            return c;
        });
        return this.credentials;
    }
    /** The Authorization header for a request needing `scope`, once the registry has said how. */
    async header(scope) {
        if (this.scheme === 'basic') {
            const c = await this.creds();
            return c?.username !== undefined ? basic(c) : undefined;
        }
        if (this.scheme === 'bearer')
            return `Bearer ${(await this.token(scope)).value}`;
        return undefined;
    }
    /**
     * Learns from a 401 how to authenticate. `sent` is the Authorization header the refused request
     * carried: a refusal of what we already sent means the credentials are wrong (or missing).
     */
    async challenged(response, scope, sent) {
        const header = response.headers['www-authenticate'];
        const challenge = parseChallenge(Array.isArray(header) ? header[0] : (header ?? ''));
        const c = await this.creds();
        if (challenge?.scheme === 'bearer' && challenge.params.realm) {
            if (sent?.startsWith('Bearer ')) {
                this.tokens.delete(scope);
                throw this.refused(c, 'the registry refused the token its token service issued');
            }
            this.scheme = 'bearer';
            this.realm = challenge.params.realm;
            this.service = challenge.params.service;
            return;
        }
        if (challenge?.scheme === 'basic') {
            if (c?.username === undefined || !c.password)
                throw this.missing();
            if (sent?.startsWith('Basic '))
                throw this.refused(c, '401');
            this.scheme = 'basic';
            return;
        }
        throw new UserError(`registry ${this.registry}: answered 401 with an authentication scheme this tool does not speak (${JSON.stringify(header ?? '')})`);
    }
    token(scope) {
        const cached = this.tokens.get(scope);
        if (cached) {
            return cached.then(t => {
                if (t.expiresAt > Date.now() + 5000)
                    return t;
                if (this.tokens.get(scope) === cached)
                    this.tokens.delete(scope);
                return this.token(scope);
            });
        }
        const fresh = this.fetchToken(scope);
        this.tokens.set(scope, fresh);
        fresh.catch(() => this.tokens.delete(scope));
        return fresh;
    }
    async fetchToken(scope) {
        const c = await this.creds();
        const url = new URL(this.realm);
        let response;
        if (c?.identityToken) {
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: c.identityToken,
                client_id: 'imagegraph'
            });
            if (this.service)
                form.set('service', this.service);
            if (scope)
                form.set('scope', scope);
            response = await this.http.send({
                method: 'POST',
                url: url.toString(),
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: Buffer.from(form.toString())
            });
        }
        else {
            if (this.service)
                url.searchParams.set('service', this.service);
            if (scope)
                url.searchParams.set('scope', scope);
            if (c?.username)
                url.searchParams.set('account', c.username);
            const headers = {};
            if (c?.username !== undefined && c.password)
                headers.Authorization = basic(c);
            response = await this.http.send({ method: 'GET', url: url.toString(), headers });
        }
        if (response.status === 401 || response.status === 403)
            throw c
                ? this.refused(c, `the token service ${url.origin} answered ${response.status}`)
                : this.missing();
        if (response.status !== 200)
            throw new UserError(`registry ${this.registry}: the token service ${url.origin}${url.pathname} answered ${response.status}; check the registry's token service`);
        let json;
        try {
            json = JSON.parse(response.body.toString('utf8'));
        }
        catch {
            throw new UserError(`registry ${this.registry}: the token service ${url.origin} answered something that is not JSON`);
        }
        const value = json.token || json.access_token;
        if (!value)
            throw new UserError(`registry ${this.registry}: the token service ${url.origin} gave no token`);
        this.mask(value);
        const seconds = Math.max(json.expires_in ?? DEFAULT_TOKEN_SECONDS, DEFAULT_TOKEN_SECONDS);
        return { value, expiresAt: Date.now() + seconds * 1000 };
    }
    /** The credentials were sent and refused. */
    refused(c, detail) {
        if (!c)
            return this.missing();
        const who = c.username ? `user '${c.username}'` : 'the identity token';
        return new UserError(`registry ${this.registry}: the credentials for ${who} were rejected (${detail}); check the username and password (registry-username / registry-password, or docker login)`);
    }
    missing() {
        return new UserError(`registry ${this.registry}: requires credentials (401) and none were found; log in (docker login, docker/login-action) or pass registry-username and registry-password`);
    }
}
function basic(c) {
    return `Basic ${Buffer.from(`${c.username}:${c.password ?? ''}`).toString('base64')}`;
}

// HTTP for the registry client: kept-alive connections, TLS verified against the system's CAs plus
// NODE_EXTRA_CA_CERTS plus an optional CA file, a bound on requests in flight, retries of transient
// failures with backoff, and one clear line for what a user must fix (TLS, unreachable host).
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN']);
const MAX_BODY = 32 * 1024 * 1024;
/** OpenSSL's names for "this certificate does not chain to a CA we trust". */
const UNTRUSTED_CERT_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_UNTRUSTED'
]);
const SYSTEM_BUNDLES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/ssl/cert.pem'
];
function readPem(file, what) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new UserError(`${what} ${file} cannot be read (${e.code})`);
    }
}
/**
 * Node's bundled roots, the system store, NODE_EXTRA_CA_CERTS and `caFile`. Passing `ca` replaces
 * Node's default list, so the extra certificates are named here again.
 */
function trustedCAs(env, caFile) {
    const cas = [...tls.rootCertificates];
    const getCACertificates = tls
        .getCACertificates;
    if (getCACertificates)
        cas.push(...getCACertificates('system'));
    else {
        for (const file of SYSTEM_BUNDLES) {
            try {
                cas.push(readFileSync(file, 'utf8'));
                break;
            }
            catch {
                // not this distribution's path
            }
        }
    }
    if (env.NODE_EXTRA_CA_CERTS)
        cas.push(readPem(env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS'));
    if (caFile)
        cas.push(readPem(caFile, 'the registry CA file'));
    return cas;
}
/** A counting semaphore: at most `limit` holders at once, served in order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise(r => this.waiting.push(r));
        else
            this.active++;
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active--;
        }
    }
}
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
/** Seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
function retryAfterMs(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
class HttpClient {
    options;
    agent;
    limiter;
    constructor(options) {
        this.options = options;
        const agentOptions = {
            keepAlive: true,
            maxSockets: options.concurrency,
            maxFreeSockets: options.concurrency
        };
        this.agent = options.insecure
            ? new http.Agent(agentOptions)
            : new https.Agent({ ...agentOptions, ca: trustedCAs(options.env, options.caFile) });
        this.limiter = new Limiter(options.concurrency);
    }
    get scheme() {
        return this.options.insecure ? 'http' : 'https';
    }
    /** Closes idle kept-alive sockets (the process can exit without waiting for them). */
    close() {
        this.agent.destroy();
    }
    /**
     * Sends with retries of transient failures. Answers of any status are returned (the caller
     * decides what a 404 means); a status still 5xx or 429 after the last try is returned too.
     */
    async send(request) {
        const { attempts, baseDelayMs, maxRetryAfterMs } = this.options.retry;
        for (let attempt = 1;; attempt++) {
            let response;
            let failure;
            try {
                response = await this.limiter.run(() => this.follow(request));
            }
            catch (e) {
                failure = e;
                if (!TRANSIENT_CODES.has(failure.code ?? ''))
                    throw this.explain(failure, request);
            }
            const transientStatus = response && (response.status >= 500 || response.status === 429);
            if (!failure && !transientStatus)
                return response;
            if (attempt >= attempts) {
                if (response)
                    return response;
                throw new UserError(`registry ${this.options.registry}: ${request.method} ${request.url} failed ${attempts} times (${failure.code}: ${failure.message}); the registry or the network is failing, try again later`);
            }
            const backoff = baseDelayMs * 2 ** (attempt - 1) + Math.random() * baseDelayMs;
            const asked = retryAfterMs(response?.headers['retry-after'], Date.now());
            const wait = asked === undefined ? backoff : Math.min(asked, maxRetryAfterMs);
            this.options.debug(`registry ${this.options.registry}: ${request.method} ${request.url}: ${response ? response.status : failure.code}; retry ${attempt}/${attempts - 1} in ${Math.round(wait)} ms`);
            await sleep(wait);
        }
    }
    async follow(request) {
        let current = request;
        for (let hop = 0;; hop++) {
            const response = await this.once(current);
            const location = response.headers.location;
            if (!request.followRedirects || response.status < 300 || response.status >= 400 || !location)
                return response;
            if (hop >= 5)
                throw new Error(`registry ${this.options.registry}: too many redirects`);
            const next = new URL(location, current.url);
            const headers = { ...current.headers };
            // Credentials are for the registry only, never for the storage it redirects to.
            if (next.origin !== new URL(request.url).origin)
                delete headers.Authorization;
            current = { ...current, url: next.toString(), headers };
        }
    }
    once(request) {
        const url = new URL(request.url);
        if (url.protocol === 'http:' && !this.options.insecure)
            return Promise.reject(new UserError(`registry ${this.options.registry}: refusing plain HTTP to ${url.origin}; name the registry insecure only if it speaks plain HTTP`));
        const module = url.protocol === 'https:' ? https : http;
        // A plain-HTTP registry may send its token realm over HTTPS: that needs an HTTPS agent.
        const agent = url.protocol === 'https:' && this.options.insecure ? undefined : this.agent;
        return new Promise((resolve, reject) => {
            const req = module.request(url, {
                method: request.method,
                headers: {
                    'User-Agent': 'imagegraph',
                    ...request.headers,
                    ...(request.body ? { 'Content-Length': String(request.body.length) } : {})
                },
                agent
            }, res => {
                const chunks = [];
                let size = 0;
                res.on('data', (b) => {
                    size += b.length;
                    if (size > MAX_BODY) {
                        req.destroy(new Error(`answer larger than ${MAX_BODY} bytes from ${url}`));
                        return;
                    }
                    chunks.push(b);
                });
                res.on('error', reject);
                res.on('end', () => resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks),
                    url: url.toString()
                }));
            });
            req.setTimeout(this.options.timeoutMs, () => {
                const e = new Error(`no answer in ${this.options.timeoutMs} ms`);
                e.code = 'ETIMEDOUT';
                req.destroy(e);
            });
            req.on('error', reject);
            req.end(request.body);
        });
    }
    /** One line a user can act on for a failure that is not worth retrying. */
    explain(e, request) {
        if (e instanceof UserError)
            return e;
        const where = `registry ${this.options.registry}`;
        const code = e.code ?? '';
        const reason = e.message.replace(/^.*?: /, '');
        if (UNTRUSTED_CERT_CODES.has(code))
            return new UserError(`${where}: the TLS certificate is not trusted (${reason}); add its CA to NODE_EXTRA_CA_CERTS or the system store, or name the registry insecure if it speaks plain HTTP`);
        if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
            return new UserError(`${where}: the TLS certificate does not name this host (${reason}); use the name the certificate was issued for`);
        if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
            return new UserError(`${where}: the TLS certificate is not valid now (${code}); renew it`);
        const notTls = /wrong version number|packet length too long|unknown protocol/i.exec(e.message);
        if (notTls)
            return new UserError(`${where}: does not speak TLS (the TLS handshake got: ${notTls[0]}); if it speaks plain HTTP, name it insecure (registry-insecure: true / --insecure-registry)`);
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH')
            return new UserError(`${where}: cannot connect (${code}) to ${new URL(request.url).host}; check the registry address and that it is running`);
        return new Error(`${where}: ${request.method} ${request.url}: ${e.message}`);
    }
}

// The OCI distribution API of one registry, behind the Registry port: manifests as exact bytes with
// their digest checked, retags by putting those bytes under a new tag, blob checks, tag lists, config
// labels, and "is this tag really pullable" for one or thousands of tags over kept-alive connections.
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
};
const ACCEPT = Object.values(MEDIA_TYPES).join(', ');
const INDEX_TYPES = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
function sha256(bytes) {
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
function digestOf(bytes, algorithm) {
    return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
/** Layers a registry need not hold (Windows base layers fetched from elsewhere). */
function isForeign(d) {
    return /foreign|nondistributable/.test(d.mediaType ?? '');
}
/** An index entry that is not an image for a platform (buildx attestations). */
function isAttestation(d) {
    return (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown'));
}
function platformOf(d) {
    const p = d.platform ?? {};
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
function isIndex(manifest) {
    return INDEX_TYPES.has(manifest.mediaType);
}
class HttpRegistry {
    host;
    http;
    auth;
    concurrency;
    constructor(options) {
        const problem = registryProblem(options.host);
        if (problem)
            throw new UserError(problem);
        this.host = options.host;
        const env = options.env ?? process.env;
        this.concurrency = options.concurrency ?? 32;
        this.http = new HttpClient({
            registry: options.host,
            insecure: options.insecure ?? false,
            caFile: options.caFile,
            env,
            concurrency: this.concurrency,
            retry: { attempts: 4, baseDelayMs: 250, maxRetryAfterMs: 10000, ...options.retry },
            timeoutMs: options.timeoutMs ?? 30000,
            debug: options.debug ?? (() => undefined)
        });
        const explicit = options.username !== undefined
            ? { username: options.username, password: options.password ?? '' }
            : undefined;
        this.auth = new Authenticator(this.http, options.host, async () => explicit ?? (await dockerCredentials(options.host, env)), options.mask ?? (() => undefined));
    }
    /** Closes kept-alive sockets. */
    close() {
        this.http.close();
    }
    url(path) {
        return `${this.http.scheme}://${this.host}${path}`;
    }
    /** A request with the registry's auth: on a 401 learn the scheme from the challenge, once. */
    async request(request, scope) {
        const { path, ...rest } = request;
        const send = async () => {
            const authorization = await this.auth.header(scope);
            const headers = {
                ...rest.headers,
                ...(authorization ? { Authorization: authorization } : {})
            };
            return [await this.http.send({ ...rest, url: this.url(path), headers }), authorization];
        };
        let [response, sent] = await send();
        if (response.status === 401) {
            await this.auth.challenged(response, scope, sent);
            [response, sent] = await send();
            if (response.status === 401)
                await this.auth.challenged(response, scope, sent);
        }
        if (response.status === 403)
            throw new UserError(`registry ${this.host}: access denied (403 ${this.errorText(response)}) for ${scope}; the account needs ${scope.endsWith('push') ? 'push' : 'pull'} permission on that repository`);
        if (response.status === 400 && /HTTP request to an HTTPS server/.test(response.body.toString()))
            throw new UserError(`registry ${this.host}: speaks HTTPS, but was named insecure (plain HTTP); drop the insecure setting`);
        return response;
    }
    /** The registry's `{"errors":[{code,message}]}` as one short text. */
    errorText(response) {
        try {
            const json = JSON.parse(response.body.toString('utf8'));
            if (json.errors?.length)
                return json.errors.map(e => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
        }
        catch {
            // not the registry's JSON
        }
        return response.body.toString('utf8').slice(0, 200).trim();
    }
    unexpected(response, what) {
        const text = `registry ${this.host}: ${what}: answered ${response.status} ${this.errorText(response)}`;
        // Still failing after the retries: the registry's trouble, told as one line.
        if (response.status >= 500 || response.status === 429)
            return new UserError(`${text}; the registry is failing, try again later`);
        return new Error(text);
    }
    /** A manifest request: undefined when the registry has none under that reference. */
    async manifestResponse(method, repository, reference) {
        assertRepository(repository);
        assertManifestReference(reference);
        const response = await this.request({ method, path: `/v2/${repository}/manifests/${reference}`, headers: { Accept: ACCEPT } }, pull(repository));
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.unexpected(response, `manifest ${repository}:${reference}`);
        return response;
    }
    async getManifest(repository, reference) {
        const response = await this.manifestResponse('GET', repository, reference);
        if (!response)
            return undefined;
        const bytes = response.body;
        const digest = sha256(bytes);
        // Fail closed: bytes that are not what the registry (or the digest we asked for) says.
        const claimed = isDigest(reference)
            ? reference
            : response.headers['docker-content-digest'];
        if (claimed && digestProblem(claimed) === undefined) {
            const algorithm = claimed.slice(0, claimed.indexOf(':'));
            const actual = digestOf(bytes, algorithm);
            if (actual !== claimed)
                throw new Error(`registry ${this.host}: manifest ${repository}:${reference} hashes to ${actual}, not ${claimed} as the registry says; refusing it`);
        }
        return { bytes, mediaType: this.mediaTypeOf(response, bytes), digest };
    }
    mediaTypeOf(response, bytes) {
        const header = (response.headers['content-type'] ?? '').split(';')[0].trim();
        if (header && header !== 'application/json' && header !== 'text/plain')
            return header;
        if (bytes) {
            try {
                const json = JSON.parse(bytes.toString('utf8'));
                if (json.mediaType)
                    return json.mediaType;
                return json.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
            }
            catch {
                // not JSON: keep the header
            }
        }
        return header;
    }
    async headManifest(repository, reference) {
        const response = await this.manifestResponse('HEAD', repository, reference);
        if (!response)
            return undefined;
        const digest = response.headers['docker-content-digest'];
        if (!digest || digestProblem(digest)) {
            // Some registries do not say on HEAD; the bytes do.
            const manifest = await this.getManifest(repository, reference);
            return manifest && { digest: manifest.digest, mediaType: manifest.mediaType };
        }
        const head = { digest, mediaType: this.mediaTypeOf(response) };
        const length = Number(response.headers['content-length']);
        if (Number.isFinite(length) && length > 0)
            head.size = length;
        return head;
    }
    async putManifest(repository, tag, manifest) {
        assertRepository(repository);
        assertTag(tag);
        const expected = sha256(manifest.bytes);
        const response = await this.request({
            method: 'PUT',
            path: `/v2/${repository}/manifests/${tag}`,
            headers: { 'Content-Type': manifest.mediaType },
            body: manifest.bytes
        }, push(repository));
        if (response.status !== 201 && response.status !== 200)
            throw this.unexpected(response, `put manifest ${repository}:${tag}`);
        const reported = response.headers['docker-content-digest'];
        if (reported && reported !== expected)
            throw new Error(`registry ${this.host}: put ${repository}:${tag} stored digest ${reported}, not ${expected} of the bytes sent`);
        return expected;
    }
    async hasBlob(repository, digest) {
        assertRepository(repository);
        const problem = digestProblem(digest);
        if (problem)
            throw new UserError(problem);
        const response = await this.request({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}` }, pull(repository));
        if (response.status === 404)
            return false;
        // A redirect to storage also means the registry has it.
        if (response.status >= 200 && response.status < 400)
            return true;
        throw this.unexpected(response, `blob ${repository}@${digest}`);
    }
    async listTags(repository, options = {}) {
        const pageSize = options.pageSize;
        assertRepository(repository);
        const tags = [];
        let path = `/v2/${repository}/tags/list${pageSize ? `?n=${pageSize}` : ''}`;
        const seen = new Set();
        while (!seen.has(path)) {
            seen.add(path);
            const response = await this.request({ method: 'GET', path }, pull(repository));
            if (response.status === 404)
                return tags;
            if (response.status !== 200)
                throw this.unexpected(response, `tags of ${repository}`);
            const json = JSON.parse(response.body.toString('utf8'));
            tags.push(...(json.tags ?? []));
            const next = nextLink(response.headers.link);
            if (!next)
                return tags;
            const url = new URL(next, this.url(path));
            path = url.pathname + url.search;
        }
        throw new Error(`registry ${this.host}: the tag list of ${repository} pages in a loop`);
    }
    async blobJson(repository, digest) {
        const response = await this.request({ method: 'GET', path: `/v2/${repository}/blobs/${digest}`, followRedirects: true }, pull(repository));
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.unexpected(response, `blob ${repository}@${digest}`);
        const actual = sha256(response.body);
        if (digest.startsWith('sha256:') && actual !== digest)
            throw new Error(`registry ${this.host}: blob ${repository}@${digest} hashes to ${actual}`);
        return JSON.parse(response.body.toString('utf8'));
    }
    async labels(repository, reference, platform) {
        let manifest = await this.getManifest(repository, reference);
        if (!manifest)
            return undefined;
        if (isIndex(manifest)) {
            const entries = (parseManifest(manifest).manifests ?? []).filter(d => !isAttestation(d));
            const chosen = platform ? entries.find(d => platformOf(d) === platform) : entries[0];
            if (!chosen) {
                if (!platform)
                    return undefined;
                throw new UserError(`${this.host}/${repository}:${reference} has no image for platform ${platform} (it has: ${entries.map(platformOf).join(', ') || 'none'})`);
            }
            manifest = await this.getManifest(repository, chosen.digest);
            if (!manifest)
                return undefined;
        }
        const config = parseManifest(manifest).config;
        if (!config)
            return {};
        const json = (await this.blobJson(repository, config.digest));
        if (json === undefined)
            return undefined;
        return { ...(json.config?.Labels ?? {}) };
    }
    async usability(repository, tag) {
        return this.check(repository, tag, new Map());
    }
    async isUsable(repository, tag) {
        return (await this.usability(repository, tag)).usable;
    }
    async usableMany(images, options = {}) {
        const results = new Array(images.length);
        // Images share base layers: ask for each blob of a repository once per call.
        const blobs = new Map();
        let next = 0;
        const worker = async () => {
            while (next < images.length) {
                const i = next++;
                results[i] = await this.check(images[i].repository, images[i].tag, blobs);
            }
        };
        const workers = Math.max(1, Math.min(options.concurrency ?? this.concurrency, images.length));
        await Promise.all(Array.from({ length: workers }, worker));
        return results;
    }
    async check(repository, tag, blobs) {
        const manifest = await this.getManifest(repository, tag);
        if (!manifest)
            return { usable: false, reason: { kind: 'manifest-missing', reference: tag } };
        const hasBlob = (digest) => {
            const key = `${repository}@${digest}`;
            let known = blobs.get(key);
            if (!known) {
                known = this.hasBlob(repository, digest);
                blobs.set(key, known);
            }
            return known;
        };
        const images = [];
        if (isIndex(manifest)) {
            const children = await Promise.all((parseManifest(manifest).manifests ?? []).map(async (d) => ({
                d,
                m: await this.getManifest(repository, d.digest)
            })));
            for (const { d, m } of children) {
                if (!m)
                    return { usable: false, reason: { kind: 'platform-manifest-missing', digest: d.digest } };
                // An index of indexes is legal but rare; its inner entries are checked the same way.
                if (isIndex(m)) {
                    const inner = await this.check(repository, m.digest, blobs);
                    if (!inner.usable)
                        return inner;
                }
                else
                    images.push(m);
            }
        }
        else
            images.push(manifest);
        const wanted = [];
        for (const m of images) {
            const json = parseManifest(m);
            for (const d of [json.config, ...(json.layers ?? [])])
                if (d && !isForeign(d))
                    wanted.push({ digest: d.digest, manifest: m.digest });
        }
        const present = await Promise.all(wanted.map(w => hasBlob(w.digest)));
        const gone = wanted.find((_, i) => !present[i]);
        if (gone)
            return { usable: false, reason: { kind: 'blob-missing', ...gone } };
        return { usable: true, manifest };
    }
}
function parseManifest(manifest) {
    try {
        return JSON.parse(manifest.bytes.toString('utf8'));
    }
    catch {
        throw new Error(`manifest ${manifest.digest} is not JSON`);
    }
}
const pull = (repository) => `repository:${repository}:pull`;
const push = (repository) => `repository:${repository}:pull,push`;
/** The `rel="next"` target of a Link header. Pure. */
function nextLink(header) {
    const value = Array.isArray(header) ? header.join(',') : header;
    if (!value)
        return undefined;
    for (const part of value.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /\brel="?next"?/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
/** The registry client for `options.host`. */
function openRegistry(options) {
    return new HttpRegistry(options);
}

// The images of a run as the build command needs them: the plan's image nodes made into plain jobs
// (absolute paths, where each is pushed, its tags for this run), with every tag template rendered
// once before anything is built, so that a template that cannot make a valid tag is a located
// error up front. Pure: the caller gives the graph's directory and what names the run.
/** The highest {{seq}} a label may hold (build-images reads at most nine digits). */
const LONGEST_SEQ = 999_999_999;
/** `host[:port][/path]` -> the host and the repository prefix under it. */
function splitRegistry(registry) {
    const slash = registry.indexOf('/');
    return slash < 0
        ? { host: registry, prefix: '' }
        : { host: registry.slice(0, slash), prefix: registry.slice(slash + 1).replace(/\/+$/, '') };
}
/** The values of every field but {{seq}} (known only at build time) and {{key}}, {{image}}. */
function runValues(names, node) {
    const values = {
        sha: names.commit,
        short_sha: names.commit.slice(0, 7)
    };
    if (names.branch)
        values.branch = names.branch;
    if (names.pr !== undefined)
        values.pr = names.pr;
    const version = names.version !== undefined && names.version !== ''
        ? (versionFromRef(names.version) ?? { version: names.version.replace(/^v(?=\d)/, '') })
        : names.ref
            ? versionFromRef(names.ref, node.tagPattern)
            : undefined;
    if (version) {
        values.version = version.version;
        if ('major' in version) {
            values.major = version.major;
            values.minor = version.minor;
            values.patch = version.patch;
        }
    }
    return values;
}
/**
 * Every image of the plan as a job, its tags rendered and checked. Throws a UserError listing every
 * problem (a template that renders to an invalid tag, an invalid repository or registry), each
 * located in the graph file or naming the input, before anything is built.
 */
function imageJobs(request) {
    const { plan, names } = request;
    const graph = plan.graph;
    const problems = [];
    const notes = [];
    const locate = (segments, message) => {
        const at = graph.positions.get(segments) ?? { line: 1, col: 1 };
        const problem = {
            file: graph.file,
            line: at.line,
            col: at.col,
            path: pathText(segments),
            message,
            severity: 'error'
        };
        return formatProblem(problem);
    };
    const registryText = request.registry || graph.registry;
    let registry;
    if (registryText) {
        registry = splitRegistry(registryText);
        const bad = registryProblem(registry.host);
        if (bad)
            problems.push(request.registry
                ? `${request.registryLabel}: ${bad}`
                : locate(['registry'], `${bad}; write host[:port][/path], e.g. ghcr.io/my-org`));
    }
    const inputTags = request.tags && request.tags.length > 0 ? request.tags : undefined;
    if (inputTags)
        inputTags.forEach((template, index) => {
            const parsed = parseTagTemplate(template);
            if ('problem' in parsed)
                problems.push(`${request.tagsLabel} (item ${index + 1}): ${tagTemplateMessage(template, parsed.problem)}`);
        });
    const jobs = [];
    for (const name of plan.order) {
        const node = graph.nodes.get(name);
        if (node.kind !== 'image')
            continue;
        const planned = plan.nodes.get(name);
        const repository = registry?.prefix ? `${registry.prefix}/${node.repository}` : node.repository;
        const badRepository = repositoryProblem(repository);
        if (badRepository)
            problems.push(node.fields.includes('repository')
                ? locate(['images', name, 'repository'], badRepository)
                : locate(['images', name], `${badRepository} (the image's name is its repository unless it sets repository:); set repository: to a valid name`));
        const templates = templatesFor(graph, node, inputTags);
        const source = (index) => node.tags !== undefined
            ? { segments: ['images', name, 'tags', index] }
            : inputTags
                ? { label: request.tagsLabel, index }
                : { segments: ['tags', index] };
        const values = { ...runValues(names, node), key: planned.key, image: name };
        const kept = [];
        templates.forEach((template, index) => {
            const parsed = parseTagTemplate(template);
            if ('problem' in parsed)
                return; // input templates are reported above; the graph's on reading
            const usesSeq = parsed.parts.some(p => 'field' in p && p.field === 'seq');
            for (const seq of usesSeq ? [0, LONGEST_SEQ] : [undefined]) {
                const rendered = renderTag(parsed.parts, seq === undefined ? values : { ...values, seq });
                if ('tag' in rendered)
                    continue;
                if (rendered.problem.kind === 'missing-value') {
                    notes.push(`image ${name}: tag '${template}' left out: ${missingValue(rendered.problem.field, node)}`);
                    return;
                }
                const message = `image ${name}: ${tagTemplateMessage(template, rendered.problem)}`;
                const where = source(index);
                problems.push('segments' in where
                    ? locate(where.segments, message)
                    : `${where.label} (item ${where.index + 1}): ${message}`);
                return;
            }
            kept.push({ template, usesSeq, floating: isFloating(parsed.parts) });
        });
        const tags = {
            usesSeq: kept.some(k => k.usesSeq),
            render(seq) {
                const out = [];
                for (const k of kept) {
                    if (k.usesSeq && seq === undefined)
                        continue;
                    const rendered = renderTag(k.template, seq === undefined ? values : { ...values, seq });
                    if ('tag' in rendered)
                        out.push({ tag: rendered.tag, floating: k.floating });
                }
                return out;
            }
        };
        const imageNeeds = inputsOf(node).filter(n => graph.nodes.get(n)?.kind === 'image');
        jobs.push({
            name,
            key: planned.key,
            repository,
            context: path.resolve(request.root, node.context),
            dockerfile: path.resolve(request.root, node.dockerfile),
            ...(node.target !== undefined ? { target: node.target } : {}),
            platforms: [...node.platforms],
            buildArgs: { ...planned.fileArgs, ...node.buildArgs },
            imageArgs: { ...node.imageArgs },
            needs: [...new Set([...imageNeeds, ...Object.values(node.imageArgs)])],
            affected: planned.affected,
            reasons: [...planned.reasons],
            tags
        });
    }
    if (problems.length > 0)
        throw new UserError(`${problems.length === 1 ? 'a tag or name is' : `${problems.length} tags or names are`} invalid; nothing was built:\n${problems.join('\n')}`);
    return { jobs, ...(registry ? { registryHost: registry.host } : {}), notes };
}
function missingValue(field, node) {
    switch (field) {
        case 'pr':
            return 'this run is not for a pull request';
        case 'branch':
            return 'this run is not on a branch';
        case 'version':
        case 'major':
        case 'minor':
        case 'patch':
            return node.tagPattern
                ? `no version: the ref is not a tag matching ${node.tagPattern} and no version was given`
                : field === 'version'
                    ? 'no version: the ref is not a version tag (v1.2.3) and no version was given'
                    : `no {{${field}}}: the version is not semantic (1.2.3)`;
        default:
            return `this run has no value for {{${field}}}`;
    }
}
/**
 * The images that cannot be built because a process they read (directly, through other processes,
 * or implied by writing their context) failed or was skipped: image -> one line.
 */
function blockedImages(graph, images, processProblems) {
    const blocked = {};
    if (processProblems.size === 0)
        return blocked;
    for (const image of images) {
        const seen = new Set();
        const found = [];
        const visit = (name) => {
            if (seen.has(name))
                return;
            seen.add(name);
            const node = graph.nodes.get(name);
            if (!node || node.kind !== 'process')
                return;
            const problem = processProblems.get(name);
            if (problem !== undefined)
                found.push(`process ${name} ${problem}`);
            for (const input of inputsOf(node))
                visit(input);
        };
        const node = graph.nodes.get(image);
        if (node)
            for (const input of inputsOf(node))
                visit(input);
        if (found.length > 0)
            blocked[image] = found.join('; ');
    }
    return blocked;
}

/** `a,b` or one per line (or both), spaces around names ignored, each name once, in given order. */
function parseImageList(text) {
    const names = text
        .split(/[,\n]/)
        .map(n => n.trim())
        .filter(n => n !== '');
    return [...new Set(names)];
}
/**
 * The named images in build order (inputs first), or one error naming every name that is not an
 * image of the graph, each with a did-you-mean. `label` says where the names came from.
 */
function selectImages(names, graph, label) {
    const images = [...graph.nodes.values()].filter(n => n.kind === 'image').map(n => n.name);
    const suggestions = new Suggestions(images);
    const problems = [];
    for (const name of names) {
        const node = graph.nodes.get(name);
        if (node?.kind === 'image')
            continue;
        problems.push(node
            ? `'${name}' is a ${node.kind} of ${graph.file}, not an image`
            : `'${name}' is not an image of ${graph.file}${suggestions.for(name)}`);
    }
    if (problems.length > 0)
        throw new UserError(`${label}: ${problems.join('; ')}. Images: ${images.slice(0, 20).join(', ')}${images.length > 20 ? `, … ${images.length - 20} more` : ''}`);
    const wanted = new Set(names);
    return graph.order.filter(n => wanted.has(n.name)).map(n => n.name);
}

// The names every part of the execution half agrees on: an image's content tag and the labels that
// trace a pushed image back to its inputs. Builds write them; reuse, retag and {{seq}} read them.
/** The content tag of a key: it names the exact inputs (tags allow 128 characters; this is 68). */
function contentTag(key) {
    if (!/^[0-9a-f]{64}$/.test(key))
        throw new Error(`not a content key: '${key}'`);
    return `key-${key}`;
}
/** The key a content tag names, or undefined for any other tag. */
function keyOfContentTag(tag) {
    const match = /^key-([0-9a-f]{64})$/.exec(tag);
    return match ? match[1] : undefined;
}
/** OCI's own labels, and imagegraph's. */
const LABELS = {
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
    version: 'org.opencontainers.image.version',
    created: 'org.opencontainers.image.created',
    title: 'org.opencontainers.image.title',
    /** The image's full content key. */
    key: 'dev.imagegraph.key',
    /** The first reason it was built (file -> ... -> image), one line. */
    reason: 'dev.imagegraph.reason',
    /** Its {{seq}} number, so the same content keeps its number. */
    seq: 'dev.imagegraph.seq'
};

export { LABELS as L, splitRegistry as a, blockedImages as b, contentTag as c, imageJobs as i, keyOfContentTag as k, openRegistry as o, parseImageList as p, selectImages as s };
