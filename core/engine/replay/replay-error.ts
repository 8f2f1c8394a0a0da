// Replay inputs that do not fit together: named codes and a plain sentence, never a stack trace for the user.

export type ReplayErrorCode = 'invalid_price_book' | 'unknown_feature' | 'unknown_plan' | 'unknown_customer' | 'invalid_adjustment';

export class ReplayInputError extends Error {
  constructor(
    readonly code: ReplayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReplayInputError';
  }
}
