// The error classes ordercraft throws. The wasm module creates them through `makeError`, so
// `instanceof` works against the classes exported by the package.

/** Base class of every error ordercraft throws. */
export class OrdercraftError extends Error {}

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

/** No endpoint has this id; `.endpoint` is the id given. */
export class UnknownEndpointError extends OrdercraftError {
  constructor(message, endpoint) {
    super(message);
    this.name = 'UnknownEndpointError';
    this.endpoint = endpoint;
  }
}

const classes = { OrderValidationError, ArgumentError, UnknownEndpointError };

export function makeError(name, message, detail) {
  return new classes[name](message, detail);
}
