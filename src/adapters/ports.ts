// The interfaces the commands need from the world. Real adapters live beside this file, one external
// system each; commands are unit-tested with small hand-written fakes of these.
import type { ChangedFile, TrackedFile } from '../core/changes.js'

// ---------------------------------------------------------------------------------------------
// Git: one repository, through the git command line (src/adapters/git.ts). Revisions are checked
// before they reach git; an unknown one the user named is a UserError.
// ---------------------------------------------------------------------------------------------

export interface Git extends GitAncestry {
  /** The repository's top directory, for messages. */
  readonly dir: string
  /** The full commit id of a revision. */
  resolveCommit(rev: string): Promise<string>
  /** Full commit ids of several revisions, in order, in one call where it can. */
  resolveCommits(revs: string[]): Promise<string[]>
  /** Whether a commit object is present locally (a shallow clone may lack it). */
  hasCommit(sha: string): Promise<boolean>
  /** When the history is shallow, what to do about a revision it may not reach; else ''. */
  shallowHint(): Promise<string>
  isShallow(): Promise<boolean>
  /** The best common ancestor, or null when the local history has none (yet). */
  mergeBase(a: string, b: string): Promise<string | null>
  hasRemote(name: string): Promise<boolean>
  /** Fetch from a remote; ok false (not an exception) when the remote cannot give what was asked. */
  fetch(
    remote: string,
    refspecs: string[],
    options?: string[]
  ): Promise<{ ok: boolean; error: string }>
  /** Tags with the commits they point at, from a remote or (without one) locally. */
  tags(remote?: string): Promise<Map<string, string>>
  /** Files that differ between two commits, as trees; renames count at both ends. */
  changedFiles(base: string, head: string): Promise<ChangedFile[]>
  /** Every tracked file of a commit with its object id. */
  trackedFiles(rev: string): Promise<TrackedFile[]>
  /** Starts listing tracked files now, for a commit named later (git works while we do). */
  listTrackedFiles(): { at(commit: string): Promise<TrackedFile[]> }
  /** Files in the index plus untracked, not ignored ones (a work in progress). */
  workingFiles(): Promise<TrackedFile[]>
  /** A graph file's text at a commit, or null when the commit has no such file. */
  fileAt(rev: string, path: string): Promise<string | null>
  /** Several files' bytes at commits in one call: null for each one that is not there. */
  fileBytesAt(wanted: Array<{ rev: string; path: string }>): Promise<Array<Buffer | null>>
  /** Blobs' text by object id: null for each one that is not there. */
  blobs(oids: string[]): Promise<Array<string | null>>
  /**
   * Objects by name (an object id, `<commit>^{tree}`) in one call: their type and bytes, null for
   * each one that is not there.
   */
  objects(names: string[]): Promise<Array<GitObject | null>>
  /**
   * objects, for a batch the caller asks for early and needs later: read beside the other reads,
   * so git neither holds them up nor waits for the caller to take its output.
   */
  objectsAside(names: string[]): Promise<Array<GitObject | null>>
  /**
   * The files of a commit under some directories (repository paths, '' for all), recursively:
   * `git ls-tree -r` limited to them, so the cost is what lies under them, not the repository.
   */
  filesUnder(commit: string, dirs: string[]): Promise<TrackedFile[]>
  /**
   * What a revision as a person typed it names, for tag templates: the branch checked out (HEAD)
   * or named, or the tag named (`refs/tags/v1.2.3`); nothing for a commit id or a detached HEAD.
   */
  refNamed(rev: string): Promise<{ branch?: string; tagRef?: string }>
}

export interface GitObject {
  oid: string
  type: string
  data: Buffer
}

// ---------------------------------------------------------------------------------------------
// GitHub REST API (src/adapters/github.ts): only what imagegraph calls.
// ---------------------------------------------------------------------------------------------

export interface PullRequestRef {
  owner: string
  repo: string
  number: number
}

export interface GitHubApi {
  /** Create the comment that carries marker, or update it in place; returns what it did. */
  upsertComment(pr: PullRequestRef, marker: string, body: string): Promise<'created' | 'updated'>
}

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
  /**
   * The key was saved before (by another job or run): nothing to do and nothing to warn about, since
   * an entry's content is fixed by its key.
   */
  alreadyExists?: boolean
  /** Why a save did not happen (too large, rate limited, service error, ...), for a warning. */
  warning?: string
}

/**
 * A store of directories and files by exact key. `paths` are relative to `root` (the workspace), so
 * an entry saved on one runner restores on another whose workspace lies elsewhere. A restore replaces
 * what is at the paths. Neither call throws for a cache problem: it comes back as `warning`.
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
  /**
   * Optional live output: when present, each line of a running process comes here as it is
   * written (the CLI prints `[name] line`) and the process's output is not repeated in a group at
   * its end; when absent, the output is written with group() when the process ends, so parallel
   * processes never interleave (the action's log). Values passed with pass-env are already
   * replaced by `***` in these lines and groups.
   */
  processLine?(process: string, line: string): void
}

