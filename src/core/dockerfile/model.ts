// What a Dockerfile reads from its build context: the sources of its COPY, ADD and
// `RUN --mount=type=bind` instructions, or the whole context when the reader cannot be sure.

/** One instruction that reads files from the build context. */
export interface Source {
  instruction: 'COPY' | 'ADD' | 'RUN --mount'
  /** 1-based line of the instruction in the Dockerfile. */
  line: number
  /** The instruction as written, on one line and shortened. */
  text: string
  /**
   * Context-relative source patterns after variable expansion: no leading './' or '/', '.' is the
   * whole context. Wildcards are Go's filepath.Match (`*`, `?`, `[...]`), as the builders read them.
   */
  patterns: string[]
}

export type DockerfileInputs =
  | {
      kind: 'narrowed'
      /** Every context-reading instruction of every stage, in file order. */
      sources: Source[]
      /** Names the Dockerfile declares with ARG that take their value from the given build args. */
      args: string[]
    }
  | {
      kind: 'whole'
      /** Why the whole context is the input, for the user: `file:line: what`. */
      reason: string
      line?: number
    }

export interface DockerfileOptions {
  /** Build arguments the builder is given (graph `build-args`, `build-args-file`). */
  buildArgs: Record<string, string>
  /** Build arguments given values known only when the build runs (`image-args`: a digest). */
  unknownArgs?: readonly string[]
  /** The stage built; every stage is counted anyway (buildah builds stages the target does not reach). */
  target?: string
  /** The Dockerfile's path as the user knows it, for reasons. */
  file: string
}

/** Whole context, because of something at `line` of `file` (or of the file as a whole). */
export function wholeContext(file: string, reason: string, line?: number): DockerfileInputs {
  return line === undefined
    ? { kind: 'whole', reason: `${file}: ${reason}` }
    : { kind: 'whole', reason: `${file}:${line}: ${reason}`, line }
}
