// The index reader against real git: every index version and the cases where it must step aside.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseIndex } from '../src/adapters/git-index.js'
import { Git } from '../src/adapters/git.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

/** What `git ls-tree -r` says of HEAD, as TrackedFile lines. */
const lsTreeLines = (repo: TestRepo) =>
  repo.git('ls-tree', '-r', '-z', '--full-tree', 'HEAD').split('\0').filter(Boolean)

const readIndex = (repo: TestRepo) =>
  parseIndex(readFileSync(path.join(repo.dir, '.git', 'index')), 20)

function sample(): TestRepo {
  const repo = TestRepo.init()
  repo.write('a.txt', 'a\n').write('dir/b c.txt', 'b\n').write('dir/deep/café.yaml', 'c: 1\n')
  repo.write('script.sh', '#!/bin/sh\n').chmod('script.sh', 0o755).symlink('link', 'a.txt')
  repo.write('z/new\nline.txt', 'n\n')
  repo.commit('one')
  return repo
}

describe('parseIndex', () => {
  test.each([
    ['2', []],
    ['3', ['update-index', '--skip-worktree', 'a.txt']],
    ['4', ['update-index', '--index-version', '4']]
  ])('version %s: the files of HEAD and its root tree', (version, setup) => {
    const repo = sample()
    if (setup.length) repo.git(...setup)
    repo.git('write-tree') // records the cache-tree again after update-index dropped it
    const index = readFileSync(path.join(repo.dir, '.git', 'index'))
    expect(index.readUInt32BE(4)).toBe(Number(version))
    const listing = readIndex(repo)!
    expect(listing.files.map(f => f.line)).toEqual(lsTreeLines(repo))
    expect(listing.files.map(f => f.path)).toContain('z/new\nline.txt')
    expect(listing.rootTree).toBe(repo.git('rev-parse', 'HEAD^{tree}').trim())
  })

  test('a staged change leaves no valid root tree', () => {
    const repo = sample()
    repo.write('a.txt', 'changed\n').git('add', 'a.txt')
    expect(readIndex(repo)!.rootTree).toBeUndefined()
  })

  test('a split index is not read', () => {
    const repo = sample()
    repo.git('update-index', '--split-index')
    expect(readIndex(repo)).toBeUndefined()
  })

  test('a conflict is not read', () => {
    const repo = sample()
    repo.git('checkout', '-q', '-b', 'other')
    repo.write('a.txt', 'other\n').commit('other')
    repo.git('checkout', '-q', 'main')
    repo.write('a.txt', 'main\n').commit('main')
    expect(() => repo.git('merge', '-q', 'other')).toThrow()
    expect(readIndex(repo)).toBeUndefined()
  })

  test('garbage is not an index', () => {
    expect(parseIndex(Buffer.from('not an index at all'), 20)).toBeUndefined()
  })
})

describe('Git.trackedFilesAt', () => {
  test('a clean checkout of head is listed from the index, the same as ls-tree', async () => {
    const repo = sample()
    const git = new Git(repo.dir)
    const revisions = await git.resolveForPlan('HEAD', null)
    expect(revisions.index?.checkedOut).toBe(repo.head())
    expect((await git.trackedFilesAt(revisions)).map(f => f.line)).toEqual(lsTreeLines(repo))
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
    expect(files.map(f => f.line)).toEqual(
      repo.git('ls-tree', '-r', '-z', '--full-tree', head).split('\0').filter(Boolean)
    )
  })
})
