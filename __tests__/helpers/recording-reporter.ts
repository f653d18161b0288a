// A Reporter that keeps what it is told, for command tests (the real ones write to the Actions log
// or the terminal).
import type { Reporter } from '../../src/adapters/ports.js'

export class RecordingReporter implements Reporter {
  readonly infos: string[] = []
  readonly warnings: string[] = []
  readonly groups: Array<{ name: string; lines: string[] }> = []
  readonly masked: string[] = []
  info(message: string): void {
    this.infos.push(message)
  }
  warning(message: string): void {
    this.warnings.push(message)
  }
  debug(): void {}
  group(name: string, lines: string[]): void {
    this.groups.push({ name, lines })
  }
  mask(value: string): void {
    this.masked.push(value)
  }
  /** Every line the reporter would show, to look for a value that must not be there. */
  allText(): string {
    return [
      ...this.infos,
      ...this.warnings,
      ...this.groups.flatMap(g => [g.name, ...g.lines])
    ].join('\n')
  }
}

/** A reporter that also takes live lines, as the CLI's does. */
export class LiveRecordingReporter extends RecordingReporter {
  readonly live: Array<{ process: string; line: string }> = []
  processLine(process: string, line: string): void {
    this.live.push({ process, line })
  }
}
