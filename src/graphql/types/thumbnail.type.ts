import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { Thumbnailable } from "./thumbnailable.type.js";

@Directive(ENTITY_CACHE_HINT)
@ObjectType("Thumbnail", { description: "The image component an entity uses as its thumbnail." })
export class Thumbnail {
  @Field(() => ID, { description: "ftrack id of the FileComponent." })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'File extension as ftrack stores it, e.g. ".png".' })
  fileType!: string | null;

  @Field(() => Int, { nullable: true, description: "Size of the stored original in bytes." })
  byteSize!: number | null;

  @Field(() => Thumbnailable, {
    description:
      "The entity whose thumbnail this is: the entity asked about, or with `inherit: true` the version or ancestor it was inherited from.",
  })
  source!: Thumbnailable;

  @Field(() => Boolean, {
    description:
      "True when this thumbnail is inherited: `source` is another entity than the one asked about.",
  })
  inherited!: boolean;
}
