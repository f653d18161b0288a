import { k as keyOfContentTag, a as splitRegistry, c as contentTag, p as parseImageList, o as openRegistry } from './cli-image-names.js';
import { U as UserError, b as tagProblem, d as registryProblem, g as assertManifestReference, h as planRepository, j as didYouMean, k as assertRepository, m as isDigest, r as registryConnection, l as listFlag, s as stringFlag, a as parseTagList } from './cli-cli.js';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import 'node:path';
import 'node:http';
import 'node:https';
import 'node:tls';
import 'node:util';
import 'node:buffer';
import 'node:child_process';
import 'node:module';
import 'path';
import 'fs';
import 'os';
import 'crypto';

/** Whether a tag was moved by the retag (it named another digest, or nothing, before). */
function moved(image, move) {
    return move.before !== image.digest;
}
/**
 * Throws a UserError when a tag cannot be a retag's target: not a valid tag, or a content tag
 * (it names one build's exact inputs, so only a build of those inputs may write it).
 */
function checkTargetTags(tags, what = 'tags') {
    if (tags.length === 0)
        throw new UserError(`${what}: no tag given; name at least one tag to set`);
    for (const tag of tags) {
        const problem = tagProblem(tag);
        if (problem)
            throw new UserError(`${what}: ${problem}`);
        if (keyOfContentTag(tag) !== undefined)
            throw new UserError(`${what}: '${tag}' is a content tag: it names the inputs of one build, and only that build writes it; choose another tag`);
    }
}
/** Why a reference cannot be used, in the user's words. */
function unusableWords(reason) {
    switch (reason.kind) {
        case 'manifest-missing':
            return 'not in the registry';
        case 'platform-manifest-missing':
            return `its index names platform manifest ${reason.digest}, which is gone`;
        case 'blob-missing':
            return `blob ${reason.digest} of manifest ${reason.manifest} is gone`;
    }
}
/** `api (key 0123456789ab, not in the registry)`: one missing image, short enough for a list. */
function missingWords(m) {
    const source = m.key !== undefined ? `key ${m.key.slice(0, 12)}` : m.from;
    return `${m.image} (${source}, ${unusableWords(m.reason)})`;
}
/** `at v1.4.0 (0123456789ab)`, or '' when the retag names no revision. */
function revisionWords(revision) {
    if (!revision)
        return '';
    const short = revision.commit.slice(0, 12);
    return revision.rev === revision.commit || revision.rev === short
        ? ` at ${short}`
        : ` at ${revision.rev} (${short})`;
}
/**
 * Some images have no usable content tag: nothing was moved. Carries the images, so a caller can
 * show them in full (the summary) while the message stays one line.
 */
class MissingImagesError extends UserError {
    missing;
    total;
    constructor(missing, total, revision, partial) {
        const what = missing.length === total
            ? `none of the ${total} image${total === 1 ? '' : 's'} was built`
            : `${missing.length} of ${total} images were never built (or lost their content)`;
        const advice = partial
            ? 'build them first'
            : 'build them first, or allow a partial retag (--partial) to move the others';
        super(`retag${revisionWords(revision)}: ${what}, so no tag was moved: ${missing.map(missingWords).join('; ')}; ${advice}`);
        this.missing = missing;
        this.total = total;
        this.name = 'MissingImagesError';
    }
}
/**
 * The registry a retag reads and writes: the one the user named (`--registry`, input `registry`),
 * else the graph file's `registry:` at the revision. Throws a UserError when there is none or it is
 * not `host[:port][/path]`.
 */
function retagRegistry(given, graphRegistry, where) {
    const text = given || graphRegistry;
    if (!text)
        throw new UserError(`retag: no registry: give ${where.label}, or set registry: in ${where.graphFile} (it has none at ${where.rev})`);
    const registry = splitRegistry(text);
    const problem = registryProblem(registry.host);
    if (problem)
        throw new UserError(given
            ? `${where.label}: ${problem}; write host[:port][/path], e.g. ghcr.io/my-org`
            : `${where.graphFile} at ${where.rev}: registry: ${problem}`);
    return registry;
}
/** An image's repository under the registry's path prefix (`my-org/api` for `ghcr.io/my-org`). */
function repositoryUnder(registry, repository) {
    return registry.prefix ? `${registry.prefix}/${repository}` : repository;
}

