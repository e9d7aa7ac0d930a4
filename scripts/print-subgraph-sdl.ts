/**
 * Prints this service's subgraph SDL (`npm run subgraph-sdl`): what `_service { sdl }` answers and
 * `rover` or a router composes.
 */
import "reflect-metadata";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildGraphSchema } from "../src/graphql/schema.js";

process.stdout.write(`${printSubgraphSchema(await buildGraphSchema())}\n`);
