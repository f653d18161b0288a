// Keys v3 (issue 10, and "keys never hold names"): image-args are in an image's key as ARG -> the
// upstream image's key; names, repository, tags, registry, tag-pattern are in no key.
import { computeKeys } from '../src/core/keys.js'
import { GraphFiles } from '../src/core/ownership.js'
import { parseGraph } from '../src/core/graph/read.js'
import { plan } from '../src/core/plan.js'
import type { TrackedFile } from '../src/core/changes.js'
import { yml } from './helpers/graphs.js'

const FILES: TrackedFile[] = [
  { path: 'base/Dockerfile', mode: '100644', oid: '1'.repeat(40) },
  { path: 'tools/Dockerfile', mode: '100644', oid: '2'.repeat(40) },
  { path: 'app/Dockerfile', mode: '100644', oid: '3'.repeat(40) },
  { path: 'config/a.yaml', mode: '100644', oid: '4'.repeat(40) }
]

const GRAPH = yml(
  'version: 1',
  'images:',
  '  base: { context: base }',
  '  tools: { context: tools }',
  '  app:',
  '    context: app',
  '    image-args: { BASE: base }'
)

function keysOf(text: string, files = FILES): Record<string, string> {
  const graph = parseGraph(text)
  const keys = computeKeys(graph, new GraphFiles(graph).membership(files))
  return Object.fromEntries([...keys].map(([name, k]) => [name, k.key]))
}

describe('where an image goes and what it is called are in no key', () => {
  const before = keysOf(GRAPH)
  test.each([
    ['repository', GRAPH + '    repository: team/app\n'],
    ['tags', GRAPH + '    tags: [latest, "{{version}}"]\n'],
    ['tag-pattern', GRAPH + '    tag-pattern: app/v*\n'],
    ['top-level registry', GRAPH + 'registry: ghcr.io/my-org\n'],
    ['top-level tags', GRAPH + 'tags: ["{{sha}}"]\n'],
    ['listing the image-args image in inputs too', GRAPH + '    inputs: [base]\n']
  ])('%s', (_what, text) => {
    expect(keysOf(text)).toEqual(before)
  })
})

describe('the image-args mapping is in the key', () => {
  const before = keysOf(GRAPH).app
  test.each([
    ['another ARG', GRAPH.replace('BASE: base', 'FROM_IMAGE: base')],
    ['another image', GRAPH.replace('BASE: base', 'BASE: tools')],
    ['one more ARG', GRAPH.replace('BASE: base', 'BASE: base, TOOLS: tools')],
    [
      'no image-args, the image an input',
      GRAPH.replace('image-args: { BASE: base }', 'inputs: [base]')
    ]
  ])('%s changes it', (_what, text) => {
    expect(keysOf(text).app).not.toBe(before)
  })

  test('ARGs in another order: the same key', () => {
    const two = GRAPH.replace('BASE: base', 'BASE: base, TOOLS: tools')
    expect(keysOf(GRAPH.replace('BASE: base', 'TOOLS: tools, BASE: base')).app).toBe(
      keysOf(two).app
    )
  })

  test('a change in the image it names changes its key', () => {
    const changed = FILES.map(f =>
      f.path === 'base/Dockerfile' ? { ...f, oid: '9'.repeat(40) } : f
    )
    const after = keysOf(GRAPH, changed)
    expect(after.base).not.toBe(keysOf(GRAPH).base)
    expect(after.app).not.toBe(keysOf(GRAPH).app)
    expect(after.tools).toBe(keysOf(GRAPH).tools)
  })

  test('the breakdown names the upstream image and gives its key for the ARG', () => {
    const graph = parseGraph(GRAPH)
    const keys = computeKeys(graph, new GraphFiles(graph).membership(FILES))
    const app = keys.get('app')!.breakdown
    expect(app.definition.imageArgs).toEqual({ BASE: keys.get('base')!.key })
    expect(app.upstream).toEqual([{ node: 'image base', key: keys.get('base')!.key }])
  })
})

describe('names are in no key', () => {
  test('two images with the same definition and inputs have one key', () => {
    const keys = keysOf(
      yml(
        'version: 1',
        'images:',
        '  base: { context: base }',
        '  one: { context: app, image-args: { BASE: base } }',
        '  two: { context: app, image-args: { BASE: base } }'
      )
    )
    expect(keys.one).toBe(keys.two)
  })

  test('renaming nodes leaves every key as it was', () => {
    const renamed = yml(
      'version: 1',
      'images:',
      '  foundation: { context: base }',
      '  tools: { context: tools }',
      '  application:',
      '    context: app',
      '    image-args: { BASE: foundation }'
    )
    const before = keysOf(GRAPH)
    const after = keysOf(renamed)
    expect(after.foundation).toBe(before.base)
    expect(after.application).toBe(before.app)
  })

  test('two processes reading configs of different names but the same files: one key', () => {
    const graph = (config: string) =>
      yml(
        'version: 1',
        'configs:',
        `  ${config}: { paths: [config/**] }`,
        'processes:',
        '  render:',
        `    inputs: [${config}]`,
        '    run: make',
        '    outputs: [out]'
      )
    expect(keysOf(graph('settings')).render).toBe(keysOf(graph('config')).render)
  })
})

describe('the plan', () => {
  const run = (text: string, baseText: string, changed: string[]) =>
    plan({
      graphText: text,
      graphFile: 'imagegraph.yml',
      baseGraphText: baseText,
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      changedFiles: changed.map(path => ({ path, status: 'modified' as const })),
      trackedFiles: FILES
    })

  test('a change in the image named by image-args affects the image, with the reason through it', () => {
    const p = run(GRAPH, GRAPH, ['base/Dockerfile'])
    const app = p.nodes.get('app')!
    expect(app.affected).toBe(true)
    expect(app.reasons).toEqual(['base/Dockerfile -> image base (image-args BASE) -> image app'])
    expect(p.nodes.get('tools')!.affected).toBe(false)
  })

  test('a new image-args entry affects the image, though the image it names is unchanged', () => {
    const p = run(GRAPH.replace('BASE: base', 'BASE: base, TOOLS: tools'), GRAPH, [])
    expect(p.nodes.get('app')!.affected).toBe(true)
    expect(p.nodes.get('app')!.reasons).toEqual(['imagegraph.yml: image app changed -> image app'])
  })

  test('a new input affects the node, though the input is unchanged and names are in no key', () => {
    const p = run(GRAPH.replace('  app:', '  app:\n    inputs: [tools]'), GRAPH, [])
    expect(p.nodes.get('app')!.affected).toBe(true)
  })

  test('a new repository or tags affect nothing', () => {
    const p = run(GRAPH + '    repository: team/app\n    tags: [latest]\n', GRAPH, [])
    expect([...p.nodes.values()].filter(n => n.affected)).toEqual([])
  })
})
