// Git.isAncestor on real repositories: what a floating tag's forward-only rule asks of git.
import { GitCommandLine } from '../src/adapters/git.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(() => removeTempDirs())

describe('Git.isAncestor', () => {
  const repo = TestRepo.init()
  const commits: string[] = []
  for (const n of [1, 2, 3]) {
    repo.write('f.txt', `${n}\n`)
    commits.push(repo.commit(`c${n}`))
  }
  const git = new GitCommandLine(repo.dir)

  test('true for an older commit and for the commit itself, false for a newer one', async () => {
    expect(await git.isAncestor(commits[0], commits[2])).toBe(true)
    expect(await git.isAncestor(commits[2], commits[2])).toBe(true)
    expect(await git.isAncestor(commits[2], commits[0])).toBe(false)
  })

  test('undefined when a commit is not in the local history, or is no revision at all', async () => {
    expect(await git.isAncestor('f'.repeat(40), commits[2])).toBeUndefined()
    expect(await git.isAncestor('--help', commits[2])).toBeUndefined()
    expect(await git.isAncestor('', commits[2])).toBeUndefined()
  })

  test('a shallow clone that lacks the older commit cannot tell', async () => {
    const clone = TestRepo.clone(repo.bareCopy(), ['--depth', '1'])
    const shallow = new GitCommandLine(clone.dir)
    expect(await shallow.isAncestor(commits[0], commits[2])).toBeUndefined()
  })
})
