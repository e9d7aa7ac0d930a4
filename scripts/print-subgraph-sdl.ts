/** Prints this service's subgraph SDL (`npm run subgraph-sdl`): what `rover` or a router composes. */
import "reflect-metadata";
import { printSubgraphSdl } from "../src/graphql/federation/subgraph.schema.js";
import { buildGraphSchema } from "../src/graphql/schema.js";

process.stdout.write(`${printSubgraphSdl(await buildGraphSchema())}\n`);
