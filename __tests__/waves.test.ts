// The images to build, grouped into at most eight waves by how many images to build lie below them
// (issue 11, fan-out across runners): every image comes after every image it is built on, except
// in the last wave, where legs build what they need themselves.
import { parseGraph } from '../src/core/graph/read.js'
import { UserError } from '../src/core/errors.js'
import { MAX_WAVES, buildDepths, upstreamImages, wavesOf, wavesOutput } from '../src/core/waves.js'
import type { WavesInput } from '../src/core/waves.js'

/** `a<-b` edges as "b is built on a"; every image named is in the graph. */
function graphOf(edges: string[], build: string[]): WavesInput {
  const upstream = new Map<string, string[]>()
  for (const e of edges) {
    const [up, down] = e.split('<-')
    upstream.set(down, [...(upstream.get(down) ?? []), up])
  }
  return { build, upstream }
}

const chain = (n: number) => Array.from({ length: n }, (_, i) => `i${i}`)
const chainEdges = (n: number) =>
  chain(n)
    .slice(1)
    .map((name, i) => `i${i}<-${name}`)

test.each([
  { name: 'nothing to build: no waves', edges: ['a<-b'], build: [], waves: [] },
  { name: 'one image', edges: [], build: ['a'], waves: [['a']] },
  {
    name: 'independent images share the first wave, in build order',
    edges: [],
    build: ['c', 'a', 'b'],
    waves: [['c', 'a', 'b']]
  },
  {
    name: 'a chain: one wave per level',
    edges: ['a<-b', 'b<-c'],
    build: ['a', 'b', 'c'],
    waves: [['a'], ['b'], ['c']]
  },
  {
    name: 'a diamond: the bottom waits for both sides',
    edges: ['base<-left', 'base<-right', 'left<-app', 'right<-app'],
    build: ['base', 'left', 'right', 'app'],
    waves: [['base'], ['left', 'right'], ['app']]
  },
  {
    name: 'an uneven diamond: the longest path counts',
    edges: ['base<-mid', 'mid<-app', 'base<-app'],
    build: ['base', 'mid', 'app'],
    waves: [['base'], ['mid'], ['app']]
  },
  {
    name: 'an image not built is passed through: app still comes after base',
    edges: ['base<-mid', 'mid<-app'],
    build: ['base', 'app'],
    waves: [['base'], ['app']]
  },
  {
    name: 'only the tip changed: its built-on images are in the registry, one wave',
    edges: ['a<-b', 'b<-c'],
    build: ['c'],
    waves: [['c']]
  },
  {
    name: 'two chains of different lengths',
    edges: ['a<-b', 'b<-c', 'x<-y'],
    build: ['a', 'x', 'b', 'y', 'c'],
    waves: [['a', 'x'], ['b', 'y'], ['c']]
  },
  {
    name: 'a chain of exactly eight: eight waves',
    edges: chainEdges(8),
    build: chain(8),
    waves: chain(8).map(n => [n])
  },
  {
    name: 'deeper than eight: the rest go to the last wave',
    edges: chainEdges(11),
    build: chain(11),
    waves: [...chain(7).map(n => [n]), ['i7', 'i8', 'i9', 'i10']]
  },
  {
    name: 'a name listed twice is built once',
    edges: [],
    build: ['a', 'a'],
    waves: [['a']]
  }
])('$name', ({ edges, build, waves }) => {
  expect(wavesOf(graphOf(edges, build))).toEqual(waves.map(image => ({ image })))
})

