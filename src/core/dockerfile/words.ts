// Splitting an instruction's arguments into words the way BuildKit's parser does: JSON form when
// the arguments are a JSON array of strings, else words between runs of whitespace (quotes do not
// group words there; the shell lexer removes them from each word afterwards). Also the CSV of a
// `--mount` flag and the names of remote ADD sources.

/** The words of a COPY/ADD argument string (flags already removed), with whether it was JSON. */
export function splitArguments(args: string): { words: string[]; json: boolean } {
  const trimmed = args.trimStart()
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string')) {
        return { words: parsed as string[], json: true }
      }
    } catch {
      // Not JSON: BuildKit falls back to the whitespace-separated form.
    }
  }
  return { words: trimmed.split(/[\t\v\f\r ]+/).filter(w => w !== ''), json: false }
}

/** `type=bind,source=a,target=/b` as BuildKit reads it (encoding/csv: a field may be quoted). */
export function parseMountOptions(value: string): Map<string, string> {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        field += ch
      }
    } else if (ch === '"' && field === '') {
      quoted = true
    } else if (ch === ',') {
      fields.push(field)
      field = ''
    } else {
      field += ch
    }
  }
  fields.push(field)
  const options = new Map<string, string>()
  for (const f of fields) {
    const eq = f.indexOf('=')
    const key = (eq < 0 ? f : f.slice(0, eq)).trim().toLowerCase()
    if (key) options.set(key, eq < 0 ? '' : f.slice(eq + 1))
  }
  return options
}

// BuildKit's ADD fetches these instead of reading the context: URLs and git remotes
// (`git@host:repo`, `ssh://`, `git://`).
const REMOTE = /^(?:https?:\/\/|git:\/\/|ssh:\/\/|[A-Za-z0-9_-]+@[A-Za-z0-9.-]+:)/i

/** Whether an ADD source (as written, or after expansion) is a remote one. */
export function isRemoteSource(source: string): boolean {
  return REMOTE.test(source.replace(/^["']/, ''))
}

/**
 * A source as a context-relative path: `./a`, `/a` and `a/` are `a`, the context itself is `.`,
 * and `..` stops at the context root (BuildKit resolves sources inside the context).
 */
export function contextPath(source: string): string {
  const parts: string[] = []
  for (const part of source.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.length === 0 ? '.' : parts.join('/')
}

/**
 * The words of an ENV or ARG line as BuildKit's parseWords splits them: whitespace separates words
 * except inside quotes; quotes and escapes stay in the word (the shell lexer removes them later).
 */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let blankOK = false
  let quote = ''
  const chars = [...rest]
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]
    if (quote) {
      if (ch === quote) quote = ''
      else if (ch === escape && quote !== "'") {
        if (i + 1 === chars.length) {
          quote = ''
          continue
        }
        word += ch
        ch = chars[++i]
      }
      word += ch
      continue
    }
    if (/\s/.test(ch)) {
      if (inWord && (blankOK || word !== '')) words.push(word)
      inWord = false
      word = ''
      blankOK = false
      continue
    }
    inWord = true
    if (ch === "'" || ch === '"') {
      quote = ch
      blankOK = true
    } else if (ch === escape) {
      if (i + 1 === chars.length) continue
      word += ch
      ch = chars[++i]
    }
    word += ch
  }
  if (inWord && (blankOK || word !== '')) words.push(word)
  return words
}

/** `ENV a=1 b=2` or the old `ENV a 1 2` as name and (unexpanded) value pairs. */
export function parseEnvPairs(rest: string, escape: string): [string, string][] {
  const words = parseWords(rest, escape)
  if (words.length === 0) return []
  if (!words[0].includes('=')) {
    const parts = rest.trim().split(/\s+/)
    return [[parts[0], rest.trim().slice(parts[0].length).trim()]]
  }
  return words.map(w => {
    const eq = w.indexOf('=')
    return eq < 0 ? [w, ''] : [w.slice(0, eq), w.slice(eq + 1)]
  })
}

/** `ARG a b=2` as names with their (unexpanded) defaults. */
export function parseArgDeclarations(rest: string, escape: string): [string, string | undefined][] {
  return parseWords(rest, escape).map(w => {
    const eq = w.indexOf('=')
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)]
  })
}
