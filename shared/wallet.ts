// The wallets the till takes through OTTPay, and their names as wallets spell them in every language.

export type Wallet = 'WECHATPAY' | 'ALIPAY' | 'UNIONPAY';
export const WALLETS: readonly Wallet[] = ['WECHATPAY', 'ALIPAY', 'UNIONPAY'];
export const WALLET_NAMES: Record<Wallet, string> = {
  WECHATPAY: 'WeChat Pay',
  ALIPAY: 'Alipay',
  UNIONPAY: 'UnionPay',
};
