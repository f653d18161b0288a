// A process's declared outputs in the working tree: cleared before it runs, checked after.
import { lstat, realpath, rm } from 'node:fs/promises'
import * as path from 'node:path'

/**
 * The deepest existing directory above `output`, resolved, must lie inside the repository: a
 * symlinked parent (`build -> /`) must never make a removal reach outside it.
 */
async function insideRepository(repository: string, output: string): Promise<boolean> {
  const root = await realpath(repository)
  let dir = path.dirname(path.join(repository, output))
  for (;;) {
    try {
      const real = await realpath(dir)
      return real === root || real.startsWith(`${root}${path.sep}`)
    } catch {
      const up = path.dirname(dir)
      if (up === dir) return false
      dir = up
    }
  }
}

/** Removes each output (file, directory or symlink itself); throws naming one that leaves the repository. */
export async function removeOutputs(repository: string, outputs: readonly string[]): Promise<void> {
  for (const output of outputs) {
    if (!(await insideRepository(repository, output)))
      throw new Error(`output '${output}' lies under a symlink that leaves the repository`)
    await rm(path.join(repository, output), { recursive: true, force: true })
  }
}

/** The declared outputs that do not exist (a dangling symlink counts as existing: it was written). */
export async function missingOutputs(
  repository: string,
  outputs: readonly string[]
): Promise<string[]> {
  const missing: string[] = []
  for (const output of outputs) {
    try {
      await lstat(path.join(repository, output))
    } catch {
      missing.push(output)
    }
  }
  return missing
}
