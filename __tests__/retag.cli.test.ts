// `imagegraph retag` on a real git repository against Debian's docker-registry: images are pushed
// under their content tags through the distribution API (no builder needed), then the CLI moves
// `production` and the registry API says where each tag points.
import { GitCommandLine } from '../src/adapters/git.js'
import { runCli } from '../src/cli.js'
import { imageKeysAt } from '../src/commands/retag.js'
import { contentTag } from '../src/core/image-names.js'
import type { ImageToRetag } from '../src/core/retag.js'
import { api, closeApi, pushImage } from './helpers/oci.js'
import { RegistryServer } from './helpers/registry-server.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

let server: RegistryServer

beforeAll(async () => {
  server = await RegistryServer.start()
})

afterAll(async () => {
  if (server) {
    closeApi(server)
    await server.stop()
  }
  removeTempDirs()
})

async function cli(
  cwd: string,
  args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { cwd, out: s => void (out += s), err: s => void (err += s) })
  return { code, out, err }
}

/** The digest a tag names, as the registry API answers (no client under test involved). */
async function digestOf(repository: string, tag: string): Promise<string | null> {
  const answer = await api(server, 'HEAD', `/v2/${repository}/manifests/${tag}`, undefined, {
    Accept: 'application/vnd.oci.image.manifest.v1+json'
  })
  if (answer.status === 404) return null
  return answer.headers['docker-content-digest'] as string
}

/**
 * A repository whose graph file pushes under `<registry>/<prefix>` (web to its own repository
 * name), with a release v1.4.0 and a newer commit that changes api and web.
 */
function releasedRepo(prefix: string): TestRepo {
  const repo = TestRepo.init()
  repo.write(
    'imagegraph.yml',
    [
      'version: 1',
      `registry: ${server.host}/${prefix}`,
      'images:',
      '  api:',
      '    context: services/api',
      '  web:',
      '    context: services/web',
      '    repository: frontend/web',
      '  worker:',
      '    context: services/worker',
      ''
    ].join('\n')
  )
  for (const name of ['api', 'web', 'worker']) {
    repo.write(`services/${name}/Dockerfile`, 'FROM scratch\nCOPY app.txt /\n')
    repo.write(`services/${name}/app.txt`, `${name} 1\n`)
  }
  repo.commit('release 1.4.0')
  repo.git('tag', '-a', '-m', 'v1.4.0', 'v1.4.0')
  repo.write('services/api/app.txt', 'api 2\n')
  repo.write('services/web/app.txt', 'web 2\n')
  repo.commit('api and web 2')
  return repo
}

/** Every image at `rev` with its key, its repository as the graph file's registry puts it. */
async function keysAt(repo: TestRepo, rev: string, prefix: string): Promise<ImageToRetag[]> {
  const at = await imageKeysAt(new GitCommandLine(repo.dir), {
    rev,
    graphFile: 'imagegraph.yml',
    repositoryOf: (_, node) => `${prefix}/${node.repository}`
  })
  return at.images
}

/** Pushes each image under its content tag, as a build would; the digests by image. */
async function pushBuilt(images: ImageToRetag[]): Promise<Map<string, string>> {
  const digests = new Map<string, string>()
  for (const i of images) {
    const pushed = await pushImage(server, i.repository, contentTag(i.key), {
      labels: { 'dev.imagegraph.key': i.key },
      layers: [`${i.image} built from ${i.key}\n`]
    })
    digests.set(i.image, pushed.digest)
  }
  return digests
}

const REPOSITORIES = { api: 'api', web: 'frontend/web', worker: 'worker' } as const
type Name = keyof typeof REPOSITORIES

