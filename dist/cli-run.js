import * as path from 'node:path';
import { e as exec, S as SpawnError, U as UserError, i as inputsOf, K as KEY_SCHEMA, f as formatDuration, t as textTable, c as counted, n as namedRevisions, p as planLocatedGraph, r as registryConnection, l as listFlag, a as parseTagList } from './cli-cli.js';
import { mkdtempSync, chmodSync, rmSync, existsSync, readFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import * as os from 'node:os';
import { tmpdir, homedir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { c as contentTag, L as LABELS, s as selectImages, b as blockedImages, i as imageJobs, o as openRegistry, p as parseImageList } from './cli-image-names.js';
import { rm, lstat, realpath } from 'node:fs/promises';
import 'node:util';
import 'node:buffer';
import 'node:child_process';
import 'node:module';
import 'path';
import 'node:crypto';
import 'fs';
import 'os';
import 'crypto';
import 'node:http';
import 'node:https';
import 'node:tls';

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

// A process's command, run as GitHub runs a `run:` step: `bash --noprofile --norc -eo pipefail -c
// <script>`. The script is the graph file's text, handed to bash as one argument; nothing is
// built from it. Through exec.ts, whose timeout kills the whole process group.
/** Output kept per process for its log group: the last this-many characters of lines. */
const DEFAULT_MAX_OUTPUT_CHARS = 8 * 1024 * 1024;
class BashProcessRunner {
    maxOutputChars;
    constructor(maxOutputChars = DEFAULT_MAX_OUTPUT_CHARS) {
        this.maxOutputChars = maxOutputChars;
    }
    async run(run) {
        const output = [];
        let chars = 0;
        let droppedLines = 0;
        let first = 0;
        const onLine = (line) => {
            output.push(line);
            chars += line.length + 1;
            // Drop from the front lazily: shifting a large array per line would be quadratic.
            while (chars > this.maxOutputChars && first < output.length - 1) {
                chars -= output[first].length + 1;
                first++;
                droppedLines++;
            }
            if (first > 4096) {
                output.splice(0, first);
                first = 0;
            }
            run.onLine?.(line);
        };
        const result = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run.script], {
            cwd: run.cwd,
            env: run.env,
            timeoutMs: run.timeoutSeconds * 1000,
            onStdoutLine: onLine,
            onStderrLine: onLine,
            // The lines above are the output; exec's own buffers need hold nothing much.
            maxBuffer: 64 * 1024
        });
        return {
            exitCode: result.code,
            signal: result.signal,
            timedOut: result.timedOut,
            output: first > 0 ? output.slice(first) : output,
            droppedLines
        };
    }
}

// How many things a command runs at once: a queue of slots, and the default size (the CPUs).
// Shared by run-processes (processes) and build-images (builds).
/** Waits for a free slot: at most `size` holders at once, served in order of asking. */
class Slots {
    free;
    waiting = [];
    constructor(size) {
        this.free = size;
    }
    async take() {
        if (this.free > 0) {
            this.free--;
            return;
        }
        await new Promise(resolve => this.waiting.push(resolve));
    }
    give() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.free++;
    }
}
/** The number of CPUs this process may use. */
function defaultParallel() {
    return typeof os.availableParallelism === 'function'
        ? os.availableParallelism()
        : Math.max(1, os.cpus().length);
}

// What happened to each image of a run, as data: the build-images command fills it, the renderers
// show it, the action's `results` output is its JSON (render/images.ts imagesToJson).
function imagesFailed(run) {
    return run.images.filter(i => i.status === 'failed').map(i => i.name);
}

// Which images a run builds, reuses, retags or leaves alone: the images of the run (affected or
// not, with their reasons) plus what the registry answered for their content tags -> one step each.
// The registry, not the diff, is the final word: a key already there is never rebuilt, a key missing
// is built when the run needs it (rebuild-missing, or an image a build stands on).
const REASON_KEY_MISSING = 'key not in the registry';
function byName(jobs) {
    const map = new Map();
    for (const job of jobs)
        map.set(job.name, job);
    for (const job of jobs)
        for (const need of job.needs)
            if (!map.has(need))
                throw new Error(`image ${job.name} builds on unknown image ${need}`);
    return map;
}
function unknownSelection(jobs, images) {
    const unknown = images.filter(name => !jobs.has(name));
    if (unknown.length > 0)
        throw new Error(`images: unknown image ${unknown.join(', ')}`);
}
/** The images in scope: all, or the selected ones and every image they build on, transitively. */
function imagesInScope(jobs, images) {
    const map = byName(jobs);
    if (images === undefined)
        return jobs.map(j => j.name);
    unknownSelection(map, images);
    const seen = new Set();
    const visit = (name) => {
        if (seen.has(name))
            return;
        seen.add(name);
        for (const need of map.get(name).needs)
            visit(need);
    };
    images.forEach(visit);
    return jobs.filter(j => seen.has(j.name)).map(j => j.name);
}
/**
 * The images whose content tag the registry is asked about: none without a registry; else every
 * image in scope that the run may build, reuse or retag, and every image those build on (a build
 * needs its bases' digests, or builds them when they are missing).
 */
function imagesToCheck(jobs, options) {
    if (!options.registry)
        return [];
    const rebuildMissing = options.rebuildMissing ?? true;
    const scope = imagesInScope(jobs, options.images);
    // A leg checks all of its scope: its images, and the bases it builds itself when missing.
    if (options.images !== undefined || rebuildMissing || options.retagUnaffected)
        return scope;
    const map = byName(jobs);
    const wanted = new Set();
    const visit = (name) => {
        if (wanted.has(name))
            return;
        wanted.add(name);
        for (const need of map.get(name).needs)
            visit(need);
    };
    for (const name of scope)
        if (map.get(name).affected)
            visit(name);
    return scope.filter(name => wanted.has(name));
}
/**
 * One step per image in scope. `answers` holds the registry's word on each checked key (see
 * imagesToCheck); an image a build stands on whose key is missing (or cannot be taken from a
 * registry) is built first, whether affected or not: a build never stands on a stale or absent base.
 */
