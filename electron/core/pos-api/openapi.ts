// GET /v1/openapi.json: the API described in OpenAPI 3.1, its schemas generated from the zod schemas
// the server validates with (schemas.ts). The API tests validate every answer against this document.
import { z } from 'zod';
import {
  createPaymentSchema,
  createRefundSchema,
  errorSchema,
  paymentSchema,
  refundSchema,
} from './schemas.ts';

const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Record<
    string,
    unknown
  >;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => body('Error', description);

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'Your id for this request: the same key and body again answers the same result, never a second charge',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
};
const paymentId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const common = {
  '401': { description: 'No or wrong `Authorization: Bearer KEY` (no body)' },
  '429': error('Too many requests from this address (rate-limited), or too many held waits'),
  '500': error(
    'internal: the till could not answer (see its log); a payment request may be retried with the same Idempotency-Key',
  ),
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'OTTPay Till — local POS API',
      version: '1.0.0',
      description:
        'The till as a semi-integrated payment terminal: the POS sends the amount, the till takes the ' +
        'WeChat Pay / Alipay / UnionPay payment and answers the outcome. Amounts in integer cents.',
    },
    security: [{ bearer: [] }],
    paths: {
      '/v1/payments': {
        post: {
          operationId: 'createPayment',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: ref('CreatePayment') } } },
          responses: {
            '201': body('Payment', 'The payment was started (journaled before OTTPay heard of it)'),
            '200': body('Payment', 'The same key and body again: the same payment'),
            '400': error('A field is wrong: `field` names it'),
            '409': error('idempotency-key-reused, till-busy or till-locked'),
            '413': error('The body is too large'),
            '415': error('The body is not application/json'),
            '503': error('The gateway or the journal is not available: nothing was started'),
            ...common,
          },
        },
      },
      '/v1/payments/{id}': {
        get: {
          operationId: 'getPayment',
          parameters: [
            paymentId,
            {
              name: 'wait',
              in: 'query',
              required: false,
              description: 'Hold the request until the state changes or this many seconds pass',
              schema: { type: 'integer', minimum: 0, maximum: 60 },
            },
          ],
          responses: {
            '200': body('Payment', 'The payment now'),
            '400': error('wait is not 0–60'),
            '404': error('No such payment'),
            ...common,
          },
        },
      },
      '/v1/payments/{id}/cancel': {
        post: {
          operationId: 'cancelPayment',
          parameters: [paymentId],
          responses: {
            '200': body('Payment', 'The resulting state: checking when the customer may already have paid'),
            '404': error('No such payment'),
            ...common,
          },
        },
      },
      '/v1/payments/{id}/refunds': {
        post: {
          operationId: 'refundPayment',
          parameters: [paymentId, idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: ref('CreateRefund') } } },
          responses: {
            '201': body('Refund', 'The refund was started (journaled, with the API as its approver)'),
            '200': body('Refund', 'The same key and body again: the same refund'),
            '400': error('A field is wrong'),
            '403': error('refunds-disabled: refunds over the API are off in the till’s settings'),
            '404': error('No such payment'),
            '409': error('idempotency-key-reused, not-paid or refund-refused (more than remains)'),
            '503': error('The gateway or the journal is not available'),
            ...common,
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'openApi',
          responses: {
            '200': {
              description: 'This document',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            ...common,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        CreatePayment: json(createPaymentSchema, 'input'),
        CreateRefund: json(createRefundSchema, 'input'),
        Payment: json(paymentSchema),
        Refund: json(refundSchema),
        Error: json(errorSchema),
      },
    },
  };
}
