// dockerfileInputs: which context paths a Dockerfile's build can read, read as Docker reads them
// (every stage, variables expanded), or the whole context with a reason when it cannot be sure.
import {
  DockerfileParser,
  Keyword,
  ModifiableInstruction,
  Onbuild,
  type Instruction
} from 'dockerfile-ast'
import { expandWord, type Lookup } from './expand.js'
import {
  type DockerfileInputs,
  type DockerfileOptions,
  type Source,
  wholeContext
} from './model.js'
import { isDockerFrontend } from './syntax.js'
import {
  contextPath,
  isRemoteSource,
  parseArgDeclarations,
  parseEnvPairs,
  parseMountOptions,
  splitArguments
} from './words.js'

/** A variable's value in a scope; undefined when it cannot be known (declared without one, or set from an unknown). */
type Values = Map<string, string | undefined>

interface Stage {
  name?: string
  /** Values set by ENV in this stage or the stages it is built on (inherited by `FROM stage`). */
  env: Values
  /** Values of the ARGs declared in this stage (not inherited). */
  args: Values
}

/** Thrown inside the reader to stop at the first thing that makes the whole context the input. */
class Whole extends Error {
  constructor(
    message: string,
    readonly line?: number
  ) {
    super(message)
  }
}

const KEYWORDS = new Set<string>(Object.values(Keyword))
const TEXT_LIMIT = 100

export function dockerfileInputs(text: string, options: DockerfileOptions): DockerfileInputs {
  try {
    return new Reader(text, options).read()
  } catch (e) {
    if (e instanceof Whole) return wholeContext(options.file, e.message, e.line)
    throw e
  }
}

class Reader {
  private readonly lines: string[]
  private readonly escape: string
  private readonly instructions: Instruction[]
  private readonly globals: Values = new Map()
  private readonly stages: Stage[] = []
  private readonly declared = new Set<string>()
  private readonly sources: Source[] = []

  constructor(
    text: string,
    private readonly options: DockerfileOptions
  ) {
    this.lines = text.split(/\r\n|\r|\n/)
    const syntax = options.buildArgs.BUILDKIT_SYNTAX
    if (syntax !== undefined && !isDockerFrontend(syntax)) {
      throw new Whole(
        `build argument BUILDKIT_SYNTAX=${syntax} is not Docker's Dockerfile frontend`
      )
    }
    const dockerfile = DockerfileParser.parse(text)
    for (const directive of dockerfile.getDirectives()) {
      const value = directive.getValue()
      if (directive.getName().toLowerCase() === 'syntax' && !isDockerFrontend(value)) {
        const line = directive.getRange().start.line + 1
        throw new Whole(`# syntax=${value} is not Docker's Dockerfile frontend`, line)
      }
    }
    this.escape = dockerfile.getEscapeCharacter()
    this.instructions = dockerfile.getInstructions()
  }

  read(): DockerfileInputs {
    for (const instruction of this.instructions) this.instruction(instruction)
    if (this.stages.length === 0) throw new Whole('has no FROM instruction')
    const target = this.options.target
    if (target !== undefined && !this.stages.some(s => s.name === target.toLowerCase())) {
      throw new Whole(`the target '${target}' is not a stage of the Dockerfile`)
    }
    const args = [...this.declared].filter(n => n in this.options.buildArgs).sort()
    return { kind: 'narrowed', sources: this.sources, args }
  }

  private instruction(ins: Instruction): void {
    const keyword = ins.getKeyword().toUpperCase()
    const line = ins.getRange().start.line + 1
    if (!KEYWORDS.has(keyword)) throw new Whole(`unknown instruction ${ins.getKeyword()}`, line)
    const stage = this.stages.at(-1)
    if (keyword === 'FROM') return this.from(ins, line)
    if (keyword === 'ARG') return this.arg(ins, stage)
    if (!stage) throw new Whole(`${keyword} comes before the first FROM`, line)
    if (keyword === 'ENV') return this.env(ins, stage)
    if (keyword === 'ONBUILD') return this.onbuild(ins as Onbuild, line)
    this.reader(ins, keyword, line, this.lookup(stage))
  }

  /** The instructions that read the context. */
  private reader(ins: Instruction, keyword: string, line: number, lookup: Lookup): void {
    if (keyword === 'COPY' || keyword === 'ADD') this.copy(ins, keyword, line, lookup)
    else if (keyword === 'RUN') this.run(ins, line, lookup)
  }

  private lookup(stage: Stage): Lookup {
    return name => {
      const inEnv = stage.env.has(name)
      const inArgs = stage.args.has(name)
      // Builders disagree on whether ENV or ARG wins when both name a variable: know it only when they agree.
      if (inEnv && inArgs && stage.env.get(name) !== stage.args.get(name)) return undefined
      return inEnv ? stage.env.get(name) : stage.args.get(name)
    }
  }

  private globalLookup(): Lookup {
    return name => this.globals.get(name)
  }