function imageSteps(jobs, answers, options) {
    const map = byName(jobs);
    const rebuildMissing = options.rebuildMissing ?? true;
    const scope = imagesInScope(jobs, options.images);
    const selected = new Set(options.images ?? scope);
    const steps = new Map();
    for (const name of scope) {
        const job = map.get(name);
        const key = answers.get(name);
        const step = { name, action: 'unchanged', reasons: [...job.reasons] };
        if (key !== undefined)
            step.key = key;
        if (selected.has(name)) {
            if (job.affected)
                step.action = key === 'usable' ? 'reuse' : 'build';
            else if (key === 'usable')
                step.action = options.retagUnaffected ? 'retag' : 'unchanged';
            else if (key === 'missing' && rebuildMissing) {
                step.action = 'build';
                step.reasons.push(REASON_KEY_MISSING);
            }
        }
        steps.set(name, step);
    }
    // What the builds stand on: a base that is not usable in the registry is built by this run too.
    // Dependents come after their bases in no particular order, so walk from each build upwards.
    const needsBuild = (name, by) => {
        const step = steps.get(name);
        if (step.action === 'build' || step.key === 'usable')
            return;
        step.action = 'build';
        step.reasons.push(options.registry
            ? `${REASON_KEY_MISSING}; ${by} builds on it`
            : `${by} builds on it, and there is no registry to take it from`);
        for (const need of map.get(name).needs)
            needsBuild(need, name);
    };
    for (const name of scope) {
        if (steps.get(name).action !== 'build')
            continue;
        for (const need of map.get(name).needs)
            needsBuild(need, name);
    }
    const ordered = scope.map(name => steps.get(name));
    return { steps: ordered, toBuild: ordered.filter(s => s.action === 'build').map(s => s.name) };
}
/**
 * The images in dependency order (every image after those it builds on), for the run's scheduling
 * and messages. Throws on a cycle: the graph checks reject one before a run.
 */
function dependencyOrder(jobs) {
    const map = byName(jobs);
    const order = [];
    const state = new Map();
    const visit = (name) => {
        const s = state.get(name);
        if (s === 'done')
            return;
        if (s === 'visiting')
            throw new Error(`images build on each other in a cycle through ${name}`);
        state.set(name, 'visiting');
        for (const need of map.get(name).needs)
            visit(need);
        state.set(name, 'done');
        order.push(name);
    };
    for (const job of jobs)
        visit(job.name);
    return order;
}

