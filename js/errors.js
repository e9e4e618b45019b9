// The error classes ordercraft throws. The wasm module creates them through `makeError`, so
// `instanceof` works against the classes exported by the package. The `is…` guards check the
// stable `name` instead, so they hold even across two copies of the package in one process.

/** Base class of every error ordercraft throws. */
export class OrdercraftError extends Error {
  constructor(message) {
    super(message);
    this.name = 'OrdercraftError';
  }
}

/** The order broke at least one rule; `.issues` holds every issue found (errors and warnings). */
export class OrderValidationError extends OrdercraftError {
  constructor(message, issues) {
    super(message);
    this.name = 'OrderValidationError';
    this.issues = issues;
  }
}

/** An argument or option is missing or unusable; `.argument` names it (`opts.appSecret`). */
export class ArgumentError extends OrdercraftError {
  constructor(message, argument) {
    super(message);
    this.name = 'ArgumentError';
    this.argument = argument;
  }
}

/** No endpoint has this id; `.endpoint` is the id given, `.suggestion` (where there is one) the known id it most likely means. */
export class UnknownEndpointError extends OrdercraftError {
  constructor(message, endpoint, suggestion) {
    super(message);
    this.name = 'UnknownEndpointError';
    this.endpoint = endpoint;
    if (suggestion !== undefined) this.suggestion = suggestion;
  }
}

const classes = { OrderValidationError, ArgumentError, UnknownEndpointError };

export function makeError(name, message, detail, suggestion) {
  return new classes[name](message, detail, suggestion);
}

const NAMES = new Set(['OrdercraftError', ...Object.keys(classes)]);
const named = (name) => (error) => error instanceof Error && error.name === name;

export const isOrdercraftError = (error) => error instanceof Error && NAMES.has(error.name);
export const isOrderValidationError = (error) => named('OrderValidationError')(error) && Array.isArray(error.issues);
export const isArgumentError = (error) => named('ArgumentError')(error) && typeof error.argument === 'string';
export const isUnknownEndpointError = (error) => named('UnknownEndpointError')(error) && typeof error.endpoint === 'string';
