/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a ThumbnailChange reports. */
export type ThumbnailChangeKind =
  /** The entity no longer has a thumbnail. */
  | 'CLEARED'
  /** Changes made since `missedSince` may not have been delivered (the service's connection to ftrack's event hub was lost and is back, or ftrack could not be read): refetch what is shown. */
  | 'MAY_HAVE_MISSED_CHANGES'
  /** The entity got a thumbnail, or another one. */
  | 'SET';

/** One entity whose thumbnail a mutation reads or changes. */
export type ThumbnailTarget = {
  /** The entity's ftrack id. */
  id: string;
  /** The entity's GraphQL type, e.g. Task or AssetVersion. */
  type: ThumbnailableType;
};

/** A type that implements Thumbnailable. */
export type ThumbnailableType =
  | 'ASSET_BUILD'
  | 'ASSET_VERSION'
  | 'CUSTOM_CONTEXT'
  | 'EPISODE'
  | 'FOLDER'
  | 'MILESTONE'
  | 'PROJECT'
  | 'SEQUENCE'
  | 'SHOT'
  | 'TASK'
  | 'USER';

export type ProjectByIdQueryVariables = Exact<{
  id: string;
}>;


export type ProjectByIdQuery = { project: { __typename: 'Project', id: string, name: string, fullName: string | null, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type TaskByIdQueryVariables = Exact<{
  id: string;
}>;


export type TaskByIdQuery = { task: { __typename: 'Task', id: string, name: string, objectType: string, thumbnailUrl: string | null, versions: { nodes: Array<{ id: string, version: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ShotByIdQueryVariables = Exact<{
  id: string;
}>;


export type ShotByIdQuery = { shot: { __typename: 'Shot', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type SequenceByIdQueryVariables = Exact<{
  id: string;
}>;


export type SequenceByIdQuery = { sequence: { __typename: 'Sequence', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type EpisodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type EpisodeByIdQuery = { episode: { __typename: 'Episode', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AssetBuildByIdQueryVariables = Exact<{
  id: string;
}>;


export type AssetBuildByIdQuery = { assetBuild: { __typename: 'AssetBuild', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type FolderByIdQueryVariables = Exact<{
  id: string;
}>;


export type FolderByIdQuery = { folder: { __typename: 'Folder', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type MilestoneByIdQueryVariables = Exact<{
  id: string;
}>;


export type MilestoneByIdQuery = { milestone: { __typename: 'Milestone', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ContextByIdQueryVariables = Exact<{
  id: string;
}>;


export type ContextByIdQuery = { context:
    | { __typename: 'AssetBuild', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'CustomContext', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'Episode', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'Folder', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'Milestone', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'Project', fullName: string | null, thumbnailUrl: string | null, id: string, name: string }
    | { __typename: 'Sequence', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'Shot', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
    | { __typename: 'Task', objectType: string, thumbnailUrl: string | null, id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null, project: { id: string } | null }
   | null };

export type AssetVersionByIdQueryVariables = Exact<{
  id: string;
}>;


export type AssetVersionByIdQuery = { assetVersion: { __typename: 'AssetVersion', id: string, version: number, comment: string | null, isLatestVersion: boolean, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, asset: { id: string, name: string, parent:
        | { __typename: 'AssetBuild', id: string, name: string }
        | { __typename: 'CustomContext', id: string, name: string }
        | { __typename: 'Episode', id: string, name: string }
        | { __typename: 'Folder', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Sequence', id: string, name: string }
        | { __typename: 'Shot', id: string, name: string }
        | { __typename: 'Task', id: string, name: string }
       | null } | null, task: { id: string, name: string } | null, user: { id: string, username: string } | null } | null };

export type AssetByIdQueryVariables = Exact<{
  id: string;
}>;


export type AssetByIdQuery = { asset: { id: string, name: string, parent:
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
     | null, versions: { nodes: Array<{ id: string, version: number, isLatestVersion: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type UserByIdQueryVariables = Exact<{
  id: string;
}>;


export type UserByIdQuery = { user: { __typename: 'User', id: string, username: string, firstName: string | null, lastName: string | null, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null } | null };

export type ThumbnailableLookupQueryVariables = Exact<{
  type: ThumbnailableType;
  id: string;
}>;


export type ThumbnailableLookupQuery = { thumbnailable:
    | { __typename: 'AssetBuild', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'AssetVersion', version: number, id: string, thumbnailUrl: string | null }
    | { __typename: 'CustomContext', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Episode', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Folder', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Milestone', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Project', name: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Sequence', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Shot', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'Task', name: string, objectType: string, id: string, thumbnailUrl: string | null }
    | { __typename: 'User', username: string, id: string, thumbnailUrl: string | null }
   | null };

export type ThumbnailFieldsFragment = { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string };

type ContextRef_AssetBuild_Fragment = { __typename: 'AssetBuild', id: string, name: string };

type ContextRef_CustomContext_Fragment = { __typename: 'CustomContext', id: string, name: string };

type ContextRef_Episode_Fragment = { __typename: 'Episode', id: string, name: string };

type ContextRef_Folder_Fragment = { __typename: 'Folder', id: string, name: string };

type ContextRef_Milestone_Fragment = { __typename: 'Milestone', id: string, name: string };

type ContextRef_Project_Fragment = { __typename: 'Project', id: string, name: string };

type ContextRef_Sequence_Fragment = { __typename: 'Sequence', id: string, name: string };

type ContextRef_Shot_Fragment = { __typename: 'Shot', id: string, name: string };

type ContextRef_Task_Fragment = { __typename: 'Task', id: string, name: string };

export type ContextRefFragment =
  | ContextRef_AssetBuild_Fragment
  | ContextRef_CustomContext_Fragment
  | ContextRef_Episode_Fragment
  | ContextRef_Folder_Fragment
  | ContextRef_Milestone_Fragment
  | ContextRef_Project_Fragment
  | ContextRef_Sequence_Fragment
  | ContextRef_Shot_Fragment
  | ContextRef_Task_Fragment
;

type TypedContextFields_AssetBuild_Fragment = { __typename: 'AssetBuild', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_CustomContext_Fragment = { __typename: 'CustomContext', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_Episode_Fragment = { __typename: 'Episode', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_Folder_Fragment = { __typename: 'Folder', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_Milestone_Fragment = { __typename: 'Milestone', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_Sequence_Fragment = { __typename: 'Sequence', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_Shot_Fragment = { __typename: 'Shot', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

type TypedContextFields_Task_Fragment = { __typename: 'Task', id: string, name: string, objectType: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null, parent:
    | { __typename: 'AssetBuild', id: string, name: string }
    | { __typename: 'CustomContext', id: string, name: string }
    | { __typename: 'Episode', id: string, name: string }
    | { __typename: 'Folder', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Sequence', id: string, name: string }
    | { __typename: 'Shot', id: string, name: string }
    | { __typename: 'Task', id: string, name: string }
   | null, project: { id: string, name: string, fullName: string | null } | null, children: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string }
      | { __typename: 'CustomContext', id: string, name: string }
      | { __typename: 'Episode', id: string, name: string }
      | { __typename: 'Folder', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Sequence', id: string, name: string }
      | { __typename: 'Shot', id: string, name: string }
      | { __typename: 'Task', id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TypedContextFieldsFragment =
  | TypedContextFields_AssetBuild_Fragment
  | TypedContextFields_CustomContext_Fragment
  | TypedContextFields_Episode_Fragment
  | TypedContextFields_Folder_Fragment
  | TypedContextFields_Milestone_Fragment
  | TypedContextFields_Sequence_Fragment
  | TypedContextFields_Shot_Fragment
  | TypedContextFields_Task_Fragment
;

export type PageFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type ThumbnailSourceFieldsFragment = { id: string, inherited: boolean, source:
    | { __typename: 'AssetBuild', name: string, id: string }
    | { __typename: 'AssetVersion', version: number, id: string }
    | { __typename: 'CustomContext', name: string, id: string }
    | { __typename: 'Episode', name: string, id: string }
    | { __typename: 'Folder', name: string, id: string }
    | { __typename: 'Milestone', name: string, id: string }
    | { __typename: 'Project', name: string, id: string }
    | { __typename: 'Sequence', name: string, id: string }
    | { __typename: 'Shot', name: string, id: string }
    | { __typename: 'Task', name: string, id: string }
    | { __typename: 'User', id: string }
   };

export type InheritedThumbnailQueryVariables = Exact<{
  type: ThumbnailableType;
  id: string;
}>;


export type InheritedThumbnailQuery = { thumbnailable:
    | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
    | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { url: string, id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }
   | null };

export type InheritComparisonQueryVariables = Exact<{
  type: ThumbnailableType;
  id: string;
  inherit?: boolean | null | undefined;
}>;


export type InheritComparisonQuery = { thumbnailable:
    | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
    | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null, url: string, srcset: string } | null }
   | null };

export type TaskGridThumbnailsQueryVariables = Exact<{
  projectId: string;
  first: number;
  inherit: boolean;
}>;


export type TaskGridThumbnailsQuery = { tasks: { nodes: Array<{ id: string, thumbnailUrl: string | null, thumbnail: { id: string, inherited: boolean } | null }> } };

export type TaskGridSourcesQueryVariables = Exact<{
  projectId: string;
  first: number;
}>;


export type TaskGridSourcesQuery = { tasks: { nodes: Array<{ id: string, thumbnail: { id: string, inherited: boolean, source:
          | { __typename: 'AssetBuild', name: string, id: string }
          | { __typename: 'AssetVersion', version: number, id: string }
          | { __typename: 'CustomContext', name: string, id: string }
          | { __typename: 'Episode', name: string, id: string }
          | { __typename: 'Folder', name: string, id: string }
          | { __typename: 'Milestone', name: string, id: string }
          | { __typename: 'Project', name: string, id: string }
          | { __typename: 'Sequence', name: string, id: string }
          | { __typename: 'Shot', name: string, id: string }
          | { __typename: 'Task', name: string, id: string }
          | { __typename: 'User', id: string }
         } | null }> } };

export type TaskVersionGridThumbnailsQueryVariables = Exact<{
  projectId: string;
  first: number;
  inherit: boolean;
}>;


export type TaskVersionGridThumbnailsQuery = { tasks: { nodes: Array<{ id: string, versions: { nodes: Array<{ id: string, thumbnailUrl: string | null, thumbnail: { id: string, inherited: boolean } | null }> } }> } };

export type ProjectsQueryVariables = Exact<{
  nameContains?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { nodes: Array<{ id: string, name: string, fullName: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ContextsQueryVariables = Exact<{
  projectId?: string | null | undefined;
  parentId?: string | null | undefined;
  objectType?: string | null | undefined;
  nameContains?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContextsQuery = { contexts: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string, objectType: string }
      | { __typename: 'CustomContext', id: string, name: string, objectType: string }
      | { __typename: 'Episode', id: string, name: string, objectType: string }
      | { __typename: 'Folder', id: string, name: string, objectType: string }
      | { __typename: 'Milestone', id: string, name: string, objectType: string }
      | { __typename: 'Sequence', id: string, name: string, objectType: string }
      | { __typename: 'Shot', id: string, name: string, objectType: string }
      | { __typename: 'Task', id: string, name: string, objectType: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TasksQueryVariables = Exact<{
  projectId?: string | null | undefined;
  parentId?: string | null | undefined;
  nameContains?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TasksQuery = { tasks: { nodes: Array<{ id: string, name: string, objectType: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AssetVersionsQueryVariables = Exact<{
  assetId?: string | null | undefined;
  taskId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssetVersionsQuery = { assetVersions: { nodes: Array<{ id: string, version: number, isLatestVersion: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UsersQueryVariables = Exact<{
  nameContains?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { nodes: Array<{ id: string, username: string, firstName: string | null, lastName: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TaskVersionsPageQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TaskVersionsPageQuery = { task: { id: string, versions: { nodes: Array<{ id: string, version: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ThumbnailChangedSubscriptionVariables = Exact<{
  targets?: Array<ThumbnailTarget> | ThumbnailTarget | null | undefined;
  projectId?: string | null | undefined;
}>;


export type ThumbnailChangedSubscription = { thumbnailChanged: { kind: ThumbnailChangeKind, missedSince: string | null, entity:
      | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
      | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string } | null }
     | null } };

export type ThumbnailChangedIdsSubscriptionVariables = Exact<{
  targets?: Array<ThumbnailTarget> | ThumbnailTarget | null | undefined;
  projectId?: string | null | undefined;
}>;


export type ThumbnailChangedIdsSubscription = { thumbnailChanged: { kind: ThumbnailChangeKind, entity:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     | null } };

type ThumbnailChange_AssetBuild_Fragment = { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_AssetVersion_Fragment = { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_CustomContext_Fragment = { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Episode_Fragment = { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Folder_Fragment = { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Milestone_Fragment = { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Project_Fragment = { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Sequence_Fragment = { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Shot_Fragment = { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_Task_Fragment = { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

type ThumbnailChange_User_Fragment = { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null };

export type ThumbnailChangeFragment =
  | ThumbnailChange_AssetBuild_Fragment
  | ThumbnailChange_AssetVersion_Fragment
  | ThumbnailChange_CustomContext_Fragment
  | ThumbnailChange_Episode_Fragment
  | ThumbnailChange_Folder_Fragment
  | ThumbnailChange_Milestone_Fragment
  | ThumbnailChange_Project_Fragment
  | ThumbnailChange_Sequence_Fragment
  | ThumbnailChange_Shot_Fragment
  | ThumbnailChange_Task_Fragment
  | ThumbnailChange_User_Fragment
;

export type SetThumbnailMutationVariables = Exact<{
  target: ThumbnailTarget;
  componentId: string;
}>;


export type SetThumbnailMutation = { setThumbnail:
    | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
   };

export type UploadThumbnailMutationVariables = Exact<{
  target: ThumbnailTarget;
  file: unknown;
}>;


export type UploadThumbnailMutation = { uploadThumbnail:
    | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
   };

export type CopyThumbnailMutationVariables = Exact<{
  source: ThumbnailTarget;
  targets: Array<ThumbnailTarget> | ThumbnailTarget;
}>;


export type CopyThumbnailMutation = { copyThumbnail: Array<
    | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
  > };

export type ClearThumbnailMutationVariables = Exact<{
  target: ThumbnailTarget;
}>;


export type ClearThumbnailMutation = { clearThumbnail:
    | { __typename: 'AssetBuild', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'AssetVersion', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'CustomContext', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Episode', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Folder', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Milestone', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Project', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Sequence', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Shot', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'Task', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
    | { __typename: 'User', id: string, thumbnailUrl: string | null, thumbnail: { id: string, name: string, fileType: string | null, byteSize: number | null } | null }
   };

export type TaskThumbnailUrlsQueryVariables = Exact<{
  id: string;
  size?: number | null | undefined;
  sizes: Array<number> | number;
}>;


export type TaskThumbnailUrlsQuery = { task: { id: string, thumbnailUrl: string | null, thumbnail: { id: string, url: string, srcset: string } | null } | null };

export type BulkTaskThumbnailsQueryVariables = Exact<{
  projectId: string;
  first: number;
}>;


export type BulkTaskThumbnailsQuery = { tasks: { nodes: Array<{ id: string, name: string, thumbnailUrl: string | null, project: { id: string, thumbnailUrl: string | null } | null, versions: { nodes: Array<{ id: string, version: number, thumbnailUrl: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const ThumbnailFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}}]} as unknown as DocumentNode<ThumbnailFieldsFragment, unknown>;
export const ContextRefFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<ContextRefFragment, unknown>;
export const TypedContextFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<TypedContextFieldsFragment, unknown>;
export const PageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageFieldsFragment, unknown>;
export const ThumbnailSourceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inherited"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssetVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ThumbnailSourceFieldsFragment, unknown>;
export const ThumbnailChangeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}}]}}]}}]} as unknown as DocumentNode<ThumbnailChangeFragment, unknown>;
export const ProjectByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ProjectByIdQuery, ProjectByIdQueryVariables>;
export const TaskByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<TaskByIdQuery, TaskByIdQueryVariables>;
export const ShotByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShotById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ShotByIdQuery, ShotByIdQueryVariables>;
export const SequenceByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SequenceById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SequenceByIdQuery, SequenceByIdQueryVariables>;
export const EpisodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpisodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"episode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EpisodeByIdQuery, EpisodeByIdQueryVariables>;
export const AssetBuildByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetBuildById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AssetBuildByIdQuery, AssetBuildByIdQueryVariables>;
export const FolderByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FolderById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"folder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FolderByIdQuery, FolderByIdQueryVariables>;
export const MilestoneByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MilestoneById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"milestone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TypedContextFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TypedContextFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MilestoneByIdQuery, MilestoneByIdQueryVariables>;
export const ContextByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContextById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"context"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<ContextByIdQuery, ContextByIdQueryVariables>;
export const AssetVersionByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetVersionById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"isLatestVersion"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<AssetVersionByIdQuery, AssetVersionByIdQueryVariables>;
export const AssetByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContextRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isLatestVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContextRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AssetByIdQuery, AssetByIdQueryVariables>;
export const UserByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}}]} as unknown as DocumentNode<UserByIdQuery, UserByIdQueryVariables>;
export const ThumbnailableLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThumbnailableLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailableType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TypedContext"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objectType"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssetVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<ThumbnailableLookupQuery, ThumbnailableLookupQueryVariables>;
export const InheritedThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InheritedThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailableType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"BooleanValue","value":true}}]},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailSourceFields"}},{"kind":"Field","name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}}]}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inherited"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssetVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<InheritedThumbnailQuery, InheritedThumbnailQueryVariables>;
export const InheritComparisonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InheritComparison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailableType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"}}]}}]} as unknown as DocumentNode<InheritComparisonQuery, InheritComparisonQueryVariables>;
export const TaskGridThumbnailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskGridThumbnails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inherited"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaskGridThumbnailsQuery, TaskGridThumbnailsQueryVariables>;
export const TaskGridSourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskGridSources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailSourceFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inherited"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssetVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<TaskGridSourcesQuery, TaskGridSourcesQueryVariables>;
export const TaskVersionGridThumbnailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskVersionGridThumbnails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}}}]},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inherit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inherited"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaskVersionGridThumbnailsQuery, TaskVersionGridThumbnailsQueryVariables>;
export const ProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const ContextsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Contexts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"objectType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contexts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"parentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"objectType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"objectType"}}},{"kind":"Argument","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ContextsQuery, ContextsQueryVariables>;
export const TasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"parentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<TasksQuery, TasksQueryVariables>;
export const AssetVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}},{"kind":"Argument","name":{"kind":"Name","value":"taskId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isLatestVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AssetVersionsQuery, AssetVersionsQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nameContains"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const TaskVersionsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskVersionsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<TaskVersionsPageQuery, TaskVersionsPageQueryVariables>;
export const ThumbnailChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ThumbnailChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}},{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"missedSince"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}}]},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ThumbnailChangedSubscription, ThumbnailChangedSubscriptionVariables>;
export const ThumbnailChangedIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ThumbnailChangedIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}},{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ThumbnailChangedIdsSubscription, ThumbnailChangedIdsSubscriptionVariables>;
export const SetThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"componentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}},{"kind":"Argument","name":{"kind":"Name","value":"componentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"componentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}}]}}]}}]} as unknown as DocumentNode<SetThumbnailMutation, SetThumbnailMutationVariables>;
export const UploadThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}}]}}]}}]} as unknown as DocumentNode<UploadThumbnailMutation, UploadThumbnailMutationVariables>;
export const CopyThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CopyThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"copyThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}}]}}]}}]} as unknown as DocumentNode<CopyThumbnailMutation, CopyThumbnailMutationVariables>;
export const ClearThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnailable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}}]}}]}}]} as unknown as DocumentNode<ClearThumbnailMutation, ClearThumbnailMutationVariables>;
export const TaskThumbnailUrlsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskThumbnailUrls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"size"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sizes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"Variable","name":{"kind":"Name","value":"size"}}}]},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"Variable","name":{"kind":"Name","value":"size"}}}]},{"kind":"Field","name":{"kind":"Name","value":"srcset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sizes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sizes"}}}]}]}}]}}]}}]} as unknown as DocumentNode<TaskThumbnailUrlsQuery, TaskThumbnailUrlsQueryVariables>;
export const BulkTaskThumbnailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkTaskThumbnails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}}]},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"100"}}]}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<BulkTaskThumbnailsQuery, BulkTaskThumbnailsQueryVariables>;