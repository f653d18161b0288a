import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ChangedFile, TrackedFile } from '../src/core/changes.js'
import { parseGraph } from '../src/core/graph/read.js'
import type { Graph, GraphNode } from '../src/core/graph/model.js'
import { GraphError, formatProblem } from '../src/core/errors.js'
import { GraphFiles } from '../src/core/ownership.js'
import { checkGraphAgainstFiles } from '../src/core/file-checks.js'
import { MAX_CHAINS, plan } from '../src/core/plan.js'
import type { PlanInput } from '../src/core/plan.js'
import { CODE_ONLY_MISTAKES, STRUCTURAL_MISTAKES, VALID_GRAPHS, yml } from './helpers/graphs.js'
import { EXAMPLE } from './helpers/repo.js'

/** The problem lines parseGraph reports, or [] when the file is valid. */
function problemsOf(text: string): string[] {
  try {
    parseGraph(text)
    return []
  } catch (e) {
    if (!(e instanceof GraphError)) throw e
    expect(e.message).toBe(e.problems.map(formatProblem).join('\n'))
    return e.message.split('\n')
  }
}

function node(graph: Graph, name: string): GraphNode {
  const n = graph.nodes.get(name)
  if (!n) throw new Error(`no node ${name}`)
  return n
}

/** A tracked file whose object id is derived from its content, as git's would be. */
function tracked(filePath: string, content = filePath): TrackedFile {
  let h = 0
  for (const c of content) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return { path: filePath, mode: '100644', oid: h.toString(16).padStart(40, '0') }
}

describe('process timeout and pass-env', () => {
  test.each([
    ['', 3600],
    ['    timeout: 90s', 90],
    ['    timeout: 30m', 1800],
    ['    timeout: 1h', 3600],
    ['    timeout: 1h30m', 5400],
    ['    timeout: 1h0m5s', 3605]
  ])('%p is %p seconds', (line, seconds) => {
    const g = parseGraph(yml('version: 1', 'processes:', '  p:', '    run: make', line))
    expect(node(g, 'p')).toMatchObject({ timeoutSeconds: seconds, passEnv: [] })
  })

  test('pass-env lists names, in file order', () => {
    const g = parseGraph(
      yml('version: 1', 'processes:', '  p:', '    run: make', '    pass-env: [NPM_TOKEN, A]')
    )
    expect(node(g, 'p')).toMatchObject({ passEnv: ['NPM_TOKEN', 'A'] })
  })
})

describe('parseGraph rejects', () => {
  describe('structural mistakes', () => {
    test.each(STRUCTURAL_MISTAKES.map(c => [c.title, c]))('%s', (_title, c) => {
      expect(problemsOf(c.text)).toEqual(c.problems)
    })
  })

  describe('mistakes across nodes and paths', () => {
    test.each(CODE_ONLY_MISTAKES.map(c => [c.title, c]))('%s', (_title, c) => {
      expect(problemsOf(c.text)).toEqual(c.problems)
    })
  })

  test.each([
    [
      'a name used twice in one section',
      yml('version: 1', 'configs:', '  app:', '    paths: [a/**]', '  app:', '    paths: [b/**]'),
      [
        "imagegraph.yml:5:3 configs.app: 'app' appears twice in this mapping; each key may appear once"
      ]
    ],
    [
      'an unclosed flow list',
      yml('version: 1', 'configs:', '  app:', '    paths: [a/**', 'images: {}'),
      [
        'imagegraph.yml:5:1 Flow sequence in block collection must be sufficiently indented and end with a ]'
      ]
    ],
    [
      'a tab for indentation',
      'version: 1\nconfigs:\n\tapp: {}\n',
      ['imagegraph.yml:3:1 Tabs are not allowed as indentation']
    ]
  ])('YAML syntax: %s', (_title, text, expected) => {
    expect(problemsOf(text)).toEqual(expected)
  })

  test('every problem at once, sorted by position', () => {
    const text = yml(
      'version: 1',
      'images:',
      '  api:',
      '    context: services/api',
      '    inputs: [rendr]',
      '    buildargs: { A: 1 }',
      'processes:',
      '  render:',
      '    run: make',
      '    env: [A=1]'
    )
    expect(problemsOf(text)).toEqual([
      "imagegraph.yml:5:14 images.api.inputs[0]: unknown node 'rendr' (did you mean 'render'?)",
      "imagegraph.yml:6:5 images.api.buildargs: unknown field 'buildargs' (did you mean 'build-args'?); allowed: context, dockerfile, inputs, build-args, platforms, target, image-args, repository, tags, tag-pattern, context-inputs, build-args-file, description",
      'imagegraph.yml:10:10 processes.render.env: expected a mapping of NAME: value, got a list'
    ])
  })

  test('the file name given is the one in every problem', () => {
    expect(() => parseGraph('version: 3\n', 'ci/graph.yml')).toThrow(
      'ci/graph.yml:1:10 version: unsupported version 3; supported: 1'
    )
  })
})

