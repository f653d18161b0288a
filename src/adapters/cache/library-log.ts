// `@actions/cache` never tells its caller why a restore or save did not happen: it catches the error
// and writes a warning, info or debug line through `@actions/core` to standard output. To turn those
// into results (and keep them off a CLI's standard output, which may carry JSON), the lines the
// library writes while one of our calls is in flight are kept for that call. AsyncLocalStorage ties
// each line to the call that caused it, so parallel restores and saves do not see each other's lines;
// writes outside a call pass through untouched. `::add-mask::` lines (the library masks the SAS
// signatures of blob URLs) go to the call's `mask`, which by default passes them on to the runner.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface LibraryLine {
  /** `warning`, `error`, `debug`, `notice`, ... for workflow commands; `info` for plain lines. */
  level: string
  message: string
}

interface Call {
  lines: LibraryLine[]
  mask?: (secret: string) => void
}

const current = new AsyncLocalStorage<Call>()
let installed = false

/** Undo the workflow-command escaping of `@actions/core` (`%25`, `%0D`, `%0A`). */
function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

export function parseLine(line: string): LibraryLine {
  const m = /^::([a-zA-Z-]+)(?: [^:]*)?::(.*)$/.exec(line)
  return m ? { level: m[1], message: unescapeData(m[2]) } : { level: 'info', message: line }
}

function install(): void {
  if (installed) return
  installed = true
  const stdout = process.stdout
  const original = stdout.write.bind(stdout) as (...args: unknown[]) => boolean
  stdout.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    const call = current.getStore()
    if (!call) return original(chunk, ...rest)
    const text =
      typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
    for (const line of text.split(/\r?\n/)) {
      if (line === '') continue
      const parsed = parseLine(line)
      if (parsed.level !== 'add-mask') call.lines.push(parsed)
      else if (call.mask) call.mask(parsed.message)
      else original(line + '\n')
    }
    const callback = rest.find(r => typeof r === 'function') as (() => void) | undefined
    if (callback) callback()
    return true
  }) as typeof stdout.write
}

/** Run `fn`, keeping every line `@actions/core` writes for it; a throw comes back as `thrown`. */
export async function withLibraryLog<T>(
  fn: () => Promise<T>,
  mask?: (secret: string) => void
): Promise<{ value?: T; thrown?: unknown; lines: LibraryLine[] }> {
  install()
  const lines: LibraryLine[] = []
  return current.run({ lines, mask }, async () => {
    try {
      return { value: await fn(), lines }
    } catch (thrown) {
      return { thrown, lines }
    }
  })
}
