/**
 * A value now, or later. The ftrack session answers what it already holds (a record a list or
 * look-ahead brought, a list look-ahead grouped) without a promise, so GraphQL can complete those
 * fields at once instead of awaiting one promise per entity.
 */
export type Awaitable<T> = T | Promise<T>;

/** `fn` applied to the value: at once when it is there, else when it comes. */
export function whenReady<T, R>(value: Awaitable<T>, fn: (value: T) => R): Awaitable<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}