test('every image of a wave is built only on images of earlier waves (below the last)', () => {
  // A wide, deep graph: image i is built on i-7, and on i-1 unless i is a multiple of 4.
  const names = Array.from({ length: 60 }, (_, i) => `n${i}`)
  const upstream = new Map(
    names.map((n, i) => [
      n,
      [i % 4 === 0 ? -1 : i - 1, i - 7].filter(j => j >= 0).map(j => `n${j}`)
    ])
  )
  const waves = wavesOf({ build: names, upstream })
  expect(waves.length).toBe(MAX_WAVES)
  const waveOf = new Map(waves.flatMap((w, i) => w.image.map(n => [n, i] as const)))
  expect(new Set(waveOf.keys())).toEqual(new Set(names))
  for (const [name, wave] of waveOf)
    for (const up of upstream.get(name)!)
      if (wave < MAX_WAVES - 1) expect([name, waveOf.get(up)! < wave]).toEqual([name, true])
      else expect([name, waveOf.get(up)! <= wave]).toEqual([name, true])
})

test('a wave with more images than legs: consecutive images share a leg, comma-joined', () => {
  const build = ['a', 'b', 'c', 'd', 'e']
  expect(wavesOf({ build, upstream: new Map() }, { maxJobs: 2 })).toEqual([
    { image: ['a,b,c', 'd,e'] }
  ])
  expect(wavesOf({ build, upstream: new Map() }, { maxJobs: 5 })).toEqual([{ image: build }])
})

test('fewer waves when asked: the deeper images join the last', () => {
  expect(wavesOf(graphOf(chainEdges(4), chain(4)), { maxWaves: 2 })).toEqual([
    { image: ['i0'] },
    { image: ['i1', 'i2', 'i3'] }
  ])
  expect(() => wavesOf(graphOf([], ['a']), { maxWaves: 9 })).toThrow(/maxWaves 9/)
})

test('depths count only images being built', () => {
  expect(buildDepths(graphOf(['a<-b', 'b<-c', 'c<-d'], ['a', 'd']))).toEqual(
    new Map([
      ['a', 0],
      ['d', 1]
    ])
  )
})

test('from a graph file: image inputs are edges, configs and processes are not', () => {
  const graph = parseGraph(
    [
      'version: 1',
      'configs:',
      '  cfg: { paths: [cfg/**] }',
      'processes:',
      '  gen: { inputs: [cfg], run: make, outputs: [out] }',
      'images:',
      '  base: { context: base }',
      '  app: { context: app, inputs: [base, gen, cfg] }',
      '  tool: { context: tool, inputs: [gen] }',
      ''
    ].join('\n'),
    'imagegraph.yml'
  )
  const upstream = upstreamImages(graph)
  expect(upstream).toEqual(
    new Map([
      ['base', []],
      ['app', ['base']],
      ['tool', []]
    ])
  )
  expect(wavesOf({ build: ['base', 'tool', 'app'], upstream })).toEqual([
    { image: ['base', 'tool'] },
    { image: ['app'] }
  ])
})

test("image-args' images are edges too, when the graph has the field", () => {
  const graph = parseGraph(
    ['version: 1', 'images:', '  base: { context: base }', '  app: { context: app }', ''].join(
      '\n'
    ),
    'imagegraph.yml'
  )
  // The field arrives with the build issue; until then a node carries it as the reader would.
  Object.assign(graph.nodes.get('app')!, { imageArgs: { BASE: 'base' } })
  expect(upstreamImages(graph).get('app')).toEqual(['base'])
})

test('the waves output: JSON within the output limit, or an error rather than a name left out', () => {
  const names = (n: number, len: number) =>
    Array.from({ length: n }, (_, i) => `${i}-`.padEnd(len, 'x'))
  const waves = wavesOf({ build: names(2000, 40), upstream: new Map() })
  const text = wavesOutput(waves)
  expect(JSON.parse(text)).toEqual(waves)
  expect(text.split(',').length).toBe(2000) // comma-joined legs of 8 names each, 250 legs
  expect(wavesOutput([])).toBe('[]')
  const huge = wavesOf({ build: names(20_000, 60), upstream: new Map() })
  expect(() => wavesOutput(huge)).toThrow(UserError)
  expect(() => wavesOutput(huge)).toThrow(/waves output would be \d+ bytes, over .*\(900000\)/)
})
