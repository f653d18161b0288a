// The whole job end to end through `imagegraph run`, the path the action's `mode: build` shares:
// a real git repository, Debian's docker-registry on 127.0.0.1, buildah with private vfs storage
// (CONTAINERS_STORAGE_CONF), a process writing into an image's context, and an image built
// `FROM ${BASE}` on another graph image. Issues 10 and 11: first adoption builds every missing
// key, a re-run builds nothing, a change builds only what it reaches, a revert reuses the old
// digest, a deleted key heals, {{seq}} counts per content, a bad template stops before any build,
// and a run without --push leaves the registry untouched.
import { runCli } from '../src/cli.js'
import { contentTag } from '../src/core/image-names.js'
import { diffIds, inspectImage } from './helpers/base-image.js'
import { RegistryServer } from './helpers/registry-server.js'
import { privateStorageConf } from './helpers/containers-storage.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

const previousConf = process.env.CONTAINERS_STORAGE_CONF
let registry: RegistryServer
const repo = TestRepo.init()

interface ImageJson {
  status: string
  ref: string
  digest?: string
  tags: string[]
  key: string
  reasons: string[]
}
interface RunJson {
  processes: { ran: string[]; hit: string[] }
  images: Record<string, ImageJson>
  digests: Record<string, string>
}

beforeAll(async () => {
  process.env.CONTAINERS_STORAGE_CONF = privateStorageConf()
  registry = await RegistryServer.start()
  repo.write(
    'imagegraph.yml',
    [
      'version: 1',
      'configs:',
      '  greeting: { paths: [config/**] }',
      'processes:',
      '  render:',
      '    inputs: [greeting]',
      '    run: mkdir -p app/rendered && cp config/greeting.txt app/rendered/greeting.txt',
      '    outputs: [app/rendered]',
      'images:',
      '  base: { context: base }',
      '  app:',
      '    context: app',
      '    image-args: { BASE: base }',
      '    repository: team/app',
      ''
    ].join('\n')
  )
  repo.write('config/greeting.txt', 'hello\n')
  repo.write('base/Dockerfile', 'FROM scratch\nCOPY motd /etc/motd\n')
  repo.write('base/motd', 'base\n')
  repo.write(
    'app/Dockerfile',
    'ARG BASE\nFROM ${BASE}\nCOPY rendered/greeting.txt /greeting.txt\nCOPY app.txt /app.txt\n'
  )
  repo.write('app/app.txt', 'one\n')
  repo.write('.gitignore', 'app/rendered/\n')
  repo.commit('first')
})

afterAll(async () => {
  if (previousConf === undefined) delete process.env.CONTAINERS_STORAGE_CONF
  else process.env.CONTAINERS_STORAGE_CONF = previousConf
  await registry?.stop()
  removeTempDirs()
})

async function run(...args: string[]): Promise<{ code: number; json?: RunJson; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(
    [
      'run',
      '--json',
      '--cache',
      'none',
      '--builder',
      'buildah',
      '--registry',
      registry.host,
      '--insecure-registry',
      '--tags',
      'latest,sha-{{short_sha}},{{image}}.v{{seq}}',
      ...args
    ],
    { cwd: repo.dir, out: s => void (out += s), err: s => void (err += s) }
  )
  return { code, err, ...(out ? { json: JSON.parse(out) as RunJson } : {}) }
}

const statuses = (json: RunJson | undefined) =>
  Object.fromEntries(Object.entries(json!.images).map(([name, r]) => [name, r.status]))

async function tagsOf(repository: string): Promise<string[]> {
  const response = await fetch(`${registry.url}/v2/${repository}/tags/list`)
  if (response.status === 404) return []
  return (((await response.json()) as { tags: string[] | null }).tags ?? []).sort()
}

