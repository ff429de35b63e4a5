// The built-in sandbox merchant: the till runs the simulator in-process with these when no OTTPay
// credentials are configured. They are not secrets — nothing real accepts them.

/** Two letters and eight digits, like OTTPay's own ids; "SB" marks the sandbox. */
export const SANDBOX_MERCHANT_ID = 'SB00000001';
/** 16 upper-case hex characters, the shape of a real sign key. */
export const SANDBOX_SIGN_KEY = '5A4D0B0C5EED1E55';
/** Ten digits, the shape of an OTTPay operator id. */
export const SANDBOX_OPERATOR_ID = '0000000001';

export const SANDBOX_MERCHANT = { merchantId: SANDBOX_MERCHANT_ID, signKey: SANDBOX_SIGN_KEY } as const;
