import { c as contentTag, U as UserError, L as LABELS, i as inputsOf, K as KEY_SCHEMA, S as SpawnError, f as formatDuration, s as selectImages, b as blockedImages, a as imageJobs } from './index-main.js';
import { performance } from 'node:perf_hooks';
import * as os from 'node:os';
import * as path from 'node:path';
import { rm, lstat, realpath } from 'node:fs/promises';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:fs';
import 'node:buffer';
import './index-commonjs-helpers.js';
import 'node:child_process';
import 'node:crypto';
import 'node:module';

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
/**
 * The images a build run would build (affected, or with rebuild-missing any whose key the
 * registry lacks, and the bases they need), asked of the registry without building: the plan's
 * waves come from this list when the run has a registry, so a matrix leg exists for every image
 * the legs will build. Undefined when there is no registry (then the affected images are the list).
 */
async function imagesToBuildFor(request, ports) {
    const { jobs, registryHost } = jobsOf(request);
    if (registryHost === undefined)
        return undefined;
    const decision = await decideImages({
        jobs,
        commit: request.names.commit,
        push: false,
        ...(request.rebuildMissing !== undefined ? { rebuildMissing: request.rebuildMissing } : {})
    }, { registry: ports.registry(registryHost), reporter: ports.reporter });
    return decision.toBuild;
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

export { imagesToBuildFor, runJob };
