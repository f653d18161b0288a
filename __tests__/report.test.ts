// Mode `report`'s merge of the matrix legs' results files (issue 11, fan-out): one result per
// image, a failure never hidden by another leg, two digests for one image an error; and the input
// `images`, a name list checked against the graph.
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { reportLegs } from '../src/commands/report.js'
import { parseGraph } from '../src/core/graph/read.js'
import { UserError } from '../src/core/errors.js'
import { parseImageList, selectImages } from '../src/core/image-selection.js'
import { mergeLegResults, resultsMarkdown, resultsOutput } from '../src/core/leg-results.js'
import type { ImageResult } from '../src/core/leg-results.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const result = (status: string, digest?: string, more: Partial<ImageResult> = {}): ImageResult => ({
  status,
  ...(digest ? { ref: 'registry.example/app', digest } : {}),
  key: 'k'.repeat(64),
  tags: ['latest'],
  reasons: ['app/main.go -> image app'],
  seconds: 3,
  ...more
})
const leg = (name: string, results: Record<string, ImageResult>) => ({
  name,
  text: JSON.stringify(results)
})

test.each([
  {
    name: 'disjoint legs: every image once, names sorted',
    legs: [
      leg('b.json', { web: result('pushed', D2) }),
      leg('a.json', { api: result('pushed', D1) })
    ],
    want: { api: 'pushed', web: 'pushed' }
  },
  {
    name: 'a leg built an upstream image itself, another reused it: the build is shown',
    legs: [
      leg('base.json', { base: result('pushed', D1) }),
      leg('app.json', { base: result('reused', D1), app: result('pushed', D2) })
    ],
    want: { app: 'pushed', base: 'pushed' }
  },
  {
    name: 'an image a leg did not need says least',
    legs: [
      leg('x.json', { api: result('unchanged') }),
      leg('y.json', { api: result('built', D1) })
    ],
    want: { api: 'built' }
  },
  {
    name: "a failure is never hidden by another leg's success",
    legs: [leg('x.json', { api: result('pushed', D1) }), leg('y.json', { api: result('failed') })],
    want: { api: 'failed' }
  }
])('$name', ({ legs, want }) => {
  const merged = mergeLegResults(legs)
  expect(Object.keys(merged)).toEqual(Object.keys(want))
  expect(Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v.status]))).toEqual(want)
})

test('a failure shown over a success keeps the digest the other leg pushed', () => {
  const merged = mergeLegResults([
    leg('x.json', { api: result('pushed', D1) }),
    leg('y.json', { api: result('failed') })
  ])
  expect(merged.api).toMatchObject({ status: 'failed', digest: D1 })
})

test('one image with two digests is an error naming both files', () => {
  const legs = [
    leg('x.json', { api: result('pushed', D1) }),
    leg('y.json', { api: result('pushed', D2) })
  ]
  expect(() => mergeLegResults(legs)).toThrow(UserError)
  expect(() => mergeLegResults(legs)).toThrow(
    `image 'api' has two digests: ${D1} in x.json and ${D2} in y.json`
  )
})

test.each([
  ['not JSON', '{', /^bad\.json: not JSON/],
  ['an array', '[]', /^bad\.json: must be a JSON object of results keyed by image name$/],
  [
    'a result without status',
    '{"api":{"digest":"x"}}',
    /^bad\.json: image 'api' has no result with a status$/
  ],
  [
    'a digest that is a number',
    '{"api":{"status":"built","digest":1}}',
    /digest that is not a string/
  ]
])('a file that is %s is a located error', (_what, text, message) => {
  expect(() => mergeLegResults([{ name: 'bad.json', text }])).toThrow(message)
})

