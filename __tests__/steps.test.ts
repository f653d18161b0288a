// Which processes a run handles: table-driven over one graph and the real planner.
import type { ChangedFile } from '../src/core/changes.js'
import { UserError } from '../src/core/errors.js'
import { plan } from '../src/core/plan.js'
import type { Plan } from '../src/core/plan.js'
import { processCacheKey, processSteps } from '../src/core/steps.js'
import { yml } from './helpers/graphs.js'

const GRAPH = yml(
  'version: 1',
  'configs:',
  '  c1: { paths: [c1/**] }',
  '  c2: { paths: [c2/**] }',
  '  c3: { paths: [c3/**] }',
  'processes:',
  '  gen: { inputs: [c1], run: ./gen, outputs: [out/gen] }',
  '  render: { inputs: [gen, c2], run: ./render, outputs: [out/render] }',
  '  lint: { inputs: [c3], run: ./lint, outputs: [out/lint] }', // feeds no image
  '  docs: { inputs: [gen], run: ./docs, outputs: [out/docs] }', // feeds no image
  '  other: { inputs: [c2], run: ./other, outputs: [out/other] }',
  '  chain: { inputs: [c3], run: ./chain, outputs: [out/chain] }', // feeds an image via ship
  '  ship: { inputs: [chain], run: ./ship, outputs: [out/ship] }',
  'images:',
  '  api: { context: api, inputs: [render] }',
  '  web: { context: web, inputs: [other, api] }',
  '  box: { context: box, inputs: [ship] }'
)
const TRACKED = ['c1/a', 'c2/a', 'c3/a', 'api/Dockerfile', 'web/Dockerfile', 'box/Dockerfile'].map(
  (p, i) => ({ path: p, mode: '100644', oid: String(i).repeat(40) })
)

function planOf(changed: string[]): Plan {
  return plan({
    graphText: GRAPH,
    graphFile: 'imagegraph.yml',
    baseGraphText: GRAPH,
    base: 'b'.repeat(40),
    head: 'h'.repeat(40),
    changedFiles: changed.map((path): ChangedFile => ({ path, status: 'modified' })),
    trackedFiles: TRACKED
  })
}

describe('processSteps', () => {
  test.each([
    {
      title: 'nothing changed, nothing to build: nothing handled',
      changed: [],
      images: [],
      levels: [],
      notNeeded: ['gen', 'render', 'lint', 'docs', 'other', 'chain', 'ship']
    },
    {
      title: 'an affected process that feeds no image runs on its own',
      changed: ['c3/a'],
      images: [],
      levels: [['lint']],
      notNeeded: ['gen', 'render', 'docs', 'other', 'chain', 'ship']
    },
    {
      title: 'an affected process whose images are not built is left alone, at any depth',
      changed: ['c3/a'],
      images: ['api'],
      levels: [['gen', 'lint'], ['render']],
      notNeeded: ['docs', 'other', 'chain', 'ship']
    },
    {
      title: 'images to build bring their unaffected upstream processes; not through image inputs',
      changed: ['c1/a'],
      images: ['api', 'web'],
      levels: [
        ['gen', 'other'],
        ['render', 'docs']
      ],
      notNeeded: ['lint', 'chain', 'ship']
    },
    {
      title: 'an image input that is not built brings nothing',
      changed: ['c1/a'],
      images: ['web'],
      levels: [['gen', 'other'], ['docs']],
      notNeeded: ['render', 'lint', 'chain', 'ship']
    },
    {
      title: 'an affected process that feeds no image brings its unaffected inputs',
      changed: ['c1/a'],
      images: [],
      levels: [['gen'], ['docs']],
      notNeeded: ['render', 'lint', 'other', 'chain', 'ship']
    },
    {
      title: 'an image rebuilt for its own files needs every upstream process, none affected',
      changed: ['box/Dockerfile'],
      images: ['box'],
      levels: [['chain'], ['ship']],
      notNeeded: ['gen', 'render', 'lint', 'docs', 'other']
    }
  ])('$title', ({ changed, images, levels, notNeeded }) => {
    const steps = processSteps(planOf(changed), images)
    expect(steps.levels.map(level => level.map(s => s.name))).toEqual(levels)
    expect(steps.notNeeded).toEqual(notNeeded)
  })

  test('each step says why it is there, what it waits for and its cache entry', () => {
    const p = planOf(['c1/a'])
    const steps = processSteps(p, ['api', 'web'])
    const byName = new Map(steps.levels.flat().map(s => [s.name, s]))
    expect(byName.get('gen')).toMatchObject({ affected: true, neededBy: ['api'], after: [] })
    expect(byName.get('other')).toMatchObject({ affected: false, neededBy: ['web'], after: [] })
    expect(byName.get('render')).toMatchObject({ affected: true, neededBy: ['api'], level: 1 })
    expect(byName.get('docs')).toMatchObject({ affected: true, neededBy: [], after: ['gen'] })
    const key = p.nodes.get('render')!.key
    expect(byName.get('render')!.key).toBe(key)
    expect(byName.get('render')!.cacheKey).toBe(`imagegraph-v5-process-render-${key}`)
  })

  test('the cache entry key carries the key schema version', () => {
    expect(processCacheKey('render', 'abc')).toBe('imagegraph-v5-process-render-abc')
  })

  test.each(['nope', 'gen', 'c1'])('%p is not an image to build', name => {
    expect(() => processSteps(planOf([]), [name])).toThrow(UserError)
    expect(() => processSteps(planOf([]), [name])).toThrow(`'${name}' is not an image`)
  })
})

describe('processSteps with implied inputs', () => {
  // A process that writes into an image's context is an input of the image even when the image
  // does not list it: its outputs must be in place before that image is built.
  const implied = yml(
    'version: 1',
    'configs:',
    '  src: { paths: [src/**] }',
    'processes:',
    '  gen: { inputs: [src], run: ./gen, outputs: [app/generated] }',
    'images:',
    '  app: { context: app }'
  )
  const tracked = ['src/a', 'app/Dockerfile'].map((p, i) => ({
    path: p,
    mode: '100644',
    oid: String(i + 1).repeat(40)
  }))
  const planned = plan({
    graphText: implied,
    graphFile: 'imagegraph.yml',
    baseGraphText: implied,
    base: 'b'.repeat(40),
    head: 'h'.repeat(40),
    changedFiles: [],
    trackedFiles: tracked
  })

  test('the image listed no input, yet the process writing its context is handled for it', () => {
    expect(planned.graph.nodes.get('app')).toMatchObject({ inputs: [] })
    const steps = processSteps(planned, ['app'])
    expect(steps.levels.map(level => level.map(s => s.name))).toEqual([['gen']])
    expect(steps.levels[0][0].neededBy).toEqual(['app'])
    expect(steps.notNeeded).toEqual([])
  })
})
