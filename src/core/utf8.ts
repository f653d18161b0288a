// Bytes to text without losing any. A graph file must be UTF-8: anything else is a located error,
// never a replacement character (two different files would read the same). A path from git is
// bytes: valid UTF-8 reads as itself, and each byte of an invalid sequence becomes the lone
// surrogate U+DC80 + (byte - 0x80), as Python's "surrogateescape" does. Valid UTF-8 never
// decodes to a lone surrogate, so no real name can collide with an escaped one, and
// encodePath gives the exact bytes back (keys hash those bytes).
import { isUtf8 } from 'node:buffer'
import { GraphError } from './errors.js'

/** Where the first invalid UTF-8 sequence starts and how many bytes it spans, or undefined. */
export function firstInvalidUtf8(
  bytes: Uint8Array,
  from = 0
): { at: number; length: number } | undefined {
  for (let i = from; i < bytes.length;) {
    const n = validSequenceLength(bytes, i)
    if (n === 0) return { at: i, length: 1 }
    i += n
  }
  return undefined
}

/** Length of the well-formed UTF-8 sequence at i (Unicode table 3-7), or 0 when there is none. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]
  if (c < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf) =>
    i + k < b.length && b[i + k] >= lo && b[i + k] <= hi
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0
  return 0
}

/** A graph file's text; a GraphError at the first byte that is not UTF-8 otherwise. */
export function decodeGraphText(bytes: Uint8Array, file: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (isUtf8(buffer)) return buffer.toString('utf8')
  const bad = firstInvalidUtf8(buffer)!
  const lineStart = buffer.lastIndexOf(10, bad.at - 1) + 1
  const line = bad.at === 0 ? 1 : countNewlines(buffer, bad.at) + 1
  const col = [...buffer.subarray(lineStart, bad.at).toString('utf8')].length + 1
  const hex = [...buffer.subarray(bad.at, bad.at + 1)].map(x => x.toString(16).padStart(2, '0'))
  throw new GraphError([
    {
      file,
      line,
      col,
      path: '',
      message: `byte 0x${hex.join('')} is not UTF-8; a graph file must be UTF-8 text`,
      severity: 'error'
    }
  ])
}

function countNewlines(b: Uint8Array, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) if (b[i] === 10) n++
  return n
}

/** git's output (paths with -z), every byte kept: valid UTF-8 as text, other bytes escaped. */
export function decodePaths(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (isUtf8(buffer)) return buffer.toString('utf8') // the fast path: all of it at once
  let out = ''
  let start = 0
  for (let bad = firstInvalidUtf8(buffer); bad; bad = firstInvalidUtf8(buffer, bad.at + 1)) {
    out += buffer.toString('utf8', start, bad.at)
    out += String.fromCharCode(0xdc00 + buffer[bad.at])
    start = bad.at + 1
  }
  return out + buffer.toString('utf8', start)
}

const ESCAPED = /[\udc80-\udcff]/

/** The bytes a string decoded by decodePaths came from (plain UTF-8 when nothing is escaped). */
export function encodePaths(text: string): Buffer {
  if (!ESCAPED.test(text)) return Buffer.from(text, 'utf8')
  const parts: Buffer[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // A lone low surrogate in range: an escaped byte (a pair's low half has a high half before it).
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
      parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([c - 0xdc00]))
      start = i + 1
    }
  }
  parts.push(Buffer.from(text.slice(start), 'utf8'))
  return Buffer.concat(parts)
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
