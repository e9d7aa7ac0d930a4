import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Thumbnailable } from "./thumbnailable.type.js";

export enum ThumbnailChangeKind {
  SET = "SET",
  CLEARED = "CLEARED",
  MAY_HAVE_MISSED_CHANGES = "MAY_HAVE_MISSED_CHANGES",
}

registerEnumType(ThumbnailChangeKind, {
  name: "ThumbnailChangeKind",
  description: "What a ThumbnailChange reports.",
  valuesConfig: {
    SET: { description: "The entity got a thumbnail, or another one." },
    CLEARED: { description: "The entity no longer has a thumbnail." },
    MAY_HAVE_MISSED_CHANGES: {
      description:
        "Changes made since `missedSince` may not have been delivered (the service's connection to " +
        "ftrack's event hub was lost and is back, or ftrack could not be read): refetch what is shown.",
    },
  },
});

@ObjectType("ThumbnailChange", {
  description:
    "A thumbnail set or cleared on an entity the subscriber may read, as ftrack has it now; or a notice " +
    "that changes may have been missed.",
})
export class ThumbnailChange {
  @Field(() => ThumbnailChangeKind)
  kind!: ThumbnailChangeKind;

  @Field(() => Thumbnailable, {
    nullable: true,
    description:
      "The entity whose thumbnail changed, with its current thumbnail (read as the subscriber when the " +
      "change was seen). Null for MAY_HAVE_MISSED_CHANGES.",
  })
  entity!: Thumbnailable | null;

  @Field(() => String, {
    nullable: true,
    description:
      "MAY_HAVE_MISSED_CHANGES: since when (ISO 8601) changes may have been missed. Null for the other kinds.",
  })
  missedSince!: string | null;
}
