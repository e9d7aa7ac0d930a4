/** The public face of the ftrack layer. */
export { CallBatcher, type CallBatcherOptions, isReadOperation, isTransientError } from "./call-batcher.js";
export { ExpressionError, InvalidIdError, isFtrackId } from "./expression.js";
export { createFtrackClient, type FtrackClient, type FtrackClientConfig } from "./ftrack.client.js";
export {
  FtrackSession,
  type FtrackSessionOptions,
  type NewFileComponent,
  type PageArgs,
} from "./ftrack.session.js";
export { FtrackTransport, type FtrackTransportOptions } from "./ftrack.transport.js";
export * from "./ftrack.types.js";
