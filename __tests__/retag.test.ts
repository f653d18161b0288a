// Releases and rollbacks as retags, against Debian's docker-registry and real git repositories:
// images are pushed under their content tags through the distribution API (no builder needed),
// then `production` is moved to the keys of an old revision and checked with skopeo and the API.
import { execFileSync } from 'node:child_process'
import { GitCommandLine } from '../src/adapters/git.js'
import { HttpRegistry, openRegistry } from '../src/adapters/registry.js'
import { imageKeysAt, retagOne, retagRevision } from '../src/commands/retag.js'
import { UserError } from '../src/core/errors.js'
import { contentTag } from '../src/core/image-names.js'
import { retagCounts, retagMarkdown, retagText } from '../src/core/render/retag.js'
import { MissingImagesError } from '../src/core/retag.js'
import type { ImageToRetag, RetaggedImage } from '../src/core/retag.js'
import {
  OCI_INDEX,
  api,
  closeApi,
  deleteBlob,
  pushImage,
  pushIndex,
  sha256
} from './helpers/oci.js'
import { RegistryServer } from './helpers/registry-server.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

let server: RegistryServer
let registry: HttpRegistry

beforeAll(async () => {
  server = await RegistryServer.start()
  registry = openRegistry({ host: server.host, insecure: true })
})

afterAll(async () => {
  registry?.close()
  if (server) {
    closeApi(server)
    await server.stop()
  }
  removeTempDirs()
})

/** The digest a tag names, as the registry API answers (no client under test involved). */
async function digestOf(repository: string, tag: string): Promise<string | null> {
  const answer = await api(server, 'HEAD', `/v2/${repository}/manifests/${tag}`, undefined, {
    Accept: [
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.index.v1+json'
    ].join(', ')
  })
  if (answer.status === 404) return null
  return answer.headers['docker-content-digest'] as string
}

function skopeoDigest(reference: string): string {
  const raw = execFileSync('skopeo', [
    'inspect',
    '--raw',
    '--tls-verify=false',
    `docker://${server.host}/${reference}`
  ])
  return sha256(raw)
}

const GRAPH = [
  'version: 1',
  'images:',
  '  api:',
  '    context: services/api',
  '  web:',
  '    context: services/web',
  '  worker:',
  '    context: services/worker',
  ''
].join('\n')

/** A repository with a release v1.4.0 and a newer commit that changes api and web. */
function releasedRepo(): { repo: TestRepo; v1: string; v2: string } {
  const repo = TestRepo.init()
  repo.write('imagegraph.yml', GRAPH)
  for (const name of ['api', 'web', 'worker'])
    repo.write(`services/${name}/Dockerfile`, `FROM scratch\nCOPY app.txt /\n`)
  repo.write('services/api/app.txt', 'api 1\n')
  repo.write('services/web/app.txt', 'web 1\n')
  repo.write('services/worker/app.txt', 'worker 1\n')
  const v1 = repo.commit('release 1.4.0')
  repo.git('tag', '-a', '-m', 'v1.4.0', 'v1.4.0')
  repo.write('services/api/app.txt', 'api 2\n')
  repo.write('services/web/app.txt', 'web 2\n')
  const v2 = repo.commit('api and web 2')
  return { repo, v1, v2 }
}

/** Pushes each image under its content tag, as a build would; returns the digests by image. */
async function pushBuilt(images: ImageToRetag[], commit: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>()
  for (const i of images) {
    const pushed = await pushImage(server, i.repository, contentTag(i.key), {
      labels: { 'dev.imagegraph.key': i.key, 'org.opencontainers.image.revision': commit },
      layers: [`${i.image} built from ${i.key}\n`]
    })
    digests.set(i.image, pushed.digest)
  }
  return digests
}

const repositoryIn = (prefix: string) => (image: string) => `${prefix}/${image}`