  private from(ins: Instruction, line: number): void {
    const words = splitArguments(ins.getArgumentsContent() ?? '').words
    if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
      throw new Whole('FROM takes an image and an optional AS name', line)
    }
    const image = expandWord(words[0], this.globalLookup(), this.escape)
    // A stage built on another stage inherits its ENV; on an image or an unknown base, nothing known.
    const parent = image.ok
      ? this.stages.find(s => s.name === image.value.toLowerCase())
      : undefined
    this.stages.push({
      name: words[2]?.toLowerCase(),
      env: new Map(parent?.env ?? []),
      args: new Map()
    })
  }

  private arg(ins: Instruction, stage: Stage | undefined): void {
    const scope = stage ? stage.args : this.globals
    const lookup = stage ? this.lookup(stage) : this.globalLookup()
    const given = this.options.buildArgs
    for (const [name, fallback] of parseArgDeclarations(
      ins.getArgumentsContent() ?? '',
      this.escape
    )) {
      this.declared.add(name)
      let value: string | undefined
      if (this.options.unknownArgs?.includes(name)) value = undefined
      else if (Object.hasOwn(given, name)) value = given[name]
      else if (fallback !== undefined) {
        const expanded = expandWord(fallback, lookup, this.escape)
        value = expanded.ok ? expanded.value : undefined
      } else if (stage) value = this.globals.get(name)
      scope.set(name, value)
    }
  }

  private env(ins: Instruction, stage: Stage): void {
    const lookup = this.lookup(stage)
    const pairs = parseEnvPairs(ins.getArgumentsContent() ?? '', this.escape)
    // Every value of one ENV is expanded with the variables as they were before it.
    const values = pairs.map(([, raw]) => expandWord(raw, lookup, this.escape))
    pairs.forEach(([name], i) => {
      const v = values[i]
      stage.env.set(name, v.ok ? v.value : undefined)
    })
  }

  private onbuild(ins: Onbuild, line: number): void {
    const trigger = ins.getTriggerInstruction()
    if (!trigger) return
    const keyword = trigger.getKeyword().toUpperCase()
    // A trigger runs in a later build, with that build's variables: none is known here.
    this.reader(trigger, keyword, line, () => undefined)
  }

  private flags(ins: Instruction, line: number): { name: string; value: string }[] {
    if (!(ins instanceof ModifiableInstruction)) return []
    return ins.getFlags().map(flag => {
      const value = flag.getValue() ?? ''
      // The parser splits a quoted flag value at its spaces, and the words after it would be misread.
      if (value.includes('"') || value.includes("'")) {
        throw new Whole(`${this.shortText(ins)}: a quoted flag value is not read here`, line)
      }
      return { name: flag.getName().toLowerCase(), value }
    })
  }

  private copy(ins: Instruction, keyword: string, line: number, lookup: Lookup): void {
    const text = this.shortText(ins)
    const from = this.flags(ins, line).find(f => f.name === 'from')
    if (from) {
      const stage = expandWord(from.value, lookup, this.escape)
      if (!stage.ok) throw new Whole(`${text}: --from=${from.value} ${stage.reason}`, line)
      if (stage.value !== '') return
    }
    const content = ins.getArgumentsContent() ?? ''
    const [firstLine, ...rest] = content.split('\n')
    let words: string[]
    let heredocs = 0
    if (rest.length > 0 || /(^|\s)\d*<<-?\S/.test(firstLine)) {
      // A here-document: its body is in the Dockerfile, only the other words of the first line are paths.
      words = firstLine.split(/[\t\v\f\r ]+/).filter(w => w !== '')
      const before = words.length
      words = words.filter(w => !/^\d*<<-?\S/.test(w))
      heredocs = before - words.length
      if (heredocs === 0)
        throw new Whole(`${text}: an instruction over several lines is not read here`, line)
    } else {
      words = splitArguments(content).words
    }
    if (words.length + heredocs < 2)
      throw new Whole(`${text}: needs a source and a destination`, line)
    const patterns: string[] = []
    for (const word of words.slice(0, -1)) {
      if (keyword === 'ADD' && isRemoteSource(word)) continue
      const expanded = expandWord(word, lookup, this.escape)
      if (!expanded.ok) throw new Whole(`${text}: the source ${word} ${expanded.reason}`, line)
      if (keyword === 'ADD' && isRemoteSource(expanded.value)) continue
      patterns.push(contextPath(expanded.value))
    }
    if (patterns.length > 0) {
      this.sources.push({ instruction: keyword as 'COPY' | 'ADD', line, text, patterns })
    }
  }

  private run(ins: Instruction, line: number, lookup: Lookup): void {
    const text = this.shortText(ins)
    const patterns: string[] = []
    for (const flag of this.flags(ins, line)) {
      if (flag.name !== 'mount') continue
      const options = parseMountOptions(flag.value)
      const option = (key: string, fallback: string): string => {
        const raw = options.get(key)
        if (raw === undefined) return fallback
        const expanded = expandWord(raw, lookup, this.escape)
        if (!expanded.ok) throw new Whole(`${text}: --mount ${key}=${raw} ${expanded.reason}`, line)
        return expanded.value
      }
      if (option('type', 'bind').toLowerCase() !== 'bind') continue
      if (option('from', '') !== '') continue
      patterns.push(contextPath(option('source', option('src', '.'))))
    }
    if (patterns.length > 0) this.sources.push({ instruction: 'RUN --mount', line, text, patterns })
  }

  /** The instruction as written, on one line, up to TEXT_LIMIT characters. */
  private shortText(ins: Instruction): string {
    const range = ins.getRange()
    const parts: string[] = []
    for (let l = range.start.line; l <= range.end.line; l++) {
      let part = this.lines[l]?.trim() ?? ''
      if (l > range.start.line && (part === '' || part.startsWith('#'))) continue
      if (part.endsWith(this.escape)) part = part.slice(0, -1).trim()
      parts.push(part)
      if (/(^|\s)\d*<<-?\S/.test(part)) break
    }
    const one = parts.join(' ').replace(/\s+/g, ' ')
    return one.length > TEXT_LIMIT ? `${one.slice(0, TEXT_LIMIT - 1)}…` : one
  }
}