/**
 * Points `tags` at every image's content tag, all or nothing: each content tag must be usable
 * (manifest, platform manifests and blobs all answer) before any tag moves, unless `partial`.
 * Throws a MissingImagesError (a UserError) naming every missing image with its key otherwise.
 */
async function retagRevision(request, ports) {
    checkTargetTags(request.tags);
    const tags = [...new Set(request.tags)];
    const { registry } = ports;
    const sources = request.images.map(i => ({ ...i, from: contentTag(i.key) }));
    sources.forEach(s => assertRepository(s.repository, `image ${s.image}: repository`));
    checkOneImagePerRepository(sources);
    const usability = await registry.usableMany(sources.map(s => ({ repository: s.repository, tag: s.from })), request.concurrency ? { concurrency: request.concurrency } : {});
    const missing = [];
    const present = [];
    sources.forEach((s, i) => {
        const u = usability[i];
        if (u.usable)
            present.push({ source: s, manifest: u.manifest });
        else
            missing.push({ status: 'missing', ...s, reason: u.reason });
    });
    const partial = request.partial ?? false;
    if (missing.length > 0 && (!partial || present.length === 0))
        throw new MissingImagesError(missing, sources.length, request.revision, partial);
    const retagged = await putTags(registry, present.map(p => ({ ...p.source, manifest: p.manifest })), tags);
    const byImage = new Map([...retagged, ...missing].map(r => [r.image, r]));
    return {
        registry: registry.host,
        ...(request.revision ? { revision: request.revision } : {}),
        tags,
        partial,
        images: sources.map(s => byImage.get(s.image))
    };
}
/** Two images in one repository would fight over every tag: refuse before anything moves. */
function checkOneImagePerRepository(images) {
    const owner = new Map();
    for (const { image, repository } of images) {
        const other = owner.get(repository);
        if (other !== undefined && other !== image)
            throw new UserError(`retag: images ${other} and ${image} are both pushed to repository ${repository}, so a tag there can name only one of them; give each image its own repository`);
        owner.set(repository, image);
    }
}
/** Points `to` at the manifest `from` names in one repository, if it is usable. */
async function retagOne(request, ports) {
    const { registry } = ports;
    const image = request.image ?? request.repository;
    assertRepository(request.repository, `image ${image}: repository`);
    assertManifestReference(request.from, 'from');
    checkTargetTags(request.to, 'to');
    const to = [...new Set(request.to)];
    const reference = `${registry.host}/${request.repository}${isDigest(request.from) ? '@' : ':'}${request.from}`;
    const usability = await registry.usability(request.repository, request.from);
    if (!usability.usable) {
        if (usability.reason.kind !== 'manifest-missing')
            throw new UserError(`retag ${image}: ${reference} cannot be pulled: ${unusableWords(usability.reason)}; nothing was moved`);
        throw new UserError(`retag ${image}: ${reference} is not in the registry${await hint(registry, request)}`);
    }
    const key = keyOfContentTag(request.from);
    const [retagged] = await putTags(registry, [
        {
            image,
            repository: request.repository,
            from: request.from,
            manifest: usability.manifest,
            ...(key !== undefined ? { key } : {})
        }
    ], to);
    return { registry: registry.host, tags: to, partial: false, images: [retagged] };
}
/** What the repository does have, for a `from` it does not. */
async function hint(registry, request) {
    if (isDigest(request.from))
        return '; name a digest or tag the repository has';
    const tags = await registry.listTags(request.repository);
    if (tags.length === 0)
        return `; repository ${request.repository} has no tags`;
    const suggestion = didYouMean(request.from, tags);
    if (suggestion)
        return suggestion;
    const named = tags.filter(t => keyOfContentTag(t) === undefined);
    return named.length > 0 && named.length <= 10
        ? `; its tags besides content tags: ${named.join(', ')}`
        : `; it has ${tags.length} other tags`;
}
/**
 * Reads what each tag names now, then puts the exact manifest bytes under every tag that names
 * something else. All requests go at once: the registry client bounds them and keeps connections.
 */
