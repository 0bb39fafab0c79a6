import { randomUUID } from 'node:crypto';

/**
 * An error the API answers with its own status and a JSON body in the real Jobindsats shape,
 * `{ code, cause, request_id }` (the cause in English, as the real API words it), and ours
 * beside it, `{ error: { code, parameter?, message } }` with the Danish message.
 */
export class StatbankError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
    readonly cause_?: string,
  ) {
    super(message);
    this.name = 'StatbankError';
  }

  /** The JSON body of the response. */
  toJSON(requestId: string = randomUUID()): { code: number; cause: string; request_id: string; error: { code: string; parameter?: string; message: string } } {
    return {
      code: this.statusCode,
      cause: this.cause_ ?? this.message,
      request_id: requestId,
      error: { code: this.code, ...(this.parameter ? { parameter: this.parameter } : {}), message: this.message },
    };
  }
}

/** 422 for a query parameter (as the real API), with a Danish message naming it and the real API's cause. */
export const invalidParameter = (parameter: string, message: string, cause = `Invalid parameter: ${parameter}`): StatbankError =>
  new StatbankError(422, 'invalid_parameter', `Parameteren ${parameter}: ${message}`, parameter, cause);

export const notFound = (message: string, cause?: string): StatbankError => new StatbankError(404, 'not_found', message, undefined, cause);
