// The graph fields for image builds (issue 10): image-args, repository, tags, tag-pattern, registry.
// Their mistakes and messages are in helpers/graphs.ts (config.test.ts and schema.test.ts run them).
import { inputsOf } from '../src/core/graph/model.js'
import type { ImageNode } from '../src/core/graph/model.js'
import { parseGraph } from '../src/core/graph/read.js'
import { yml } from './helpers/graphs.js'

const image = (text: string, name: string) => parseGraph(text).nodes.get(name) as ImageNode

describe('image-args', () => {
  const text = yml(
    'version: 1',
    'images:',
    '  app:',
    '    context: app',
    '    inputs: [base]',
    '    image-args: { BASE: base, TOOLS: tools }',
    '  base: { context: base }',
    '  tools: { context: tools }'
  )

  test('each image named is an input, once, after those listed', () => {
    const graph = parseGraph(text)
    const app = graph.nodes.get('app') as ImageNode
    expect(app.imageArgs).toEqual({ BASE: 'base', TOOLS: 'tools' })
    expect(app.inputs).toEqual(['base'])
    expect(inputsOf(app)).toEqual(['base', 'tools'])
  })

  test('images named in image-args are built first', () => {
    expect(parseGraph(text).order.map(n => n.name)).toEqual(['base', 'tools', 'app'])
  })

  test('two ARGs may name one image: one edge', () => {
    const app = image(
      yml(
        'version: 1',
        'images:',
        '  app: { context: app, image-args: { A: base, B: base } }',
        '  base: { context: base }'
      ),
      'app'
    )
    expect(inputsOf(app)).toEqual(['base'])
  })
})

describe('defaults', () => {
  const graph = parseGraph(yml('version: 1', 'images:', '  api: { context: api }'))
  const api = graph.nodes.get('api') as ImageNode

  test('repository is the name; no tags, tag-pattern, image-args or registry unless set', () => {
    expect(api.repository).toBe('api')
    expect(api.imageArgs).toEqual({})
    expect('tags' in api).toBe(false)
    expect('tagPattern' in api).toBe(false)
    expect(graph.registry).toBeUndefined()
    expect(graph.tags).toBeUndefined()
  })
})

test('the fields as written', () => {
  const graph = parseGraph(
    yml(
      'version: 1',
      'registry: ghcr.io/my-org',
      'tags: [latest, "{{version}}"]',
      'images:',
      '  api:',
      '    context: api',
      '    repository: team/api',
      '    tags: []',
      '    tag-pattern: api/v*'
    )
  )
  const api = graph.nodes.get('api') as ImageNode
  expect(graph.registry).toBe('ghcr.io/my-org')
  expect(graph.tags).toEqual(['latest', '{{version}}'])
  expect(api.repository).toBe('team/api')
  // An empty list is the image's own word: no version tags for it, whatever the graph says.
  expect(api.tags).toEqual([])
  expect(api.tagPattern).toBe('api/v*')
  expect(graph.positions.get(['images', 'api', 'tag-pattern'])).toEqual({ line: 9, col: 18 })
  expect(graph.positions.get(['tags', 1])).toEqual({ line: 3, col: 16 })
})