describe('imagegraph run: the whole job against a real registry and buildah', () => {
  let firstApp: ImageJson
  let firstBase: ImageJson

  test('first adoption: nothing changed, yet every key missing from the registry is built and pushed, bases first', async () => {
    const first = await run('--base', 'HEAD', '--push')
    expect(first.err).not.toMatch(/internal error/)
    expect([first.code, statuses(first.json)]).toEqual([0, { base: 'pushed', app: 'pushed' }])
    firstApp = first.json!.images.app
    firstBase = first.json!.images.base
    expect(firstApp.reasons).toEqual(['key not in the registry'])
    // The process writing app's context ran before app was built, though app does not list it.
    expect(first.json!.processes.ran).toEqual(['render'])
    expect(firstApp.ref).toBe(`${registry.host}/team/app`)
    expect(first.json!.digests.app).toBe(`${registry.host}/team/app@${firstApp.digest}`)
    expect(await tagsOf('team/app')).toEqual(
      [contentTag(firstApp.key), 'app.v0', 'latest', `sha-${repo.head().slice(0, 7)}`].sort()
    )
    const inspected = await inspectImage(registry, `${registry.host}/team/app:latest`)
    expect(inspected.Digest).toBe(firstApp.digest)
    expect(inspected.Labels).toMatchObject({
      'dev.imagegraph.key': firstApp.key,
      'dev.imagegraph.seq': '0',
      'org.opencontainers.image.revision': repo.head()
    })
    // Built FROM ${BASE}: app's layers start with base's.
    const baseLayers = await diffIds(registry, `${registry.host}/base@${firstBase.digest}`)
    const appLayers = await diffIds(registry, `${registry.host}/team/app@${firstApp.digest}`)
    expect(appLayers.slice(0, baseLayers.length)).toEqual(baseLayers)
  })

  test('a re-run of the same commit builds nothing and moves no digest', async () => {
    const again = await run('--base', 'HEAD', '--push')
    expect([again.code, statuses(again.json)]).toEqual([0, { base: 'unchanged', app: 'unchanged' }])
    expect(again.json!.images.app.digest).toBe(firstApp.digest)
    expect(again.json!.processes.ran).toEqual([])
  })

  test('a change under one context builds that image only, on the base from the registry; {{seq}} counts up', async () => {
    repo.write('app/app.txt', 'two\n').commit('change app')
    const changed = await run('--base', 'HEAD~1', '--push')
    expect([changed.code, statuses(changed.json)]).toEqual([
      0,
      { base: 'unchanged', app: 'pushed' }
    ])
    const app = changed.json!.images.app
    expect(app.digest).not.toBe(firstApp.digest)
    expect(app.tags).toContain('app.v1')
    expect(app.reasons[0]).toContain('app/app.txt')
  })

  test('a revert reuses the digest built for that content, with its number', async () => {
    repo.write('app/app.txt', 'one\n').commit('revert app')
    const reverted = await run('--base', 'HEAD~1', '--push')
    expect([reverted.code, statuses(reverted.json)]).toEqual([
      0,
      { base: 'unchanged', app: 'reused' }
    ])
    expect(reverted.json!.images.app.digest).toBe(firstApp.digest)
    expect(reverted.json!.images.app.tags).toContain('app.v0')
    expect(reverted.json!.images.app.tags).not.toContain('app.v2')
  })

  test('a key deleted from the registry is built again on the next run, though nothing changed', async () => {
    const response = await fetch(`${registry.url}/v2/base/manifests/${firstBase.digest}`, {
      method: 'DELETE'
    })
    expect(response.status).toBe(202)
    const healed = await run('--base', 'HEAD', '--push')
    expect([healed.code, statuses(healed.json)]).toEqual([0, { base: 'pushed', app: 'unchanged' }])
    expect(healed.json!.images.base.reasons).toEqual(['key not in the registry'])
  })

  test('retag-unaffected: a release names every image on its existing digest, with no build', async () => {
    let out = ''
    const code = await runCli(
      [
        'run',
        '--json',
        '--base',
        'HEAD',
        '--cache',
        'none',
        '--builder',
        'buildah',
        '--registry',
        registry.host,
        '--insecure-registry',
        '--push',
        '--retag-unaffected',
        '--tags',
        'release-7'
      ],
      { cwd: repo.dir, out: s => void (out += s), err: () => undefined }
    )
    const json = JSON.parse(out) as RunJson
    expect([code, statuses(json)]).toEqual([0, { base: 'unchanged', app: 'unchanged' }])
    for (const [name, repository] of [
      ['base', 'base'],
      ['app', 'team/app']
    ]) {
      expect(json.images[name].tags).toContain('release-7')
      const tagged = await inspectImage(registry, `${registry.host}/${repository}:release-7`)
      expect(tagged.Digest).toBe(json.images[name].digest)
    }
  })

  test('without --push: images are built locally and the registry is left as it was', async () => {
    repo.write('app/app.txt', 'three\n').commit('change app again')
    const before = await tagsOf('team/app')
    const local = await run('--base', 'HEAD~1')
    expect([local.code, statuses(local.json)]).toEqual([0, { base: 'unchanged', app: 'built' }])
    expect(local.json!.images.app.digest).toBeUndefined()
    expect(await tagsOf('team/app')).toEqual(before)
  })

  test('a template that renders to an invalid tag stops the run before anything is built', async () => {
    let err = ''
    const code = await runCli(
      [
        'run',
        '--base',
        'HEAD~1',
        '--cache',
        'none',
        '--builder',
        'buildah',
        '--registry',
        registry.host,
        '--insecure-registry',
        '--push',
        '--tags',
        'x{{sha}}{{sha}}{{sha}}{{sha}}'
      ],
      { cwd: repo.dir, out: () => undefined, err: s => void (err += s) }
    )
    expect(code).toBe(1)
    expect(err).toContain('nothing was built')
    expect(err).toContain(
      "--tags (item 1): image app: 'x{{sha}}{{sha}}{{sha}}{{sha}}' renders to an invalid tag"
    )
    expect(err).not.toContain('building')
  })
})
