// build-images end to end: real buildah (private vfs storage, chroot isolation), a real registry
// (Debian's docker-registry, plain HTTP, insecure), base images made offline, a real git repository
// for the forward-only rule. Few builds on purpose: vfs builds are slow.
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { ContainersToolBuilder } from '../src/adapters/builders/containers-tools.js'
import { GitCommandLine } from '../src/adapters/git.js'
import type { BuildRequest, BuildResult, Builder } from '../src/adapters/ports.js'
import { openRegistry } from '../src/adapters/registry.js'
import type { HttpRegistry } from '../src/adapters/registry.js'
import { buildImages } from '../src/commands/build-images.js'
import type { BuildImagesInput } from '../src/commands/build-images.js'
import { LABELS, contentTag } from '../src/core/image-names.js'
import type { ImagesRun } from '../src/core/image-results.js'
import type { ImageJob, ImageTags, RenderedTag } from '../src/core/image-steps.js'
import { busyboxBase, connectionFor, diffIds, inspectImage } from './helpers/base-image.js'
import { buildContext } from './helpers/build-context.js'
import { RecordingReporter } from './helpers/recording-reporter.js'
import { RegistryServer } from './helpers/registry-server.js'
import { TestRepo, removeTempDirs, tempDir } from './helpers/repo.js'

const storage = tempDir('imagegraph-build-images-')
const buildah = new ContainersToolBuilder('buildah', {
  root: path.join(storage, 'root'),
  runroot: path.join(storage, 'run'),
  storageDriver: 'vfs'
})

/** The real builder, counting its builds (every call goes to buildah). */
class CountingBuilder implements Builder {
  readonly name = buildah.name
  readonly description = buildah.description
  readonly built: string[] = []
  build(request: BuildRequest): Promise<BuildResult> {
    this.built.push(request.image)
    return buildah.build(request)
  }
}

let registryServer: RegistryServer
let registry: HttpRegistry
let busybox: string
const repo = TestRepo.init()
const commits: string[] = []

beforeAll(async () => {
  registryServer = await RegistryServer.start()
  registry = openRegistry({ host: registryServer.host, insecure: true })
  busybox = await busyboxBase(registryServer)
  for (const n of [1, 2, 3]) {
    repo.write('history.txt', `${n}\n`)
    commits.push(repo.commit(`commit ${n}`))
  }
})

afterAll(async () => {
  registry?.close()
  await registryServer?.stop()
  removeTempDirs()
})