async function putTags(registry, sources, tags) {
    const jobs = sources.flatMap(source => tags.map(tag => ({ source, tag })));
    const outcomes = await Promise.allSettled(jobs.map(async ({ source, tag }) => {
        const before = (await registry.headManifest(source.repository, tag))?.digest ?? null;
        if (before !== source.manifest.digest) {
            const digest = await registry.putManifest(source.repository, tag, source.manifest);
            if (digest !== source.manifest.digest)
                throw new Error(`registry ${registry.host}: ${source.repository}:${tag} got digest ${digest}, not ${source.manifest.digest}`);
        }
        return { tag, before };
    }));
    const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ o, job: jobs[i] }] : []));
    if (failed.length > 0) {
        // The registry has no transactions: say what moved, so that the same retag again finishes it.
        const done = outcomes.length - failed.length;
        const first = failed[0];
        const reason = first.o.reason instanceof Error ? first.o.reason.message : String(first.o.reason);
        const failedNames = failed.map(f => `${f.job.source.repository}:${f.job.tag}`);
        const listed = failedNames.length > 10
            ? `${failedNames.slice(0, 10).join(', ')} and ${failedNames.length - 10} more`
            : failedNames.join(', ');
        const message = `retag: ${failed.length} of ${outcomes.length} tags could not be set (${listed}): ${reason}; ${done} were set; the same retag again sets the rest`;
        throw first.o.reason instanceof UserError ? new UserError(message) : new Error(message);
    }
    return sources.map((source, s) => {
        const moves = tags.map((_, t) => outcomes[s * tags.length + t].value);
        return {
            status: 'retagged',
            image: source.image,
            repository: source.repository,
            ...(source.key !== undefined ? { key: source.key } : {}),
            from: source.from,
            digest: source.manifest.digest,
            mediaType: source.manifest.mediaType,
            tags: moves
        };
    });
}
/**
 * Every image's content key at a git revision, from the graph file as that revision has it, and
 * that file's `registry:` (the default registry of a retag).
 */
async function imageKeysAt(git, request) {
    const plan = await planRepository(git, {
        graphFile: request.graphFile,
        base: { kind: 'everything', head: request.rev, reason: 'retag' }
    });
    const revision = { rev: request.rev, commit: plan.head };
    const images = plan.order.filter(name => plan.nodes.get(name).kind === 'image');
    let chosen = images;
    if (request.images && request.images.length > 0) {
        const known = new Set(images);
        for (const name of request.images) {
            if (known.has(name))
                continue;
            const node = plan.graph.nodes.get(name);
            throw new UserError(node
                ? `images: '${name}' is a ${node.kind} in ${request.graphFile} at ${request.rev}, not an image`
                : `images: no image '${name}' in ${request.graphFile} at ${request.rev}${didYouMean(name, images)}`);
        }
        const wanted = new Set(request.images);
        chosen = images.filter(name => wanted.has(name));
    }
    if (chosen.length === 0)
        throw new UserError(`${request.graphFile} at ${request.rev} declares no images: nothing to retag`);
    return {
        revision,
        ...(plan.graph.registry ? { registry: plan.graph.registry } : {}),
        images: chosen.map(name => ({
            image: name,
            repository: request.repositoryOf(name, plan.graph.nodes.get(name)),
            key: plan.nodes.get(name).key
        }))
    };
}
/**
 * `retag --rev` and the action's `mode: retag` with `rev`: every image's key at the revision, each
 * image at `<registry path>/<its repository>`, then `retagRevision` (all or nothing unless partial).
 */
