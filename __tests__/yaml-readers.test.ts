// The two YAML readers (js-yaml, fast; `yaml`, position-keeping) must give the same graph for the
// same text, and no name of the user's may collide with a property JavaScript gives every object.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { readGraph } from '../src/core/graph/read.js'
import type { Graph } from '../src/core/graph/model.js'
import { formatProblem } from '../src/core/errors.js'
import { computeKeys } from '../src/core/keys.js'
import { GraphFiles } from '../src/core/ownership.js'
import { CODE_ONLY_MISTAKES, STRUCTURAL_MISTAKES, VALID_GRAPHS, yml } from './helpers/graphs.js'
import { EXAMPLE } from './helpers/repo.js'

type Reader = 'fast' | 'positions'

/** A graph as plain data: its nodes in file order, its build order, its problems. */
function outcome(text: string, reader: Reader) {
  const read = readGraph(text, 'imagegraph.yml', { reader })
  return {
    problems: read.problems.map(formatProblem),
    nodes: read.graph ? [...read.graph.nodes.values()].map(n => ({ ...n })) : undefined,
    order: read.graph?.order.map(n => n.name)
  }
}

function graphOf(text: string, reader: Reader = 'fast'): Graph {
  const read = readGraph(text, 'imagegraph.yml', { reader })
  expect(read.problems.map(formatProblem)).toEqual([])
  return read.graph!
}

