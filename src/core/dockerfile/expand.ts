// Variable expansion in one Dockerfile word, as BuildKit's shell lexer does it (quotes removed,
// `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`, `${VAR-word}`, `${VAR+word}`, `${VAR:?word}`).
// A variable whose value the reader cannot know (never declared, declared without a value, or
// set from something unknown) fails the expansion: the caller then counts the whole context.

/** A variable's value, or undefined when it cannot be known here. */
export type Lookup = (name: string) => string | undefined

export type Expanded = { ok: true; value: string } | { ok: false; reason: string }

class Unknown extends Error {}

export function expandWord(word: string, lookup: Lookup, escape = '\\'): Expanded {
  try {
    const lexer = new WordLexer(word, lookup, escape)
    return { ok: true, value: lexer.word('') }
  } catch (e) {
    if (e instanceof Unknown) return { ok: false, reason: e.message }
    throw e
  }
}

class WordLexer {
  private at = 0
  /** Set while reading a `${VAR:-word}` word whose value is not used: its variables need no value. */
  private skipping = 0

  constructor(
    private readonly text: string,
    private readonly lookup: Lookup,
    private readonly escape: string
  ) {}

  private peek(): string | undefined {
    return this.text[this.at]
  }

  private next(): string | undefined {
    return this.text[this.at++]
  }

  /** Reads up to `stop` (not consumed) or the end; '' stops only at the end. */
  word(stop: string): string {
    let out = ''
    for (;;) {
      const ch = this.peek()
      if (ch === undefined) {
        if (stop) throw new Unknown('has an unterminated ${')
        return out
      }
      if (stop && ch === stop) return out
      this.next()
      if (ch === this.escape) {
        const escaped = this.next()
        if (escaped !== undefined) out += escaped
      } else if (ch === "'") {
        out += this.singleQuoted()
      } else if (ch === '"') {
        out += this.doubleQuoted()
      } else if (ch === '$') {
        out += this.dollar()
      } else {
        out += ch
      }
    }
  }

  private singleQuoted(): string {
    const end = this.text.indexOf("'", this.at)
    if (end < 0) throw new Unknown('has an unterminated single quote')
    const value = this.text.slice(this.at, end)
    this.at = end + 1
    return value
  }

  private doubleQuoted(): string {
    let out = ''
    for (;;) {
      const ch = this.next()
      if (ch === undefined) throw new Unknown('has an unterminated double quote')
      if (ch === '"') return out
      if (ch === this.escape) {
        const after = this.peek()
        if (after === '"' || after === '$' || after === this.escape) {
          out += after
          this.next()
        } else {
          out += ch
        }
      } else if (ch === '$') {
        out += this.dollar()
      } else {
        out += ch
      }
    }
  }

  private name(): string {
    let name = ''
    const first = this.peek()
    if (first !== undefined && /[0-9]/.test(first)) {
      while (this.peek() !== undefined && /[0-9]/.test(this.peek()!)) name += this.next()
      return name
    }
    if (first !== undefined && '@*#?-$!'.includes(first)) return this.next()!
    while (this.peek() !== undefined && /[A-Za-z0-9_]/.test(this.peek()!)) name += this.next()
    return name
  }

  private value(name: string): string {
    if (this.skipping) return ''
    const value = this.lookup(name)
    if (value === undefined) throw new Unknown(`holds $${name}, a variable with no value here`)
    return value
  }

  private dollar(): string {
    if (this.peek() !== '{') {
      const name = this.name()
      return name === '' ? '$' : this.value(name)
    }
    this.next()
    const name = this.name()
    if (name === '') throw new Unknown('has a bad substitution')
    const ch = this.next()
    if (ch === '}') return this.value(name)
    let colon = false
    let modifier = ch
    if (ch === ':') {
      colon = true
      modifier = this.next()
    }
    if (modifier !== '-' && modifier !== '+' && modifier !== '?') {
      throw new Unknown(
        `\${${name}${colon ? ':' : ''}${modifier ?? ''}...} is a form the reader does not expand`
      )
    }
    const value = this.value(name)
    const isSet = colon ? value !== '' : true
    const used = modifier === '-' ? !isSet : modifier === '+' ? isSet : false
    if (!used) this.skipping++
    const word = this.word('}')
    if (!used) this.skipping--
    this.next()
    if (modifier === '-') return isSet ? value : word
    if (modifier === '+') return isSet ? word : ''
    if (!isSet && !this.skipping) throw new Unknown(`\${${name}:?} fails: ${name} has no value`)
    return value
  }
}