// Use case: build, push, reuse and tag the images of a run. First ask the registry which content
// keys it already holds (decideImages: the processes the builds need are handled between the two
// calls), then buildImages: in dependency order, independent images in parallel, each build handed
// its bases by digest (or the local image this run made), tags set by putting the exact manifest
// bytes, floating tags moved only forward. Shared by the action (`mode: build`) and `imagegraph run`.
function checkInput(input, ports) {
    if (input.push && !ports.registry)
        throw new UserError('push: pushing images needs a registry; set registry (CLI: --registry)');
}
/** Asks the registry for every content key the run may build on, reuse or retag (concurrently). */
async function decideImages(input, ports) {
    checkInput(input, ports);
    const options = {
        registry: ports.registry !== undefined,
        rebuildMissing: input.rebuildMissing,
        retagUnaffected: input.retagUnaffected,
        images: input.images
    };
    const jobs = new Map(input.jobs.map(j => [j.name, j]));
    const checked = imagesToCheck(input.jobs, options);
    const answers = new Map();
    const manifests = new Map();
    if (ports.registry && checked.length > 0) {
        const usability = await ports.registry.usableMany(checked.map(name => ({
            repository: jobs.get(name).repository,
            tag: contentTag(jobs.get(name).key)
        })));
        checked.forEach((name, i) => {
            const u = usability[i];
            answers.set(name, u.usable ? 'usable' : 'missing');
            if (u.usable)
                manifests.set(name, u.manifest);
            else if (u.reason.kind !== 'manifest-missing')
                ports.reporter.info(`${name}: ${contentTag(jobs.get(name).key)} is in the registry but not usable (${u.reason.kind} ${'digest' in u.reason ? u.reason.digest : ''}); building it`);
        });
        ports.reporter.info(`registry ${ports.registry.host}: ${manifests.size} of ${checked.length} content keys present`);
    }
    const decided = imageSteps(input.jobs, answers, options);
    return { ...decided, manifests };
}
function errorText$1(e) {
    return e instanceof Error ? e.message : String(e);
}
/** Lines of a build kept for the action's log group (the summary keeps only the tail). */
const LOG_GROUP_LINES = 20000;
/** The seq label's value as a number, or undefined when it is not a whole number. */
function seqOf(labels) {
    const text = labels?.[LABELS.seq];
    return text !== undefined && /^(0|[1-9][0-9]{0,8})$/.test(text) ? Number(text) : undefined;
}
/** One run of buildImages: the ports, the input, and what is shared between images. */
class ImagesJob {
    input;
    ports;
    decision;
    builderPromise;
    builderReason;
    /** Per repository: the last {{seq}} number handed out in this run. */
    seqs = new Map();
    constructor(input, ports, decision) {
        this.input = input;
        this.ports = ports;
        this.decision = decision;
    }
    ref(job) {
        return this.ports.registry ? `${this.ports.registry.host}/${job.repository}` : job.repository;
    }
    builder() {
        this.builderPromise ??= this.ports.builder().then(chosen => {
            this.builderReason = `${chosen.builder.description}: ${chosen.reason}`;
            this.ports.reporter.info(`builder ${this.builderReason}`);
            return chosen;
        });
        return this.builderPromise;
    }
    /**
     * The next {{seq}} number of a repository: one more than the highest seq label among its content
     * tags (labels, not tag names: a template may mix {{seq}} with fields that change every run), 0
     * for the first. Numbers handed out in this run count too, so parallel builds never share one.
     */
    nextSeq(repository) {
        const registry = this.ports.registry;
        const previous = this.seqs.get(repository) ??
            (async () => {
                const tags = (await registry.listTags(repository)).filter(t => /^key-[0-9a-f]{64}$/.test(t));
                const labels = await Promise.all(tags.map(t => registry.labels(repository, t)));
                return labels.reduce((max, l) => Math.max(max, seqOf(l) ?? -1), -1);
            })();
        const next = previous.then(n => n + 1);
        this.seqs.set(repository, next);
        return next;
    }
    /**
     * Puts `manifest` under each tag (the exact bytes: the digest stays). A floating tag moves only
     * when the commit built descends from the one it names now (its revision label); otherwise it
     * stays, with a notice. Returns the tags set and the notices.
     */
    async setTags(job, manifest, tags) {
        const registry = this.ports.registry;
        const set = [];
        const notices = [];
        for (const { tag, floating } of tags) {
            if (floating) {
                const head = await registry.headManifest(job.repository, tag);
                if (head && head.digest !== manifest.digest) {
                    const labels = await registry.labels(job.repository, tag);
                    const at = labels?.[LABELS.revision];
                    const stay = await this.floatingStays(at, tag);
                    if (stay) {
                        notices.push(stay);
                        this.ports.reporter.info(`${job.name}: ${stay}`);
                        continue;
                    }
                }
                if (head?.digest === manifest.digest) {
                    set.push(tag);
                    continue;
                }
            }
            await registry.putManifest(job.repository, tag, manifest);
            set.push(tag);
        }
        return { set, notices };
    }
    /** Why a floating tag now at `at` stays where it is; undefined when it may move to the commit. */
    async floatingStays(at, tag) {
        const commit = this.input.commit;
        if (at === undefined)
            return `${tag} stays: the image it names has no ${LABELS.revision} label, so this build cannot tell whether it is newer (move it with imagegraph retag)`;
        if (at === commit)
            return undefined;
        const descends = await this.ports.git.isAncestor(at, commit);
        if (descends === true)
            return undefined;
        if (descends === false)
            return `${tag} stays at ${at}: ${commit} does not descend from it (floating tags only move forward; move it with imagegraph retag)`;
        return `${tag} stays at ${at}: that commit is not in the local history, so this build cannot tell whether ${commit} descends from it (fetch more history: actions/checkout fetch-depth: 0)`;
    }
    /** The version tags this run gives an image; the content tag is always set apart. */
    versionTags(job, seq) {
        const content = contentTag(job.key);
        const seen = new Set([content]);
        return job.tags.render(seq).filter(t => !seen.has(t.tag) && seen.add(t.tag));
    }
    labels(job, tags, seq) {
        const version = this.input.version ?? tags.find(t => !t.floating)?.tag ?? contentTag(job.key);
        const labels = {
            [LABELS.revision]: this.input.commit,
            [LABELS.version]: version,
            [LABELS.created]: this.input.created,
            [LABELS.title]: job.name,
            [LABELS.key]: job.key
        };
        if (this.input.source)
            labels[LABELS.source] = this.input.source;
        if (job.reasons.length > 0)
            labels[LABELS.reason] = job.reasons[0];
        if (seq !== undefined)
            labels[LABELS.seq] = String(seq);
        return labels;
    }
    /** Builds one image whose bases are done; pushes and tags it when the run pushes. */
    async build(job, step, bases) {
        const started = performance.now();
        const result = {
            name: job.name,
            status: 'failed',
            ref: this.ref(job),
            tags: [],
            key: job.key,
            reasons: step.reasons,
            seconds: 0
        };
        const finish = (outcome = {}) => {
            result.seconds = Math.round((performance.now() - started) / 100) / 10;
            const failed = result.status === 'failed';
            return { result, causes: failed ? [`image ${job.name} failed`] : [], ...outcome };
        };
        const fail = (error, logTail) => {
            result.status = 'failed';
            result.error = error;
            if (logTail)
                result.logTail = logTail.slice(-30);
            this.ports.reporter.info(`${job.name}: failed: ${error}`);
            return finish();
        };
        const buildArgs = { ...job.buildArgs };
        const localBases = [];
        for (const [arg, image] of Object.entries(job.imageArgs)) {
            const base = bases.get(image);
            if (base?.byDigest)
                buildArgs[arg] = base.byDigest;
            else if (base?.local) {
                buildArgs[arg] = base.local.ref;
                localBases.push(base.local);
            }
            else
                return fail(`no reference for ${arg}: image ${image} is neither in the registry nor built by this run`);
        }
        const push = this.input.push;
        const registry = this.ports.registry;
        let seq;
        try {
            if (push && job.tags.usesSeq)
                seq = await this.nextSeq(job.repository);
        }
        catch (e) {
            return fail(`reading the {{seq}} numbers of ${this.ref(job)}: ${errorText$1(e)}`);
        }
        const tags = this.versionTags(job, seq);
        let builder;
        try {
            builder = (await this.builder()).builder;
        }
        catch (e) {
            return fail(errorText$1(e));
        }
        const content = contentTag(job.key);
        const live = this.ports.reporter.processLine?.bind(this.ports.reporter);
        const lines = [];
        let dropped = 0;
        this.ports.reporter.info(`${job.name}: building (${step.reasons[0] ?? 'needed'})`);
        const built = await builder.build({
            image: job.name,
            key: job.key,
            context: job.context,
            dockerfile: job.dockerfile,
            ...(job.target !== undefined ? { target: job.target } : {}),
            platforms: job.platforms,
            buildArgs,
            labels: this.labels(job, tags, seq),
            // The content tag only: version tags are put on the manifest the registry then holds.
            tags: push ? [`${this.ref(job)}:${content}`] : [],
            push,
            // Default: the registry's host over verified TLS, credentials from the builder's own config.
            ...(this.input.connection || registry
                ? { registry: this.input.connection ?? { host: registry.host } }
                : {}),
            ...(this.input.layerCache ? { cache: this.input.layerCache } : {}),
            ...(localBases.length > 0 ? { localBases } : {}),
            onLine: line => {
                if (live)
                    return live(job.name, line);
                lines.push(line);
                if (lines.length > LOG_GROUP_LINES) {
                    lines.shift();
                    dropped++;
                }
            }
        });
        if (!live) {
            if (dropped > 0)
                lines.unshift(`[imagegraph: ${dropped} earlier lines were not kept]`);
            this.ports.reporter.group(`${job.name}: ${built.ok ? 'built' : `failed (${built.error ?? 'build failed'})`}`, lines);
        }
        if (!built.ok)
            return fail(built.error ?? 'the build failed', built.logTail);
        if (!push || !registry) {
            result.status = 'built';
            if (built.imageId)
                result.imageId = built.imageId;
            return finish(built.local ? { local: built.local } : {});
        }
        // The digest is the registry's word, not the builder's.
        try {
            const head = await registry.headManifest(job.repository, content);
            if (!head)
                return fail(`pushed, but ${this.ref(job)}:${content} is not in the registry`);
            result.digest = head.digest;
            result.tags = [content];
            if (tags.length > 0) {
                const manifest = await registry.getManifest(job.repository, head.digest);
                if (!manifest)
                    return fail(`pushed, but ${this.ref(job)}@${head.digest} is not in the registry`);
                const { set, notices } = await this.setTags(job, manifest, tags);
                result.tags.push(...set);
                if (notices.length > 0)
                    result.notices = notices;
            }
        }
        catch (e) {
            return fail(`pushed, but tagging failed: ${errorText$1(e)}`);
        }
        result.status = 'pushed';
        this.ports.reporter.info(`${job.name}: pushed ${this.ref(job)}@${result.digest}`);
        return finish({ byDigest: `${this.ref(job)}@${result.digest}` });
    }
    /** An image whose content tag is usable: the run's tags go on that manifest when it pushes. */
    async reuse(job, step) {
        const started = performance.now();
        const manifest = this.decision.manifests.get(job.name);
        const content = contentTag(job.key);
        const result = {
            name: job.name,
            status: step.action === 'reuse' ? 'reused' : 'unchanged',
            ref: this.ref(job),
            digest: manifest.digest,
            tags: [content],
            key: job.key,
            reasons: step.reasons,
            seconds: 0
        };
        try {
            if (step.action === 'retag' && !this.input.push)
                return this.unchanged(job, step);
            // Labels give where a reuse was built from, and the number of a {{seq}} tag.
            const labels = step.action === 'reuse' || job.tags.usesSeq
                ? await this.ports.registry.labels(job.repository, content)
                : undefined;
            const from = labels?.[LABELS.revision];
            if (step.action === 'reuse' && from)
                result.builtFrom = from;
            if (this.input.push) {
                const tags = this.versionTags(job, job.tags.usesSeq ? seqOf(labels) : undefined);
                const { set, notices } = await this.setTags(job, manifest, tags);
                result.tags.push(...set);
                if (notices.length > 0)
                    result.notices = notices;
            }
        }
        catch (e) {
            result.status = 'failed';
            result.error = `tagging the existing ${content} failed: ${errorText$1(e)}`;
        }
        result.seconds = Math.round((performance.now() - started) / 100) / 10;
        if (result.status !== 'failed')
            this.ports.reporter.info(`${job.name}: ${result.status === 'reused' ? 'reused' : 'tagged'} ${content}${result.builtFrom ? ` (built from ${result.builtFrom})` : ''}${result.tags.length > 1 ? `; tags ${result.tags.slice(1).join(', ')}` : ''}`);
        return {
            result,
            causes: result.status === 'failed' ? [`image ${job.name} failed`] : [],
            byDigest: `${this.ref(job)}@${manifest.digest}`
        };
    }
    unchanged(job, step) {
        const manifest = this.decision.manifests.get(job.name);
        const result = {
            name: job.name,
            status: 'unchanged',
            ref: this.ref(job),
            ...(manifest ? { digest: manifest.digest } : {}),
            tags: manifest ? [contentTag(job.key)] : [],
            key: job.key,
            reasons: step.reasons,
            seconds: 0
        };
        return {
            result,
            causes: [],
            ...(manifest ? { byDigest: `${this.ref(job)}@${manifest.digest}` } : {})
        };
    }
    skipped(job, step, causes) {
        const error = `skipped: ${causes.join('; ')}`;
        this.ports.reporter.info(`${job.name}: ${error}`);
        return {
            result: {
                name: job.name,
                status: 'skipped',
                ref: this.ref(job),
                tags: [],
                key: job.key,
                reasons: step.reasons,
                seconds: 0,
                error
            },
            causes
        };
    }
}
/**
 * Builds, reuses and tags the images of the run (decideImages first, or pass its decision when the
 * processes were handled in between). A failed build skips the images built on it and nothing
 * else; the caller fails the step when any failed (imagesFailed).
 */
