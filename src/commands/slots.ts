// How many things a command runs at once: a queue of slots, and the default size (the CPUs).
// Shared by run-processes (processes) and build-images (builds).
import * as os from 'node:os'

/** Waits for a free slot: at most `size` holders at once, served in order of asking. */
export class Slots {
  private free: number
  private readonly waiting: Array<() => void> = []
  constructor(size: number) {
    this.free = size
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return
    }
    await new Promise<void>(resolve => this.waiting.push(resolve))
  }
  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.free++
  }
}

/** The number of CPUs this process may use. */
export function defaultParallel(): number {
  return typeof os.availableParallelism === 'function'
    ? os.availableParallelism()
    : Math.max(1, os.cpus().length)
}
