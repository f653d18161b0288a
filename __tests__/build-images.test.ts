// The build-images use case over hand-written FAKES of its ports (Builder, Registry, GitAncestry):
// they test the orchestration rules (order, reuse, tags, seq, forward-only, failures) without a
// subprocess. The real builder, registry and git run in build-images.buildah.test.ts.
import { createHash } from 'node:crypto'
import type {
  BuildRequest,
  BuildResult,
  Builder,
  GitAncestry,
  Manifest,
  ManifestHead,
  Registry,
  Usability
} from '../src/adapters/ports.js'
import { buildImages, decideImages } from '../src/commands/build-images.js'
import type { BuildImagesInput } from '../src/commands/build-images.js'
import { UserError } from '../src/core/errors.js'
import { LABELS, contentTag } from '../src/core/image-names.js'
import type { ImageResult, ImagesRun } from '../src/core/image-results.js'
import type { ImageJob, ImageTags, RenderedTag } from '../src/core/image-steps.js'
import { RecordingReporter } from './helpers/recording-reporter.js'

const HOST = 'registry.test:5000'
const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const keyOf = (text: string) => createHash('sha256').update(text).digest('hex')
const MEDIA = 'application/vnd.oci.image.manifest.v1+json'

/** FAKE of the Registry port: repositories of tags -> manifests, each with its config's labels. */
class FakeRegistry implements Registry {
  readonly host = HOST
  readonly repos = new Map<string, Map<string, string>>()
  readonly manifests = new Map<string, { bytes: Buffer; labels: Record<string, string> }>()
  readonly puts: Array<{ repository: string; tag: string; digest: string }> = []
  /** Tags whose manifest is there but a blob is gone. */
  readonly broken = new Set<string>()

  /** Stores an image (as a builder's push would) and tags it; returns its digest. */
  add(repository: string, tags: string[], labels: Record<string, string>, salt = ''): string {
    const bytes = Buffer.from(JSON.stringify({ repository, labels, salt }))
    const digest = sha(bytes.toString())
    this.manifests.set(digest, { bytes, labels })
    const repo = this.repos.get(repository) ?? new Map<string, string>()
    this.repos.set(repository, repo)
    for (const tag of tags) repo.set(tag, digest)
    return digest
  }
  digestOf(repository: string, reference: string): string | undefined {
    if (reference.startsWith('sha256:'))
      return this.manifests.has(reference) ? reference : undefined
    return this.repos.get(repository)?.get(reference)
  }
  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const digest = this.digestOf(repository, reference)
    if (!digest) return undefined
    return { bytes: this.manifests.get(digest)!.bytes, mediaType: MEDIA, digest }
  }
  async headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const digest = this.digestOf(repository, reference)
    return digest ? { digest, mediaType: MEDIA } : undefined
  }
  async putManifest(
    repository: string,
    tag: string,
    manifest: Pick<Manifest, 'bytes' | 'mediaType'>
  ): Promise<string> {
    const digest = sha(manifest.bytes.toString())
    if (!this.manifests.has(digest)) throw new Error('manifest names blobs the registry lacks')
    this.repos.get(repository)!.set(tag, digest)
    this.puts.push({ repository, tag, digest })
    return digest
  }
  async hasBlob(): Promise<boolean> {
    return true
  }
  async listTags(repository: string): Promise<string[]> {
    return [...(this.repos.get(repository)?.keys() ?? [])]
  }
  async labels(repository: string, reference: string) {
    const digest = this.digestOf(repository, reference)
    return digest ? { ...this.manifests.get(digest)!.labels } : undefined
  }
  async usability(repository: string, tag: string): Promise<Usability> {
    const manifest = await this.getManifest(repository, tag)
    if (!manifest) return { usable: false, reason: { kind: 'manifest-missing', reference: tag } }
    if (this.broken.has(`${repository}:${tag}`))
      return {
        usable: false,
        reason: { kind: 'blob-missing', digest: 'sha256:gone', manifest: manifest.digest }
      }
    return { usable: true, manifest }
  }
  async isUsable(repository: string, tag: string): Promise<boolean> {
    return (await this.usability(repository, tag)).usable
  }
  async usableMany(images: { repository: string; tag: string }[]): Promise<Usability[]> {
    return Promise.all(images.map(i => this.usability(i.repository, i.tag)))
  }
}

