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