test('reportLegs: two legs downloaded into one directory are merged, other files ignored', async () => {
  const dir = tempDir('imagegraph-results-')
  writeFileSync(path.join(dir, 'wave-1-base.json'), JSON.stringify({ base: result('pushed', D1) }))
  mkdirSync(path.join(dir, 'nested'))
  writeFileSync(
    path.join(dir, 'nested', 'wave-2-app.json'),
    JSON.stringify({ base: result('reused', D1), app: result('pushed', D2) })
  )
  writeFileSync(path.join(dir, 'notes.txt'), 'not a result')
  const planComment = '<!-- imagegraph-plan:imagegraph.yml -->\n## plan'
  const r = await reportLegs({ resultsDir: dir, planComment })
  expect(r.files).toEqual(['nested/wave-2-app.json', 'wave-1-base.json'])
  expect(r.missingDir).toBe(false)
  expect(Object.keys(r.results)).toEqual(['app', 'base'])
  expect(r.results.base.status).toBe('pushed')
  expect(r.summary).toContain('pushed 2')
  expect(r.summary).toContain(`| app | pushed | <code>sha256:${'2'.repeat(64)}</code> |`)
  expect(r.comment?.startsWith(`${planComment}\n\n## imagegraph: results`)).toBe(true)
})

test('reportLegs: no directory (nothing was uploaded) is no results, and says so', async () => {
  const r = await reportLegs({ resultsDir: path.join(tempDir('imagegraph-results-'), 'none') })
  expect(r).toMatchObject({ missingDir: true, files: [], results: {} })
  expect(r.summary).toContain('No leg reported a result.')
  expect(r.comment).toBeUndefined()
})

test('the results output fits the limit: reasons cut first, then reasons and tags left out', () => {
  const many = Object.fromEntries(
    Array.from({ length: 100 }, (_, i) => [
      `img${i}`,
      result('pushed', D1, { reasons: ['r'.repeat(100), 's'.repeat(100)] })
    ])
  )
  const whole = resultsOutput(many)
  expect(JSON.parse(whole)).toEqual(many)
  const oneReason = JSON.parse(resultsOutput(many, whole.length - 1))
  expect(oneReason.img0.reasons).toEqual(['r'.repeat(100)])
  const lean = JSON.parse(resultsOutput(many, 30_000))
  expect(lean.img0).toEqual({
    status: 'pushed',
    ref: 'registry.example/app',
    digest: D1,
    key: 'k'.repeat(64),
    seconds: 3
  })
  expect(() => resultsOutput(many, 100)).toThrow(/do not fit .*read results-file/)
})

test('the table stops within its limit and says how many rows it left out', () => {
  const many = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`img${i}`, result('pushed', D1)])
  )
  const text = resultsMarkdown(many, 2000)
  expect(text.length).toBeLessThanOrEqual(2000)
  expect(text).toMatch(/… \d+ more images: the output `results` lists them all\./)
  expect(resultsMarkdown(many)).not.toContain('more images')
})

describe('input images', () => {
  const graph = parseGraph(
    [
      'version: 1',
      'configs:',
      '  cfg: { paths: [cfg/**] }',
      'images:',
      '  web: { context: web, inputs: [base] }',
      '  base: { context: base }',
      '  api: { context: api }',
      ''
    ].join('\n'),
    'imagegraph.yml'
  )

  test.each([
    ['web', ['web']],
    ['web,base', ['web', 'base']],
    [' web , base ,', ['web', 'base']],
    ['web\nbase\n\napi\n', ['web', 'base', 'api']],
    ['web,web', ['web']],
    ['', []]
  ])('%j parses to %j', (text, names) => {
    expect(parseImageList(text)).toEqual(names)
  })

  test('names come back in build order: an image after the images it is built on', () => {
    expect(selectImages(['api', 'web', 'base'], graph, "input 'images'")).toEqual([
      'base',
      'web',
      'api'
    ])
  })

  test('every unknown name at once, with did-you-mean; a config is not an image', () => {
    expect(() => selectImages(['wbe', 'cfg', 'api'], graph, "input 'images'")).toThrow(
      "input 'images': 'wbe' is not an image of imagegraph.yml (did you mean 'web'?); 'cfg' is a config of imagegraph.yml, not an image. Images: web, base, api"
    )
  })
})