const CORPUS: Array<[string, string]> = [
  ['the example', readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8')],
  ...[...VALID_GRAPHS, ...STRUCTURAL_MISTAKES, ...CODE_ONLY_MISTAKES].map(
    c => [c.title, c.text] as [string, string]
  ),
  [
    'two numeric node names',
    yml(
      'version: 1',
      'configs:',
      '  1.20: { paths: [a] }',
      '  1.2: { paths: [b] }',
      '  007: { paths: [c] }',
      'processes:',
      '  p:',
      '    run: make',
      '    inputs: ["1.20", "007"]',
      '    env: { GO: 1.20, OCT: 0o17, HEX: 0x1F, EXP: 1e3, NEG: -0.50, INF: .inf, T: true, S: "1.20" }'
    )
  ],
  [
    'numbers where names are expected',
    yml('version: 1', 'images:', '  api:', '    context: 1.20', '    platforms: [1]')
  ],
  [
    'a numeric key and the same key quoted',
    yml('version: 1', 'configs:', '  1: { paths: [a] }', '  "1": { paths: [b] }')
  ],
  [
    'anchors and aliases',
    yml(
      'version: 1',
      'configs:',
      '  a: { paths: &p [x/**, y] }',
      '  b: { paths: *p }',
      'images:',
      '  i: &img { context: i, build-args: &args { V: 1.10 } }',
      '  j: { context: j, build-args: *args }'
    )
  ],
  [
    'explicit tags',
    yml(
      'version: 1',
      'processes:',
      '  p:',
      '    run: !!str make',
      '    env: { A: !!str 1.50, B: !!int 012, C: ! 3, D: !!float 2 }'
    )
  ],
  ['an unknown tag', yml('version: 1', 'processes:', '  p:', '    run: !shell make')],
  ['a merge key', yml('version: 1', 'x: &x { run: make }', 'processes:', '  p:', '    <<: *x')],
  [
    'a merge key in a variable map',
    yml('version: 1', 'processes:', '  p:', '    run: make', '    env: { <<: { A: 1 }, B: 2 }')
  ],
  ['an empty document', ''],
  ['only a comment', '# nothing\n'],
  ['a list at the top', yml('- 1', '- 2')],
  ['a flow mapping key', yml('version: 1', 'configs:', '  ? [a]', '  : { paths: [a] }')],
  [
    'names that are also JavaScript properties',
    yml(
      'version: 1',
      'constructor: 1',
      '__proto__: { a: 1 }',
      'configs:',
      '  constructor: { paths: [a], toString: x, __proto__: y }',
      'processes:',
      '  valueof:',
      '    run: make',
      '    inputs: [constructor]',
      '    env: { __proto__: polluted, constructor: c, hasOwnProperty: h }'
    )
  ]
]

describe('both readers give the same graph and the same problems', () => {
  test.each(CORPUS)('%s', (_title, text) => {
    expect(outcome(text, 'positions')).toEqual(outcome(text, 'fast'))
  })
})

describe('numbers keep their spelling in both readers', () => {
  test.each<Reader>(['fast', 'positions'])('%s', reader => {
    const graph = graphOf(CORPUS.find(([t]) => t === 'two numeric node names')![1], reader)
    expect([...graph.nodes.keys()]).toEqual(['1.20', '1.2', '007', 'p'])
    const p = graph.nodes.get('p')!
    expect(p.kind === 'process' && { ...p.env }).toEqual({
      GO: '1.20',
      OCT: '0o17',
      HEX: '0x1F',
      EXP: '1e3',
      NEG: '-0.50',
      INF: '.inf',
      T: 'true',
      S: '1.20'
    })
  })

  test('a numeric key and the same key quoted are the same name, said where', () => {
    const text = CORPUS.find(([t]) => t === 'a numeric key and the same key quoted')![1]
    expect(outcome(text, 'fast').problems).toEqual([
      "imagegraph.yml:4:3 configs.1: '1' appears twice in this mapping; each key may appear once"
    ])
  })
})

describe('merge keys are refused with a location, by both readers', () => {
  test.each<[string, Reader, string[]]>([
    [
      'a merge key',
      'fast',
      [
        "imagegraph.yml:5:5 processes.p.<<: YAML merge keys ('<<') are not supported; write the fields out (an alias of a whole value, `*name`, is fine)"
      ]
    ],
    [
      'a merge key in a variable map',
      'positions',
      [
        "imagegraph.yml:5:12 processes.p.env.<<: YAML merge keys ('<<') are not supported; write the fields out (an alias of a whole value, `*name`, is fine)"
      ]
    ]
  ])('%s (%s)', (title, reader, expected) => {
    const text = CORPUS.find(([t]) => t === title)![1]
    expect(outcome(text, reader).problems).toEqual(expected)
    expect(outcome(text, reader === 'fast' ? 'positions' : 'fast').problems).toEqual(expected)
  })
})

describe('names that are also JavaScript properties', () => {
  const JS_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

  describe.each<Reader>(['fast', 'positions'])('%s reader', reader => {
    test.each(JS_NAMES)('%s as a top-level key is an unknown field', name => {
      const problems = outcome(yml('version: 1', `${name}: {}`), reader).problems
      expect(problems).toEqual([
        `imagegraph.yml:2:1 ${name}: unknown field '${name}'; allowed: version, configs, processes, images, registry, tags, context-inputs, build-args-file`
      ])
    })

    test.each(JS_NAMES)('%s as a field of a node is an unknown field', name => {
      const text = yml('version: 1', 'processes:', '  p:', '    run: make', `    ${name}: x`)
      expect(outcome(text, reader).problems).toEqual([
        `imagegraph.yml:5:5 processes.p.${name}: unknown field '${name}'; allowed: inputs, run, outputs, env, pass-env, timeout, description`
      ])
    })

    test.each(JS_NAMES)('%s as a section is read as nothing else', name => {
      const text = yml('version: 1', 'images:', '  api:', '    context: api', `    ${name}: {}`)
      expect(outcome(text, reader).problems).toEqual([
        `imagegraph.yml:5:5 images.api.${name}: unknown field '${name}'; allowed: context, dockerfile, inputs, build-args, platforms, target, image-args, repository, tags, tag-pattern, context-inputs, build-args-file, description`
      ])
    })

    test.each(JS_NAMES)(
      '%s as an env and a build-args name is kept, and its value counts',
      name => {
        const text = (value: string) =>
          yml(
            'version: 1',
            'processes:',
            '  p:',
            '    run: make',
            `    env: { ${name}: ${value} }`,
            'images:',
            '  i:',
            '    context: i',
            `    build-args: { ${name}: ${value} }`
          )
        const keysOf = (graph: Graph) => {
          const keys = computeKeys(graph, new GraphFiles(graph).membership([]))
          return [keys.get('p')!.key, keys.get('i')!.key]
        }
        const one = graphOf(text('one'), reader)
        const p = one.nodes.get('p')!
        const i = one.nodes.get('i')!
        expect(p.kind === 'process' && Object.entries(p.env)).toEqual([[name, 'one']])
        expect(i.kind === 'image' && Object.entries(i.buildArgs)).toEqual([[name, 'one']])
        expect(Object.getPrototypeOf(p.kind === 'process' && p.env)).toBeNull()
        const [pOne, iOne] = keysOf(one)
        const [pTwo, iTwo] = keysOf(graphOf(text('two'), reader))
        expect(pTwo).not.toBe(pOne)
        expect(iTwo).not.toBe(iOne)
      }
    )
  })

  test('constructor is a usable node name', () => {
    const graph = graphOf(
      yml(
        'version: 1',
        'configs:',
        '  constructor: { paths: [a] }',
        'images:',
        '  i: { context: i, inputs: [constructor] }'
      )
    )
    expect(graph.order.map(n => n.name)).toEqual(['constructor', 'i'])
  })
})
