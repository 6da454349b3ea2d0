import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export const API_CONTRACT_KEY = 'rd:api-contract';

export interface ApiContract {
  summary: string;
  /** Request body schema (validated by the handler with the same schema). */
  body?: z.ZodType;
  /** The request body is a file of one of these media types instead of JSON. */
  upload?: readonly string[];
  /** Success response schema. */
  response?: z.ZodType;
  /** The response is a react-admin list: a JSON array with a Content-Range header. */
  list?: boolean;
  successStatus?: number;
  /** Media type of the success body when it is not JSON, e.g. `text/calendar`. */
  produces?: string;
}

/** Documents a route in the OpenAPI description built from the contracts. */
export const ApiContract = (contract: ApiContract) => SetMetadata(API_CONTRACT_KEY, contract);
