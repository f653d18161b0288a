import { e as exec, S as SpawnError, U as UserError } from './index-main.js';
import { mkdtempSync, chmodSync, rmSync, existsSync, readFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:buffer';
import './index-commonjs-helpers.js';
import 'node:child_process';
import 'node:crypto';
import 'node:module';
import 'node:fs/promises';

// Registry credentials for builders without putting a password on a command line (where `ps` and
// logs would show it): a private temp dir (0700) holding an auth file (0600), removed after the build.
/** A temp dir only this user can read, for auth files, id and digest files; `remove()` when done. */
function privateWorkDir() {
    const dir = mkdtempSync(path.join(tmpdir(), 'imagegraph-build-'));
    chmodSync(dir, 0o700);
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
function writePrivate(file, json) {
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
}
/**
 * For buildah and podman (`--authfile`): the user's auth file when given, else one written into
 * `dir` from the username and password, else none (their default auth file applies).
 */
function containersAuthFile(dir, registry) {
    if (registry?.username !== undefined && registry.password !== undefined) {
        const file = path.join(dir, 'auth.json');
        writePrivate(file, {
            auths: { [registry.host]: { auth: basicAuth(registry.username, registry.password) } }
        });
        return file;
    }
    return registry?.authFile;
}
/**
 * For docker and buildx (`DOCKER_CONFIG`): when the request brings credentials, a config dir in `dir`
 * whose `config.json` is the user's (or the given auth file) with this registry's entry added and
 * any credential store for it removed (a `credsStore` would be asked before `auths`); the rest of the
 * user's config dir (buildx builders, CLI plugins, contexts) is linked in so buildx keeps its builder.
 * Undefined when there is nothing to add: the user's own config applies unchanged.
 */
function dockerConfigDir(dir, registry, userConfigDir = process.env.DOCKER_CONFIG || path.join(homedir(), '.docker')) {
    const hasPassword = registry?.username !== undefined && registry.password !== undefined;
    if (!registry || (!hasPassword && !registry.authFile))
        return undefined;
    const configDir = path.join(dir, 'docker-config');
    const base = registry.authFile ?? path.join(userConfigDir, 'config.json');
    let config = {};
    if (existsSync(base))
        config = JSON.parse(readFileSync(base, 'utf8'));
    if (hasPassword) {
        const auths = { ...(config.auths ?? {}) };
        auths[registry.host] = { auth: basicAuth(registry.username, registry.password) };
        const helpers = { ...(config.credHelpers ?? {}) };
        delete helpers[registry.host];
        const { credsStore: _dropped, ...rest } = config;
        config = { ...rest, auths, credHelpers: helpers };
    }
    mkdirSync(configDir, { mode: 0o700 });
    writePrivate(path.join(configDir, 'config.json'), config);
    if (existsSync(userConfigDir)) {
        for (const entry of readdirSync(userConfigDir)) {
            if (entry === 'config.json')
                continue;
            symlinkSync(path.join(userConfigDir, entry), path.join(configDir, entry));
        }
    }
    return configDir;
}

// What every builder adapter does around its commands: run each step through the one spawn helper,
// keep the tail of the output for a failure's report, and time the whole build.
/** How many lines of a failed build's output go to the report (the summary shows them). */
const LOG_TAIL_LINES = 30;
class BuildLog {
    onLine;
    tail = [];
    started = performance.now();
    /** The standard output of the last step, for adapters that read a result from it. */
    lastStdout = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    line(text) {
        this.tail.push(text);
        if (this.tail.length > LOG_TAIL_LINES)
            this.tail.shift();
        this.onLine?.(text);
    }
    /** Runs one step; its output goes to the tail (both streams, in arrival order). */
    async run(step) {
        try {
            const r = await exec(step.command, step.args, {
                env: step.env,
                onStdoutLine: l => this.line(l),
                onStderrLine: l => this.line(l),
                maxBuffer: 1 << 20
            });
            this.lastStdout = r.stdout.toString('utf8');
            if (r.code === 0)
                return { ok: true };
            const how = r.code === null ? `was killed by ${r.signal}` : `exited with ${r.code}`;
            return { ok: false, error: `${step.what} ${how}` };
        }
        catch (e) {
            if (e instanceof SpawnError) {
                const why = e.code === 'ENOENT' ? `${step.command} is not installed (not on PATH)` : e.message;
                this.line(why);
                return { ok: false, error: `${step.what}: ${why}` };
            }
            throw e;
        }
    }
    seconds() {
        return Math.round((performance.now() - this.started) / 100) / 10;
    }
    failure(error, partial = {}) {
        return { ...partial, ok: false, error, logTail: [...this.tail], seconds: this.seconds() };
    }
    success(result) {
        return { ...result, ok: true, logTail: [], seconds: this.seconds() };
    }
}
/** `sha256:<hex>` from what a builder wrote to its id or digest file (with or without the prefix). */
function normaliseDigest(text) {
    const m = /(?:sha256:)?([0-9a-f]{64})/.exec(text.trim());
    return m ? `sha256:${m[1]}` : undefined;
}
/** The tag a build that is not pushed gets, so that a person finds it: `localhost/imagegraph/api:<key>`. */
function localTag(image, key) {
    const repo = image.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-');
    const tag = key.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 128);
    return `localhost/imagegraph/${repo}:${tag}`;
}

// buildx: `docker buildx build` with whatever builder the workflow set up (docker/setup-buildx-action:
// a docker-container driver by default; the docker driver otherwise). BuildKit reports what it made
// in `--metadata-file`. Not runnable here (buildx cannot be installed): its argv is tested as data.
function sortedPairs$2(record) {
    return Object.keys(record)
        .sort()
        .map(k => `${k}=${record[k]}`);
}
/** A CSV field for buildx's `key=value,...` options: quoted when it holds a comma or quote. */
function csvField(value) {
    return /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
/**
 * The gha cache scope: one per image and platform set. With one shared scope each image's export
 * replaces the last one's layers, so images evict each other (docker/build-push-action#867).
 */
function ghaScope(request) {
    const platforms = request.platforms.length > 0 ? request.platforms.join('+') : 'default';
    return `${request.image}-${platforms}`.replace(/[^A-Za-z0-9._+-]+/g, '-');
}
function cacheArgs(request, options) {
    const cache = request.cache;
    if (!cache)
        return [];
    const args = [];
    // ignore-error is an exporter option: a full or throttled cache never fails a build. A failed
    // import is only a warning in BuildKit already.
    if (cache.gha && options.github) {
        const scope = `scope=${ghaScope(request)}`;
        args.push('--cache-from', `type=gha,${scope}`);
        if (cache.write)
            args.push('--cache-to', `type=gha,${scope},mode=max,ignore-error=true`);
    }
    else if (cache.registryRef) {
        const insecure = request.registry?.insecure ? ',registry.insecure=true' : '';
        const ref = `ref=${csvField(cache.registryRef)}${insecure}`;
        args.push('--cache-from', `type=registry,${ref}`);
        if (cache.write)
            args.push('--cache-to', `type=registry,${ref},mode=max,ignore-error=true`);
    }
    return args;
}
function outputArgs(request, options, files) {
    if (request.push) {
        if (!request.registry?.insecure)
            return ['--push'];
        // Plain HTTP is a per-build exporter setting; TLS trust belongs to the builder's buildkitd.toml.
        const names = csvField(`name=${request.tags.join(',')}`);
        return ['--output', `type=image,${names},push=true,registry.insecure=true`];
    }
    if ((options.localOutput ?? 'load') === 'load')
        return ['--load'];
    return ['--output', `type=oci,dest=${csvField(files.ociLayoutDir)},tar=false`];
}
function buildxBuildArgs(request, options, files) {
    const args = ['buildx', 'build'];
    if (options.builder)
        args.push('--builder', options.builder);
    args.push('--file', request.dockerfile);
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    for (const pair of sortedPairs$2(request.buildArgs))
        args.push('--build-arg', pair);
    for (const pair of sortedPairs$2(request.labels))
        args.push('--label', pair);
    for (const base of request.localBases ?? []) {
        for (const [name, value] of Object.entries(base.contexts ?? {}).sort()) {
            args.push('--build-context', `${name}=${value}`);
        }
    }
    const tags = request.push ? request.tags : [localTag(request.image, request.key), ...request.tags];
    for (const tag of tags)
        args.push('--tag', tag);
    args.push('--metadata-file', files.metadataFile);
    args.push(`--provenance=${options.provenance ?? 'false'}`);
    args.push(...cacheArgs(request, options), ...outputArgs(request, options, files));
    args.push(request.context);
    return args;
}
/** What BuildKit reports: the manifest (or index) digest and the config digest (the image id). */
function parseBuildxMetadata(json) {
    const m = JSON.parse(json);
    const digest = typeof m['containerimage.digest'] === 'string' ? m['containerimage.digest'] : undefined;
    const config = m['containerimage.config.digest'];
    return {
        digest: digest ? normaliseDigest(digest) : undefined,
        imageId: typeof config === 'string' ? normaliseDigest(config) : undefined
    };
}
/** How a dependent names this run's unpushed build, per the local output used. */
function buildxLocalImage(request, options, files, digest) {
    const ref = localTag(request.image, request.key);
    if ((options.localOutput ?? 'load') === 'load')
        return { ref };
    // A named build context replaces the FROM reference that equals its name.
    return { ref, contexts: { [ref]: `oci-layout://${files.ociLayoutDir}@${digest}` } };
}
class BuildxBuilder {
    options;
    name = 'buildx';
    description;
    constructor(options = {}) {
        this.options = options;
        this.description = `buildx (${options.builder ?? 'current builder'}, ${options.localOutput ?? 'load'})`;
    }
    async build(request) {
        const log = new BuildLog(request.onLine);
        const work = privateWorkDir();
        try {
            const files = { metadataFile: path.join(work.dir, 'metadata.json') };
            if (!request.push && this.options.localOutput === 'oci-layout') {
                const root = this.options.ociLayoutRoot ?? path.join(tmpdir(), 'imagegraph-oci-layouts');
                files.ociLayoutDir = path.join(root, request.image, request.key);
                mkdirSync(files.ociLayoutDir, { recursive: true });
            }
            const env = { ...process.env };
            if (this.options.host)
                env.DOCKER_HOST = this.options.host;
            const config = dockerConfigDir(work.dir, request.registry);
            if (config)
                env.DOCKER_CONFIG = config;
            const built = await log.run({
                command: this.options.command ?? 'docker',
                args: buildxBuildArgs(request, this.options, files),
                env,
                what: 'docker buildx build'
            });
            if (!built.ok)
                return log.failure(built.error);
            const reported = existsSync(files.metadataFile)
                ? parseBuildxMetadata(readFileSync(files.metadataFile, 'utf8'))
                : {};
            if (!request.push && files.ociLayoutDir && !reported.digest) {
                return log.failure('docker buildx build reported no digest for its OCI layout output');
            }
            const local = request.push
                ? undefined
                : buildxLocalImage(request, this.options, files, reported.digest);
            return log.success({
                imageId: reported.imageId,
                digest: request.push ? reported.digest : undefined,
                local
            });
        }
        finally {
            work.remove();
        }
    }
}

// buildah and podman come from the same project (containers/buildah is podman's build engine): the
// same build flags, storage options, registry flags and push. Their argv is built here, as data.
function globalArgs(options) {
    const args = [];
    if (options.root)
        args.push('--root', options.root);
    if (options.runroot)
        args.push('--runroot', options.runroot);
    if (options.storageDriver)
        args.push('--storage-driver', options.storageDriver);
    return args;
}
/**
 * The flags that reach the registry: for pulling `FROM` images in a build and for pushing. The
 * tools take them per command, not per host: `--tls-verify=false` also covers a `FROM` elsewhere.
 */
function registryArgs(request, files) {
    const args = [];
    const registry = request.registry;
    if (registry?.insecure)
        args.push('--tls-verify=false');
    const certDir = files.certDir ?? registry?.certDir;
    if (certDir)
        args.push('--cert-dir', certDir);
    if (files.authFile)
        args.push('--authfile', files.authFile);
    return args;
}
function sortedPairs$1(record) {
    return Object.keys(record)
        .sort()
        .map(k => `${k}=${record[k]}`);
}
/** More than one platform: built into a manifest list named by the local tag, pushed with `--all`. */
function isList(request) {
    return request.platforms.length > 1;
}
/** The build command's arguments (after the program name). */
function containersBuildArgs(tool, request, options, files) {
    const args = [...globalArgs(options), tool === 'buildah' ? 'bud' : 'build'];
    args.push('--isolation', options.isolation ?? 'chroot');
    if (options.network)
        args.push('--network', options.network);
    args.push('--file', request.dockerfile);
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    for (const pair of sortedPairs$1(request.buildArgs))
        args.push('--build-arg', pair);
    for (const pair of sortedPairs$1(request.labels))
        args.push('--label', pair);
    args.push(...registryArgs(request, files));
    if (request.cache?.registryRef) {
        args.push('--layers', '--cache-from', request.cache.registryRef);
        if (request.cache.write)
            args.push('--cache-to', request.cache.registryRef);
    }
    const local = localTag(request.image, request.key);
    if (isList(request))
        args.push('--manifest', local);
    else
        for (const tag of [local, ...request.tags])
            args.push('--tag', tag);
    args.push('--iidfile', files.iidFile, request.context);
    return args;
}
/** One push per tag, of the image built (by id) or of the manifest list (by its local tag). */
function containersPushArgs(request, options, files, imageId) {
    if (!request.push)
        return [];
    return request.tags.map((tag, i) => {
        const args = globalArgs(options);
        if (isList(request))
            args.push('manifest', 'push', '--all');
        else
            args.push('push');
        args.push(...registryArgs(request, files), '--digestfile', files.digestFile(i));
        args.push(isList(request) ? localTag(request.image, request.key) : imageId, `docker://${tag}`);
        return { tag, args };
    });
}
/** The whole build and push for buildah or podman, over the argv above. */
async function containersBuild(tool, request, options) {
    const command = options.command ?? tool;
    const log = new BuildLog(request.onLine);
    const work = privateWorkDir();
    try {
        const files = {
            iidFile: path.join(work.dir, 'iid'),
            digestFile: i => path.join(work.dir, `digest-${i}`),
            authFile: containersAuthFile(work.dir, request.registry),
            certDir: caDir(work.dir, request)
        };
        const built = await log.run({
            command,
            args: containersBuildArgs(tool, request, options, files),
            what: `${tool} ${tool === 'buildah' ? 'bud' : 'build'}`
        });
        if (!built.ok)
            return log.failure(built.error);
        const imageId = normaliseDigest(readFileSync(files.iidFile, 'utf8'));
        if (!imageId)
            return log.failure(`${tool} wrote no image id`);
        let digest;
        for (const push of containersPushArgs(request, options, files, imageId)) {
            const pushed = await log.run({ command, args: push.args, what: `${tool} push ${push.tag}` });
            if (!pushed.ok)
                return log.failure(pushed.error, { imageId });
            digest ??= normaliseDigest(readFileSync(files.digestFile(0), 'utf8'));
        }
        const local = request.push
            ? undefined
            : { ref: isList(request) ? localTag(request.image, request.key) : imageId };
        return log.success({ imageId, digest, local });
    }
    finally {
        work.remove();
    }
}
/** A CA file given without a directory: buildah and podman read CAs only from a `--cert-dir`. */
function caDir(workDir, request) {
    const registry = request.registry;
    if (!registry?.caFile || registry.certDir)
        return undefined;
    const dir = path.join(workDir, 'certs');
    mkdirSync(dir, { mode: 0o700 });
    copyFileSync(registry.caFile, path.join(dir, 'ca.crt'));
    return dir;
}
/** The buildah or podman builder: one class, since the two differ only in the program they run. */
class ContainersToolBuilder {
    name;
    options;
    description;
    constructor(name, options = {}) {
        this.name = name;
        this.options = options;
        const details = [
            options.storageDriver,
            options.isolation ?? 'chroot',
            options.network && `network ${options.network}`
        ];
        this.description = `${name} (${details.filter(Boolean).join(', ')})`;
    }
    build(request) {
        return containersBuild(this.name, request, this.options);
    }
}

// docker: `docker build` then `docker push` per tag, against whichever daemon DOCKER_HOST names.
// The daemon, not this client, decides how it reaches registries: plain HTTP is its
// `insecure-registries` setting (127.0.0.0/8 is in it by default) and CAs are its
// `/etc/docker/certs.d/<host>/ca.crt`; a request's `insecure`/`certDir` cannot change that here.
// No registry layer cache: the classic builder's `--cache-from` only uses images already pulled.
function sortedPairs(record) {
    return Object.keys(record)
        .sort()
        .map(k => `${k}=${record[k]}`);
}
/** `docker build` arguments; the caller checks that at most one platform is asked for. */
function dockerBuildArgs(request, options, files) {
    const args = ['build', '--file', request.dockerfile];
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length === 1)
        args.push('--platform', request.platforms[0]);
    if (options.network)
        args.push('--network', options.network);
    for (const pair of sortedPairs(request.buildArgs))
        args.push('--build-arg', pair);
    for (const pair of sortedPairs(request.labels))
        args.push('--label', pair);
    for (const tag of [localTag(request.image, request.key), ...request.tags])
        args.push('--tag', tag);
    args.push('--iidfile', files.iidFile, request.context);
    return args;
}
/** One `docker push` per tag (the image is tagged with each by the build). */
function dockerPushArgs(request) {
    return request.push ? request.tags.map(tag => ({ tag, args: ['push', tag] })) : [];
}
/** `docker push` prints `<tag>: digest: sha256:... size: N` when it is done. */
function parseDockerPushDigest(output) {
    const m = /digest: (sha256:[0-9a-f]{64})/.exec(output);
    return m?.[1];
}
class DockerBuilder {
    options;
    name = 'docker';
    description;
    constructor(options = {}) {
        this.options = options;
        this.description = `docker (${options.host ?? process.env.DOCKER_HOST ?? 'default daemon'})`;
    }
    async build(request) {
        const log = new BuildLog(request.onLine);
        if (request.platforms.length > 1) {
            return log.failure(`the docker builder builds one platform, not ${request.platforms.join(', ')}: use builder buildx (or buildah/podman) for several`);
        }
        const command = this.options.command ?? 'docker';
        const work = privateWorkDir();
        try {
            const env = { ...process.env };
            if (this.options.host)
                env.DOCKER_HOST = this.options.host;
            const config = dockerConfigDir(work.dir, request.registry);
            if (config)
                env.DOCKER_CONFIG = config;
            if (request.registry?.insecure || request.registry?.certDir || request.registry?.caFile) {
                log.line(`note: the docker daemon's own settings decide TLS for ${request.registry.host} (insecure-registries, /etc/docker/certs.d)`);
            }
            const files = { iidFile: path.join(work.dir, 'iid') };
            const built = await log.run({
                command,
                args: dockerBuildArgs(request, this.options, files),
                env,
                what: 'docker build'
            });
            if (!built.ok)
                return log.failure(built.error);
            const imageId = normaliseDigest(readFileSync(files.iidFile, 'utf8'));
            if (!imageId)
                return log.failure('docker build wrote no image id');
            let digest;
            for (const push of dockerPushArgs(request)) {
                const pushed = await log.run({
                    command,
                    args: push.args,
                    env,
                    what: `docker push ${push.tag}`
                });
                if (!pushed.ok)
                    return log.failure(pushed.error, { imageId });
                digest ??= parseDockerPushDigest(log.lastStdout);
            }
            // The local tag, not the id: the legacy builder takes both in FROM, but BuildKit (what `docker
            // build` runs when buildx is installed) parses FROM as a reference and rejects `sha256:...`.
            // The tag names the content key, so only a build of the same inputs can move it.
            const local = request.push ? undefined : { ref: localTag(request.image, request.key) };
            return log.success({ imageId, digest, local });
        }
        finally {
            work.remove();
        }
    }
}

const BUILDER_CHOICES = [
    'auto',
    'buildx',
    'docker',
    'podman',
    'buildah'
];
const AUTO_ORDER = ['buildx', 'docker', 'podman', 'buildah'];
/** The first usable builder in `AUTO_ORDER` and the line that explains the choice (pure). */
function chooseBuilder(probes) {
    const chosen = probes.find(p => p.usable);
    if (!chosen)
        return undefined;
    return {
        name: chosen.name,
        reason: `${chosen.name}: ${joinNotes(probes.slice(0, probes.indexOf(chosen) + 1))}`
    };
}
/** The probes' notes in order, each said once (buildx and docker both find no `docker`). */
function joinNotes(probes) {
    return [...new Set(probes.map(p => p.note))].join(', ');
}
/** ` (first line of stderr)`, or nothing when the command said nothing. */
function said(line) {
    return line ? ` (${line})` : '';
}
async function run(command, args, env) {
    try {
        const r = await exec(command, args, { env, timeoutMs: 30000, maxBuffer: 1 << 16 });
        const firstErr = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
        return { found: true, ok: r.code === 0, stdout: r.stdout.toString('utf8'), firstErr };
    }
    catch (e) {
        if (e instanceof SpawnError)
            return { found: false, ok: false, stdout: '', firstErr: '' };
        throw e;
    }
}
function dockerEnv(host) {
    return host ? { ...process.env, DOCKER_HOST: host } : process.env;
}
function storageArgs(o = {}) {
    const args = [];
    if (o.root)
        args.push('--root', o.root);
    if (o.runroot)
        args.push('--runroot', o.runroot);
    if (o.storageDriver)
        args.push('--storage-driver', o.storageDriver);
    return args;
}
/** Probes one builder with real commands (a version, then whether it can work). */
async function probeBuilder(name, options = {}) {
    switch (name) {
        case 'buildx': {
            const o = options.buildx ?? {};
            const docker = o.command ?? 'docker';
            const env = dockerEnv(o.host);
            const version = await run(docker, ['buildx', 'version'], env);
            if (!version.found)
                return { name, usable: false, note: 'docker not found' };
            if (!version.ok)
                return { name, usable: false, note: 'docker buildx not installed' };
            const inspect = await run(docker, ['buildx', 'inspect', ...(o.builder ? [o.builder] : [])], env);
            const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1];
            const status = /^Status:\s*(\S+)/m.exec(inspect.stdout)?.[1];
            if (!inspect.ok || status === 'error') {
                return {
                    name,
                    usable: false,
                    note: `buildx found but its builder is not usable${said(inspect.firstErr || status || '')}`
                };
            }
            const v = version.stdout.trim().split(/\s+/)[1] ?? '';
            return {
                name,
                usable: true,
                driver,
                note: `docker buildx ${v} (driver ${driver ?? 'unknown'})`
            };
        }
        case 'docker': {
            const o = options.docker ?? {};
            const r = await run(o.command ?? 'docker', ['version', '--format', '{{.Server.Version}}'], dockerEnv(o.host));
            if (!r.found)
                return { name, usable: false, note: 'docker not found' };
            if (!r.ok)
                return {
                    name,
                    usable: false,
                    note: `docker found but no daemon reachable${said(r.firstErr)}`
                };
            return { name, usable: true, note: `docker daemon ${r.stdout.trim()}` };
        }
        case 'podman':
        case 'buildah': {
            const o = options[name] ?? {};
            const command = o.command ?? name;
            // `info` opens the storage: a podman that cannot (no user namespaces, bad driver) is not usable.
            const args = name === 'podman'
                ? [...storageArgs(o), 'info', '--format', '{{.Store.GraphDriverName}}']
                : [...storageArgs(o), 'info'];
            const r = await run(command, args);
            if (!r.found)
                return { name, usable: false, note: `${name} not found` };
            if (!r.ok)
                return {
                    name,
                    usable: false,
                    note: `${name} found but \`${name} info\` failed${said(r.firstErr)}`
                };
            return { name, usable: true, note: `${name} found` };
        }
    }
}
/** The builder asked for, or with `auto` the first in `AUTO_ORDER` that works (UserError if none). */
async function detectBuilder(choice, options = {}) {
    if (choice !== 'auto')
        return {
            builder: makeBuilder(choice, options),
            reason: `${choice}: chosen by the builder setting`
        };
    const probes = [];
    for (const name of AUTO_ORDER) {
        const probe = await probeBuilder(name, options);
        probes.push(probe);
        if (probe.usable)
            break;
    }
    const chosen = chooseBuilder(probes);
    if (!chosen) {
        throw new UserError(`no image builder works here: ${joinNotes(probes)}; install docker (with buildx), podman or buildah, or set the builder`);
    }
    const buildx = probes.find(p => p.name === 'buildx');
    const withDriver = chosen.name === 'buildx' && options.buildx?.localOutput === undefined
        ? {
            ...options,
            buildx: {
                ...options.buildx,
                localOutput: buildx?.driver === 'docker' ? 'load' : 'oci-layout'
            }
        }
        : options;
    return { builder: makeBuilder(chosen.name, withDriver), reason: chosen.reason };
}
function makeBuilder(name, options = {}) {
    switch (name) {
        case 'buildx':
            return new BuildxBuilder(options.buildx);
        case 'docker':
            return new DockerBuilder(options.docker);
        case 'podman':
            return new ContainersToolBuilder('podman', options.podman);
        case 'buildah':
            return new ContainersToolBuilder('buildah', options.buildah);
    }
}
/** Detection deferred to the first call and done once: call it only when an image is to be built. */
function lazyBuilder(choice, options = {}) {
    let detected;
    return () => (detected ??= detectBuilder(choice, options));
}

export { AUTO_ORDER, BUILDER_CHOICES, chooseBuilder, detectBuilder, lazyBuilder, makeBuilder, probeBuilder };
