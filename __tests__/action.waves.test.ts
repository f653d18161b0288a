// The built action (dist/index.js) fanning out across runners (issue 11): the plan's `waves` and
// `wave-count`, the input `images` checked against the graph, and `mode: report` merging the
// results files of two legs as the reusable workflow's report job downloads them.
// The example graph: image-a is built on base; image-b and image-c on nothing but processes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { DIST, Origin, eventWith, loadEvent, runAction } from './helpers/action.js'
import type { ActionResult, ActionRun } from './helpers/action.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run 'npm run bundle'`)
})
afterAll(removeTempDirs)

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m
const errors = (r: ActionResult) => r.stdout.split('\n').filter(l => l.startsWith('::error::'))

async function succeeded(run: ActionRun): Promise<ActionResult> {
  const r = await runAction(run)
  if (r.code !== 0) throw new Error(`the action failed (${r.code}):\n${r.stdout}\n${r.stderr}`)
  return r
}

/** A push to main of one change to `file` (or of every node: a first push). */
async function pushOf(file: string | 'first', inputs: Record<string, string> = {}) {
  const o = Origin.withExample()
  const before = o.dev.head()
  const after = o.dev.write(file === 'first' ? 'docs/x.md' : file, 'changed\n').commit('change')
  o.push('main')
  const payload =
    file === 'first'
      ? eventWith('push-created', at => ({ [at('after')]: after, [at('ref')]: 'refs/heads/main' }))
      : eventWith('push', at => ({ [at('before')]: before, [at('after')]: after }))
  return runAction({
    workspace: o.checkout('refs/heads/main', after),
    event: 'push',
    payload,
    sha: after,
    ref: 'refs/heads/main',
    inputs
  })
}

describe('output waves', () => {
  test.each([
    {
      name: 'every image affected: the image built on base waits a wave',
      change: 'first',
      waves: [{ image: ['base', 'image-b', 'image-c'] }, { image: ['image-a'] }]
    },
    {
      name: 'base changed: base, then image-a',
      change: 'images/base/motd',
      waves: [{ image: ['base'] }, { image: ['image-a'] }]
    },
    {
      name: 'one image changed: one wave of one leg',
      change: 'services/image-b/app.txt',
      waves: [{ image: ['image-b'] }]
    },
    { name: 'nothing affected: no waves', change: 'config/a/README.md', waves: [] }
  ])('$name', async ({ change, waves }) => {
    const r = await pushOf(change)
    expect([r.code, errors(r)]).toEqual([0, []])
    expect(JSON.parse(r.outputs.waves)).toEqual(waves)
    expect(r.outputs['wave-count']).toBe(String(waves.length))
    // Every affected image is in exactly one wave.
    const inWaves = waves.flatMap(w => w.image)
    expect(inWaves.sort()).toEqual([...JSON.parse(r.outputs['affected-images'])].sort())
  })

  test('a wave with more images than matrix-max-jobs: legs share, comma-joined', async () => {
    const r = await pushOf('first', { 'matrix-max-jobs': '2' })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.outputs.waves)).toEqual([
      { image: ['base,image-b', 'image-c'] },
      { image: ['image-a'] }
    ])
  })
})

describe('input images', () => {
  test('names are checked against the graph and logged in build order', async () => {
    const r = await pushOf('services/image-b/app.txt', { images: 'image-a,\nbase' })
    expect([r.code, errors(r)]).toEqual([0, []])
    expect(r.stdout).toContain('Images asked for: base, image-a')
  })

  test('a misspelt name fails the step with did-you-mean, before any output', async () => {
    const r = await pushOf('services/image-b/app.txt', { images: 'image-a, imgae-b' })
    expect(r.code).toBe(1)
    expect(errors(r)).toEqual([
      "::error::input 'images': 'imgae-b' is not an image of imagegraph.yml (did you mean 'image-b'?). Images: base, image-a, image-b, image-c"
    ])
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
    expect(r.outputs.waves).toBeUndefined()
  })
})

