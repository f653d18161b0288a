// Repository content (file names, reasons, warnings, branch names) as inert text in GitHub
// markdown: the job summary and the PR comment show it as it is, and it can start no markup, link,
// image, mention, reference, table cell or new line, in a table cell, a list item or inside HTML.

/** Joins `@` or `#` to what follows invisibly, so `@team` notifies no one and `#12` links nothing. */
const JOINER = '\u200d'

/** Characters that mean something to markdown or HTML, written as character references. */
const ACTIVE = new Map<string, string>([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ..."\\`*_[]()|~!$'{}".split('').map((c): [string, string] => [c, `&#${c.charCodeAt(0)};`])
])

/** Invisible or line-breaking characters, shown by name rather than acting. */
function visible(code: number): string | undefined {
  if (code < 0x20) return String.fromCodePoint(0x2400 + code) // ␀ … ␟ (␊ for \n, ␍ for \r)
  if (code === 0x7f) return '␡'
  if (
    (code >= 0x80 && code <= 0x9f) || // C1 controls (NEL breaks lines)
    (code >= 0x2028 && code <= 0x202e) || // line and paragraph separators, bidi embeddings
    (code >= 0x2066 && code <= 0x2069) || // bidi isolates
    (code >= 0x200b && code <= 0x200f) || // zero-width characters and direction marks
    code === 0x2060 ||
    code === 0x061c ||
    code === 0xfeff
  )
    return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`
  return undefined
}

/**
 * Text that renders as exactly itself: controls shown by name, markup characters as character
 * references, `@` and `#` joined invisibly to what follows, `www.` and `scheme://` broken so
 * nothing links. One line, safe in a table cell (`|` is escaped) and in HTML (`<>&"'` are).
 */
export function inert(text: string): string {
  const chars = [...text]
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    const code = ch.codePointAt(0)!
    const shown = visible(code)
    if (shown !== undefined) out += shown
    else if (ACTIVE.has(ch)) out += ACTIVE.get(ch)!
    else if (ch === '@' || ch === '#') out += `&#${code};${JOINER}`
    // Autolinks: `http://x` and `www.x` link by themselves; their `:` and `.` written as references.
    else if (ch === ':' && chars[i + 1] === '/') out += '&#58;'
    else if (ch === '.' && /www$/i.test(chars.slice(Math.max(0, i - 3), i).join(''))) out += '&#46;'
    // At the start of a line these begin a list, a heading, a quote or a rule.
    else if (i === 0 && /[-+=#>0-9]/.test(ch)) out += `&#${code};`
    else out += ch
  }
  return out
}
