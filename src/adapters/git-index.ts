// Tells, from git's index file (.git/index) alone, whether the index holds exactly one tree: the
// root tree id its cache-tree extension records. When that is the head commit's tree, `git
// ls-files -s` lists exactly the head commit's files, and a plan needs no `git ls-tree -r`
// (which reads every tree object: 3x slower on 100,000 files). The walk reads no path and makes
// no string per entry. Anything unusual (split or sparse index, a conflict, an unknown version, a
// stale cache-tree) answers undefined, and the caller asks `git ls-tree` instead.

const FLAG_EXTENDED = 0x4000
const FLAG_STAGE = 0x3000
const NAME_MASK = 0xfff

/** The root tree id in a TREE extension's data, or undefined when the root is invalidated. */
function rootTreeOf(data: Buffer, oidBytes: number): string | undefined {
  // First entry: "" NUL "<entry_count> <subtrees>\n" then the oid when entry_count >= 0.
  if (data[0] !== 0) return undefined
  const eol = data.indexOf(10, 1)
  if (eol === -1) return undefined
  const [count] = data.toString('latin1', 1, eol).split(' ')
  if (!(Number(count) >= 0)) return undefined
  return data.toString('hex', eol + 1, eol + 1 + oidBytes)
}

/**
 * The root tree id of an index (versions 2, 3 and 4) when its cache-tree is valid and it holds
 * one tree (no conflict, not split, not sparse). oidBytes: 20 for SHA-1, 32 for SHA-256.
 */
export function indexRootTree(buf: Buffer, oidBytes: number): string | undefined {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = buf.readUInt32BE(4)
  if (version < 2 || version > 4) return undefined
  const count = buf.readUInt32BE(8)
  const end = buf.length - oidBytes // the trailing checksum
  const fixed = 40 + oidBytes // stat data and the object id
  let at = 12
  for (let i = 0; i < count; i++) {
    if (at + fixed + 2 > end) return undefined
    if (buf.readUInt32BE(at + 24) >>> 12 === 0o04) return undefined // a sparse directory entry
    const flags = buf.readUInt16BE(at + fixed)
    if ((flags & FLAG_STAGE) !== 0) return undefined // a conflict: not one tree
    let name = at + fixed + 2
    if (flags & FLAG_EXTENDED) name += 2
    if (version === 4) {
      // A varint (bytes dropped from the previous path), then the rest of the path and a NUL.
      while (buf[name] & 0x80) name++
      const nul = buf.indexOf(0, name + 1)
      if (nul === -1) return undefined
      at = nul + 1
    } else {
      const length = flags & NAME_MASK
      const nul = length === NAME_MASK ? buf.indexOf(0, name) : name + length
      if (nul === -1) return undefined
      at += (nul - at + 8) & ~7 // entries are NUL-padded to a multiple of 8 bytes
    }
  }
  let rootTree: string | undefined
  while (at + 8 <= end) {
    const signature = buf.toString('latin1', at, at + 4)
    const size = buf.readUInt32BE(at + 4)
    if (signature === 'link' || signature === 'sdir') return undefined // split or sparse index
    if (signature === 'TREE') rootTree = rootTreeOf(buf.subarray(at + 8, at + 8 + size), oidBytes)
    at += 8 + size
  }
  return rootTree
}
