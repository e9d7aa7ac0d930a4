/**
 * A raw query expression, for tests that must send ftrack what the service never would (a bad
 * expression, a hand-written one). Production code builds every expression with src/ftrack/expression.ts.
 */
import type { QueryExpression } from "../../src/ftrack/expression.js";

export const unsafeExpression = (text: string): QueryExpression => text as QueryExpression;
