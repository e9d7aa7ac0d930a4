/**
 * An AbortSignal that fires when the client goes away before its answer is finished (the
 * connection closed early), never after a complete answer. Work done only for that answer can
 * stop: the request's ftrack session aborts its requests in flight and sends no more.
 */
import type { Response } from "express";

export function hangUpSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
