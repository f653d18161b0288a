// The action's `mode: retag`, run as the runner runs dist/index.js, against Debian's docker-registry:
// a workflow_dispatch rollback moves `production` on every image to a release's content; an
// untrusted event moves nothing; a checkout without the release's history says to fetch it.
import { readFileSync } from 'node:fs'
import { GitCommandLine } from '../src/adapters/git.js'
import { imageKeysAt } from '../src/commands/retag.js'
import { contentTag } from '../src/core/image-names.js'
import type { ImageToRetag } from '../src/core/retag.js'
import { Origin, eventWith, loadEvent, runAction } from './helpers/action.js'
import type { ActionRun } from './helpers/action.js'
import { api, closeApi, pushImage } from './helpers/oci.js'
import { RegistryServer } from './helpers/registry-server.js'
import { TestRepo, git, removeTempDirs } from './helpers/repo.js'

let server: RegistryServer
let origin: Origin
let release: string
let main: string
/** Digests by image: the release's content, and main's (where production is at first). */
let atRelease: Map<string, string>
let atMain: Map<string, string>

const IMAGES = ['api', 'web', 'worker']

beforeAll(async () => {
  server = await RegistryServer.start()
  origin = new Origin()
  const dev = origin.dev
  dev.write(
    'imagegraph.yml',
    [
      'version: 1',
      `registry: ${server.host}/acme`,
      'images:',
      ...IMAGES.flatMap(name => [`  ${name}:`, `    context: services/${name}`]),
      ''
    ].join('\n')
  )
  for (const name of IMAGES) {
    dev.write(`services/${name}/Dockerfile`, 'FROM scratch\nCOPY app.txt /\n')
    dev.write(`services/${name}/app.txt`, `${name} 1\n`)
  }
  release = dev.commit('release 1.4.0')
  dev.git('tag', '-a', '-m', 'v1.4.0', 'v1.4.0')
  dev.write('services/api/app.txt', 'api 2\n')
  main = dev.commit('api 2')
  origin.push('main', 'v1.4.0')
  atRelease = await pushBuilt(await keysAt(dev, 'v1.4.0'))
  atMain = await pushBuilt(await keysAt(dev, main))
})

afterAll(async () => {
  if (server) {
    closeApi(server)
    await server.stop()
  }
  removeTempDirs()
})

async function keysAt(repo: TestRepo, rev: string): Promise<ImageToRetag[]> {
  const at = await imageKeysAt(new GitCommandLine(repo.dir), {
    rev,
    graphFile: 'imagegraph.yml',
    repositoryOf: image => `acme/${image}`
  })
  return at.images
}

async function pushBuilt(images: ImageToRetag[]): Promise<Map<string, string>> {
  const digests = new Map<string, string>()
  for (const i of images) {
    const pushed = await pushImage(server, i.repository, contentTag(i.key), {
      layers: [`${i.image} built from ${i.key}\n`]
    })
    digests.set(i.image, pushed.digest)
  }
  return digests
}

async function digestOf(repository: string, tag: string): Promise<string | null> {
  const answer = await api(server, 'HEAD', `/v2/${repository}/manifests/${tag}`, undefined, {
    Accept: 'application/vnd.oci.image.manifest.v1+json'
  })
  if (answer.status === 404) return null
  return answer.headers['docker-content-digest'] as string
}

/** The workspace as actions/checkout leaves it with fetch-depth: 0: every commit and tag. */
function fullCheckout(): string {
  const clone = TestRepo.clone(origin.bare, ['--branch', 'main'])
  return clone.dir
}

function dispatch(workspace: string, inputs: Record<string, string>): ActionRun {
  const payload = loadEvent('workflow_dispatch')
  payload.inputs = { release: inputs.rev ?? '' }
  return {
    workspace,
    event: 'workflow_dispatch',
    payload,
    sha: main,
    ref: 'refs/heads/main',
    inputs: { mode: 'retag', 'registry-insecure': 'true', ...inputs }
  }
}

/** Puts production back on main's content, as the last deploy left it. */
async function productionAtMain(): Promise<void> {
  const r = await runAction(dispatch(fullCheckout(), { rev: 'main', tags: 'production' }))
  expect(r.stdout).not.toContain('::error')
  for (const name of IMAGES)
    expect(await digestOf(`acme/${name}`, 'production')).toBe(atMain.get(name))
}

