// Tracked files of a commit come from the index when it holds exactly that commit's files, and
// from the commit's trees otherwise; both ways must give the same lines, whatever the index is like.
import { GitCommandLine } from '../src/adapters/git.js'
import { treeLine } from '../src/core/changes.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

/** `git ls-tree -r` of a commit as content-key lines, `<mode> <oid>\t<path>`. */
const lsTreeLines = (repo: TestRepo, rev = 'HEAD') =>
  repo
    .git('ls-tree', '-r', '-z', '--full-tree', rev)
    .split('\0')
    .filter(Boolean)
    .map(entry => entry.replace(/^(\d+) \w+ /, '$1 '))

function sample(): TestRepo {
  const repo = TestRepo.init()
  repo.write('a.txt', 'a\n').write('dir/b c.txt', 'b\n').write('dir/deep/café.yaml', 'c: 1\n')
  repo.write('script.sh', '#!/bin/sh\n').chmod('script.sh', 0o755).symlink('link', 'a.txt')
  repo.write('z/new\nline.txt', 'n\n')
  repo.commit('one')
  return repo
}

describe('the index stands in for the tree only when it holds exactly the commit', () => {
  test.each([
    ['a clean checkout (index version 2)', [] as string[][], true],
    ['index version 3 (skip-worktree)', [['update-index', '--skip-worktree', 'a.txt']], true],
    ['index version 4', [['update-index', '--index-version', '4']], true],
    ['a split index', [['update-index', '--split-index']], true],
    ['a staged change', [['add', '--chmod=-x', 'script.sh']], false],
    ['an intent-to-add file', [['add', '-N', 'untracked.txt']], false]
  ])('%s', async (_case, setup, matches) => {
    const repo = sample().write('untracked.txt', 'u\n')
    for (const args of setup) repo.git(...args)
    const git = new GitCommandLine(repo.dir)
    const head = repo.head()
    expect(await git.indexMatches(head)).toBe(matches)
    expect((await git.listTrackedFiles().at(head)).map(treeLine)).toEqual(lsTreeLines(repo, head))
  })

  test('another commit than the checked-out one', async () => {
    const repo = sample()
    const first = repo.head()
    repo.write('a.txt', 'next\n').commit('two')
    const git = new GitCommandLine(repo.dir)
    expect(await git.indexMatches(first)).toBe(false)
    expect((await git.listTrackedFiles().at(first)).map(treeLine)).toEqual(lsTreeLines(repo, first))
    expect(await git.indexMatches(repo.head())).toBe(true)
  })

  test('a conflict in the index', async () => {
    const repo = sample()
    repo.git('checkout', '-q', '-b', 'other')
    repo.write('a.txt', 'other\n').commit('other')
    repo.git('checkout', '-q', 'main')
    repo.write('a.txt', 'main\n').commit('main')
    expect(() => repo.git('merge', '-q', 'other')).toThrow()
    const git = new GitCommandLine(repo.dir)
    expect(await git.indexMatches(repo.head())).toBe(false)
    expect((await git.listTrackedFiles().at(repo.head())).map(treeLine)).toEqual(lsTreeLines(repo))
  })
})