async function buildImages(input, ports, decision) {
    checkInput(input, ports);
    const parallel = input.parallel ?? defaultParallel();
    if (!Number.isInteger(parallel) || parallel < 1)
        throw new UserError(`parallel: ${parallel} is not allowed; give a whole number of at least 1`);
    const decided = decision ?? (await decideImages(input, ports));
    const run = new ImagesJob(input, ports, decided);
    const jobs = new Map(input.jobs.map(j => [j.name, j]));
    const steps = new Map(decided.steps.map(s => [s.name, s]));
    const slots = new Slots(parallel);
    const outcomes = new Map();
    for (const name of dependencyOrder(input.jobs)) {
        const step = steps.get(name);
        if (!step)
            continue; // not in this leg's scope
        const job = jobs.get(name);
        outcomes.set(name, (async () => {
            const needs = job.needs.filter(n => outcomes.has(n));
            const bases = new Map();
            for (const need of needs)
                bases.set(need, await outcomes.get(need));
            if (step.action !== 'build') {
                return step.action === 'unchanged' ? run.unchanged(job, step) : run.reuse(job, step);
            }
            const causes = [...new Set([...bases.values()].flatMap(b => b.causes))];
            const blocked = input.blocked?.[name];
            if (blocked !== undefined)
                causes.unshift(blocked);
            if (causes.length > 0)
                return run.skipped(job, step, causes);
            await slots.take();
            try {
                return await run.build(job, step, bases);
            }
            catch (e) {
                return {
                    result: {
                        name,
                        status: 'failed',
                        ref: run.ref(job),
                        tags: [],
                        key: job.key,
                        reasons: step.reasons,
                        seconds: 0,
                        error: errorText$1(e)
                    },
                    causes: [`image ${name} failed`]
                };
            }
            finally {
                slots.give();
            }
        })());
    }
    const images = [];
    for (const step of decided.steps)
        images.push((await outcomes.get(step.name)).result);
    const digests = {};
    for (const image of images)
        if (image.digest)
            digests[image.name] = `${image.ref}@${image.digest}`;
    return {
        ...(ports.registry ? { registry: ports.registry.host } : {}),
        push: input.push,
        ...(run.builderReason ? { builder: run.builderReason } : {}),
        images,
        digests
    };
}

// A process's declared outputs in the working tree: cleared before it runs, checked after.
/**
 * The deepest existing directory above `output`, resolved, must lie inside the repository: a
 * symlinked parent (`build -> /`) must never make a removal reach outside it.
 */
async function insideRepository(repository, output) {
    const root = await realpath(repository);
    let dir = path.dirname(path.join(repository, output));
    for (;;) {
        try {
            const real = await realpath(dir);
            return real === root || real.startsWith(`${root}${path.sep}`);
        }
        catch {
            const up = path.dirname(dir);
            if (up === dir)
                return false;
            dir = up;
        }
    }
}
/** Removes each output (file, directory or symlink itself); throws naming one that leaves the repository. */
async function removeOutputs(repository, outputs) {
    for (const output of outputs) {
        if (!(await insideRepository(repository, output)))
            throw new Error(`output '${output}' lies under a symlink that leaves the repository`);
        await rm(path.join(repository, output), { recursive: true, force: true });
    }
}
/** The declared outputs that do not exist (a dangling symlink counts as existing: it was written). */
async function missingOutputs(repository, outputs) {
    const missing = [];
    for (const output of outputs) {
        try {
            await lstat(path.join(repository, output));
        }
        catch {
            missing.push(output);
        }
    }
    return missing;
}

/** Passed as they are: what commands need to find tools and a home, and what CI scripts test. */
const PASSED_NAMES = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'TMPDIR',
    'LANG',
    'LANGUAGE',
    'TZ',
    'CI'
]);
/** Passed by prefix: the runner's description of the run (GITHUB_SHA, RUNNER_TEMP, ...), locales. */
const PASSED_PREFIXES = ['GITHUB_', 'RUNNER_', 'LC_'];
/**
 * Never passed, though the prefix matches: the workflow's file commands (a process is no workflow
 * step: it must not set the next step's environment, outputs or PATH) and anything that looks
 * like a credential. A process that needs one names it in `pass-env`.
 */
const WITHHELD_NAMES = new Set([
    'GITHUB_TOKEN',
    'GITHUB_ENV',
    'GITHUB_OUTPUT',
    'GITHUB_PATH',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY'
]);
const CREDENTIAL_LIKE = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|_KEY$/i;
/** Whether a variable of the caller's environment reaches every process without being asked for. */
function isPassedByDefault(name) {
    if (WITHHELD_NAMES.has(name) || CREDENTIAL_LIKE.test(name))
        return false;
    return PASSED_NAMES.has(name) || PASSED_PREFIXES.some(prefix => name.startsWith(prefix));
}
/**
 * The runner's variables first, then the passed ones, then the process's own `env` (which wins:
 * it is in the key). The reader forbids a name in both `env` and `pass-env`.
 */
