import { parseGraph } from '../src/core/graph/read.js'
import { GraphFiles } from '../src/core/ownership.js'
import { canonicalDefinition, computeKeys, hashedJson, stableStringify } from '../src/core/keys.js'
import { treeLine } from '../src/core/changes.js'
import { hashTree } from '../src/core/git-tree.js'
import { yml } from './helpers/graphs.js'
import { EXAMPLE } from './helpers/repo.js'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'

const graph = parseGraph(readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8'))
const files = [
  { path: 'config/a/settings.yaml', mode: '100644', oid: 'a'.repeat(40) },
  { path: 'scripts/render.sh', mode: '100755', oid: 'b'.repeat(40) },
  { path: 'services/image-a/Dockerfile', mode: '100644', oid: 'c'.repeat(40) },
  { path: 'services/image-a/vendor', mode: '160000', oid: 'd'.repeat(40) }
]

describe('content keys', () => {
  const keys = computeKeys(graph, new GraphFiles(graph).membership(files))

  test.each([...graph.nodes.keys()])('%s: the fast canonical JSON is the sorted-key JSON', name => {
    // What is hashed: the breakdown without its files and its labels (names), upstream keys sorted.
    const { files: _files, name: _name, upstream, ...hashed } = keys.get(name)!.breakdown
    expect(hashedJson(keys.get(name)!.breakdown)).toBe(
      stableStringify({ ...hashed, upstream: upstream.map(u => u.key).sort() })
    )
    const node = graph.nodes.get(name)!
    const keyOf = (input: string) => keys.get(input)!.key
    expect(JSON.stringify(canonicalDefinition(node, keyOf))).toBe(
      stableStringify(canonicalDefinition(node, keyOf))
    )
  })

  test('a file contributes "<mode> <object id>\\t<path>"', () => {
    expect(files.map(treeLine)).toEqual([
      `100644 ${'a'.repeat(40)}\tconfig/a/settings.yaml`,
      `100755 ${'b'.repeat(40)}\tscripts/render.sh`,
      `100644 ${'c'.repeat(40)}\tservices/image-a/Dockerfile`,
      `160000 ${'d'.repeat(40)}\tservices/image-a/vendor`
    ])
    // An image's context is one line, its tree id; its Dockerfile is named too.
    const tree = hashTree(
      [
        { mode: '100644', name: 'Dockerfile', oid: 'c'.repeat(40) },
        { mode: '160000', name: 'vendor', oid: 'd'.repeat(40) }
      ],
      40
    )
    expect(keys.get('image-a')!.breakdown.files).toEqual([
      `040000 ${tree}\tservices/image-a`,
      `100644 ${'c'.repeat(40)}\tservices/image-a/Dockerfile`
    ])
  })

  test('files given out of order are keyed in path order', () => {
    const reversed = computeKeys(graph, new GraphFiles(graph).membership([...files].reverse()))
    for (const [name, k] of keys) expect(reversed.get(name)!.key).toBe(k.key)
  })
})

describe('what goes into a process key', () => {
  const base = yml(
    'version: 1',
    'configs:',
    '  app: { paths: [config/**] }',
    'processes:',
    '  render:',
    '    inputs: [app]',
    '    run: ./render.sh',
    '    outputs: [build/out]',
    '    env: { MODE: prod }'
  )
  const keyOf = (text: string): string => {
    const g = parseGraph(text)
    const m = new GraphFiles(g).membership([
      { path: 'config/a.yaml', mode: '100644', oid: 'a'.repeat(40) }
    ])
    return computeKeys(g, m).get('render')!.key
  }
  const baseKey = keyOf(base)

  // Nothing that cannot change the bytes a process writes: a timeout, names of passed variables.
  test.each([
    ['a timeout', base + '    timeout: 90s\n'],
    ['pass-env', base + '    pass-env: [NPM_TOKEN]\n'],
    ['a description', base + '    description: renders\n']
  ])('%s leaves it unchanged', (_what, text) => {
    expect(keyOf(text)).toBe(baseKey)
  })

  test.each([
    ['run', base.replace('./render.sh', './render.sh --fast')],
    ['env', base.replace('MODE: prod', 'MODE: dev')],
    ['inputs', base.replace('inputs: [app]', 'inputs: []')],
    ['outputs', base.replace('build/out', 'build/out2')]
  ])('%s changes it', (_what, text) => {
    expect(keyOf(text)).not.toBe(baseKey)
  })
})
