// The index reader against real git: every index version and the cases where it must step aside.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { indexRootTree } from '../src/adapters/git-index.js'
import { Git } from '../src/adapters/git.js'
import { treeLine } from '../src/core/changes.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

/** What `git ls-tree -r` says of HEAD, as TrackedFile lines. */
/** `git ls-tree -r` of a commit as content-key lines, `<mode> <oid>\t<path>`. */
const lsTreeLines = (repo: TestRepo, rev = 'HEAD') =>
  repo
    .git('ls-tree', '-r', '-z', '--full-tree', rev)
    .split('\0')
    .filter(Boolean)
    .map(entry => entry.replace(/^(\d+) \w+ /, '$1 '))

const rootTree = (repo: TestRepo) =>
  indexRootTree(readFileSync(path.join(repo.dir, '.git', 'index')), 20)

function sample(): TestRepo {
  const repo = TestRepo.init()
  repo.write('a.txt', 'a\n').write('dir/b c.txt', 'b\n').write('dir/deep/café.yaml', 'c: 1\n')
  repo.write('script.sh', '#!/bin/sh\n').chmod('script.sh', 0o755).symlink('link', 'a.txt')
  repo.write('z/new\nline.txt', 'n\n')
  repo.commit('one')
  return repo
}

describe('indexRootTree', () => {
  test.each([
    ['2', []],
    ['3', ['update-index', '--skip-worktree', 'a.txt']],
    ['4', ['update-index', '--index-version', '4']]
  ])('version %s: the root tree of HEAD', (version, setup) => {
    const repo = sample()
    if (setup.length) repo.git(...setup)
    repo.git('write-tree') // records the cache-tree again after update-index dropped it
    const index = readFileSync(path.join(repo.dir, '.git', 'index'))
    expect(index.readUInt32BE(4)).toBe(Number(version))
    expect(rootTree(repo)).toBe(repo.git('rev-parse', 'HEAD^{tree}').trim())
  })

  test('a staged change leaves no valid root tree', () => {
    const repo = sample()
    repo.write('a.txt', 'changed\n').git('add', 'a.txt')
    expect(rootTree(repo)).toBeUndefined()
  })

  test('a split index is not read', () => {
    const repo = sample()
    repo.git('update-index', '--split-index')
    expect(rootTree(repo)).toBeUndefined()
  })

  test('a conflict is not one tree', () => {
    const repo = sample()
    repo.git('checkout', '-q', '-b', 'other')
    repo.write('a.txt', 'other\n').commit('other')
    repo.git('checkout', '-q', 'main')
    repo.write('a.txt', 'main\n').commit('main')
    expect(() => repo.git('merge', '-q', 'other')).toThrow()
    expect(rootTree(repo)).toBeUndefined()
  })

  test('garbage is not an index', () => {
    expect(indexRootTree(Buffer.from('not an index at all'), 20)).toBeUndefined()
  })
})

describe('Git.trackedFilesAt', () => {
  test('a clean checkout of head is listed from the index, the same as ls-tree', async () => {
    const repo = sample()
    const git = new Git(repo.dir)
    const revisions = await git.resolveForPlan('HEAD', null)
    expect(revisions.index?.checkedOut).toBe(repo.head())
    expect((await git.trackedFilesAt(revisions)).map(treeLine)).toEqual(lsTreeLines(repo))
  })

  test.each([
    ['a staged change', (r: TestRepo) => r.write('a.txt', 'staged\n').git('add', 'a.txt')],
    [
      'a head other than HEAD',
      (r: TestRepo) => r.write('a.txt', 'next\n').commit('two') && r.git('checkout', '-q', 'HEAD~1')
    ]
  ])('%s: ls-tree of head, not the index', async (_case, change) => {
    const repo = sample()
    const head = repo.head()
    change(repo)
    const git = new Git(repo.dir)
    const revisions = await git.resolveForPlan(head, null)
    const files = await git.trackedFilesAt(revisions)
    expect(files.map(treeLine)).toEqual(lsTreeLines(repo, head))
  })
})