function processEnvironment(callerEnv, node) {
    const env = {};
    for (const [name, value] of Object.entries(callerEnv))
        if (value !== undefined && isPassedByDefault(name))
            env[name] = value;
    const passed = {};
    const missing = [];
    for (const name of node.passEnv) {
        const value = callerEnv[name];
        if (value === undefined)
            missing.push(name);
        else
            passed[name] = env[name] = value;
    }
    Object.assign(env, node.env);
    return { env, passed, missing };
}

// What happened to each process of a run, as data: the command fills it, the renderers show it,
// the action's `processes` output is its JSON.
/** How many lines of a failed process's output the results keep. */
function processesFailed(run) {
    return run.processes.filter(p => p.outcome === 'failed').map(p => p.name);
}
/** The action's `processes` output and `imagegraph run --json`'s processes part. */
function processesToJson(run) {
    const named = (outcome) => run.processes.filter(p => p.outcome === outcome).map(p => p.name);
    return {
        schema: 'imagegraph-processes/v1',
        cache: run.cache,
        saveCache: run.saveCache,
        processes: Object.fromEntries(run.processes.map(({ name, ...rest }) => [name, rest])),
        hit: named('hit'),
        ran: named('ran'),
        failed: named('failed'),
        skipped: named('skipped')
    };
}

// Which processes a run handles, and in what order: the plan plus the images the run will build
// -> processes to restore or run, in levels (every process after the processes it reads).
/** `imagegraph-key/v1` -> `v1`: entries of another key schema are never read. */
const KEY_SCHEMA_VERSION = KEY_SCHEMA.slice(KEY_SCHEMA.lastIndexOf('/') + 1);
/** The cache entry key of a process's outputs, e.g. `imagegraph-v1-process-render-<key>`. */
function processCacheKey(name, key) {
    return `imagegraph-${KEY_SCHEMA_VERSION}-process-${name}-${key}`;
}
/**
 * The processes to handle: the upstream processes of every image the run builds (affected or not:
 * an image needs its inputs' outputs in place), the affected processes that feed no image at all,
 * and the upstream processes of those (a process runs with its inputs' outputs in place). Nothing
 * else: an affected process that feeds only images this run does not build is left alone.
 */
function processSteps(plan, imagesToBuild) {
    const graph = plan.graph;
    for (const name of imagesToBuild) {
        const node = graph.nodes.get(name);
        if (!node || node.kind !== 'image')
            throw new UserError(`images to build: '${name}' is not an image of ${plan.graphFile}`);
    }
    const neededBy = new Map();
    const handled = new Set();
    const addUpstream = (name, image) => {
        const node = graph.nodes.get(name);
        if (node.kind !== 'process')
            return;
        if (image) {
            const set = neededBy.get(name) ?? new Set();
            if (set.has(image))
                return;
            set.add(image);
            neededBy.set(name, set);
        }
        else if (handled.has(name))
            return;
        handled.add(name);
        for (const input of node.inputs)
            addUpstream(input, image);
    };
    for (const image of imagesToBuild) {
        const node = graph.nodes.get(image);
        // An image input is built by this run (its processes come with it) or already exists.
        if (node.kind === 'image')
            for (const input of inputsOf(node))
                addUpstream(input, image);
    }
    // Whether a process's outputs reach any image, through other processes or directly.
    const feedsImage = new Map();
    for (const node of graph.nodes.values())
        if (node.kind === 'process')
            feedsImage.set(node.name, false);
    // Consumers before their inputs, so that a process is decided before the processes it reads.
    for (const name of [...plan.order].reverse()) {
        const node = graph.nodes.get(name);
        if (node.kind === 'config')
            continue;
        const reaches = node.kind === 'image' || feedsImage.get(name) === true;
        if (!reaches)
            continue;
        for (const input of inputsOf(node))
            if (feedsImage.has(input))
                feedsImage.set(input, true);
    }
    for (const [name, feeds] of feedsImage)
        if (!feeds && plan.nodes.get(name).affected)
            addUpstream(name);
    const levelOf = new Map();
    const levels = [];
    const notNeeded = [];
    for (const name of plan.order) {
        const node = graph.nodes.get(name);
        if (node.kind !== 'process')
            continue;
        if (!handled.has(name)) {
            notNeeded.push(name);
            continue;
        }
        const after = node.inputs.filter(input => handled.has(input));
        const level = after.reduce((l, input) => Math.max(l, levelOf.get(input) + 1), 0);
        levelOf.set(name, level);
        const planned = plan.nodes.get(name);
        (levels[level] ??= []).push({
            name,
            key: planned.key,
            cacheKey: processCacheKey(name, planned.key),
            affected: planned.affected,
            neededBy: imagesToBuild.filter(image => neededBy.get(name)?.has(image)),
            after,
            level,
            node
        });
    }
    return { levels, notNeeded };
}

