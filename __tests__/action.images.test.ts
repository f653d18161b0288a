// The action's `mode: build` with images, run as the runner runs dist/index.js, against a real
// docker-registry (htpasswd auth) and buildah (private vfs storage): a push pushes with the
// workflow's tags and reports results, digests and the summary table; a pull request from this
// repository builds and pushes nothing with `push: true`, and says what a merge would build and
// reuse; a fork's pull request never pushes, even with `push: always`; the password is masked.
import { Origin, eventWith, runAction } from './helpers/action.js'
import type { ActionResult, Payload } from './helpers/action.js'
import { RegistryServer } from './helpers/registry-server.js'
import { removeTempDirs } from './helpers/repo.js'

const AUTH = { username: 'ci', password: 'registry-Secret-4711' }
let registry: RegistryServer
const o = new Origin()
let first: string
let second: string
let merge: string

beforeAll(async () => {
  registry = await RegistryServer.start({ auth: AUTH })
  o.dev.write(
    'imagegraph.yml',
    [
      'version: 1',
      'images:',
      '  base: { context: base }',
      '  web:',
      '    context: web',
      '    image-args: { BASE: base }',
      ''
    ].join('\n')
  )
  o.dev.write('base/Dockerfile', 'FROM scratch\nCOPY motd /etc/motd\n')
  o.dev.write('base/motd', 'hello\n')
  o.dev.write('web/Dockerfile', 'ARG BASE\nFROM ${BASE}\nCOPY index.html /www/index.html\n')
  o.dev.write('web/index.html', '<p>one</p>\n')
  first = o.dev.commit('first')
  second = o.dev.write('web/index.html', '<p>two</p>\n').commit('web two')
  o.push('main')
  // A pull request from a branch of this repository changing web, and GitHub's merge commit.
  o.dev.git('checkout', '-q', '-b', 'feature/three')
  const prHead = o.dev.write('web/index.html', '<p>three</p>\n').commit('web three')
  o.dev.git('checkout', '-q', '--detach', second)
  o.dev.git('merge', '-q', '--no-ff', '-m', 'Merge', prHead)
  merge = o.dev.head()
  o.dev.git('checkout', '-q', 'main')
  o.push('feature/three', `${merge}:refs/pull/42/merge`, `${prHead}:refs/pull/42/head`)
})

afterAll(async () => {
  await registry?.stop()
  removeTempDirs()
})

const inputs = (extra: Record<string, string> = {}) => ({
  mode: 'build',
  cache: 'none',
  builder: 'buildah',
  registry: registry.host,
  'registry-insecure': 'true',
  'registry-username': AUTH.username,
  'registry-password': AUTH.password,
  tags: 'latest\nsha-{{short_sha}}',
  ...extra
})

type Results = Record<string, { status: string; digest?: string; tags: string[]; ref: string }>
const statuses = (r: ActionResult) =>
  Object.fromEntries(
    Object.entries(JSON.parse(r.outputs.results) as Results).map(([n, v]) => [n, v.status])
  )

async function tagsOf(repository: string): Promise<string[]> {
  const auth = Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')
  const response = await fetch(`${registry.url}/v2/${repository}/tags/list`, {
    headers: { authorization: `Basic ${auth}` }
  })
  if (response.status === 404) return []
  return (((await response.json()) as { tags: string[] | null }).tags ?? []).sort()
}

function pullRequest(name: string): Payload {
  const head = o.commitOf('refs/pull/42/head')
  return eventWith(name, at => ({
    [at('pull_request.base.sha')]: second,
    [at('pull_request.head.sha')]: head
  }))
}