describe('imagegraph retag --rev', () => {
  test('a rollback to a release moves production on every image to that release’s digests', async () => {
    const repo = releasedRepo('cli1')
    const old = await pushBuilt(await keysAt(repo, 'v1.4.0', 'cli1'))
    const head = await pushBuilt(await keysAt(repo, 'HEAD', 'cli1'))
    // Production is at head, as the last deploy left it (the registry from the graph file).
    const forward = await cli(repo.dir, [
      'retag',
      '--rev',
      'HEAD',
      '--tags',
      'production',
      '--insecure-registry'
    ])
    expect(forward.err).toBe('')
    expect(forward.code).toBe(0)
    for (const [name, repository] of Object.entries(REPOSITORIES))
      expect(await digestOf(`cli1/${repository}`, 'production')).toBe(head.get(name))
    expect(head.get('worker')).toBe(old.get('worker'))
    expect(head.get('api')).not.toBe(old.get('api'))

    const back = await cli(repo.dir, [
      'retag',
      '--rev',
      'v1.4.0',
      '--tags',
      'production,rolled-back',
      '--registry',
      `${server.host}/cli1`,
      '--insecure-registry',
      '--json'
    ])
    expect(back.err).toBe('')
    expect(back.code).toBe(0)
    for (const [name, repository] of Object.entries(REPOSITORIES)) {
      expect(await digestOf(`cli1/${repository}`, 'production')).toBe(old.get(name))
      expect(await digestOf(`cli1/${repository}`, 'rolled-back')).toBe(old.get(name))
    }
    const json = JSON.parse(back.out) as {
      images: Record<Name, { status: string; digest: string; before: Record<string, unknown> }>
      digests: Record<Name, string>
    }
    expect(json.images.api).toMatchObject({
      status: 'retagged',
      repository: 'cli1/api',
      digest: old.get('api'),
      tags: ['production', 'rolled-back'],
      before: { production: head.get('api'), 'rolled-back': null }
    })
    expect(json.digests.web).toBe(`${server.host}/cli1/frontend/web@${old.get('web')}`)
  })

  test('refuses when one image’s key at the revision was never pushed, moving nothing; --partial moves the rest', async () => {
    const repo = releasedRepo('cli2')
    repo.write(
      'imagegraph.yml',
      `${repo.git('show', 'HEAD:imagegraph.yml')}  jobs:\n    context: services/jobs\n`
    )
    repo.write('services/jobs/Dockerfile', 'FROM scratch\n')
    repo.commit('add jobs')
    repo.git('tag', 'v1.5.0')
    const at = await keysAt(repo, 'v1.5.0', 'cli2')
    const built = await pushBuilt(at.filter(i => i.image !== 'jobs'))
    const jobsKey = at.find(i => i.image === 'jobs')!.key
    const args = ['retag', '--rev', 'v1.5.0', '--tags', 'production', '--insecure-registry']

    const refused = await cli(repo.dir, args)
    expect(refused.code).toBe(1)
    expect(refused.out).toBe('')
    expect(refused.err).toContain(
      `1 of 4 images were never built (or lost their content), so no tag was moved: jobs (key ${jobsKey.slice(0, 12)}, not in the registry)`
    )
    expect(refused.err.trim().split('\n')).toHaveLength(1)
    for (const repository of [...Object.values(REPOSITORIES), 'jobs'])
      expect(await digestOf(`cli2/${repository}`, 'production')).toBeNull()

    const partial = await cli(repo.dir, [...args, '--partial'])
    expect(partial.code).toBe(0)
    for (const [name, repository] of Object.entries(REPOSITORIES))
      expect(await digestOf(`cli2/${repository}`, 'production')).toBe(built.get(name))
    expect(await digestOf('cli2/jobs', 'production')).toBeNull()
    expect(partial.out).toContain(
      `not retagged: jobs: cli2/jobs:${contentTag(jobsKey)} not in the registry`
    )

    // --images: only these; the others stay where they are.
    const only = await cli(repo.dir, [...args, '--tags=canary', '--images', 'worker'])
    expect(only.code).toBe(0)
    expect(await digestOf('cli2/worker', 'canary')).toBe(built.get('worker'))
    expect(await digestOf('cli2/api', 'canary')).toBeNull()
  })

  test('a revision the repository lacks, and a missing registry, are one clear line', async () => {
    const repo = releasedRepo('cli3')
    const unknown = await cli(repo.dir, ['retag', '--rev', 'v9.9.9', '--tags', 'production'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toBe(
      `--rev: no revision 'v9.9.9' in ${repo.dir}; fetch it first (git fetch origin tag NAME, or git fetch --unshallow)\n`
    )
    repo.write('imagegraph.yml', 'version: 1\nimages:\n  api:\n    context: services/api\n')
    repo.commit('no registry')
    const none = await cli(repo.dir, ['retag', '--rev', 'HEAD', '--tags', 'production'])
    expect(none.code).toBe(1)
    expect(none.err).toBe(
      'retag: no registry: give --registry, or set registry: in imagegraph.yml (it has none at HEAD)\n'
    )
  })
})

describe('imagegraph retag IMAGE --from --to', () => {
  test('moves one image’s tags to a tag or a digest, resolving its repository from the graph', async () => {
    const repo = releasedRepo('cli4')
    const v1 = await pushImage(server, 'cli4/frontend/web', 'v1.0.0', { layers: ['web v1\n'] })
    const v2 = await pushImage(server, 'cli4/frontend/web', 'v1.1.0', { layers: ['web v2\n'] })
    const forward = await cli(repo.dir, [
      'retag',
      'web',
      '--from',
      'v1.1.0',
      '--to',
      'production',
      '--insecure-registry'
    ])
    expect(forward.err).toBe('')
    expect(forward.code).toBe(0)
    expect(await digestOf('cli4/frontend/web', 'production')).toBe(v2.digest)
    expect(forward.out).toMatch(/^web +sha256:[0-9a-f]{12} +production \(new\)$/m)

    const back = await cli(repo.dir, [
      'retag',
      'web',
      '--from',
      v1.digest,
      '--to',
      'production',
      '--insecure-registry'
    ])
    expect(back.code).toBe(0)
    expect(await digestOf('cli4/frontend/web', 'production')).toBe(v1.digest)
    expect(await digestOf('cli4/api', 'production')).toBeNull()
  })

  test.each([
    [
      ['retag', 'wbe', '--from', 'v1', '--to', 'prod'],
      /no image 'wbe' in imagegraph.yml at HEAD \(did you mean 'web'\?\)/
    ],
    [
      ['retag', 'web', '--from', 'v1'],
      /^retag web: --from TAG_OR_DIGEST and --to TAG\[,TAG\] are required; missing --to$/
    ],
    [
      ['retag', 'web', '--from', 'v1', '--to', 'p', '--rev', 'v1.4.0'],
      /^retag web: --rev belongs to the every-image form/
    ],
    [
      ['retag', '--tags', 'production'],
      /^retag: give --rev REV and --tags TAG\[,TAG\] \(every image\), or IMAGE --from TAG_OR_DIGEST --to TAG \(one image\); missing --rev$/
    ],
    [
      ['retag', '--rev', 'HEAD', '--tags', 'production', '--to', 'x'],
      /^retag --rev: --to belongs to the one-image form/
    ],
    [['retag', 'a', 'b'], /^retag: expected at most 1 argument \(an image name\), got 2$/]
  ])('%j is one clear line', async (argv, message) => {
    const repo = releasedRepo('cli5')
    const result = await cli(repo.dir, argv)
    expect(result.code).toBe(1)
    expect(result.err.trim()).toMatch(message)
    expect(result.err.trim().split('\n')).toHaveLength(1)
  })
})
