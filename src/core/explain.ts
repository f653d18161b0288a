// Why a content key differs from its value at another revision, as data: each difference names the
// part of the key breakdown that changed. The text for people is written by report.ts.
import type { KeyBreakdown } from './keys.js'
import { stableStringify } from './keys.js'
import type { NodeKind } from './graph/model.js'

export type KeyDifference =
  /** The node was not in the graph at the other revision. */
  | { kind: 'new-node'; node: { kind: NodeKind; name: string } }
  | { kind: 'schema'; before: string; after: string }
  | { kind: 'node-kind'; before: NodeKind; after: NodeKind }
  /** A field of the canonical definition; values as the key hashes them. */
  | { kind: 'definition'; field: string; before: unknown; after: unknown }
  /** `entry` is what the key holds for the file: `<mode> <object id>`. */
  | { kind: 'file-added'; path: string; entry: string }
  | { kind: 'file-changed'; path: string; before: string; after: string }
  | { kind: 'file-removed'; path: string }
  /** `input` is the upstream node as the key names it (`process render`). */
  | { kind: 'input-added'; input: string; key: string }
  | { kind: 'input-changed'; input: string; before: string; after: string }
  | { kind: 'input-removed'; input: string }

/** A key breakdown's file line `<mode> <oid>\t<path>`, split into its path and its entry. */
function fileEntries(lines: string[]): Map<string, string> {
  return new Map(
    lines.map(line => {
      const tab = line.indexOf('\t')
      return [line.slice(tab + 1), line.slice(0, tab)]
    })
  )
}

/** What was added, changed and removed between two maps: after's order, then the removed ones. */
function mapChanges(
  before: Map<string, string>,
  after: Map<string, string>
): Array<{ name: string; was?: string; now?: string }> {
  const out: Array<{ name: string; was?: string; now?: string }> = []
  for (const [name, now] of after) {
    const was = before.get(name)
    if (was !== now) out.push(was === undefined ? { name, now } : { name, was, now })
  }
  for (const [name, was] of before) if (!after.has(name)) out.push({ name, was })
  return out
}

/** The differences between two breakdowns of the same node, in the breakdown's order. */
export function explainKeyDifference(
  before: KeyBreakdown | undefined,
  after: KeyBreakdown
): KeyDifference[] {
  if (!before) return [{ kind: 'new-node', node: { kind: after.kind, name: after.name } }]
  const out: KeyDifference[] = []
  if (before.schema !== after.schema)
    out.push({ kind: 'schema', before: before.schema, after: after.schema })
  if (before.kind !== after.kind)
    out.push({ kind: 'node-kind', before: before.kind, after: after.kind })
  const fields = new Set([...Object.keys(before.definition), ...Object.keys(after.definition)])
  for (const field of [...fields].sort()) {
    const was = before.definition[field]
    const now = after.definition[field]
    if (stableStringify(was) !== stableStringify(now))
      out.push({ kind: 'definition', field, before: was, after: now })
  }
  for (const { name: path, was, now } of mapChanges(
    fileEntries(before.files),
    fileEntries(after.files)
  )) {
    if (was === undefined) out.push({ kind: 'file-added', path, entry: now! })
    else if (now === undefined) out.push({ kind: 'file-removed', path })
    else out.push({ kind: 'file-changed', path, before: was, after: now })
  }
  const keysOf = (b: KeyBreakdown) => new Map(b.upstream.map(u => [u.node, u.key]))
  for (const { name: input, was, now } of mapChanges(keysOf(before), keysOf(after))) {
    if (was === undefined) out.push({ kind: 'input-added', input, key: now! })
    else if (now === undefined) out.push({ kind: 'input-removed', input })
    else out.push({ kind: 'input-changed', input, before: was, after: now })
  }
  return out
}

/**
 * A directory's tree id changed: which one, so that its files can be named (`git diff` of the two
 * trees). The key holds one line per directory; the explanation goes down to the file.
 */
export function treeChanges(
  differences: KeyDifference[]
): Array<{ path: string; before: string; after: string }> {
  const out: Array<{ path: string; before: string; after: string }> = []
  for (const d of differences)
    if (
      d.kind === 'file-changed' &&
      d.before.startsWith('040000 ') &&
      d.after.startsWith('040000 ')
    )
      out.push({ path: d.path, before: d.before.slice(7), after: d.after.slice(7) })
  return out
}

/** How a changed tree's files are looked up: `<path>\0<before>\0<after>`. */
export function treeChangeKey(change: { path: string; before: string; after: string }): string {
  return `${change.path}\0${change.before}\0${change.after}`
}