async function retagAtRevision(request, wiring) {
    checkTargetTags(request.tags);
    await resolveRevision(wiring.git, request.rev, request.labels);
    const at = await imageKeysAt(wiring.git, {
        rev: request.rev,
        graphFile: request.graphFile,
        ...(request.images ? { images: request.images } : {}),
        repositoryOf: (_, node) => node.repository
    });
    const registry = retagRegistry(request.registry, at.registry, {
        label: request.labels.registry,
        graphFile: request.graphFile,
        rev: request.rev
    });
    return retagRevision({
        images: at.images.map(i => ({ ...i, repository: repositoryUnder(registry, i.repository) })),
        tags: request.tags,
        ...(request.partial !== undefined ? { partial: request.partial } : {}),
        revision: at.revision
    }, { registry: wiring.registry(registry.host) });
}
/**
 * `retag IMAGE --from --to` and the action's `mode: retag` with `from`: the image's repository from
 * the graph file (at HEAD), then `retagOne`.
 */
async function retagImage(request, wiring) {
    checkTargetTags(request.to, 'to');
    assertManifestReference(request.from, 'from');
    const rev = request.rev ?? 'HEAD';
    const at = await imageKeysAt(wiring.git, {
        rev,
        graphFile: request.graphFile,
        images: [request.image],
        repositoryOf: (_, node) => node.repository
    });
    const registry = retagRegistry(request.registry, at.registry, {
        label: request.labels.registry,
        graphFile: request.graphFile,
        rev
    });
    const [image] = at.images;
    return retagOne({
        image: image.image,
        repository: repositoryUnder(registry, image.repository),
        from: request.from,
        to: request.to
    }, { registry: wiring.registry(registry.host) });
}
/** A revision the repository lacks is the user's to fetch: say how, before any plan is made. */
async function resolveRevision(git, rev, labels) {
    try {
        return await git.resolveCommit(rev);
    }
    catch (e) {
        if (!(e instanceof UserError))
            throw e;
        // Not a revision name at all (an option, a control character): git's own check says why.
        if (!e.message.startsWith('unknown revision'))
            throw new UserError(`${labels.rev}: ${e.message}`);
        throw new UserError(`${labels.rev}: no revision '${rev}' in ${git.dir}; ${labels.fetchHint}`);
    }
}

