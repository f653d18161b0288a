import { H as planRepository, U as UserError, I as didYouMean, J as checkTargetTags, M as retagRegistry, N as repositoryUnder, g as assertManifestReference, d as assertRepository, h as isDigest, O as unusableWords, P as keyOfContentTag, c as contentTag, Q as MissingImagesError } from './index-main.js';
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
import 'node:os';
import 'node:path';
import 'node:buffer';
import './index-commonjs-helpers.js';
import 'node:child_process';
import 'node:crypto';
import 'node:module';
import 'node:fs/promises';

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

export { imageKeysAt, retagAtRevision, retagImage, retagOne, retagRevision };