// Use case: put in place the outputs of every process the run needs: restore each from the cache
// by its content key, run it on a miss (after the processes it reads), check and save what it
// wrote. Shared by the action (`mode: build`) and the CLI (`imagegraph run`); image builds follow.
/** The graph file's directory: outputs, cache paths and commands are relative to it. */
function graphRoot(input) {
    return path.join(input.repository, path.dirname(input.plan.graphFile));
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
/** Replaces every passed value (and each line of a multi-line one) by `***`. */
function redactor(secrets) {
    const parts = [...new Set(secrets.flatMap(s => [s, ...s.split(/\r?\n/)]))]
        .filter(s => s.length > 0)
        .sort((a, b) => b.length - a.length);
    if (parts.length === 0)
        return line => line;
    return line => {
        for (const part of parts)
            line = line.split(part).join('***');
        return line;
    };
}
function quoteList(names) {
    return names.map(n => `'${n}'`).join(', ');
}
function failedMessage(r) {
    if (r.timedOut)
        return `timed out after ${formatDuration(r.timeoutSeconds)}; killed with its children`;
    if (r.exitCode === null)
        return `killed by ${r.signal ?? 'a signal'}`;
    return `exited with code ${r.exitCode}`;
}
/** One process, its inputs' outputs already in place: restore, or run, check and save. */
async function handle(step, input, ports) {
    const { cache, runner, reporter } = ports;
    const node = step.node;
    const outputs = node.outputs;
    const started = performance.now();
    const result = {
        name: step.name,
        outcome: 'failed',
        key: step.key,
        cacheKey: step.cacheKey,
        affected: step.affected,
        neededBy: step.neededBy,
        bytesRestored: 0,
        bytesSaved: 0,
        seconds: 0,
        cacheWarnings: []
    };
    const done = (outcome, message) => {
        result.outcome = outcome;
        if (message !== undefined)
            result.message = message;
        result.seconds = Math.round((performance.now() - started) / 100) / 10;
        return result;
    };
    const cacheWarning = (what, text) => {
        const line = `${what} ${step.cacheKey} (${cache.description}): ${text}`;
        result.cacheWarnings.push(line);
        reporter.warning(`process ${step.name}: ${line}`);
    };
    // What is there now may be stale or half-written: only a restore or a run puts outputs back.
    try {
        await removeOutputs(graphRoot(input), outputs);
    }
    catch (e) {
        return done('failed', errorText(e));
    }
    // A process without outputs has nothing to restore: it runs whenever it is handled.
    if (outputs.length > 0) {
        try {
            const restored = await cache.restore(step.cacheKey, [...outputs], graphRoot(input));
            if (restored.warning)
                cacheWarning('restore', restored.warning);
            if (restored.hit) {
                const missing = await missingOutputs(graphRoot(input), outputs);
                if (missing.length === 0) {
                    result.bytesRestored = restored.bytes ?? 0;
                    reporter.info(`${step.name}: restored from the cache (${step.cacheKey})`);
                    return done('hit');
                }
                cacheWarning('restore', `the entry lacks ${quoteList(missing)}; running the process`);
                await removeOutputs(graphRoot(input), outputs);
            }
        }
        catch (e) {
            cacheWarning('restore', errorText(e));
        }
    }
    const environment = processEnvironment(input.callerEnv, node);
    const secrets = Object.values(environment.passed);
    for (const value of secrets)
        if (value !== '')
            reporter.mask(value);
    for (const name of environment.missing)
        reporter.warning(`process ${step.name}: pass-env ${name} is not set in the environment`);
    const redact = redactor(secrets);
    const live = reporter.processLine?.bind(reporter);
    let lines = [];
    let failure;
    try {
        const run = await runner.run({
            name: step.name,
            script: node.run,
            cwd: graphRoot(input),
            env: environment.env,
            timeoutSeconds: node.timeoutSeconds,
            ...(live ? { onLine: (line) => live(step.name, redact(line)) } : {})
        });
        lines = run.output.map(redact);
        if (run.droppedLines > 0)
            lines.unshift(`[imagegraph: ${run.droppedLines} earlier lines of output were not kept]`);
        if (run.timedOut || run.exitCode !== 0)
            failure = failedMessage({ ...run, timeoutSeconds: node.timeoutSeconds });
    }
    catch (e) {
        failure = e instanceof SpawnError ? e.message : `could not run: ${errorText(e)}`;
    }
    if (failure === undefined) {
        const missing = await missingOutputs(graphRoot(input), outputs);
        if (missing.length > 0)
            failure =
                missing.length === 1
                    ? `declared output ${quoteList(missing)} was not written`
                    : `declared outputs ${quoteList(missing)} were not written`;
    }
    if (failure !== undefined) {
        // Nothing half-made may reach an image or a later run.
        await removeOutputs(graphRoot(input), outputs).catch(() => undefined);
        result.outputTail = lines.slice(-30);
        done('failed', failure);
    }
    else {
        // Saved at once, so that what finished survives a later failure in the same run.
        if (input.saveCache && outputs.length > 0) {
            try {
                const saved = await cache.save(step.cacheKey, [...outputs], graphRoot(input));
                if (saved.warning)
                    cacheWarning('save', saved.warning);
                if (saved.saved)
                    result.bytesSaved = saved.bytes ?? 0;
            }
            catch (e) {
                cacheWarning('save', errorText(e));
            }
        }
        done('ran');
    }
    const title = `${step.name}: ${result.outcome === 'ran' ? 'ran' : `failed (${failure})`} in ${result.seconds}s`;
    if (live)
        reporter.info(title);
    else
        reporter.group(title, lines);
    return result;
}
/**
 * Restores or runs the processes the run needs, in dependency order, independent ones in
 * parallel. A failed process skips the processes that read it, and nothing else; the caller
 * fails the step when any failed (see processesFailed). Cache trouble is a warning, never a failure.
 */
async function runProcesses(input, ports) {
    const parallel = input.parallel ?? defaultParallel();
    if (!Number.isInteger(parallel) || parallel < 1)
        throw new UserError(`parallel: ${parallel} is not allowed; give a whole number of at least 1`);
    const steps = processSteps(input.plan, input.imagesToBuild);
    const slots = new Slots(parallel);
    /** Per handled process: its result, and the failed processes that caused a skip. */
    const running = new Map();
    for (const step of steps.levels.flat()) {
        running.set(step.name, (async () => {
            const upstream = await Promise.all(step.after.map(name => running.get(name)));
            const failedRoots = [...new Set(upstream.flatMap(u => u.failedRoots))];
            if (failedRoots.length > 0) {
                const message = `skipped: ${failedRoots.length === 1 ? 'process' : 'processes'} ${failedRoots.join(', ')} failed`;
                ports.reporter.info(`${step.name}: ${message}`);
                const result = {
                    name: step.name,
                    outcome: 'skipped',
                    key: step.key,
                    cacheKey: step.cacheKey,
                    affected: step.affected,
                    neededBy: step.neededBy,
                    bytesRestored: 0,
                    bytesSaved: 0,
                    seconds: 0,
                    message,
                    cacheWarnings: []
                };
                return { result, failedRoots };
            }
            await slots.take();
            try {
                const result = await handle(step, input, ports);
                return { result, failedRoots: result.outcome === 'failed' ? [step.name] : [] };
            }
            finally {
                slots.give();
            }
        })());
    }
    const handled = new Map();
    for (const [name, promise] of running)
        handled.set(name, (await promise).result);
    const processes = [];
    for (const name of input.plan.order) {
        const node = input.plan.graph.nodes.get(name);
        if (node.kind !== 'process')
            continue;
        const planned = input.plan.nodes.get(name);
        processes.push(handled.get(name) ?? {
            name,
            outcome: 'not-needed',
            key: planned.key,
            affected: planned.affected,
            neededBy: [],
            bytesRestored: 0,
            bytesSaved: 0,
            seconds: 0,
            cacheWarnings: []
        });
    }
    return { cache: ports.cache.description, saveCache: input.saveCache, processes };
}

/** The images as jobs, every tag rendered and every name checked (throws before anything runs). */
function jobsOf(request) {
    return imageJobs({
        plan: request.plan,
        root: request.root,
        names: request.names,
        ...(request.registry ? { registry: request.registry } : {}),
        ...(request.tags ? { tags: request.tags } : {}),
        tagsLabel: request.labels.tags,
        registryLabel: request.labels.registry
    });
}
async function runJob(request, ports) {
    const { plan } = request;
    const { reporter } = ports;
    const images = request.images && request.images.length > 0
        ? selectImages(request.images, plan.graph, request.labels.images)
        : undefined;
    // Every tag rendered and every name checked before the registry is asked or a process runs.
    const { jobs, registryHost, notes } = jobsOf(request);
    for (const note of notes)
        reporter.info(note);
    const registry = registryHost !== undefined ? ports.registry(registryHost) : undefined;
    const input = {
        jobs,
        commit: request.names.commit,
        created: request.created,
        ...(request.source ? { source: request.source } : {}),
        ...(request.names.version ? { version: request.names.version } : {}),
        push: request.push,
        ...(request.rebuildMissing !== undefined ? { rebuildMissing: request.rebuildMissing } : {}),
        ...(request.retagUnaffected !== undefined ? { retagUnaffected: request.retagUnaffected } : {}),
        ...(images ? { images } : {}),
        ...(request.parallel !== undefined ? { parallel: request.parallel } : {}),
        ...(registryHost !== undefined
            ? { connection: { ...request.connection, host: registryHost } }
            : {}),
        ...(request.layerCache ? { layerCache: request.layerCache } : {})
    };
    const buildPorts = {
        ...(registry ? { registry } : {}),
        reporter,
        builder: ports.builder,
        git: ports.git
    };
    const decision = await decideImages(input, buildPorts);
    const processes = await runProcesses({
        plan,
        imagesToBuild: decision.toBuild,
        repository: request.repository,
        saveCache: request.saveCache,
        ...(request.parallel !== undefined ? { parallel: request.parallel } : {}),
        callerEnv: request.callerEnv
    }, { cache: ports.cache, runner: ports.runner, reporter });
    const problems = new Map();
    for (const p of processes.processes)
        if (p.outcome === 'failed' || p.outcome === 'skipped')
            problems.set(p.name, p.outcome === 'failed' ? 'failed' : 'was skipped');
    const blocked = blockedImages(plan.graph, decision.toBuild, problems);
    const built = await buildImages({ ...input, ...(Object.keys(blocked).length > 0 ? { blocked } : {}) }, buildPorts, decision);
    return { processes, images: built, notes };
}

// Which cache backend a run uses: the `cache` input / `--cache` flag (`gha | local:DIR | none`), or
// the default for where it runs. Pure: the environment is passed in.
/** Parse `gha`, `local:DIR` or `none`; `source` names the input or flag for the error message. */
function parseCacheSpec(value, source) {
    const v = value.trim();
    if (v === 'gha')
        return { kind: 'gha' };
    if (v === 'none')
        return { kind: 'none' };
    if (v.startsWith('local:')) {
        const dir = v.slice('local:'.length);
        if (dir === '')
            throw new UserError(`${source}: 'local:' needs a directory, e.g. local:/var/cache/imagegraph`);
        return { kind: 'local', dir };
    }
    throw new UserError(`${source}: ${JSON.stringify(value)} is not a cache backend; use gha, local:DIR or none`);
}
function formatCacheSpec(spec) {
    return spec.kind === 'local' ? `local:${spec.dir}` : spec.kind;
}
/** True when the runner provides the Actions cache service that `@actions/cache` talks to. */
function hasActionsCacheService(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    return env.ACTIONS_CACHE_SERVICE_V2 ? !!env.ACTIONS_RESULTS_URL : !!env.ACTIONS_CACHE_URL;
}
/** The per-user cache directory of the platform (XDG on Linux), or undefined when unknown. */
function userCacheDir(env, platform) {
    if (platform === 'win32')
        return env.LOCALAPPDATA || undefined;
    if (platform === 'darwin')
        return env.HOME ? path.join(env.HOME, 'Library', 'Caches') : undefined;
    if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME))
        return env.XDG_CACHE_HOME;
    return env.HOME ? path.join(env.HOME, '.cache') : undefined;
}
/**
 * The backend when none is asked for: the Actions cache when the runner provides it; otherwise the
 * CLI keeps entries under the user's cache directory, and the action caches nothing.
 */