describe('parseGraph accepts', () => {
  test.each(VALID_GRAPHS.map(c => [c.title, c.text]))('%s', (_title, text) => {
    expect(problemsOf(text)).toEqual([])
  })

  test('the example graph, inputs before consumers', () => {
    const graph = parseGraph(readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8'))
    expect([...graph.nodes.keys()]).toEqual([
      'config-a',
      'config-b',
      'config-c',
      'tools',
      'process-a',
      'process-b',
      'base',
      'image-a',
      'image-b',
      'image-c'
    ])
    const order = graph.order.map(n => n.name)
    for (const n of graph.nodes.values()) {
      if (n.kind === 'config') continue
      for (const input of n.inputs) expect(order.indexOf(input)).toBeLessThan(order.indexOf(n.name))
    }
    expect(node(graph, 'config-a')).toMatchObject({
      kind: 'config',
      paths: ['config/a/**', '!config/a/**/*.md']
    })
    expect(node(graph, 'process-a')).toMatchObject({
      kind: 'process',
      inputs: ['config-a', 'config-b', 'tools'],
      run: './scripts/render.sh',
      outputs: ['services/image-a/rendered', 'services/image-b/rendered'],
      env: { MODE: 'prod' }
    })
    expect(node(graph, 'image-a')).toMatchObject({
      kind: 'image',
      context: 'services/image-a',
      dockerfile: 'services/image-a/Dockerfile',
      buildArgs: { LOG_LEVEL: 'info' },
      imageArgs: { BASE: 'base' },
      platforms: ['linux/amd64']
    })
    expect(node(graph, 'tools').description).toBe(
      'the scripts the processes run; a change to them re-runs the processes'
    )
  })

  test.each([
    ['services/api', undefined, 'services/api', 'services/api/Dockerfile'],
    ['./services/api/', undefined, 'services/api', 'services/api/Dockerfile'],
    ['.', undefined, '', 'Dockerfile'],
    ['./', undefined, '', 'Dockerfile'],
    ['services/api', 'docker/api.Dockerfile', 'services/api', 'docker/api.Dockerfile'],
    [
      'services/api',
      './services/../docker//api.Dockerfile',
      'services/api',
      'docker/api.Dockerfile'
    ]
  ])(
    'context %p, dockerfile %p -> %p, %p',
    (context, dockerfile, expectedContext, expectedDockerfile) => {
      const lines = ['version: 1', 'images:', '  api:', `    context: ${context}`]
      if (dockerfile) lines.push(`    dockerfile: ${dockerfile}`)
      expect(node(parseGraph(yml(...lines)), 'api')).toMatchObject({
        context: expectedContext,
        dockerfile: expectedDockerfile
      })
    }
  )

  test.each([
    ['./config/x/**', 'config/x/**'],
    ['././config/x/**', 'config/x/**'],
    ['!./config/x/*.md', '!config/x/*.md'],
    ['config/x/**', 'config/x/**']
  ])('glob %p is kept as %p', (written, canonical) => {
    const graph = parseGraph(
      yml('version: 1', 'configs:', '  x:', `    paths: [config/**, "${written}"]`)
    )
    expect(node(graph, 'x')).toMatchObject({ paths: ['config/**', canonical] })
  })

  test('outputs are normalised', () => {
    const graph = parseGraph(
      yml(
        'version: 1',
        'processes:',
        '  p:',
        '    run: make',
        '    outputs: [./build//out/, build/x/../y]'
      )
    )
    expect(node(graph, 'p')).toMatchObject({ outputs: ['build/out', 'build/y'] })
  })

  test('env values are strings, numbers keep their spelling', () => {
    const graph = parseGraph(
      yml(
        'version: 1',
        'processes:',
        '  p:',
        '    run: make',
        '    env: { A: x, B: 4, C: 1.20, D: 0x1F, E: true, F: "007" }'
      )
    )
    expect(node(graph, 'p')).toMatchObject({
      env: { A: 'x', B: '4', C: '1.20', D: '0x1F', E: 'true', F: '007' }
    })
  })

  test('an alias reads as the value of its anchor', () => {
    const graph = parseGraph(VALID_GRAPHS.find(c => c.title === 'anchors and aliases')!.text)
    expect(node(graph, 'b')).toMatchObject({ env: { MODE: 'prod' }, inputs: ['a'] })
    expect(node(graph, 'api')).toMatchObject({ inputs: ['a', 'b'] })
  })

  test('an alias with no anchor is a problem, not a crash', () => {
    expect(
      problemsOf(
        yml('version: 1', 'images:', '  api:', '    context: api', '    inputs: [*nothing]')
      )
    ).toEqual([
      "imagegraph.yml:5:14 images.api.inputs[0]: the alias '*nothing' has no anchor '&nothing' before it"
    ])
  })

  test('positions of fields and list items are kept for later problems', () => {
    const graph = parseGraph(
      yml(
        'version: 1',
        'images:',
        '  api:',
        '    context: services/api',
        '    inputs: [a, b]',
        'configs:',
        '  a: { paths: [a] }',
        '  b: { paths: [b] }'
      )
    )
    expect(graph.positions.get(['images', 'api'])).toEqual({ line: 3, col: 3 })
    expect(graph.positions.get(['images', 'api', 'context'])).toEqual({ line: 4, col: 14 })
    expect(graph.positions.get(['images', 'api', 'inputs', 1])).toEqual({ line: 5, col: 17 })
  })
})

describe('checkGraphAgainstFiles', () => {
  const graphText = yml(
    'version: 1',
    'configs:',
    '  app:',
    '    paths: [config/app/**]',
    '  ghost:',
    '    paths: [config/ghost/**, "!config/ghost/*.md"]',
    'images:',
    '  api:',
    '    context: services/api',
    '  web:',
    '    context: services/web',
    '    dockerfile: docker/web.Dockerfile',
    '  worker:',
    '    context: services/worker',
    '  empty:',
    '    context: services/empty',
    '  root:',
    '    context: .',
    '  outside:',
    '    context: generated',
    '    dockerfile: docker/outside.Dockerfile'
  )
  const files = [
    'config/app/db.yaml',
    'config/ghost/README.md',
    'services/api/Dockerfile',
    'services/api/main.go',
    'services/web/index.html',
    'docker/web.Dockerfile',
    'services/worker/main.go',
    'Dockerfile',
    'docker/outside.Dockerfile'
  ].map(f => tracked(f))

  test('reports missing contexts and Dockerfiles and idle configs as errors', () => {
    const graph = parseGraph(graphText)
    const problems = checkGraphAgainstFiles(graph, new GraphFiles(graph).membership(files))
    expect(problems.map(formatProblem)).toEqual([
      "imagegraph.yml:6:12 configs.ghost.paths: matches no tracked file (config/ghost/**, !config/ghost/*.md); check the patterns, or set 'allow-empty: true' if that is meant",
      "imagegraph.yml:14:14 images.worker.context: Dockerfile 'services/worker/Dockerfile' is not a tracked file (set dockerfile: to use another path)",
      "imagegraph.yml:16:14 images.empty.context: 'services/empty' has no tracked files; the context must be a directory in the repository",
      "imagegraph.yml:20:14 images.outside.context: 'generated' has no tracked files; the context must be a directory in the repository"
    ])
    expect(problems.map(p => p.severity)).toEqual(['error', 'error', 'error', 'error'])
  })

  test('a context that a process produces needs no tracked files', () => {
    const graph = parseGraph(
      yml(
        'version: 1',
        'processes:',
        '  render:',
        '    run: ./render.sh',
        '    outputs: [build/site]',
        'images:',
        '  site:',
        '    context: build/site/public',
        '    dockerfile: docker/site.Dockerfile',
        '    inputs: [render]'
      )
    )
    const files = [tracked('docker/site.Dockerfile'), tracked('render.sh')]
    expect(checkGraphAgainstFiles(graph, new GraphFiles(graph).membership(files))).toEqual([])
  })

  test('a missing Dockerfile set by dockerfile: is reported there', () => {
    const graph = parseGraph(
      yml(
        'version: 1',
        'images:',
        '  web:',
        '    context: services/web',
        '    dockerfile: docker/web.Dockerfile'
      )
    )
    const problems = checkGraphAgainstFiles(
      graph,
      new GraphFiles(graph).membership([tracked('services/web/index.html')])
    )
    expect(problems.map(formatProblem)).toEqual([
      "imagegraph.yml:5:17 images.web.dockerfile: Dockerfile 'docker/web.Dockerfile' is not a tracked file"
    ])
  })

  test('a root context with only a Dockerfile is fine', () => {
    const graph = parseGraph(yml('version: 1', 'images:', '  root:', '    context: .'))
    expect(
      checkGraphAgainstFiles(graph, new GraphFiles(graph).membership([tracked('Dockerfile')]))
    ).toEqual([])
  })

  test('plan refuses a graph with file errors', () => {
    expect(() => plan(planInput({ graphText, trackedFiles: files }))).toThrow(GraphError)
  })
})

// --- plan(): two graph texts, a list of changed files and the tracked files; no git involved.

const GRAPH = yml(
  'version: 1',
  'configs:',
  '  app:',
  '    paths: [config/app/**]',
  '  other:',
  '    paths: [config/other/**]',
  'processes:',
  '  render:',
  '    inputs: [app]',
  '    run: ./render.sh',
  '    outputs: [build/rendered]',
  'images:',
  '  base:',
  '    context: images/base',
  '    build-args: { DEBIAN: bookworm }',
  '  api:',
  '    context: services/api',
  '    inputs: [render, base]',
  '  web:',
  '    context: services/web',
  '    inputs: [base]',
  '  worker:',
  '    context: services/worker',
  '    inputs: [other]'
)
const FILES = [
  'config/app/db.yaml',
  'config/other/queue.yaml',
  'images/base/Dockerfile',
  'services/api/Dockerfile',
  'services/web/Dockerfile',
  'services/worker/Dockerfile'
].map(f => tracked(f))
const BASE = 'b'.repeat(40)

function planInput(over: Partial<PlanInput>): PlanInput {
  return {
    graphText: GRAPH,
    graphFile: 'imagegraph.yml',
    baseGraphText: GRAPH,
    base: BASE,
    head: 'h'.repeat(40),
    changedFiles: [],
    trackedFiles: FILES,
    ...over
  }
}

function affected(input: PlanInput): string[] {
  return [...plan(input).nodes.values()].filter(n => n.affected).map(n => n.name)
}

function modified(...paths: string[]): ChangedFile[] {
  return paths.map(p => ({ path: p, status: 'modified' }))
}

describe('plan', () => {
  test('nothing changed: nothing is affected', () => {
    const p = plan(planInput({}))
    expect(affected(planInput({}))).toEqual([])
    expect(p.order).toEqual(['app', 'other', 'render', 'base', 'api', 'web', 'worker'])
    expect(p.everythingBecause).toBeUndefined()
  })

  test('a config file change reads as a chain down to the image', () => {
    const p = plan(planInput({ changedFiles: modified('config/app/db.yaml') }))
    expect([...p.nodes.values()].filter(n => n.affected).map(n => n.name)).toEqual([
      'app',
      'render',
      'api'
    ])
    expect(p.nodes.get('app')).toMatchObject({
      reasons: ['config/app/db.yaml -> config app'],
      changedFiles: ['config/app/db.yaml']
    })
    expect(p.nodes.get('api')).toMatchObject({
      reasons: ['config/app/db.yaml -> config app -> process render -> image api'],
      reasonCount: 1,
      changedFiles: []
    })
  })

  test('a file of no node affects nothing', () => {
    expect(affected(planInput({ changedFiles: modified('README.md', 'imagegraph.yml') }))).toEqual(
      []
    )
  })

  test('an image context change affects the image and the images built on it', () => {
    const p = plan(planInput({ changedFiles: [{ path: 'images/base/motd', status: 'added' }] }))
    expect([...p.nodes.values()].filter(n => n.affected).map(n => n.name)).toEqual([
      'base',
      'api',
      'web'
    ])
    expect(p.nodes.get('web')!.reasons).toEqual([
      'images/base/motd (added) -> image base -> image web'
    ])
  })

  test('a rename across config groups marks both configs', () => {
    const p = plan(
      planInput({
        changedFiles: [
          { path: 'config/other/db.yaml', oldPath: 'config/app/db.yaml', status: 'renamed' }
        ]
      })
    )
    expect([...p.nodes.values()].filter(n => n.affected).map(n => n.name)).toEqual([
      'app',
      'other',
      'render',
      'api',
      'worker'
    ])
    expect(p.nodes.get('app')!.reasons).toEqual([
      'config/app/db.yaml (renamed to config/other/db.yaml) -> config app'
    ])
    expect(p.nodes.get('other')!.reasons).toEqual([
      'config/other/db.yaml (renamed from config/app/db.yaml) -> config other'
    ])
  })

  describe('graph file edits affect only the nodes whose definitions changed', () => {
    const edit = (from: string, to: string): string => {
      expect(GRAPH).toContain(from)
      return GRAPH.replace(from, to)
    }
    test.each([
      ['a build-arg of base', edit('DEBIAN: bookworm', 'DEBIAN: trixie'), ['base', 'api', 'web']],
      [
        'a build-arg added to worker',
        edit('    inputs: [other]\n', '    inputs: [other]\n    build-args: { X: 1 }\n'),
        ['worker']
      ],
      [
        'the command of render',
        edit('run: ./render.sh', 'run: ./render.sh --fast'),
        ['render', 'api']
      ],
      ['the globs of other', edit('config/other/**', 'config/other/*.yaml'), ['other', 'worker']],
      ['an input of web', edit('    inputs: [base]\n', '    inputs: [base, app]\n'), ['web']],
      ['a description', edit('  api:\n', '  api:\n    description: the API\n'), []],
      ['a comment', `# the graph\n${GRAPH.replace('  web:\n', '  web: # public\n')}`, []],
      [
        'the order of keys and inputs',
        edit(
          '    context: services/api\n    inputs: [render, base]\n',
          '    inputs: [base, render]\n    context: ./services/api/\n'
        ),
        []
      ],
      ['the spelling of a glob', edit('[config/app/**]', '["./config/app/**"]'), []],
      [
        'the default Dockerfile written out',
        edit(
          '    context: services/web\n',
          '    context: services/web\n    dockerfile: services/web/Dockerfile\n'
        ),
        []
      ],
      [
        'flow style for a node',
        edit('  other:\n    paths: [config/other/**]\n', '  other: { paths: [config/other/**] }\n'),
        []
      ]
    ])('%s', (_title, headText, expected) => {
      expect(
        affected(planInput({ graphText: headText, changedFiles: modified('imagegraph.yml') }))
      ).toEqual(expected)
    })

    test('the reason names the graph file and the changed node', () => {
      const p = plan(planInput({ graphText: edit('DEBIAN: bookworm', 'DEBIAN: trixie') }))
      expect(p.nodes.get('base')!.reasons).toEqual([
        'imagegraph.yml: image base changed -> image base'
      ])
      expect(p.nodes.get('api')!.reasons).toEqual([
        'imagegraph.yml: image base changed -> image base -> image api'
      ])
    })
  })

  test('a node new at head is affected because it is new', () => {
    const baseText = GRAPH.replace(
      '  worker:\n    context: services/worker\n    inputs: [other]\n',
      ''
    )
    const p = plan(planInput({ baseGraphText: baseText }))
    expect([...p.nodes.values()].filter(n => n.affected).map(n => n.name)).toEqual(['worker'])
    expect(p.nodes.get('worker')!.reasons).toEqual([
      'imagegraph.yml: image worker is new -> image worker'
    ])
  })

  test('a node that changed kind is new', () => {
    const baseText = GRAPH.replace('configs:\n', 'configs:\n  extra:\n    paths: [x/**]\n')
    const headText = GRAPH.replace('images:\n', 'images:\n  extra:\n    context: services/api\n')
    expect(affected(planInput({ graphText: headText, baseGraphText: baseText }))).toEqual(['extra'])
  })

  test.each([
    [
      'no graph file at base',
      null,
      `no imagegraph.yml at base ${'b'.repeat(12)}: every node is affected`
    ],
    [
      'an unparsable graph file at base',
      'version: 1\nconfigs: [\n',
      `imagegraph.yml at base ${'b'.repeat(12)} is not valid (imagegraph.yml:3:1 Flow sequence in block collection must be sufficiently indented and end with a ]): every node is affected`
    ],
    [
      'an invalid graph at base',
      yml('version: 1', 'images:', '  api:', '    context: ../api'),
      `imagegraph.yml at base ${'b'.repeat(12)} is not valid (imagegraph.yml:4:14 images.api.context: '../api' is outside the repository): every node is affected`
    ]
  ])('%s: every node is affected and the reason says why', (_title, baseGraphText, because) => {
    const p = plan(planInput({ baseGraphText, changedFiles: modified('config/app/db.yaml') }))
    expect(p.everythingBecause).toBe(because)
    for (const n of p.nodes.values()) {
      expect(n.affected).toBe(true)
      expect(n.reasons[0]).toBe(`${because} -> ${n.kind} ${n.name}`)
    }
    expect(p.nodes.get('api')!.reasons).toContain(
      `${because} -> config app -> process render -> image api`
    )
  })

  test('everythingBecause from the caller wins over the base graph', () => {
    const p = plan(planInput({ everythingBecause: 'base commit not found' }))
    expect(
      [...p.nodes.values()].every(
        n => n.affected && n.reasons[0] === `base commit not found -> ${n.kind} ${n.name}`
      )
    ).toBe(true)
  })

  test(`chains are capped at ${MAX_CHAINS} per node; reasonCount has them all`, () => {
    const many = Array.from(
      { length: MAX_CHAINS + 5 },
      (_, i) => `config/app/file-${String(i).padStart(2, '0')}.yaml`
    )
    const p = plan(
      planInput({
        trackedFiles: [...FILES, ...many.map(f => tracked(f))],
        changedFiles: modified(...many)
      })
    )
    for (const name of ['app', 'render', 'api']) {
      const n = p.nodes.get(name)!
      expect(n.reasons).toHaveLength(MAX_CHAINS)
      expect(n.reasonCount).toBe(MAX_CHAINS + 5)
    }
    expect(p.nodes.get('api')!.reasons[0]).toBe(
      'config/app/file-00.yaml -> config app -> process render -> image api'
    )
    expect(p.nodes.get('app')!.changedFiles).toHaveLength(MAX_CHAINS + 5)
  })

  test('a config that matches nothing is an error, not a warning', () => {
    const headText = GRAPH.replace('config/other/**', 'config/nothing/**')
    expect(() => plan(planInput({ graphText: headText, baseGraphText: headText }))).toThrow(
      "imagegraph.yml:6:12 configs.other.paths: matches no tracked file (config/nothing/**); check the patterns, or set 'allow-empty: true' if that is meant"
    )
  })

  test('keys do not depend on the YAML spelling but do on content', () => {
    const a = plan(planInput({}))
    const b = plan(
      planInput({
        graphText: `# comment\n${GRAPH.replace('[config/app/**]', '["./config/app/**"]')}`
      })
    )
    const c = plan(
      planInput({
        trackedFiles: FILES.map(f =>
          f.path === 'config/app/db.yaml' ? tracked(f.path, 'new content') : f
        )
      })
    )
    for (const name of a.order) expect(b.nodes.get(name)!.key).toBe(a.nodes.get(name)!.key)
    const changedKeys = a.order.filter(name => c.nodes.get(name)!.key !== a.nodes.get(name)!.key)
    expect(changedKeys).toEqual(['app', 'render', 'api'])
  })
})
