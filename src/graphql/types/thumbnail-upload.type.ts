import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";

@ObjectType("HttpHeader", { description: "One header to send with a request." })
export class HttpHeader {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType("ThumbnailUpload", {
  description:
    "A two-step upload reserved by createThumbnailUpload: send the file's bytes as the body of one " +
    "`method` request to `url` with `headers` (answered 204 when the image is accepted, else 4xx with " +
    "`{ code, message }`), then call completeThumbnailUpload(id) before `expiresAt`.",
})
export class ThumbnailUpload {
  @Field(() => ID, { description: "Pass it to completeThumbnailUpload." })
  id!: string;

  @Field(() => String, {
    description: "This service's signed URL for the file; valid until expiresAt, once.",
  })
  url!: string;

  @Field(() => String, { description: 'The HTTP method to send the file with: "PUT".' })
  method!: string;

  @Field(() => [HttpHeader], { description: "Headers to send with the file." })
  headers!: HttpHeader[];

  @Field(() => GraphQLISODateTime, { description: "When the URL and the upload expire." })
  expiresAt!: Date;
}