function key(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** `sha-<7>` (fixed), `latest` (floating), and with seq `<image>.v<n>`. */
function tagsFor(image: string, commit: string, seq: boolean): ImageTags {
  return {
    usesSeq: seq,
    render(n): RenderedTag[] {
      const tags: RenderedTag[] = [
        { tag: `sha-${commit.slice(0, 7)}`, floating: false },
        { tag: 'latest', floating: true }
      ]
      if (seq && n !== undefined) tags.push({ tag: `${image}.v${n}`, floating: false })
      return tags
    }
  }
}

const baseContext = buildContext({
  Dockerfile: 'ARG ROOT\nFROM ${ROOT}\nRUN echo base > /base.txt\n'
})
const appContext = buildContext({
  Dockerfile: 'ARG BASE\nFROM ${BASE}\nRUN cat /base.txt > /seen\nCOPY app.txt /app.txt\n',
  'app.txt': 'app\n'
})
const brokenContext = buildContext({
  Dockerfile: 'ARG ROOT\nFROM ${ROOT}\nRUN echo about to fail; exit 3\n'
})
const otherContext = buildContext({ Dockerfile: 'ARG ROOT\nFROM ${ROOT}\nCOPY Dockerfile /d\n' })

function job(fields: Partial<ImageJob> & Pick<ImageJob, 'name' | 'key' | 'context'>): ImageJob {
  return {
    repository: `it/${fields.name}`,
    dockerfile: path.join(fields.context, 'Dockerfile'),
    platforms: [],
    buildArgs: {},
    imageArgs: {},
    needs: [],
    affected: true,
    reasons: [`${fields.name}: changed`],
    tags: tagsFor(fields.name, 'unset', false),
    ...fields
  }
}

function baseJob(commit: string, k = key('base-1'), context = baseContext): ImageJob {
  return job({
    name: 'base',
    key: k,
    context,
    buildArgs: { ROOT: busybox },
    tags: tagsFor('base', commit, false)
  })
}

function appJob(commit: string, k: string, affected = true): ImageJob {
  return job({
    name: 'app',
    key: k,
    context: appContext,
    imageArgs: { BASE: 'base' },
    needs: ['base'],
    affected,
    tags: tagsFor('app', commit, true)
  })
}

async function run(
  jobs: ImageJob[],
  commit: string
): Promise<{ result: ImagesRun; builder: CountingBuilder; reporter: RecordingReporter }> {
  const builder = new CountingBuilder()
  const reporter = new RecordingReporter()
  const input: BuildImagesInput = {
    jobs,
    commit,
    created: '2026-12-02T00:00:00Z',
    source: 'https://example.invalid/repo',
    push: true,
    parallel: 2,
    connection: connectionFor(registryServer)
  }
  const result = await buildImages(input, {
    builder: async () => ({ builder, reason: 'test' }),
    registry,
    git: new GitCommandLine(repo.dir),
    reporter
  })
  return { result, builder, reporter }
}

function byName(run: ImagesRun, name: string) {
  return run.images.find(i => i.name === name)!
}

const appKey1 = key('app-1')
const appKey2 = key('app-2')

describe('build-images with buildah and a registry', () => {
  let first: ImagesRun

  test('a first run pushes base and app (built on base by digest) with content and version tags, labels and read-back digests', async () => {
    const { result, builder } = await run(
      [baseJob(commits[1]), appJob(commits[1], appKey1)],
      commits[1]
    )
    first = result
    expect(builder.built.sort()).toEqual(['app', 'base'])
    const base = byName(result, 'base')
    const app = byName(result, 'app')
    expect(base).toMatchObject({ status: 'pushed', key: key('base-1') })
    expect(app).toMatchObject({ status: 'pushed' })
    expect(base.tags).toEqual([
      contentTag(key('base-1')),
      `sha-${commits[1].slice(0, 7)}`,
      'latest'
    ])
    expect(app.tags).toEqual([
      contentTag(appKey1),
      `sha-${commits[1].slice(0, 7)}`,
      'latest',
      'app.v0'
    ])
    expect(result.digests).toEqual({
      base: `${registryServer.host}/it/base@${base.digest}`,
      app: `${registryServer.host}/it/app@${app.digest}`
    })

    // The digest reported is the registry's, under every tag.
    const appRef = `${registryServer.host}/it/app`
    for (const tag of app.tags)
      expect((await inspectImage(registryServer, `${appRef}:${tag}`)).Digest).toBe(app.digest)
    const inspected = await inspectImage(registryServer, `${appRef}@${app.digest}`)
    expect(inspected.Labels).toMatchObject({
      [LABELS.revision]: commits[1],
      [LABELS.key]: appKey1,
      [LABELS.title]: 'app',
      [LABELS.reason]: 'app: changed',
      [LABELS.seq]: '0',
      [LABELS.source]: 'https://example.invalid/repo',
      [LABELS.created]: '2026-12-02T00:00:00Z',
      [LABELS.version]: `sha-${commits[1].slice(0, 7)}`
    })
    expect(
      (await inspectImage(registryServer, `${registryServer.host}/it/base@${base.digest}`)).Labels
    ).not.toHaveProperty(LABELS.seq)

    // app really starts with base's layers (its FROM ${BASE} got base by digest).
    const baseLayers = await diffIds(registryServer, result.digests.base)
    const appLayers = await diffIds(registryServer, result.digests.app)
    expect(appLayers.length).toBeGreaterThan(baseLayers.length)
    expect(appLayers.slice(0, baseLayers.length)).toEqual(baseLayers)
  })

  test('a second run with the same keys reuses both: no build, the same digests, the seq kept from the label', async () => {
    const { result, builder } = await run(
      [baseJob(commits[1]), appJob(commits[1], appKey1)],
      commits[1]
    )
    expect(builder.built).toEqual([])
    expect(byName(result, 'base')).toMatchObject({ status: 'reused', builtFrom: commits[1] })
    expect(byName(result, 'app')).toMatchObject({ status: 'reused', builtFrom: commits[1] })
    expect(result.digests).toEqual(first.digests)
    expect(byName(result, 'app').tags).toContain('app.v0')
  })

  test('a new key for app builds only app, on base from the registry, as seq 1; built from an older commit, latest stays', async () => {
    // commits[0] is older than commits[1], which latest names now.
    const { result, builder } = await run(
      [{ ...baseJob(commits[0]), affected: false }, appJob(commits[0], appKey2)],
      commits[0]
    )
    expect(builder.built).toEqual(['app'])
    expect(byName(result, 'base')).toMatchObject({
      status: 'unchanged',
      digest: byName(first, 'base').digest
    })
    const app = byName(result, 'app')
    expect(app.status).toBe('pushed')
    expect(app.digest).not.toBe(byName(first, 'app').digest)
    expect(app.tags).toEqual([contentTag(appKey2), `sha-${commits[0].slice(0, 7)}`, 'app.v1'])
    expect(app.notices).toEqual([
      expect.stringMatching(/^latest stays at [0-9a-f]{40}: [0-9a-f]{40} does not descend from it/)
    ])
    const appRef = `${registryServer.host}/it/app`
    expect((await inspectImage(registryServer, `${appRef}:latest`)).Digest).toBe(
      byName(first, 'app').digest
    )
    expect((await inspectImage(registryServer, `${appRef}:app.v1`)).Labels).toMatchObject({
      [LABELS.seq]: '1'
    })
    expect((await inspectImage(registryServer, `${appRef}:app.v0`)).Digest).toBe(
      byName(first, 'app').digest
    )
    const baseLayers = await diffIds(registryServer, first.digests.base)
    const appLayers = await diffIds(registryServer, `${appRef}@${app.digest}`)
    expect(appLayers.slice(0, baseLayers.length)).toEqual(baseLayers)
  })

  test('a reuse at a newer commit moves latest forward, with no build', async () => {
    const { result, builder } = await run(
      [{ ...baseJob(commits[2]), affected: false }, appJob(commits[2], appKey2)],
      commits[2]
    )
    expect(builder.built).toEqual([])
    const app = byName(result, 'app')
    expect(app).toMatchObject({ status: 'reused', builtFrom: commits[0] })
    expect(app.tags).toEqual([
      contentTag(appKey2),
      `sha-${commits[2].slice(0, 7)}`,
      'latest',
      'app.v1'
    ])
    expect(
      (await inspectImage(registryServer, `${registryServer.host}/it/app:latest`)).Digest
    ).toBe(app.digest)
  })

  test('a failing Dockerfile skips the image built on it, and an independent image still builds', async () => {
    const other = job({
      name: 'other',
      key: key('other-1'),
      context: otherContext,
      buildArgs: { ROOT: busybox },
      tags: tagsFor('other', commits[2], false)
    })
    const { result, builder } = await run(
      [
        baseJob(commits[2], key('base-broken'), brokenContext),
        appJob(commits[2], key('app-3')),
        other
      ],
      commits[2]
    )
    expect(builder.built.sort()).toEqual(['base', 'other'])
    const base = byName(result, 'base')
    expect(base.status).toBe('failed')
    expect(base.error).toBe('buildah bud exited with 3')
    expect(base.logTail!.length).toBeLessThanOrEqual(30)
    expect(base.logTail!.join('\n')).toContain('about to fail')
    expect(byName(result, 'app')).toMatchObject({
      status: 'skipped',
      error: 'skipped: image base failed'
    })
    expect(byName(result, 'other').status).toBe('pushed')
    expect(await registry.headManifest('it/base', contentTag(key('base-broken')))).toBeUndefined()
  })
})