describe('mode report', () => {
  const D1 = `sha256:${'1'.repeat(64)}`
  const D2 = `sha256:${'2'.repeat(64)}`
  const MARKER = '<!-- imagegraph-plan:imagegraph.yml -->'
  const legResult = (status: string, digest: string) => ({
    status,
    ref: `registry.example/app@${digest}`,
    digest,
    tags: ['main'],
    key: 'k'.repeat(64),
    reasons: ['services/app -> image app'],
    seconds: 1
  })

  /** A workspace with `results/` as actions/download-artifact leaves it (merge-multiple). */
  function downloaded(files: Record<string, unknown>): string {
    const workspace = tempDir('imagegraph-report-')
    mkdirSync(path.join(workspace, 'results'))
    for (const [name, value] of Object.entries(files))
      writeFileSync(path.join(workspace, 'results', name), JSON.stringify(value))
    return workspace
  }
  const report = (workspace: string, inputs: Record<string, string> = {}) =>
    runAction({
      workspace,
      event: 'pull_request',
      payload: loadEvent('pull_request'),
      sha: 'a'.repeat(40),
      ref: 'refs/pull/1/merge',
      inputs: { mode: 'report', 'results-dir': 'results', ...inputs }
    })

  test("two legs' files: one result per image, the table in the summary and under the plan's comment", async () => {
    const workspace = downloaded({
      'wave-1-base.json': { base: legResult('pushed', D1) },
      'wave-2-image-a.json': { base: legResult('reused', D1), 'image-a': legResult('pushed', D2) }
    })
    const planComment = `${MARKER}\n## imagegraph: 2 of 4 images affected`
    const r = await succeeded({
      workspace,
      event: 'pull_request',
      payload: loadEvent('pull_request'),
      sha: 'a'.repeat(40),
      ref: 'refs/pull/1/merge',
      inputs: { mode: 'report', 'results-dir': 'results', 'comment-body': planComment }
    })
    const results = JSON.parse(r.outputs.results)
    expect(Object.keys(results)).toEqual(['base', 'image-a'])
    expect(results.base).toEqual(legResult('pushed', D1))
    expect(results['image-a'].digest).toBe(D2)
    expect(JSON.parse(readFileSync(r.outputs['results-file'], 'utf8'))).toEqual(results)
    expect(r.stdout).toContain(
      '2 image results from 2 files: wave-1-base.json, wave-2-image-a.json'
    )
    expect(r.summary).toContain('## imagegraph: results')
    expect(r.summary).toContain('pushed 2')
    expect(r.summary).toMatch(
      /^\| image-a \| pushed \| <code>sha256:2{64}<\/code> \| <code>main<\/code> \|$/m
    )
    expect(r.outputs['comment-body'].startsWith(`${planComment}\n\n## imagegraph: results`)).toBe(
      true
    )
  })

  test('one image with two digests fails the step naming both files', async () => {
    const r = await report(
      downloaded({
        'wave-1-a.json': { base: legResult('pushed', D1) },
        'wave-1-b.json': { base: legResult('pushed', D2) }
      })
    )
    expect(r.code).toBe(1)
    expect(errors(r)).toEqual([
      `::error::image 'base' has two digests: ${D1} in wave-1-a.json and ${D2} in wave-1-b.json; two legs built it and pushed different bytes`
    ])
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME)
  })

  test('nothing downloaded: an empty result and a warning, not a failure', async () => {
    const r = await report(tempDir('imagegraph-report-'))
    expect(r.code).toBe(0)
    expect(r.outputs.results).toBe('{}')
    expect(r.stdout).toMatch(/::warning::No results directory .*results: no leg uploaded results/)
  })

  test('without results-dir, or with a comment-body that is not a plan’s: a clear error', async () => {
    const workspace = downloaded({})
    const none = await report(workspace, { 'results-dir': '' })
    expect(errors(none)).toEqual([
      "::error::Input 'results-dir' is required with mode 'report': the directory the legs' results files were downloaded to"
    ])
    const bad = await report(workspace, { 'comment-body': 'hello' })
    expect(errors(bad)).toEqual([
      "::error::Input 'comment-body' must be the output comment-body of a plan run (it starts with the plan's marker line)"
    ])
  })
})
