// Rules of the graph that issue 7 found missing: configs that match nothing, contexts that are
// files, processes that write their own inputs; and the bounded versions of two quadratic checks.
import type { TrackedFile } from '../src/core/changes.js'
import { parseGraph, readGraph } from '../src/core/graph/read.js'
import {
  MAX_SUGGESTED_WORDS,
  Suggestions,
  boundedEditDistance,
  didYouMean,
  formatProblem
} from '../src/core/errors.js'
import { GraphFiles } from '../src/core/ownership.js'
import { OutputIndex } from '../src/core/output-paths.js'
import { checkGraphAgainstFiles } from '../src/core/file-checks.js'
import { yml } from './helpers/graphs.js'

const tracked = (path: string): TrackedFile => ({ path, mode: '100644', oid: '0'.repeat(40) })

/** Every problem of a graph against these tracked files, as the user reads them. */
function problemsWith(text: string, paths: string[]): string[] {
  const read = readGraph(text)
  if (!read.graph) return read.problems.map(formatProblem)
  const membership = new GraphFiles(read.graph).membership(paths.map(tracked))
  return [...read.problems, ...checkGraphAgainstFiles(read.graph, membership)].map(formatProblem)
}

const EMPTY =
  "matches no tracked file (cfg/**); check the patterns, or set 'allow-empty: true' if that is meant"

describe('a config that matches no tracked file', () => {
  test.each<[string, string[], string[], string[]]>([
    ['is an error', ['paths: [cfg/**]'], [], [`imagegraph.yml:4:12 configs.c.paths: ${EMPTY}`]],
    ['is fine with allow-empty: true', ['paths: [cfg/**]', 'allow-empty: true'], [], []],
    [
      'is an error with allow-empty: false',
      ['paths: [cfg/**]', 'allow-empty: false'],
      [],
      [`imagegraph.yml:4:12 configs.c.paths: ${EMPTY}`]
    ],
    ['with a trailing slash, matches the directory', ['paths: [cfg/]'], ['cfg/a.yaml'], []],
    ['with escapes, matches [a].txt', ["paths: ['c1/\\[a\\].txt']"], ['c1/[a].txt'], []],
    ['is fine when a process writes what it names', ['paths: [build/gen/**]'], [], []],
    ['is fine when it names something inside an output', ['paths: [build/gen/x/*.yaml]'], [], []],
    ['that names a process output by a glob is fine', ['paths: ["build/*"]'], [], []]
  ])('%s', (_title, config, files, expected) => {
    const text = yml(
      'version: 1',
      'configs:',
      '  c:',
      ...config.map(line => `    ${line}`),
      'processes:',
      '  gen:',
      '    run: make',
      '    outputs: [build/gen]'
    )
    expect(problemsWith(text, ['Makefile', ...files])).toEqual(expected)
  })

  test('allow-empty must be a boolean', () => {
    expect(
      problemsWith(
        yml('version: 1', 'configs:', '  c:', '    paths: [a]', '    allow-empty: yes'),
        ['a']
      )
    ).toEqual([
      "imagegraph.yml:5:18 configs.c.allow-empty: expected true or false, got the string 'yes'"
    ])
  })

  test('allow-empty goes into no key and is no change of definition', () => {
    const a = parseGraph(yml('version: 1', 'configs:', '  c:', '    paths: [a]'))
    const b = parseGraph(
      yml('version: 1', 'configs:', '  c:', '    paths: [a]', '    allow-empty: true')
    )
    expect(b.nodes.get('c')).toMatchObject({ allowEmpty: true })
    const keyOf = (g: typeof a) => new GraphFiles(g).membership([tracked('a')])
    expect(keyOf(a).files.get('c')).toEqual(keyOf(b).files.get('c'))
  })
})

describe('an image context', () => {
  test('that is a file is an error', () => {
    const text = yml(
      'version: 1',
      'images:',
      '  api:',
      '    context: api.tar',
      '    dockerfile: Dockerfile'
    )
    expect(problemsWith(text, ['api.tar', 'Dockerfile'])).toEqual([
      "imagegraph.yml:4:14 images.api.context: 'api.tar' is a file; the context must be a directory"
    ])
  })

  test('that is a directory is fine', () => {
    const text = yml('version: 1', 'images:', '  api:', '    context: api')
    expect(problemsWith(text, ['api/Dockerfile'])).toEqual([])
  })
})

describe('a process that writes its own inputs is a cycle', () => {
  const graph = (configPaths: string, inputs: string) =>
    yml(
      'version: 1',
      'configs:',
      '  c:',
      `    paths: ${configPaths}`,
      'processes:',
      '  first:',
      '    run: make',
      `    inputs: [c]`,
      '  gen:',
      '    run: make',
      `    inputs: ${inputs}`,
      '    outputs: [gen/out]'
    )
  const cycle = (pattern: string) =>
    `imagegraph.yml:12:15 processes.gen.outputs[0]: cycle: process 'gen' writes 'gen/out', which config 'c' (an input of it) matches with '${pattern}'; a process cannot write its own inputs`

  test.each<[string, string, string, string[]]>([
    ['a consumed config holds the output', '[gen/**]', '[c]', [cycle('gen/**')]],
    ['a consumed config names the output exactly', '[gen/out]', '[c]', [cycle('gen/out')]],
    [
      'a consumed config names a file in the output',
      '[gen/out/a.yaml]',
      '[c]',
      [cycle('gen/out/a.yaml')]
    ],
    ['through another process', '[gen/**]', '[first]', [cycle('gen/**')]],
    ['a config it does not consume is fine', '[gen/**]', '[]', []]
  ])('%s', (_title, paths, inputs, expected) => {
    expect(problemsWith(graph(paths, inputs), ['Makefile', 'gen/keep'])).toEqual(expected)
  })

  test('a consumed tracked file inside the output, matched by a pattern with no fixed directory', () => {
    expect(problemsWith(graph('["**/*.yaml"]', '[c]'), ['Makefile', 'gen/out/a.yaml'])).toEqual([
      "imagegraph.yml:12:15 processes.gen.outputs[0]: cycle: process 'gen' writes 'gen/out', which holds 'gen/out/a.yaml' of config 'c' (an input of it); a process cannot write its own inputs"
    ])
  })
})

