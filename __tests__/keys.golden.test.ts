// The key contract, pinned. Caches, content tags, releases and rollbacks address artifacts by key:
// a key that changes silently orphans every cache entry and tag. A fixed graph and fixed file lines
// must give the recorded keys; a change to what goes into a key must come with a new KEY_SCHEMA
// and a new record (never an edit of a recorded one). Regenerate: GOLDEN_KEYS=print npx jest ...
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseGraph } from '../src/core/graph/read.js'
import { KEY_SCHEMA, computeKeys } from '../src/core/keys.js'
import { GraphFiles } from '../src/core/ownership.js'
import { EMPTY_TREE } from '../src/core/reach-lines.js'

const GRAPH = `version: 1
configs:
  app: { paths: ['config/app/**', '!config/app/**/*.md'] }
  tools: { paths: [scripts/render.sh] }
processes:
  render:
    inputs: [app, tools]
    run: ./scripts/render.sh
    outputs: [build/rendered]
    env: { MODE: prod }
    timeout: 10m
images:
  base: { context: images/base }
  api:
    context: services/api
    inputs: [render, base]
    build-args: { LOG_LEVEL: info }
    platforms: [linux/amd64]
    target: runtime
  worker:
    context: services/worker
    inputs: [base]
    image-args: { BASE: base, API_IMAGE: api }
    repository: team/worker
    tags: ['{{version}}']
`
const FILES = [
  { path: 'config/app/db.yaml', mode: '100644', oid: '1'.repeat(40) },
  { path: 'config/app/README.md', mode: '100644', oid: '2'.repeat(40) },
  { path: 'scripts/render.sh', mode: '100755', oid: '3'.repeat(40) },
  { path: 'images/base/Dockerfile', mode: '100644', oid: '4'.repeat(40) },
  { path: 'services/api/Dockerfile', mode: '100644', oid: '5'.repeat(40) },
  { path: 'services/api/main.go', mode: '100644', oid: '6'.repeat(40) },
  { path: 'services/worker/Dockerfile', mode: '100644', oid: '7'.repeat(40) }
]

const RECORD = path.join(import.meta.dirname ?? __dirname, 'fixtures', 'golden-keys.json')

function currentKeys(): Record<string, string> {
  const graph = parseGraph(GRAPH, 'imagegraph.yml')
  const membership = new GraphFiles(graph).membership(FILES)
  // api's Dockerfile narrows its inputs (issue 13): a copied file, a directory its copy makes with
  // nothing in it the build reads, and a value from its build-args-file.
  membership.keyFiles = new Map([
    ['api', [FILES[4], FILES[5], { path: 'services/api/cache', mode: '040000', oid: EMPTY_TREE }]]
  ])
  membership.reach = new Map([
    ['api', { kind: 'whole', declared: null, fileArgs: { AGENT_VERSION: '2.1.0' } }]
  ])
  const keys = computeKeys(graph, membership)
  return Object.fromEntries([...keys].map(([name, k]) => [name, k.key]))
}

describe('golden keys', () => {
  const record = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, Record<string, string>>
  const keys = currentKeys()
  if (process.env.GOLDEN_KEYS === 'print') console.log(JSON.stringify({ [KEY_SCHEMA]: keys }))

  test('the current KEY_SCHEMA has a record: a new schema needs its golden keys added', () => {
    expect(Object.keys(record)).toContain(KEY_SCHEMA)
  })

  test.each(['app', 'tools', 'render', 'base', 'api', 'worker'])(
    '%s: the key is the one recorded for this KEY_SCHEMA (if it moved, bump KEY_SCHEMA)',
    name => {
      expect(keys[name]).toBe(record[KEY_SCHEMA]?.[name])
    }
  )

  test('every schema recorded gave different keys: a bump that changed nothing is caught too', () => {
    const seen = new Map<string, string>()
    for (const [schema, byName] of Object.entries(record))
      for (const key of Object.values(byName)) {
        expect(seen.get(key)).toBeUndefined()
        seen.set(key, schema)
      }
  })
})
