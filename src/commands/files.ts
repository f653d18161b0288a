// The repository's files as the graph sees them: symlinks with their targets as git holds them
// (never as the working tree has them), for ownership, checks and keys.
import type { Git } from '../adapters/ports.js'
import type { TrackedFile } from '../core/changes.js'
import { Symlinks, isSymlink, objectIdOf } from '../core/links.js'

/** The symlinks among tracked files, with their targets as git holds them (not the working tree). */
export async function readSymlinks(git: Git, tracked: TrackedFile[]): Promise<Symlinks> {
  const links = tracked.filter(f => isSymlink(f) && objectIdOf(f) !== '')
  const targets = await git.blobs(links.map(objectIdOf))
  const map = new Map<string, string>()
  links.forEach((link, i) => {
    const target = targets[i]
    // Not guessed: a link whose target is unknown could hide any change behind it.
    if (target === null) throw new Error(`git has no object for the symlink ${link.path}`)
    map.set(link.path, target)
  })
  return new Symlinks(map)
}
