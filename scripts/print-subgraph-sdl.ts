/**
 * Prints this service's subgraph SDL (`npm run subgraph-sdl`): exactly what the running service
 * answers to `{ _service { sdl } }`, which is what `rover` or a router composes. (schema.graphql,
 * from `npm run schema`, is the same schema sorted and without federation's own definitions.)
 */
import "reflect-metadata";
import { graphql } from "graphql";
import { buildGraphSchema } from "../src/graphql/schema.js";

const result = await graphql({ schema: await buildGraphSchema(), source: "{ _service { sdl } }" });
const sdl = (result.data as { _service?: { sdl?: unknown } } | null)?._service?.sdl;
if (typeof sdl !== "string") throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
process.stdout.write(`${sdl}\n`);
