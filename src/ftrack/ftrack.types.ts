/**
 * The ftrack wire format as this service uses it, and the records the rest of the service reads.
 * Upper layers (thumbnails/, graphql/, delivery/) see only the records and errors in this file,
 * never ftrack's attribute names or JSON.
 */
import type { QueryExpression } from "./expression.js";

export type FtrackOperation =
  | { action: "query"; expression: QueryExpression }
  | { action: "create"; entity_type: string; entity_data: Record<string, unknown> }
  | { action: "update"; entity_type: string; entity_key: string[]; entity_data: Record<string, unknown> }
  | { action: "delete"; entity_type: string; entity_key: string[] }
  | { action: "query_schemas" }
  | { action: "query_server_information"; values?: string[] }
  | {
      action: "get_upload_metadata";
      component_id: string;
      file_name: string;
      file_size: number;
      checksum?: string | null;
      parts?: number | null;
    };

/** An entity as ftrack encodes it. */
export interface FtrackEntity {
  __entity_type__: string;
  id: string;
  [attribute: string]: unknown;
}

/** Who the service acts as: `ftrack-user` names the user, the key authenticates the service or user. */
export interface FtrackIdentity {
  username: string;
  apiKey: string;
  /**
   * True for the service's own identity (FTRACK_API_USER with FTRACK_API_KEY): ftrack refusing it is
   * this service's misconfiguration, not the caller's fault. Not when the key acts as another user
   * (AUTH_MODE=jwt): ftrack refuses a user it does not know and a bad key alike.
   */
  service?: boolean;
}

/** ftrack answered with its error shape (`exception`, `content`, `error_code`). */
export class FtrackApiError extends Error {
  constructor(
    readonly exception: string,
    message: string,
    readonly errorCode: string | null = null,
    readonly status = 0,
    /** The request carried the service's own identity (see FtrackIdentity.service). */
    readonly byService = false,
  ) {
    super(message);
    this.name = "FtrackApiError";
  }

  get isPermission(): boolean {
    return this.exception === "PermissionError" || this.exception === "FTAuthenticationError";
  }

  get isCredentials(): boolean {
    return this.exception === "InvalidCredentialsError";
  }
}

/** ftrack could not be reached or did not answer in time. Messages never carry URLs or keys. */
export class FtrackUnavailableError extends Error {
  constructor(
    readonly kind: "network" | "timeout" | "http",
    message: string,
    readonly status = 0,
    /** "network": the system error code when there is one (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED). */
    readonly code?: string,
  ) {
    super(message);
    this.name = "FtrackUnavailableError";
  }
}

/** The caller went away: its ftrack request was aborted, or never sent. */
export class FtrackAbortedError extends Error {
  constructor() {
    super("The ftrack request was aborted: its caller went away");
    this.name = "FtrackAbortedError";
  }
}

/** ftrack's fixed location ids. */
export const SERVER_LOCATION_ID = "3a372bde-05bc-11e4-8908-20c9d081909b";
export const ORIGIN_LOCATION_ID = "ce9b348f-8809-11e3-821c-20c9d081909b";

/** ftrack types that carry a thumbnail (Project, every TypedContext, AssetVersion, User). */
export type ThumbnailableKind = "Project" | "TypedContext" | "AssetVersion" | "User";

/** A Project or a TypedContext (Task, Shot, Sequence, ... or a studio-defined object type). */
export interface ContextRecord {
  /** ftrack's concrete entity type: "Project", "Task", "Shot", ... */
  entityType: string;
  id: string;
  name: string;
  /** Project only. */
  fullName: string | null;
  parentId: string | null;
  projectId: string | null;
  thumbnailId: string | null;
  /** TypedContext only: the object type's name ("Task", "Shot", or a studio-defined one). */
  objectTypeName: string | null;
}

export interface AssetRecord {
  entityType: "Asset";
  id: string;
  name: string;
  contextId: string | null;
}

export interface AssetVersionRecord {
  entityType: "AssetVersion";
  id: string;
  version: number;
  comment: string | null;
  assetId: string | null;
  taskId: string | null;
  userId: string | null;
  isLatestVersion: boolean;
  thumbnailId: string | null;
}

/** A version with when it was published: what an inherited thumbnail is ranked by. */
export interface DatedVersionRecord extends AssetVersionRecord {
  /** ISO 8601. */
  date: string | null;
}

export interface UserRecord {
  entityType: "User";
  id: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  thumbnailId: string | null;
}

export interface ComponentRecord {
  /** "FileComponent", "ContainerComponent", ... */
  entityType: string;
  id: string;
  name: string;
  fileType: string | null;
  size: number | null;
  /** Ids of the locations the component is in. */
  locationIds: string[];
}

export type ThumbnailableRecord = ContextRecord | AssetVersionRecord | UserRecord;

/** Which page of a list to read: ftrack's offset paging. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** One page of a list read with offset paging; nextOffset is null on the last page. */
export interface RecordPage<T> {
  items: T[];
  nextOffset: number | null;
}

/** Where to PUT a component's bytes: exactly this URL with exactly these headers. The URL may be
 * signed (a credential): never log it or hand it to a caller. */
export interface UploadMetadata {
  componentId: string;
  url: string;
  headers: Record<string, string>;
}
