import type { Issue } from '../pkg/ordercraft.js';

/** Base class of every error ordercraft throws. */
export class OrdercraftError extends Error {}

/** The order broke at least one rule; `issues` holds every issue found (errors and warnings). */
export class OrderValidationError extends OrdercraftError {
  readonly name: 'OrderValidationError';
  readonly issues: Issue[];
}

/** An argument or option is missing or unusable; `argument` names it (`opts.appSecret`). */
export class ArgumentError extends OrdercraftError {
  readonly name: 'ArgumentError';
  readonly argument: string;
}

/** No endpoint has this id; `endpoint` is the id given. */
export class UnknownEndpointError extends OrdercraftError {
  readonly name: 'UnknownEndpointError';
  readonly endpoint: string;
}
