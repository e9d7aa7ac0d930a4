/**
 * The `Upload` scalar of the GraphQL multipart request spec. Unlike graphql-upload's GraphQLUpload,
 * it hands resolvers the file as the domain reads it, a stream that has not started yet: type-graphql
 * awaits promise arguments before calling a resolver, which would turn a request cut off mid-upload
 * into an unmapped error outside the resolver. As a stream, its errors reach the domain translated
 * (upload.stream.ts).
 */
import { GraphQLError, GraphQLScalarType } from "graphql";
import type { FileUpload } from "graphql-upload/processRequest.mjs";
import Upload from "graphql-upload/Upload.mjs";
import { ErrorCode } from "../../error-codes.js";
import type { UploadedFile } from "../../thumbnails/upload.reader.js";
import { uploadStream } from "./upload.stream.js";

export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: "Upload",
  description:
    "A file sent as a GraphQL multipart request (send the `apollo-require-preflight: true` header).",
  parseValue(value) {
    if (value instanceof Upload) {
      const file = value.promise as Promise<FileUpload>;
      file.catch(() => {}); // handled where the stream is read; never an unhandled rejection
      return { stream: uploadStream(file) };
    }
    throw new GraphQLError("Upload value invalid: send the file as a multipart request part.", {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  },
  parseLiteral(node) {
    throw new GraphQLError("An Upload cannot be written in the query: send it as a variable.", {
      nodes: node,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  },
  serialize() {
    throw new GraphQLError("Upload serialization unsupported.");
  },
});