describe('OutputIndex', () => {
  const index = new OutputIndex()
  const outputs = ['build/a', 'build/b/c', 'dist', 'x/y/z']
  outputs.forEach((path, i) => index.add({ path, process: `p${i}`, index: 0 }))

  test.each<[string, string | undefined]>([
    ['build/a', 'build/a'],
    ['build/a/deep/file', 'build/a'],
    ['build/ab', undefined],
    ['build', undefined],
    ['build/b/c/d', 'build/b/c'],
    ['dist', 'dist'],
    ['distx', undefined]
  ])('producerOf(%p) is %p', (path, expected) => {
    expect(index.producerOf(path)?.path).toBe(expected)
  })

  test.each<[string, string[]]>([
    ['', outputs],
    ['build', ['build/a', 'build/b/c']],
    ['build/b', ['build/b/c']],
    ['bui', []],
    ['x/y', ['x/y/z']],
    ['dist', ['dist']]
  ])('outputsUnder(%p)', (dir, expected) => {
    expect(index.outputsUnder(dir).map(o => o.path)).toEqual(expected)
  })

  test.each<[string, string | undefined]>([
    ['build', 'build/a'], // holds earlier outputs
    ['build/a', 'build/a'], // the same
    ['build/a/x', 'build/a'], // inside one
    ['build/b', 'build/b/c'],
    ['buildx', undefined],
    ['x/yz', undefined]
  ])('adding %p overlaps %p', (path, expected) => {
    const fresh = new OutputIndex()
    outputs.forEach((p, i) => fresh.add({ path: p, process: `p${i}`, index: 0 }))
    expect(fresh.add({ path, process: 'new', index: 0 })?.path).toBe(expected)
  })

  test('many processes: every overlap is still found', () => {
    const lines = ['version: 1', 'processes:']
    for (let i = 0; i < 2000; i++)
      lines.push(`  p${i}:`, '    run: make', `    outputs: [out/${i}]`)
    lines.push('  late:', '    run: make', '    outputs: [out/1999/x, out]')
    expect(
      problemsWith(yml(...lines), []).map(p => p.replace(/^imagegraph.yml:\d+:\d+ /, ''))
    ).toEqual([
      "processes.late.outputs[0]: 'out/1999/x' overlaps 'out/1999', an output of process 'p1999'; each output belongs to one process",
      "processes.late.outputs[1]: 'out' overlaps 'out/0', an output of process 'p0'; each output belongs to one process"
    ])
  })
})

describe('did you mean', () => {
  test.each<[string, string, number, number]>([
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3], // over the bound: bound + 1
    ['', 'abc', 5, 3],
    ['abc', '', 1, 2],
    ['render', 'rendr', 2, 1],
    ['abcdef', 'abcdef', 0, 0],
    ['abcdef', 'fedcba', 10, 6],
    ['a', 'b', 0, 1]
  ])('boundedEditDistance(%p, %p, %p) = %p', (a, b, bound, expected) => {
    expect(boundedEditDistance(a, b, bound)).toBe(expected)
  })

  test.each<[string, string[], string]>([
    ['rendr', ['render', 'base', 'api'], " (did you mean 'render'?)"],
    ['imagez', ['version', 'configs', 'processes', 'images'], " (did you mean 'images'?)"],
    ['xyz', ['render', 'base'], ''],
    ['ab', ['ac', 'ad'], " (did you mean 'ac'?)"], // the first of equals
    ['API', ['api'], " (did you mean 'api'?)"],
    ['renderer', ['renders', 'rend', 'renderer2'], " (did you mean 'renderer2'?)"]
  ])('%p among %p', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected)
    expect(new Suggestions(candidates).for(word)).toBe(expected)
  })

  test('a graph with thousands of references to one renamed input suggests the new name for each', () => {
    const lines = ['version: 1', 'configs:', '  shared-configs: { paths: [a] }', 'images:']
    for (let i = 0; i < 1500; i++)
      lines.push(`  image-${i}: { context: i, inputs: [shared-config] }`)
    const read = readGraph(yml(...lines))
    expect(read.problems).toHaveLength(1500)
    expect(new Set(read.problems.map(p => p.message))).toEqual(
      new Set(["unknown node 'shared-config' (did you mean 'shared-configs'?)"])
    )
  })

  test(`after ${MAX_SUGGESTED_WORDS} different unknown words, no more are worked out`, () => {
    const suggestions = new Suggestions(['alpha'])
    for (let i = 0; i < MAX_SUGGESTED_WORDS; i++) suggestions.for(`word${i}`)
    expect(suggestions.for('alpho')).toBe('')
    expect(suggestions.for('word0')).toBe('') // worked out before, remembered
  })
})