describe('retag --rev: every image at once', () => {
  test('a rollback to a release moves production on every image to exactly its old digests', async () => {
    const { repo, v1, v2 } = releasedRepo()
    const git = new GitCommandLine(repo.dir)
    const repositoryOf = repositoryIn('rollback')
    const old = await imageKeysAt(git, { rev: 'v1.4.0', graphFile: 'imagegraph.yml', repositoryOf })
    const head = await imageKeysAt(git, { rev: 'HEAD', graphFile: 'imagegraph.yml', repositoryOf })
    expect(old.revision).toEqual({ rev: 'v1.4.0', commit: v1 })
    expect(head.revision.commit).toBe(v2)
    expect(old.images.map(i => i.image)).toEqual(['api', 'web', 'worker'])
    // worker did not change: the same key (and so the same content) at both revisions.
    const keyAt = (r: typeof old, name: string) => r.images.find(i => i.image === name)!.key
    expect(keyAt(old, 'worker')).toBe(keyAt(head, 'worker'))
    expect(keyAt(old, 'api')).not.toBe(keyAt(head, 'api'))

    const oldDigests = await pushBuilt(old.images, v1)
    const headDigests = await pushBuilt(
      head.images.filter(i => i.image !== 'worker'),
      v2
    )
    headDigests.set('worker', oldDigests.get('worker')!)
    // Production is at head, as the last deploy left it.
    await retagRevision(
      { images: head.images, tags: ['production'], revision: head.revision },
      {
        registry
      }
    )
    for (const name of ['api', 'web', 'worker'])
      expect(await digestOf(`rollback/${name}`, 'production')).toBe(headDigests.get(name))

    const result = await retagRevision(
      { images: old.images, tags: ['production', 'rolled-back'], revision: old.revision },
      { registry }
    )
    for (const name of ['api', 'web', 'worker']) {
      expect(await digestOf(`rollback/${name}`, 'production')).toBe(oldDigests.get(name))
      expect(skopeoDigest(`rollback/${name}:production`)).toBe(oldDigests.get(name))
      expect(await digestOf(`rollback/${name}`, 'rolled-back')).toBe(oldDigests.get(name))
    }
    // The result says what each tag named before, for the summary.
    const api = result.images.find(i => i.image === 'api') as RetaggedImage
    expect(api).toEqual({
      status: 'retagged',
      image: 'api',
      repository: 'rollback/api',
      key: keyAt(old, 'api'),
      from: contentTag(keyAt(old, 'api')),
      digest: oldDigests.get('api'),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      tags: [
        { tag: 'production', before: headDigests.get('api') },
        { tag: 'rolled-back', before: null }
      ]
    })
    const worker = result.images.find(i => i.image === 'worker') as RetaggedImage
    expect(worker.tags[0]).toEqual({ tag: 'production', before: oldDigests.get('worker') })
    expect(retagCounts(result)).toBe('3 images retagged · 5 tags moved · 1 already in place')
    const text = retagText(result)
    expect(text).toContain(`retag at v1.4.0 (${v1.slice(0, 12)}) on ${server.host}`)
    expect(text).toMatch(
      /^api +sha256:[0-9a-f]{12} +production \(was sha256:[0-9a-f]{12}\), rolled-back \(new\)$/m
    )
    expect(text).toMatch(/^worker .*production \(already there\)/m)
    expect(retagMarkdown(result)).toContain('| <code>api</code> |')
  })

  test('refuses when one key was never pushed, naming it with its key and revision, and moves nothing', async () => {
    const { repo } = releasedRepo()
    repo.write('imagegraph.yml', `${GRAPH}  jobs:\n    context: services/jobs\n`)
    repo.write('services/jobs/Dockerfile', 'FROM scratch\n')
    const v3 = repo.commit('add jobs')
    const git = new GitCommandLine(repo.dir)
    const repositoryOf = repositoryIn('refuse')
    const at = await imageKeysAt(git, { rev: v3, graphFile: 'imagegraph.yml', repositoryOf })
    const built = at.images.filter(i => i.image !== 'jobs')
    const digests = await pushBuilt(built, v3)
    const jobsKey = at.images.find(i => i.image === 'jobs')!.key

    const error = await retagRevision(
      { images: at.images, tags: ['production'], revision: at.revision },
      { registry }
    ).catch(e => e)
    expect(error).toBeInstanceOf(MissingImagesError)
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(
      `retag at ${v3.slice(0, 12)}: 1 of 4 images were never built (or lost their content), so no tag was moved: jobs (key ${jobsKey.slice(0, 12)}, not in the registry); build them first, or allow a partial retag (--partial) to move the others`
    )
    expect(error.missing.map((m: { image: string; key: string }) => [m.image, m.key])).toEqual([
      ['jobs', jobsKey]
    ])
    for (const i of built) expect(await digestOf(i.repository, 'production')).toBeNull()

    // --partial: the present ones move, the missing one is reported.
    const partial = await retagRevision(
      { images: at.images, tags: ['production'], revision: at.revision, partial: true },
      { registry }
    )
    for (const i of built)
      expect(await digestOf(i.repository, 'production')).toBe(digests.get(i.image))
    expect(await digestOf('refuse/jobs', 'production')).toBeNull()
    expect(partial.images.map(i => [i.image, i.status])).toEqual([
      ['api', 'retagged'],
      ['web', 'retagged'],
      ['worker', 'retagged'],
      ['jobs', 'missing']
    ])
    expect(retagText(partial)).toContain(
      `not retagged: jobs: refuse/jobs:${contentTag(jobsKey)} not in the registry`
    )
    expect(retagMarkdown(partial)).toContain('Not retagged (partial retag): 1')
  })

  test('a content tag whose blob is gone counts as missing: nothing moves', async () => {
    const repositoryOf = repositoryIn('gone')
    const images: ImageToRetag[] = [
      { image: 'a', repository: repositoryOf('a'), key: 'a'.repeat(64) },
      { image: 'b', repository: repositoryOf('b'), key: 'b'.repeat(64) }
    ]
    await pushBuilt(images, 'x')
    const b = await pushImage(server, 'gone/b', contentTag('b'.repeat(64)), {
      layers: ['b, pushed again with a layer that is then deleted\n']
    })
    await deleteBlob(server, 'gone/b', b.layers[0])
    const error = await retagRevision({ images, tags: ['production'] }, { registry }).catch(e => e)
    expect(error).toBeInstanceOf(MissingImagesError)
    expect(error.message).toContain(
      `b (key bbbbbbbbbbbb, blob ${b.layers[0]} of manifest ${b.digest} is gone)`
    )
    expect(await digestOf('gone/a', 'production')).toBeNull()
  })

  test('--images picks images; an unknown or non-image name is a clear error', async () => {
    const { repo } = releasedRepo()
    const git = new GitCommandLine(repo.dir)
    const request = { rev: 'v1.4.0', graphFile: 'imagegraph.yml', repositoryOf: repositoryIn('x') }
    const some = await imageKeysAt(git, { ...request, images: ['worker', 'api'] })
    expect(some.images.map(i => i.image)).toEqual(['api', 'worker'])
    await expect(imageKeysAt(git, { ...request, images: ['wrker'] })).rejects.toThrow(
      new UserError("images: no image 'wrker' in imagegraph.yml at v1.4.0 (did you mean 'worker'?)")
    )
    await expect(imageKeysAt(git, { ...request, rev: 'v9.9.9' })).rejects.toThrow(
      /^unknown revision 'v9.9.9'/
    )
  })

  test('refuses bad target tags and two images in one repository before asking the registry', async () => {
    const images: ImageToRetag[] = [
      { image: 'a', repository: 'shared/repo', key: 'a'.repeat(64) },
      { image: 'b', repository: 'shared/repo', key: 'b'.repeat(64) }
    ]
    await expect(retagRevision({ images, tags: ['prod'] }, { registry })).rejects.toThrow(
      'retag: images a and b are both pushed to repository shared/repo, so a tag there can name only one of them; give each image its own repository'
    )
    await expect(
      retagRevision(
        { images: images.slice(0, 1), tags: [contentTag('c'.repeat(64))] },
        { registry }
      )
    ).rejects.toThrow(/is a content tag: it names the inputs of one build/)
    await expect(
      retagRevision({ images: images.slice(0, 1), tags: ['bad tag'] }, { registry })
    ).rejects.toThrow(`tags: tag 'bad tag' contains " "`)
  })
})

