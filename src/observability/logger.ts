/** The service's pino logger. Secrets are redacted here, once, for every caller. */
import { pino } from "pino";
import { PinoPretty } from "pino-pretty";
import type { LogFormat } from "../config.js";
import { requestLogFields } from "./request-scope.js";

const REDACT = [
  "req.headers.authorization",
  'req.headers["ftrack-api-key"]',
  "req.headers.cookie",
  "apiKey",
  "ftrackApiKey",
  "token",
  "*.apiKey",
  "*.token",
  "*.authorization",
  'headers["ftrack-api-key"]',
  "headers.authorization",
  "headers.cookie",
];

/** Removes credentials and signatures from a URL before it is logged. */
export function scrubUrl(url: string): string {
  return url.replace(/([?&](?:apiKey|api_key|sig|signature|token)=)[^&#]*/gi, "$1[redacted]");
}

/**
 * A short description of an error for a log line: its name and message, URL credentials and
 * signatures redacted. Errors of the ftrack layer carry no URL or key in the first place.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  return `${error.name}: ${scrubUrl(error.message)}`;
}

export function createLogger(
  level = process.env.LOG_LEVEL || "info",
  destination?: pino.DestinationStream,
  format: LogFormat = "json",
) {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "[redacted]" },
      // The current request's id (and trace id, with tracing on) on every line logged while serving
      // it, unless the line names them itself.
      mixin: (merge) => ("requestId" in merge ? {} : requestLogFields()),
    },
    format === "pretty"
      ? PinoPretty({
          destination: destination ?? process.stdout,
          colorize: destination === undefined && process.stdout.isTTY,
          translateTime: "SYS:HH:MM:ss.l",
          ignore: "pid,hostname",
          sync: true,
        })
      : destination,
  );
}

export type Logger = pino.Logger;
