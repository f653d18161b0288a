// Why a key differs, as data: each difference names the part of the breakdown that changed, and the
// text renderer words it (nothing reads a sentence back).
import { explainKeyDifference } from '../src/core/explain.js'
import type { KeyBreakdown } from '../src/core/keys.js'
import { keyDifferenceText } from '../src/core/report.js'

const key = (c: string) => c.repeat(64)
const breakdown = (over: Partial<KeyBreakdown>): KeyBreakdown => ({
  schema: 'imagegraph-key/v2',
  kind: 'image',
  name: 'api',
  definition: { context: 'services/api', platforms: [] },
  files: ['100644 1111\tDockerfile', '100644 2222\tmain.go'],
  filesDigest: key('d'),
  upstream: [{ node: 'process render', key: key('a') }],
  ...over
})

test('each changed part of a breakdown is one difference, in the breakdown order', () => {
  const before = breakdown({})
  const after = breakdown({
    definition: { context: 'services/api', platforms: ['linux/amd64'] },
    files: ['100644 1111\tDockerfile', '100644 3333\tmain.go', '100755 4444\trun.sh'],
    upstream: [
      { node: 'config shared', key: key('c') },
      { node: 'process render', key: key('b') }
    ]
  })
  const differences = explainKeyDifference(before, after)
  expect(differences).toEqual([
    { kind: 'definition', field: 'platforms', before: [], after: ['linux/amd64'] },
    { kind: 'file-changed', path: 'main.go', before: '100644 2222', after: '100644 3333' },
    { kind: 'file-added', path: 'run.sh', entry: '100755 4444' },
    { kind: 'input-added', input: 'config shared', key: key('c') },
    { kind: 'input-changed', input: 'process render', before: key('a'), after: key('b') }
  ])
  expect(differences.map(keyDifferenceText)).toEqual([
    'definition.platforms: [] -> ["linux/amd64"]',
    'file changed: main.go (100644 2222 -> 100644 3333)',
    'file added: run.sh (100755 4444)',
    `input added: config shared (${'c'.repeat(12)})`,
    `input key changed: process render (${'a'.repeat(12)} -> ${'b'.repeat(12)})`
  ])
})

test('removals, a new node, and no difference at all', () => {
  const before = breakdown({})
  const after = breakdown({ files: ['100644 1111\tDockerfile'], upstream: [] })
  expect(explainKeyDifference(before, after)).toEqual([
    { kind: 'file-removed', path: 'main.go' },
    { kind: 'input-removed', input: 'process render' }
  ])
  expect(explainKeyDifference(undefined, after).map(keyDifferenceText)).toEqual([
    'image api did not exist before'
  ])
  expect(explainKeyDifference(before, breakdown({}))).toEqual([])
})
