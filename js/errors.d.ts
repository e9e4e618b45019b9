import type { Issue } from '../pkg/ordercraft.js';

/** Base class of every error ordercraft throws. */
export class OrdercraftError extends Error {
  readonly name: 'OrdercraftError' | 'OrderValidationError' | 'ArgumentError' | 'UnknownEndpointError';
}

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
  /** The known id it most likely means (a close spelling, or the id without its provider), where there is one. */
  readonly suggestion?: string;
}

/** Guards by `name`, so they hold across two copies of the package (an ESM and a CJS one, two bundles). */
export function isOrdercraftError(error: unknown): error is OrdercraftError;
export function isOrderValidationError(error: unknown): error is OrderValidationError;
export function isArgumentError(error: unknown): error is ArgumentError;
export function isUnknownEndpointError(error: unknown): error is UnknownEndpointError;