describe('retag IMAGE --from X --to TAG', () => {
  test('from a tag and from a digest', async () => {
    const v1 = await pushImage(server, 'one/api', 'v1.0.0', { layers: ['api v1\n'] })
    const v2 = await pushImage(server, 'one/api', 'v1.1.0', { layers: ['api v2\n'] })
    await retagOne({ repository: 'one/api', from: 'v1.1.0', to: ['production'] }, { registry })
    expect(skopeoDigest('one/api:production')).toBe(v2.digest)

    const back = await retagOne(
      { image: 'api', repository: 'one/api', from: v1.digest, to: ['production', 'stable'] },
      { registry }
    )
    expect(await digestOf('one/api', 'production')).toBe(v1.digest)
    expect(await digestOf('one/api', 'stable')).toBe(v1.digest)
    expect(back.images[0]).toMatchObject({
      image: 'api',
      from: v1.digest,
      digest: v1.digest,
      tags: [
        { tag: 'production', before: v2.digest },
        { tag: 'stable', before: null }
      ]
    })
    expect(back.images[0]).not.toHaveProperty('key')
  })

  test('an index (multi-platform) keeps its digest', async () => {
    const index = await pushIndex(server, 'one/multi', 'v2', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' }
    ])
    const result = await retagOne(
      { repository: 'one/multi', from: 'v2', to: ['production'] },
      { registry }
    )
    expect(result.images[0]).toMatchObject({ digest: index.digest, mediaType: OCI_INDEX })
    expect(skopeoDigest('one/multi:production')).toBe(index.digest)
    expect(await digestOf('one/multi', 'production')).toBe(index.digest)
  })

  test('an unknown tag is one clear line with what the repository has', async () => {
    await pushImage(server, 'one/known', 'v1.2.3')
    await expect(
      retagOne({ repository: 'one/known', from: 'v1.2.4', to: ['production'] }, { registry })
    ).rejects.toThrow(
      new UserError(
        `retag one/known: ${server.host}/one/known:v1.2.4 is not in the registry (did you mean 'v1.2.3'?)`
      )
    )
    await expect(
      retagOne({ repository: 'one/none', from: 'v1', to: ['production'] }, { registry })
    ).rejects.toThrow(
      `retag one/none: ${server.host}/one/none:v1 is not in the registry; repository one/none has no tags`
    )
    expect(await digestOf('one/known', 'production')).toBeNull()
  })
})