function defaultCacheSpec(env, caller, platform) {
    if (hasActionsCacheService(env))
        return { spec: { kind: 'gha' }, reason: 'the runner provides the Actions cache service' };
    {
        const dir = userCacheDir(env, platform);
        if (dir)
            return {
                spec: { kind: 'local', dir: path.join(dir, 'imagegraph') },
                reason: "the user's cache directory"
            };
        return { spec: { kind: 'none' }, reason: 'no user cache directory (HOME is not set)' };
    }
}
/** The backend asked for (by input or flag, named `source`), else the default for the caller. */
function chooseCacheSpec(value, source, env, caller, platform) {
    if (!value)
        return defaultCacheSpec(env, caller, platform);
    const spec = parseCacheSpec(value, source);
    if (spec.kind === 'gha' && !hasActionsCacheService(env))
        throw new UserError(`${source}: gha needs the Actions cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL), which this run does not have; use local:DIR or none`);
    return { spec, reason: source };
}

// The results of the images of a run for people and for later steps: a headline, a markdown section
// for the job summary and PR comment, a short text for the CLI, and the `results` output's JSON.
// Names, tags, reasons and build output come from the repository: inert text (markdown.ts).
function count(run, ...statuses) {
    return run.images.filter(i => statuses.includes(i.status)).length;
}
/**
 * `built 3 · pushed 3 · reused 1 · unchanged 35 · failed 0`: built counts every image this run built,
 * pushed or not; skipped is shown when there are any.
 */
function imagesHeadline(run) {
    const parts = [
        `built ${count(run, 'built', 'pushed')}`,
        `pushed ${count(run, 'pushed')}`,
        `reused ${count(run, 'reused')}`,
        `unchanged ${count(run, 'unchanged')}`,
        `failed ${count(run, 'failed')}`
    ];
    const skipped = count(run, 'skipped');
    if (skipped > 0)
        parts.push(`skipped ${skipped}`);
    return parts.join(' · ');
}
function shortDigest(digest) {
    return digest ? `${digest.slice(0, 'sha256:'.length + 12)}` : '';
}
/** The tags shown: the version tags, and the content tag only when there is nothing else. */
function shownTags(image) {
    const version = image.tags.filter(t => !t.startsWith('key-'));
    return version.length > 0 ? version : image.tags.slice(0, 1);
}
/** Why, in one line: the first reason (and how many more), where it came from, what went wrong. */
function why(image) {
    const parts = [];
    if (image.error)
        parts.push(image.error);
    if (image.reasons.length > 0)
        parts.push(image.reasons.length > 1
            ? `${image.reasons[0]} (+${image.reasons.length - 1} more)`
            : image.reasons[0]);
    if (image.builtFrom)
        parts.push(`built from ${image.builtFrom.slice(0, 12)}`);
    for (const notice of image.notices ?? [])
        parts.push(notice);
    return parts.join('; ');
}
/** The CLI's text: the headline, one row per image the run did something with, failures' tails. */
function imagesText(run) {
    const lines = [
        `images: ${imagesHeadline(run)} (${run.registry ?? 'no registry'}${run.push ? '' : ', not pushed'})`
    ];
    const listed = run.images.filter(i => i.status !== 'unchanged' || i.tags.length > 1);
    if (listed.length > 0) {
        const rows = [
            ['IMAGE', 'STATUS', 'DIGEST', 'TAGS', 'WHY'],
            ...listed.map(i => [
                i.name,
                i.status,
                shortDigest(i.digest) || (i.imageId ? `local ${i.imageId.slice(7, 19)}` : ''),
                shownTags(i).join(','),
                why(i)
            ])
        ];
        const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
        for (const r of rows)
            lines.push(r
                .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
                .join('  ')
                .trimEnd());
    }
    for (const image of run.images) {
        if (image.status !== 'failed')
            continue;
        lines.push('', `${image.name} failed: ${image.error ?? ''}`);
        for (const l of image.logTail ?? [])
            lines.push(`  | ${l}`);
    }
    return `${lines.join('\n')}\n`;
}
/** The action's `results` output (and `imagegraph run --json`'s images part): keyed by image name. */
function imagesToJson(run) {
    return Object.fromEntries(run.images.map(({ name, ...rest }) => [name, rest]));
}