describe('mode: retag', () => {
  test('workflow_dispatch with rev: a release moves production on every image back to it', async () => {
    await productionAtMain()
    const r = await runAction(dispatch(fullCheckout(), { rev: 'v1.4.0', tags: 'production' }))
    expect(r.stdout).not.toContain('::error')
    expect(r.code).toBe(0)
    for (const name of IMAGES)
      expect(await digestOf(`acme/${name}`, 'production')).toBe(atRelease.get(name))
    const results = JSON.parse(r.outputs.results) as Record<string, Record<string, unknown>>
    expect(Object.keys(results)).toEqual(IMAGES)
    expect(results.api).toMatchObject({
      status: 'retagged',
      digest: atRelease.get('api'),
      tags: ['production'],
      before: { production: atMain.get('api') }
    })
    expect(results.api.from).toMatch(/^key-[0-9a-f]{64}$/)
    // The whole of it in a file too, which a cut output points to.
    expect(JSON.parse(readFileSync(r.outputs['results-file'], 'utf8'))).toEqual(results)
    expect(JSON.parse(r.outputs.digests)).toEqual(
      Object.fromEntries(
        IMAGES.map(name => [name, `${server.host}/acme/${name}@${atRelease.get(name)}`])
      )
    )
    expect(r.summary).toContain('### Retag')
    // Parentheses are written as character references: the summary shows repository text inert.
    expect(r.summary).toContain(`retag at v1.4.0 &#40;${release.slice(0, 12)}&#41;`)
    expect(r.summary).toContain('3 images retagged · 1 tag moved · 2 already in place')
  })

  test('from with one image: its tag goes to the manifest named', async () => {
    await productionAtMain()
    const r = await runAction(
      dispatch(fullCheckout(), {
        from: atRelease.get('api')!,
        images: 'api',
        tags: 'production'
      })
    )
    expect(r.stdout).not.toContain('::error')
    expect(r.code).toBe(0)
    expect(await digestOf('acme/api', 'production')).toBe(atRelease.get('api'))
    expect(await digestOf('acme/web', 'production')).toBe(atMain.get('web'))
    expect(JSON.parse(r.outputs.results)).toMatchObject({
      api: { status: 'retagged', from: atRelease.get('api') }
    })
  })

  test('pull_request_target never retags: the step fails and nothing moves', async () => {
    await productionAtMain()
    const r = await runAction({
      workspace: fullCheckout(),
      event: 'pull_request_target',
      payload: eventWith('pull_request_target', at => ({
        [at('pull_request.base.sha')]: release,
        [at('pull_request.head.sha')]: main
      })),
      sha: release,
      ref: 'refs/heads/main',
      inputs: { mode: 'retag', rev: 'v1.4.0', tags: 'production', 'registry-insecure': 'true' }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      "::error::mode 'retag' never runs on an untrusted event (pull_request_target runs code from the pull request with the base repository's access): nothing was retagged"
    )
    for (const name of IMAGES)
      expect(await digestOf(`acme/${name}`, 'production')).toBe(atMain.get(name))
    expect(r.outputs.results).toBeUndefined()
  })

  test('a checkout without the release (depth 1) fails with how to fetch it', async () => {
    const workspace = origin.checkout('refs/heads/main', main)
    expect(git(workspace, 'tag', '--list')).toBe('')
    const r = await runAction(dispatch(workspace, { rev: 'v1.4.0', tags: 'production' }))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      `::error::input 'rev': no revision 'v1.4.0' in ${workspace}; check the repository out with its history (actions/checkout with fetch-depth: 0), or fetch the tag before this step`
    )
  })

  test.each([
    [{ tags: 'production' }, "Input 'rev' or 'from' is required with mode 'retag'"],
    [{ rev: 'v1.4.0' }, "Input 'tags' is required with mode 'retag'"],
    [
      { from: 'v1', images: 'api,web', tags: 'production' },
      "Input 'images' must name exactly one image with 'from' (mode 'retag'); it names 2: api, web"
    ],
    [{ rev: 'v1.4.0', from: 'v1', tags: 'p' }, "Inputs 'rev' and 'from' are both set"]
  ])('%j is one clear line', async (inputs, message) => {
    const r = await runAction(dispatch(fullCheckout(), inputs))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`::error::${message}`)
  })
})
