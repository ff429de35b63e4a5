// The words printed on a receipt, in the three languages the till speaks. The customer copy is
// printed in the customer display's language, the merchant copy in the operator's. Plain data, so the
// core prints them and a renderer can show the same receipt.
import type { Language } from '../language.ts';

export const RECEIPT_WORDS = {
  en: {
    sale: 'SALE',
    refund: 'REFUND',
    customerCopy: 'Customer copy',
    merchantCopy: 'MERCHANT COPY — keep for your records',
    sandbox: 'SANDBOX — NOT A PAYMENT',
    date: 'Date',
    order: 'Order',
    originalOrder: 'Original order',
    wallet: 'Wallet',
    walletTxn: 'Wallet txn',
    amount: 'Amount',
    tip: 'Tip',
    total: 'Total',
    refunded: 'Refunded',
    remaining: 'Remaining',
    cny: 'CNY',
    rate: 'Rate',
    operator: 'Operator',
    terminal: 'Terminal',
    thanks: 'Thank you',
    reprint: 'REPRINT',
    testPage: 'TEST PAGE',
    testPageBody: 'The printer is set up.',
  },
  fr: {
    sale: 'VENTE',
    refund: 'REMBOURSEMENT',
    customerCopy: 'Copie du client',
    merchantCopy: 'COPIE DU MARCHAND — à conserver',
    sandbox: 'BAC À SABLE — AUCUN PAIEMENT',
    date: 'Date',
    order: 'Commande',
    originalOrder: 'Commande d’origine',
    wallet: 'Portefeuille',
    walletTxn: 'N° de transaction',
    amount: 'Montant',
    tip: 'Pourboire',
    total: 'Total',
    refunded: 'Remboursé',
    remaining: 'Reste',
    cny: 'CNY',
    rate: 'Taux',
    operator: 'Opérateur',
    terminal: 'Terminal',
    thanks: 'Merci',
    reprint: 'RÉIMPRESSION',
    testPage: 'PAGE D’ESSAI',
    testPageBody: 'L’imprimante est prête.',
  },
  zh: {
    sale: '销售',
    refund: '退款',
    customerCopy: '顾客联',
    merchantCopy: '商户联——请留存',
    sandbox: '沙盒——非真实付款',
    date: '日期',
    order: '订单号',
    originalOrder: '原订单号',
    wallet: '支付方式',
    walletTxn: '交易单号',
    amount: '金额',
    tip: '小费',
    total: '合计',
    refunded: '已退款',
    remaining: '剩余',
    cny: '人民币',
    rate: '汇率',
    operator: '操作员',
    terminal: '终端',
    thanks: '谢谢惠顾',
    reprint: '补打',
    testPage: '测试页',
    testPageBody: '打印机已设置好。',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type ReceiptWord = keyof (typeof RECEIPT_WORDS)['en'];
// Every language carries every word of the English table (the compiler checks it here).
const _complete: Record<Language, Record<ReceiptWord, string>> = RECEIPT_WORDS;
void _complete;

export const WALLET_WORDS: Record<Language, Record<'WECHATPAY' | 'ALIPAY' | 'UNIONPAY', string>> = {
  en: { WECHATPAY: 'WeChat Pay', ALIPAY: 'Alipay', UNIONPAY: 'UnionPay' },
  fr: { WECHATPAY: 'WeChat Pay', ALIPAY: 'Alipay', UNIONPAY: 'UnionPay' },
  zh: { WECHATPAY: '微信支付', ALIPAY: '支付宝', UNIONPAY: '银联' },
};
