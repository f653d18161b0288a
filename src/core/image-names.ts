// The names every part of the execution half agrees on: an image's content tag and the labels that
// trace a pushed image back to its inputs. Builds write them; reuse, retag and {{seq}} read them.

/** The content tag of a key: it names the exact inputs (tags allow 128 characters; this is 68). */
export function contentTag(key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a content key: '${key}'`)
  return `key-${key}`
}

/** The key a content tag names, or undefined for any other tag. */
export function keyOfContentTag(tag: string): string | undefined {
  const match = /^key-([0-9a-f]{64})$/.exec(tag)
  return match ? match[1] : undefined
}

/** OCI's own labels, and imagegraph's. */
export const LABELS = {
  source: 'org.opencontainers.image.source',
  revision: 'org.opencontainers.image.revision',
  version: 'org.opencontainers.image.version',
  created: 'org.opencontainers.image.created',
  title: 'org.opencontainers.image.title',
  /** The image's full content key. */
  key: 'dev.imagegraph.key',
  /** The first reason it was built (file -> ... -> image), one line. */
  reason: 'dev.imagegraph.reason',
  /** Its {{seq}} number, so the same content keeps its number. */
  seq: 'dev.imagegraph.seq'
} as const