/**
 * FAKE of the Builder port: records each request; a push stores an image in the fake registry
 * under the request's tags (and reports a wrong digest, which the command must not trust).
 */
class FakeBuilder implements Builder {
  readonly name = 'buildah' as const
  readonly description = 'fake builder'
  readonly requests: BuildRequest[] = []
  readonly failing = new Set<string>()
  running = 0
  maxRunning = 0
  /** Images whose build had finished when each build started. */
  readonly doneAtStart = new Map<string, string[]>()
  private readonly done: string[] = []

  constructor(private readonly registry?: FakeRegistry) {}

  async build(request: BuildRequest): Promise<BuildResult> {
    this.requests.push(request)
    this.doneAtStart.set(request.image, [...this.done])
    this.running++
    this.maxRunning = Math.max(this.maxRunning, this.running)
    await new Promise(r => setTimeout(r, 5))
    this.running--
    this.done.push(request.image)
    if (this.failing.has(request.image)) {
      const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`)
      request.onLine?.('line 1')
      return { ok: false, error: 'buildah bud exited with 7', logTail: lines, seconds: 0 }
    }
    if (!request.push)
      return {
        ok: true,
        imageId: sha(`local ${request.image}`),
        local: { ref: `local-${request.image}` },
        logTail: [],
        seconds: 0
      }
    for (const ref of request.tags) {
      const [repository, tag] = ref.slice(HOST.length + 1).split(':')
      this.registry!.add(repository, [tag], request.labels, JSON.stringify(request.buildArgs))
    }
    return { ok: true, digest: sha('not what the registry holds'), logTail: [], seconds: 0 }
  }
}

/** FAKE of the GitAncestry port: a history given as child -> parent. */
class FakeGit implements GitAncestry {
  constructor(private readonly parents: Record<string, string | undefined>) {}
  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    if (!(ancestor in this.parents) || !(descendant in this.parents)) return undefined
    for (let c: string | undefined = descendant; c !== undefined; c = this.parents[c])
      if (c === ancestor) return true
    return false
  }
}

// History: c1 <- c2 <- c3; `stray` is not in the local history.
const git = new FakeGit({ c1: undefined, c2: 'c1', c3: 'c2' })

function tags(list: Array<string | RenderedTag>, withSeq = false): ImageTags {
  return {
    usesSeq: withSeq,
    render(seq) {
      const out = list.map(t => (typeof t === 'string' ? { tag: t, floating: false } : t))
      if (withSeq && seq !== undefined) out.push({ tag: `v${seq}`, floating: false })
      return out
    }
  }
}

function job(name: string, fields: Partial<ImageJob> = {}): ImageJob {
  return {
    name,
    key: keyOf(name),
    repository: `team/${name}`,
    context: `/repo/${name}`,
    dockerfile: `/repo/${name}/Dockerfile`,
    platforms: [],
    buildArgs: {},
    imageArgs: {},
    needs: [],
    affected: true,
    reasons: [`${name}/src/main.c -> ${name}`],
    tags: tags(['1.0.0']),
    ...fields
  }
}

/** base <- app (image-arg BASE); tool alone. */
function graph(fields: Partial<Record<string, Partial<ImageJob>>> = {}): ImageJob[] {
  return [
    job('base', fields.base),
    job('app', { needs: ['base'], imageArgs: { BASE: 'base' }, ...fields.app }),
    job('tool', fields.tool)
  ]
}

interface Setup {
  registry?: FakeRegistry
  builder?: FakeBuilder
  input?: Partial<BuildImagesInput>
  git?: GitAncestry
}

async function run(jobs: ImageJob[], setup: Setup = {}) {
  const registry = 'registry' in setup ? setup.registry : new FakeRegistry()
  const builder = setup.builder ?? new FakeBuilder(registry)
  const reporter = new RecordingReporter()
  let detections = 0
  const result = await buildImages(
    {
      jobs,
      commit: 'c2',
      created: '2026-12-02T10:00:00Z',
      source: 'https://example.invalid/mono',
      push: registry !== undefined,
      ...setup.input
    },
    {
      builder: async () => {
        detections++
        return { builder, reason: 'found' }
      },
      registry,
      git: setup.git ?? git,
      reporter
    }
  )
  return { result, registry, builder, reporter, detections }
}

function image(run: ImagesRun, name: string): ImageResult {
  return run.images.find(i => i.name === name)!
}

describe('building and pushing', () => {
  test('builds bases first and hands them by digest, read back from the registry; pushes content and version tags with the labels', async () => {
    const { result, registry, builder } = await run(graph())
    const r = registry!
    expect(result.images.map(i => [i.name, i.status])).toEqual([
      ['base', 'pushed'],
      ['app', 'pushed'],
      ['tool', 'pushed']
    ])
    const baseDigest = r.digestOf('team/base', contentTag(keyOf('base')))!
    expect(image(result, 'base').digest).toBe(baseDigest)
    expect(image(result, 'base').digest).not.toBe(sha('not what the registry holds'))
    const appRequest = builder.requests.find(q => q.image === 'app')!
    expect(appRequest.buildArgs).toEqual({ BASE: `${HOST}/team/base@${baseDigest}` })
    expect(builder.doneAtStart.get('app')).toContain('base')
    expect(appRequest.tags).toEqual([`${HOST}/team/app:${contentTag(keyOf('app'))}`])
    expect(appRequest.labels).toEqual({
      [LABELS.source]: 'https://example.invalid/mono',
      [LABELS.revision]: 'c2',
      [LABELS.version]: '1.0.0',
      [LABELS.created]: '2026-12-02T10:00:00Z',
      [LABELS.title]: 'app',
      [LABELS.key]: keyOf('app'),
      [LABELS.reason]: 'app/src/main.c -> app'
    })
    expect(image(result, 'app').tags).toEqual([contentTag(keyOf('app')), '1.0.0'])
    expect(r.digestOf('team/app', '1.0.0')).toBe(image(result, 'app').digest)
    expect(result.digests).toEqual({
      base: `${HOST}/team/base@${baseDigest}`,
      app: `${HOST}/team/app@${image(result, 'app').digest}`,
      tool: `${HOST}/team/tool@${image(result, 'tool').digest}`
    })
  })

  test('independent images build in parallel up to `parallel`', async () => {
    const jobs = ['a', 'b', 'c', 'd'].map(n => job(n))
    const one = await run(jobs, { input: { parallel: 1 } })
    expect(one.builder.maxRunning).toBe(1)
    const two = await run(jobs, { input: { parallel: 2 } })
    expect(two.builder.maxRunning).toBe(2)
    await expect(run(jobs, { input: { parallel: 0 } })).rejects.toThrow(UserError)
  })

  test('a failed build skips only its dependents, naming the failure, and keeps the last 30 lines', async () => {
    const registry = new FakeRegistry()
    const builder = new FakeBuilder(registry)
    builder.failing.add('base')
    const { result } = await run(graph(), { registry, builder })
    expect(image(result, 'base')).toMatchObject({
      status: 'failed',
      error: 'buildah bud exited with 7'
    })
    expect(image(result, 'base').logTail).toHaveLength(30)
    expect(image(result, 'base').logTail![29]).toBe('line 40')
    expect(image(result, 'app')).toMatchObject({
      status: 'skipped',
      error: 'skipped: image base failed'
    })
    expect(image(result, 'tool').status).toBe('pushed')
    expect(builder.requests.map(q => q.image).sort()).toEqual(['base', 'tool'])
  })

  test('an image whose process failed is skipped, and so are the images built on it', async () => {
    const { result, builder } = await run(graph(), {
      input: { blocked: { base: 'process gen failed' } }
    })
    expect(image(result, 'base')).toMatchObject({
      status: 'skipped',
      error: 'skipped: process gen failed'
    })
    expect(image(result, 'app')).toMatchObject({
      status: 'skipped',
      error: 'skipped: process gen failed'
    })
    expect(builder.requests.map(q => q.image)).toEqual(['tool'])
  })

  test('a push the registry does not then hold is a failure, not a trusted digest', async () => {
    const registry = new FakeRegistry()
    const builder = new FakeBuilder(undefined) // pushes nowhere
    builder.build = async request => {
      builder.requests.push(request)
      return { ok: true, digest: sha('claimed'), logTail: [], seconds: 0 }
    }
    const { result } = await run([job('tool')], { registry, builder })
    expect(image(result, 'tool')).toMatchObject({ status: 'failed' })
    expect(image(result, 'tool').error).toMatch(/^pushed, but registry\.test:5000\/team\/tool:key-/)
    expect(result.digests).toEqual({})
  })

  test('no builder found: the images to build fail with the detection error; nothing else does', async () => {
    const registry = new FakeRegistry()
    registry.add('team/base', [contentTag(keyOf('base'))], { [LABELS.revision]: 'c1' })
    const reporter = new RecordingReporter()
    const result = await buildImages(
      { jobs: graph(), commit: 'c2', created: 'now', push: true },
      {
        builder: async () => {
          throw new UserError('no image builder works here: docker not found')
        },
        registry,
        git,
        reporter
      }
    )
    expect(image(result, 'base').status).toBe('reused')
    expect(image(result, 'tool')).toMatchObject({
      status: 'failed',
      error: 'no image builder works here: docker not found'
    })
    expect(image(result, 'app').status).toBe('failed')
  })
})

describe('reuse from the registry', () => {
  test('an affected image whose content tag is usable is reused: no build, no builder detected, tags put on the same digest', async () => {
    const registry = new FakeRegistry()
    const digests = Object.fromEntries(
      ['base', 'app', 'tool'].map(n => [
        n,
        registry.add(`team/${n}`, [contentTag(keyOf(n))], { [LABELS.revision]: 'c1' })
      ])
    )
    const { result, builder, detections } = await run(graph(), { registry })
    expect(builder.requests).toEqual([])
    expect(detections).toBe(0)
    for (const name of ['base', 'app', 'tool']) {
      expect(image(result, name)).toMatchObject({
        status: 'reused',
        digest: digests[name],
        builtFrom: 'c1',
        tags: [contentTag(keyOf(name)), '1.0.0']
      })
      expect(registry.digestOf(`team/${name}`, '1.0.0')).toBe(digests[name])
    }
  })

  test('a content tag whose blobs are gone is built again', async () => {
    const registry = new FakeRegistry()
    registry.add('team/tool', [contentTag(keyOf('tool'))], {})
    registry.broken.add(`team/tool:${contentTag(keyOf('tool'))}`)
    const { result, reporter } = await run([job('tool')], { registry })
    expect(image(result, 'tool').status).toBe('pushed')
    expect(reporter.infos.join('\n')).toContain('in the registry but not usable (blob-missing')
  })

  test('a dependent of a reused base is built on the base by its registry digest', async () => {
    const registry = new FakeRegistry()
    const baseDigest = registry.add('team/base', [contentTag(keyOf('base'))], {})
    const { result, builder } = await run(graph({ base: { affected: false } }), { registry })
    expect(image(result, 'base')).toMatchObject({ status: 'unchanged', digest: baseDigest })
    expect(builder.requests.find(q => q.image === 'app')!.buildArgs.BASE).toBe(
      `${HOST}/team/base@${baseDigest}`
    )
  })

  test('rebuild-missing builds an unaffected image whose key is missing; without it the image is left alone and no builder is detected', async () => {
    const jobs = [job('tool', { affected: false, reasons: [] })]
    const healed = await run(jobs)
    expect(image(healed.result, 'tool')).toMatchObject({
      status: 'pushed',
      reasons: ['key not in the registry']
    })
    expect(healed.builder.requests[0].labels[LABELS.reason]).toBeUndefined()
    const left = await run(jobs, { input: { rebuildMissing: false } })
    expect(image(left.result, 'tool').status).toBe('unchanged')
    expect(left.detections).toBe(0)
  })

  test('retag-unaffected puts the version tags on unaffected images with no build; without push nothing is written', async () => {
    const registry = new FakeRegistry()
    const digest = registry.add('team/tool', [contentTag(keyOf('tool'))], {})
    const jobs = [job('tool', { affected: false, tags: tags(['2.0.0']) })]
    const dry = await run(jobs, { registry, input: { retagUnaffected: true, push: false } })
    expect(registry.puts).toEqual([])
    expect(image(dry.result, 'tool')).toMatchObject({ status: 'unchanged', digest })
    const tagged = await run(jobs, { registry, input: { retagUnaffected: true } })
    expect(tagged.builder.requests).toEqual([])
    expect(image(tagged.result, 'tool')).toMatchObject({
      status: 'unchanged',
      digest,
      tags: [contentTag(keyOf('tool')), '2.0.0']
    })
    expect(registry.digestOf('team/tool', '2.0.0')).toBe(digest)
  })

  test('a matrix leg builds its image and the missing base it stands on; images outside it are not in the results', async () => {
    const { result, builder } = await run(graph({ base: { affected: false } }), {
      input: { images: ['app'] }
    })
    expect(builder.requests.map(q => q.image)).toEqual(['base', 'app'])
    expect(result.images.map(i => [i.name, i.status])).toEqual([
      ['base', 'pushed'],
      ['app', 'pushed']
    ])
    expect(image(result, 'base').reasons).toEqual([
      'base/src/main.c -> base',
      'key not in the registry; app builds on it'
    ])
  })

  test('a second leg that finds the base pushed reuses it', async () => {
    const registry = new FakeRegistry()
    const baseDigest = registry.add('team/base', [contentTag(keyOf('base'))], {})
    const { result, builder } = await run(graph(), { registry, input: { images: ['app'] } })
    expect(builder.requests.map(q => q.image)).toEqual(['app'])
    expect(image(result, 'base')).toMatchObject({ status: 'unchanged', digest: baseDigest })
  })

  test('a pull request (registry, no push) checks keys: it builds what a merge would build, reuses the rest, writes nothing', async () => {
    const registry = new FakeRegistry()
    const baseDigest = registry.add('team/base', [contentTag(keyOf('base'))], {})
    const { result, builder } = await run(graph(), { registry, input: { push: false } })
    expect(image(result, 'base')).toMatchObject({ status: 'reused', digest: baseDigest })
    expect(image(result, 'app').status).toBe('built')
    expect(builder.requests.every(q => !q.push && q.tags.length === 0)).toBe(true)
    expect(builder.requests.find(q => q.image === 'app')!.buildArgs.BASE).toBe(
      `${HOST}/team/base@${baseDigest}`
    )
    expect(registry.puts).toEqual([])
  })
})

describe('without a registry', () => {
  test('builds locally, each dependent on the local image this run made', async () => {
    const { result, builder, detections } = await run(
      graph({ base: { affected: false }, tool: { affected: false } }),
      { registry: undefined }
    )
    expect(detections).toBe(1)
    expect(builder.requests.map(q => q.image)).toEqual(['base', 'app'])
    const app = builder.requests.find(q => q.image === 'app')!
    expect(app.buildArgs).toEqual({ BASE: 'local-base' })
    expect(app.localBases).toEqual([{ ref: 'local-base' }])
    expect(app.registry).toBeUndefined()
    expect(image(result, 'app')).toMatchObject({
      status: 'built',
      ref: 'team/app',
      imageId: sha('local app')
    })
    expect(image(result, 'base').reasons).toEqual([
      'base/src/main.c -> base',
      'app builds on it, and there is no registry to take it from'
    ])
    expect(image(result, 'tool').status).toBe('unchanged')
    expect(result.digests).toEqual({})
    expect(result.registry).toBeUndefined()
  })

  test('push without a registry is a user error before anything runs', async () => {
    await expect(
      decideImages(
        { jobs: graph(), commit: 'c2', created: 'now', push: true },
        { reporter: new RecordingReporter() }
      )
    ).rejects.toThrow(/pushing images needs a registry/)
  })
})

describe('{{seq}}', () => {
  const seqJob = (name: string, fields: Partial<ImageJob> = {}) =>
    job(name, { tags: tags([], true), ...fields })

  test('the first build of a repository is 0; the next key is one more than the highest label', async () => {
    const registry = new FakeRegistry()
    const first = await run([seqJob('tool')], { registry })
    expect(image(first.result, 'tool').tags).toEqual([contentTag(keyOf('tool')), 'v0'])
    expect(first.builder.requests[0].labels[LABELS.seq]).toBe('0')
    // A hand-made tag with a larger number is not counted: labels are the word, not tag names.
    registry.add('team/tool', ['v99'], {}, 'hand-made')
    registry.add('team/tool', [contentTag(keyOf('old'))], { [LABELS.seq]: '4' }, 'old')
    const second = await run([seqJob('tool', { key: keyOf('tool-2') })], { registry })
    expect(image(second.result, 'tool').tags).toEqual([contentTag(keyOf('tool-2')), 'v5'])
    expect(second.builder.requests[0].labels[LABELS.seq]).toBe('5')
  })

  test('images built at once in one repository never share a number', async () => {
    const { result } = await run(
      [seqJob('a', { repository: 'shared' }), seqJob('b', { repository: 'shared' })],
      { input: { parallel: 2 } }
    )
    const numbers = [image(result, 'a'), image(result, 'b')].map(i => i.tags[1]).sort()
    expect(numbers).toEqual(['v0', 'v1'])
  })

  test('reused content keeps its number from its label; without push no number is taken', async () => {
    const registry = new FakeRegistry()
    registry.add('team/tool', [contentTag(keyOf('tool'))], { [LABELS.seq]: '3' })
    const { result } = await run([seqJob('tool')], { registry })
    expect(image(result, 'tool')).toMatchObject({
      status: 'reused',
      tags: [contentTag(keyOf('tool')), 'v3']
    })
    const dry = await run([seqJob('other')], { input: { push: false } })
    expect(dry.builder.requests[0].labels[LABELS.seq]).toBeUndefined()
  })
})

describe('floating tags move only forward', () => {
  const floating = (name = 'tool') =>
    job(name, { tags: tags([{ tag: 'latest', floating: true }, 'fixed']) })

  async function withLatestAt(revision: string | undefined, commit: string) {
    const registry = new FakeRegistry()
    const old = registry.add(
      'team/tool',
      ['latest', 'fixed'],
      revision ? { [LABELS.revision]: revision } : {},
      'old'
    )
    const r = await run([floating()], { registry, input: { commit } })
    return { ...r, old, now: registry.digestOf('team/tool', 'latest') }
  }

  test('moved when the commit built descends from the one it names', async () => {
    const { result, now } = await withLatestAt('c1', 'c3')
    expect(now).toBe(image(result, 'tool').digest)
    expect(image(result, 'tool').tags).toEqual([contentTag(keyOf('tool')), 'latest', 'fixed'])
    expect(image(result, 'tool').notices).toBeUndefined()
  })

  test('left where it is, with a notice, when the commit built is older; a fixed tag is set anyway', async () => {
    const { result, registry, old, now } = await withLatestAt('c3', 'c1')
    expect(now).toBe(old)
    expect(image(result, 'tool').tags).toEqual([contentTag(keyOf('tool')), 'fixed'])
    expect(registry!.digestOf('team/tool', 'fixed')).toBe(image(result, 'tool').digest)
    expect(image(result, 'tool').notices).toEqual([
      'latest stays at c3: c1 does not descend from it (floating tags only move forward; move it with imagegraph retag)'
    ])
  })

  test('left where it is when git cannot tell (a commit missing from a shallow history) or the image has no revision label', async () => {
    const unknown = await withLatestAt('stray', 'c3')
    expect(unknown.now).toBe(unknown.old)
    expect(image(unknown.result, 'tool').notices![0]).toMatch(
      /^latest stays at stray: that commit is not in the local history/
    )
    const unlabelled = await withLatestAt(undefined, 'c3')
    expect(unlabelled.now).toBe(unlabelled.old)
    expect(image(unlabelled.result, 'tool').notices![0]).toMatch(/has no .*revision label/)
  })

  test('set when the tag does not exist yet, and on a reuse too', async () => {
    const registry = new FakeRegistry()
    const digest = registry.add('team/tool', [contentTag(keyOf('tool'))], {
      [LABELS.revision]: 'c1'
    })
    const { result } = await run([floating()], { registry, input: { commit: 'c3' } })
    expect(image(result, 'tool').status).toBe('reused')
    expect(registry.digestOf('team/tool', 'latest')).toBe(digest)
  })
})
