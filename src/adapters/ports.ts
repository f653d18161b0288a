// The interfaces the commands need from the world. Real adapters live beside this file, one external
// system each; commands are unit-tested with small hand-written fakes of these.

/** Where a cache operation happened and what it cost; warnings never fail a run. */
export interface CacheRestoreResult {
  /** True only for an exact-key hit whose files were put in place. */
  hit: boolean
  /** Bytes of the entry read (archive size or file bytes), when known. */
  bytes?: number
  /** Why a restore did not happen or was discarded (service error, 429, ...), for a warning. */
  warning?: string
}

export interface CacheSaveResult {
  saved: boolean
  bytes?: number
  /** Why a save did not happen (already exists, too large, service error, ...). */
  warning?: string
}

/**
 * A store of directories and files by exact key. `paths` are relative to `root` (the workspace), so
 * an entry saved on one runner restores on another whose workspace lies elsewhere.
 */
export interface Cache {
  /** For logs: `gha`, `local:/path`, `none`. */
  readonly description: string
  restore(key: string, paths: string[], root: string): Promise<CacheRestoreResult>
  save(key: string, paths: string[], root: string): Promise<CacheSaveResult>
}

/** What a command tells the person running it: the action's log and summary, or the CLI's stderr. */
export interface Reporter {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** A named, folded block of lines written at once (a process's output when it ends). */
  group(name: string, lines: string[]): void
  /** A value that must never be shown (a secret passed to a process). */
  mask(value: string): void
}

// ---------------------------------------------------------------------------------------------
// Builders (issue 10): one image build, and its push, by buildx, docker, podman or buildah.
// Adapters in src/adapters/builders/; which one runs is decided lazily by builders/detect.ts.
// ---------------------------------------------------------------------------------------------

export type BuilderName = 'buildx' | 'docker' | 'podman' | 'buildah'

/** How to reach the registry a build pushes to (and pulls its `FROM` images from). */
export interface RegistryConnection {
  /** `host[:port]`, as it appears in image references. */
  host: string
  /** Plain HTTP (or TLS left unverified): only when the user named the registry insecure. */
  insecure?: boolean
  /** A directory holding the registry's CA as `*.crt` (buildah, podman: `--cert-dir`). */
  certDir?: string
  /** The registry's CA certificate (PEM); an adapter that needs a directory makes one. */
  caFile?: string
  /** Basic credentials; never put on a command line (adapters write a 0600 auth file). */
  username?: string
  password?: string
  /** An auth file already holding credentials (docker `config.json` / containers `auth.json`). */
  authFile?: string
}

/** Layer caching where the builder has it; a cache problem never fails a build. */
export interface LayerCache {
  /** buildx on GitHub: the Actions cache, one scope per image and platform set. */
  gha?: boolean
  /** A repository for cached layers (`registry/repo-cache`): buildx, buildah and podman. */
  registryRef?: string
  /** Also write the cache (trusted events only); reading it is always allowed. */
  write?: boolean
}

/** A build made by this run and not pushed, as a dependent build of the same builder names it. */
export interface LocalImage {
  /** The value to hand to the dependent as its build arg (`FROM ${BASE}`): an image id. */
  ref: string
  /** Named build contexts the dependent needs for `ref` to resolve (buildx without `--load`). */
  contexts?: Record<string, string>
}

export interface BuildRequest {
  /** The graph's image name: for cache scopes and the local tag. */
  image: string
  /** Its content key: the local tag's tag part. */
  key: string
  /** Absolute paths. */
  context: string
  dockerfile: string
  target?: string
  /** `linux/amd64`, ...; empty: the builder's default. */
  platforms: string[]
  buildArgs: Record<string, string>
  labels: Record<string, string>
  /** Full references to tag the image with (`registry/repo:tag`); pushed when `push` is set. */
  tags: string[]
  push: boolean
  /** The registry pushed to and pulled from; absent for a build that talks to no registry. */
  registry?: RegistryConnection
  cache?: LayerCache
  /** Local images of this run that the build args name (from `BuildResult.local`). */
  localBases?: LocalImage[]
  /** Each line of the builder's output as it comes (the action's log, the CLI's stderr). */
  onLine?: (line: string) => void
}

export interface BuildResult {
  ok: boolean
  /** The builder's image id (`sha256:` of the config) when it reports one. */
  imageId?: string
  /** The manifest digest the builder reports for the push (read it back from the registry too). */
  digest?: string
  /** Set when not pushed: how a dependent build uses exactly this image. */
  local?: LocalImage
  /** On failure: one line saying what failed (the step and its exit status). */
  error?: string
  /** On failure: the last ~30 lines of the builder's output. */
  logTail: string[]
  seconds: number
}

export interface Builder {
  readonly name: BuilderName
  /** For logs: the name and what is configured (`buildah (vfs, chroot)`). */
  readonly description: string
  /** Builds, tags and (with `push`) pushes; a failed build is a result, not a rejection. */
  build(request: BuildRequest): Promise<BuildResult>
}