describe('mode: build with images', () => {
  test('a push builds and pushes every missing key with the workflow tags, and reports them', async () => {
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', second),
      event: 'push',
      payload: eventWith('push', at => ({ [at('before')]: first, [at('after')]: second })),
      sha: second,
      ref: 'refs/heads/main',
      inputs: inputs({ push: 'true' })
    })
    expect(r.stdout).not.toContain('internal error')
    expect([r.code, statuses(r)]).toEqual([0, { base: 'pushed', web: 'pushed' }])
    const results = JSON.parse(r.outputs.results) as Results
    const digests = JSON.parse(r.outputs.digests) as Record<string, string>
    expect(digests.web).toBe(`${registry.host}/web@${results.web.digest}`)
    expect(await tagsOf('web')).toEqual(
      expect.arrayContaining(['latest', `sha-${second.slice(0, 7)}`])
    )
    expect(r.summary).toContain('### Images built')
    expect(r.summary).toContain('pushed 2')
    // The password is masked in the log, before anything could print it.
    expect(r.stdout).toContain(`::add-mask::${AUTH.password}`)
    expect(r.stdout.replaceAll(`::add-mask::${AUTH.password}`, '')).not.toContain(AUTH.password)
  })

  test('a pull request from this repository with push: true builds web, reuses base, pushes nothing', async () => {
    const before = await tagsOf('web')
    const r = await runAction({
      workspace: o.checkout('refs/pull/42/merge', merge),
      event: 'pull_request',
      payload: pullRequest('pull_request'),
      sha: merge,
      ref: 'refs/pull/42/merge',
      inputs: inputs({ push: 'true', tags: 'pr-{{pr}}\nsha-{{short_sha}}' })
    })
    expect(r.stdout).not.toContain('internal error')
    expect([r.code, statuses(r)]).toEqual([0, { base: 'unchanged', web: 'built' }])
    expect(r.stdout).toContain('a pull_request event builds without pushing')
    expect(await tagsOf('web')).toEqual(before)
    expect(r.summary).toContain('not pushed')
  })

  test("a fork's pull request never pushes, even with push: always", async () => {
    const before = await tagsOf('web')
    const r = await runAction({
      workspace: o.checkout('refs/pull/42/merge', merge),
      event: 'pull_request',
      payload: pullRequest('pull_request-fork'),
      sha: merge,
      ref: 'refs/pull/42/merge',
      inputs: inputs({ push: 'always' })
    })
    expect([r.code, statuses(r)]).toEqual([0, { base: 'unchanged', web: 'built' }])
    expect(r.stdout).toContain('push is ignored on an untrusted event')
    expect(await tagsOf('web')).toEqual(before)
  })

  test('push: always pushes a pull request from this repository, tagged with its number', async () => {
    const r = await runAction({
      workspace: o.checkout('refs/pull/42/merge', merge),
      event: 'pull_request',
      payload: pullRequest('pull_request'),
      sha: merge,
      ref: 'refs/pull/42/merge',
      inputs: inputs({ push: 'always', tags: 'pr-{{pr}}\nsha-{{sha}}\n{{branch}}' })
    })
    expect([r.code, statuses(r)]).toEqual([0, { base: 'unchanged', web: 'pushed' }])
    const head = o.commitOf('refs/pull/42/head')
    // {{sha}} is the pull request's head commit, never the merge commit.
    expect(await tagsOf('web')).toEqual(
      expect.arrayContaining(['pr-42', `sha-${head}`, 'feature-limits'])
    )
    expect(await tagsOf('web')).not.toContain(`sha-${merge}`)
  })

  test('an unknown builder or push value is one clear line', async () => {
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', second),
      event: 'push',
      payload: eventWith('push', at => ({ [at('before')]: first, [at('after')]: second })),
      sha: second,
      ref: 'refs/heads/main',
      inputs: inputs({ push: 'yes please' })
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      "::error::Input 'push' is set to invalid value 'yes please'. Valid values: false, true, always"
    )
  })
})

describe('mode: plan with a registry: the waves hold what a build would build', () => {
  const plan = (registryPath: string) =>
    runAction({
      workspace: o.checkout('refs/heads/main', second),
      event: 'push',
      payload: eventWith('push', at => ({ [at('before')]: first, [at('after')]: second })),
      sha: second,
      ref: 'refs/heads/main',
      inputs: { ...inputs(), mode: 'plan', registry: registryPath }
    })

  test('every key already pushed: web is affected, yet no wave builds it', async () => {
    const r = await plan(registry.host)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.outputs['affected-images'])).toEqual(['web'])
    expect(JSON.parse(r.outputs.waves)).toEqual([])
    expect(r.stdout).toContain('To build (the registry lacks their keys): none')
  })

  test('keys missing under another path: unaffected base gets a wave before web', async () => {
    const r = await plan(`${registry.host}/elsewhere`)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.outputs.waves)).toEqual([{ image: ['base'] }, { image: ['web'] }])
  })
})
