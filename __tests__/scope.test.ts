// A graph file's directory is its root: git's repository-wide answers in the graph's terms.
import { graphRoot, scopeChangedFiles, scopeTrackedFiles, underRoot } from '../src/core/scope.js'
import type { ChangedFile } from '../src/core/changes.js'

const OID = 'a'.repeat(40)

describe('graphRoot and underRoot', () => {
  test.each([
    ['imagegraph.yml', ''],
    ['infra/imagegraph.yml', 'infra'],
    ['a/b/c.yml', 'a/b']
  ])('%s is rooted at %j', (file, root) => expect(graphRoot(file)).toBe(root))

  test('a path under the root, relative to it; one beside it (a shared prefix) is outside', () => {
    expect(underRoot('infra/svc/Dockerfile', 'infra')).toBe('svc/Dockerfile')
    expect(underRoot('infra2/svc/Dockerfile', 'infra')).toBeUndefined()
    expect(underRoot('infra', 'infra')).toBeUndefined()
    expect(underRoot('svc/Dockerfile', '')).toBe('svc/Dockerfile')
  })
})

test('tracked files: only those under the root, their key lines with the shorter path', () => {
  const files = [
    { path: 'infra/svc/a.txt', line: `100644 ${OID}\tinfra/svc/a.txt` },
    { path: 'infra2/b.txt', line: `100644 ${OID}\tinfra2/b.txt` },
    { path: 'README.md', line: `100644 ${OID}\tREADME.md` },
    { path: 'infra/infra/c.txt', mode: '100755', oid: OID }
  ]
  expect(scopeTrackedFiles(files, 'infra')).toEqual([
    { path: 'svc/a.txt', line: `100644 ${OID}\tsvc/a.txt` },
    { path: 'infra/c.txt', mode: '100755', oid: OID }
  ])
  expect(scopeTrackedFiles(files, '')).toBe(files)
})

test.each<{ title: string; change: ChangedFile; want: ChangedFile[] }>([
  {
    title: 'a change inside',
    change: { path: 'infra/a.txt', status: 'modified' },
    want: [{ path: 'a.txt', status: 'modified' }]
  },
  { title: 'a change outside', change: { path: 'web/a.txt', status: 'modified' }, want: [] },
  {
    title: 'a rename inside',
    change: { path: 'infra/b.txt', oldPath: 'infra/a.txt', status: 'renamed' },
    want: [{ path: 'b.txt', oldPath: 'a.txt', status: 'renamed' }]
  },
  {
    title: 'a rename into the root: added there',
    change: { path: 'infra/a.txt', oldPath: 'web/a.txt', status: 'renamed' },
    want: [{ path: 'a.txt', status: 'added' }]
  },
  {
    title: 'a rename out of the root: deleted there',
    change: { path: 'web/a.txt', oldPath: 'infra/a.txt', status: 'renamed' },
    want: [{ path: 'a.txt', status: 'deleted' }]
  },
  {
    title: 'a copy into the root: added there',
    change: { path: 'infra/a.txt', oldPath: 'web/a.txt', status: 'copied' },
    want: [{ path: 'a.txt', status: 'added' }]
  },
  {
    title: 'a copy out of the root: nothing inside changed',
    change: { path: 'web/a.txt', oldPath: 'infra/a.txt', status: 'copied' },
    want: []
  }
])('changed files: $title', ({ change, want }) => {
  expect(scopeChangedFiles([change], 'infra')).toEqual(want)
})
