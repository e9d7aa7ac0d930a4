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

export type ProjectGridQueryVariables = Exact<{
  projectId: string;
  after?: string | null | undefined;
}>;


export type ProjectGridQuery = { contexts: { nodes: Array<
      | { __typename: 'AssetBuild', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'CustomContext', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'Episode', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'Folder', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'Milestone', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'Sequence', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'Shot', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
      | { __typename: 'Task', id: string, name: string, objectType: string, parent:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, thumbnail: { id: string, srcset: string, inherited: boolean, source:
            | { __typename: 'AssetBuild', name: string, id: string }
            | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LiveThumbnailsSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type LiveThumbnailsSubscription = { thumbnailChanged: { kind: ThumbnailChangeKind, entity:
      | { __typename: 'AssetBuild', id: string }
      | { __typename: 'AssetVersion', id: string }
      | { __typename: 'CustomContext', id: string }
      | { __typename: 'Episode', id: string }
      | { __typename: 'Folder', id: string }
      | { __typename: 'Milestone', id: string }
      | { __typename: 'Project', id: string }
      | { __typename: 'Sequence', id: string }
      | { __typename: 'Shot', id: string }
      | { __typename: 'Task', id: string }
      | { __typename: 'User', id: string }
     | null } };

export type ProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectsQuery = { projects: { nodes: Array<{ id: string, name: string, fullName: string | null }> } };

export type ThumbnailImageFragment = { id: string, srcset: string };

export type ThumbnailSourceFragment = { inherited: boolean, source:
    | { __typename: 'AssetBuild', name: string, id: string }
    | { __typename: 'AssetVersion', version: number, id: string, asset: { id: string, name: string } | null }
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

export type CreateThumbnailUploadMutationVariables = Exact<{
  target: ThumbnailTarget;
  fileName: string;
  contentType: string;
  byteSize: number;
}>;


export type CreateThumbnailUploadMutation = { createThumbnailUpload: { id: string, url: string, method: string, headers: Array<{ name: string, value: string }> } };

export type CompleteThumbnailUploadMutationVariables = Exact<{
  id: string;
}>;


export type CompleteThumbnailUploadMutation = { completeThumbnailUpload:
    | { __typename: 'AssetBuild', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'AssetVersion', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'CustomContext', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Episode', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Folder', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Milestone', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Project', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Sequence', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Shot', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Task', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'User', id: string, thumbnail: { id: string, srcset: string } | null }
   };

export type CopyThumbnailMutationVariables = Exact<{
  source: ThumbnailTarget;
  targets: Array<ThumbnailTarget> | ThumbnailTarget;
}>;


export type CopyThumbnailMutation = { copyThumbnail: Array<
    | { __typename: 'AssetBuild', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'AssetVersion', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'CustomContext', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Episode', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Folder', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Milestone', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Project', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Sequence', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Shot', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'Task', id: string, thumbnail: { id: string, srcset: string } | null }
    | { __typename: 'User', id: string, thumbnail: { id: string, srcset: string } | null }
  > };

export type ClearThumbnailMutationVariables = Exact<{
  target: ThumbnailTarget;
}>;


export type ClearThumbnailMutation = { clearThumbnail:
    | { __typename: 'AssetBuild', id: string, thumbnail: { id: string } | null }
    | { __typename: 'AssetVersion', id: string, thumbnail: { id: string } | null }
    | { __typename: 'CustomContext', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Episode', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Folder', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Milestone', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Project', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Sequence', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Shot', id: string, thumbnail: { id: string } | null }
    | { __typename: 'Task', id: string, thumbnail: { id: string } | null }
    | { __typename: 'User', id: string, thumbnail: { id: string } | null }
   };

export type TaskVersionsQueryVariables = Exact<{
  taskId: string;
}>;


export type TaskVersionsQuery = { task: { id: string, name: string, parent:
      | { __typename: 'AssetBuild', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'CustomContext', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Episode', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Folder', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Milestone', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Project', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Sequence', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Shot', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
      | { __typename: 'Task', id: string, name: string, thumbnail: { id: string, srcset: string } | null }
     | null, versions: { nodes: Array<{ id: string, version: number, isLatestVersion: boolean, asset: { id: string, name: string } | null, user: { id: string, username: string } | null, thumbnail: { id: string, srcset: string } | null }> } } | null };

export const ThumbnailImageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sizes"},"value":{"kind":"ListValue","values":[{"kind":"IntValue","value":"150"},{"kind":"IntValue","value":"300"},{"kind":"IntValue","value":"500"},{"kind":"IntValue","value":"800"}]}}]}]}}]} as unknown as DocumentNode<ThumbnailImageFragment, unknown>;
export const ThumbnailSourceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailSource"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inherited"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssetVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ThumbnailSourceFragment, unknown>;
export const ProjectGridDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contexts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"48"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inherit"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailImage"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailSource"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sizes"},"value":{"kind":"ListValue","values":[{"kind":"IntValue","value":"150"},{"kind":"IntValue","value":"300"},{"kind":"IntValue","value":"500"},{"kind":"IntValue","value":"800"}]}}]}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailSource"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inherited"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Context"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssetVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectGridQuery, ProjectGridQueryVariables>;
export const LiveThumbnailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveThumbnails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LiveThumbnailsSubscription, LiveThumbnailsSubscriptionVariables>;
export const ProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const CreateThumbnailUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateThumbnailUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contentType"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"byteSize"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createThumbnailUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}},{"kind":"Argument","name":{"kind":"Name","value":"contentType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contentType"}}},{"kind":"Argument","name":{"kind":"Name","value":"byteSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byteSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<CreateThumbnailUploadMutation, CreateThumbnailUploadMutationVariables>;
export const CompleteThumbnailUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteThumbnailUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeThumbnailUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailImage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sizes"},"value":{"kind":"ListValue","values":[{"kind":"IntValue","value":"150"},{"kind":"IntValue","value":"300"},{"kind":"IntValue","value":"500"},{"kind":"IntValue","value":"800"}]}}]}]}}]} as unknown as DocumentNode<CompleteThumbnailUploadMutation, CompleteThumbnailUploadMutationVariables>;
export const CopyThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CopyThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"copyThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailImage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sizes"},"value":{"kind":"ListValue","values":[{"kind":"IntValue","value":"150"},{"kind":"IntValue","value":"300"},{"kind":"IntValue","value":"500"},{"kind":"IntValue","value":"800"}]}}]}]}}]} as unknown as DocumentNode<CopyThumbnailMutation, CopyThumbnailMutationVariables>;
export const ClearThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ThumbnailTarget"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ClearThumbnailMutation, ClearThumbnailMutationVariables>;
export const TaskVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailImage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"isLatestVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thumbnail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThumbnailImage"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThumbnailImage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Thumbnail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"srcset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sizes"},"value":{"kind":"ListValue","values":[{"kind":"IntValue","value":"150"},{"kind":"IntValue","value":"300"},{"kind":"IntValue","value":"500"},{"kind":"IntValue","value":"800"}]}}]}]}}]} as unknown as DocumentNode<TaskVersionsQuery, TaskVersionsQueryVariables>;