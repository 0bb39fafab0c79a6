/** An error the API answers with its own status and a JSON body `{ error: { code, parameter?, message } }`. */
export class StatbankError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'StatbankError';
  }

  /** The JSON body of the response. */
  toJSON(): { error: { code: string; parameter?: string; message: string } } {
    return { error: { code: this.code, ...(this.parameter ? { parameter: this.parameter } : {}), message: this.message } };
  }
}

/** 400 for a query parameter, with a Danish message naming it. */
export const invalidParameter = (parameter: string, message: string): StatbankError =>
  new StatbankError(400, 'invalid_parameter', `Parameteren ${parameter}: ${message}`, parameter);

export const notFound = (message: string): StatbankError => new StatbankError(404, 'not_found', message);