/** One run of a process's command. */
export interface ProcessRun {
  /** The process's name, for messages. */
  name: string
  /** The `run` script from the graph file, given to bash as one argument (never re-quoted). */
  script: string
  /** Where it runs: the directory that holds the graph file. */
  cwd: string
  /** The whole environment of the command (nothing is merged in). */
  env: Record<string, string>
  /** The command and every child it started are killed after this long. */
  timeoutSeconds: number
  /** Each line of its output (stdout and stderr, as they come), when given. */
  onLine?: (line: string) => void
}

export interface ProcessRunResult {
  /** The exit code; null when it ended by a signal (a timeout kills it). */
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  /** Output lines, stdout and stderr in the order they came; at most a bounded tail of them. */
  output: string[]
  /** Lines left out at the start of output to keep it bounded. */
  droppedLines: number
}

/** Runs a process's command the way GitHub runs a `run:` step (bash, -e, pipefail). */
export interface ProcessRunner {
  /** Resolves with the outcome; rejects only when the command cannot be started at all. */
  run(run: ProcessRun): Promise<ProcessRunResult>
}

// ---------------------------------------------------------------------------------------------
// Registry: one OCI registry (a host), for building, reusing and retagging images. Repositories
// are names within that registry (`team/api`); a reference is a tag or a `sha256:` digest.
// ---------------------------------------------------------------------------------------------

/** A manifest exactly as the registry holds it. */
export interface Manifest {
  /** The exact bytes: putting them under another tag keeps `digest`. */
  bytes: Buffer
  /** `application/vnd.oci.image.index.v1+json`, `...manifest.v1+json`, or the Docker v2 types. */
  mediaType: string
  /** `sha256:` of `bytes`, checked against the registry's Docker-Content-Digest. */
  digest: string
}

/** What a HEAD of a manifest tells. */
export interface ManifestHead {
  digest: string
  mediaType: string
  size?: number
}

/** Why a tag is not usable, as data (the caller words it). */
export type UnusableReason =
  | { kind: 'manifest-missing'; reference: string }
  /** A platform manifest named by the tag's index is gone. */
  | { kind: 'platform-manifest-missing'; digest: string }
  /** A config or layer blob is gone (garbage-collected or deleted). */
  | { kind: 'blob-missing'; digest: string; manifest: string }

export type Usability =
  { usable: true; manifest: Manifest } | { usable: false; reason: UnusableReason }

export interface Registry {
  /** `host[:port]`, for references and messages. */
  readonly host: string
  /** The manifest under a tag or digest, or undefined when there is none. */
  getManifest(repository: string, reference: string): Promise<Manifest | undefined>
  headManifest(repository: string, reference: string): Promise<ManifestHead | undefined>
  /**
   * Puts these exact bytes under `tag` and returns the digest the registry reports (equal to
   * `manifest.digest`). A retag: nothing is pulled or pushed but the manifest.
   */
  putManifest(
    repository: string,
    tag: string,
    manifest: Pick<Manifest, 'bytes' | 'mediaType'>
  ): Promise<string>
  hasBlob(repository: string, digest: string): Promise<boolean>
  /**
   * Every tag of the repository, following the Link header's pages (`pageSize` asks for `?n=`);
   * empty when the repository does not exist.
   */
  listTags(repository: string, options?: { pageSize?: number }): Promise<string[]>
  /**
   * The image config's labels; for an index, those of `platform` (`os/arch[/variant]`) or of its
   * first platform manifest. Undefined when the reference is missing.
   */
  labels(
    repository: string,
    reference: string,
    platform?: string
  ): Promise<Record<string, string> | undefined>
  /**
   * Whether the tag can be pulled: its manifest, each platform manifest of an index, and every
   * config and layer blob they name answer. A tag whose blobs are gone is not usable.
   */
  usability(repository: string, tag: string): Promise<Usability>
  isUsable(repository: string, tag: string): Promise<boolean>
  /** `usability` for many tags at once over kept-alive connections; results in input order. */
  usableMany(
    images: { repository: string; tag: string }[],
    options?: { concurrency?: number }
  ): Promise<Usability[]>
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

// ---------------------------------------------------------------------------------------------
// Git ancestry: whether a floating tag may move forward to the commit a build is made from.
// ---------------------------------------------------------------------------------------------

export interface GitAncestry {
  /**
   * Whether `ancestor` is `descendant` or one of its ancestors; undefined when git cannot tell (a
   * commit missing from the local history, as in a shallow clone, or not a commit at all).
   */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>
}