const OUTCOME_WORDS = {
    ran: 'ran',
    hit: 'restored',
    failed: 'failed',
    skipped: 'skipped',
    'not-needed': 'not needed'
};
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
/** "2 ran, 3 restored, 1 failed, 1 skipped, 4 not needed" (outcomes with none left out). */
function processCounts(run) {
    const parts = [];
    for (const outcome of Object.keys(OUTCOME_WORDS)) {
        const n = run.processes.filter(p => p.outcome === outcome).length;
        if (n > 0)
            parts.push(`${n} ${OUTCOME_WORDS[outcome]}`);
    }
    return parts.length > 0 ? parts.join(', ') : 'no processes';
}
function bytesCell(p) {
    if (p.bytesRestored > 0)
        return `${formatBytes(p.bytesRestored)} restored`;
    if (p.bytesSaved > 0)
        return `${formatBytes(p.bytesSaved)} saved`;
    return '';
}
function note(p) {
    const parts = [];
    if (p.message)
        parts.push(p.message);
    if (p.outcome === 'ran' || p.outcome === 'hit') {
        if (p.affected)
            parts.push('affected');
        else if (p.neededBy.length > 0)
            parts.push(`needed by ${p.neededBy.join(', ')}`);
    }
    if (p.cacheWarnings.length > 0)
        parts.push(`cache: ${counted(p.cacheWarnings.length, 'warning')}`);
    return parts.join('; ');
}
/** The CLI's table: handled processes one per row, then the output tail of each failure. */
function processesText(run) {
    const handled = run.processes.filter(p => p.outcome !== 'not-needed');
    const rows = [
        ['PROCESS', 'RESULT', 'TIME', 'CACHE', 'NOTE'],
        ...handled.map(p => [p.name, OUTCOME_WORDS[p.outcome], `${p.seconds}s`, bytesCell(p), note(p)])
    ];
    const lines = [`processes: ${processCounts(run)} (cache ${run.cache})`];
    if (handled.length > 0)
        lines.push(...textTable(rows));
    for (const p of run.processes) {
        if (p.outcome !== 'failed')
            continue;
        lines.push('', `${p.name} failed: ${p.message ?? ''}`);
        for (const l of p.outputTail ?? [])
            lines.push(`  | ${l}`);
    }
    for (const p of run.processes)
        for (const w of p.cacheWarnings)
            lines.push(`warning: ${p.name}: ${w}`);
    return `${lines.join('\n')}\n`;
}

// `imagegraph run`, loaded only when it is the command: it brings the builders, the registry
// client and (on demand again) the cache backends, which no other command needs.
/**
 * `imagegraph run`: the whole job on a workstation: the images' keys checked in the registry, the
 * processes the builds need restored or run, the images built, and with --push pushed and tagged.
 */
async function runCommand({ args, io, location }) {
    const revisions = namedRevisions(args);
    const plan = await planLocatedGraph(location, revisions);
    const env = process.env;
    const { spec } = chooseCacheSpec(typeof args.flags.cache === 'string' ? args.flags.cache : undefined, '--cache', env, 'cli', process.platform);
    let parallel;
    if (typeof args.flags.parallel === 'string') {
        parallel = Number(args.flags.parallel);
        if (!Number.isInteger(parallel) || parallel < 1)
            throw new UserError(`run: --parallel ${args.flags.parallel} is not a whole number of at least 1`);
    }
    const builder = typeof args.flags.builder === 'string' ? args.flags.builder : 'auto';
    if (!BUILDER_CHOICES.includes(builder))
        throw new UserError(`run: --builder ${builder} is not a builder; use ${BUILDER_CHOICES.join(', ')}`);
    const reporter = {
        info: message => io.err(`${message}\n`),
        warning: message => io.err(`warning: ${message}\n`),
        debug: () => undefined,
        group: (name, lines) => io.err([`== ${name}`, ...lines, ''].join('\n')),
        mask: () => undefined,
        processLine: (name, line) => io.err(`[${name}] ${line}\n`)
    };
    reporter.info(`cache: ${formatCacheSpec(spec)}`);
    const headRev = revisions.head;
    const named = await location.git.refNamed(headRev);
    const { insecure, caFile } = registryConnection(args, io);
    const registry = typeof args.flags.registry === 'string' ? args.flags.registry : undefined;
    const push = args.flags.push === true;
    const tags = listFlag(args, 'tags', parseTagList);
    const images = listFlag(args, 'images', parseImageList);
    // Loaded here only: the Actions cache library is most of the bundle, and no other command needs it.
    const { createCache } = await import('./cli-factory.js');
    const job = await runJob({
        plan,
        repository: location.repo,
        root: path.join(location.repo, path.dirname(location.graphFile)),
        names: {
            commit: plan.head,
            ...(named.branch ? { branch: named.branch } : {}),
            ...(named.tagRef ? { ref: named.tagRef } : {}),
            ...(typeof args.flags.version === 'string' ? { version: args.flags.version } : {})
        },
        ...(registry ? { registry } : {}),
        ...(tags ? { tags } : {}),
        labels: { tags: '--tags', registry: '--registry', images: '--images' },
        push,
        rebuildMissing: args.flags['no-rebuild-missing'] !== true,
        retagUnaffected: args.flags['retag-unaffected'] === true,
        ...(images ? { images } : {}),
        ...(parallel !== undefined ? { parallel } : {}),
        // A workstation is trusted with its own cache directory.
        saveCache: true,
        callerEnv: env,
        created: new Date().toISOString(),
        connection: { ...(insecure ? { insecure } : {}), ...(caFile ? { caFile } : {}) }
    }, {
        cache: createCache(spec, { cwd: io.cwd }),
        runner: new BashProcessRunner(),
        reporter,
        builder: lazyBuilder(builder),
        registry: host => openRegistry({ host, insecure, ...(caFile ? { caFile } : {}), env }),
        git: location.git
    });
    if (args.flags.json)
        io.out(`${JSON.stringify({
            processes: processesToJson(job.processes),
            images: imagesToJson(job.images),
            digests: job.images.digests
        }, null, 2)}\n`);
    else
        io.out(`${processesText(job.processes)}${imagesText(job.images)}`);
    return processesFailed(job.processes).length > 0 || imagesFailed(job.images).length > 0 ? 1 : 0;
}

export { runCommand };