// A retag's result for people: a text table for the CLI, a markdown section for the job summary.
// Each tag shows what it named before, so a rollback can itself be rolled back by hand.
/** `sha256:0123456789ab`: enough to tell digests apart in a table. */
function shortDigest(digest) {
    const colon = digest.indexOf(':');
    return colon < 0 ? digest : digest.slice(0, colon + 13);
}
function retaggedOf(result) {
    return result.images.filter((i) => i.status === 'retagged');
}
function missingOf(result) {
    return result.images.filter((i) => i.status === 'missing');
}
/** "3 images retagged · 5 tags moved · 1 already in place · 1 missing" (zero counts left out). */
function retagCounts(result) {
    const images = retaggedOf(result);
    const moves = images.flatMap(i => i.tags.map(t => moved(i, t)));
    const parts = [
        `${images.length} image${images.length === 1 ? '' : 's'} retagged`,
        `${moves.filter(Boolean).length} tag${moves.filter(Boolean).length === 1 ? '' : 's'} moved`
    ];
    const inPlace = moves.filter(m => !m).length;
    if (inPlace > 0)
        parts.push(`${inPlace} already in place`);
    const missing = missingOf(result).length;
    if (missing > 0)
        parts.push(`${missing} missing`);
    return parts.join(' · ');
}
function headline(result) {
    return `retag${revisionWords(result.revision)} on ${result.registry}: ${result.tags.join(', ')}`;
}
/** `production (was sha256:0123456789ab)`, `v1 (new)`, `latest (already there)`. */
function moveWords(image, move) {
    if (!moved(image, move))
        return `${move.tag} (already there)`;
    return move.before === null
        ? `${move.tag} (new)`
        : `${move.tag} (was ${shortDigest(move.before)})`;
}
/** The CLI's table: one row per image, then the missing ones (a partial retag). */
function retagText(result) {
    const rows = [
        ['IMAGE', 'DIGEST', 'TAGS'],
        ...retaggedOf(result).map(i => [
            i.image,
            shortDigest(i.digest),
            i.tags.map(t => moveWords(i, t)).join(', ')
        ])
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
    const lines = [`${headline(result)}: ${retagCounts(result)}`];
    for (const r of rows)
        lines.push(r
            .map((cellText, c) => cellText.padEnd(widths[c]))
            .join('  ')
            .trimEnd());
    for (const m of missingOf(result))
        lines.push(`not retagged: ${m.image}: ${m.repository}:${m.from} ${unusableWords(m.reason)}`);
    return `${lines.join('\n')}\n`;
}
/** The retag keyed by image, for the action's `results` output and `retag --json`. */
function retagToJson(result) {
    return Object.fromEntries(result.images.map(i => {
        const common = {
            status: i.status,
            repository: i.repository,
            from: i.from,
            ...(i.key !== undefined ? { key: i.key } : {})
        };
        return [
            i.image,
            i.status === 'retagged'
                ? {
                    ...common,
                    digest: i.digest,
                    tags: i.tags.map(t => t.tag),
                    before: Object.fromEntries(i.tags.map(t => [t.tag, t.before]))
                }
                : { ...common, tags: [], reason: unusableWords(i.reason) }
        ];
    }));
}
/** `{"api": "registry/repository@sha256:..."}` for every retagged image, as a build's `digests`. */
function retagDigests(result) {
    return Object.fromEntries(retaggedOf(result).map(i => [i.image, `${result.registry}/${i.repository}@${i.digest}`]));
}

// `imagegraph retag`, loaded only when it is the command: it brings the registry client.
/**
 * `imagegraph retag`: a release or a rollback, built from nothing. `--rev`: every image at once;
 * `IMAGE --from --to`: one image. The options of one form are refused with the other.
 */
async function retagCommand({ args, io, location }) {
    const image = args.positional[0];
    const given = (names) => names.filter(n => args.flags[n] !== undefined);
    const [form, required, foreign] = image === undefined
        ? ['retag --rev', ['rev', 'tags'], ['from', 'to']]
        : [`retag ${image}`, ['from', 'to'], ['rev', 'tags', 'images', 'partial']];
    const missing = required.filter(n => args.flags[n] === undefined);
    if (missing.length > 0)
        throw new UserError(image === undefined
            ? `retag: give --rev REV and --tags TAG[,TAG] (every image), or IMAGE --from TAG_OR_DIGEST --to TAG (one image); missing ${missing.map(n => `--${n}`).join(', ')}`
            : `${form}: --from TAG_OR_DIGEST and --to TAG[,TAG] are required; missing ${missing.map(n => `--${n}`).join(', ')}`);
    const extra = given(foreign);
    if (extra.length > 0)
        throw new UserError(`${form}: ${extra.map(n => `--${n}`).join(', ')} ${extra.length === 1 ? 'belongs' : 'belong'} to ${image === undefined ? 'the one-image form (retag IMAGE --from --to)' : 'the every-image form (retag --rev REV --tags TAG)'}`);
    const { insecure, caFile } = registryConnection(args, io);
    const images = listFlag(args, 'images', parseImageList);
    const opened = [];
    const wiring = {
        git: location.git,
        registry: (host) => {
            const client = openRegistry({
                host,
                insecure,
                ...(caFile ? { caFile } : {}),
                env: process.env
            });
            opened.push(client);
            return client;
        }
    };
    const registry = stringFlag(args, 'registry');
    const common = {
        graphFile: location.graphFile,
        ...(registry ? { registry } : {}),
        labels: {
            registry: '--registry',
            rev: '--rev',
            fetchHint: 'fetch it first (git fetch origin tag NAME, or git fetch --unshallow)'
        }
    };
    try {
        const result = image === undefined
            ? await retagAtRevision({
                ...common,
                rev: String(args.flags.rev),
                tags: parseTagList(String(args.flags.tags)),
                ...(images ? { images } : {}),
                partial: args.flags.partial === true
            }, wiring)
            : await retagImage({
                ...common,
                image,
                from: String(args.flags.from),
                to: parseTagList(String(args.flags.to))
            }, wiring);
        if (args.flags.json)
            io.out(`${JSON.stringify({ images: retagToJson(result), digests: retagDigests(result) }, null, 2)}
`);
        else
            io.out(retagText(result));
        return 0;
    }
    finally {
        for (const client of opened)
            client.close();
    }
}

export { retagCommand };
